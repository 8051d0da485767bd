/**
 * The payroll as people and scripts read it: each not-paid reason and condition in words,
 * the 发放花名册 sections, its CSV rows, its JSON, its document, and --explain's month-by-month table.
 */
import type { Policy } from "../core/policy/schema.js";
import type { Detail, MonthVerdict, PayLine, Payroll } from "../core/rules/allowance.js";
import { groupBy } from "../core/rules/group.js";
import { ALLOWANCE_WORDS } from "../render/catalogs/allowance.js";
import { DOCUMENT_WORDS } from "../render/catalogs/document.js";
import type { Lang } from "../render/messages.js";
import { type Cell, type Chart, type Fact, type FlatTable, type Row, type Section, id, money, month, num, status, text, yuan } from "../render/model.js";
import { gradeWord, townWord, unitTypeWord } from "../render/words.js";
import { idShown } from "./envelope.js";
import type { CommonOptions } from "./options.js";

export { yuan };

function detailText(d: Detail, policy: Policy, lang: Lang): string {
  const p = d.params;
  const v = policy.vocabulary;
  const w = ALLOWANCE_WORDS[lang].details;
  const g = (x: string | number | undefined) => gradeWord(String(x), v, lang);
  switch (d.code) {
    case "in_service":
    case "ledger_rejected":
    case "starts_later":
    case "left":
    case "no_office":
    case "office_unknown":
    case "role_ok":
    case "cert_too_late":
      return w[d.code](p);
    case "unit_type": {
      const allowed = String(p.allowed)
        .split("|")
        .map((t) => unitTypeWord(t, v, lang))
        .join(ALLOWANCE_WORDS[lang].listSep);
      return w.unit_type(p, unitTypeWord(String(p.type), v, lang), allowed);
    }
    case "unit_ok":
      return w.unit_ok(p, unitTypeWord(String(p.type), v, lang));
    case "role_other":
      return p.role === "" ? w.role_none() : w.role_other(p);
    case "grade_unpaid":
    case "grade_ok":
      return w[d.code](p, g(p.grade));
    default:
      return d.code;
  }
}

function payLineJson(l: PayLine, show: (id: string) => string) {
  return { id: show(l.id), name: l.name, unit: l.unit, town: l.town, grade: l.grade, month: l.month, amount: yuan(l.fen) };
}

/** "2021-06" or "2021-01 to 2021-06". */
function monthsWords(months: readonly string[], lang: Lang): string {
  return months.length > 1 ? ALLOWANCE_WORDS[lang].monthRange(months[0]!, months.at(-1)!) : (months[0] ?? "");
}

/**
 * The 发放花名册: one section per town, each payee a row and the town's subtotal the last; the
 * totals; everyone not paid; the overpaid. `signatures` adds the empty 签名 column of a printed payroll.
 */
export function payrollSections(r: Payroll, policy: Policy, lang: Lang, o: CommonOptions, withLedger: boolean, signatures: boolean): Section[] {
  const w = ALLOWANCE_WORDS[lang];
  const h = w.head;
  const show = idShown(o);
  const v = policy.vocabulary;
  const sign: Cell[] = signatures ? [null] : [];
  const sections: Section[] = [];
  sections.push({
    title: w.title(monthsWords(r.months, lang), policy.allowance!.id, policy.allowance!.basis),
    header: [],
    rows: [],
    notes: withLedger ? [w.ledgerNote] : [],
  });
  const payeesOf = groupBy(r.payees, (l) => l.town);
  for (const t of r.byTown) {
    const rows: Row[] = (payeesOf.get(t.town) ?? []).map((l) => [
      id(show(l.id)),
      text(l.name),
      text(l.unit),
      text(gradeWord(l.grade, v, lang)),
      month(l.month),
      money(l.fen),
      ...sign,
    ]);
    rows.push([text(w.subtotal), text(w.people(t.payees)), null, null, null, money(t.fen), ...sign]);
    sections.push({
      title: w.townTitle(townWord(t.town, lang)),
      sheet: townWord(t.town, lang),
      header: [h.id, h.name, h.unit, h.grade, h.month, h.amount, ...(signatures ? [h.sign] : [])],
      rows,
      total: true,
      signatures,
    });
  }
  const people = new Set(r.payees.map((l) => l.id)).size;
  sections.push({
    title: w.totals,
    header: [h.town, h.payees, h.total],
    rows: [...r.byTown.map((t): Row => [text(townWord(t.town, lang)), num(t.payees), money(t.fen)]), [text(w.all), num(people), money(r.totalFen)]],
    total: true,
  });
  if (r.notPaid.length > 0) {
    sections.push({
      title: w.notPaid,
      header: [h.id, h.name, h.unit, h.month, h.reason, h.detail],
      rows: r.notPaid.map((n) => [
        id(show(n.id)),
        text(n.name),
        text(n.unit),
        month(n.month),
        text(w.reasons[n.reason]!),
        text(detailText(n.detail, policy, lang)),
      ]),
    });
  }
  if (withLedger && r.overpaid.length > 0) {
    sections.push({
      title: w.overpaid,
      sheet: w.overpaidSheet,
      header: [h.id, h.name, h.unit, h.grade, h.month, h.excess],
      rows: r.overpaid.map((l) => [id(show(l.id)), text(l.name), text(l.unit), text(gradeWord(l.grade, v, lang)), month(l.month), money(l.fen)]),
    });
  }
  return sections;
}

