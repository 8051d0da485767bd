/**
 * Units at district or city level belong to no town (SPEC.md "Units"): read, audited, paid and
 * trained like any other, `"town": null` in JSON, grouped under 区（市）直属 after the towns.
 * tests/fixtures/district-level holds the same 16 people and 6 units twice: as a roster that
 * carries the unit attributes (roster.csv), and as a units file beside a roster of people only
 * (units.csv, people.csv). Worked by hand in tests/fixtures/district-level/README.md.
 */
import { describe, expect, it } from "vitest";
import { json, swtalent } from "../helpers/cli.js";

const DIR = "tests/fixtures/district-level";
const SHAPES: [name: string, inputs: string[]][] = [
  ["a roster with unit columns", [`${DIR}/roster.csv`]],
  ["a units file beside the roster", [`${DIR}/people.csv`, "--units", `${DIR}/units.csv`]],
];
const PROFILES = ["qijiang-2020", "ningbo-2018", "yunnan-2021", "liaoning-2013", "chongqing-2018"];
const AS_OF = ["--as-of", "2021-12-31"];
const UNIT_TOWNS = [
  ["滨河社区", "古南街道"],
  // a street office with no town cell is its own town
  ["古南街道办事处", "古南街道办事处"],
  ["区民政局", null],
  ["区社会福利院", null],
  ["区阳光社会工作服务中心", null],
  ["城南社区", null],
];

