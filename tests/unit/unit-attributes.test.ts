import { describe, expect, it } from "vitest";
import { RowReader } from "../../src/core/records/cells.js";
import type { Unit, UnitAttributes } from "../../src/core/records/types.js";
import { UNIT_FIELDS, readUnitAttributes, sameAttributes, unitAttribute, unitFromAttributes } from "../../src/core/records/unit-attributes.js";
import { normalisers } from "../../src/core/records/vocab.js";
import { loadPolicy } from "../../src/io/policies.js";

const norm = normalisers(loadPolicy("qijiang-2020").vocabulary);
const FIELDS = ["unit", "unit_type", "town", "district", "social_service", "sw_office", "professional_posts", "sw_posts", "total_posts"];

/** The attributes of one row, and its problems as "field:code". */
function read(cells: string[], fields = FIELDS) {
  const r = new RowReader("units.csv", new Map(fields.map((f, i) => [f, i])), cells, 2, fields.length);
  const attrs = readUnitAttributes(r, norm);
  return { attrs, problems: r.problems.map((p) => `${p.field}:${p.code}`) };
}

describe("the unit attributes of a row, from a units file or a roster", () => {
  const rows: [string, string[], UnitAttributes, string[]][] = [
    // name, cells (unit, type, town, district, social service, office, posts x3), attributes, problems
    [
      "every cell filled",
      ["区社会福利院", "事业单位", "古南街道", "綦江区", "是", "否", "20", "14", "30"],
      {
        unit_type: "institution",
        town: "古南街道",
        district: "綦江区",
        social_service: true,
        sw_office: false,
        professional_posts: 20,
        sw_posts: 14,
        total_posts: 30,
      },
      [],
    ],
    ["empty cells give no attribute", ["区民政局", "机关", "", "", "", "", "", "", ""], { unit_type: "organ" }, []],
    [
      "a street office with no town is its own town",
      ["古南街道办事处", "街道办事处", "", "", "", "", "", "", ""],
      { unit_type: "town", town: "古南街道办事处" },
      [],
    ],
    ["a street office with a town keeps it", ["古南街道办事处", "街道办事处", "古南街道", "", "", "", "", "", ""], { unit_type: "town", town: "古南街道" }, []],
    [
      "a post count of 0 is a count",
      ["滨河社区", "社区", "古南街道", "", "", "有", "0", "", ""],
      { unit_type: "urban_community", town: "古南街道", sw_office: true, professional_posts: 0 },
      [],
    ],
    ["an unknown type is rejected, the rest still read", ["X", "公司", "东溪镇", "", "", "", "", "", ""], { town: "东溪镇" }, ["unit_type:bad_unit_type"]],
    ["a yes/no that is neither", ["X", "社区", "", "", "可能", "", "", "", ""], { unit_type: "urban_community" }, ["social_service:bad_yes_no"]],
    [
      "a count that is not one",
      ["X", "社区", "", "", "", "", "十", "", "-1"],
      { unit_type: "urban_community" },
      ["professional_posts:bad_count", "total_posts:bad_count"],
    ],
  ];
  it.each(rows)("%s", (_name, cells, attrs, problems) => {
    const got = read(cells);
    expect(got.attrs).toEqual(attrs);
    expect(got.problems).toEqual(problems);
  });

  it("a roster with no unit columns reads no attributes and rejects nothing", () => {
    expect(read(["张三", "滨河社区"], ["name", "unit"])).toEqual({ attrs: {}, problems: [] });
  });
});

describe("a unit from its attributes", () => {
  it.each([
    ["no type: no unit", {}, null],
    [
      "a type alone: district or city level, the rest unknown",
      { unit_type: "organ" },
      { name: "U", type: "organ", town: null, district: null, socialService: null, swOffice: null, professionalPosts: null, swPosts: null, totalPosts: null },
    ],
    [
      "every attribute",
      { unit_type: "village", town: "东溪镇", district: "綦江区", social_service: false, sw_office: true, professional_posts: 1, sw_posts: 2, total_posts: 3 },
      { name: "U", type: "village", town: "东溪镇", district: "綦江区", socialService: false, swOffice: true, professionalPosts: 1, swPosts: 2, totalPosts: 3 },
    ],
  ] as [string, UnitAttributes, Unit | null][])("%s", (_name, attrs, unit) => {
    expect(unitFromAttributes("U", attrs)).toEqual(unit);
  });

  it("each attribute reads back from the unit as a row gives it; a null one as not given", () => {
    const attrs: UnitAttributes = { unit_type: "village", town: "东溪镇", social_service: false, sw_posts: 0 };
    const unit = unitFromAttributes("U", attrs)!;
    expect(Object.fromEntries(UNIT_FIELDS.map((f) => [f, unitAttribute(unit, f)]))).toEqual({
      unit_type: "village",
      town: "东溪镇",
      district: undefined,
      social_service: false,
      sw_office: undefined,
      professional_posts: undefined,
      sw_posts: 0,
      total_posts: undefined,
    });
  });
});

describe("two rows' attributes agree", () => {
  it.each([
    ["both empty", {}, {}, true],
    ["the same values", { unit_type: "organ", town: "古南街道" }, { town: "古南街道", unit_type: "organ" }, true],
    ["one gives a town, the other none", { unit_type: "organ", town: "古南街道" }, { unit_type: "organ" }, false],
    ["0 posts and no post count differ", { sw_posts: 0 }, {}, false],
    ["yes and no differ", { sw_office: true }, { sw_office: false }, false],
  ] as [string, UnitAttributes, UnitAttributes, boolean][])("%s", (_name, a, b, same) => {
    expect(sameAttributes(a, b)).toBe(same);
    expect(sameAttributes(b, a)).toBe(same);
  });
});
