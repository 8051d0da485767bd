/**
 * The payroll as people and scripts read it: each not-paid reason and condition in words,
 * the 发放花名册 sections, its CSV rows, its JSON, its document, and --explain's month-by-month table.
 */
import type { Policy } from "../core/policy/schema.js";
import type { Detail, MonthVerdict, NotPaidLine, PayLine, Payroll } from "../core/rules/allowance.js";
import { normalisers } from "../core/records/vocab.js";
import { groupBy } from "../core/rules/group.js";
import { ALLOWANCE_WORDS } from "../render/catalogs/allowance.js";
import { joinList } from "../render/catalogs/catalog.js";
import { REPORT_WORDS } from "../render/catalogs/report.js";
import { shortTitle } from "../render/catalogs/rules.js";
import { DOCUMENT_WORDS } from "../render/catalogs/document.js";
import type { Lang } from "../render/messages.js";
import {
  JsonList,
  type Cell,
  type Chart,
  type Fact,
  type FlatTable,
  type Row,
  type Section,
  id,
  money,
  month,
  num,
  status,
  text,
  yuan,
} from "../render/model.js";
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
        .map((t) => unitTypeWord(t, v, lang));
      return w.unit_type(p, unitTypeWord(String(p.type), v, lang), joinList(allowed, ALLOWANCE_WORDS[lang].listSep, ALLOWANCE_WORDS[lang].listLast));
    }
    case "unit_ok":
      return w.unit_ok(p, unitTypeWord(String(p.type), v, lang));
    case "role_other":
      return p.role === "" ? w.role_none() : w.role_other(p);
    case "grade_unpaid":
      return p.grade === "none" ? w.no_certificate() : w.grade_unpaid(p, g(p.grade));
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

/** With a ledger, a line for a month before the last one paid is back pay (补发), owed from earlier. */
function backPayOf(r: Payroll, withLedger: boolean): (l: PayLine) => boolean {
  const last = r.months.at(-1) ?? "";
  return (l) => withLedger && l.month < last;
}

/** The 发放花名册 proper: a table per town, each payee a row (补发 marked) and the town's subtotal last. */
function payeeTables(r: Payroll, policy: Policy, lang: Lang, o: CommonOptions, withLedger: boolean, signatures: boolean): Section[] {
  const w = ALLOWANCE_WORDS[lang];
  const h = w.head;
  const show = idShown(o);
  const v = policy.vocabulary;
  const sign: Cell[] = signatures ? [null] : [];
  const note = (l: PayLine): Cell[] => (withLedger ? [backPay(l) ? text(w.backPay) : null] : []);
  const backPay = backPayOf(r, withLedger);
  const payeesOf = groupBy(r.payees, (l) => l.town);
  return r.byTown.map((t) => {
    const rows: Row[] = (payeesOf.get(t.town) ?? []).map((l) => [
      id(show(l.id)),
      text(l.name),
      text(l.unit),
      text(gradeWord(l.grade, v, lang)),
      month(l.month),
      money(l.fen),
      ...note(l),
      ...sign,
    ]);
    rows.push([text(w.subtotal), text(w.people(t.payees)), null, null, null, money(t.fen), ...(withLedger ? [null] : []), ...sign]);
    return {
      title: w.townTitle(townWord(t.town, lang)),
      sheet: townWord(t.town, lang),
      header: [REPORT_WORDS[lang].id, h.name, h.unit, h.grade, h.month, h.amountYuan, ...(withLedger ? [h.note] : []), ...(signatures ? [h.sign] : [])],
      rows,
      total: true,
      signatures,
      priority: [1, 1, 2, 3, 1, 1, 1, 1],
    };
  });
}

function totalsSection(r: Payroll, lang: Lang): Section {
  const w = ALLOWANCE_WORDS[lang];
  const h = w.head;
  const people = new Set(r.payees.map((l) => l.id)).size;
  return {
    title: w.totals,
    header: [h.town, h.payees, h.amountYuan],
    rows: [...r.byTown.map((t): Row => [text(townWord(t.town, lang)), num(t.payees), money(t.fen)]), [text(w.all), num(people), money(r.totalFen)]],
    total: true,
  };
}

