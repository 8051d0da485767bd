/**
 * The comparison as people and scripts read it: the totals first (units compliant, the
 * allowance's cost A → B), then every change part by part; CSV is the list of changes; JSON
 * as SPEC.md "compare" fixes it, every pair [A, B].
 */
import type { Policy } from "../core/policy/schema.js";
import type { AllowanceComparison, AuditComparison, Comparison, Pair, Part, TargetPair, TrainingChange, TrainingComparison } from "../core/rules/compare.js";
import type { Lang } from "../render/messages.js";
import { type Cell, type Chart, type Fact, type Row, type Section, date, id, money, month, num, plain, text, textOrEmpty, yuan } from "../render/model.js";
import { COMPARE_WORDS, signed } from "../render/catalogs/compare.js";
import { statusCell, townWord, unitTypeWord, yesWord } from "../render/words.js";
import type { Own } from "./document.js";
import { idShown } from "./envelope.js";
import type { CommonOptions } from "./options.js";

const ARROW = " → ";

/** One value when both sides agree, else "a → b"; a side without the item is "—". */
function pairText<T>(p: Pair<T | null>, show: (v: T) => string = String): string {
  const [a, b] = both(p, (v) => (v === null ? "—" : show(v)));
  return a === b ? a : `${a}${ARROW}${b}`;
}

function rules(ids: readonly string[], lang: Lang): string {
  return ids.length === 0 ? COMPARE_WORDS[lang].noRules : ids.join(", ");
}

/** Why a part has no figures, in words: not comparable (a policy lacks it) or not asked for. */
function partAbsent(part: Part<unknown>, which: "allowance" | "training", lang: Lang): string {
  return COMPARE_WORDS[lang].partAbsent(COMPARE_WORDS[lang].part[which], absentWhy(part, which, lang));
}

function absentWhy(part: Part<unknown>, which: "allowance" | "training", lang: Lang): string {
  const w = COMPARE_WORDS[lang];
  if (part.state === "not_comparable") return w.notComparable(part.lacking, w.lacking[which]);
  return w.notCompared(which === "allowance" ? "--month M, or --from M --to M" : "--training FILE");
}

/** "600 → 910 yuan (+310)" / "600 → 910 元（+310）". */
function costText(fen: Pair<number>, lang: Lang): string {
  return COMPARE_WORDS[lang].cost(yuan(fen[0]), yuan(fen[1]));
}

function allowanceLead(r: AllowanceComparison, lang: Lang): string[] {
  const w = COMPARE_WORDS[lang];
  const first = r.months[0]!;
  const last = r.months.at(-1)!;
  const lines: string[] = [];
  // against a ledger (--paid) every figure is what is still owed
  if (r.overpaidFen) lines.push(w.ledgerNote);
  lines.push(w.monthly(last, costText(r.byMonth.at(-1)!.fen, lang)));
  if (r.months.length === 12) lines.push(w.yearly(first, last, costText(r.totalFen, lang)));
  else if (r.months.length > 1) lines.push(w.months(r.months.length, first, last, costText(r.totalFen, lang)));
  lines.push(w.allowanceChanges(new Set(r.peopleChanged.map((c) => c.id)).size, r.peopleChanged.length));
  if (r.overpaidFen) lines.push(w.overpaid(costText(r.overpaidFen, lang)));
  return lines;
}

function leadSection(c: Comparison, policies: Pair<Policy>, asOf: string, lang: Lang): Section {
  const w = COMPARE_WORDS[lang];
  const [pa, pb] = policies;
  const au = c.audit;
  const notes = [
    w.inForce(pa.id, documentWords(pa, lang)),
    w.replacedBy(pb.id, documentWords(pb, lang)),
    w.asOf(asOf),
    w.unitsCompliant(au.compliant[0], au.compliant[1], au.units, au.unitsChanged.length),
  ];
  if (c.allowance.state === "compared") notes.push(...allowanceLead(c.allowance.result, lang));
  else notes.push(partAbsent(c.allowance, "allowance", lang));
  if (c.training.state === "compared") notes.push(w.trainingChanges(c.training.result.peopleChanged.length));
  else notes.push(partAbsent(c.training, "training", lang));
  return { title: w.title(pa.id, pb.id), header: [], rows: [], notes };
}

/** A policy's document; a draft that extends a profile is named as the draft it is, never as the profile's document. */
function documentWords(p: Policy, lang: Lang): string {
  return p.extends === undefined ? p.document : COMPARE_WORDS[lang].draft(p.extends);
}

