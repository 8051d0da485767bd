/** The audit as people and scripts read it: words for each verdict, the report's sections, its CSV rows, its JSON and its document. */
import type { Policy } from "../core/policy/schema.js";
import type { AuditResult, Check, PersonCheck } from "../core/rules/audit.js";
import { groupBy } from "../core/rules/group.js";
import { AUDIT_WORDS } from "../render/catalogs/audit.js";
import { DOCUMENT_WORDS } from "../render/catalogs/document.js";
import { REPORT_WORDS } from "../render/catalogs/report.js";
import { shortTitle } from "../render/catalogs/rules.js";
import type { Lang } from "../render/messages.js";
import { type Cell, type Chart, type Fact, JsonList, type Row, type Section, date, id, num, text, textOrEmpty } from "../render/model.js";
import { codeWord, gradeWord, shortfallWords, statusCell, townWord, unitTypeWord, yesWord } from "../render/words.js";
import { idShown } from "./envelope.js";
import type { CommonOptions } from "./options.js";

function missingWords(c: Check, lang: Lang): string {
  const w = AUDIT_WORDS[lang];
  if (c.status === "unknown") {
    if (c.scopeUnknown) return w.scopeUnknown;
    if (c.measure === "posts") return w.postsUnknown;
    if (c.measure === "sw_office" || c.sw_office === null) return w.officeUnknown;
    return w.attributeUnknown;
  }
  if (c.status !== "fail") return "";
  const parts: string[] = [];
  if (c.shortfall !== null && c.shortfall > 0) parts.push(shortfallWords(c.measure, c.shortfall, lang));
  const noOffice = c.measure === "sw_office" || c.sw_office === false;
  if (noOffice) parts.push(w.noOffice);
  return parts.join(w.partsSep);
}

function shown(v: Check["value"] | Check["required"], lang: Lang): string {
  if (v === null) return AUDIT_WORDS[lang].notGiven;
  if (typeof v === "boolean") return yesWord(v, lang);
  return String(v);
}

/** "2 of 6 (≥ 1/3)" for a ratio, "1 / 2" for a count, "no / yes" for an attribute. */
export function valueCell(c: Pick<Check, "value" | "required" | "of">, lang: Lang): string {
  const w = AUDIT_WORDS[lang];
  if (c.of === undefined) return w.countValue(shown(c.value, lang), shown(c.required, lang));
  if (c.value === null || c.of === null) return w.ratioNotGiven(String(c.required));
  return w.ratioValue(shown(c.value, lang), shown(c.of, lang), String(c.required));
}

function personDetail(c: Pick<PersonCheck, "status" | "detail">, p: Policy, lang: Lang): string {
  const v = p.vocabulary;
  const d = c.detail;
  if (d.code === "post_tier") {
    const tier = codeWord(String(d.params.tier), v.tiers, lang);
    const words = String(d.params.allowed)
      .split("|")
      .map((g) => gradeWord(g, v, lang));
    // "intermediate or senior" / "社会工作师或高级社会工作师"
    return AUDIT_WORDS[lang].tierDetail(tier, AUDIT_WORDS[lang].allowedGrades(words), gradeWord(String(d.params.grade), v, lang));
  }
  return postLevelDetail(c, p, lang);
}

/** "post level 10 is outside levels 11–12 for assistant" (YN-POST-LEVEL). */
function postLevelDetail(c: Pick<PersonCheck, "status" | "detail">, p: Policy, lang: Lang): string {
  const w = AUDIT_WORDS[lang];
  const v = p.vocabulary;
  const { level, grade, range, named } = c.detail.params;
  const levels = (r: string) => r.replace("-", "–");
  const held = gradeWord(String(grade), v, lang);
  if (range === "") {
    // the grade has no levels in the rule: say which grades have
    const pairs = String(named ?? "")
      .split("|")
      .filter((x) => x !== "")
      .map((x) => x.split(":") as [string, string]);
    if (pairs.length === 0) return w.levelsNone(String(level));
    return w.levelsOnly(
      String(level),
      held,
      pairs.map(([g, r]) => [gradeWord(g, v, lang), levels(r)]),
    );
  }
  return w.levelIn(String(level), c.status === "pass", levels(String(range)), held);
}

/**
 * A rule's id with a short title beside it (the catalog's, else the policy's own title), in the
 * report's language; a rule with neither: its id.
 */
export function ruleTitled(rule: string, policy: Policy, lang: Lang): string {
  const own = policy.rules[rule]?.title ?? policy.targets[rule]?.title ?? (policy.exam?.id === rule ? policy.exam.title : undefined);
  const title = shortTitle(rule, lang) ?? own?.[lang];
  return title ? REPORT_WORDS[lang].ruleTitled(rule, title) : rule;
}

