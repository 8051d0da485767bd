/**
 * Only what SPEC.md marks required can reject a row for being empty (SPEC.md "Inputs", "Units"):
 * a roster or units file whose required cells are valid is accepted whole, whichever of the
 * other cells are left empty (the town above all: a unit at district or city level has none).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { parseDay } from "../../src/core/dates.js";
import { checkDigit } from "../../src/core/records/ids.js";
import { quietRuntime } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "swtalent-optional-"));
const TODAY = parseDay("2021-07-05")!;
const residentId = (n: number) => {
  const first17 = `50022219800101${String(n).padStart(3, "0")}`;
  return first17 + checkDigit(first17);
};

/** Units and their types: each unit always has the same type, so only emptiness varies. */
const UNITS: readonly [string, string][] = [
  ["綦江区民政局", "机关"],
  ["綦江区社会福利院", "事业单位"],
  ["綦江区同心社会工作服务中心", "社会工作服务机构"],
  ["滨河社区", "社区"],
  ["红岩村", "村"],
  ["古南街道办事处", "街道办事处"],
];

const blankOr = (...values: string[]) => fc.constantFrom("", ...values);

/** Every optional roster cell: a valid value, or empty. */
const optionalRoster = {
  街镇: blankOr("古南街道", "东溪镇"),
  区县: blankOr("綦江区"),
  岗位: blankOr("社区党委书记", "专职社区工作者", "网格员", "科员"),
  取证日期: blankOr("2019/6/1", "2020年3月15日", "44348"),
  社工专业学历: blankOr("本科", "大专", "硕士"),
  是否专职: blankOr("是", "否"),
  入职日期: blankOr("2010-09-01", "2015/3/1"),
  离职日期: blankOr("2020-12-31", "2021/6/30"),
  出生日期: blankOr("1980-01-01"),
  专业技术岗位层级: blankOr("初级", "中级", "高级"),
  专业技术岗位等级: blankOr("11", "十级"),
  从事专业社会服务: blankOr("是", "否"),
  社会工作室: blankOr("是", "否"),
  专业技术岗位数: blankOr("0", "20"),
  社会工作专业岗位数: blankOr("6", "14"),
  岗位总数: blankOr("10", "30"),
};
const ROSTER_HEADER = ["身份证号", "姓名", "单位", "单位类型", "证书等级", ...Object.keys(optionalRoster)];

const rosterRowArb = fc.record({
  unit: fc.constantFrom(...UNITS),
  // an empty grade is "none" (POLICY.md §1): the column is required, the cell is not
  grade: blankOr("高级社会工作师", "社会工作师", "助理社会工作师", "社会工作员", "无"),
  name: fc.constantFrom("王芳", "李强", "张敏"),
  optional: fc.record(optionalRoster),
});

const optionalUnits = {
  所属街镇: blankOr("古南街道", "东溪镇"),
  区县: blankOr("綦江区"),
  从事专业社会服务: blankOr("是", "否"),
  是否设立社会工作室: blankOr("是", "否"),
  专业技术岗位数: blankOr("0", "20"),
  社会工作专业岗位数: blankOr("6", "14"),
  岗位总数: blankOr("10", "30"),
};
const UNITS_HEADER = ["单位名称", "单位类型", ...Object.keys(optionalUnits)];

let seq = 0;
function write(name: string, header: string[], rows: string[][]): string {
  const path = join(dir, `${++seq}-${name}`);
  writeFileSync(path, stringify([header, ...rows]));
  return path;
}

async function validate(args: string[]): Promise<{ code: number; json: any; stderr: string[] }> {
  const stderr: string[] = [];
  const rt = quietRuntime(TODAY, stderr);
  const out = join(dir, `${++seq}-out.json`);
  const code = await main(["node", "swtalent", "validate", ...args, "--format", "json", "--out", out], rt);
  return { code, json: code === 0 ? JSON.parse(readFileSync(out, "utf8")) : null, stderr };
}

describe("no row is rejected for an empty cell that SPEC.md does not require", () => {
  it("a roster with unit attributes and no units file: every row accepted, whatever is left empty", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rosterRowArb, { minLength: 1, maxLength: 12 }), async (rows) => {
        const cells = rows.map((r, i) => [residentId(i + 1), r.name, r.unit[0], r.unit[1], r.grade, ...Object.values(r.optional)]);
        const roster = write("roster.csv", ROSTER_HEADER, cells);
        const r = await validate([roster]);
        expect(r.stderr.filter((l) => !l.startsWith("warning:"))).toEqual([]);
        expect(r.code).toBe(0);
        expect(r.json.rejected).toEqual([]);
        expect(r.json.input).toEqual({ rows: rows.length, accepted: rows.length, rejected: 0 });
      }),
      { numRuns: 60 },
    );
  });

  it("a units file and a roster of required cells only: every row of both accepted", async () => {
    const unitsRowArb = fc.record({ unit: fc.constantFrom(...UNITS), optional: fc.record(optionalUnits) });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(unitsRowArb, { minLength: 1, maxLength: UNITS.length, selector: (u) => u.unit[0] }), async (units) => {
        const unitsFile = write(
          "units.csv",
          UNITS_HEADER,
          units.map((u) => [u.unit[0], u.unit[1], ...Object.values(u.optional)]),
        );
        const roster = write(
          "roster.csv",
          ["身份证号", "姓名", "单位", "证书等级"],
          units.map((u, i) => [residentId(i + 1), "王芳", u.unit[0], ""]),
        );
        const r = await validate([roster, "--units", unitsFile]);
        expect(r.stderr.filter((l) => !l.startsWith("warning:"))).toEqual([]);
        expect(r.code).toBe(0);
        expect(r.json.files.map((f: any) => [f.rows, f.accepted, f.rejected])).toEqual([
          [units.length, units.length, 0],
          [units.length, units.length, 0],
        ]);
      }),
      { numRuns: 60 },
    );
  });
});
