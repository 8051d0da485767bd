import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TrainingRecord } from "../../../src/core/records/training.js";
import { PersonIndex, RepeatFinder, recordHash } from "../../../src/core/rules/training/seen.js";
import { person } from "../../helpers/records.js";

const base: TrainingRecord = { id: "A", row: 2, start: 18700, end: 18702, days100: 300, hours100: null, course: "社会工作实务", provider: "区民政局" };

describe("recordHash: what makes two records the same (POLICY.md: dates, days/hours, course)", () => {
  it.each([
    ["another row", { row: 9 }],
    ["another provider", { provider: "市社会工作协会" }],
    ["another person (the person is keyed apart)", { id: "B" }],
  ])("the same record on %s hashes alike", (_name, over) => {
    expect(recordHash({ ...base, ...over })).toBe(recordHash(base));
  });

  it.each([
    ["start", { start: 18699 }],
    ["end", { end: 18703 }],
    ["days", { days100: 250 }],
    ["days given as 0 rather than not at all", { days100: 0 }],
    ["hours instead of days", { days100: null, hours100: 300 }],
    ["course", { course: "社会工作实务（二）" }],
  ])("a different %s hashes apart", (_name, over) => {
    expect(recordHash({ ...base, ...over })).not.toBe(recordHash(base));
  });

  it("is a whole number a float holds exactly", () => {
    const h = recordHash(base);
    expect(Number.isSafeInteger(h)).toBe(true);
    expect(h).toBeGreaterThanOrEqual(0);
  });
});

describe("PersonIndex numbers the roster's people by id", () => {
  const people = [person({ id: "X1" }), person({ id: "X2" })];
  const index = PersonIndex.of(people);
  it.each([
    ["X1", true, 0],
    ["X2", true, 1],
    ["X3", false, -1],
    ["", false, -1],
  ])("%s: known %s, number %i", (id, has, n) => {
    expect(index.has(id)).toBe(has);
    expect(index.indexOf(id)).toBe(n);
  });
});

describe("RepeatFinder: the row a record repeats, or -1", () => {
  it("first seen, repeated, another person's same course, and someone not in the roster", () => {
    const finder = new RepeatFinder(PersonIndex.of([person({ id: "A" }), person({ id: "B" })]));
    const rows = [
      finder.firstRow({ ...base, row: 2 }),
      finder.firstRow({ ...base, row: 3 }),
      finder.firstRow({ ...base, row: 4, provider: "另一机构" }),
      finder.firstRow({ ...base, id: "B", row: 5 }),
      finder.firstRow({ ...base, id: "Z", row: 6 }),
      finder.firstRow({ ...base, id: "Z", row: 7 }),
      finder.firstRow({ ...base, row: 8, course: "督导" }),
    ];
    expect(rows).toEqual([-1, 2, 2, -1, -1, -1, -1]);
  });
});

describe("PersonIndex finds what a Map of ids finds", () => {
  it("for resident IDs (compared as numbers), staff numbers and ids of every other shape, mixed", () => {
    const ids = fc.oneof(
      fc.constantFrom(
        "110105194912310021",
        "11010519491231002X",
        "110105194912310020",
        "110105194912310031",
        "110105194912310030",
        "G0001",
        "00123",
        "110105491231002",
        "11010519491231002x",
      ),
      fc.stringMatching(/^[0-9]{17}[0-9X]$/),
      fc.string({ unit: fc.constantFrom("1", "0", "X", "G"), minLength: 16, maxLength: 19 }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(ids, { maxLength: 40 }), fc.array(ids, { maxLength: 40 }), fc.boolean(), (rosterIds, asked, collide) => {
        // now and then every id has one hash: then the comparison alone tells them apart
        const index = PersonIndex.of(
          rosterIds.map((id) => person({ id })),
          collide ? () => 7 : undefined,
        );
        const map = new Map(rosterIds.map((id, i) => [id, i]));
        for (const id of [...asked, ...rosterIds]) {
          // a fresh string each time, as a record's id is, and the same one asked twice
          const fresh = id.split("").join("");
          expect(index.indexOf(fresh)).toBe(map.get(id) ?? -1);
          expect(index.has(fresh)).toBe(map.has(id));
        }
      }),
      { numRuns: 500 },
    );
  });
});
