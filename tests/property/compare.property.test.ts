/**
 * A policy compared with itself changes nothing (SPEC.md "compare"): for arbitrary rosters,
 * units and training records, under every built-in profile and a draft, no unit, person-month
 * or person is listed, every pair is equal and --check would exit 0.
 * SWTALENT_FUZZ_RUNS sets the number of cases (default 40).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { monthRange, parseDay, parseMonth } from "../../src/core/dates.js";
import { DEGREES, GRADES, ROLES, TIERS, UNIT_TYPES } from "../../src/core/policy/schema.js";
import type { TrainingRecord } from "../../src/core/records/training.js";
import type { Person, Unit } from "../../src/core/records/types.js";
import { TrainingPair, anythingChanges, compare } from "../../src/core/rules/compare.js";
import { builtinIds, loadPolicy } from "../../src/io/policies.js";
import { ROOT } from "../helpers/cli.js";

const RUNS = Number(process.env.SWTALENT_FUZZ_RUNS ?? 40);
const AS_OF = parseDay("2021-12-31")!;
const MONTHS = monthRange(parseMonth("2021-01")!, parseMonth("2021-12")!);
const DAY0 = parseDay("2016-01-01")!;
const day = fc.integer({ min: DAY0, max: AS_OF });
const maybeDay = fc.option(day, { nil: null });
const maybeCount = fc.option(fc.integer({ min: 0, max: 30 }), { nil: null });
const maybeYes = fc.constantFrom(true, false, null);

const unitArb = fc.record({
  name: fc.constantFrom("滨河社区", "红岩村", "古南街道办事处", "民政局", "福利院", "同心社工", "綦江中学", "公益协会"),
  type: fc.constantFrom(...UNIT_TYPES),
  town: fc.constantFrom("古南街道", "东溪镇", null),
  socialService: maybeYes,
  swOffice: maybeYes,
  professionalPosts: maybeCount,
  swPosts: maybeCount,
  totalPosts: maybeCount,
});

const personArb = fc.record({
  grade: fc.constantFrom(...GRADES),
  role: fc.constantFrom(...ROLES),
  roleText: fc.constantFrom("社区党委书记", "专职社区工作者", "网格员", ""),
  certDate: maybeDay,
  degree: fc.constantFrom(...DEGREES),
  fullTime: maybeYes,
  start: maybeDay,
  end: maybeDay,
  birth: maybeDay,
  tier: fc.option(fc.constantFrom(...TIERS), { nil: null }),
  level: fc.option(fc.integer({ min: 1, max: 13 }), { nil: null }),
  unitIndex: fc.nat(),
});

const recordArb = fc.record({
  person: fc.nat(),
  start: day,
  length: fc.integer({ min: 0, max: 5 }),
  days: fc.option(fc.integer({ min: 1, max: 1500 }), { nil: null }),
});

const world = fc
  .tuple(
    fc.uniqueArray(unitArb, { selector: (u) => u.name, minLength: 1, maxLength: 6 }),
    fc.array(personArb, { maxLength: 40 }),
    fc.array(recordArb, { maxLength: 40 }),
  )
  .map(([us, ps, rs]) => {
    const units = new Map<string, Unit>(us.map((u) => [u.name, { district: null, ...u }]));
    const names = [...units.keys()];
    const people: Person[] = ps.map(({ unitIndex, ...p }, i) => ({
      ...p,
      id: `ID${i}`,
      name: `n${i}`,
      unit: names[unitIndex % names.length]!,
      row: i + 2,
      end: p.start !== null && p.end !== null && p.end < p.start ? null : p.end,
    }));
    const records: TrainingRecord[] =
      people.length === 0
        ? []
        : rs.map((r, i) => ({
            id: people[r.person % people.length]!.id,
            row: i + 2,
            start: r.start,
            end: r.start + r.length,
            days100: r.days,
            hours100: null,
            course: "社会工作实务",
            provider: "区民政局",
          }));
    return { units, people, records };
  });

const policies = [
  ...builtinIds().map((id) => loadPolicy(id)),
  loadPolicy(`${ROOT}/fixtures/草案-提高津贴.yaml`),
  loadPolicy(`${ROOT}/fixtures/policy-draft.yaml`),
];

describe("compare: a policy compared with itself changes nothing", () => {
  it.each(policies.map((p) => [p.id, p] as const))("%s", (_id, policy) => {
    fc.assert(
      fc.property(world, ({ units, people, records }) => {
        const training = new TrainingPair(policy, policy, people, AS_OF);
        for (const r of records) training.add(r);
        const c = compare(policy, policy, people, units, { asOf: AS_OF, months: MONTHS, training });
        expect(c.audit.unitsChanged).toEqual([]);
        expect(c.audit.compliant[0]).toBe(c.audit.compliant[1]);
        for (const t of c.audit.targets) expect(t.status[0]).toBe(t.status[1]);
        if (c.allowance.state === "compared") {
          const r = c.allowance.result;
          expect(r.peopleChanged).toEqual([]);
          expect(r.totalFen[0]).toBe(r.totalFen[1]);
          for (const t of [...r.byTown, ...r.byMonth]) expect(t.fen[0]).toBe(t.fen[1]);
        } else {
          expect(policy.allowance).toBeNull();
        }
        if (c.training.state === "compared") expect(c.training.result.peopleChanged).toEqual([]);
        else expect(policy.training).toBeNull();
        expect(anythingChanges(c)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});