function overpaidSection(r: Payroll, policy: Policy, lang: Lang, o: CommonOptions): Section | null {
  if (r.overpaid.length === 0) return null;
  const w = ALLOWANCE_WORDS[lang];
  const h = w.head;
  const show = idShown(o);
  return {
    title: w.overpaid,
    sheet: w.overpaidSheet,
    header: [REPORT_WORDS[lang].id, h.name, h.unit, h.grade, h.month, h.excessYuan],
    rows: r.overpaid.map((l) => [id(show(l.id)), text(l.name), text(l.unit), text(gradeWord(l.grade, policy.vocabulary, lang)), month(l.month), money(l.fen)]),
  };
}

/** Why a person-month is not paid, in the words a clerk sorts by: the detail of the condition that failed. */
function notPaidKind(n: NotPaidLine, recognised: (role: string) => boolean): string {
  const d = n.detail;
  if (d.code === "grade_unpaid" && d.params.grade === "none") return "no_certificate";
  if (d.code === "role_other" && d.params.role !== "" && !recognised(String(d.params.role))) return "role_unknown";
  if (d.code === "role_other" && d.params.role === "") return "role_none";
  return d.code;
}

/** The reasons a clerk acts on (the roster or the ledger may be wrong): listed one by one; others are counted. */
const ACTED_ON: ReadonlySet<string> = new Set(["left", "cert_too_late", "role_unknown", "role_none", "office_unknown", "ledger_rejected"]);

function notPaidRows(lines: readonly NotPaidLine[], policy: Policy, lang: Lang, o: CommonOptions): Row[] {
  const w = ALLOWANCE_WORDS[lang];
  const show = idShown(o);
  return lines.map((n) => [id(show(n.id)), text(n.name), text(n.unit), month(n.month), text(w.reasons[n.reason]!), text(detailText(n.detail, policy, lang))]);
}

/**
 * The not paid: counted by reason, and listed one by one for the reasons a clerk acts on (left,
 * certificate too new, role not recognised or not given, office not recorded, ledger row
 * rejected), or all of them with --all.
 */
function notPaidSections(r: Payroll, policy: Policy, lang: Lang, o: CommonOptions): Section[] {
  if (r.notPaid.length === 0) return [];
  const w = ALLOWANCE_WORDS[lang];
  const h = w.head;
  const roles = normalisers(policy.vocabulary).role;
  const kindOf = (n: NotPaidLine) => notPaidKind(n, (role) => roles(role).recognised);
  const counts = new Map<string, number>();
  for (const n of r.notPaid) counts.set(kindOf(n), (counts.get(kindOf(n)) ?? 0) + 1);
  const kindWord = (k: string) => w.kinds[k] ?? k;
  const listed = o.all === true ? r.notPaid : r.notPaid.filter((n) => ACTED_ON.has(kindOf(n)));
  const others = [...counts].filter(([k]) => o.all !== true && !ACTED_ON.has(k)).sort((x, y) => y[1] - x[1]);
  const hidden = others.reduce((a, [, n]) => a + n, 0);
  return [
    {
      title: o.all === true ? w.notPaidAll : w.notPaidListed(listed.length),
      header: [REPORT_WORDS[lang].id, h.name, h.unit, h.month, h.reason, h.detail],
      rows: notPaidRows(listed, policy, lang, o),
      priority: [1, 1, 2, 2, 3, 1],
      notes: hidden > 0 ? [REPORT_WORDS[lang].notListed(w.notPaidOthers(hidden, others.map(([k, n]) => w.kindCount(kindWord(k), n)).join(w.kindsSep)))] : [],
    },
  ];
}

