import { describe, expect, it } from "vitest";
import { cellKey, normalisers, parseCount, parsePostLevel } from "../../src/core/records/vocab.js";
import { loadPolicy } from "../../src/io/policies.js";

const norm = normalisers(loadPolicy("qijiang-2020").vocabulary);

describe("cellKey: trimmed, NFKC, case-folded, inner spaces collapsed", () => {
  it.each([
    [" 社会工作师 ", "社会工作师"],
    ["\u3000社会工作师\u3000", "社会工作师"], // full-width (ideographic) spaces
    ["ＳＥＮＩＯＲ", "senior"],
    ["Social   Worker", "social worker"],
    ["乡镇（街道）", "乡镇(街道)"],
    ["\u00a0是\u00a0", "是"],
  ])("%j -> %j", (cell, key) => expect(cellKey(cell)).toBe(key));
});

describe("grade: whole-cell match (POLICY.md §1, 证书等级)", () => {
  it.each([
    ["高级社会工作师", "senior"],
    ["高级", "senior"],
    ["社会工作师", "intermediate"], // a substring of 高级社会工作师 and 助理社会工作师, yet intermediate
    ["中级社会工作师", "intermediate"],
    ["中级", "intermediate"],
    ["助理社会工作师", "assistant"],
    ["初级社会工作师", "assistant"],
    ["初级", "assistant"],
    ["助理", "assistant"],
    ["社会工作员", "staff"],
    ["无", "none"],
    ["未取得", "none"],
    ["暂无", "none"],
    ["", "none"], // empty cell
    ["   ", "none"],
    ["社会工作师 ", "intermediate"],
    ["  高级社会工作师\t", "senior"],
    ["\u3000助理社会工作师\u3000", "assistant"],
    ["ｓｅｎｉｏｒ ｓｏｃｉａｌ ｗｏｒｋｅｒ", "senior"], // full-width letters and spaces
    ["Senior Social Worker", "senior"],
    ["social worker", "intermediate"],
    ["Assistant Social Worker", "assistant"],
    ["social work staff", "staff"],
    ["NONE", "none"],
    ["senior", "senior"],
    ["intermediate", "intermediate"],
    ["assistant", "assistant"],
    ["staff", "staff"],
  ])("%j -> %s", (cell, code) => expect(norm.grade(cell)).toBe(code));

  it.each(["社工", "高级社工师", "社会工作师（中级）", "中级社会工作师证", "社会工作", "工作师", "师", "yes", "1", "社会工作师,高级"])(
    "%j is not a grade (null, so the row is rejected)",
    (cell) => expect(norm.grade(cell)).toBeNull(),
  );
});

describe("unit type (单位类型)", () => {
  it.each([
    ["社区", "urban_community"],
    ["城市社区", "urban_community"],
    ["居委会", "urban_community"],
    ["城市社区居委会", "urban_community"],
    ["村", "village"],
    ["行政村", "village"],
    ["农村社区", "village"],
    ["村委会", "village"],
    ["街道", "town"],
    ["镇", "town"],
    ["乡", "town"],
    ["街镇", "town"],
    ["街道办事处", "town"],
    ["镇人民政府", "town"],
    ["机关", "organ"],
    ["党政机关", "organ"],
    ["群团组织", "organ"],
    ["人民团体", "organ"],
    ["事业单位", "institution"],
    ["社会工作服务机构", "sw_agency"],
    ["社工机构", "sw_agency"],
    ["民办社工机构", "sw_agency"],
    ["社会工作服务站", "sw_agency"],
    ["社会组织", "social_org"],
    ["公益慈善类社会组织", "social_org"],
    ["学校", "school"],
    ["医院", "hospital"],
    ["企业", "enterprise"],
    ["其他", "other"],
    [" 社区 ", "urban_community"],
    ["URBAN_COMMUNITY", "urban_community"],
    ["sw_agency", "sw_agency"],
  ])("%j -> %s", (cell, code) => expect(norm.unitType(cell)).toBe(code));

  it.each(["", "社区居委", "某某社区", "村委", "民办非企业单位", "community"])("%j is not a unit type", (cell) => {
    expect(norm.unitType(cell)).toBeNull();
  });
});

