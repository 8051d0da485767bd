import { describe, expect, it } from "vitest";
import { addYears, formatDay, parseDay, parseMonth, formatMonth, dayOf } from "../../src/core/dates.js";

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
