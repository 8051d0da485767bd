/**
 * The audit (SPEC.md "audit"): every unit rule, person rule, region target and the exam list
 * of a policy, held against people and units on an as-of date. Pure: records in, verdicts out.
 * Adding a rule kind is a schema entry and one evaluator in UNIT_EVALUATORS or PERSON_EVALUATORS.
 */
import { ageOn, type Day, formatDay } from "../dates.js";
import { GRADES, type Grade, type Policy, type Rule, type Selector, type UnitType, formatFraction } from "../policy/schema.js";
import type { PersonTable } from "../records/person-table.js";
import type { Person, Unit } from "../records/types.js";
import { type PeopleByUnit, byUnitOf, byUnitOfTable } from "./by-unit.js";
import { compareText, compareTown } from "./order.js";
import { Predicates, inServiceOn, meetsRatio, ratioShortfall } from "./predicates.js";

export type Status = "pass" | "fail" | "not_applicable" | "unknown";

export interface Check {
  readonly rule: string;
  readonly status: Status;
  /** qualifying people or posts (ratio), a count (count), the attribute (attribute) */
  readonly value: number | boolean | null;
  /** the fraction as a string (ratio) or a whole number (count) */
  readonly required: string | number | boolean;
  readonly shortfall: number | null;
  readonly basis: string;
  readonly due?: string;
  /** what the shortfall counts, for words: certified, sw_professional, posts, ... */
  readonly measure: string;
  /** for a ratio: what the value is a share of (people counted, or the posts it is measured against) */
  readonly of?: number | null;
  /** unknown because the unit's attributes do not say whether the rule applies to it */
  readonly scopeUnknown?: boolean;
  /** for a count rule that also needs a social-work office: whether the unit has one */
  readonly sw_office?: boolean | null;
}

export interface UnitVerdict {
  readonly unit: string;
  readonly unit_type: UnitType;
  readonly town: string | null;
  readonly headcount: number;
  readonly certified: number;
  readonly sw_professional: number;
  readonly compliant: boolean;
  readonly checks: Check[];
  readonly flags: string[];
}

export interface PersonCheck {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly rule: string;
  readonly status: Status;
  /** what was compared, for words */
  readonly detail: { readonly code: string; readonly params: Record<string, string | number> };
  readonly basis: string;
}

export interface TargetVerdict {
  readonly rule: string;
  readonly value: number;
  readonly required: number;
  readonly due: string;
  readonly overdue: boolean;
  readonly status: Status;
  readonly basis: string;
}

export interface ExamCandidate {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly age: number | null;
}

export interface AuditResult {
  readonly grades: Record<Grade, number>;
  readonly units: UnitVerdict[];
  readonly person_checks: PersonCheck[];
  readonly targets: TargetVerdict[];
  readonly exam: { readonly rule: string; readonly basis: string; readonly candidates: ExamCandidate[] } | null;
}

type Applies = "yes" | "no" | "unknown";

/** Whether a unit is in a rule's scope; an attribute the scope needs but the unit lacks is unknown. */
export function appliesTo(selectors: readonly Selector[], unit: Unit): Applies {
  let result: Applies = "no";
  for (const s of selectors) {
    if (!s.unit_types.includes(unit.type)) continue;
    let here: Applies = "yes";
    for (const [attr, want] of [
      ["social_service", s.social_service],
      ["sw_office", s.sw_office],
    ] as const) {
      if (want === undefined) continue;
      const have = attr === "social_service" ? unit.socialService : unit.swOffice;
      if (have === null) here = here === "no" ? "no" : "unknown";
      else if (have !== want) here = "no";
    }
    if (here === "yes") return "yes";
    if (here === "unknown") result = "unknown";
  }
  return result;
}

interface UnitContext {
  readonly unit: Unit;
  /** the unit's people in service on the as-of date */
  readonly people: readonly Person[];
  readonly is: Predicates;
}

type UnitRule = Exclude<Rule, { kind: "post_tier" | "post_level" }>;
type Evaluation = Omit<Check, "rule" | "basis" | "due">;

const COUNT_MEASURE = { anyone: "people", certified: "certified", certified_national: "certified_national", sw_professional: "sw_professional" } as const;