/** Every unit with every check, a table per town (the --all view, and the documents'). */
function unitTables(r: AuditResult, policy: Policy, lang: Lang, rule: (id: string) => Cell): Section[] {
  const w = AUDIT_WORDS[lang];
  const h = w.head;
  const v = policy.vocabulary;
  const sections: Section[] = [];
  // units come sorted by town: each run of one town is a section
  for (const [town, units] of groupBy(r.units, (u) => u.town)) {
    const rows: Row[] = [];
    for (const u of units) {
      const head: Cell[] = [text(u.unit), text(unitTypeWord(u.unit_type, v, lang)), num(u.headcount), num(u.certified), num(u.sw_professional)];
      const blank: Cell[] = [null, null, null, null, null];
      if (u.checks.length === 0) rows.push([...head, null, statusCell("not_applicable", lang), null, null, null]);
      u.checks.forEach((c, i) => {
        rows.push([
          ...(i === 0 ? head : blank),
          rule(c.rule),
          statusCell(c.status, lang),
          text(valueCell(c, lang)),
          textOrEmpty(missingWords(c, lang)),
          text(c.due ? w.withDue(c.basis, c.due) : c.basis),
        ]);
      });
      for (const f of u.flags) rows.push([...blank, rule(f), text(w.flag), null, null, null]);
    }
    sections.push({
      title: w.townTitle(townWord(town, lang)),
      sheet: townWord(town, lang),
      header: [h.unit, h.type, h.headcount, h.certified, h.pro, h.rule, h.status, `${h.value} / ${h.required}`, h.what, h.basis],
      rows,
      priority: [1, 3, 2, 2, 3, 2, 1, 2, 1, 4],
      keyed: [9],
    });
  }
  return sections;
}

/** The person checks: those that fail, or all of them. */
function personSection(r: AuditResult, policy: Policy, lang: Lang, o: CommonOptions, all: boolean, rule: (id: string) => Cell): Section | null {
  const w = AUDIT_WORDS[lang];
  const h = w.head;
  const show = idShown(o);
  const listed = all ? r.person_checks : r.person_checks.filter((c) => c.status === "fail");
  if (r.person_checks.length === 0) return null;
  const hidden = r.person_checks.length - listed.length;
  return {
    title: all ? w.personChecks : w.personFailing(listed.length),
    header: [REPORT_WORDS[lang].id, h.name, h.unit, h.rule, h.status, h.detail, h.basis],
    rows: listed.map((c) => [
      id(show(c.id)),
      text(c.name),
      text(c.unit),
      rule(c.rule),
      statusCell(c.status, lang),
      text(personDetail(c, policy, lang)),
      text(c.basis),
    ]),
    priority: [1, 1, 2, 3, 1, 1, 4],
    keyed: [6],
    notes: hidden > 0 ? [REPORT_WORDS[lang].notListed(w.personPassing(hidden))] : [],
  };
}

/** The region targets: those not met, or all of them. */
function targetSection(r: AuditResult, lang: Lang, all: boolean, rule: (id: string) => Cell): Section | null {
  const w = AUDIT_WORDS[lang];
  const h = w.head;
  if (r.targets.length === 0) return null;
  const listed = all ? r.targets : r.targets.filter((t) => t.status !== "pass");
  const hidden = r.targets.length - listed.length;
  return {
    title: w.targets,
    header: [h.rule, h.value, h.required, h.due, h.overdue, h.status, h.basis],
    rows: listed.map((t) => [
      rule(t.rule),
      num(t.value),
      num(t.required),
      date(t.due),
      text(yesWord(t.overdue, lang)),
      statusCell(t.status, lang),
      text(t.basis),
    ]),
    priority: [1, 1, 1, 2, 2, 1, 4],
    keyed: [6],
    notes: hidden > 0 ? [REPORT_WORDS[lang].notListed(w.targetsMet(hidden))] : [],
  };
}

function examSection(r: AuditResult, policy: Policy, lang: Lang, o: CommonOptions): Section | null {
  if (!r.exam) return null;
  const w = AUDIT_WORDS[lang];
  const h = w.head;
  const show = idShown(o);
  return {
    title: w.exam(ruleTitled(r.exam.rule, policy, lang), r.exam.basis, r.exam.candidates.length),
    sheet: w.examSheet,
    header: [REPORT_WORDS[lang].id, h.name, h.unit, h.age],
    rows: r.exam.candidates.map((c) => [id(show(c.id)), text(c.name), text(c.unit), c.age === null ? null : num(c.age)]),
    notes: r.exam.candidates.length === 0 ? [w.none] : [],
  };
}

