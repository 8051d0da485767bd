import { describe, expect, it } from "vitest";
import { formatDay, parseDay } from "../../src/core/dates.js";
import { mapHeader } from "../../src/core/records/header.js";
import { checkDigit } from "../../src/core/records/ids.js";
import { type FutureCertAdvice, RosterBuilder, rosterColumnsRequired, type RosterResult } from "../../src/core/records/roster.js";
import type { Person, Unit } from "../../src/core/records/types.js";
import { reasonText, warningText } from "../../src/render/messages.js";
import { loadPolicy } from "../../src/io/policies.js";
import { unit } from "../helpers/records.js";

const policy = loadPolicy("qijiang-2020");
const HEADER = [
  "身份证号",
  "姓名",
  "单位",
  "单位类型",
  "街镇",
  "岗位",
  "证书等级",
  "取证日期",
  "入职日期",
  "离职日期",
  "社会工作室",
  "出生日期",
  "专业技术岗位等级",
  "岗位总数",
];
const id = (first17: string) => first17 + checkDigit(first17);
const ID1 = id("50022219800101001");
const ID2 = id("50022219850202002");
const ID3 = id("50022219900303003");

type Cells = Partial<Record<(typeof HEADER)[number], string>>;
const row = (c: Cells): string[] => HEADER.map((h) => c[h] ?? "");
const base: Cells = { 姓名: "王芳", 单位: "滨河社区", 单位类型: "社区", 街镇: "古南街道", 证书等级: "社会工作师" };

type ReadOptions = {
  asOf?: string;
  knownUnits?: Map<string, Unit>;
  header?: string[];
  advice?: FutureCertAdvice;
  roleMatters?: (p: Person, u: Unit) => boolean;
};

/** A roster builder for `header` (default HEADER); without `roleMatters`, no role is judged. */
function builder(opts: ReadOptions = {}): RosterBuilder {
  const header = opts.header ?? HEADER;
  const required = rosterColumnsRequired(opts.knownUnits !== undefined);
  const h = mapHeader("roster.csv", header, policy.vocabulary.columns.roster, required);
  return new RosterBuilder({
    file: "roster.csv",
    policy,
    columns: h.columns,
    width: header.length,
    latestCertDate: parseDay(opts.asOf ?? "2021-07-05")!,
    futureCertAdvice: opts.advice,
    roleMatters: opts.roleMatters,
    knownUnits: opts.knownUnits ?? null,
  });
}

/** Reads rows as a roster would be read: the header is row 1, the first data row is row 2. */
function read(rows: Cells[], opts: ReadOptions = {}): RosterResult {
  const header = opts.header ?? HEADER;
  const b = builder({ ...opts, roleMatters: opts.roleMatters ?? (() => true) });
  rows.forEach((c, i) => {
    b.add(
      header.map((f) => c[f] ?? ""),
      i + 2,
    );
  });
  return b.finish();
}

const rejectedRows = (r: RosterResult) => [...new Set(r.rejected.map((x) => x.row))];
const reasons = (r: RosterResult) => r.rejected.map((x) => `${x.row} ${x.field} ${x.code}`);

describe("a clean row becomes a typed person", () => {
  it("grade, role, dates, birth date from the ID", () => {
    const r = read([{ ...base, 身份证号: ID1, 岗位: "社区党委书记", 取证日期: "2021/6/1", 入职日期: "44348", 社会工作室: "是" }]);
    expect(r.rejected).toEqual([]);
    const p = r.people[0]!;
    expect(p).toMatchObject({ id: ID1, row: 2, grade: "intermediate", role: "committee", roleText: "社区党委书记" });
    expect(formatDay(p.certDate!)).toBe("2021-06-01");
    expect(formatDay(p.start!)).toBe("2021-06-01");
    expect(formatDay(p.birth!)).toBe("1980-01-01");
    expect(r.units.get("滨河社区")).toMatchObject({ type: "urban_community", town: "古南街道", swOffice: true });
    expect(r.count).toEqual({ file: "roster.csv", rows: 1, accepted: 1, rejected: 0 });
  });

  it("a birth_date cell wins over the ID; a 工号 has no birth date", () => {
    const r = read([
      { ...base, 身份证号: ID1, 出生日期: "1979-05-05" },
      { ...base, 身份证号: "G0012" },
    ]);
    expect(formatDay(r.people[0]!.birth!)).toBe("1979-05-05");
    expect(r.people[1]!.birth).toBeNull();
  });

  it("post level 十一级 is 11", () => {
    expect(read([{ ...base, 身份证号: ID1, 专业技术岗位等级: "十一级" }]).people[0]!.level).toBe(11);
  });
});

