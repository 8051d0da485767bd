/**
 * swtalent policy list | show ID|FILE | check FILE
 * The built-in profiles, one printed with every rule, threshold, amount, date and basis,
 * or a custom policy file checked.
 * Kept whole (past 300 lines): most of it is `policy show`, one rule kind after another.
 */
import type { Command } from "commander";
import { type Degree, type Policy, type Rule, formatFraction, policyData } from "../core/policy/schema.js";
import { formatDay } from "../core/dates.js";
import type { Presentation, Row, Section } from "../render/model.js";
import { date, id, num, text } from "../render/model.js";
import type { Lang } from "../render/messages.js";
import type { HelpWords } from "../render/help.js";
import { gradeWord, unitTypeWord, yesWord } from "../render/words.js";
import { builtinIds, loadPolicy } from "../io/policies.js";
import type { CommandSpec } from "./spec.js";
import { type CommonOptions, langOf, tableWidth } from "./options.js";
import { isHuman, render } from "./deliver.js";
import { policyFile } from "./inputs.js";
import { outPath } from "./out-name.js";
import type { Runtime } from "./runtime.js";
import { DEFAULT_WIDTH, TRAITS, formatOption } from "../render/format.js";
import { STDOUT, checkNotInput, writeOutput } from "../io/write.js";
import { writePaged } from "../io/pager.js";
import { UsageError } from "../core/errors.js";

interface PolicyOptions extends CommonOptions {}

/** Words for the codes of a policy, so a clerk can read `policy show` against the document. */
const ZH = {
  holds: { anyone: "人员", certified: "持证人员", certified_national: "持全国证书人员", sw_professional: "社会工作专业人才" } as Record<string, string>,
  degree: { none: "无", associate: "大专", bachelor: "本科", master: "硕士", doctor: "博士" } satisfies Record<Degree, string> as Record<string, string>,
  posts: { professional_posts: "专业技术岗位数", sw_posts: "社会工作专业岗位数", total_posts: "岗位总数" } as Record<string, string>,
  attribute: { sw_office: "设立社会工作室（站）", social_service: "从事专业社会服务" } as Record<string, string>,
  tier: { senior: "高级岗位", intermediate: "中级岗位", junior: "初级岗位" } as Record<string, string>,
  role: { committee: "社区两委成员", community_staff: "社区专职工作人员", other: "其他" } as Record<string, string>,
};

interface Words {
  readonly lang: Lang;
  readonly v: Policy["vocabulary"];
}

const zhOr = (w: Words, table: Record<string, string>, code: string) => (w.lang === "zh" ? (table[code] ?? code) : code);
const grades = (w: Words, list: readonly string[]) => list.map((g) => gradeWord(g, w.v, w.lang)).join("/");
const unitTypes = (w: Words, list: readonly string[]) => list.map((t) => unitTypeWord(t, w.v, w.lang)).join(w.lang === "zh" ? "、" : "/");

function scope(r: Rule, w: Words): string {
  if (!("applies" in r)) return w.lang === "zh" ? "每名人员" : "each person";
  return r.applies
    .map((s) => {
      const extra = [
        s.social_service !== undefined ? `${zhOr(w, ZH.attribute, "social_service")}=${yesWord(s.social_service, w.lang)}` : "",
        s.sw_office !== undefined ? `${zhOr(w, ZH.attribute, "sw_office")}=${yesWord(s.sw_office, w.lang)}` : "",
      ].filter(Boolean);
      return unitTypes(w, s.unit_types) + (extra.length ? (w.lang === "zh" ? `（${extra.join("，")}）` : ` (${extra.join(", ")})`) : "");
    })
    .join(w.lang === "zh" ? "；" : "; ");
}

function who(x: { holds: string; or_degree?: string; grades?: string[]; full_time?: boolean }, w: Words): string {
  if (w.lang === "zh") {
    let s = ZH.holds[x.holds] ?? x.holds;
    if (x.grades) s += `（${grades(w, x.grades)}）`;
    if (x.or_degree) s += `或${ZH.degree[x.or_degree] ?? x.or_degree}及以上学历者`;
    return x.full_time ? `专职${s}` : s;
  }
  let s = x.holds;
  if (x.grades) s += ` [${x.grades.join("+")}]`;
  if (x.or_degree) s += ` or degree ≥ ${x.or_degree}`;
  if (x.full_time) s = `full-time ${s}`;
  return s;
}

