/**
 * The comparison as people and scripts read it: the totals first (units compliant, the
 * allowance's cost A → B), then every change part by part; CSV is the list of changes; JSON
 * as SPEC.md "compare" fixes it, every pair [A, B].
 */
import type { Policy } from "../core/policy/schema.js";
import type { AllowanceComparison, AuditComparison, Comparison, Pair, Part, TargetPair, TrainingChange, TrainingComparison } from "../core/rules/compare.js";
import type { Lang } from "../render/messages.js";
import { type Cell, type Chart, type Fact, type Row, type Section, date, id, money, month, num, plain, text, textOrEmpty, yuan } from "../render/model.js";
import { statusCell, townWord, unitTypeWord, yesWord } from "../render/words.js";
import type { Own } from "./document.js";
import { idShown } from "./envelope.js";
import type { CommonOptions } from "./options.js";

const H = {
  en: {
    part: "part",
    town: "town",
    unit: "unit",
    type: "unit_type",
    id: "id",
    name: "name",
    month: "month",
    item: "item",
    a: "A",
    b: "B",
    difference: "difference",
    because: "because",
    compliant: "compliant",
    failingA: "failing under A",
    failingB: "failing under B",
    rule: "rule",
    value: "value",
    required: "required",
    due: "due",
    status: "status",
    requiredDays: "required_days",
    days: "days",
    total: "all",
  },
  zh: {
    part: "部分",
    town: "街镇",
    unit: "单位",
    type: "单位类型",
    id: "编号",
    name: "姓名",
    month: "月份",
    item: "项目",
    a: "A",
    b: "B",
    difference: "差额",
    because: "原因",
    compliant: "是否达标",
    failingA: "A 下未达标规则",
    failingB: "B 下未达标规则",
    rule: "规则",
    value: "实际",
    required: "要求",
    due: "期限",
    status: "结果",
    requiredDays: "应训天数",
    days: "已训天数",
    total: "总计",
  },
};

/** The allowance condition that decides a change, as `because` names it (JSON keeps the code). */
const CONDITION_WORDS: Record<string, { zh: string; en: string }> = {
  not_in_service: { zh: "在岗", en: "in service" },
  unit: { zh: "单位", en: "unit" },
  role: { zh: "岗位", en: "role" },
  grade: { zh: "证书", en: "certificate" },
};

const ARROW = " → ";

/** "+310", "-100", "0": a difference B − A. */
function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** One value when both sides agree, else "a → b"; a side without the item is "—". */
function pairText<T>(p: Pair<T | null>, show: (v: T) => string = String): string {
  const [a, b] = both(p, (v) => (v === null ? "—" : show(v)));
  return a === b ? a : `${a}${ARROW}${b}`;
}

function rules(ids: readonly string[], lang: Lang): string {
  return ids.length === 0 ? (lang === "zh" ? "无" : "none") : ids.join(", ");
}

function lackingWords(lacking: readonly string[], part: "allowance" | "training", lang: Lang): string {
  const what = part === "allowance" ? (lang === "zh" ? "津贴标准" : "allowance amounts") : lang === "zh" ? "培训天数" : "training days";
  return lang === "zh" ? `${lacking.join("、")} 未规定${what}` : `${lacking.join(" and ")} ${lacking.length > 1 ? "set" : "sets"} no ${what}`;
}

/** Why a part has no figures, in words: not comparable (a policy lacks it) or not asked for. */
function partAbsent(part: Part<unknown>, which: "allowance" | "training", lang: Lang): string {
  return `${partTitle(which, lang)}${lang === "zh" ? "：" : ": "}${absentWhy(part, which, lang)}`;
}

function partTitle(which: "allowance" | "training", lang: Lang): string {
  return which === "allowance" ? (lang === "zh" ? "津贴" : "Allowance") : lang === "zh" ? "培训" : "Training";
}

function absentWhy(part: Part<unknown>, which: "allowance" | "training", lang: Lang): string {
  if (part.state === "not_comparable") {
    return lang === "zh" ? `无法比较，${lackingWords(part.lacking, which, lang)}` : `not comparable: ${lackingWords(part.lacking, which, lang)}`;
  }
  const ask = which === "allowance" ? "--month M, or --from M --to M" : "--training FILE";
  return lang === "zh" ? `未比较（请给出 ${ask}）` : `not compared (give ${ask})`;
}