/** The summary that leads the report: the policy, the date, units compliant, targets, grades. */
function summarySection(r: AuditResult, policy: Policy, asOf: string, lang: Lang): Section {
  const w = AUDIT_WORDS[lang];
  const t = tally(r);
  const gradeLine = (Object.entries(r.grades) as [string, number][]).map(([g, n]) => `${gradeWord(g, policy.vocabulary, lang)} ${n}`).join(w.gradesSep);
  return {
    title: w.title,
    header: [],
    rows: [],
    notes: [REPORT_WORDS[lang].policy(policy), ...w.summaryLines({ asOf, ...t, grades: gradeLine })],
  };
}

/**
 * What needs action, unit by unit: every check that fails, and every check that could not be
 * judged (a compliant unit among them is not fully judged).
 */
function actionSection(r: AuditResult, policy: Policy, lang: Lang): Section | null {
  const w = AUDIT_WORDS[lang];
  const h = w.head;
  const rows: Row[] = [];
  let lastTown: string | null | undefined;
  for (const u of r.units) {
    let first = true;
    for (const c of u.checks) {
      if (c.status !== "fail" && c.status !== "unknown") continue;
      rows.push([
        lastTown !== u.town ? text(townWord(u.town, lang)) : null,
        first ? text(u.unit) : null,
        text(ruleTitled(c.rule, policy, lang)),
        statusCell(c.status, lang),
        text(valueCell(c, lang)),
        textOrEmpty(missingWords(c, lang)),
        text(c.due ? w.withDue(c.basis, c.due) : c.basis),
      ]);
      first = false;
      lastTown = u.town;
    }
  }
  if (rows.length === 0) return null;
  const t = tally(r);
  return {
    title: w.actionTitle(t.failing, t.unjudged),
    header: [h.town, h.unit, h.rule, h.status, `${h.value} / ${h.required}`, h.what, h.basis],
    rows,
    priority: [3, 2, 2, 1, 1, 1, 4],
    keyed: [6],
  };
}

/**
 * The audit for people (table, Markdown): the summary first, then what needs action (failing
 * units and what they miss, failing person checks, targets not met, the exam list); what
 * passes is counted, and listed only with --all.
 */
function auditSections(r: AuditResult, policy: Policy, asOf: string, lang: Lang, o: CommonOptions): Section[] {
  const w = AUDIT_WORDS[lang];
  const all = o.all === true;
  const t = tally(r);
  const sections: Section[] = [summarySection(r, policy, asOf, lang)];
  const action = actionSection(r, policy, lang);
  if (action) sections.push(action);
  const passing = t.compliant - t.unjudged;
  if (!all && passing > 0) sections.push({ header: [], rows: [], notes: [REPORT_WORDS[lang].notListed(w.unitsPassing(passing))] });
  const titled = (rule: string) => text(ruleTitled(rule, policy, lang));
  for (const s of [personSection(r, policy, lang, o, all, titled), targetSection(r, lang, all, titled), examSection(r, policy, lang, o)])
    if (s) sections.push(s);
  if (all) sections.push(...unitTables(r, policy, lang, titled));
  return sections;
}

/** The documents' sections (html, xlsx): the summary first, as every report leads with it, then every unit, person check, target and candidate. */
function auditDocumentSections(r: AuditResult, policy: Policy, asOf: string, lang: Lang, o: CommonOptions): Section[] {
  // a workbook filters by rule: the id alone in its cell
  const listed = [personSection(r, policy, lang, o, true, id), targetSection(r, lang, true, id), examSection(r, policy, lang, o)];
  const summary = summarySection(r, policy, asOf, lang);
  return [{ ...summary, title: AUDIT_WORDS[lang].summary }, ...unitTables(r, policy, lang, id), ...listed.filter((s): s is Section => s !== null)];
}

/** The audit's counts, as the summary and the figures give them. */
function tally(r: AuditResult) {
  const compliant = r.units.filter((u) => u.compliant).length;
  return {
    compliant,
    units: r.units.length,
    failing: r.units.length - compliant,
    // compliant, but a check could not be judged (SPEC.md: "K of them with checks that could not be judged")
    unjudged: r.units.filter((u) => u.compliant && u.checks.some((c) => c.status === "unknown")).length,
    targets: r.targets.length,
    met: r.targets.filter((t) => t.status === "pass").length,
    overdue: r.targets.filter((t) => t.overdue && t.status !== "pass").length,
  };
}

