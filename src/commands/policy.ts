/**
 * swtalent policy list | show ID|FILE | check FILE
 * The built-in profiles, one printed with every rule, threshold, amount, date and basis,
 * or a custom policy file checked.
 * Kept whole (past 300 lines): most of it is `policy show`, one rule kind after another.
 */
import type { Command } from "commander";
import { type Policy, type Rule, formatFraction, policyData } from "../core/policy/schema.js";
import { formatDay } from "../core/dates.js";
import type { Presentation, Row, Section } from "../render/model.js";
import { date, id, num, text } from "../render/model.js";
import { POLICY_WORDS, type Who } from "../render/catalogs/policy.js";
import type { Lang } from "../render/messages.js";
import type { HelpWords } from "../render/help.js";
import { gradeWord, unitTypeWord, yesWord } from "../render/words.js";
import { builtinIds, loadPolicy } from "../io/policies.js";
import type { CommandSpec } from "./spec.js";
import { type CommonOptions, langOf, tableWidth } from "./options.js";
import { render } from "./deliver.js";
import { policyFile } from "./inputs.js";
import { outPath } from "./out-name.js";
import type { Runtime } from "./runtime.js";
import { DEFAULT_WIDTH, TRAITS, formatOption } from "../render/format.js";
import { STDOUT, checkNotInput, writeOutput } from "../io/write.js";
import { writePaged } from "../io/pager.js";
import { UsageError } from "../core/errors.js";

interface PolicyOptions extends CommonOptions {}

interface Words {
  readonly lang: Lang;
  readonly v: Policy["vocabulary"];
  readonly t: (typeof POLICY_WORDS)["en"];
}

const gradeWords = (w: Words, list: readonly string[]) => list.map((g) => gradeWord(g, w.v, w.lang));
const unitTypes = (w: Words, list: readonly string[]) => list.map((t) => unitTypeWord(t, w.v, w.lang)).join(w.lang === "zh" ? "、" : "/");

function scope(r: Rule, w: Words): string {
  if (!("applies" in r)) return w.t.eachPerson;
  return r.applies
    .map((s) => {
      const extra = [
        s.social_service !== undefined ? `${w.t.code("attribute", "social_service")}=${yesWord(s.social_service, w.lang)}` : "",
        s.sw_office !== undefined ? `${w.t.code("attribute", "sw_office")}=${yesWord(s.sw_office, w.lang)}` : "",
      ].filter(Boolean);
      return unitTypes(w, s.unit_types) + (extra.length ? w.t.scopeExtra(extra) : "");
    })
    .join(w.t.sep);
}

const who = (x: Who, w: Words): string => w.t.who(x, gradeWords(w, x.grades ?? []));

function requirement(r: Rule, w: Words): string {
  const t = w.t;
  switch (r.kind) {
    case "ratio":
      return t.ratio(who(r.who, w), r.among?.full_time === true, formatFraction(r.ratio));
    case "post_ratio":
      return `${t.code("posts", r.numerator)} / ${t.code("posts", r.denominator)} ≥ ${formatFraction(r.ratio)}`;
    case "count":
      return t.count(who(r.who, w), r.min, r.also_sw_office === true);
    case "attribute":
      return t.attribute(r.attribute, t.code("attribute", r.attribute));
    case "flag":
      return t.flag(who(r.who, w), r.min);
    case "post_tier":
      return Object.entries(r.needs)
        .map(([tier, g]) => t.tierNeeds(tier, t.code("tier", tier), g, gradeWords(w, g)))
        .join(t.sep);
    case "post_level":
      return Object.entries(r.levels)
        .map(([g, [a, b]]) => t.levelRange(g, gradeWord(g, w.v, w.lang), a, b))
        .join(t.sep);
  }
}