/** "600 → 910 yuan (+310)" / "600 → 910 元（+310）". */
function costText(fen: Pair<number>, lang: Lang): string {
  const [a, b] = [yuan(fen[0]), yuan(fen[1])];
  return lang === "zh" ? `${a}${ARROW}${b} 元（${signed(b - a)}）` : `${a}${ARROW}${b} yuan (${signed(b - a)})`;
}

function allowanceLead(r: AllowanceComparison, lang: Lang): string[] {
  const zh = lang === "zh";
  const first = r.months[0]!;
  const last = r.months.at(-1)!;
  const lines: string[] = [];
  // against a ledger (--paid) every figure is what is still owed
  if (r.overpaidFen) lines.push(zh ? "金额为扣除已发记录后仍应补发的金额。" : "Amounts are what is still owed after the ledger of payments already made.");
  const lastMonth = r.byMonth.at(-1)!;
  lines.push(zh ? `每月津贴（${last}）：${costText(lastMonth.fen, lang)}` : `Monthly cost (${last}): ${costText(lastMonth.fen, lang)}`);
  if (r.months.length === 12) {
    lines.push(zh ? `全年津贴（${first} 至 ${last}）：${costText(r.totalFen, lang)}` : `Yearly cost (${first} to ${last}): ${costText(r.totalFen, lang)}`);
  } else if (r.months.length > 1) {
    lines.push(
      zh
        ? `${r.months.length} 个月合计（${first} 至 ${last}）：${costText(r.totalFen, lang)}`
        : `Cost over ${r.months.length} months (${first} to ${last}): ${costText(r.totalFen, lang)}`,
    );
  }
  const people = new Set(r.peopleChanged.map((c) => c.id)).size;
  lines.push(
    zh
      ? `津贴变化：${people} 人，${r.peopleChanged.length} 个人月`
      : `Allowance changes for ${people} ${people === 1 ? "person" : "people"} (${r.peopleChanged.length} person-${r.peopleChanged.length === 1 ? "month" : "months"})`,
  );
  if (r.overpaidFen) {
    lines.push(zh ? `多发（应追回）：${costText(r.overpaidFen, lang)}` : `Overpaid (to recover): ${costText(r.overpaidFen, lang)}`);
  }
  return lines;
}

function leadSection(c: Comparison, policies: Pair<Policy>, asOf: string, lang: Lang): Section {
  const zh = lang === "zh";
  const [pa, pb] = policies;
  const au = c.audit;
  const notes = [
    zh ? `现行政策 A：${pa.id}（${documentWords(pa, lang)}）` : `In force (A): ${pa.id} (${documentWords(pa, lang)})`,
    zh ? `拟替换为 B：${pb.id}（${documentWords(pb, lang)}）` : `Replaced by (B): ${pb.id} (${documentWords(pb, lang)})`,
    zh ? `核查日期：${asOf}` : `As of ${asOf}`,
    zh
      ? `达标单位：${au.compliant[0]}${ARROW}${au.compliant[1]} / ${au.units}（${signed(au.compliant[1] - au.compliant[0])}），结论变化的单位 ${au.unitsChanged.length} 个`
      : `Units compliant: ${au.compliant[0]}${ARROW}${au.compliant[1]} of ${au.units} (${signed(au.compliant[1] - au.compliant[0])}); ${au.unitsChanged.length} ${au.unitsChanged.length === 1 ? "unit changes" : "units change"} verdict or failing rules`,
  ];
  if (c.allowance.state === "compared") notes.push(...allowanceLead(c.allowance.result, lang));
  else notes.push(partAbsent(c.allowance, "allowance", lang));
  if (c.training.state === "compared") {
    const n = c.training.result.peopleChanged.length;
    notes.push(zh ? `培训要求或结果变化：${n} 人` : `Training requirement or status changes for ${n} ${n === 1 ? "person" : "people"}`);
  } else notes.push(partAbsent(c.training, "training", lang));
  return { title: zh ? `政策对比：${pa.id}${ARROW}${pb.id}` : `Compare: ${pa.id}${ARROW}${pb.id}`, header: [], rows: [], notes };
}

