/**
 * swtalent audit on the example district (fixtures/), against the figures worked by hand in
 * fixtures/README.md from POLICY.md. Every number here comes from that arithmetic, not from a
 * run of the tool: if one disagrees, re-read the rule book before touching either side.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { json, swtalent } from "../helpers/cli.js";
import { golden } from "../helpers/golden.js";

const ROSTER = "fixtures/人员名册.csv";
const UNITS = "fixtures/单位信息.csv";
const AS_OF = ["--as-of", "2021-12-31"];

const runs = new Map<string, any>();

/** The audit JSON at 2021-12-31, run once per set of extra options (the machine is small). */
async function auditJson(...extra: string[]) {
  const key = extra.join(" ");
  if (!runs.has(key)) {
    const r = await swtalent(["audit", ROSTER, "--units", UNITS, ...AS_OF, "--format", "json", ...extra]);
    expect(r.code, r.stderr).toBe(0);
    runs.set(key, json(r));
  }
  return structuredClone(runs.get(key));
}

/** [rule, status, value, required, shortfall] */
type CheckRow = [string, string, number | boolean | null, number | string | boolean, number | null];

interface UnitFigures {
  town: string | null;
  type: string;
  headcount: number;
  certified: number;
  pro: number;
  compliant: boolean;
  checks: CheckRow[];
  flags?: string[];
}

function unitsOf(out: any): Record<string, UnitFigures> {
  return Object.fromEntries(
    out.units.map((u: any) => [
      u.unit,
      {
        town: u.town,
        type: u.unit_type,
        headcount: u.headcount,
        certified: u.certified,
        pro: u.sw_professional,
        compliant: u.compliant,
        checks: u.checks.map((c: any) => [c.rule, c.status, c.value, c.required, c.shortfall]),
        ...(u.flags.length > 0 ? { flags: u.flags } : {}),
      },
    ]),
  );
}

const u = (
  town: string | null,
  type: string,
  headcount: number,
  certified: number,
  pro: number,
  compliant: boolean,
  checks: CheckRow[],
  flags?: string[],
): UnitFigures => ({ town, type, headcount, certified, pro, compliant, checks, ...(flags ? { flags } : {}) });

