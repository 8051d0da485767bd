/** The people of a roster kept in columns give back, person for person, what was put in. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashText } from "../../src/core/records/index-table.js";
import { checkDigit, idHigh, idLow } from "../../src/core/records/ids.js";
import { PersonIndex } from "../../src/core/records/person-index.js";
import { PersonTable, idHash } from "../../src/core/records/person-table.js";
import type { Person } from "../../src/core/records/types.js";
import { inServiceOn } from "../../src/core/rules/predicates.js";
import { DEGREES, GRADES, ROLES, TIERS, UNIT_TYPES } from "../../src/core/policy/schema.js";
import { payroll, payrollUnits } from "../../src/core/rules/allowance.js";
import { audit, auditUnits, servingFromTable } from "../../src/core/rules/audit.js";
import { byUnitOfTable } from "../../src/core/rules/by-unit.js";
import { compareIdsOf, compareText } from "../../src/core/rules/order.js";
import { loadPolicy } from "../../src/io/policies.js";
import { unit } from "../helpers/records.js";

const digits = (n: number) => fc.array(fc.constantFrom(..."0123456789"), { minLength: n, maxLength: n }).map((d) => d.join(""));

/** Ids of every form a roster keeps: resident IDs (the check digit X too), 15 digits, staff numbers. */
const idArb = fc.oneof(
  digits(17).map((d) => d + checkDigit(d)),
  digits(17).map((d) => `${d}X`),
  digits(17).map((d) => `${d}${"0123456789"[d.charCodeAt(16) % 10]}`),
  fc.constantFrom("000000000000000000", "999999999999999999", "99999999999999999X", "000000000000000000X"),
  digits(15),
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.constantFrom("G0001", "工号17", "12345678901234567x", "1234567890123456789"),
);

const nameArb = fc.oneof(
  fc.constantFrom("张三", "欧阳娜娜", "阿卜杜热合曼·买买提", "𠀀𠀁", "A", ""),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  // long names are made in pieces of 4096 code units: across one and two piece edges
  fc.constantFrom("a".repeat(4096), "名".repeat(4097), `${"名".repeat(8191)}𠀀`),
);

const dayArb = fc.option(fc.integer({ min: -80000, max: 200000 }), { nil: null });

const personArb: fc.Arbitrary<Person> = fc.record({
  id: idArb,
  name: nameArb,
  unit: fc.constantFrom("甲社区", "乙村", "区民政局", "丙街道丁社区", ""),
  row: fc.integer({ min: 2, max: 2_000_000 }),
  role: fc.constantFrom(...ROLES),
  roleText: fc.constantFrom("", "社区党委书记", "专职社区工作者", "网格员", "主任 "),
  grade: fc.constantFrom(...GRADES),
  certDate: dayArb,
  degree: fc.constantFrom(...DEGREES),
  fullTime: fc.constantFrom(true, false, null),
  start: dayArb,
  end: dayArb,
  birth: dayArb,
  tier: fc.constantFrom(...TIERS, null),
  level: fc.option(fc.integer({ min: 1, max: 13 }), { nil: null }),
});

/** A person whose every optional field is empty. */
const BASE: Person = {
  id: "G0",
  name: "",
  unit: "U",
  row: 2,
  role: "other",
  roleText: "",
  grade: "none",
  certDate: null,
  degree: "none",
  fullTime: null,
  start: null,
  end: null,
  birth: null,
  tier: null,
  level: null,
};

