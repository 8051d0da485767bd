/**
 * swtalent policy list | show ID|FILE | check FILE
 * The built-in profiles, one printed with every rule, threshold, amount, date and basis,
 * or a custom policy file checked.
 */
import type { Command } from "commander";
import type { Policy, Rule } from "../core/policy/schema.js";
import type { Cell, Presentation, Section } from "../render/format.js";
import type { Lang } from "../render/messages.js";
import { builtinIds, loadPolicy } from "../io/policies.js";
import type { CommandSpec } from "./index.js";
import { type CommonOptions, type Runtime, langOf, render } from "./shared.js";
import { formatOption } from "../render/format.js";
import { writeAtomic, writeStdout } from "../io/write.js";
import { UsageError } from "../core/errors.js";

interface PolicyOptions extends CommonOptions {}

function scope(r: Rule): string {
  if (!("applies" in r)) return "each person";
  return r.applies
    .map((s) => {
      const extra = [
        s.social_service !== undefined ? `social_service=${s.social_service ? "yes" : "no"}` : "",
        s.sw_office !== undefined ? `sw_office=${s.sw_office ? "yes" : "no"}` : "",
      ].filter(Boolean);
      return s.unit_types.join("/") + (extra.length ? ` (${extra.join(", ")})` : "");
    })
    .join("; ");
}

function who(w: { holds: string; or_degree?: string; grades?: string[]; full_time?: boolean }): string {
  let s = w.holds;
  if (w.grades) s += ` [${w.grades.join("+")}]`;
  if (w.or_degree) s += ` or degree ≥ ${w.or_degree}`;
  if (w.full_time) s = `full-time ${s}`;
  return s;
}

function requirement(r: Rule): string {
  switch (r.kind) {
    case "ratio":
      return `${who(r.who)} / ${r.among?.full_time ? "full-time " : ""}headcount ≥ ${r.ratio}`;
    case "post_ratio":
      return `${r.numerator} / ${r.denominator} ≥ ${r.ratio}`;
    case "count":
      return `${who(r.who)} ≥ ${r.min}${r.also_sw_office ? " and sw_office = yes" : ""}`;
    case "attribute":
      return `${r.attribute} = yes`;
    case "flag":
      return `flag when ${who(r.who)} ≥ ${r.min} (informational)`;
    case "post_tier":
      return Object.entries(r.needs).map(([t, g]) => `${t} post: ${g.join("/")}`).join("; ");
    case "post_level":
      return Object.entries(r.levels).map(([g, [a, b]]) => `${g}: ${a}–${b}`).join("; ");
  }
}

export function presentPolicy(p: Policy, lang: Lang): Presentation {
  const title = (t: { zh: string; en: string }) => t[lang];
  const ruleRows: Cell[][] = Object.entries(p.rules).map(([id, r]) => [id, title(r.title), scope(r), requirement(r), r.due ?? "", r.basis]);
  const targetRows: Cell[][] = Object.entries(p.targets).map(([id, t]) => [
    id,
    title(t.title),
    t.kind === "people" ? `${who(t.who)} in service ≥ ${t.min}` : `${t.unit_types.join("/")} units ≥ ${t.min}`,
    t.due,
    t.basis,
  ]);
  const sections: Section[] = [
    {
      title: `${p.id}: ${title(p.name)}`,
      header: [],
      rows: [],
      notes: [
        `document: ${p.document}`,
        `staff_counts_as_certified: ${p.params.staff_counts_as_certified ? "yes" : "no"}`,
        `professional_degree_min: ${p.params.professional_degree_min}`,
        `full_time_default: ${p.params.full_time_default ? "yes" : "no"} (when the roster does not say)`,
      ],
    },
    { title: lang === "zh" ? "单位与人员规则" : "Rules", header: ["id", "title", "applies to", "passes when", "due", "basis"], rows: ruleRows },
  ];
  if (targetRows.length > 0) sections.push({ title: lang === "zh" ? "区域目标" : "Region targets", header: ["id", "title", "passes when", "due", "basis"], rows: targetRows });
  if (p.exam) {
    sections.push({
      title: lang === "zh" ? "考试动员名单" : "Exam list",
      header: ["id", "units", "who", "basis"],
      rows: [[p.exam.id, p.exam.unit_types.join("/"), `not certified${p.exam.max_age !== undefined ? `, aged ≤ ${p.exam.max_age} (unknown age: ${p.exam.unknown_age ?? "include"})` : ""}`, p.exam.basis]],
    });
  }
  const a = p.allowance;
  sections.push(
    a
      ? {
          title: lang === "zh" ? "职业津贴" : "Monthly allowance",
          header: ["id", "yuan per month", "units", "roles", "certificate", "basis"],
          rows: [[
            a.id,
            Object.entries(a.monthly).map(([g, y]) => `${g} ${y}`).join(", "),
            `${a.unit_types.join("/")}${a.require_sw_office ? " with sw_office" : ""}`,
            a.roles.join("/"),
            a.paid_from === "next_month" ? "dated before the 1st of the month (次月起)" : "dated in or before the month",
            a.basis,
          ]],
        }
      : { header: [], rows: [], notes: [lang === "zh" ? "本政策未规定津贴标准。" : "This policy sets no allowance amounts."] },
  );
  const t = p.training;
  sections.push(
    t
      ? {
          title: lang === "zh" ? "继续教育" : "Training",
          header: ["id", "days per window", "window", "hours per day", "basis"],
          rows: [[t.id, Object.entries(t.days).map(([g, d]) => `${g} ${d}`).join(", "), `${t.window}, ${t.years} years`, t.hours_per_day, t.basis]],
        }
      : { header: [], rows: [], notes: [lang === "zh" ? "本政策未规定培训天数。" : "This policy sets no training days."] },
  );
  return { json: p, sections, csv: { header: ["id", "title", "applies to", "passes when", "due", "basis"], rows: [...ruleRows, ...targetRows.map((r) => [r[0]!, r[1]!, "region", r[2]!, r[3]!, r[4]!])] } };
}