describe.each(SHAPES)("district-level units in %s", (_shape, inputs) => {
  it.each(PROFILES)("audit under %s: every row accepted, every unit audited, town null after the towns", async (policy) => {
    const r = await swtalent(["audit", ...inputs, ...AS_OF, "--policy", policy, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = json(r);
    expect(out.rejected).toEqual([]);
    expect(out.input).toEqual({ rows: 16, accepted: 16, rejected: 0 });
    expect(out.units.map((u: any) => [u.unit, u.town])).toEqual(UNIT_TOWNS);
    expect(out.units.reduce((n: number, u: any) => n + u.headcount, 0)).toBe(16);
    const grades = out.grades as Record<string, number>;
    expect(Object.values(grades).reduce((a, b) => a + b, 0)).toBe(16);
  });

  it("audit under qijiang-2020: the district-level units' verdicts, worked by hand", async () => {
    const out = json(await swtalent(["audit", ...inputs, ...AS_OF, "--format", "json"]));
    const figures = Object.fromEntries(
      out.units.map((u: any) => [
        u.unit,
        [u.headcount, u.certified, u.sw_professional, u.compliant, u.checks.map((c: any) => [c.rule, c.status, c.value, c.required, c.shortfall])],
      ]),
    );
    expect(figures).toEqual({
      滨河社区: [
        2,
        2,
        2,
        true,
        [
          ["QJ-COMMUNITY-CERT", "pass", 2, 2, 0],
          ["QJ-COMMUNITY-OFFICE", "pass", true, true, null],
        ],
      ],
      古南街道办事处: [2, 1, 1, true, [["QJ-CERT-SOCIAL-SERVICE", "pass", 1, "1/3", 0]]],
      区民政局: [3, 2, 2, true, [["QJ-CERT-SOCIAL-SERVICE", "pass", 2, "1/3", 0]]],
      区社会福利院: [
        4,
        1,
        1,
        false,
        [
          ["QJ-CERT-SOCIAL-SERVICE", "fail", 1, "1/3", 1],
          ["QJ-INST-SW-POSTS", "pass", 7, "7/10", 0],
        ],
      ],
      区阳光社会工作服务中心: [
        3,
        1,
        2,
        true,
        [
          ["QJ-AGENCY-STAFF", "pass", 2, "1/3", 0],
          ["QJ-AGENCY-POSTS", "pass", 8, "7/10", 0],
        ],
      ],
      城南社区: [
        2,
        2,
        2,
        true,
        [
          ["QJ-COMMUNITY-CERT", "pass", 2, 2, 0],
          ["QJ-COMMUNITY-OFFICE", "pass", true, true, null],
        ],
      ],
    });
    expect(out.grades).toEqual({ senior: 1, intermediate: 3, assistant: 4, staff: 1, none: 7 });
    expect(out.targets.map((t: any) => [t.rule, t.value])).toEqual([
      ["QJ-TARGET-CERTIFIED", 9],
      ["QJ-TARGET-AGENCIES", 1],
    ]);
  });

  it("audit tables group the district-level units under 区（市）直属 after the towns", async () => {
    // every unit is listed town by town with --all
    const zh = (await swtalent(["audit", ...inputs, ...AS_OF, "--format", "md", "--lang", "zh", "--all"])).stdout;
    const titles = [...zh.matchAll(/^## (街镇：.*)$/gm)].map((m) => m[1]);
    expect(titles).toEqual(["街镇：古南街道", "街镇：古南街道办事处", "街镇：区（市）直属"]);
    const en = (await swtalent(["audit", ...inputs, ...AS_OF, "--format", "md", "--lang", "en", "--all"])).stdout;
    expect(en).toContain("## town: district/city level");
  });

  it("allowance June–July 2021: the district-level community is paid, and the groups add up to the total", async () => {
    const r = await swtalent(["allowance", ...inputs, "--from", "2021-06", "--to", "2021-07", "--format", "json", "--no-mask"]);
    expect(r.code, r.stderr).toBe(0);
    const out = json(r);
    expect(out.payees.map((p: any) => [p.name, p.town, p.month, p.amount])).toEqual([
      ["马超", "古南街道", "2021-06", 100],
      ["马超", "古南街道", "2021-07", 100],
      ["朱琳", "古南街道", "2021-06", 50],
      ["朱琳", "古南街道", "2021-07", 50],
      ["胡军", null, "2021-06", 200],
      ["胡军", null, "2021-07", 200],
      // certificate dated 2021-06-01: paid from July (QJ-ALLOWANCE, 次月起)
      ["郭敏", null, "2021-07", 50],
    ]);
    expect(out.by_town).toEqual([
      { town: "古南街道", payees: 2, total: 300 },
      { town: null, payees: 2, total: 450 },
    ]);
    expect(out.total).toBe(750);
    expect(out.by_town.reduce((n: number, t: any) => n + t.total, 0)).toBe(out.total);
    // the bureau, the institution, the agency and the street office are not community units
    const reasons = out.not_paid.filter((n: any) => n.month === "2021-06").map((n: any) => [n.name, n.reason]);
    expect(reasons).toEqual([
      ["徐明", "unit"],
      ["孙红", "unit"],
      ["王磊", "unit"],
      ["张伟", "unit"],
      ["李娜", "unit"],
      ["赵强", "unit"],
      ["陈刚", "unit"],
      ["刘芳", "unit"],
      ["杨丽", "unit"],
      ["黄敏", "unit"],
      ["周杰", "unit"],
      ["吴静", "unit"],
      ["郭敏", "grade"],
    ]);
  });

  it("the payroll's per-town totals name the group 区（市）直属; the CSV, data with codes, leaves the town empty", async () => {
    const md = (await swtalent(["allowance", ...inputs, "--month", "2021-07", "--format", "md", "--lang", "zh"])).stdout;
    expect(md).toContain("## 街镇：区（市）直属");
    expect(md).toMatch(/\| 古南街道 \| 2 \| 150 \|\n\| 区（市）直属 \| 2 \| 250 \|\n\| 总计 \| 4 \| 400 \|/);
    const csv = (await swtalent(["allowance", ...inputs, "--month", "2021-07", "--format", "csv", "--lang", "en", "--no-bom"])).stdout;
    expect(csv.split("\n").filter((l) => l.includes("胡军"))).toEqual([expect.stringContaining(",城南社区,,senior,2021-07,200")]);
  });

  it("training at 2021-12-31 counts the district-level people, town null", async () => {
    const r = await swtalent(["training", ...inputs.slice(0, 1), `${DIR}/training.csv`, ...inputs.slice(1), ...AS_OF, "--format", "json", "--no-mask"]);
    expect(r.code, r.stderr).toBe(0);
    const out = json(r);
    expect(out.people.map((p: any) => [p.name, p.town, p.required_days, p.days, p.status, p.deadline])).toEqual([
      // people by town, unit, then id (the birth date leads a resident ID)
      ["马超", "古南街道", 15, 10, "in_progress", "2022-01-01"],
      ["朱琳", "古南街道", 12, 0, "in_progress", "2023-01-01"],
      ["徐明", "古南街道办事处", 12, 0, "in_progress", "2022-06-01"],
      ["孙红", "古南街道办事处", null, 0, "not_applicable", null],
      ["王磊", null, 12, 0, "noncompliant", null],
      ["张伟", null, 15, 15, "compliant", "2022-01-01"],
      ["李娜", null, null, 0, "not_applicable", null],
      ["赵强", null, null, 0, "not_applicable", null],
      ["陈刚", null, null, 0, "not_applicable", null],
      ["刘芳", null, 12, 5, "in_progress", "2023-01-01"],
      ["杨丽", null, null, 0, "not_applicable", null],
      ["黄敏", null, 15, 0, "in_progress", "2023-06-01"],
      ["周杰", null, null, 0, "not_applicable", null],
      ["吴静", null, null, 0, "not_applicable", null],
      ["胡军", null, 15, 0, "noncompliant", null],
      ["郭敏", null, 12, 0, "in_progress", "2024-06-01"],
    ]);
    expect(out.units.map((u: any) => [u.unit, u.town, u.judged, u.compliant])).toEqual([
      ["滨河社区", "古南街道", 0, 0],
      ["古南街道办事处", "古南街道办事处", 0, 0],
      ["区民政局", null, 1, 0],
      ["区社会福利院", null, 0, 0],
      ["区阳光社会工作服务中心", null, 0, 0],
      ["城南社区", null, 1, 0],
    ]);
  });

  it("validate accepts every row", async () => {
    const r = await swtalent(["validate", ...inputs, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).files.every((f: any) => f.rejected === 0 && f.accepted === f.rows)).toBe(true);
  });
});