function requirement(r: Rule, w: Words): string {
  const zh = w.lang === "zh";
  switch (r.kind) {
    case "ratio":
      return zh
        ? `${who(r.who, w)} / ${r.among?.full_time ? "专职" : ""}在岗人数 ≥ ${formatFraction(r.ratio)}`
        : `${who(r.who, w)} / ${r.among?.full_time ? "full-time " : ""}headcount ≥ ${formatFraction(r.ratio)}`;
    case "post_ratio":
      return `${zhOr(w, ZH.posts, r.numerator)} / ${zhOr(w, ZH.posts, r.denominator)} ≥ ${formatFraction(r.ratio)}`;
    case "count":
      return zh
        ? `${who(r.who, w)} ≥ ${r.min} 人${r.also_sw_office ? "，且设立社会工作室" : ""}`
        : `${who(r.who, w)} ≥ ${r.min}${r.also_sw_office ? " and sw_office = yes" : ""}`;
    case "attribute":
      return zh ? `${zhOr(w, ZH.attribute, r.attribute)}：是` : `${r.attribute} = yes`;
    case "flag":
      return zh ? `${who(r.who, w)} ≥ ${r.min} 人时标记（仅提示）` : `flag when ${who(r.who, w)} ≥ ${r.min} (informational)`;
    case "post_tier":
      return Object.entries(r.needs)
        .map(([t, g]) => (zh ? `${zhOr(w, ZH.tier, t)}：${grades(w, g)}` : `${t} post: ${g.join("/")}`))
        .join(zh ? "；" : "; ");
    case "post_level":
      return Object.entries(r.levels)
        .map(([g, [a, b]]) => (zh ? `${gradeWord(g, w.v, "zh")}：${a}–${b} 级` : `${g}: ${a}–${b}`))
        .join(zh ? "；" : "; ");
  }
}

const HEAD = {
  en: {
    id: "id",
    title: "title",
    applies: "applies to",
    passes: "passes when",
    due: "due",
    basis: "basis",
    units: "units",
    who: "who",
    yuan: "yuan per month",
    roles: "roles",
    certificate: "certificate",
    days: "days per window",
    window: "window",
    hours: "hours per day",
  },
  zh: {
    id: "编号",
    title: "名称",
    applies: "适用单位",
    passes: "达标条件",
    due: "期限",
    basis: "依据",
    units: "单位",
    who: "对象",
    yuan: "每月金额（元）",
    roles: "岗位",
    certificate: "证书",
    days: "每期应训天数",
    window: "计算期间",
    hours: "每天学时",
  },
};

