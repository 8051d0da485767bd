import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { monthRange, parseMonth } from "../../src/core/dates.js";
import type { Paid } from "../../src/core/rules/allowance.js";
import { allowanceFor, dueFen, payroll, reasonOf } from "../../src/core/rules/allowance.js";
import type { Person, Unit } from "../../src/core/records/types.js";
import { loadPolicy } from "../../src/io/policies.js";
import { GRADES, ROLES } from "../../src/core/policy/schema.js";

const a = loadPolicy("qijiang-2020").allowance!;
const months = monthRange(parseMonth("2021-01")!, parseMonth("2021-12")!);
const DAY0 = Date.UTC(2020, 0, 1) / 86_400_000;

const unitArb = fc.record({
  name: fc.constantFrom("甲社区", "乙村", "丙社区", "丁机关"),
  town: fc.constantFrom("古南街道", "文龙街道", "东溪镇"),
  type: fc.constantFrom("urban_community" as const, "village" as const, "organ" as const),
  swOffice: fc.constantFrom(true, false, null),
});

const dayArb = fc.option(fc.integer({ min: DAY0, max: DAY0 + 800 }), { nil: null });

function world() {
  return fc
    .tuple(
      fc.uniqueArray(unitArb, { selector: (u) => u.name, minLength: 1, maxLength: 4 }),
      fc.array(
        fc.record({
          grade: fc.constantFrom(...GRADES),
          role: fc.constantFrom(...ROLES),
          certDate: dayArb,
          start: dayArb,
          end: dayArb,
          unitIndex: fc.nat(),
        }),
        { maxLength: 30 },
      ),
    )
    .map(([us, ps]) => {
      const units = new Map<string, Unit>(
        us.map((u) => [u.name, { district: null, socialService: null, professionalPosts: null, swPosts: null, totalPosts: null, ...u }]),
      );
      const names = [...units.keys()];
      const people: Person[] = ps.map((p, i) => ({
        id: `ID${i}`,
        name: `n${i}`,
        unit: names[p.unitIndex % names.length]!,
        row: i + 2,
        role: p.role,
        roleText: "",
        grade: p.grade,
        certDate: p.certDate,
        degree: "none",
        fullTime: null,
        start: p.start,
        end: p.start !== null && p.end !== null && p.end < p.start ? null : p.end,
        birth: null,
        tier: null,
        level: null,
      }));
      return { units, people };
    });
}

describe("allowance invariants", () => {
  it("the payroll's quick test gives the same reason and amount as the full explanation, in both readings of 次月起", () => {
    for (const paidFrom of ["next_month", "same_month"] as const) {
      const policy = { ...a, paid_from: paidFrom };
      fc.assert(
        fc.property(world(), ({ units, people }) => {
          for (const p of people) {
            const unit = units.get(p.unit)!;
            for (const m of months) {
              const full = allowanceFor(p, unit, m, policy);
              const reason = reasonOf(p, unit, m, policy);
              expect(reason).toBe(full.reason);
              expect(reason === null ? dueFen(p, policy) : 0).toBe(full.dueFen);
            }
          }
        }),
        { numRuns: 100 },
      );
    }
  });

  it("every person-month is paid or not paid with a reason, and per-town totals add up to the total", () => {
    fc.assert(
      fc.property(world(), ({ units, people }) => {
        const r = payroll(a, people, units, months, null);
        expect(r.payees.length + r.notPaid.length).toBe(people.length * months.length);
        for (const n of r.notPaid) expect(["not_in_service", "unit", "role", "grade"]).toContain(n.reason);
        expect(r.byTown.reduce((s, t) => s + t.fen, 0)).toBe(r.totalFen);
        expect(r.payees.reduce((s, l) => s + l.fen, 0)).toBe(r.totalFen);
        for (const l of r.payees) expect([5000, 10000, 20000]).toContain(l.fen);
      }),
      { numRuns: 150 },
    );
  });

  it("feeding a payroll back as the ledger owes nothing and overpays nothing", () => {
    fc.assert(
      fc.property(world(), ({ units, people }) => {
        const first = payroll(a, people, units, months, null);
        const paid = new Map<string, Map<string, number>>();
        for (const l of first.payees) {
          const m = paid.get(l.id) ?? new Map<string, number>();
          m.set(l.month, (m.get(l.month) ?? 0) + l.fen);
          paid.set(l.id, m);
        }
        const again = payroll(a, people, units, months, paid as Paid);
        expect(again.payees).toEqual([]);
        expect(again.overpaid).toEqual([]);
        expect(again.totalFen).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it("is deterministic whatever the input order", () => {
    fc.assert(
      fc.property(world(), ({ units, people }) => {
        const r1 = payroll(a, people, units, months, null);
        const r2 = payroll(a, [...people].reverse(), units, months, null);
        expect(r2).toEqual(r1);
      }),
      { numRuns: 50 },
    );
  });
});