function auditCsv(r: AuditResult, lang: Lang) {
  const h = AUDIT_WORDS[lang].head;
  const csvRows = function* (): Generator<Row> {
    for (const u of r.units) {
      const head = [
        textOrEmpty(u.town ?? ""),
        text(u.unit),
        id(u.unit_type),
        num(u.headcount),
        num(u.certified),
        num(u.sw_professional),
        id(yesWord(u.compliant, "en")),
      ];
      if (u.checks.length === 0) yield [...head, null, id("not_applicable"), null, null, null, null];
      for (const c of u.checks) {
        yield [
          ...head,
          id(c.rule),
          id(c.status),
          c.value === null ? null : text(String(c.value)),
          text(String(c.required)),
          c.shortfall === null ? null : num(c.shortfall),
          text(c.basis),
        ];
      }
    }
  };
  return {
    header: [h.town, h.unit, h.type, h.headcount, h.certified, h.pro, h.compliant, h.rule, h.status, h.value, h.required, h.shortfall, h.basis],
    rows: { [Symbol.iterator]: csvRows },
  };
}

/** The head of the audit's document: the date, the figures, and the charts drawn from them. */
function auditDocument(r: AuditResult, policy: Policy, asOf: string, lang: Lang) {
  const w = AUDIT_WORDS[lang];
  const f = w.figures;
  const t = tally(r);
  const people = Object.values(r.grades).reduce((a, n) => a + n, 0);
  const figures: Fact[] = [
    { label: f.units, value: num(t.units) },
    { label: f.compliant, value: num(t.compliant) },
    { label: f.failing, value: num(t.failing) },
    ...(t.unjudged > 0 ? [{ label: f.unjudged, value: num(t.unjudged) }] : []),
    ...(t.targets > 0
      ? [
          { label: f.targets, value: num(t.targets) },
          { label: f.targetsMet, value: num(t.met) },
        ]
      : []),
    { label: f.people, value: num(people) },
  ];
  const byTown = groupBy(r.units, (u) => u.town);
  const charts: Chart[] = [
    {
      title: w.charts.byTown,
      series: [
        { label: w.charts.compliant, tone: "good" },
        { label: w.charts.failing, tone: "bad" },
      ],
      bars: [...byTown].map(([town, units]) => {
        const ok = units.filter((u) => u.compliant).length;
        return { label: townWord(town, lang), values: [ok, units.length - ok] };
      }),
    },
    {
      title: w.charts.grades,
      series: [{ label: w.charts.people, tone: "plain" }],
      bars: (Object.entries(r.grades) as [string, number][]).map(([g, n]) => ({ label: gradeWord(g, policy.vocabulary, lang), values: [n] })),
    },
  ];
  return { title: w.title, facts: [{ label: DOCUMENT_WORDS[lang].asOf, value: date(asOf) }], figures, charts, day: asOf };
}

function auditJson(r: AuditResult, policy: Policy, asOf: string, lang: Lang, o: CommonOptions) {
  const show = idShown(o);
  return {
    as_of: asOf,
    grades: r.grades,
    // the long lists are made an element at a time as they are written (JsonList): held
    // whole, a national roster's units and exam candidates are a hundred MB of objects
    units: new JsonList(r.units, (u) => ({
      unit: u.unit,
      unit_type: u.unit_type,
      town: u.town,
      headcount: u.headcount,
      certified: u.certified,
      sw_professional: u.sw_professional,
      compliant: u.compliant,
      checks: u.checks.map((c) => ({
        rule: c.rule,
        status: c.status,
        value: c.value,
        required: c.required,
        shortfall: c.shortfall,
        basis: c.basis,
        ...(c.due ? { due: c.due } : {}),
      })),
      flags: u.flags,
    })),
    person_checks: new JsonList(r.person_checks, (c) => ({
      id: show(c.id),
      name: c.name,
      unit: c.unit,
      rule: c.rule,
      status: c.status,
      detail: personDetail(c, policy, lang),
      basis: c.basis,
    })),
    targets: r.targets.map((t) => ({ rule: t.rule, value: t.value, required: t.required, due: t.due, overdue: t.overdue, status: t.status })),
    exam_candidates: new JsonList(r.exam?.candidates ?? [], (c) => ({ id: show(c.id), name: c.name, unit: c.unit })),
  };
}

export function presentAudit(r: AuditResult, policy: Policy, asOf: string, lang: Lang, o: CommonOptions) {
  return {
    sections: () => auditSections(r, policy, asOf, lang, o),
    csv: () => auditCsv(r, lang),
    json: () => auditJson(r, policy, asOf, lang, o),
    document: () => ({ ...auditDocument(r, policy, asOf, lang), sections: auditDocumentSections(r, policy, asOf, lang, o) }),
  };
}