const UNIT_EVALUATORS: { [K in UnitRule["kind"]]: (rule: Extract<UnitRule, { kind: K }>, c: UnitContext) => Evaluation } = {
  ratio(rule, { people, is }) {
    const required = formatFraction(rule.ratio);
    const among = rule.among?.full_time === undefined ? people : people.filter((p) => is.fullTime(p) === rule.among!.full_time);
    const value = among.filter((p) => is.qualifies(rule.who, p)).length;
    const measure = rule.who.or_degree ? `${COUNT_MEASURE[rule.who.holds]}_or_degree` : COUNT_MEASURE[rule.who.holds];
    const of = among.length;
    if (of === 0) return { status: "not_applicable", value, required, shortfall: 0, measure, of };
    const status = meetsRatio(value, of, rule.ratio) ? "pass" : "fail";
    return { status, value, required, shortfall: ratioShortfall(value, of, rule.ratio), measure, of };
  },
  post_ratio(rule, { unit }) {
    const required = formatFraction(rule.ratio);
    const posts = { professional_posts: unit.professionalPosts, sw_posts: unit.swPosts, total_posts: unit.totalPosts };
    const value = posts[rule.numerator];
    const total = posts[rule.denominator];
    if (value === null || total === null) return { status: "unknown", value, required, shortfall: null, measure: "posts", of: total };
    if (total === 0) return { status: "not_applicable", value, required, shortfall: 0, measure: "posts", of: total };
    const status = meetsRatio(value, total, rule.ratio) ? "pass" : "fail";
    return { status, value, required, shortfall: ratioShortfall(value, total, rule.ratio), measure: "posts", of: total };
  },
  count(rule, { unit, people, is }) {
    const value = people.filter((p) => is.qualifies(rule.who, p)).length;
    const shortfall = Math.max(0, rule.min - value);
    const measure = rule.who.full_time ? `${COUNT_MEASURE[rule.who.holds]}_full_time` : COUNT_MEASURE[rule.who.holds];
    let status: Status = value >= rule.min ? "pass" : "fail";
    if (rule.also_sw_office) {
      if (unit.swOffice === false) status = "fail";
      else if (unit.swOffice === null && status === "pass") status = "unknown";
      return { status, value, required: rule.min, shortfall, measure, sw_office: unit.swOffice };
    }
    return { status, value, required: rule.min, shortfall, measure };
  },
  attribute(_rule, { unit }) {
    const value = unit.swOffice;
    const status: Status = value === null ? "unknown" : value ? "pass" : "fail";
    return { status, value, required: true, shortfall: null, measure: "sw_office" };
  },
  flag(rule, { people, is }) {
    const value = people.filter((p) => is.qualifies(rule.who, p)).length;
    return {
      status: value >= rule.min ? "pass" : "fail",
      value,
      required: rule.min,
      shortfall: Math.max(0, rule.min - value),
      measure: COUNT_MEASURE[rule.who.holds],
    };
  },
};

type PersonRule = Extract<Rule, { kind: "post_tier" | "post_level" }>;
type PersonEvaluation = { status: Status; detail: PersonCheck["detail"] } | null;

const PERSON_EVALUATORS: { [K in PersonRule["kind"]]: (rule: Extract<PersonRule, { kind: K }>, p: Person, is: Predicates) => PersonEvaluation } = {
  post_tier(rule, p, is) {
    if (p.tier === null) return null;
    const allowed = rule.needs[p.tier];
    const held = is.certifiedNational(p) ? p.grade : "none";
    const status = allowed.includes(held) ? "pass" : "fail";
    return { status, detail: { code: "post_tier", params: { tier: p.tier, grade: held, allowed: allowed.join("|") } } };
  },
  post_level(rule, p): PersonEvaluation {
    if (p.level === null) return null;
    const range = rule.levels[p.grade];
    if (range === undefined) {
      // a grade the rule names no levels for matches none; the detail lists the grades it does name
      const named = Object.entries(rule.levels)
        .filter((e): e is [string, [number, number]] => e[1] !== undefined)
        .map(([g, [lo, hi]]) => `${g}:${lo}-${hi}`)
        .join("|");
      return { status: "fail", detail: { code: "post_level", params: { level: p.level, grade: p.grade, range: "", named } } };
    }
    const status = p.level >= range[0] && p.level <= range[1] ? "pass" : "fail";
    return { status, detail: { code: "post_level", params: { level: p.level, grade: p.grade, range: `${range[0]}-${range[1]}` } } };
  },
};

function isUnitRule(r: Rule): r is UnitRule {
  return r.kind !== "post_tier" && r.kind !== "post_level";
}