describe("bad input: each row is rejected with its reason (SPEC.md Bad input)", () => {
  it.each([
    ["missing name", { 姓名: "" }, "name missing"],
    ["missing unit", { 单位: "" }, "unit missing"],
    ["unknown grade", { 证书等级: "社工" }, "grade bad_grade"],
    ["unknown unit type", { 单位类型: "居委" }, "unit_type bad_unit_type"],
    ["no unit type and no units file", { 单位类型: "" }, "unit_type missing_unit_attr"],
    ["unparseable date", { 入职日期: "2021-02-30" }, "start_date bad_date"],
    ["wrong check digit", { 身份证号: ID1.slice(0, 17) + (ID1[17] === "9" ? "8" : "9") }, "id bad_check_digit"],
    ["end before start", { 入职日期: "2021-06-02", 离职日期: "2021-06-01" }, "end_date end_before_start"],
    ["cert_date after the as-of date", { 取证日期: "2021-07-06" }, "cert_date cert_in_future"],
    ["post level 14", { 专业技术岗位等级: "14" }, "post_level bad_level"],
    ["negative count", { 岗位总数: "-3" }, "total_posts bad_count"],
    ["non-numeric count", { 岗位总数: "十" }, "total_posts bad_count"],
    ["count too large to read exactly", { 岗位总数: "99999999999999999999" }, "total_posts count_too_large"],
    ["yes/no not understood", { 社会工作室: "不清楚" }, "sw_office bad_yes_no"],
  ])("%s", (_name, over, reason) => {
    const r = read([{ ...base, 身份证号: ID1, ...over }]);
    expect(reasons(r)).toEqual([`2 ${reason}`]);
    expect(r.people).toEqual([]);
    expect(r.count).toEqual({ file: "roster.csv", rows: 1, accepted: 0, rejected: 1 });
  });

  it("end on the start day and cert_date on the as-of day are fine", () => {
    const r = read([{ ...base, 身份证号: ID1, 入职日期: "2021-06-01", 离职日期: "2021-06-01", 取证日期: "2021-07-05" }]);
    expect(r.rejected).toEqual([]);
  });

  it("a count too large to read exactly says so, in both languages", () => {
    const r = read([{ ...base, 身份证号: ID1, 岗位总数: "99999999999999999999" }]);
    expect(reasonText(r.rejected[0]!, "en", policy.vocabulary)).toBe(
      "too large for a count (more than 9007199254740991 cannot be read exactly): check the number",
    );
    expect(reasonText(r.rejected[0]!, "zh", policy.vocabulary)).toBe("数值过大，不是有效数量（超过 9007199254740991 无法精确读取）：请核对该数字");
  });

  it("the future-certificate reason names the as-of date", () => {
    const r = read([{ ...base, 身份证号: ID1, 取证日期: "2022-01-01" }], { asOf: "2021-12-31" });
    expect(reasonText(r.rejected[0]!, "en", policy.vocabulary)).toContain("after 2021-12-31");
    expect(reasonText(r.rejected[0]!, "zh", policy.vocabulary)).toContain("晚于 2021-12-31");
  });

  it.each([
    ["audit and training (an --as-of date)", "as_of", "correct the date, or choose a later --as-of", "请更正日期，或使用更晚的 --as-of"],
    [
      "allowance (today; the month is the reference)",
      "month",
      "(today): correct the date; the allowance counts a certificate from the month after its date",
      "（今天）：请更正日期；津贴自取证次月起计发",
    ],
    ["validate (today)", "check_date", "(today): check the date", "（今天）：请核对日期"],
  ] as const)("the future-certificate advice for %s names only what the command has", (_name, advice, en, zh) => {
    const r = read([{ ...base, 身份证号: ID1, 取证日期: "2021-07-06" }], { advice });
    const [enText, zhText] = (["en", "zh"] as const).map((lang) => reasonText(r.rejected[0]!, lang, policy.vocabulary));
    expect(enText).toBe(`certificate date is after 2021-07-05${advice === "as_of" ? ": " : " "}${en}`);
    expect(zhText).toBe(`取证日期晚于 2021-07-05${advice === "as_of" ? "：" : ""}${zh}`);
    if (advice !== "as_of") for (const text of [enText, zhText]) expect(text).not.toContain("--as-of");
  });

  it("every problem of a row is reported, and the row counts once", () => {
    const r = read([{ ...base, 身份证号: ID1, 证书等级: "x", 入职日期: "y", 岗位总数: "-1" }]);
    expect(reasons(r).sort()).toEqual(["2 grade bad_grade", "2 start_date bad_date", "2 total_posts bad_count"]);
    expect(r.count.rejected).toBe(1);
  });

  it("a row with the wrong number of cells is rejected for that alone", () => {
    const h = mapHeader("roster.csv", HEADER, policy.vocabulary.columns.roster, rosterColumnsRequired(true));
    const b = new RosterBuilder({ file: "roster.csv", policy, columns: h.columns, width: HEADER.length, latestCertDate: 0, knownUnits: null });
    b.add([ID1, "王芳", "滨河社区"], 2);
    b.add([...row({ ...base, 身份证号: ID2 }), "溢出"], 3);
    const r = b.finish();
    expect(reasons(r)).toEqual(["2 (row) cell_count", "3 (row) cell_count"]);
    expect(r.count).toMatchObject({ rows: 2, accepted: 0, rejected: 2 });
  });

  it("rejected rows come out in row order", () => {
    const r = read([
      { ...base, 身份证号: ID1, 姓名: "" },
      { ...base, 身份证号: ID2 },
      { ...base, 身份证号: ID3, 证书等级: "?" },
    ]);
    expect(rejectedRows(r)).toEqual([2, 4]);
  });
});

