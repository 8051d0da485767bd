/** Training as people and scripts read it: shortfalls in words, rates, the report's sections, its CSV rows, its JSON and its document. */
import { type Day, formatDay } from "../core/dates.js";
import type { Policy } from "../core/policy/schema.js";
import { groupBy, groupByUnit } from "../core/rules/group.js";
import type { PersonVerdict, TrainingResult, UnitRate, Window as TrainingWindow, WindowKind } from "../core/rules/training.js";
import { TRAINING_WORDS } from "../render/catalogs/training.js";
import { DOCUMENT_WORDS } from "../render/catalogs/document.js";
import { REPORT_WORDS } from "../render/catalogs/report.js";
import { shortTitle } from "../render/catalogs/rules.js";
import type { Lang } from "../render/messages.js";
import { JsonList, type Chart, type Fact, type Row, type Section, date, id, num, text, textOrEmpty } from "../render/model.js";
import { gradeWord, statusCell, townWord } from "../render/words.js";
import { idShown } from "./envelope.js";
import type { CommonOptions } from "./options.js";

/** Day hundredths as a JSON number (1450 -> 14.5). */
const days = (hundredths: number): number => hundredths / 100;

/** "needs 4 more days by 2022-01-01" / "还需 4 天，截止 2022-01-01". */
export function shortfallInWords(v: PersonVerdict, lang: Lang): string {
  if (v.shortfall100 === null || v.shortfall100 === 0) return "";
  const n = days(v.shortfall100);
  const w = TRAINING_WORDS[lang];
  return v.deadline === null ? w.short(n) : w.shortBy(n, formatDay(v.deadline));
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

/** Statuses counted over everyone in service; compliant of judged over every unit. */
function tally(r: TrainingResult) {
  const count = (s: string) => r.people.filter((v) => v.status === s).length;
  const all = r.units.reduce((a, u) => ({ judged: a.judged + u.judged, compliant: a.compliant + u.compliant }), { judged: 0, compliant: 0 });
  return {
    people: r.people.length,
    compliant: count("compliant"),
    noncompliant: count("noncompliant"),
    inProgress: count("in_progress"),
    notApplicable: count("not_applicable"),
    all,
  };
}

/** Those late already: the window is complete and they are short (SPEC.md `overdue`). */
function overdueSection(r: TrainingResult, lang: Lang, o: CommonOptions): Section {
  const w = TRAINING_WORDS[lang];
  const h = w.head;
  const show = idShown(o);
  const overdue = r.people.filter((v) => v.status === "noncompliant");
  return {
    title: w.overdue,
    sheet: w.overdueSheet,
    header: [REPORT_WORDS[lang].id, h.name, h.unit, h.missing],
    rows: overdue.map((v) => [id(show(v.id)), text(v.name), text(v.unit), text(shortfallInWords(v, lang))]),
    notes: overdue.length === 0 ? [w.none] : [],
  };
}

/** With --warn-days: those still short whose deadline falls within the days. */
function dueSoonSection(r: TrainingResult, warnDays: number | null, lang: Lang, o: CommonOptions): Section | null {
  if (r.dueSoon === null) return null;
  const w = TRAINING_WORDS[lang];
  const h = w.head;
  const show = idShown(o);
  return {
    title: w.dueSoon(warnDays),
    sheet: w.dueSoonSheet,
    header: [REPORT_WORDS[lang].id, h.name, h.unit, h.deadline, h.missing],
    rows: r.dueSoon.map((v) => [id(show(v.id)), text(v.name), text(v.unit), date(formatDay(v.deadline!)), text(shortfallInWords(v, lang))]),
    notes: r.dueSoon.length === 0 ? [w.none] : [],
  };
}

/** Each unit's people, a table per unit: the --all view. */
function unitTables(r: TrainingResult, policy: Policy, kind: WindowKind, lang: Lang, o: CommonOptions): Section[] {
  const w = TRAINING_WORDS[lang];
  const h = w.head;
  const show = idShown(o);
  const perCertificate = kind === "certificate";
  const rateBy = new Map(r.units.map((u) => [u.unit, u]));
  return [...groupByUnit(r.people)].map(([unit, people]) => {
    const u = rateBy.get(unit)!;
    return {
      title: w.unitTitle(unit, townWord(u.town, lang)),
      header: [REPORT_WORDS[lang].id, h.name, h.grade, ...(perCertificate ? [h.window] : []), h.required, h.days, h.status, h.missing],
      rows: people.map((v) => [
        id(show(v.id)),
        text(v.name),
        text(gradeWord(v.grade, policy.vocabulary, lang)),
        ...(perCertificate ? [text(windowText(v.window))] : []),
        v.required100 === null ? null : num(days(v.required100)),
        num(days(v.days100)),
        statusCell(v.status, lang),
        textOrEmpty(shortfallInWords(v, lang)),
      ]),
      priority: [1, 1, 2, ...(perCertificate ? [3] : []), 2, 1, 1, 1],
      notes: [w.unitRate(u.compliant, u.judged, percent(u))],
    };
  });
}

/** Each unit's compliant of judged, for the units where someone's window is complete. */
function ratesSection(r: TrainingResult, lang: Lang): Section | null {
  const w = TRAINING_WORDS[lang];
  const h = w.head;
  const judged = r.units.filter((u) => u.judged > 0);
  if (judged.length === 0) return null;
  return {
    title: w.units,
    header: [h.town, h.unit, h.judged, h.compliant, h.rate],
    rows: judged.map((u) => [text(townWord(u.town, lang)), text(u.unit), num(u.judged), num(u.compliant), text(percent(u))]),
    priority: [2, 1, 1, 1, 1],
  };
}

/**
 * Training for people (table, Markdown): the summary first (the policy, the window, the counts
 * per status), then who needs action (overdue, and due soon with --warn-days), the units'
 * rates; everyone else is counted, and listed unit by unit only with --all.
 */
function trainingSections(r: TrainingResult, policy: Policy, kind: WindowKind, asOf: Day, warnDays: number | null, lang: Lang, o: CommonOptions): Section[] {
  const w = TRAINING_WORDS[lang];
  const t = policy.training!;
  const x = tally(r);
  const rolling = kind === "rolling" ? r.people[0]?.window : undefined;
  const windowLine = kind === "rolling" ? w.windowRolling(t.years, rolling ? windowText(rolling) : "") : w.windowCertificate(t.years);
  const short = shortTitle(t.id, lang);
  const sections: Section[] = [
    {
      title: w.title,
      header: [],
      rows: [],
      notes: [
        REPORT_WORDS[lang].policy(policy),
        ...w.summaryLines({
          rule: short ? REPORT_WORDS[lang].ruleTitled(t.id, short) : t.id,
          basis: t.basis,
          asOf: formatDay(asOf),
          window: windowLine,
          people: x.people,
          compliant: x.compliant,
          noncompliant: x.noncompliant,
          inProgress: x.inProgress,
          notApplicable: x.notApplicable,
          judged: x.all.judged,
          judgedCompliant: x.all.compliant,
          percent: percent(x.all),
        }),
      ],
    },
    overdueSection(r, lang, o),
  ];
  const soon = dueSoonSection(r, warnDays, lang, o);
  if (soon) sections.push(soon);
  const rates = ratesSection(r, lang);
  if (rates) sections.push(rates);
  if (o.all === true) sections.push(...unitTables(r, policy, kind, lang, o));
  else
    sections.push({
      header: [],
      rows: [],
      notes: [REPORT_WORDS[lang].notListed(w.othersCounted(x.compliant, x.inProgress - (r.dueSoon?.length ?? 0), x.notApplicable, r.dueSoon === null))],
    });
  return sections;
}

/**
 * The document's own sections: what needs action first, as every report leads with it (the
 * overdue, and with --warn-days those due soon), then everyone in one table with their town
 * and unit (a workbook of one sheet per unit would have hundreds) and the units' rates.
 */
function trainingDocumentSections(r: TrainingResult, policy: Policy, kind: WindowKind, warnDays: number | null, lang: Lang, o: CommonOptions): Section[] {
  const w = TRAINING_WORDS[lang];
  const h = w.head;
  const show = idShown(o);
  const t = policy.training!;
  const rolling = kind === "rolling" ? r.people[0]?.window : undefined;
  const soon = dueSoonSection(r, warnDays, lang, o);
  return [
    overdueSection(r, lang, o),
    ...(soon ? [soon] : []),
    {
      title: w.people,
      header: [h.town, h.unit, h.id, h.name, h.grade, h.windowStart, h.windowEnd, h.required, h.days, h.status, h.deadline, h.missing],
      rows: r.people.map((v) => [
        text(townWord(v.town, lang)),
        text(v.unit),
        id(show(v.id)),
        text(v.name),
        text(gradeWord(v.grade, policy.vocabulary, lang)),
        date(formatDay(v.window.start)),
        date(formatDay(v.window.end)),
        v.required100 === null ? null : num(days(v.required100)),
        num(days(v.days100)),
        statusCell(v.status, lang),
        v.deadline === null ? null : date(formatDay(v.deadline)),
        textOrEmpty(shortfallInWords(v, lang)),
      ]),
      notes: [kind === "rolling" ? w.windowRolling(t.years, rolling ? windowText(rolling) : "") : w.windowCertificate(t.years)],
    },
    {
      title: w.units,
      header: [h.town, h.unit, h.judged, h.compliant, h.rate],
      rows: r.units.map((u) => [text(townWord(u.town, lang)), text(u.unit), num(u.judged), num(u.compliant), text(percent(u))]),
    },
  ];
}

/** The head of training's document: the as-of date, the statuses counted, and the statuses per town drawn. */
function trainingDocument(r: TrainingResult, policy: Policy, kind: WindowKind, asOf: Day, warnDays: number | null, lang: Lang, o: CommonOptions) {
  const w = TRAINING_WORDS[lang];
  const f = w.figures;
  const x = tally(r);
  const figures: Fact[] = [
    { label: f.people, value: num(x.people) },
    { label: f.compliant, value: num(x.compliant) },
    { label: f.noncompliant, value: num(x.noncompliant) },
    { label: f.inProgress, value: num(x.inProgress) },
    { label: f.notApplicable, value: num(x.notApplicable) },
    { label: f.rate, value: text(percent(x.all)) },
  ];
  const statuses = ["compliant", "noncompliant", "in_progress", "not_applicable"] as const;
  const tones = { compliant: "good", noncompliant: "bad", in_progress: "warn", not_applicable: "dim" } as const;
  const byTown = groupBy(r.people, (v) => v.town);
  const charts: Chart[] = [
    {
      title: w.charts.byTown,
      series: statuses.map((s) => {
        const cell = statusCell(s, lang);
        return { label: cell?.kind === "status" ? cell.text : s, tone: tones[s] };
      }),
      bars: [...byTown].map(([town, people]) => ({ label: townWord(town, lang), values: statuses.map((s) => people.filter((v) => v.status === s).length) })),
    },
  ];
  const day = formatDay(asOf);
  return {
    title: w.title,
    facts: [{ label: DOCUMENT_WORDS[lang].asOf, value: date(day) }],
    figures,
    charts,
    day,
    sections: trainingDocumentSections(r, policy, kind, warnDays, lang, o),
  };
}

/** Rows made one at a time as they are written, as often as they are read. */
function mapped<T>(items: readonly T[], row: (item: T) => Row): Iterable<Row> {
  return {
    *[Symbol.iterator]() {
      for (const item of items) yield row(item);
    },
  };
}

function trainingCsv(r: TrainingResult, lang: Lang, o: CommonOptions) {
  const h = TRAINING_WORDS[lang].head;
  const show = idShown(o);
  return {
    header: [h.town, h.unit, h.id, h.name, h.grade, h.windowStart, h.windowEnd, h.required, h.days, h.shortfall, h.status, h.deadline],
    rows: mapped(
      r.people,
      (v): Row => [
        v.town === null ? null : text(v.town),
        text(v.unit),
        id(show(v.id)),
        text(v.name),
        id(v.grade),
        date(formatDay(v.window.start)),
        date(formatDay(v.window.end)),
        v.required100 === null ? null : num(days(v.required100)),
        num(days(v.days100)),
        v.shortfall100 === null ? null : num(days(v.shortfall100)),
        id(v.status),
        v.deadline === null ? null : date(formatDay(v.deadline)),
      ],
    ),
  };
}

function trainingJson(r: TrainingResult, asOf: Day, o: CommonOptions) {
  const show = idShown(o);
  return {
    as_of: formatDay(asOf),
    people: new JsonList(r.people, (v) => ({
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
    document: () => trainingDocument(r, policy, kind, asOf, warnDays, lang, o),
  };
}
