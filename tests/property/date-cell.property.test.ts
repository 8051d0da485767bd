/** The short path reads a date cell exactly as the checked path's parseDay does. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDay } from "../../src/core/dates.js";
import { NOT_CLEAN, dateCell, isPlain } from "../../src/core/records/clean-row.js";

/** What the checked path makes of a cell the short path reads: a plain cell parseDay reads, else not clean. */
function reference(s: string) {
  if (s === "") return null;
  return isPlain(s) ? (parseDay(s) ?? NOT_CLEAN) : NOT_CLEAN;
}

const digit = fc.constantFrom(..."0123456789");
/** Now and then something that is not a digit where a digit goes. */
const nearDigit = fc.oneof({ weight: 12, arbitrary: digit }, { weight: 1, arbitrary: fc.constantFrom("x", " ", "０", "-", "年", "") });
const digits = (min: number, max: number) => fc.array(nearDigit, { minLength: min, maxLength: max }).map((d) => d.join(""));
const mark = fc.constantFrom("-", "/", ".", "年", "月", "日", " ", "", "--", "\t");

const dateLike = fc.oneof(
  // year, mark, month, mark, day, and an ending: every form parseDay reads and their near misses
  fc
    .tuple(digits(3, 5), mark, digits(1, 3), mark, digits(1, 3), fc.constantFrom("", "日", " ", "x", " 12:30", "T08:00:00"))
    .map(([y, a, m, b, d, end]) => `${y}${a}${m}${b}${d}${end}`),
  // the same with four-digit years and short parts, where the forms read at once are
  fc
    .tuple(fc.array(digit, { minLength: 4, maxLength: 4 }), mark, digits(1, 2), mark, digits(1, 2), fc.constantFrom("", "日", "x"))
    .map(([y, a, m, b, d, end]) => `${y.join("")}${a}${m}${b}${d}${end}`),
  // serial numbers and compact dates
  digits(1, 9),
  fc.constantFrom(
    "2021-06-01",
    "2021/6/1",
    "2021.6.1",
    "2021年6月1日",
    "2021年6月1",
    "2021 年 6 月 1 日",
    "44348",
    "109574",
    "109575",
    "9999",
    "10000",
    "44348.5",
    "299x-06-01",
    "10999a",
    "2021-02-29",
    "2020-02-29",
  ),
  fc.string({ maxLength: 12 }),
);

describe("dateCell", () => {
  it("reads every cell as parseDay does, and any other as not clean", () => {
    fc.assert(
      fc.property(dateLike, (s) => {
        expect(dateCell(s)).toBe(reference(s));
      }),
      { numRuns: 20000 },
    );
  });

  it("reads the forms rosters hold", () => {
    const cases: [string, string | null][] = [
      ["2021-06-01", "2021-06-01"],
      ["2021/6/1", "2021-06-01"],
      ["2021.6.1", "2021-06-01"],
      ["2021-6/1", "2021-06-01"],
      ["2021年6月1日", "2021-06-01"],
      ["2021年06月01", "2021-06-01"],
      ["44348", "2021-06-01"],
      ["", null],
    ];
    for (const [cell, want] of cases) expect(dateCell(cell)).toBe(want === null ? null : parseDay(want));
    for (const bad of ["299x-06-01", "10999a", "2021-02-30", "2021年6月1号", "9999", "109575"]) expect(dateCell(bad)).toBe(NOT_CLEAN);
  });
});
