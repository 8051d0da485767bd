import { describe, expect, it } from "vitest";
import { DataError } from "../../src/core/errors.js";
import { headerKey, headerNames, mapHeader } from "../../src/core/records/header.js";
import { rosterColumnsRequired } from "../../src/core/records/roster.js";
import { loadPolicy } from "../../src/io/policies.js";
import { warningText } from "../../src/render/messages.js";

const VOCABULARY = loadPolicy("qijiang-2020").vocabulary;
const ROSTER = VOCABULARY.columns.roster;
const REQUIRED = rosterColumnsRequired(false);

const map = (header: string[]) => mapHeader("roster.csv", header, ROSTER, REQUIRED);
const fields = (header: string[]) => Object.fromEntries(map(header).columns);

describe("header aliases (SPEC.md Inputs): Chinese or English, case and surrounding spaces ignored", () => {
  it("Chinese headers as a district office writes them", () => {
    expect(fields(["身份证号码", "姓名", "所在单位", "单位性质", "所属街镇", "职务", "持证情况", "发证日期"])).toEqual({
      id: 0,
      name: 1,
      unit: 2,
      unit_type: 3,
      town: 4,
      role: 5,
      grade: 6,
      cert_date: 7,
    });
  });

  it.each([
    [" ID ", "id"],
    ["Name", "name"],
    ["UNIT", "unit"],
    ["Unit_Type", "unit_type"],
    ["  Town\t", "town"],
    ["GRADE", "grade"],
    ["\u3000姓名\u3000", "name"],
    ["乡镇（街道）", "town"], // full-width brackets
    ["乡镇(街道)", "town"],
    ["街道/镇", "town"],
    ["社会工作室（站）", "sw_office"],
    ["工号", "id"],
    ["编号", "id"],
  ])("%j is %s", (cell, field) => {
    const header = ["id", "name", "unit", "unit_type", "town", "grade"].map((f) => (f === field ? cell : f));
    if (!header.includes(cell)) header.push(cell);
    expect(map(header).columns.get(field)).toBe(header.indexOf(cell));
  });

  it("remembers the header each field was read under, for messages", () => {
    const h = map(["身份证号", "姓名", "单位", "单位类型", "街镇", " 证书等级 "]);
    expect(headerNames.get(h.columns)?.get("grade")).toBe("证书等级");
  });

  it("a missing required column is a DataError naming the column and every alias it accepts, on one line", () => {
    let error: unknown;
    try {
      map(["身份证号", "姓名", "单位", "单位类型", "街镇"]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    const e = error as DataError;
    expect(e.exitCode).toBe(3);
    expect(e.details).toEqual([]);
    expect(e.message).not.toContain("\n");
    expect(e.message).toContain("roster.csv");
    expect(e.message).toContain("grade");
    for (const alias of ROSTER.grade!) expect(e.message).toContain(alias);
  });

  it("several missing columns: one line each, every alias named", () => {
    try {
      map(["姓名", "单位"]);
      expect.unreachable();
    } catch (e) {
      const d = (e as DataError).details;
      // the town is not among them: a unit at district or city level has none (SPEC.md Units)
      expect(d).toHaveLength(3);
      expect(d.map((l) => l.match(/column (\w+)/)![1])).toEqual(["id", "grade", "unit_type"]);
      for (const alias of ROSTER.id!) expect(d[0]).toContain(alias);
    }
  });

  it("unknown columns are warned about once, all named in one warning; 序号 and 备注 not at all", () => {
    const h = map(["序号", "id", "name", "备注", "unit", "unit_type", "town", "grade", "联系电话", "", "籍贯"]);
    expect(h.warnings).toEqual([{ code: "unknown_columns", params: { file: "roster.csv", columns: "联系电话, 籍贯" } }]);
  });

  it("5,000 unknown columns: the warning names the first 20 and says how many more (it was 33,943 characters)", () => {
    const extra = Array.from({ length: 5000 }, (_, i) => `extra${i}`);
    const [w] = map(["id", "name", "unit", "unit_type", "town", "grade", ...extra]).warnings;
    const first20 = extra.slice(0, 20).join(", ");
    expect(warningText(w!, "en", VOCABULARY)).toBe(`roster.csv: columns not used (not a known header): ${first20} and 4980 more`);
    expect(warningText(w!, "zh", VOCABULARY)).toBe(`roster.csv：以下列未使用（表头不可识别）：${first20} 等，另有 4980 列`);
  });

  it("an unknown header of 100 characters is named by its first 40 and an ellipsis", () => {
    const long = "说".repeat(100);
    const [w] = map(["id", "name", "unit", "unit_type", "town", "grade", long]).warnings;
    expect(warningText(w!, "en", VOCABULARY)).toBe(`roster.csv: columns not used (not a known header): ${"说".repeat(40)}…`);
  });

  it("two columns for one field: the alias listed first wins and the other is reported", () => {
    const h = map(["工号", "身份证号", "name", "unit", "unit_type", "town", "grade"]);
    expect(h.columns.get("id")).toBe(1);
    expect(h.warnings).toMatchObject([{ code: "column_shadowed", params: { used: "身份证号", ignored: "工号", field: "id" } }]);
  });

  it("an empty header cell is neither a field nor an unknown column", () => {
    expect(map(["id", "", "name", "unit", "unit_type", "town", "grade"]).warnings).toEqual([]);
  });
});

describe("headers as offices write them (SPEC.md Inputs)", () => {
  it.each([
    ["姓 名", "name"],
    ["身 份 证 号", "id"],
    ["入职时间", "start_date"],
    ["到岗时间", "start_date"],
    ["离职时间", "end_date"],
    ["离岗时间", "end_date"],
    ["取得证书时间", "cert_date"],
    ["取得证书日期", "cert_date"],
    ["证书取得时间", "cert_date"],
    ["证书级别", "grade"],
    ["单位类别", "unit_type"],
    ["所在街镇", "town"],
    ["出生时间", "birth_date"],
  ])("%s is %s", (cell, field) => {
    const header = ["id", "name", "unit", "unit_type", "grade"].filter((f) => f !== field);
    expect(fields([...header, cell])[field]).toBe(header.length);
  });

  it.each([
    ["离职原因日期", "end_date"],
    ["入职年月", "start_date"],
    ["取证年月", "cert_date"],
    ["证书名称", "grade"],
    ["现任职务名称", "role"],
    ["街镇名称", "town"],
    ["单位类", "unit_type"],
  ])("an unknown header about a field not found (%s) is a data error naming the field and --column", (cell, field) => {
    const header = ["id", "name", "unit", "unit_type", "grade"].filter((f) => f !== field);
    try {
      map([...header, cell]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect((e as DataError).message).toContain(`column "${cell}" looks like ${field}`);
      expect((e as DataError).message).toContain(`--column "${cell}=${field}"`);
    }
  });

  it("an unknown header about a field already read is only warned about (离职原因 beside 离职日期)", () => {
    const h = map(["id", "name", "unit", "unit_type", "grade", "离职日期", "离职原因"]);
    expect(h.columns.get("end_date")).toBe(5);
    expect(h.warnings).toEqual([{ code: "unknown_columns", params: { file: "roster.csv", columns: "离职原因" } }]);
  });

  it("--column maps a header by hand, before any alias; HEADER= leaves it unread", () => {
    const overrides = new Map([
      [headerKey("离职（年月日）"), "end_date"],
      [headerKey("岗位补贴"), ""],
    ]);
    const h = mapHeader("roster.csv", ["id", "name", "unit", "unit_type", "grade", "离职（年月日）", "岗位补贴"], ROSTER, REQUIRED, overrides);
    expect(h.columns.get("end_date")).toBe(5);
    expect(h.warnings).toEqual([]);
  });

  it("a lookalike and a missing column: one line each under a summary", () => {
    try {
      map(["id", "name", "unit", "单位类别名称", "证书"]);
      expect.unreachable();
    } catch (e) {
      const d = (e as DataError).details;
      expect((e as DataError).message).toBe('roster.csv: 2 header problems: "单位类别名称", "证书"');
      expect(d).toHaveLength(2);
    }
  });
});