/** A policy's document; a draft that extends a profile is named as the draft it is, never as the profile's document. */
function documentWords(p: Policy, lang: Lang): string {
  if (p.extends === undefined) return p.document;
  return lang === "zh" ? `自定义政策，在 ${p.extends} 基础上修改` : `a custom policy that extends ${p.extends}`;
}

const none = (lang: Lang) => [lang === "zh" ? "无。" : "None."];

function auditSections(au: AuditComparison, policy: Policy, lang: Lang): Section[] {
  const h = H[lang];
  const zh = lang === "zh";
  const targetRow = (t: TargetPair): Row => [
    id(t.rule),
    text(pairText(t.value)),
    text(pairText(t.required)),
    text(pairText(t.due)),
    t.status[0] === t.status[1] && t.status[0] !== null ? statusCell(t.status[0], lang) : text(pairText(t.status, (s) => statusWord(s, lang))),
  ];
  return [
    {
      title: zh ? "结论变化的单位" : "Units whose verdict changes",
      header: [h.town, h.unit, h.type, `${h.compliant} (A${ARROW}B)`, h.failingA, h.failingB],
      rows: au.unitsChanged.map((u) => [
        text(townWord(u.town, lang)),
        text(u.unit),
        text(unitTypeWord(u.unit_type, policy.vocabulary, lang)),
        text(pairText(u.compliant, (v) => yesWord(v, lang))),
        id(rules(u.failing[0], lang)),
        id(rules(u.failing[1], lang)),
      ]),
      notes: au.unitsChanged.length === 0 ? none(lang) : [],
    },
    {
      title: zh ? "区域目标（A → B）" : "Region targets (A → B)",
      header: [h.rule, h.value, h.required, h.due, h.status],
      rows: au.targets.map(targetRow),
      notes: au.targets.length === 0 ? [zh ? "两项政策均未设区域目标。" : "Neither policy sets region targets."] : [],
    },
  ];
}

function statusWord(s: string, lang: Lang): string {
  return String(plain(statusCell(s, lang)));
}

/** Yuan under A and B and the difference, as table cells. */
function moneyCells(fen: Pair<number>): Cell[] {
  return [money(fen[0]), money(fen[1]), text(signed(yuan(fen[1]) - yuan(fen[0])))];
}

function becauseWords(because: string, lang: Lang): string {
  const words = CONDITION_WORDS[because];
  if (words) return words[lang];
  return lang === "zh" ? because.replace(/^amount: (.*) -> (.*)$/, `金额 $1${ARROW}$2`) : because.replace(" -> ", ARROW);
}

function allowanceSections(r: AllowanceComparison, lang: Lang, o: CommonOptions): Section[] {
  const h = H[lang];
  const zh = lang === "zh";
  const show = idShown(o);
  const total: Row = [text(h.total), ...moneyCells(r.totalFen)];
  return [
    {
      title: zh ? "津贴：每月合计" : "Allowance per month",
      header: [h.month, h.a, h.b, h.difference],
      rows: [...r.byMonth.map((m): Row => [month(m.month), ...moneyCells(m.fen)]), total],
      total: true,
    },
    {
      title: zh ? "津贴：各街镇合计" : "Allowance per town",
      header: [h.town, h.a, h.b, h.difference],
      rows: [...r.byTown.map((t): Row => [text(townWord(t.town, lang)), ...moneyCells(t.fen)]), total],
      total: true,
    },
    {
      title: zh ? "津贴变化的人员" : "People whose allowance changes",
      header: [h.id, h.name, h.unit, h.town, h.month, h.a, h.b, h.difference, h.because],
      rows: r.peopleChanged.map(
        (c): Row => [
          id(show(c.id)),
          text(c.name),
          text(c.unit),
          text(townWord(c.town, lang)),
          month(c.month),
          ...moneyCells(c.fen),
          text(becauseWords(c.because, lang)),
        ],
      ),
      notes: r.peopleChanged.length === 0 ? none(lang) : [],
    },
  ];
}

const days = (hundredths: number | null): number | null => (hundredths === null ? null : hundredths / 100);

/** Each side of a pair through `f`. */
function both<T, U>(p: Pair<T>, f: (v: T) => U): Pair<U> {
  return [f(p[0]), f(p[1])];
}