export function presentPolicy(p: Policy, lang: Lang): Presentation {
  const w: Words = { lang, v: p.vocabulary };
  const zh = lang === "zh";
  const h = HEAD[lang];
  const title = (t: { zh: string; en: string }) => t[lang];
  const ruleRows: Row[] = Object.entries(p.rules).map(([rule, r]) => [
    id(rule),
    text(title(r.title)),
    text(scope(r, w)),
    text(requirement(r, w)),
    r.due === undefined ? null : date(formatDay(r.due)),
    text(r.basis),
  ]);
  const targetRows: Row[] = Object.entries(p.targets).map(([target, t]) => [
    id(target),
    text(title(t.title)),
    text(
      t.kind === "people"
        ? zh
          ? `在岗${who(t.who, w)} ≥ ${t.min} 人`
          : `${who(t.who, w)} in service ≥ ${t.min}`
        : zh
          ? `${unitTypes(w, t.unit_types)}数量 ≥ ${t.min} 家`
          : `${t.unit_types.join("/")} units ≥ ${t.min}`,
    ),
    date(formatDay(t.due)),
    text(t.basis),
  ]);
  const params = p.params;
  const sections: Section[] = [
    {
      title: `${p.id}: ${title(p.name)}`,
      header: [],
      rows: [],
      notes: zh
        ? [
            `文件：${p.document}`,
            `社会工作员计入持证人员（staff_counts_as_certified）：${yesWord(params.staff_counts_as_certified, w.lang)}`,
            `专业人才的最低社会工作专业学历（professional_degree_min）：${ZH.degree[params.professional_degree_min] ?? params.professional_degree_min}`,
            `名册未填是否专职时按专职计（full_time_default）：${yesWord(params.full_time_default, w.lang)}`,
          ]
        : [
            `document: ${p.document}`,
            `staff_counts_as_certified: ${yesWord(params.staff_counts_as_certified, w.lang)}`,
            `professional_degree_min: ${params.professional_degree_min}`,
            `full_time_default: ${yesWord(params.full_time_default, w.lang)} (when the roster does not say)`,
          ],
    },
    { title: zh ? "单位与人员规则" : "Rules", header: [h.id, h.title, h.applies, h.passes, h.due, h.basis], rows: ruleRows },
  ];
  if (targetRows.length > 0) sections.push({ title: zh ? "区域目标" : "Region targets", header: [h.id, h.title, h.passes, h.due, h.basis], rows: targetRows });
  if (p.exam) {
    const e = p.exam;
    const unknownAge = e.unknown_age ?? "include";
    const age =
      e.max_age === undefined
        ? ""
        : zh
          ? `，年龄 ≤ ${e.max_age} 岁（年龄不详者${unknownAge === "exclude" ? "不列入" : "列入"}）`
          : `, aged ≤ ${e.max_age} (unknown age: ${unknownAge})`;
    sections.push({
      title: zh ? "考试动员名单" : "Exam list",
      header: [h.id, h.units, h.who, h.basis],
      rows: [[id(e.id), text(unitTypes(w, e.unit_types)), text(`${zh ? "未持证人员" : "not certified"}${age}`), text(e.basis)]],
    });
  }
  const a = p.allowance;
  sections.push(
    a
      ? {
          title: zh ? "职业津贴" : "Monthly allowance",
          header: [h.id, h.yuan, h.units, h.roles, h.certificate, h.basis],
          rows: [
            [
              id(a.id),
              text(
                Object.entries(a.monthly)
                  .map(([g, y]) => `${gradeWord(g, w.v, lang)} ${y}`)
                  .join(zh ? "，" : ", "),
              ),
              text(`${unitTypes(w, a.unit_types)}${a.require_sw_office ? (zh ? "（已设立社会工作室）" : " with sw_office") : ""}`),
              text(a.roles.map((r) => zhOr(w, ZH.role, r)).join("/")),
              text(
                a.paid_from === "next_month"
                  ? zh
                    ? "取证日期早于当月 1 日（次月起发放）"
                    : "dated before the 1st of the month (次月起)"
                  : zh
                    ? "取证日期不晚于当月"
                    : "dated in or before the month",
              ),
              text(a.basis),
            ],
          ],
        }
      : { header: [], rows: [], notes: [zh ? "本政策未规定津贴标准。" : "This policy sets no allowance amounts."] },
  );
  const t = p.training;
  sections.push(
    t
      ? {
          title: zh ? "继续教育" : "Training",
          header: [h.id, h.days, h.window, h.hours, h.basis],
          rows: [
            [
              id(t.id),
              text(
                Object.entries(t.days)
                  .map(([g, d]) => `${gradeWord(g, w.v, lang)} ${d}`)
                  .join(zh ? "，" : ", "),
              ),
              text(zh ? (t.window === "rolling" ? `截至核查日期的 ${t.years} 年` : `自取证日期起每 ${t.years} 年一个周期`) : `${t.window}, ${t.years} years`),
              num(t.hours_per_day),
              text(t.basis),
            ],
          ],
        }
      : { header: [], rows: [], notes: [zh ? "本政策未规定培训天数。" : "This policy sets no training days."] },
  );
  const csvHeader = [h.id, h.title, h.applies, h.passes, h.due, h.basis];
  const region = zh ? "区域" : "region";
  return {
    json: policyData(p),
    sections,
    csv: { header: csvHeader, rows: [...ruleRows, ...targetRows.map((r): Row => [r[0]!, r[1]!, text(region), r[2]!, r[3]!, r[4]!])] },
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
  if (out === STDOUT) await writePaged(rt, text, o.pager !== false && isHuman(format));
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