describe("role (岗位/职务): POLICY.md §1 matching rule", () => {
  it.each([
    // committee: an alias, or ending with 书记, 支书, 主任 or 委员
    ["两委成员", "committee"],
    ["村两委", "committee"],
    ["书记", "committee"],
    ["副书记", "committee"],
    ["主任", "committee"],
    ["委员", "committee"],
    ["居委会主任", "committee"],
    ["社区党委书记", "committee"],
    ["居委会副主任", "committee"],
    ["村委委员", "committee"],
    ["村党支部书记", "committee"],
    // committee titles as villages and communities write them; 支书 is a suffix too
    ["村支书", "committee"],
    ["支书", "committee"],
    ["村长", "committee"],
    ["社区主任", "committee"],
    ["副支书", "committee"],
    [" 社区党委书记 ", "committee"],
    ["committee", "committee"],
    // community_staff: an alias, or containing 专职 but not 兼职
    ["专职社区工作者", "community_staff"],
    ["社区专职工作人员", "community_staff"],
    ["专职工作人员", "community_staff"],
    ["社区工作者（专职）", "community_staff"],
    ["社区工作者(专职)", "community_staff"],
    ["专职网格员", "community_staff"],
    ["专职社工", "community_staff"],
    ["Community_Staff", "community_staff"],
    // other by alias
    ["网格员", "other"],
    ["公益性岗位", "other"],
    ["兼职", "other"],
    ["志愿者", "other"],
    ["other", "other"],
  ])("%j -> %s (recognised)", (cell, role) => expect(norm.role(cell)).toEqual({ role, recognised: true }));

  it("an empty role is other and not reported", () => {
    expect(norm.role("")).toEqual({ role: "other", recognised: true });
  });

  it.each(["兼职专职社工", "专职兼职", "保安", "社区工作者", "书记员助理", "主任科员", "会计"])("%j matches nothing: other, reported as unrecognised", (cell) =>
    expect(norm.role(cell)).toEqual({ role: "other", recognised: false }),
  );
});

describe("social-work degree (社会工作专业学历)", () => {
  it.each([
    ["", "none"],
    ["无", "none"],
    ["否", "none"],
    ["大专", "associate"],
    ["专科", "associate"],
    ["本科", "bachelor"],
    ["学士", "bachelor"],
    ["硕士", "master"],
    ["研究生", "master"],
    ["博士", "doctor"],
    [" 本科 ", "bachelor"],
    ["Bachelor", "bachelor"],
    ["大学专科", "associate"],
    ["大学本科", "bachelor"],
    ["硕士研究生", "master"],
    ["博士研究生", "doctor"],
    // below 大专: no social-work degree in POLICY.md's order, so none rather than a rejected row
    ["中专", "none"],
    ["中职", "none"],
    ["高中", "none"],
    ["初中", "none"],
  ])("%j -> %s", (cell, code) => expect(norm.degree(cell)).toBe(code));

  it.each(["本科在读", "大学", "本"])("%j is not a degree", (cell) => expect(norm.degree(cell)).toBeNull());

  it("ranks none < associate < bachelor < master < doctor", () => {
    const ranks = (["none", "associate", "bachelor", "master", "doctor"] as const).map(norm.degreeRank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBe(5);
  });
});

describe("post tier (专业技术岗位层级)", () => {
  it.each([
    ["高级", "senior"],
    ["正高级", "senior"],
    ["副高级", "senior"],
    ["正高", "senior"],
    ["副高", "senior"],
    ["中级", "intermediate"],
    ["初级", "junior"],
    ["Junior", "junior"],
  ])("%j -> %s", (cell, code) => expect(norm.tier(cell)).toBe(code));
  it.each(["", "特级", "高"])("%j is not a tier", (cell) => expect(norm.tier(cell)).toBeNull());
});

describe("post level (专业技术岗位等级): 1 to 13", () => {
  it.each([
    ["1", 1],
    ["11", 11],
    ["11级", 11],
    ["十一级", 11],
    ["十一", 11],
    ["十三级", 13],
    ["十级", 10],
    ["一级", 1],
    ["九级", 9],
    ["１１", 11], // full-width digits
    [" 12 ", 12],
    ["13", 13],
  ])("%j -> %i", (cell, level) => expect(parsePostLevel(cell)).toBe(level));

  it.each(["14", "十四级", "0", "零级", "", "级", "二十", "11.5", "-1", "abc", "一十一级"])("%j is rejected", (cell) => {
    expect(parsePostLevel(cell)).toBeNull();
  });
});

describe("yes/no: 是/否/有/无/Y/N/yes/no/true/false/1/0, and 专职/兼职, √/×", () => {
  it.each(["是", "有", "Y", "y", "yes", "YES", "true", "TRUE", "1", " 是 ", "１", "Ｙ", "专职", "√", "✓"])("%j is yes", (cell) => {
    expect(norm.yesNo(cell)).toBe(true);
  });
  it.each(["否", "无", "N", "n", "no", "No", "false", "False", "0", "\u3000否", "兼职", "×", "✗"])("%j is no", (cell) => {
    expect(norm.yesNo(cell)).toBe(false);
  });
  it.each(["", "是的", "不是", "2", "ok", "专兼职"])("%j is neither", (cell) => expect(norm.yesNo(cell)).toBeNull());
});

describe("counts (岗位数): whole numbers, 0 or more", () => {
  it.each([
    ["0", 0],
    ["7", 7],
    [" 12 ", 12],
    ["０３", 3],
  ])("%j -> %i", (cell, n) => expect(parseCount(cell)).toBe(n));
  it.each(["-1", "1.5", "abc", "", "1e3", "1,000", "+2"])("%j is not a count", (cell) => expect(parseCount(cell)).toBeNull());
});