describe("PersonTable", () => {
  it("gives back every person as added, field for field and in the same order, through growth", () => {
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (people, capacity) => {
        const t = new PersonTable(capacity);
        const places = people.map((p) => t.add(p));
        expect(places).toEqual(people.map((_, i) => i));
        expect(t.size).toBe(people.length);
        for (const [i, p] of people.entries()) {
          const back = t.get(i);
          expect(back).toEqual(p);
          expect(Object.keys(back)).toEqual(Object.keys(p));
          expect(t.idAt(i)).toBe(p.id);
          expect(t.nameOf(i)).toBe(p.name);
          expect(t.unitNameAt(i)).toBe(p.unit);
          expect(t.unitNames[t.unitAt(i)]).toBe(p.unit);
          expect(t.rowAt(i)).toBe(p.row);
          expect(t.roleTexts[t.roleTextNumberAt(i)]).toBe(p.roleText);
          // an 18-character resident ID as two numbers, any other id as -1 and its text
          expect(t.idHighAt(i)).toBe(idHigh(p.id));
          if (idHigh(p.id) >= 0) expect(t.idLowAt(i)).toBe(idLow(p.id));
          expect(t.idHashAt(i)).toBe(idHash(p.id));
          expect(t.nameHashAt(i, 77)).toBe(hashText(p.name, 77));
          for (const day of [p.start, p.end, 0, -80000, 200000].filter((d) => d !== null)) {
            expect(t.inServiceOn(i, day)).toBe(inServiceOn(p, day));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("tells two ids and two names the same exactly when they are", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(idArb, nameArb), { minLength: 2, maxLength: 12 }), (pairs) => {
        const t = new PersonTable(4);
        // each pair also twice, so that equal ids and names are met
        const all = [...pairs, ...pairs];
        for (const [id, name] of all) t.add({ ...BASE, id, name });
        for (let i = 0; i < all.length; i++) {
          for (let j = 0; j < all.length; j++) {
            expect(t.sameId(i, j)).toBe(all[i]![0] === all[j]![0]);

            expect(t.sameName(i, j)).toBe(all[i]![1] === all[j]![1]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("takes back the person added last, and the next takes its place", () => {
    const t = new PersonTable(2);
    const a: Person = { ...BASE, id: "G1", name: "甲" };
    const b = { ...a, id: "G2", name: "乙乙", row: 3 };
    const c = { ...a, id: "110105194912310021", name: "丙", row: 4, fullTime: true };
    t.add(a);
    t.add(b);
    t.pop();
    expect(t.size).toBe(1);
    expect(t.add(c)).toBe(1);
    expect(t.get(1)).toEqual(c);
    expect(t.get(0)).toEqual(a);
  });
});

describe("compareIdsOf, over a PersonIndex", () => {
  // resident IDs that share their first nine digits (one county, one decade of births) differ
  // only in the number made of the other eight and the check character
  const sharedPrefix = fc
    .tuple(fc.constantFrom("500222198", "500222199", "110101200"), digits(8), fc.constantFrom(..."0123456789X"))
    .map(([head, tail, check]) => head + tail + check);

  it("orders people as the text of their ids does, for ids of every form", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(sharedPrefix, idArb), { maxLength: 80 }), (ids) => {
        const index = PersonIndex.of(ids.map((id) => ({ ...BASE, id })));
        const numbers = Array.from(ids, (_, i) => i).sort(compareIdsOf(index));
        expect(numbers.map((i) => index.idAt(i))).toEqual([...ids].sort(compareText));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the audit of a unit at a time from the table", () => {
  const UNITS = ["甲社区", "乙村", "区民政局", "丙街道丁社区", ""];
  // a unit the map lacks ("") still counts toward the grades and the targets
  const unitsArb = fc.record({
    types: fc.array(fc.constantFrom(...UNIT_TYPES), { minLength: 4, maxLength: 4 }),
    towns: fc.array(fc.constantFrom("古南街道", "文龙街道", null), { minLength: 4, maxLength: 4 }),
  });

  it.each(["ningbo-2018", "yunnan-2021", "qijiang-2020"])("gives what the audit of the list of people gives (%s)", (id) => {
    const policy = loadPolicy(id);
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 80 }), unitsArb, fc.integer({ min: -1000, max: 100000 }), (people, { types, towns }, asOf) => {
        // ids made unique, as the roster keeps them
        const list = people.map((p, i) => ({ ...p, id: `${p.id}#${i}` }));
        const units = new Map(UNITS.slice(0, 4).map((name, k) => [name, unit({ name, type: types[k]!, town: towns[k]! })]));
        const t = new PersonTable(8);
        const kept = Int32Array.from(list, (p) => t.add(p));
        const fromTable = auditUnits(policy, servingFromTable(t, kept, asOf), units, asOf);
        expect(JSON.stringify(fromTable)).toBe(JSON.stringify(audit(policy, list, units, asOf)));
      }),
      { numRuns: 150 },
    );
  });
});

describe("the payroll of a unit at a time from the table", () => {
  const UNITS = ["甲社区", "乙村", "区民政局", "丙街道丁社区", ""];

  // qijiang-2020 is the profile with an allowance
  it("gives what the payroll of the list of people gives, ledger and held ids included", () => {
    const policy = loadPolicy("qijiang-2020");
    const months = [
      { year: 2021, month: 5 },
      { year: 2021, month: 6 },
    ];
    fc.assert(
      fc.property(
        fc.array(personArb, { maxLength: 60 }),
        fc.array(fc.constantFrom(...UNIT_TYPES), { minLength: 5, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(59), fc.constantFrom("2021-05", "2021-06"), fc.integer({ min: 0, max: 500000 })), { maxLength: 20 }),
        fc.array(fc.nat(59), { maxLength: 5 }),
        fc.boolean(),
        (people, types, ledger, heldAt, notPaid) => {
          const list = people.map((p, i) => ({ ...p, id: `${p.id}#${i}` }));
          // every person's unit is known, as the roster makes sure
          const units = new Map(UNITS.map((name, k) => [name, unit({ name, type: types[k]! })]));
          const paid = new Map<string, Map<string, number>>();
          for (const [at, month, fen] of ledger) {
            const p = list[at];
            if (p) (paid.get(p.id) ?? paid.set(p.id, new Map()).get(p.id)!).set(month, fen);
          }
          const held = new Set(heldAt.flatMap((at) => (list[at] ? [list[at].id] : [])));
          const t = new PersonTable(8);
          const kept = Int32Array.from(list, (p) => t.add(p));
          const options = { notPaid, held };
          const fromTable = payrollUnits(policy.allowance!, byUnitOfTable(t, kept), units, months, paid, options);
          expect(JSON.stringify(fromTable)).toBe(JSON.stringify(payroll(policy.allowance!, list, units, months, paid, options)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