export function presentPolicy(p: Policy, lang: Lang): Presentation {
  const t = POLICY_WORDS[lang];
  const w: Words = { lang, v: p.vocabulary, t };
  const h = t.head;
  const title = (x: { zh: string; en: string }) => x[lang];
  const ruleRows: Row[] = Object.entries(p.rules).map(([rule, r]) => [
    id(rule),
    text(title(r.title)),
    text(scope(r, w)),
    text(requirement(r, w)),
    r.due === undefined ? null : date(formatDay(r.due)),
    text(r.basis),
  ]);
  const targetRows: Row[] = Object.entries(p.targets).map(([target, x]) => [
    id(target),
    text(title(x.title)),
    text(x.kind === "people" ? t.targetPeople(who(x.who, w), x.min) : t.targetUnits(x.unit_types, unitTypes(w, x.unit_types), x.min)),
    date(formatDay(x.due)),
    text(x.basis),
  ]);
  const params = p.params;
  const sections: Section[] = [
    {
      title: `${p.id}: ${title(p.name)}`,
      header: [],
      rows: [],
      notes: t.params({
        document: p.document,
        staff: yesWord(params.staff_counts_as_certified, lang),
        degree: t.code("degree", params.professional_degree_min),
        fullTime: yesWord(params.full_time_default, lang),
      }),
    },
    { title: t.rules, header: [h.id, h.title, h.applies, h.passes, h.due, h.basis], rows: ruleRows },
  ];
  if (targetRows.length > 0) sections.push({ title: t.targets, header: [h.id, h.title, h.passes, h.due, h.basis], rows: targetRows });
  if (p.exam) {
    const e = p.exam;
    const age = e.max_age === undefined ? "" : t.examAge(e.max_age, e.unknown_age ?? "include");
    sections.push({
      title: t.exam,
      header: [h.id, h.units, h.who, h.basis],
      rows: [[id(e.id), text(unitTypes(w, e.unit_types)), text(`${t.notCertified}${age}`), text(e.basis)]],
    });
  }
  const a = p.allowance;
  sections.push(
    a
      ? {
          title: t.allowance,
          header: [h.id, h.yuan, h.units, h.roles, h.certificate, h.basis],
          rows: [
            [
              id(a.id),
              text(
                Object.entries(a.monthly)
                  .map(([g, y]) => `${gradeWord(g, w.v, lang)} ${y}`)
                  .join(t.amountsSep),
              ),
              text(`${unitTypes(w, a.unit_types)}${a.require_sw_office ? t.withOffice : ""}`),
              text(a.roles.map((r) => t.code("role", r)).join("/")),
              text(a.paid_from === "next_month" ? t.paidNextMonth : t.paidInMonth),
              text(a.basis),
            ],
          ],
        }
      : { header: [], rows: [], notes: [t.noAllowance] },
  );
  const tr = p.training;
  sections.push(
    tr
      ? {
          title: t.training,
          header: [h.id, h.days, h.window, h.hours, h.basis],
          rows: [
            [
              id(tr.id),
              text(
                Object.entries(tr.days)
                  .map(([g, d]) => `${gradeWord(g, w.v, lang)} ${d}`)
                  .join(t.amountsSep),
              ),
              text(t.window(tr.window, tr.years)),
              num(tr.hours_per_day),
              text(tr.basis),
            ],
          ],
        }
      : { header: [], rows: [], notes: [t.noTraining] },
  );
  const csvHeader = [h.id, h.title, h.applies, h.passes, h.due, h.basis];
  return {
    json: policyData(p),
    sections,
    csv: { header: csvHeader, rows: [...ruleRows, ...targetRows.map((r): Row => [r[0]!, r[1]!, text(t.region), r[2]!, r[3]!, r[4]!])] },
  };
}

/** Writes the presentation; `inputs` are the policy files read, which --out must not name. */
async function output(p: Presentation, o: PolicyOptions, rt: Runtime, defaultFormat: "table", inputs: readonly string[] = []): Promise<number> {
  const out = o.out === undefined ? STDOUT : outPath(o.out, {}, "policy");
  checkNotInput(rt, out, inputs);
  const format = o.format ? formatOption(o.format) : rt.stdoutIsTTY ? defaultFormat : "table";
  if (TRAITS[format].document) throw new UsageError(`policy writes table, csv, json or md, not ${format}`);
  const color = format === "table" && rt.stdoutIsTTY && !rt.env.NO_COLOR && out === STDOUT;
  const text = render(p, format, o, color, tableWidth(o, rt, DEFAULT_WIDTH));
  if (out === STDOUT) await writePaged(rt, text, o.pager !== false && TRAITS[format].paged);
  else await writeOutput(rt, out, text);
  return 0;
}

function policyOptions(cmd: Command, w: HelpWords): Command {
  return cmd
    .option("--format <fmt>", w.policy.format)
    .option("--out <file>", w.policy.out)
    .option("--lang <zh|en>", w.policy.lang)
    .option("--no-pager", w.common.pager)
    .option("--width <n>", w.common.width)
    .option("--no-bom", w.common.bom);
}

export const policyCommand: CommandSpec = {
  name: "policy",
  define: (cmd: Command, w) => {
    cmd.description(w.policy.description);
    policyOptions(cmd.command("list").description(w.policy.list), w);
    policyOptions(cmd.command("show").argument("<id|file>", w.policy.showArgument).description(w.policy.show), w);
    policyOptions(cmd.command("check").argument("<file>", w.policy.checkArgument).description(w.policy.check), w);
    cmd.addHelpText("after", `\n${w.examples}\n  swtalent policy list\n  swtalent policy show qijiang-2020\n  swtalent policy check my-policy.yaml`);
    return cmd;
  },
  async run() {
    throw new UsageError("policy needs a subcommand: list, show ID|FILE, or check FILE");
  },
  subcommands: {
    async list(args, rt) {
      const o = args[0] as PolicyOptions;
      const lang = langOf(o, rt.env);
      const rows: Row[] = builtinIds().map((ref) => {
        const p = loadPolicy(ref);
        return [
          id(ref + (ref === "qijiang-2020" ? " (default)" : "")),
          text(p.name[lang]),
          text(p.document),
          id(p.allowance ? "yes" : "no"),
          id(p.training ? "yes" : "no"),
        ];
      });
      const header = ["id", "name", "document", "allowance", "training"];
      return output(
        { json: builtinIds().map((id) => ({ id, document: loadPolicy(id).document })), sections: [{ header, rows }], csv: { header, rows } },
        o,
        rt,
        "table",
      );
    },
    async show(args, rt) {
      const [ref, o] = args as [string, PolicyOptions];
      return output(presentPolicy(loadPolicy(ref, rt.cwd), langOf(o, rt.env)), o, rt, "table", policyFile(ref));
    },
    async check(args, rt) {
      const [file, o] = args as [string, PolicyOptions];
      const p = loadPolicy(file, rt.cwd);
      const line = `${file}: valid policy ${p.id} (${Object.keys(p.rules).length} rules, ${Object.keys(p.targets).length} targets)`;
      return output(
        {
          json: { file, valid: true, id: p.id },
          sections: [{ header: [], rows: [], notes: [line] }],
          csv: { header: ["file", "valid", "id"], rows: [[text(file), id("yes"), id(p.id)]] },
        },
        o,
        rt,
        "table",
        [file],
      );
    },
  },
};