describe("duplicate ids: both rejected unless the rows are identical", () => {
  it("two different rows with the same id: both rejected, each naming both rows", () => {
    const r = read([
      { ...base, 身份证号: ID1 },
      { ...base, 身份证号: ID2 },
      { ...base, 身份证号: ID1, 证书等级: "高级" },
    ]);
    expect(reasons(r)).toEqual(["2 id duplicate_id", "4 id duplicate_id"]);
    expect(r.rejected[0]!.params).toEqual({ rows: "2, 4" });
    expect(r.people.map((p) => p.id)).toEqual([ID2]);
    expect(r.count).toEqual({ file: "roster.csv", rows: 3, accepted: 1, rejected: 2 });
  });

  it("identical rows: one kept, a warning naming both rows", () => {
    const r = read([
      { ...base, 身份证号: ID1 },
      { ...base, 身份证号: ID1 },
    ]);
    expect(r.rejected).toEqual([]);
    expect(r.people).toHaveLength(1);
    expect(r.people[0]!.row).toBe(2);
    expect(r.warnings).toEqual([{ code: "identical_rows", params: { file: "roster.csv", id: ID1, row: 2, other: 3 } }]);
    expect(r.count).toMatchObject({ rows: 2, accepted: 2, rejected: 0 });
  });

  it("rows equal once normalised (x and X, 2021/6/1 and 2021-06-01) are identical", () => {
    const x = "11010519491231002X";
    const r = read([
      { ...base, 身份证号: x, 取证日期: "2021/6/1" },
      { ...base, 身份证号: x.toLowerCase(), 取证日期: "2021-06-01 " },
    ]);
    expect(r.people).toHaveLength(1);
    expect(r.warnings.map((w) => w.code)).toEqual(["identical_rows"]);
  });

  it("the same resident ID typed full-width is the same person", () => {
    const full = ID1.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const r = read([
      { ...base, 身份证号: ID1 },
      { ...base, 身份证号: full, 证书等级: "高级" },
    ]);
    expect(reasons(r)).toEqual(["2 id duplicate_id", "3 id duplicate_id"]);
  });

  it("two identical rows and a third that differs: all three rejected", () => {
    const r = read([
      { ...base, 身份证号: ID1 },
      { ...base, 身份证号: ID1 },
      { ...base, 身份证号: ID1, 岗位: "网格员" },
    ]);
    expect(rejectedRows(r)).toEqual([2, 3, 4]);
    expect(r.people).toEqual([]);
    expect(r.count).toEqual({ file: "roster.csv", rows: 3, accepted: 0, rejected: 3 });
  });

  it("a differing row after the conflict is rejected too", () => {
    const r = read([
      { ...base, 身份证号: ID1 },
      { ...base, 身份证号: ID1, 姓名: "王芳芳" },
      { ...base, 身份证号: ID1, 单位: "新桥村" },
    ]);
    expect(rejectedRows(r)).toEqual([2, 3, 4]);
    expect(r.rejected.every((x) => x.params?.rows === "2, 3, 4")).toBe(true);
  });

  it.each([
    [
      "after",
      [
        { ...base, 身份证号: ID1 },
        { ...base, 身份证号: ID1, 证书等级: "?" },
      ],
      ["2 id duplicate_id", "3 grade bad_grade"],
    ],
    [
      "before",
      [
        { ...base, 身份证号: ID1, 取证日期: "2021/13/01" },
        { ...base, 身份证号: ID1 },
      ],
      ["2 cert_date bad_date", "3 id duplicate_id"],
    ],
  ])("a row of the same id rejected for another reason (%s the good one): the good one is not kept either", (_when, rows, want) => {
    const r = read(rows as Cells[]);
    expect(reasons(r)).toEqual(want);
    expect(r.rejected.find((x) => x.code === "duplicate_id")!.params).toEqual({ rows: "2, 3" });
    expect(r.people).toEqual([]);
    expect(r.count).toEqual({ file: "roster.csv", rows: 2, accepted: 0, rejected: 2 });
  });

  it("identical rows and a third row of the id rejected for a bad cell: all rejected, and no 'one is kept' warning", () => {
    const r = read([
      { ...base, 身份证号: ID1 },
      { ...base, 身份证号: ID2 },
      { ...base, 身份证号: ID1 },
      { ...base, 身份证号: ID1, 证书等级: "?" },
    ]);
    expect(reasons(r)).toEqual(["2 id duplicate_id", "4 id duplicate_id", "5 grade bad_grade"]);
    expect(r.people.map((p) => p.id)).toEqual([ID2]);
    expect(r.warnings.filter((w) => w.code === "identical_rows")).toEqual([]);
    expect(r.count).toEqual({ file: "roster.csv", rows: 4, accepted: 1, rejected: 3 });
  });

  it("identical rows then a differing one: the identical-rows warning is withdrawn", () => {
    const r = read([
      { ...base, 身份证号: ID1 },
      { ...base, 身份证号: ID1 },
      { ...base, 身份证号: ID1, 岗位: "网格员" },
    ]);
    expect(r.warnings.filter((w) => w.code === "identical_rows")).toEqual([]);
  });

  it("a row of the wrong width with the same id: both rejected, the short row with its one problem", () => {
    const b = builder();
    b.add(row({ ...base, 身份证号: ID1 }), 2);
    b.add([ID1, "王芳", "滨河社区"], 3);
    const r = b.finish();
    expect(reasons(r)).toEqual(["2 id duplicate_id", "3 (row) cell_count"]);
    expect(r.people).toEqual([]);
  });

  it("a row rejected for its id itself (a bad check digit) names no person: another row is kept", () => {
    const bad = ID1.slice(0, 17) + (ID1[17] === "0" ? "1" : "0");
    const r = read([
      { ...base, 身份证号: ID1 },
      { ...base, 身份证号: bad },
    ]);
    expect(reasons(r)).toEqual(["3 id bad_check_digit"]);
    expect(r.people.map((p) => p.row)).toEqual([2]);
  });
});