async function output(p: Presentation, o: PolicyOptions, rt: Runtime, defaultFormat: "table"): Promise<number> {
  const format = o.format ? formatOption(o.format) : rt.stdoutIsTTY ? defaultFormat : "table";
  const text = render(p, format, o, format === "table" && rt.stdoutIsTTY && !rt.env.NO_COLOR && !o.out);
  if (o.out) writeAtomic(o.out, text);
  else await writeStdout(text);
  return 0;
}

function policyOptions(cmd: Command): Command {
  return cmd
    .option("--format <fmt>", "table | json | md | csv (default: table)")
    .option("--out <file>", "write to this file")
    .option("--lang <zh|en>", "language of titles")
    .option("--no-bom", "CSV output without the UTF-8 byte-order mark");
}

export const policyCommand: CommandSpec = {
  name: "policy",
  define: (cmd: Command) => {
    cmd.description("list the built-in policy profiles, show one, or check a policy file");
    policyOptions(cmd.command("list").description("list the built-in profiles"));
    policyOptions(cmd.command("show").argument("<id|file>", "a built-in id or a policy file").description("print every rule, threshold, amount, date and basis"));
    policyOptions(cmd.command("check").argument("<file>", "a policy file (YAML or JSON)").description("validate a custom policy file"));
    cmd.addHelpText(
      "after",
      "\nExamples:\n  swtalent policy list\n  swtalent policy show qijiang-2020\n  swtalent policy check my-policy.yaml",
    );
    return cmd;
  },
  async run() {
    throw new UsageError("policy needs a subcommand: list, show ID|FILE, or check FILE");
  },
  subcommands: {
  async list(args, rt) {
    const o = args[0] as PolicyOptions;
    const lang = langOf(o, rt.env);
    const rows: Cell[][] = builtinIds().map((id) => {
      const p = loadPolicy(id);
      return [id + (id === "qijiang-2020" ? " (default)" : ""), p.name[lang], p.document, p.allowance ? "yes" : "no", p.training ? "yes" : "no"];
    });
    const header = ["id", "name", "document", "allowance", "training"];
    return output({ json: builtinIds().map((id) => ({ id, document: loadPolicy(id).document })), sections: [{ header, rows }], csv: { header, rows } }, o, rt, "table");
  },
  async show(args, rt) {
    const [ref, o] = args as [string, PolicyOptions];
    return output(presentPolicy(loadPolicy(ref), langOf(o, rt.env)), o, rt, "table");
  },
  async check(args, rt) {
    const [file, o] = args as [string, PolicyOptions];
    const p = loadPolicy(file);
    const line = `${file}: valid policy ${p.id} (${Object.keys(p.rules).length} rules, ${Object.keys(p.targets).length} targets)`;
    return output({ json: { file, valid: true, id: p.id }, sections: [{ header: [], rows: [], notes: [line] }], csv: { header: ["file", "valid", "id"], rows: [[file, "yes", p.id]] } }, o, rt, "table");
  },
  },
};