const none = (lang: Lang) => [COMPARE_WORDS[lang].none];

function auditSections(au: AuditComparison, policy: Policy, lang: Lang): Section[] {
  const w = COMPARE_WORDS[lang];
  const h = w.head;
  const targetRow = (t: TargetPair): Row => [
    id(t.rule),
    text(pairText(t.value)),
    text(pairText(t.required)),
    text(pairText(t.due)),
    t.status[0] === t.status[1] && t.status[0] !== null ? statusCell(t.status[0], lang) : text(pairText(t.status, (s) => statusWord(s, lang))),
  ];
  return [
    {
      title: w.sections.units,
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
      title: w.sections.targets,
      header: [h.rule, h.value, h.required, h.due, h.status],
      rows: au.targets.map(targetRow),
      notes: au.targets.length === 0 ? [w.sections.noTargets] : [],
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
  const w = COMPARE_WORDS[lang];
  return w.conditions[because] ?? w.amountBecause(because);
}

function allowanceSections(r: AllowanceComparison, lang: Lang, o: CommonOptions): Section[] {
  const w = COMPARE_WORDS[lang];
  const h = w.head;
  const show = idShown(o);
  const total: Row = [text(h.total), ...moneyCells(r.totalFen)];
  return [
    {
      title: w.sections.perMonth,
      header: [h.month, h.a, h.b, h.difference],
      rows: [...r.byMonth.map((m): Row => [month(m.month), ...moneyCells(m.fen)]), total],
      total: true,
    },
    {
      title: w.sections.perTown,
      header: [h.town, h.a, h.b, h.difference],
      rows: [...r.byTown.map((t): Row => [text(townWord(t.town, lang)), ...moneyCells(t.fen)]), total],
      total: true,
    },
    {
      title: w.sections.people,
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
  const h = COMPARE_WORDS[lang].head;
  const show = idShown(o);
  return [
    {
      title: COMPARE_WORDS[lang].sections.training,
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
  const w = COMPARE_WORDS[lang];
  return { title: w.part[which], header: [], rows: [], notes: [w.sentence(why)] };
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
  const h = COMPARE_WORDS[lang].head;
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
  const w = COMPARE_WORDS[lang];
  const d = w.document;
  const [pa, pb] = policies;
  const au = c.audit;
  const facts: Fact[] = [
    { label: d.replacedBy, value: id(pb.id) },
    { label: d.documentB, value: text(documentWords(pb, lang)) },
    { label: d.asOf, value: date(asOf) },
  ];
  const figures: Fact[] = [
    { label: d.units, value: num(au.units) },
    { label: d.compliantA, value: num(au.compliant[0]) },
    { label: d.compliantB, value: num(au.compliant[1]) },
    { label: d.unitsChanged, value: num(au.unitsChanged.length) },
  ];
  const charts: Chart[] = [];
  if (c.allowance.state === "compared") {
    const r = c.allowance.result;
    const first = r.months[0]!;
    const last = r.months.at(-1)!;
    facts.push({ label: d.months, value: text(first === last ? first : `${first} – ${last}`) });
    figures.push(
      { label: d.totalA, value: money(r.totalFen[0]) },
      { label: d.totalB, value: money(r.totalFen[1]) },
      { label: d.personMonths, value: num(r.peopleChanged.length) },
    );
    charts.push({
      title: d.perTownChart,
      series: [
        { label: `A ${pa.id}`, tone: "dim" },
        { label: `B ${pb.id}`, tone: "good" },
      ],
      bars: r.byTown.map((t) => ({ label: townWord(t.town, lang), values: [t.fen[0], t.fen[1]] })),
      money: true,
    });
  }
  if (c.training.state === "compared") {
    figures.push({ label: d.trainingChanged, value: num(c.training.result.peopleChanged.length) });
  }
  return { title: w.title(pa.id, pb.id), facts, figures, charts, day: asOf };
}

export function presentCompare(c: Comparison, policies: Pair<Policy>, asOf: string, lang: Lang, o: CommonOptions) {
  return {
    sections: () => compareSections(c, policies, asOf, lang, o),
    csv: () => compareCsv(c, lang, o),
    json: () => compareJson(c, policies, asOf, o),
    document: () => compareDocument(c, policies, asOf, lang),
  };
}
