import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addYears, formatDay, parseDay, parseMonth, formatMonth, dayOf, daysInMonth } from "../../src/core/dates.js";

const day = (s: string) => formatDay(parseDay(s)!);

describe("parseDay: every form SPEC.md lists", () => {
  it.each([
    ["2021-06-01", "2021-06-01"],
    ["2021/6/1", "2021-06-01"],
    ["2021.6.1", "2021-06-01"],
    ["2021年6月1日", "2021-06-01"],
    ["20210601", "2021-06-01"],
    ["44348", "2021-06-01"],
    [" 2021/06/01 ", "2021-06-01"],
    ["2021/6/1 0:00:00", "2021-06-01"],
  ])("%s -> %s", (input, out) => expect(day(input)).toBe(out));

  it.each(["2021-02-30", "2021-13-01", "abc", "", "2021/6", "0"])("rejects %j", (input) => {
    expect(parseDay(input)).toBeNull();
  });
});

describe("addYears", () => {
  it("29 February goes back to 28 February in a common year", () => {
    expect(formatDay(addYears(dayOf(2024, 2, 29)!, -3))).toBe("2021-02-28");
  });
});

describe("parseMonth", () => {
  it.each([
    ["2021-06", "2021-06"],
    ["2021年6月", "2021-06"],
    ["2021/6", "2021-06"],
  ])("%s -> %s", (input, out) => expect(formatMonth(parseMonth(input)!)).toBe(out));
  it("last and current are relative to today", () => {
    const today = dayOf(2021, 1, 15)!;
    expect(formatMonth(parseMonth("last", today)!)).toBe("2020-12");
    expect(formatMonth(parseMonth("current", today)!)).toBe("2021-01");
  });
});

describe("parseDay at its edges", () => {
  it.each([
    ["2020-02-29", "2020-02-29"], // leap year
    ["2000/2/29", "2000-02-29"], // divisible by 400
    ["2021年06月01日", "2021-06-01"],
    ["2021 年 6 月 1 日", "2021-06-01"],
    ["2021年6月1", "2021-06-01"],
    ["2021-6-1", "2021-06-01"],
    ["2021-06-01T08:30", "2021-06-01"],
    ["2021/6/1 8:30:15.5", "2021-06-01"],
    ["44348.75", "2021-06-01"], // a serial with a time of day
    ["10000", "1927-05-18"], // the smallest serial read as a date
    ["109574", "2199-12-31"], // the largest
    ["\u300020210601\u3000", "2021-06-01"],
  ])("%j -> %s", (input, out) => expect(day(input)).toBe(out));

  it.each([
    ["1900-02-29", "not a leap year"],
    ["2100-02-29", "not a leap year"],
    ["2021-04-31", "April has 30 days"],
    ["2021-00-10", "month 0"],
    ["2021-06-00", "day 0"],
    ["1899-12-31", "before 1900"],
    ["2200-01-01", "after 2199"],
    ["2021", "a year alone is not a date (nor serial 2021, a day in 1905)"],
    ["9999", "four digits: not a serial"],
    ["60", "Excel's fictional 1900-02-29"],
    ["109575", "serial after 2199-12-31"],
    ["-44348", "negative"],
    ["44348.", "a trailing point"],
    ["4.4348E+04", "scientific notation"],
    ["01/06/2021", "day first is ambiguous"],
    ["6/1/2021", "month first is ambiguous"],
    ["二〇二一年六月一日", "Chinese numerals"],
    ["202106", "a month, not a day"],
    ["2021年6月", "a month, not a day"],
  ])("rejects %j (%s)", (input) => expect(parseDay(input)).toBeNull());
});

describe("parseMonth at its edges", () => {
  it.each([
    ["202106", "2021-06"],
    [" 2021.12 ", "2021-12"],
    ["2021 年 1 月", "2021-01"],
  ])("%j -> %s", (input, out) => expect(formatMonth(parseMonth(input)!)).toBe(out));
  it.each(["2021-13", "2021-00", "2021", "21-06", "2021-06-01", "last", "June 2021"])("rejects %j without a today", (input) => {
    expect(parseMonth(input)).toBeNull();
  });
  it("last in January is December of the year before; LAST and Current work too", () => {
    expect(formatMonth(parseMonth("LAST", dayOf(2022, 1, 1)!)!)).toBe("2021-12");
    expect(formatMonth(parseMonth(" Current ", dayOf(2022, 1, 31)!)!)).toBe("2022-01");
  });
});

describe("daysInMonth", () => {
  it("agrees with the calendar for every month from 1900 to 2199 (1900 and 2100 not leap, 2000 leap)", () => {
    for (let y = 1900; y <= 2199; y++) {
      for (let m = 1; m <= 12; m++) expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
    }
    expect([daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(2024, 2), daysInMonth(2100, 2)]).toEqual([28, 29, 29, 28]);
  });
});

describe("formatDay", () => {
  it("writes every day as toISOString does, across leap days, centuries and the years outside 1000..9999", () => {
    const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    for (let d = dayOf(1899, 12, 1)!; d <= dayOf(2200, 1, 31)!; d++) if (formatDay(d) !== iso(d)) expect(formatDay(d)).toBe(iso(d));
    fc.assert(fc.property(fc.integer({ min: -3_000_000, max: 3_000_000 }), (d) => formatDay(d) === iso(d)));
    expect([formatDay(dayOf(2000, 2, 29)!), formatDay(dayOf(1900, 3, 1)!), formatDay(0), formatDay(-1)]).toEqual([
      "2000-02-29",
      "1900-03-01",
      "1970-01-01",
      "1969-12-31",
    ]);
  });
});