/** Why a person's training verdict changes: the requirement, else the days counted, else the window itself. */
function trainingBecause(c: TrainingChange): string {
  const [ra, rb] = both(c.required100, (r) => days(r) ?? "none");
  if (c.required100[0] !== c.required100[1]) return `required_days: ${ra} -> ${rb}`;
  if (c.days100[0] !== c.days100[1]) return `days: ${days(c.days100[0])} -> ${days(c.days100[1])}`;
  return "window";
}

function trainingSections(r: TrainingComparison, lang: Lang, o: CommonOptions): Section[] {
  const h = H[lang];
  const show = idShown(o);
  return [
    {
      title: lang === "zh" ? "培训要求或结果变化的人员" : "People whose training requirement or status changes",
      header: [h.id, h.name, h.unit, h.requiredDays, h.days, h.status],
      rows: r.peopleChanged.map((c) => [
        id(show(c.id)),
        text(c.name),
        text(c.unit),
        text(pairText(both(c.required100, days))),
        text(pairText(both(c.days100, days))),
        text(pairText(c.status, (s) => statusWord(s, lang))),
      ]),
      notes: r.peopleChanged.length === 0 ? none(lang) : [],
    },
  ];
}

function absentSection(part: Part<unknown>, which: "allowance" | "training", lang: Lang): Section {
  const why = absentWhy(part, which, lang);
  return { title: partTitle(which, lang), header: [], rows: [], notes: [lang === "zh" ? `${why}。` : `${why[0]!.toUpperCase()}${why.slice(1)}.`] };
}

export function compareSections(c: Comparison, policies: Pair<Policy>, asOf: string, lang: Lang, o: CommonOptions): Section[] {
  return [
    leadSection(c, policies, asOf, lang),
    ...auditSections(c.audit, policies[0], lang),
    ...(c.allowance.state === "compared" ? allowanceSections(c.allowance.result, lang, o) : [absentSection(c.allowance, "allowance", lang)]),
    ...(c.training.state === "compared" ? trainingSections(c.training.result, lang, o) : [absentSection(c.training, "training", lang)]),
  ];
}

/** The list of changes, one row each: units, targets, person-months, people in training. */
export function compareCsv(c: Comparison, lang: Lang, o: CommonOptions) {
  const h = H[lang];
  const show = idShown(o);
  const rows = function* (): Generator<Row> {
    for (const u of c.audit.unitsChanged) {
      yield [
        id("audit"),
        textOrEmpty(u.town ?? ""),
        text(u.unit),
        null,
        null,
        null,
        id("compliant"),
        id(yesWord(u.compliant[0], "en")),
        id(yesWord(u.compliant[1], "en")),
        null,
        text(`failing: ${rules(u.failing[0], "en")} -> ${rules(u.failing[1], "en")}`),
      ];
    }
    for (const t of c.audit.targets) {
      if (t.status[0] !== t.status[1]) yield [id("target"), null, null, null, null, null, id(t.rule), id(t.status[0] ?? ""), id(t.status[1] ?? ""), null, null];
    }
    if (c.allowance.state === "compared") {
      for (const p of c.allowance.result.peopleChanged) {
        yield [
          id("allowance"),
          textOrEmpty(p.town ?? ""),
          text(p.unit),
          id(show(p.id)),
          text(p.name),
          month(p.month),
          id("amount"),
          money(p.fen[0]),
          money(p.fen[1]),
          money(p.fen[1] - p.fen[0]),
          text(p.because),
        ];
      }
    }
    if (c.training.state === "compared") {
      for (const p of c.training.result.peopleChanged) {
        yield [
          id("training"),
          textOrEmpty(p.town ?? ""),
          text(p.unit),
          id(show(p.id)),
          text(p.name),
          null,
          id("status"),
          id(p.status[0]),
          id(p.status[1]),
          null,
          text(trainingBecause(p)),
        ];
      }
    }
  };
  return {
    header: [h.part, h.town, h.unit, h.id, h.name, h.month, h.item, h.a, h.b, h.difference, h.because],
    rows: { [Symbol.iterator]: rows },
  };
}

function partJson<T>(part: Part<T>, json: (r: T) => unknown): unknown {
  return part.state === "compared" ? json(part.result) : null;
}

