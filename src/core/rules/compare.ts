/**
 * What changes when policy B replaces policy A (SPEC.md "compare"): the same people and units
 * held to each, by the very rules the other commands use (audit, payroll, the training tally),
 * and the results set side by side. Pure: records and two policies in, differences out.
 * Every pair is [under A, under B].
 */
import { type Day, type Month, formatMonth } from "../dates.js";
import type { AllowancePolicy, Policy, Vocabulary } from "../policy/schema.js";
import type { TrainingRecord } from "../records/training.js";
import type { Person, Unit } from "../records/types.js";
import { normalisers } from "../records/vocab.js";
import { type Paid, type PayLine, type Payroll, allowanceFor, payroll } from "./allowance.js";
import { type AuditResult, type Status, audit } from "./audit.js";
import { compareText, compareTown } from "./order.js";
import { type PersonVerdict, type TrainingResult, type TrainingStatus, TrainingTally } from "./training.js";

export type Pair<T> = readonly [T, T];

/** A part of the comparison: worked out, or not, and why. */
export type Part<T> =
  | { readonly state: "compared"; readonly result: T }
  /** `lacking`: the ids of the policies that set no such rule */
  | { readonly state: "not_comparable"; readonly lacking: readonly string[] }
  /** the inputs it needs were not given (no month, no training file) */
  | { readonly state: "not_asked" };

export interface UnitChange {
  readonly unit: string;
  readonly town: string | null;
  readonly unit_type: Unit["type"];
  readonly compliant: Pair<boolean>;
  /** the ids of the rules failed, under each */
  readonly failing: Pair<readonly string[]>;
}

/** A region target under each policy; null on the side of a policy that sets no such target. */
export interface TargetPair {
  readonly rule: string;
  readonly status: Pair<Status | null>;
  readonly value: Pair<number | null>;
  readonly required: Pair<number | null>;
  readonly due: Pair<string | null>;
}

export interface AuditComparison {
  /** units audited (the same under both) */
  readonly units: number;
  readonly compliant: Pair<number>;
  /** units whose verdict or failing rules change, by town and unit */
  readonly unitsChanged: UnitChange[];
  /** every target of either policy, A's first */
  readonly targets: TargetPair[];
}

export interface PersonMonthChange {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly town: string | null;
  readonly month: string;
  readonly fen: Pair<number>;
  /** the first condition whose outcome differs (not_in_service, unit, role, grade), else `amount: 200 -> 300` */
  readonly because: string;
}

export interface AllowanceComparison {
  readonly months: string[];
  readonly totalFen: Pair<number>;
  readonly byMonth: { readonly month: string; readonly fen: Pair<number> }[];
  /** every town paid under either, towns in order, then district/city level */
  readonly byTown: { readonly town: string | null; readonly fen: Pair<number> }[];
  readonly peopleChanged: PersonMonthChange[];
  /** against a ledger: the excess paid under each (多发), else null */
  readonly overpaidFen: Pair<number> | null;
}

export interface TrainingChange {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly town: string | null;
  /** hundredths of a day; null where the grade has no requirement */
  readonly required100: Pair<number | null>;
  readonly days100: Pair<number>;
  readonly status: Pair<TrainingStatus>;
}

export interface TrainingComparison {
  readonly peopleChanged: TrainingChange[];
}

export interface Comparison {
  readonly audit: AuditComparison;
  readonly allowance: Part<AllowanceComparison>;
  readonly training: Part<TrainingComparison>;
}

/** Values that are data (lists, records, scalars) and equal, whatever the order of keys. */
function sameData(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  return kx.length === ky.length && kx.every((k) => Object.hasOwn(y, k) && sameData((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]));
}

/**
 * The parts of B's vocabulary that read the inputs differently from A's. The inputs are read
 * once, with A's words; roles are the exception, read again from the role text under B.
 */