/** fixtures/README.md, "qijiang-2020 at 2021-12-31" */
const QIJIANG: Record<string, UnitFigures> = {
  古南街道办事处: u("古南街道", "town", 6, 2, 3, true, [["QJ-CERT-SOCIAL-SERVICE", "pass", 2, "1/3", 0]]),
  滨河社区: u("古南街道", "urban_community", 4, 2, 3, true, [
    ["QJ-COMMUNITY-CERT", "pass", 2, 2, 0],
    ["QJ-COMMUNITY-OFFICE", "pass", true, true, null],
  ]),
  綦江中学: u("古南街道", "school", 2, 1, 1, false, [["QJ-SCHOOL-HOSPITAL", "fail", 1, 2, 1]]),
  綦江区人民医院: u("古南街道", "hospital", 3, 1, 2, true, [["QJ-SCHOOL-HOSPITAL", "pass", 2, 2, 0]]),
  文龙街道办事处: u("文龙街道", "town", 5, 1, 2, false, [["QJ-CERT-SOCIAL-SERVICE", "fail", 1, "1/3", 1]]),
  九龙社区: u("文龙街道", "urban_community", 4, 1, 1, false, [
    ["QJ-COMMUNITY-CERT", "fail", 1, 2, 1],
    ["QJ-COMMUNITY-OFFICE", "pass", true, true, null],
  ]),
  通惠社区: u("文龙街道", "urban_community", 4, 3, 3, false, [
    ["QJ-COMMUNITY-CERT", "pass", 3, 2, 0],
    ["QJ-COMMUNITY-OFFICE", "fail", false, true, null],
  ]),
  綦江区民政局: u(null, "organ", 8, 2, 3, false, [["QJ-CERT-SOCIAL-SERVICE", "fail", 2, "1/3", 1]]),
  綦江区发展和改革委员会: u(null, "organ", 5, 1, 1, true, [["QJ-CERT-OTHER", "pass", 1, "1/5", 0]]),
  綦江区社会福利院: u(null, "institution", 7, 4, 5, true, [
    ["QJ-CERT-SOCIAL-SERVICE", "pass", 4, "1/3", 0],
    ["QJ-INST-SW-POSTS", "pass", 14, "7/10", 0],
  ]),
  綦江区同心社会工作服务中心: u(null, "sw_agency", 7, 3, 4, false, [
    ["QJ-AGENCY-STAFF", "pass", 2, "1/3", 0],
    ["QJ-AGENCY-POSTS", "fail", 6, "7/10", 1],
  ]),
  三江街道办事处: u("三江街道", "town", 4, 1, 1, false, [["QJ-CERT-SOCIAL-SERVICE", "fail", 1, "1/3", 1]]),
  红岩村: u("三江街道", "village", 3, 0, 1, false, [
    ["QJ-VILLAGE-CERT", "fail", 0, 1, 1],
    ["QJ-COMMUNITY-OFFICE", "pass", true, true, null],
  ]),
  綦江区阳光社会工作服务中心: u("三江街道", "sw_agency", 0, 0, 0, true, [
    ["QJ-AGENCY-STAFF", "not_applicable", 0, "1/3", 0],
    ["QJ-AGENCY-POSTS", "unknown", null, "7/10", null],
  ]),
  东溪镇人民政府: u("东溪镇", "town", 5, 2, 2, true, [["QJ-CERT-SOCIAL-SERVICE", "pass", 2, "1/3", 0]]),
  东溪社区: u("东溪镇", "urban_community", 4, 3, 3, true, [
    ["QJ-COMMUNITY-CERT", "pass", 3, 2, 0],
    ["QJ-COMMUNITY-OFFICE", "pass", true, true, null],
  ]),
  福林村: u("东溪镇", "village", 2, 1, 1, false, [
    ["QJ-VILLAGE-CERT", "pass", 1, 1, 0],
    ["QJ-COMMUNITY-OFFICE", "fail", false, true, null],
  ]),
};

const QIJIANG_EXAM = {
  古南街道办事处: ["周建国", "吴丽", "何鹏", "邓敏"],
  滨河社区: ["张敏", "刘洋"],
  文龙街道办事处: ["钱慧", "冯涛", "蒋燕", "许亮"],
  九龙社区: ["曹磊", "彭丹", "潘婷"],
  通惠社区: ["石磊"],
  綦江区民政局: ["邹杰", "宋雪", "卢斌", "魏琳", "吕红", "程浩"],
  綦江区发展和改革委员会: ["汪强", "金鑫", "段洪", "雷雨"],
  三江街道办事处: ["蔡勇", "邵琴", "莫凡"],
  红岩村: ["黎明", "熊英", "白露"],
  东溪镇人民政府: ["侯佳", "孔亮", "毛丽"],
  东溪社区: ["史亮"],
  福林村: ["易芳"],
};

/** exam candidates grouped by unit, names sorted, so the comparison does not depend on id order */
function byUnit(list: { name: string; unit: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of list) {
    const names = out[c.unit] ?? [];
    names.push(c.name);
    out[c.unit] = names;
  }
  for (const k of Object.keys(out)) out[k]!.sort();
  return out;
}

function sortedValues(m: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, [...v].sort()]));
}

/** SPEC.md: lists are sorted by town, then unit (code-point order, as every list of the tool) */
/** Sorted by town, then unit; units with no town (district or city level) after every town (SPEC.md). */
function expectSortedByTownUnit(units: { town: string | null; unit: string }[]) {
  const keys = units.map((x) => [x.town ?? "\u{10FFFF}", x.unit] as const);
  const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  expect(keys).toEqual(sorted);
  const firstNull = units.findIndex((x) => x.town === null);
  if (firstNull >= 0) expect(units.slice(firstNull).every((x) => x.town === null)).toBe(true);
}

