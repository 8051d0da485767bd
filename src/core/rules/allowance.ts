/**
 * The monthly professional allowance (职业津贴), e.g. QJ-ALLOWANCE, 綦江民发〔2020〕60号 四（三）.
 * Pure: people, units, a policy and months in; payees, the not paid with their reason, and,
 * against a ledger of what was already paid, what is still owed (补发) and overpaid (多发).
 * Money is integer fen throughout; yuan only at the edge.
 */
import { type Day, type Month, addMonths, firstDayOf, formatDay, formatMonth } from "../dates.js";
import type { AllowancePolicy, Grade } from "../policy/schema.js";
import type { Person, Unit } from "../records/types.js";
import { compareText } from "./audit.js";
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

/**
 * Every condition for one person and month, each with its outcome (for --explain);
 * `reason` is the first that failed. Status is taken on the first day of the month.
 */
export function allowanceFor(p: Person, unit: Unit, month: Month, a: AllowancePolicy): MonthVerdict {
  const first: Day = firstDayOf(month);
  const conditions: ConditionOutcome[] = [];

  const serving = inServiceOn(p, first);
  conditions.push({
    condition: "not_in_service",
    passed: serving,
    detail: serving
      ? { code: "in_service", params: { day: formatDay(first) } }
      : p.start !== null && p.start > first
        ? { code: "starts_later", params: { day: formatDay(first), start: formatDay(p.start) } }
        : { code: "left", params: { day: formatDay(first), end: formatDay(p.end!) } },
  });

  const typeOk = a.unit_types.includes(unit.type);
  const officeOk = !a.require_sw_office || unit.swOffice === true;
  conditions.push({
    condition: "unit",
    passed: typeOk && officeOk,
    detail: !typeOk
      ? { code: "unit_type", params: { unit: unit.name, type: unit.type, allowed: a.unit_types.join("|") } }
      : !officeOk
        ? { code: unit.swOffice === null ? "office_unknown" : "no_office", params: { unit: unit.name } }
        : { code: "unit_ok", params: { unit: unit.name, type: unit.type } },
  });

  const roleOk = a.roles.includes(p.role);
  conditions.push({
    condition: "role",
    passed: roleOk,
    detail: { code: roleOk ? "role_ok" : "role_other", params: { role: p.roleText, code: p.role } },
  });

  const perMonth = a.monthly[p.grade as keyof AllowancePolicy["monthly"]];
  const paidGrade = perMonth !== undefined && perMonth > 0;
  // 次月起: a certificate dated on day D is paid from the first month starting after D
  const lastAllowed = a.paid_from === "next_month" ? first - 1 : firstDayOf(addMonths(month, 1)) - 1;
  const dated = p.certDate === null || p.certDate <= lastAllowed;
  conditions.push({
    condition: "grade",
    passed: paidGrade && dated,
    detail: !paidGrade
      ? { code: "grade_unpaid", params: { grade: p.grade } }
      : !dated
        ? { code: "cert_too_late", params: { grade: p.grade, cert: formatDay(p.certDate!), month: formatMonth(month) } }
        : { code: "grade_ok", params: { grade: p.grade, yuan: perMonth } },
  });

  const failed = conditions.find((c) => !c.passed);
  return {
    month: formatMonth(month),
    conditions,
    dueFen: failed ? 0 : perMonth! * 100,
    reason: failed ? failed.condition : null,
  };
}

export interface PayLine {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly town: string;
  readonly grade: Grade;
  readonly month: string;
  readonly fen: number;
}

export interface NotPaidLine {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly town: string;
  readonly month: string;
  readonly reason: Reason;
  readonly detail: Detail;
}

export interface TownTotal {
  readonly town: string;
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
  options: { notPaid: boolean } = { notPaid: true },
): Payroll {
  const ordered = [...people].sort((x, y) => {
    const ux = units.get(x.unit)!;
    const uy = units.get(y.unit)!;
    return compareText(ux.town, uy.town) || compareText(x.unit, y.unit) || compareText(x.id, y.id);
  });
  const payees: PayLine[] = [];
  const notPaid: NotPaidLine[] = [];
  const overpaid: PayLine[] = [];
  for (const p of ordered) {
    const unit = units.get(p.unit)!;
    const already = paid?.get(p.id);
    for (const m of months) {
      const v = allowanceFor(p, unit, m, a);
      const line = { id: p.id, name: p.name, unit: p.unit, town: unit.town, grade: p.grade, month: v.month };
      if (v.reason !== null && options.notPaid) notPaid.push({ ...line, reason: v.reason, detail: v.conditions.find((c) => !c.passed)!.detail });
      const owed = v.dueFen - (already?.get(v.month) ?? 0);
      if (owed > 0) payees.push({ ...line, fen: owed });
      else if (owed < 0) overpaid.push({ ...line, fen: -owed });
    }
  }
  const towns = new Map<string, { people: Set<string>; fen: number }>();
  let totalFen = 0;
  for (const l of payees) {
    const t = towns.get(l.town) ?? { people: new Set<string>(), fen: 0 };
    t.people.add(l.id);
    t.fen += l.fen;
    towns.set(l.town, t);
    totalFen += l.fen;
  }
  const byTown = [...towns].map(([town, t]) => ({ town, payees: t.people.size, fen: t.fen }));
  return { months: months.map(formatMonth), payees, notPaid, overpaid, byTown, totalFen };
}