export function compareJson(c: Comparison, policies: Pair<Policy>, asOf: string, o: CommonOptions) {
  const show = idShown(o);
  const money = (p: Pair<number>) => both(p, yuan);
  return {
    policies: policies.map((p) => ({ id: p.id, document: p.document })),
    as_of: asOf,
    audit: {
      compliant: c.audit.compliant,
      units_changed: c.audit.unitsChanged.map((u) => ({ unit: u.unit, town: u.town, unit_type: u.unit_type, compliant: u.compliant, failing: u.failing })),
      targets: c.audit.targets,
    },
    allowance: partJson(c.allowance, (r) => ({
      months: r.months,
      total: money(r.totalFen),
      by_month: r.byMonth.map((m) => ({ month: m.month, total: money(m.fen) })),
      by_town: r.byTown.map((t) => ({ town: t.town, total: money(t.fen) })),
      people_changed: r.peopleChanged.map((p) => ({
        id: show(p.id),
        name: p.name,
        unit: p.unit,
        town: p.town,
        month: p.month,
        amount: money(p.fen),
        because: p.because,
      })),
      ...(r.overpaidFen ? { overpaid: money(r.overpaidFen) } : {}),
    })),
    training: partJson(c.training, (r) => ({
      people_changed: r.peopleChanged.map((p) => ({
        id: show(p.id),
        name: p.name,
        unit: p.unit,
        required_days: both(p.required100, days),
        status: p.status,
      })),
    })),
  };
}

/** What a document (html, xlsx) shows above the sections: both policies, the figures A and B, and the cost per town. */
export function compareDocument(c: Comparison, policies: Pair<Policy>, asOf: string, lang: Lang): Own {
  const zh = lang === "zh";
  const [pa, pb] = policies;
  const au = c.audit;
  const facts: Fact[] = [
    { label: zh ? "拟替换为 B" : "replaced by (B)", value: id(pb.id) },
    { label: zh ? "B 的文件" : "B's document", value: text(documentWords(pb, lang)) },
    { label: zh ? "核查日期" : "as of", value: date(asOf) },
  ];
  const figures: Fact[] = [
    { label: zh ? "单位数" : "units", value: num(au.units) },
    { label: zh ? "达标单位（A）" : "units compliant (A)", value: num(au.compliant[0]) },
    { label: zh ? "达标单位（B）" : "units compliant (B)", value: num(au.compliant[1]) },
    { label: zh ? "结论变化的单位" : "units whose verdict changes", value: num(au.unitsChanged.length) },
  ];
  const charts: Chart[] = [];
  if (c.allowance.state === "compared") {
    const r = c.allowance.result;
    const first = r.months[0]!;
    const last = r.months.at(-1)!;
    facts.push({ label: zh ? "月份" : "months", value: text(first === last ? first : `${first} – ${last}`) });
    figures.push(
      { label: zh ? "津贴合计（A）" : "allowance in all (A)", value: money(r.totalFen[0]) },
      { label: zh ? "津贴合计（B）" : "allowance in all (B)", value: money(r.totalFen[1]) },
      { label: zh ? "津贴变化的人月" : "person-months whose allowance changes", value: num(r.peopleChanged.length) },
    );
    charts.push({
      title: zh ? "各街镇津贴合计（元）" : "Allowance per town (yuan)",
      series: [
        { label: `A ${pa.id}`, tone: "dim" },
        { label: `B ${pb.id}`, tone: "good" },
      ],
      bars: r.byTown.map((t) => ({ label: townWord(t.town, lang), values: [t.fen[0], t.fen[1]] })),
      money: true,
    });
  }
  if (c.training.state === "compared") {
    figures.push({ label: zh ? "培训要求或结果变化的人员" : "people whose training changes", value: num(c.training.result.peopleChanged.length) });
  }
  return { title: zh ? `政策对比：${pa.id}${ARROW}${pb.id}` : `Compare: ${pa.id}${ARROW}${pb.id}`, facts, figures, charts, day: asOf };
}

export function presentCompare(c: Comparison, policies: Pair<Policy>, asOf: string, lang: Lang, o: CommonOptions) {
  return {
    sections: () => compareSections(c, policies, asOf, lang, o),
    csv: () => compareCsv(c, lang, o),
    json: () => compareJson(c, policies, asOf, o),
    document: () => compareDocument(c, policies, asOf, lang),
  };
}
