import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDay, parseDay } from "../../src/core/dates.js";
import { GRADES } from "../../src/core/policy/schema.js";
import { type TrainingRecord, TrainingReader } from "../../src/core/records/training.js";
import type { Person } from "../../src/core/records/types.js";
import { FOLD_OUTCOMES, type TrainingResult, TrainingTally, type WindowKind } from "../../src/core/rules/training.js";
import { reasonText } from "../../src/render/messages.js";
import { loadPolicy } from "../../src/io/policies.js";
import { person, unit } from "../helpers/records.js";

const policy = loadPolicy("qijiang-2020");
const t = policy.training!;
const FIELDS = ["id", "start_date", "end_date", "days", "hours", "course"];
const COLUMNS = new Map(FIELDS.map((f, i) => [f, i]));
const IDS = ["G0", "G1", "G2", "G3", "G4"];
const UNITS = new Map([["U", unit({ name: "U", type: "urban_community" })]]);
const D0 = parseDay("2017-06-01")!;
const AS_OF = parseDay("2021-12-31")!;

// window edges and a few common days often, so that clipping and exact repeats occur
const dateCell = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: D0, max: D0 + 5 * 366 }).map(formatDay) },
  { weight: 4, arbitrary: fc.constantFrom("2018-12-30", "2018-12-31", "2019-01-01", "2020-05-01", "2021-12-31", "2022-01-01") },
  { weight: 1, arbitrary: fc.constantFrom("", "2021-02-30", "明年") },
);
const rowArb = fc.tuple(
  fc.constantFrom(...IDS, "G9", ""),
  dateCell,
  fc.oneof(
    { weight: 3, arbitrary: fc.nat(3) },
    { weight: 2, arbitrary: fc.nat(40) },
    { weight: 1, arbitrary: fc.constant(-1) },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
  fc.constantFrom("", "", "", "1", "2.5", "15", "0", "abc", "-2"),
  fc.constantFrom("", "", "", "6", "7.5", "90", "x"),
  fc.constantFrom("个案工作", "小组工作", ""),
);

/** Rows, some of them repeated exactly further down. */
const rowsArb = (maxLength: number) => fc.tuple(fc.array(rowArb, { maxLength }), fc.nat(maxLength / 2)).map(([rows, k]) => [...rows, ...rows.slice(0, k)]);

type RowValue = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

/** Rows as cells; the end date is given relative to the start (or absent) so spans are varied. */
function cellsOf([id, start, endOffset, days, hours, course]: RowValue): string[] {
  const s = parseDay(start);
  const end = endOffset === null || s === null ? "" : formatDay(s + endOffset);
  return [id, start, end, days, hours, course];
}

const peopleArb = fc.tuple(
  ...IDS.map((id) =>
    fc
      .record({
        grade: fc.constantFrom(...GRADES),
        cert: fc.option(fc.integer({ min: D0 - 3000, max: AS_OF }), { nil: null }),
        end: fc.option(fc.integer({ min: AS_OF - 30, max: AS_OF + 30 }), { nil: null, freq: 2 }),
      })
      .map((p): Person => ({ ...person({ unit: "U", grade: p.grade }), id, certDate: p.cert, end: p.end })),
  ),
);

function run(people: readonly Person[], records: readonly TrainingRecord[], window: WindowKind): TrainingResult {
  const tally = new TrainingTally(people, t, AS_OF, window);
  for (const r of records) tally.add(r);
  return tally.finish(UNITS, 90);
}

describe("QJ-TRAINING: no record is lost", () => {
  it("every row is accepted or rejected with a reason, and every accepted record is counted, clipped, a repeat, outside the window or of someone not in service", () => {
    fc.assert(
      fc.property(peopleArb, rowsArb(40), fc.constantFrom<WindowKind>("rolling", "certificate"), (people, rows, window) => {
        const reader = new TrainingReader("training.csv", policy, COLUMNS, FIELDS.length, new Set(IDS));
        const tally = new TrainingTally(people, t, AS_OF, window);
        const accepted: TrainingRecord[] = [];
        rows.forEach((raw, i) => {
          const r = reader.read(cellsOf(raw), i + 2);
          if (r) {
            accepted.push(r);
            tally.add(r);
          }
        });
        const c = reader.count;
        expect(c.rows).toBe(rows.length);
        expect(c.accepted + c.rejected).toBe(c.rows);
        expect(c.accepted).toBe(accepted.length);
        // each rejected row is listed, every reason in words
        expect(new Set(reader.rejected.map((x) => x.row)).size).toBe(c.rejected);
        for (const x of reader.rejected) expect(reasonText(x, "en", policy.vocabulary)).not.toBe(x.code);
        // each accepted record has exactly one fate
        expect(FOLD_OUTCOMES.reduce((n, o) => n + tally.outcomes[o], 0)).toBe(c.accepted);
        expect(tally.repeats).toHaveLength(tally.outcomes.repeat);
      }),
      { numRuns: 300 },
    );
  });

  it("verdicts are consistent: days + shortfall = required when short, and compliant exactly when nothing is short", () => {
    fc.assert(
      fc.property(peopleArb, rowsArb(40), fc.constantFrom<WindowKind>("rolling", "certificate"), (people, rows, window) => {
        const reader = new TrainingReader("training.csv", policy, COLUMNS, FIELDS.length, new Set(IDS));
        const records = rows.map((raw, i) => reader.read(cellsOf(raw), i + 2)).filter((r): r is TrainingRecord => r !== null);
        const r = run(people, records, window);
        for (const v of r.people) {
          expect(v.window.start).toBeLessThanOrEqual(v.window.end + 1);
          if (v.required100 === null) {
            expect(v.status).toBe("not_applicable");
            continue;
          }
          expect(v.status === "compliant").toBe(v.shortfall100 === 0);
          if (v.status !== "compliant") expect(v.days100 + v.shortfall100!).toBe(v.required100);
          expect(v.judged).toBe(v.deadline === null);
          if (v.status === "in_progress") expect(v.deadline).not.toBeNull();
        }
        for (const u of r.units) expect(u.compliant).toBeLessThanOrEqual(u.judged);
      }),
      { numRuns: 300 },
    );
  });

  it("the order of the records does not change any verdict", () => {
    fc.assert(
      fc.property(
        peopleArb,
        rowsArb(30).chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray(
              rows.map((_, i) => i),
              { minLength: rows.length, maxLength: rows.length },
            ),
          ),
        ),
        (people, [rows, order]) => {
          const reader = new TrainingReader("training.csv", policy, COLUMNS, FIELDS.length, new Set(IDS));
          const records = rows.map((raw, i) => reader.read(cellsOf(raw), i + 2));
          const inOrder = records.filter((r): r is TrainingRecord => r !== null);
          const shuffled = order.map((i) => records[i]!).filter((r): r is TrainingRecord => r !== null);
          expect(run(people, shuffled, "rolling")).toEqual(run(people, inOrder, "rolling"));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("span-only records never count more calendar days than the window has", () => {
    fc.assert(
      fc.property(peopleArb, fc.array(fc.tuple(fc.integer({ min: D0, max: AS_OF + 200 }), fc.nat(400)), { maxLength: 40 }), (people, spans) => {
        const records = spans.map(
          ([s, len], i): TrainingRecord => ({
            id: IDS[i % IDS.length]!,
            row: i + 2,
            start: s,
            end: s + len,
            days100: null,
            hours100: null,
            course: `c${i}`,
            provider: "",
          }),
        );
        for (const v of run(people, records, "rolling").people) {
          expect(v.days100).toBeLessThanOrEqual((v.window.end - v.window.start + 1) * 100);
        }
      }),
      { numRuns: 200 },
    );
  });
});