describe("roles that match nothing are other, and each distinct text is warned about once", () => {
  it("counts only the people kept", () => {
    const r = read([
      { ...base, 身份证号: ID1, 岗位: "保安" },
      { ...base, 身份证号: ID2, 岗位: "保安" },
      { ...base, 身份证号: ID3, 岗位: "保安", 证书等级: "?" }, // rejected: not counted
      { ...base, 身份证号: "G1", 岗位: "会计" },
      { ...base, 身份证号: "G2", 岗位: "网格员" }, // other by alias: no warning
      { ...base, 身份证号: "G3", 岗位: "居委会副主任" },
    ]);
    expect(r.people.find((p) => p.id === ID1)!.role).toBe("other");
    const roles = r.warnings.filter((w) => w.code === "unrecognised_role");
    expect(roles.map((w) => w.params)).toEqual([
      { role: "会计", people: 1 },
      { role: "保安", people: 2 },
    ]);
    expect(warningText(roles.at(-1)!, "en", policy.vocabulary)).toBe('role "保安" (2 people) is not a known role: counted as other, so not paid an allowance');
    expect(warningText(roles[0]!, "en", policy.vocabulary)).toBe('role "会计" (1 person) is not a known role: counted as other, so not paid an allowance');
  });
});

describe("a role text is warned about only for people whose role decides something (POLICY.md §1 Roles)", () => {
  const rows = [
    { ...base, 身份证号: ID1, 岗位: "保安" },
    { ...base, 身份证号: ID2, 岗位: "科员", 单位: "区民政局", 单位类型: "机关" },
    { ...base, 身份证号: ID3, 岗位: "科员", 单位: "新桥村", 单位类型: "村" },
  ];
  const inCommunity = (_p: Person, u: Unit) => u.type === "urban_community";

  it("the command says where the role matters: a 科员 of a bureau or a village is not named", () => {
    const r = read(rows, { roleMatters: inCommunity });
    expect(r.warnings.filter((w) => w.code === "unrecognised_role").map((w) => w.params)).toEqual([{ role: "保安", people: 1 }]);
  });

  it("the person and their unit are what the command judges", () => {
    const seen: string[] = [];
    read(rows, {
      roleMatters: (p, u) => {
        seen.push(`${p.roleText}@${u.name}:${u.type}`);
        return false;
      },
    });
    expect(seen.sort()).toEqual(["保安@滨河社区:urban_community", "科员@区民政局:organ", "科员@新桥村:village"]);
  });

  it("without a judge (audit, training), no role is warned about", () => {
    const b = builder();
    for (const [i, c] of rows.entries()) b.add(row(c), i + 2);
    expect(b.finish().warnings.filter((w) => w.code === "unrecognised_role")).toEqual([]);
  });
});