export function payrollCsv(r: Payroll, lang: Lang, o: CommonOptions): FlatTable {
  const h = ALLOWANCE_WORDS[lang].head;
  const show = idShown(o);
  return {
    header: [h.id, h.name, h.unit, h.town, h.grade, h.month, h.amount],
    rows: {
      *[Symbol.iterator]() {
        for (const l of r.payees)
          yield [id(show(l.id)), text(l.name), text(l.unit), l.town === null ? null : text(l.town), id(l.grade), month(l.month), money(l.fen)];
      },
    },
  };
}

export function payrollJson(r: Payroll, policy: Policy, lang: Lang, o: CommonOptions, withLedger: boolean) {
  const show = idShown(o);
  return {
    months: r.months,
    total: yuan(r.totalFen),
    payees: r.payees.map((l) => payLineJson(l, show)),
    by_town: r.byTown.map((t) => ({ town: t.town, payees: t.payees, total: yuan(t.fen) })),
    not_paid: r.notPaid.map((n) => ({ id: show(n.id), name: n.name, month: n.month, reason: n.reason, detail: detailText(n.detail, policy, lang) })),
    ...(withLedger ? { overpaid: r.overpaid.map((l) => payLineJson(l, show)) } : {}),
  };
}

/** The head of the payroll's document: the months, the figures and the total per town drawn as bars. */
export function payrollDocument(r: Payroll, lang: Lang) {
  const w = ALLOWANCE_WORDS[lang];
  const f = w.figures;
  const figures: Fact[] = [
    { label: f.payees, value: num(new Set(r.payees.map((l) => l.id)).size) },
    { label: f.lines, value: num(r.payees.length) },
    { label: f.total, value: money(r.totalFen) },
    { label: f.notPaid, value: num(r.notPaid.length) },
    ...(r.overpaid.length > 0 ? [{ label: f.overpaid, value: num(r.overpaid.length) }] : []),
  ];
  return {
    ...explainDocument(r.months, w.documentTitle, lang),
    figures,
    charts: [
      {
        title: w.charts.byTown,
        series: [{ label: w.charts.total, tone: "plain" as const }],
        bars: r.byTown.map((t) => ({ label: townWord(t.town, lang), values: [t.fen] })),
        money: true,
      },
    ],
  };
}

/** The head of a document for the months paid: its title and months, no figures; dated the first month's 1st. */
export function explainDocument(months: readonly string[], title: string, lang: Lang) {
  return {
    title,
    facts: [{ label: DOCUMENT_WORDS[lang].months, value: text(monthsWords(months, lang)) }],
    figures: [] as Fact[],
    charts: [] as Chart[],
    day: months[0] === undefined ? null : `${months[0]}-01`,
  };
}

export function presentExplain(
  verdicts: MonthVerdict[],
  person: { id: string; name: string; unit: string; town: string | null },
  policy: Policy,
  lang: Lang,
  o: CommonOptions,
) {
  const w = ALLOWANCE_WORDS[lang];
  const h = w.head;
  const show = idShown(o);
  const a = policy.allowance!;
  const rows: Row[] = [];
  for (const v of verdicts) {
    v.conditions.forEach((c, i) => {
      rows.push([
        i === 0 ? month(v.month) : null,
        text(w.conditions[c.condition]!),
        c.passed ? status("yes", w.yes, "good") : status("no", w.no, "bad"),
        text(detailText(c.detail, policy, lang)),
        i === v.conditions.length - 1 ? money(v.dueFen) : null,
      ]);
    });
  }
  const months = verdicts.map((v) => ({
    month: v.month,
    conditions: v.conditions.map((c) => ({ condition: c.condition, passed: c.passed, detail: detailText(c.detail, policy, lang) })),
    reason: v.reason,
    amount: yuan(v.dueFen),
    basis: a.basis,
  }));
  const header = [h.month, h.condition, h.outcome, h.detail, h.amount];
  return {
    sections: [
      {
        title: w.explainTitle(`${show(person.id)} ${person.name}`, `${person.unit} (${townWord(person.town, lang)})`, a.id, a.basis),
        sheet: show(person.id),
        header,
        rows,
      },
    ] as Section[],
    csv: {
      header,
      rows: verdicts.flatMap((v) =>
        v.conditions.map((c): Row => [month(v.month), id(c.condition), id(c.passed ? "yes" : "no"), text(detailText(c.detail, policy, lang)), money(v.dueFen)]),
      ),
    },
    json: { explain: { id: show(person.id), name: person.name, unit: person.unit, town: person.town, rule: a.id, months } },
  };
}