/** The head of the payroll: title, the policy and rule in force, the total and the summary of what needs action. */
function headSection(r: Payroll, policy: Policy, lang: Lang, withLedger: boolean): Section {
  const w = ALLOWANCE_WORDS[lang];
  const a = policy.allowance!;
  const short = shortTitle(a.id, lang);
  const yuanOf = (fen: number) => String(yuan(fen));
  const people = new Set(r.payees.map((l) => l.id)).size;
  const backPay = r.payees.filter(backPayOf(r, withLedger));
  const over = r.overpaid.reduce((sum, l) => sum + l.fen, 0);
  const roles = normalisers(policy.vocabulary).role;
  const counts = new Map<string, number>();
  for (const n of r.notPaid) {
    const k = notPaidKind(n, (role) => roles(role).recognised);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const parts = [...counts].sort((x, y) => y[1] - x[1]).map(([k, n]) => w.kindCount(w.kinds[k] ?? k, n));
  return {
    title: w.title(monthsWords(r.months, lang)),
    header: [],
    rows: [],
    notes: [
      REPORT_WORDS[lang].policy(policy),
      w.ruleLine(short ? REPORT_WORDS[lang].ruleTitled(a.id, short) : a.id, a.basis),
      w.totalLine(yuanOf(r.totalFen), people, r.payees.length),
      ...(backPay.length > 0 ? [w.backPayLine(yuanOf(backPay.reduce((sum, l) => sum + l.fen, 0)), backPay.length)] : []),
      ...(r.overpaid.length > 0 ? [w.overpaidLine(yuanOf(over), r.overpaid.length)] : []),
      ...(r.notPaid.length > 0 ? [w.notPaidLine(r.notPaid.length, parts.join(w.kindsSep))] : []),
      ...(withLedger ? [w.ledgerNote] : []),
    ],
  };
}

/**
 * The payroll for people (table, Markdown): the summary first, totals per town, what needs
 * action (overpaid, the not paid a clerk acts on), then the 发放花名册 by town; printed
 * (`signatures`), each payee gets a 签名 cell and the roll ends with lines to sign.
 */
export function payrollView(r: Payroll, policy: Policy, lang: Lang, o: CommonOptions, withLedger: boolean, signatures: boolean): Section[] {
  const w = ALLOWANCE_WORDS[lang];
  const over = overpaidSection(r, policy, lang, o);
  const sections: Section[] = [
    headSection(r, policy, lang, withLedger),
    totalsSection(r, lang),
    ...(over ? [over] : []),
    ...notPaidSections(r, policy, lang, o),
  ];
  sections.push(...payeeTables(r, policy, lang, o, withLedger, signatures));
  if (signatures) sections.push({ header: [], rows: [], notes: w.signLines });
  return sections;
}

/** The documents' payroll (html, xlsx): the head, the 发放花名册 by town, the totals and the lines to sign, everyone not paid, the overpaid. */
export function payrollSections(r: Payroll, policy: Policy, lang: Lang, o: CommonOptions, withLedger: boolean, signatures: boolean): Section[] {
  const w = ALLOWANCE_WORDS[lang];
  const h = w.head;
  const over = withLedger ? overpaidSection(r, policy, lang, o) : null;
  return [
    headSection(r, policy, lang, withLedger),
    ...payeeTables(r, policy, lang, o, withLedger, signatures),
    // a roll printed to be signed ends, under its grand total, with the lines its makers sign
    signatures ? { ...totalsSection(r, lang), notes: w.signLines } : totalsSection(r, lang),
    ...(r.notPaid.length > 0
      ? [{ title: w.notPaid, header: [REPORT_WORDS[lang].id, h.name, h.unit, h.month, h.reason, h.detail], rows: notPaidRows(r.notPaid, policy, lang, o) }]
      : []),
    ...(over ? [over] : []),
  ];
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
    payees: new JsonList(r.payees, (l) => payLineJson(l, show)),
    by_town: r.byTown.map((t) => ({ town: t.town, payees: t.payees, total: yuan(t.fen) })),
    not_paid: new JsonList(r.notPaid, (n) => ({ id: show(n.id), name: n.name, month: n.month, reason: n.reason, detail: detailText(n.detail, policy, lang) })),
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