export function evaluateUnit(policy: Policy, unit: Unit, people: readonly Person[], is: Predicates): UnitVerdict {
  const checks: Check[] = [];
  const flags: string[] = [];
  for (const [id, rule] of Object.entries(policy.rules)) {
    if (!isUnitRule(rule)) continue;
    const applies = appliesTo(rule.applies, unit);
    if (applies === "no") continue;
    const evaluate = UNIT_EVALUATORS[rule.kind] as (r: UnitRule, c: UnitContext) => Evaluation;
    const e = evaluate(rule, { unit, people, is });
    if (rule.kind === "flag") {
      if (applies === "yes" && e.status === "pass") flags.push(id);
      continue;
    }
    // in scope or not cannot be told (an attribute such as social_service not given): unknown,
    // with no shortfall, as for any check whose inputs are missing
    const scope = applies === "unknown" ? { status: "unknown" as const, shortfall: null, scopeUnknown: true } : {};
    checks.push({ rule: id, ...e, ...scope, basis: rule.basis, ...(rule.due !== undefined ? { due: formatDay(rule.due) } : {}) });
  }
  return {
    unit: unit.name,
    unit_type: unit.type,
    town: unit.town,
    headcount: people.length,
    certified: people.filter((p) => is.certified(p)).length,
    sw_professional: people.filter((p) => is.swProfessional(p)).length,
    compliant: checks.every((c) => c.status !== "fail"),
    checks,
    flags,
  };
}

export interface AuditOptions {
  /** build the exam list (default): an output that never shows it (CSV, compare) is spared building it */
  readonly exam?: boolean;
}

/** The people in service on the as-of date at the places kept in a roster's table, a unit at a time. */
export function servingFromTable(table: PersonTable, kept: Int32Array, asOf: Day): PeopleByUnit {
  return byUnitOfTable(table, kept, (i) => table.inServiceOn(i, asOf));
}

export function audit(policy: Policy, people: readonly Person[], units: ReadonlyMap<string, Unit>, asOf: Day, options: AuditOptions = {}): AuditResult {
  return auditUnits(policy, byUnitOf(people.filter((p) => inServiceOn(p, asOf))), units, asOf, options);
}

/** The audit of the people in service, a unit at a time, in the order of the verdicts. */
export function auditUnits(policy: Policy, serving: PeopleByUnit, units: ReadonlyMap<string, Unit>, asOf: Day, options: AuditOptions = {}): AuditResult {
  const is = new Predicates(policy, asOf);
  const sortedUnits = [...units.values()].sort((a, b) => compareTown(a.town, b.town) || compareText(a.name, b.name));
  const personRules = Object.entries(policy.rules).filter((e): e is [string, PersonRule] => !isUnitRule(e[1]));
  const examRule = options.exam === false ? undefined : policy.exam;
  const targetRules = Object.entries(policy.targets);

  // the grades and the people each target counts, over everyone in service, in any unit
  const grades = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  const targetPeople = targetRules.map(() => 0);
  const tally = (list: readonly Person[]): void => {
    for (const p of list) grades[p.grade]++;
    targetRules.forEach(([, t], k) => {
      if (t.kind === "people") targetPeople[k]! += list.filter((p) => is.qualifies(t.who, p)).length;
    });
  };

  const unitVerdicts: UnitVerdict[] = [];
  const personChecks: PersonCheck[] = [];
  const candidates: ExamCandidate[] = [];
  // people in the order of their units, then by id (only where a list of people is made:
  // person checks, the exam list)
  const byIdOrder = (a: Person, b: Person) => compareText(a.id, b.id);
  for (const u of sortedUnits) {
    const list = serving.of(u.name);
    unitVerdicts.push(evaluateUnit(policy, u, list, is));
    tally(list);
    if (personRules.length === 0 && !examRule) continue;
    const inOrder = [...list].sort(byIdOrder);
    for (const p of inOrder) {
      for (const [id, rule] of personRules) {
        const evaluate = PERSON_EVALUATORS[rule.kind] as (r: PersonRule, p: Person, is: Predicates) => PersonEvaluation;
        const e = evaluate(rule, p, is);
        if (e) personChecks.push({ id: p.id, name: p.name, unit: p.unit, rule: id, ...e, basis: rule.basis });
      }
    }
    if (examRule?.unit_types.includes(u.type)) {
      for (const p of inOrder) {
        if (is.certified(p)) continue;
        const age = p.birth === null ? null : ageOn(p.birth, asOf);
        if (examRule.max_age !== undefined) {
          if (age === null ? examRule.unknown_age === "exclude" : age > examRule.max_age) continue;
        }
        candidates.push({ id: p.id, name: p.name, unit: p.unit, age });
      }
    }
  }
  for (const list of serving.rest()) tally(list);

  const targets: TargetVerdict[] = targetRules.map(([id, t], k) => {
    const value = t.kind === "people" ? targetPeople[k]! : [...units.values()].filter((u) => t.unit_types.includes(u.type)).length;
    return {
      rule: id,
      value,
      required: t.min,
      due: formatDay(t.due),
      overdue: asOf > t.due,
      status: value >= t.min ? "pass" : "fail",
      basis: t.basis,
    };
  });

  const exam: AuditResult["exam"] = examRule ? { rule: examRule.id, basis: examRule.basis, candidates } : null;
  return { grades, units: unitVerdicts, person_checks: personChecks, targets, exam };
}
