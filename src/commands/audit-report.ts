/** The audit as people and scripts read it: words for each verdict, the report's sections, its CSV rows, its JSON and its document. */
import type { Policy } from "../core/policy/schema.js";
import type { AuditResult, Check, PersonCheck } from "../core/rules/audit.js";
import { groupBy } from "../core/rules/group.js";
import { AUDIT_WORDS } from "../render/catalogs/audit.js";
import { DOCUMENT_WORDS } from "../render/catalogs/document.js";
import type { Lang } from "../render/messages.js";
import { type Cell, type Chart, type Fact, type Row, type Section, date, id, num, text, textOrEmpty } from "../render/model.js";
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

function auditSections(r: AuditResult, policy: Policy, asOf: string, lang: Lang, o: CommonOptions): Section[] {
  const w = AUDIT_WORDS[lang];
  const h = w.head;
  const v = policy.vocabulary;
  const show = idShown(o);
  const sections: Section[] = [];
  // units come sorted by town: each run of one town is a section
  const towns = groupBy(r.units, (u) => u.town);
  for (const [town, units] of towns) {
    const rows: Row[] = [];
    for (const u of units) {
      const head: Cell[] = [text(u.unit), text(unitTypeWord(u.unit_type, v, lang)), num(u.headcount), num(u.certified), num(u.sw_professional)];
      const blank: Cell[] = [null, null, null, null, null];
      if (u.checks.length === 0) rows.push([...head, null, statusCell("not_applicable", lang), null, null, null]);
      u.checks.forEach((c, i) => {
        rows.push([
          ...(i === 0 ? head : blank),
          id(c.rule),
          statusCell(c.status, lang),
          text(valueCell(c, lang)),
          textOrEmpty(missingWords(c, lang)),
          text(c.due ? w.withDue(c.basis, c.due) : c.basis),
        ]);
      });
      if (u.flags.length > 0) rows.push([...blank, id(u.flags.join(", ")), text(w.flag), null, null, null]);
    }
    sections.push({
      title: w.townTitle(townWord(town, lang)),
      sheet: townWord(town, lang),
      header: [h.unit, h.type, h.headcount, h.certified, h.pro, h.rule, h.status, `${h.value} / ${h.required}`, h.what, h.basis],
      rows,
    });
  }
  if (r.person_checks.length > 0) {
    sections.push({
      title: w.personChecks,
      header: [h.id, h.name, h.unit, h.rule, h.status, h.detail, h.basis],
      rows: r.person_checks.map((c) => [
        id(show(c.id)),
        text(c.name),
        text(c.unit),
        id(c.rule),
        statusCell(c.status, lang),
        text(personDetail(c, policy, lang)),
        text(c.basis),
      ]),
    });
  }
  if (r.targets.length > 0) {
    sections.push({
      title: w.targets,
      header: [h.rule, h.value, h.required, h.due, h.overdue, h.status, h.basis],
      rows: r.targets.map((t) => [
        id(t.rule),
        num(t.value),
        num(t.required),
        date(t.due),
        text(yesWord(t.overdue, lang)),
        statusCell(t.status, lang),
        text(t.basis),
      ]),
    });
  }
  if (r.exam) {
    sections.push({
      title: w.exam(r.exam.rule, r.exam.basis),
      sheet: w.examSheet,
      header: [h.id, h.name, h.unit, h.age],
      rows: r.exam.candidates.map((c) => [id(show(c.id)), text(c.name), text(c.unit), c.age === null ? null : num(c.age)]),
      notes: r.exam.candidates.length === 0 ? [w.none] : [],
    });
  }
  const t = tally(r);
  const gradeLine = (Object.entries(r.grades) as [string, number][]).map(([g, n]) => `${gradeWord(g, v, lang)} ${n}`).join(w.gradesSep);
  sections.push({
    title: w.summary,
    header: [],
    rows: [],
    notes: w.summaryLines({ policy: policy.id, document: policy.document, asOf, ...t, grades: gradeLine }),
  });

  return sections;
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
    units: r.units.map((u) => ({
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
    person_checks: r.person_checks.map((c) => ({
      id: show(c.id),
      name: c.name,
      unit: c.unit,
      rule: c.rule,
      status: c.status,
      detail: personDetail(c, policy, lang),
      basis: c.basis,
    })),
    targets: r.targets.map((t) => ({ rule: t.rule, value: t.value, required: t.required, due: t.due, overdue: t.overdue, status: t.status })),
    exam_candidates: (r.exam?.candidates ?? []).map((c) => ({ id: show(c.id), name: c.name, unit: c.unit })),
  };
}

export function presentAudit(r: AuditResult, policy: Policy, asOf: string, lang: Lang, o: CommonOptions) {
  return {
    sections: () => auditSections(r, policy, asOf, lang, o),
    csv: () => auditCsv(r, lang),
    json: () => auditJson(r, policy, asOf, lang, o),
    document: () => auditDocument(r, policy, asOf, lang),
  };
}
