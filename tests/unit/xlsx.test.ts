/** The workbook's pieces: sheet names Excel accepts, widths from what a cell shows, each cell's type. */
import { describe, expect, it } from "vitest";
import { columnName } from "../../src/io/xlsx.js";
import { date, id, money, month, num, status, text } from "../../src/render/model.js";
import { displayWidth, sheetCell, sheetName } from "../../src/render/xlsx.js";

describe("sheet names", () => {
  it.each([
    ["古南街道", "古南街道"],
    ["district/city level", "district_city level"],
    ["a:b\\c?d*e[f]g", "a_b_c_d_e_f_g"],
    ["'quoted'", "quoted"],
    ["", "sheet"],
    ["x".repeat(40), "x".repeat(31)],
  ])("%j -> %j", (wanted, name) => expect(sheetName(wanted, new Set())).toBe(name));

  it("a name taken already (case ignored) gets a number, still within 31 characters", () => {
    const taken = new Set<string>();
    expect(sheetName("Summary", taken)).toBe("Summary");
    expect(sheetName("summary", taken)).toBe("summary (2)");
    expect(sheetName("SUMMARY", taken)).toBe("SUMMARY (3)");
    const long = "长".repeat(40);
    expect(sheetName(long, taken)).toBe("长".repeat(31));
    expect(sheetName(long, taken)).toBe(`${"长".repeat(27)} (2)`);
  });
});

describe("display width: a Chinese character takes two columns", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["古南街道", 8],
    ["500222********1234", 18],
    ["（）、，", 8],
    ["𠀀", 2],
  ])("%j is %i wide", (s, w) => expect(displayWidth(s)).toBe(w));
});

describe("cells as a workbook stores them", () => {
  const same = (s: string) => s;
  it("ids, codes, months and text are text cells (@), guarded against formulas", () => {
    expect(sheetCell(id("500222198001010010"), same)).toEqual({ value: "500222198001010010", numFmt: "@" });
    expect(sheetCell(month("2021-06"), same)).toEqual({ value: "2021-06", numFmt: "@" });
    expect(sheetCell(text("=1+1"), same)).toEqual({ value: "'=1+1", numFmt: "@" });
    expect(sheetCell(id("-5"), same)).toEqual({ value: "'-5", numFmt: "@" });
  });

  it("money and counts are numbers; a date is a day with yyyy-mm-dd; a verdict its word in its colour", () => {
    expect(sheetCell(money(12345), same)).toEqual({ value: 123.45, numFmt: "#,##0.00" });
    expect(sheetCell(num(-3), same)).toEqual({ value: -3 });
    expect(sheetCell(date("2021-12-31"), same)).toEqual({ value: { day: "2021-12-31" }, numFmt: "yyyy-mm-dd" });
    expect(sheetCell(status("fail", "未达标", "bad"), same)).toMatchObject({ value: "未达标", bold: true, color: "B3261E" });
    expect(sheetCell(null, same)).toEqual({ value: null });
  });

  it("text passes through the mask", () => {
    expect(sheetCell(text("城南社区500222198001010010"), (s) => s.replace(/\d{18}/, "MASKED"))).toEqual({ value: "城南社区MASKED", numFmt: "@" });
  });

  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [703, "AAA"],
  ])("column %i is %s", (n, name) => expect(columnName(n)).toBe(name));
});
