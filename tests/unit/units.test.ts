import { describe, expect, it } from "vitest";
import { mapHeader } from "../../src/core/records/header.js";
import { UNITS_REQUIRED, UnitsBuilder, type UnitsResult } from "../../src/core/records/units.js";
import { loadPolicy } from "../../src/io/policies.js";

const policy = loadPolicy("qijiang-2020");
const HEADER = ["单位名称", "单位类型", "所属街镇", "从事专业社会服务", "社会工作室", "专业技术岗位数", "社工岗位数", "岗位总数"];

function read(rows: string[][]): UnitsResult {
  const h = mapHeader("units.csv", HEADER, policy.vocabulary.columns.units, UNITS_REQUIRED);
  const b = new UnitsBuilder("units.csv", policy, h.columns, HEADER.length);
  rows.forEach((cells, i) => {
    b.add(cells, i + 2);
  });
  return b.finish();
}

const reasons = (r: UnitsResult) => r.rejected.map((x) => `${x.row} ${x.field} ${x.code}`);

describe("units file rows (单位信息)", () => {
  it("a full row becomes a unit with typed attributes", () => {
    const r = read([["区社会福利院", "事业单位", "古南街道", "是", "否", "10", "7", "12"]]);
    expect(r.rejected).toEqual([]);
    expect(r.units.get("区社会福利院")).toEqual({
      name: "区社会福利院",
      type: "institution",
      town: "古南街道",
      district: null,
      socialService: true,
      swOffice: false,
      professionalPosts: 10,
      swPosts: 7,
      totalPosts: 12,
    });
  });

  it("a unit with no town is at district or city level: read, with town null (SPEC.md Units)", () => {
    const r = read([
      ["区民政局", "机关", "", "是", "", "", "", ""],
      ["区社会工作服务中心", "社会工作服务机构", "", "", "", "", "6", "10"],
    ]);
    expect(r.rejected).toEqual([]);
    expect(r.count).toEqual({ file: "units.csv", rows: 2, accepted: 2, rejected: 0 });
    expect(r.units.get("区民政局")).toMatchObject({ type: "organ", town: null, socialService: true });
    expect(r.units.get("区社会工作服务中心")).toMatchObject({ type: "sw_agency", town: null, swPosts: 6, totalPosts: 10 });
  });

  it("a street office with no town cell is its own town", () => {
    const r = read([["古南街道办事处", "街道办事处", "", "", "是", "", "", ""]]);
    expect(r.rejected).toEqual([]);
    expect(r.units.get("古南街道办事处")).toMatchObject({ type: "town", town: "古南街道办事处" });
  });

  it.each([
    [["", "社区", "古南街道", "", "", "", "", ""], "2 unit missing"],
    [["滨河社区", "", "古南街道", "", "", "", "", ""], "2 unit_type missing"],
    [["滨河社区", "小区", "古南街道", "", "", "", "", ""], "2 unit_type bad_unit_type"],
    [["滨河社区", "社区", "古南街道", "也许", "", "", "", ""], "2 social_service bad_yes_no"],
    [["滨河社区", "社区", "古南街道", "", "", "-1", "", ""], "2 professional_posts bad_count"],
    [["滨河社区", "社区", "古南街道", "", "", "", "2.5", ""], "2 sw_posts bad_count"],
  ])("%j is rejected: %s", (cells, reason) => {
    const r = read([cells]);
    expect(reasons(r)).toEqual([reason]);
    expect(r.count).toEqual({ file: "units.csv", rows: 1, accepted: 0, rejected: 1 });
  });

  it("a unit listed twice the same way: kept once, warned", () => {
    const row = ["滨河社区", "社区", "古南街道", "", "是", "", "", ""];
    const r = read([row, [...row]]);
    expect(r.units.size).toBe(1);
    expect(r.warnings).toMatchObject([{ code: "identical_units", params: { rows: "2, 3" } }]);
    expect(r.count).toMatchObject({ rows: 2, accepted: 2, rejected: 0 });
  });

  it("a unit listed twice differently: every row of it rejected", () => {
    const r = read([
      ["滨河社区", "社区", "古南街道", "", "是", "", "", ""],
      ["新桥村", "村", "东溪镇", "", "是", "", "", ""],
      ["滨河社区", "社区", "古南街道", "", "否", "", "", ""],
    ]);
    expect(reasons(r)).toEqual(["2 unit duplicate_unit", "4 unit duplicate_unit"]);
    expect([...r.units.keys()]).toEqual(["新桥村"]);
    expect(r.count).toMatchObject({ rows: 3, accepted: 1, rejected: 2 });
  });
});
