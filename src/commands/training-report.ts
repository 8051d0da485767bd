/** Training as people and scripts read it: shortfalls in words, rates, the report's sections, its CSV rows and its JSON. */
import { type Day, formatDay } from "../core/dates.js";
import type { Policy } from "../core/policy/schema.js";
import { groupByUnit } from "../core/rules/group.js";
import type { PersonVerdict, TrainingResult, UnitRate, Window as TrainingWindow, WindowKind } from "../core/rules/training.js";
import type { Cell, Section } from "../render/format.js";
import { type Lang, plural } from "../render/messages.js";
import { gradeWord, statusCell, townWord } from "../render/words.js";
import { idShown } from "./envelope.js";
import type { CommonOptions } from "./options.js";

const H = {
  en: {
    town: "town",
    unit: "unit",
    id: "id",
    name: "name",
    grade: "grade",
    window: "window",
    windowStart: "window_start",
    windowEnd: "window_end",
    required: "required_days",
    days: "days",
    shortfall: "shortfall",
    status: "status",
    deadline: "deadline",
    missing: "what is missing",
    judged: "judged",
    compliant: "compliant",
    rate: "rate",
  },
  zh: {
    town: "街镇",
    unit: "单位",
    id: "编号",
    name: "姓名",
    grade: "证书等级",
    window: "计算期间",
    windowStart: "期间开始",
    windowEnd: "期间结束",
    required: "应训天数",
    days: "已训天数",
    shortfall: "差额天数",
    status: "结果",
    deadline: "截止日期",
    missing: "差距",
    judged: "已满期人数",
    compliant: "达标人数",
    rate: "达标率",
  },
};

/** Day hundredths as a JSON number (1450 -> 14.5). */
const days = (hundredths: number): number => hundredths / 100;

/** "needs 4 more days by 2022-01-01" / "还需 4 天，截止 2022-01-01". */
export function shortfallInWords(v: PersonVerdict, lang: Lang): string {
  if (v.shortfall100 === null || v.shortfall100 === 0) return "";
  const n = days(v.shortfall100);
  const by = v.deadline === null ? "" : formatDay(v.deadline);
  if (lang === "zh") return by ? `还需 ${n} 天，截止 ${by}` : `还需 ${n} 天`;
  const more = `needs ${plural(n, "more day", "more days")}`;
  return by ? `${more} by ${by}` : more;
}

/** Compliant of judged, to four decimals; null when nobody is judged. */
export function rateOf(u: Pick<UnitRate, "judged" | "compliant">): number | null {
  return u.judged === 0 ? null : Math.round((u.compliant * 10000) / u.judged) / 10000;
}

function percent(u: Pick<UnitRate, "judged" | "compliant">): string {
  const r = rateOf(u);
  return r === null ? "–" : `${Math.round(r * 10000) / 100}%`;
}

function windowText(w: TrainingWindow): string {
  return `${formatDay(w.start)} – ${formatDay(w.end)}`;
}