describe("one name in one unit under two ids (SPEC.md Bad input)", () => {
  it("is warned about once, naming the ids; namesakes in other units are not", () => {
    const r = read([
      { ...base, 身份证号: ID1 },
      { ...base, 身份证号: "G0001" },
      { ...base, 身份证号: ID2, 单位: "新桥村", 单位类型: "村" },
      { ...base, 身份证号: ID3, 姓名: "李强" },
    ]);
    expect(r.people).toHaveLength(4);
    expect(r.warnings.filter((w) => w.code === "same_name_ids").map((w) => w.params)).toEqual([{ unit: "滨河社区", name: "王芳", ids: `${ID1}, G0001` }]);
  });

  it("lists units in the order their first person is read, and each unit's names likewise", () => {
    const village = { 单位: "新桥村", 单位类型: "村" };
    const r = read([
      { ...base, ...village, 身份证号: "G0001", 姓名: "李强" },
      { ...base, 身份证号: "G0002", 姓名: "赵敏" },
      { ...base, 身份证号: "G0003" },
      { ...base, ...village, 身份证号: "G0004" },
      { ...base, 身份证号: "G0005" },
      { ...base, 身份证号: "G0006", 姓名: "赵敏" },
      { ...base, ...village, 身份证号: "G0007", 姓名: "李强" },
      { ...base, 身份证号: "G0008" },
    ]);
    expect(r.warnings.filter((w) => w.code === "same_name_ids").map((w) => w.params)).toEqual([
      { unit: "新桥村", name: "李强", ids: "G0001, G0007" },
      { unit: "滨河社区", name: "赵敏", ids: "G0002, G0006" },
      { unit: "滨河社区", name: "王芳", ids: "G0003, G0005, G0008" },
    ]);
  });
});