export function readingDiffers(a: Policy, b: Policy): (keyof Vocabulary)[] {
  const keys = Object.keys(a.vocabulary) as (keyof Vocabulary)[];
  return keys.filter((k) => k !== "roles" && k !== "national_grades" && !sameData(a.vocabulary[k], b.vocabulary[k]));
}

/** The policies of the two that set no such part (no allowance amounts, no training days). */
export function lacking(a: Policy, b: Policy, part: "allowance" | "training"): string[] {
  return [a, b].filter((p) => p[part] === null).map((p) => p.id);
}

/** The people as B reads their roles, when B names roles otherwise than A. */
export function peopleUnder(b: Policy, a: Policy, people: readonly Person[]): readonly Person[] {
  if (sameData(a.vocabulary.roles, b.vocabulary.roles)) return people;
  const role = normalisers(b.vocabulary).role;
  return people.map((p) => ({ ...p, role: role(p.roleText).role }));
}

const failingOf = (u: AuditResult["units"][number]): string[] => u.checks.filter((c) => c.status === "fail").map((c) => c.rule);

function sameList(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

export function compareAudits(ra: AuditResult, rb: AuditResult): AuditComparison {
  const underB = new Map(rb.units.map((u) => [u.unit, u]));
  const unitsChanged: UnitChange[] = [];
  for (const ua of ra.units) {
    const ub = underB.get(ua.unit)!;
    const failing: Pair<string[]> = [failingOf(ua), failingOf(ub)];
    if (ua.compliant === ub.compliant && sameList(failing[0], failing[1])) continue;
    unitsChanged.push({ unit: ua.unit, town: ua.town, unit_type: ua.unit_type, compliant: [ua.compliant, ub.compliant], failing });
  }
  const targetsB = new Map(rb.targets.map((t) => [t.rule, t]));
  const targets: TargetPair[] = ra.targets.map((ta) => {
    const tb = targetsB.get(ta.rule);
    return {
      rule: ta.rule,
      status: [ta.status, tb?.status ?? null],
      value: [ta.value, tb?.value ?? null],
      required: [ta.required, tb?.required ?? null],
      due: [ta.due, tb?.due ?? null],
    };
  });
  const inA = new Set(ra.targets.map((t) => t.rule));
  for (const tb of rb.targets) {
    if (!inA.has(tb.rule))
      targets.push({ rule: tb.rule, status: [null, tb.status], value: [null, tb.value], required: [null, tb.required], due: [null, tb.due] });
  }
  const compliant = (r: AuditResult) => r.units.filter((u) => u.compliant).length;
  return { units: ra.units.length, compliant: [compliant(ra), compliant(rb)], unitsChanged, targets };
}

/** The audit under each policy, set side by side. */
export function compareAudit(a: Policy, b: Policy, people: readonly Person[], units: ReadonlyMap<string, Unit>, asOf: Day): AuditComparison {
  // the exam list is not compared: neither audit builds it
  return compareAudits(audit(a, people, units, asOf, { exam: false }), audit(b, people, units, asOf, { exam: false }));
}

const yuanText = (fen: number) => String(fen / 100);

/** Why a person-month's amount differs: the first condition whose outcome differs, else the amount. */
export function because(p: Pair<Person>, unit: Unit, month: Month, a: AllowancePolicy, b: AllowancePolicy): string {
  const va = allowanceFor(p[0], unit, month, a);
  const vb = allowanceFor(p[1], unit, month, b);
  const differs = va.conditions.find((c, i) => c.passed !== vb.conditions[i]!.passed);
  if (differs) return differs.condition;
  return `amount: ${yuanText(va.dueFen)} -> ${yuanText(vb.dueFen)}`;
}

const lineKey = (l: Pick<PayLine, "id" | "month">) => `${l.id}\u0000${l.month}`;

function byOrder(x: PayLine, y: PayLine): number {
  return compareTown(x.town, y.town) || compareText(x.unit, y.unit) || compareText(x.id, y.id) || compareText(x.month, y.month);
}

/** The totals of both payrolls per key, every key of either, in `order`. */
function pairTotals<K>(keys: (r: Payroll) => Iterable<[K, number]>, ra: Payroll, rb: Payroll, order: (x: K, y: K) => number): [K, Pair<number>][] {
  const sums = new Map<K, [number, number]>();
  ([ra, rb] as const).forEach((r, side) => {
    for (const [k, fen] of keys(r)) {
      const s = sums.get(k) ?? [0, 0];
      s[side as 0 | 1] += fen;
      sums.set(k, s);
    }
  });
  return [...sums].sort(([x], [y]) => order(x, y));
}

export interface AllowanceInputs {
  readonly people: readonly Person[];
  /** the same people as B reads them (see peopleUnder) */
  readonly peopleB: readonly Person[];
  readonly units: ReadonlyMap<string, Unit>;
  readonly months: readonly Month[];
  readonly paid: Paid | null;
  readonly held?: ReadonlySet<string>;
}

/** The payroll under each policy: totals per month and town, and every person-month whose amount changes. */
export function compareAllowance(a: AllowancePolicy, b: AllowancePolicy, i: AllowanceInputs): AllowanceComparison {
  const options = { notPaid: false, ...(i.held ? { held: i.held } : {}) };
  const ra = payroll(a, i.people, i.units, i.months, i.paid, options);
  const rb = payroll(b, i.peopleB, i.units, i.months, i.paid, options);
  const fenB = new Map(rb.payees.map((l) => [lineKey(l), l.fen]));
  const fenA = new Map(ra.payees.map((l) => [lineKey(l), l.fen]));
  const changedLines = [...ra.payees.filter((l) => fenB.get(lineKey(l)) !== l.fen), ...rb.payees.filter((l) => !fenA.has(lineKey(l)))].sort(byOrder);
  const monthOf = new Map(i.months.map((m) => [formatMonth(m), m]));
  const personB = new Map(i.peopleB.map((p) => [p.id, p]));
  const personA = new Map(i.people.map((p) => [p.id, p]));
  const peopleChanged = changedLines.map((l): PersonMonthChange => {
    const key = lineKey(l);
    const p: Pair<Person> = [personA.get(l.id)!, personB.get(l.id)!];
    return {
      id: l.id,
      name: l.name,
      unit: l.unit,
      town: l.town,
      month: l.month,
      fen: [fenA.get(key) ?? 0, fenB.get(key) ?? 0],
      because: because(p, i.units.get(l.unit)!, monthOf.get(l.month)!, a, b),
    };
  });
  const byMonth = pairTotals((r) => r.payees.map((l): [string, number] => [l.month, l.fen]), ra, rb, compareText);
  const byTown = pairTotals((r) => r.byTown.map((t): [string | null, number] => [t.town, t.fen]), ra, rb, compareTown);
  const overpaid = (r: Payroll) => r.overpaid.reduce((s, l) => s + l.fen, 0);
  return {
    months: ra.months,
    totalFen: [ra.totalFen, rb.totalFen],
    // every month, paid or not, so a month nobody is paid under either still shows its zeros
    byMonth: ra.months.map((month) => ({ month, fen: byMonth.find(([m]) => m === month)?.[1] ?? [0, 0] })),
    byTown: byTown.map(([town, fen]) => ({ town, fen })),
    peopleChanged,
    overpaidFen: i.paid === null ? null : [overpaid(ra), overpaid(rb)],
  };
}

/** Two training results (the same people, each under its policy and window) set side by side. */
export function compareTrainings(ra: TrainingResult, rb: TrainingResult): TrainingComparison {
  const underB = new Map<string, PersonVerdict>(rb.people.map((v) => [v.id, v]));
  const peopleChanged: TrainingChange[] = [];
  for (const va of ra.people) {
    const vb = underB.get(va.id)!;
    if (va.required100 === vb.required100 && va.status === vb.status) continue;
    peopleChanged.push({
      id: va.id,
      name: va.name,
      unit: va.unit,
      town: va.town,
      required100: [va.required100, vb.required100],
      days100: [va.days100, vb.days100],
      status: [va.status, vb.status],
    });
  }
  return { peopleChanged };
}

/**
 * Training records folded once into a tally under each policy (each with its own window), so
 * the records are read once and kept in memory by neither. Comparable only when both
 * policies set training days; otherwise `add` does nothing.
 */
export class TrainingPair {
  readonly lacking: readonly string[];
  readonly tallies: readonly [TrainingTally, TrainingTally] | null;

  constructor(a: Policy, b: Policy, people: readonly Person[], asOf: Day) {
    this.lacking = lacking(a, b, "training");
    const ta = a.training;
    const tb = b.training;
    if (this.lacking.length > 0 || ta === null || tb === null) {
      this.tallies = null;
      return;
    }
    const first = new TrainingTally(people, ta, asOf);
    this.tallies = [first, new TrainingTally(first.index, tb, asOf)];
  }

  /** Whether a record's id is one of the roster's people. */
  has(id: string): boolean {
    return this.tallies?.[0].has(id) ?? false;
  }

  add(r: TrainingRecord): void {
    if (!this.tallies) return;
    this.tallies[0].add(r);
    this.tallies[1].add(r);
  }

  finish(units: ReadonlyMap<string, Unit>): Part<TrainingComparison> {
    if (!this.tallies) return { state: "not_comparable", lacking: this.lacking };
    return { state: "compared", result: compareTrainings(this.tallies[0].finish(units), this.tallies[1].finish(units)) };
  }
}

export interface CompareOptions {
  readonly asOf: Day;
  /** the months to pay, or null when none were asked for */
  readonly months: readonly Month[] | null;
  /** what a ledger (--paid) says was already paid, or null */
  readonly paid?: Paid | null;
  readonly held?: ReadonlySet<string>;
  /** the training records folded under both, or null when no training file was given */
  readonly training?: TrainingPair | null;
}

/** The allowance part: compared when both policies pay one and months were asked for. */
export function allowancePart(a: Policy, b: Policy, people: readonly Person[], units: ReadonlyMap<string, Unit>, o: CompareOptions): Part<AllowanceComparison> {
  if (o.months === null) return { state: "not_asked" };
  const missing = lacking(a, b, "allowance");
  if (a.allowance === null || b.allowance === null) return { state: "not_comparable", lacking: missing };
  const inputs = { people, peopleB: peopleUnder(b, a, people), units, months: o.months, paid: o.paid ?? null, ...(o.held ? { held: o.held } : {}) };
  return { state: "compared", result: compareAllowance(a.allowance, b.allowance, inputs) };
}

/** Everything that changes when B replaces A, part by part. */
export function compare(a: Policy, b: Policy, people: readonly Person[], units: ReadonlyMap<string, Unit>, o: CompareOptions): Comparison {
  return {
    audit: compareAudit(a, b, people, units, o.asOf),
    allowance: allowancePart(a, b, people, units, o),
    training: o.training ? o.training.finish(units) : { state: "not_asked" },
  };
}

/** Whether anything changes (for --check): a verdict, a target's status, an amount, a training status, or a part one policy lacks. */
export function anythingChanges(c: Comparison): boolean {
  const one = (p: Part<unknown>) => p.state === "not_comparable" && p.lacking.length === 1;
  return (
    c.audit.unitsChanged.length > 0 ||
    c.audit.targets.some((t) => t.status[0] !== t.status[1]) ||
    (c.allowance.state === "compared" &&
      (c.allowance.result.peopleChanged.length > 0 ||
        c.allowance.result.totalFen[0] !== c.allowance.result.totalFen[1] ||
        (c.allowance.result.overpaidFen !== null && c.allowance.result.overpaidFen[0] !== c.allowance.result.overpaidFen[1]))) ||
    (c.training.state === "compared" && c.training.result.peopleChanged.length > 0) ||
    one(c.allowance) ||
    one(c.training)
  );
}