describe("audit, qijiang-2020 (the default) at 2021-12-31", () => {
  it("every unit of the units file is audited, the one with nobody in the roster included", async () => {
    const out = await auditJson();
    expect(out.command).toBe("audit");
    expect(out.policy).toEqual({ id: "qijiang-2020", document: "綦江民发〔2020〕60号" });
    expect(out.as_of).toBe("2021-12-31");
    expect(out.input).toEqual({ rows: 78, accepted: 78, rejected: 0 });
    expect(out.files.map((f: any) => [f.file, f.rows, f.accepted, f.rejected])).toEqual([
      [ROSTER, 78, 78, 0],
      [UNITS, 17, 17, 0],
    ]);
    expect(out.rejected).toEqual([]);
    expect(out.units.map((x: any) => x.unit).sort()).toEqual(Object.keys(QIJIANG).sort());
    expectSortedByTownUnit(out.units);
  });

  it("per unit: headcount in service, certified, professionals and each rule's verdict", async () => {
    expect(unitsOf(await auditJson())).toEqual(QIJIANG);
  });

  it("2 certified of 6 meet 1/3 exactly in 古南街道办事处; counting the leaver 唐文 would make it 2 of 7, a fail (QJ-CERT-SOCIAL-SERVICE)", async () => {
    const g = unitsOf(await auditJson()).古南街道办事处!;
    expect([g.headcount, g.certified, g.checks[0]![1]]).toEqual([6, 2, "pass"]);
  });

  it("a start on the as-of date is in service, a start after it is not (九龙社区: 潘婷 counted, 袁博 not, so 1 certified fails QJ-COMMUNITY-CERT)", async () => {
    const j = unitsOf(await auditJson()).九龙社区!;
    expect([j.headcount, j.certified]).toEqual([4, 1]);
    expect(j.checks[0]).toEqual(["QJ-COMMUNITY-CERT", "fail", 1, 2, 1]);
  });

  it("a leaving date on the as-of date is still in service (通惠社区: 严莉), the day before is not (滨河社区: 赵刚)", async () => {
    const all = unitsOf(await auditJson());
    expect(all.通惠社区!.certified).toBe(3);
    expect(all.滨河社区!.certified).toBe(2);
  });

  it("1 of 5 meets 1/5 exactly (QJ-CERT-OTHER), 14 of 20 posts meet 7/10 exactly (QJ-INST-SW-POSTS)", async () => {
    const all = unitsOf(await auditJson());
    expect(all.綦江区发展和改革委员会!.checks).toEqual([["QJ-CERT-OTHER", "pass", 1, "1/5", 0]]);
    expect(all.綦江区社会福利院!.checks[1]).toEqual(["QJ-INST-SW-POSTS", "pass", 14, "7/10", 0]);
  });

  it("agency staff: 2 of 6 full-time meet 1/3; 社会工作员, 大专 and the part-timer do not count (QJ-AGENCY-STAFF)", async () => {
    const a = unitsOf(await auditJson()).綦江区同心社会工作服务中心!;
    expect(a.checks[0]).toEqual(["QJ-AGENCY-STAFF", "pass", 2, "1/3", 0]);
  });

  it("the grade breakdown counts the 73 people in service by grade, 社会工作员 included", async () => {
    expect((await auditJson()).grades).toEqual({ senior: 2, intermediate: 6, assistant: 12, staff: 8, none: 45 });
  });

  it("region targets: 28 certified of 1000 and 2 agencies of 5, due on the as-of date itself, so not overdue", async () => {
    expect((await auditJson()).targets).toEqual([
      { rule: "QJ-TARGET-CERTIFIED", value: 28, required: 1000, due: "2021-12-31", overdue: false, status: "fail" },
      { rule: "QJ-TARGET-AGENCIES", value: 2, required: 5, due: "2021-12-31", overdue: false, status: "fail" },
    ]);
  });

  it("the day after the due date the targets are overdue", async () => {
    const r = await swtalent(["audit", ROSTER, "--units", UNITS, "--as-of", "2022-01-01", "--format", "json"]);
    expect(json(r).targets.map((t: any) => [t.rule, t.overdue])).toEqual([
      ["QJ-TARGET-CERTIFIED", true],
      ["QJ-TARGET-AGENCIES", true],
    ]);
  });

  it("exam candidates: the 35 uncertified people in service in communities, villages, town offices and organs (QJ-EXAM)", async () => {
    const out = await auditJson("--no-mask");
    expect(out.exam_candidates).toHaveLength(35);
    expect(byUnit(out.exam_candidates)).toEqual(sortedValues(QIJIANG_EXAM));
    expect(out.person_checks).toEqual([]);
  });

  it("exam candidates are sorted by town, unit and id, with resident IDs masked unless --no-mask", async () => {
    const full = await auditJson("--no-mask");
    const order = new Map(full.units.map((x: any, i: number) => [x.unit, i]));
    const keys = full.exam_candidates.map((c: any) => [order.get(c.unit), c.id]);
    expect(keys).toEqual([...keys].sort((a: any, b: any) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
    const out = await auditJson();
    expect(out.exam_candidates.map((c: any) => c.name)).toEqual(full.exam_candidates.map((c: any) => c.name));
    expect(out.exam_candidates.every((c: any) => /^\d{6}\*{8}\d{3}[\dX]$/.test(c.id))).toBe(true);
    const shi = out.exam_candidates.find((c: any) => c.name === "史亮");
    expect(shi.id).toBe("500222********265X"); // written with a lower-case x in the roster
  });

  it("exit codes: 0 with findings, 1 with --check", async () => {
    expect((await swtalent(["audit", ROSTER, "--units", UNITS, ...AS_OF, "--format", "json"])).code).toBe(0);
    expect((await swtalent(["audit", ROSTER, "--units", UNITS, ...AS_OF, "--format", "json", "--check"])).code).toBe(1);
  });
});

describe("audit, ningbo-2018 at 2021-12-31 (社会工作员 is not certified; 大专 is a professional)", () => {
  const NINGBO_CHECKED: Record<string, UnitFigures> = {
    滨河社区: u("古南街道", "urban_community", 4, 2, 3, true, [["NB-COMMUNITY-PRO", "pass", 3, 3, 0]]),
    九龙社区: u("文龙街道", "urban_community", 4, 1, 1, false, [["NB-COMMUNITY-PRO", "fail", 1, 3, 2]]),
    通惠社区: u("文龙街道", "urban_community", 4, 2, 2, false, [["NB-COMMUNITY-PRO", "fail", 2, 3, 1]]),
    东溪社区: u("东溪镇", "urban_community", 4, 2, 2, false, [["NB-COMMUNITY-PRO", "fail", 2, 3, 1]]),
    红岩村: u("三江街道", "village", 3, 0, 1, true, [["NB-VILLAGE-PRO", "pass", 1, 1, 0]]),
    福林村: u("东溪镇", "village", 2, 0, 0, false, [["NB-VILLAGE-PRO", "fail", 0, 1, 1]]),
    綦江区社会福利院: u(null, "institution", 7, 3, 4, true, [["NB-INST-SW-POSTS", "pass", 14, "1/2", 0]]),
    綦江区同心社会工作服务中心: u(null, "sw_agency", 7, 2, 4, true, [], ["NB-PURCHASE-PRIORITY"]),
    綦江区阳光社会工作服务中心: u("三江街道", "sw_agency", 0, 0, 0, true, []),
    古南街道办事处: u("古南街道", "town", 6, 1, 2, true, []),
    綦江中学: u("古南街道", "school", 2, 1, 2, true, []),
  };

  it("community, village and post rules, and the purchase-priority flag", async () => {
    const out = await auditJson("--policy", "ningbo-2018");
    expect(out.policy.id).toBe("ningbo-2018");
    const all = unitsOf(out);
    for (const [name, want] of Object.entries(NINGBO_CHECKED)) expect(all[name], name).toEqual(want);
    const inst = out.units.find((x: any) => x.unit === "綦江区社会福利院");
    expect(inst.checks[0].due).toBe("2020-12-31");
    expect(
      out.units
        .filter((x: any) => !x.compliant)
        .map((x: any) => x.unit)
        .sort(),
    ).toEqual(["九龙社区", "通惠社区", "东溪社区", "福林村"].sort());
  });

  it("post tier against certificate grade, one check per person with a tier in service (NB-POST-CERT)", async () => {
    const out = await auditJson("--policy", "ningbo-2018");
    expect(out.person_checks.map((c: any) => [c.name, c.unit, c.rule, c.status]).sort()).toEqual(
      [
        ["陶红", "綦江区社会福利院", "NB-POST-CERT", "pass"],
        ["姜波", "綦江区社会福利院", "NB-POST-CERT", "fail"],
        ["范琳", "綦江区社会福利院", "NB-POST-CERT", "pass"],
        ["方勇", "綦江区社会福利院", "NB-POST-CERT", "fail"],
      ].sort(),
    );
  });

  it("targets due 2020-12-31 are overdue at 2021-12-31", async () => {
    expect((await auditJson("--policy", "ningbo-2018")).targets).toEqual([
      { rule: "NB-TARGET-PEOPLE", value: 73, required: 30000, due: "2020-12-31", overdue: true, status: "fail" },
      { rule: "NB-TARGET-PROFESSIONALS", value: 30, required: 10000, due: "2020-12-31", overdue: true, status: "fail" },
      { rule: "NB-TARGET-SENIOR", value: 8, required: 2000, due: "2020-12-31", overdue: true, status: "fail" },
      { rule: "NB-TARGET-AGENCIES", value: 2, required: 200, due: "2020-12-31", overdue: true, status: "fail" },
    ]);
  });

  it("exam list: not nationally certified and aged 40 or under (邹杰, born 1981-01-01, is 40; 吕红, 41 on the as-of date, is not)", async () => {
    const out = await auditJson("--policy", "ningbo-2018");
    expect(out.exam_candidates).toHaveLength(24);
    expect(byUnit(out.exam_candidates)).toEqual(
      sortedValues({
        红岩村: ["白露"],
        东溪社区: ["温馨", "史亮"],
        福林村: ["易芳"],
        滨河社区: ["张敏", "刘洋"],
        九龙社区: ["彭丹", "潘婷"],
        通惠社区: ["董娟"],
        綦江区民政局: ["邹杰", "宋雪", "魏琳", "程浩"],
        綦江区发展和改革委员会: ["金鑫", "段洪", "雷雨"],
        綦江区社会福利院: ["方勇", "任静", "夏雨"],
        綦江区同心社会工作服务中心: ["林娜", "罗兰", "梁晨", "宋佳", "谭亮"],
      }),
    );
  });

  it("grades do not depend on the profile", async () => {
    expect((await auditJson("--policy", "ningbo-2018")).grades).toEqual({ senior: 2, intermediate: 6, assistant: 12, staff: 8, none: 45 });
  });

  it("--check exits 1 (failing units, a failed person check, targets not met)", async () => {
    expect((await swtalent(["audit", ROSTER, "--units", UNITS, ...AS_OF, "--policy", "ningbo-2018", "--format", "json", "--check"])).code).toBe(1);
  });
});

describe("audit, chongqing-2018 at 2021-12-31", () => {
  it("community and village professionals, and 2 full-time professionals where there is an office", async () => {
    const out = await auditJson("--policy", "chongqing-2018");
    const all = unitsOf(out);
    const checked = Object.fromEntries(Object.entries(all).filter(([, x]) => x.checks.length > 0));
    expect(checked).toEqual({
      滨河社区: u("古南街道", "urban_community", 4, 2, 3, true, [
        ["CQ-COMMUNITY-PRO", "pass", 3, 2, 0],
        ["CQ-OFFICE-STAFF", "pass", 3, 2, 0],
      ]),
      九龙社区: u("文龙街道", "urban_community", 4, 1, 1, false, [
        ["CQ-COMMUNITY-PRO", "fail", 1, 2, 1],
        ["CQ-OFFICE-STAFF", "fail", 1, 2, 1],
      ]),
      // no office: CQ-OFFICE-STAFF does not apply
      通惠社区: u("文龙街道", "urban_community", 4, 3, 3, true, [["CQ-COMMUNITY-PRO", "pass", 3, 2, 0]]),
      // 温馨 (社会工作员) is part-time: 3 professionals, 2 of them full-time
      东溪社区: u("东溪镇", "urban_community", 4, 3, 3, true, [
        ["CQ-COMMUNITY-PRO", "pass", 3, 2, 0],
        ["CQ-OFFICE-STAFF", "pass", 2, 2, 0],
      ]),
      红岩村: u("三江街道", "village", 3, 0, 1, false, [
        ["CQ-VILLAGE-PRO", "pass", 1, 1, 0],
        ["CQ-OFFICE-STAFF", "fail", 1, 2, 1],
      ]),
      福林村: u("东溪镇", "village", 2, 1, 1, true, [["CQ-VILLAGE-PRO", "pass", 1, 1, 0]]),
    });
    expect(Object.values(all).filter((x) => !x.compliant)).toHaveLength(2);
  });

  it("the long-term target is overdue; the profile has no exam list", async () => {
    const out = await auditJson("--policy", "chongqing-2018");
    expect(out.targets).toEqual([{ rule: "CQ-TARGET-PEOPLE", value: 73, required: 133000, due: "2020-12-31", overdue: true, status: "fail" }]);
    expect(out.exam_candidates).toEqual([]);
    expect(out.grades).toEqual({ senior: 2, intermediate: 6, assistant: 12, staff: 8, none: 45 });
  });
});

describe("audit, yunnan-2021 at 2021-12-31", () => {
  it("town stations, post ratios and the post level of each person with one (YN-POST-LEVEL)", async () => {
    const out = await auditJson("--policy", "yunnan-2021");
    const checked = Object.fromEntries(
      out.units
        .filter((x: any) => x.checks.length > 0)
        .map((x: any) => [x.unit, x.checks.map((c: any) => [c.rule, c.status, c.value, c.required, c.shortfall])]),
    );
    expect(checked).toEqual({
      三江街道办事处: [["YN-TOWN-STATION", "fail", false, true, null]],
      綦江区阳光社会工作服务中心: [["YN-AGENCY-POSTS", "unknown", null, "7/10", null]],
      东溪镇人民政府: [["YN-TOWN-STATION", "pass", true, true, null]],
      古南街道办事处: [["YN-TOWN-STATION", "pass", true, true, null]],
      文龙街道办事处: [["YN-TOWN-STATION", "pass", true, true, null]],
      綦江区同心社会工作服务中心: [["YN-AGENCY-POSTS", "fail", 6, "7/10", 1]],
      綦江区社会福利院: [["YN-INST-SW-POSTS", "pass", 14, "7/10", 0]],
    });
    // 陶红 社会工作师 at level 9 (8–10), 范琳 助理 at 12 (11–12); 姜波 助理 at 10 and 方勇 (no certificate) at 11 do not match
    expect(out.person_checks.map((c: any) => [c.name, c.rule, c.status]).sort()).toEqual(
      [
        ["陶红", "YN-POST-LEVEL", "pass"],
        ["姜波", "YN-POST-LEVEL", "fail"],
        ["范琳", "YN-POST-LEVEL", "pass"],
        ["方勇", "YN-POST-LEVEL", "fail"],
      ].sort(),
    );
  });
});

describe("audit, liaoning-2013 at 2021-12-31 (region targets only)", () => {
  it("every unit audited with no checks and compliant; no person checks and no exam list", async () => {
    const out = await auditJson("--policy", "liaoning-2013");
    expect(out.policy.id).toBe("liaoning-2013");
    expect(out.units).toHaveLength(17);
    expect(out.units.every((x: any) => x.compliant && x.checks.length === 0 && x.flags.length === 0)).toBe(true);
    expect(out.person_checks).toEqual([]);
    expect(out.exam_candidates).toEqual([]);
  });

  it("both pairs of targets are overdue and fail: 73 people in service, 30 professionals (大专 or above)", async () => {
    expect((await auditJson("--policy", "liaoning-2013")).targets).toEqual([
      { rule: "LN-TARGET-PEOPLE-2015", value: 73, required: 140000, due: "2015-12-31", overdue: true, status: "fail" },
      { rule: "LN-TARGET-PROFESSIONALS-2015", value: 30, required: 50000, due: "2015-12-31", overdue: true, status: "fail" },
      { rule: "LN-TARGET-PEOPLE-2020", value: 73, required: 260000, due: "2020-12-31", overdue: true, status: "fail" },
      { rule: "LN-TARGET-PROFESSIONALS-2020", value: 30, required: 100000, due: "2020-12-31", overdue: true, status: "fail" },
    ]);
  });

  it("--check exits 1 on the targets not met alone", async () => {
    expect((await swtalent(["audit", ROSTER, "--units", UNITS, ...AS_OF, "--policy", "liaoning-2013", "--format", "json", "--check"])).code).toBe(1);
  });
});

/**
 * The report under each profile, as reviewed line by line against the hand-worked figures of
 * fixtures/README.md (units, checks, shortfalls, person checks, targets, exam lists).
 */
describe("audit reports under every profile are the reviewed golden files", () => {
  const cases: [policy: string, lang: string, format: string, golden: string][] = [
    ["qijiang-2020", "zh", "md", "audit-qijiang.md"],
    ["qijiang-2020", "en", "json", "audit-qijiang.en.json"],
    ["ningbo-2018", "en", "md", "audit-ningbo-2018.en.md"],
    ["yunnan-2021", "zh", "md", "audit-yunnan-2021.zh.md"],
    ["liaoning-2013", "en", "md", "audit-liaoning-2013.en.md"],
    ["chongqing-2018", "zh", "md", "audit-chongqing-2018.zh.md"],
  ];
  it.each(cases)("%s, --lang %s, --format %s: tests/golden/%s", async (policy, lang, format, file) => {
    const r = await swtalent(["audit", ROSTER, "--units", UNITS, ...AS_OF, "--policy", policy, "--format", format, "--lang", lang]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(golden(file));
  });
});

describe("--check and region targets", () => {
  // one urban community meeting both of its rules: 2 certified, an office
  const roster = [
    "身份证号,姓名,单位,单位类型,街镇,社会工作室,证书等级,取证日期",
    "G1,王芳,滨河社区,社区,古南街道,是,社会工作师,2019-01-01",
    "G2,李强,滨河社区,社区,古南街道,是,助理社会工作师,2019-01-01",
  ].join("\n");

  async function run(extra: string[], policyYaml?: string) {
    const dir = mkdtempSync(join(tmpdir(), "swtalent-check-"));
    writeFileSync(join(dir, "roster.csv"), roster);
    const args = ["audit", "roster.csv", "--as-of", "2021-06-30", "--format", "json", "--check", ...extra];
    if (policyYaml !== undefined) {
      writeFileSync(join(dir, "p.yaml"), policyYaml);
      args.push("--policy", "p.yaml");
    }
    return swtalent(args, { cwd: dir });
  }

  it("every unit compliant, but the targets (due 2021-12-31) not met yet: exit 1, as a target not met is non-compliant", async () => {
    const r = await run([]);
    const out = json(r);
    expect(out.units.map((x: any) => x.compliant)).toEqual([true]);
    expect(out.targets.map((t: any) => [t.rule, t.status, t.overdue])).toEqual([
      ["QJ-TARGET-CERTIFIED", "fail", false],
      ["QJ-TARGET-AGENCIES", "fail", false],
    ]);
    expect(r.code).toBe(1);
  });

  it("the same with targets the district meets: exit 0", async () => {
    const r = await run([], "extends: qijiang-2020\ntargets:\n  QJ-TARGET-CERTIFIED: { min: 2 }\n  QJ-TARGET-AGENCIES: { min: 0 }\n");
    expect(json(r).targets.map((t: any) => t.status)).toEqual(["pass", "pass"]);
    expect(r.code, r.stderr).toBe(0);
  });
});