describe("unit attributes", () => {
  it("with a units file, a roster without unit type and town is fine for a listed unit only", () => {
    const knownUnits = new Map([["滨河社区", unit({ name: "滨河社区", type: "urban_community" })]]);
    const header = ["身份证号", "姓名", "单位", "证书等级"];
    const r = read(
      [
        { ...base, 身份证号: ID1 },
        { ...base, 身份证号: ID2, 单位: "新桥村" },
      ],
      { knownUnits, header },
    );
    expect(reasons(r)).toEqual(["3 unit_type missing_unit_attr"]);
  });

  it("a unit with no town cell is at district or city level: accepted, with town null (SPEC.md Units)", () => {
    const r = read([{ ...base, 身份证号: ID1, 单位: "綦江区民政局", 单位类型: "机关", 街镇: "" }]);
    expect(r.rejected).toEqual([]);
    expect(r.people.map((p) => p.unit)).toEqual(["綦江区民政局"]);
    expect(r.units.get("綦江区民政局")).toMatchObject({ type: "organ", town: null });
  });

  it("a roster with no town column at all: every unit is at district or city level", () => {
    const header = ["身份证号", "姓名", "单位", "单位类型", "证书等级"];
    const r = read([{ ...base, 身份证号: ID1, 单位: "市社会福利院", 单位类型: "事业单位" }], { header });
    expect(r.rejected).toEqual([]);
    expect(r.units.get("市社会福利院")).toMatchObject({ type: "institution", town: null });
  });

  it("a town given on one row of a unit and empty on another: the unit has that town", () => {
    const r = read([
      { ...base, 身份证号: ID1, 街镇: "" },
      { ...base, 身份证号: ID2, 街镇: "古南街道" },
    ]);
    expect(r.rejected).toEqual([]);
    expect(r.units.get("滨河社区")!.town).toBe("古南街道");
    expect(r.warnings.filter((w) => w.code.startsWith("unit_attr_conflict"))).toEqual([]);
  });

  it("a town office with no town cell belongs to itself", () => {
    const r = read([{ ...base, 身份证号: ID1, 单位: "古南街道办事处", 单位类型: "街道办事处", 街镇: "" }]);
    expect(r.units.get("古南街道办事处")).toMatchObject({ type: "town", town: "古南街道办事处" });
  });

  it("rows disagreeing on a unit attribute: the first is used and the conflict warned once", () => {
    const r = read([
      { ...base, 身份证号: ID1, 社会工作室: "是" },
      { ...base, 身份证号: ID2, 社会工作室: "否" },
      { ...base, 身份证号: ID3, 社会工作室: "否" },
    ]);
    expect(r.units.get("滨河社区")!.swOffice).toBe(true);
    expect(r.warnings.filter((w) => w.code === "unit_attr_conflict_roster")).toHaveLength(1);
  });
});
