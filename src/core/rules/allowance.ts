/**
 * The monthly professional allowance (职业津贴), e.g. QJ-ALLOWANCE, 綦江民发〔2020〕60号 四（三）.
 * Pure: people, units, a policy and months in; payees, the not paid with their reason, and,
 * against a ledger of what was already paid, what is still owed (补发) and overpaid (多发).
 * Money is integer fen throughout; yuan only at the edge.
 */
import { type Day, type Month, addMonths, firstDayOf, formatDay, formatMonth } from "../dates.js";
import type { AllowancePolicy, Grade } from "../policy/schema.js";
import type { Person, Unit } from "../records/types.js";
import { type PeopleByUnit, byUnitOf } from "./by-unit.js";
import { compareText, compareTown } from "./order.js";
import { inServiceOn } from "./predicates.js";

/** The conditions of POLICY.md's allowance rule, in the order they are tested. */
export const CONDITIONS = ["not_in_service", "unit", "role", "grade"] as const;
export type Reason = (typeof CONDITIONS)[number];

export interface Detail {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface ConditionOutcome {
  readonly condition: Reason;
  readonly passed: boolean;
  readonly detail: Detail;
}

export interface MonthVerdict {
  readonly month: string;
  readonly conditions: ConditionOutcome[];
  /** fen due for the month; 0 when a condition failed */
  readonly dueFen: number;
  /** the first condition that failed */
  readonly reason: Reason | null;
}

/** The last day a certificate may be dated and still be paid for the month (次月起 or the same month). */
function lastCertDay(month: Month, first: Day, a: AllowancePolicy): Day {
  // 次月起: a certificate dated on day D is paid from the first month starting after D
  return a.paid_from === "next_month" ? first - 1 : firstDayOf(addMonths(month, 1)) - 1;
}

function unitPasses(unit: Unit, a: AllowancePolicy): boolean {
  return a.unit_types.includes(unit.type) && (!a.require_sw_office || unit.swOffice === true);
}

/**
 * Whether a person's role is what their pay turns on (POLICY.md §1 Roles): in service on one of
 * `days` (the first day of each month paid) and in a unit that qualifies. Elsewhere the role
 * decides nothing: a 科员 in a bureau is not paid whatever the role says.
 */
export function roleDecides(p: Person, unit: Unit, a: AllowancePolicy, days: readonly Day[]): boolean {
  return unitPasses(unit, a) && days.some((d) => inServiceOn(p, d));
}

function monthlyYuan(p: Person, a: AllowancePolicy): number | undefined {
  return a.monthly[p.grade as keyof AllowancePolicy["monthly"]];
}

/** A month as the conditions read it: its name, its first day, the last day a certificate may be dated. */
interface MonthDays {
  readonly month: Month;
  readonly first: Day;
  readonly lastCert: Day;
}

function monthDays(month: Month, a: AllowancePolicy): MonthDays {
  const first = firstDayOf(month);
  return { month, first, lastCert: lastCertDay(month, first, a) };
}

/**
 * The first condition that fails for one person and month, or null when the month is paid:
 * the same tests as `allowanceFor`, without the words, for a payroll of a million people.
 */
export function reasonOf(p: Person, unit: Unit, month: Month, a: AllowancePolicy): Reason | null {
  return reasonIn(p, unit, monthDays(month, a), a);
}

function reasonIn(p: Person, unit: Unit, m: MonthDays, a: AllowancePolicy): Reason | null {
  if (!inServiceOn(p, m.first)) return "not_in_service";
  if (!unitPasses(unit, a)) return "unit";
  if (!a.roles.includes(p.role)) return "role";
  const perMonth = monthlyYuan(p, a);
  if (perMonth === undefined || perMonth <= 0) return "grade";
  if (p.certDate !== null && p.certDate > m.lastCert) return "grade";
  return null;
}

/** Fen due for a month whose conditions all pass. */
export function dueFen(p: Person, a: AllowancePolicy): number {
  return (monthlyYuan(p, a) ?? 0) * 100;
}

/** Each condition's test and what it compared, for words: one function per condition, in CONDITIONS order. */
const CHECKS: { readonly [C in Reason]: (p: Person, unit: Unit, m: MonthDays, a: AllowancePolicy) => ConditionOutcome } = {
  not_in_service(p, _unit, { first }) {
    const serving = inServiceOn(p, first);
    const detail: Detail = serving
      ? { code: "in_service", params: { day: formatDay(first) } }
      : p.start !== null && p.start > first
        ? { code: "starts_later", params: { day: formatDay(first), start: formatDay(p.start) } }
        : { code: "left", params: { day: formatDay(first), end: formatDay(p.end!) } };
    return { condition: "not_in_service", passed: serving, detail };
  },
  unit(_p, unit, _m, a) {
    const typeOk = a.unit_types.includes(unit.type);
    const officeOk = !a.require_sw_office || unit.swOffice === true;
    const detail: Detail = !typeOk
      ? { code: "unit_type", params: { unit: unit.name, type: unit.type, allowed: a.unit_types.join("|") } }
      : !officeOk
        ? { code: unit.swOffice === null ? "office_unknown" : "no_office", params: { unit: unit.name } }
        : { code: "unit_ok", params: { unit: unit.name, type: unit.type } };
    return { condition: "unit", passed: unitPasses(unit, a), detail };
  },
  role(p, _unit, _m, a) {
    const roleOk = a.roles.includes(p.role);
    return { condition: "role", passed: roleOk, detail: { code: roleOk ? "role_ok" : "role_other", params: { role: p.roleText, code: p.role } } };
  },
  grade(p, _unit, { month, lastCert }, a) {
    const perMonth = monthlyYuan(p, a);
    const paidGrade = perMonth !== undefined && perMonth > 0;
    const dated = p.certDate === null || p.certDate <= lastCert;
    const detail: Detail = !paidGrade
      ? { code: "grade_unpaid", params: { grade: p.grade } }
      : !dated
        ? { code: "cert_too_late", params: { grade: p.grade, cert: formatDay(p.certDate!), month: formatMonth(month) } }
        : { code: "grade_ok", params: { grade: p.grade, yuan: perMonth } };
    return { condition: "grade", passed: paidGrade && dated, detail };
  },
};

/**
 * Every condition for one person and month, each with its outcome (for --explain);
 * `reason` is the first that failed. Status is taken on the first day of the month.
 */
export function allowanceFor(p: Person, unit: Unit, month: Month, a: AllowancePolicy): MonthVerdict {
  const m = monthDays(month, a);
  const conditions = CONDITIONS.map((c) => CHECKS[c](p, unit, m, a));
  const failed = conditions.find((c) => !c.passed);
  return {
    month: formatMonth(month),
    conditions,
    dueFen: failed ? 0 : monthlyYuan(p, a)! * 100,
    reason: failed ? failed.condition : null,
  };
}

export interface PayLine {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly town: string | null;
  readonly grade: Grade;
  readonly month: string;
  readonly fen: number;
}

/**
 * Why a person-month is not paid: the first condition that failed, or `ledger_rejected` when a
 * row of the ledger (--paid) naming this person was rejected, so what was already paid is not
 * known and the payment is held until the ledger is fixed (SPEC.md allowance).
 */
export type NotPaidReason = Reason | "ledger_rejected";

export interface NotPaidLine {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly town: string | null;
  readonly month: string;
  readonly reason: NotPaidReason;
  readonly detail: Detail;
}

export interface TownTotal {
  readonly town: string | null;
  /** distinct people paid */
  readonly payees: number;
  readonly fen: number;
}

export interface Payroll {
  readonly months: string[];
  readonly payees: PayLine[];
  readonly notPaid: NotPaidLine[];
  readonly overpaid: PayLine[];
  readonly byTown: TownTotal[];
  readonly totalFen: number;
}

/** What the ledger says was already paid, in fen, by person id and month ("YYYY-MM"). */
export type Paid = ReadonlyMap<string, ReadonlyMap<string, number>>;

export function payroll(
  a: AllowancePolicy,
  people: readonly Person[],
  units: ReadonlyMap<string, Unit>,
  months: readonly Month[],
  paid: Paid | null,
  options: PayrollOptions = { notPaid: true },
): Payroll {
  return payrollUnits(a, byUnitOf(people), units, months, paid, options);
}

export interface PayrollOptions {
  /** make the not-paid list (an output that never shows it, CSV, is spared it) */
  readonly notPaid: boolean;
  /** ids whose payment is held: a row of theirs in the ledger was rejected */
  readonly held?: ReadonlySet<string>;
}

/** The payroll of the people a unit at a time (from the roster's table, or a list). */
export function payrollUnits(
  a: AllowancePolicy,
  byUnit: PeopleByUnit,
  units: ReadonlyMap<string, Unit>,
  months: readonly Month[],
  paid: Paid | null,
  options: PayrollOptions = { notPaid: true },
): Payroll {
  const held = options.held;
  // by town, unit and id: units sorted once, and each unit's people among themselves
  const unitOrder = byUnit.names.map((name) => units.get(name)!);
  unitOrder.sort((x, y) => compareTown(x.town, y.town) || compareText(x.name, y.name));
  const monthNames = months.map(formatMonth);
  const days = months.map((m) => monthDays(m, a));
  const payees: PayLine[] = [];
  const notPaid: NotPaidLine[] = [];
  const overpaid: PayLine[] = [];
  const towns = new Map<string | null, { payees: number; fen: number }>();
  let totalFen = 0;
  for (const unit of unitOrder) {
    const list = byUnit.of(unit.name).sort((x, y) => compareText(x.id, y.id));
    let town = towns.get(unit.town);
    for (const p of list) {
      const already = paid?.get(p.id);
      let paidHere = false;
      for (let i = 0; i < months.length; i++) {
        const m = days[i]!;
        const month = monthNames[i]!;
        const reason = reasonIn(p, unit, m, a);
        if (reason !== null && options.notPaid) {
          // the words of the condition that failed, the only one the list shows
          const detail = CHECKS[reason](p, unit, m, a).detail;
          notPaid.push({ id: p.id, name: p.name, unit: p.unit, town: unit.town, month, reason, detail });
        }
        // what was already paid is not known: nothing is owed or recovered until the ledger is fixed
        if (held?.has(p.id)) {
          if (reason === null && options.notPaid) {
            notPaid.push({
              id: p.id,
              name: p.name,
              unit: p.unit,
              town: unit.town,
              month,
              reason: "ledger_rejected",
              detail: { code: "ledger_rejected", params: { yuan: dueFen(p, a) / 100 } },
            });
          }
          continue;
        }
        const owed = (reason === null ? dueFen(p, a) : 0) - (already?.get(month) ?? 0);
        if (owed === 0) continue;
        const line = { id: p.id, name: p.name, unit: p.unit, town: unit.town, grade: p.grade, month, fen: owed > 0 ? owed : -owed };
        if (owed < 0) {
          overpaid.push(line);
          continue;
        }
        payees.push(line);
        if (!town) {
          town = { payees: 0, fen: 0 };
          towns.set(unit.town, town);
        }
        if (!paidHere) town.payees++;
        paidHere = true;
        town.fen += owed;
        totalFen += owed;
      }
    }
  }
  const byTown = [...towns].map(([town, t]) => ({ town, payees: t.payees, fen: t.fen }));
  return { months: months.map(formatMonth), payees, notPaid, overpaid, byTown, totalFen };
}