function trainingSections(r: TrainingResult, policy: Policy, kind: WindowKind, asOf: Day, warnDays: number | null, lang: Lang, o: CommonOptions): Section[] {
  const h = H[lang];
  const t = policy.training!;
  const vocab = policy.vocabulary;
  const show = idShown(o);
  const zh = lang === "zh";
  const perCertificate = kind === "certificate";
  const sections: Section[] = [];

  const byUnit = groupByUnit(r.people);
  const rateBy = new Map(r.units.map((u) => [u.unit, u]));
  for (const [unit, people] of byUnit) {
    const u = rateBy.get(unit)!;
    sections.push({
      title: zh ? `${unit}（${townWord(u.town, lang)}）` : `${unit} (${townWord(u.town, lang)})`,
      header: [h.id, h.name, h.grade, ...(perCertificate ? [h.window] : []), h.required, h.days, h.status, h.missing],
      rows: people.map((v) => [
        show(v.id),
        v.name,
        gradeWord(v.grade, vocab, lang),
        ...(perCertificate ? [windowText(v.window)] : []),
        v.required100 === null ? "" : days(v.required100),
        days(v.days100),
        statusCell(v.status, lang),
        shortfallInWords(v, lang),
      ]),
      notes: [zh ? `已满期人员达标 ${u.compliant} / ${u.judged}（${percent(u)}）` : `Compliant ${u.compliant} of ${u.judged} judged (${percent(u)})`],
    });
  }
  if (r.dueSoon !== null) {
    sections.push({
      title: zh ? `${warnDays} 天内到期仍未达标` : `Still short with a deadline within ${warnDays} days`,
      header: [h.id, h.name, h.unit, h.deadline, h.missing],
      rows: r.dueSoon.map((v) => [show(v.id), v.name, v.unit, formatDay(v.deadline!), shortfallInWords(v, lang)]),
      notes: r.dueSoon.length === 0 ? [zh ? "无。" : "None."] : [],
    });
    const overdue = r.people.filter((v) => v.status === "noncompliant");
    sections.push({
      title: zh ? "已逾期未达标" : "Overdue: window complete and still short",
      header: [h.id, h.name, h.unit, h.missing],
      rows: overdue.map((v) => [show(v.id), v.name, v.unit, shortfallInWords(v, lang)]),
      notes: overdue.length === 0 ? [zh ? "无。" : "None."] : [],
    });
  }
  const count = (s: string) => r.people.filter((v) => v.status === s).length;
  const all = r.units.reduce((a, u) => ({ judged: a.judged + u.judged, compliant: a.compliant + u.compliant }), { judged: 0, compliant: 0 });
  const rolling = kind === "rolling" ? r.people[0]?.window : undefined;
  const windowLine = zh
    ? kind === "rolling"
      ? `计算期间：截至核查日期的 ${t.years} 年${rolling ? `（${windowText(rolling)}）` : ""}`
      : `计算期间：自取证日期起每 ${t.years} 年为一个周期，计至核查日期（无取证日期者按截至核查日期的 ${t.years} 年）`
    : kind === "rolling"
      ? `Window: the ${t.years} years ending on the as-of date${rolling ? ` (${windowText(rolling)})` : ""}`
      : `Window: ${t.years}-year cycles from each certificate date, counted up to the as-of date (no certificate date: the ${t.years} years ending on it)`;
  sections.push({
    title: zh ? "汇总" : "Summary",
    header: [],
    rows: [],
    notes: zh
      ? [
          `政策：${policy.id}（${policy.document}），${t.id}（${t.basis}），核查日期 ${formatDay(asOf)}`,
          windowLine,
          `在岗 ${r.people.length} 人：达标 ${count("compliant")}，未达标 ${count("noncompliant")}，进行中 ${count("in_progress")}，不适用 ${count("not_applicable")}`,
          `已满期人员达标 ${all.compliant} / ${all.judged}（${percent(all)}）`,
        ]
      : [
          `Policy ${policy.id} (${policy.document}), ${t.id} (${t.basis}), as of ${formatDay(asOf)}`,
          windowLine,
          `In service: ${r.people.length}; compliant ${count("compliant")}, noncompliant ${count("noncompliant")}, in progress ${count("in_progress")}, not applicable ${count("not_applicable")}`,
          `Compliant of judged (window complete): ${all.compliant} of ${all.judged} (${percent(all)})`,
        ],
  });

  return sections;
}

/** Rows made one at a time as they are written, as often as they are read. */
function mapped<T>(items: readonly T[], row: (item: T) => Cell[]): Iterable<Cell[]> {
  return {
    *[Symbol.iterator]() {
      for (const item of items) yield row(item);
    },
  };
}

function trainingCsv(r: TrainingResult, lang: Lang, o: CommonOptions) {
  const h = H[lang];
  const show = idShown(o);
  return {
    header: [h.town, h.unit, h.id, h.name, h.grade, h.windowStart, h.windowEnd, h.required, h.days, h.shortfall, h.status, h.deadline],
    rows: mapped(r.people, (v): Cell[] => [
      v.town,
      v.unit,
      show(v.id),
      v.name,
      v.grade,
      formatDay(v.window.start),
      formatDay(v.window.end),
      v.required100 === null ? "" : days(v.required100),
      days(v.days100),
      v.shortfall100 === null ? "" : days(v.shortfall100),
      v.status,
      v.deadline === null ? "" : formatDay(v.deadline),
    ]),
  };
}

function trainingJson(r: TrainingResult, asOf: Day, o: CommonOptions) {
  const show = idShown(o);
  return {
    as_of: formatDay(asOf),
    people: r.people.map((v) => ({
      id: show(v.id),
      name: v.name,
      unit: v.unit,
      town: v.town,
      grade: v.grade,
      window_start: formatDay(v.window.start),
      window_end: formatDay(v.window.end),
      required_days: v.required100 === null ? null : days(v.required100),
      days: days(v.days100),
      shortfall: v.shortfall100 === null ? null : days(v.shortfall100),
      status: v.status,
      deadline: v.deadline === null ? null : formatDay(v.deadline),
    })),
    units: r.units.map((u) => ({ unit: u.unit, town: u.town, judged: u.judged, compliant: u.compliant, rate: rateOf(u) })),
    ...(r.dueSoon !== null
      ? {
          due_soon: r.dueSoon.map((v) => ({
            id: show(v.id),
            name: v.name,
            unit: v.unit,
            deadline: formatDay(v.deadline!),
            shortfall: days(v.shortfall100!),
          })),
          // late already: the window is complete and the person is short (SPEC.md, training)
          overdue: r.people
            .filter((v) => v.status === "noncompliant")
            .map((v) => ({ id: show(v.id), name: v.name, unit: v.unit, shortfall: days(v.shortfall100!) })),
        }
      : {}),
  };
}

export function presentTraining(r: TrainingResult, policy: Policy, kind: WindowKind, asOf: Day, warnDays: number | null, lang: Lang, o: CommonOptions) {
  return {
    sections: () => trainingSections(r, policy, kind, asOf, warnDays, lang, o),
    csv: () => trainingCsv(r, lang, o),
    json: () => trainingJson(r, asOf, o),
  };
}
