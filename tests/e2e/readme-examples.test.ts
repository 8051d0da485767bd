/**
 * Every `swtalent ...` line of the README's "Usage by example" runs on the example district
 * as written (in a scratch copy, so its --out files land there), and gives the figures worked
 * by hand in fixtures/README.md: the counts, verdicts, amounts and totals a clerk would read.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { ROOT, type Run, json, swtalent } from "../helpers/cli.js";
import { readWorkbook, values } from "../helpers/read-workbook.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const block = readme.slice(readme.indexOf("## Usage by example")).split("```sh")[1]!.split("```")[0]!;
const examples = block
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l.startsWith("swtalent "))
  .map((l) => l.slice("swtalent ".length).split(/\s+/));

const dir = mkdtempSync(join(tmpdir(), "swtalent-readme-"));
cpSync(join(ROOT, "fixtures"), join(dir, "fixtures"), { recursive: true });
// --as-of and --month last/current depend on the day: fixed here on the day fixtures/README.md
// works its figures for, after every certificate of the district
const env = { SWTALENT_TODAY: "2021-12-31" };

/** CSV output as rows of named cells (the BOM left out). */
const rows = (csv: string): Record<string, string>[] => parse(csv, { bom: true, columns: true });
const file = (name: string) => readFileSync(join(dir, name), "utf8");

/** The units compliant at 2021-12-31 under qijiang-2020 (fixtures/README.md: 8 of 17). */
const QIJIANG_COMPLIANT = [
  "古南街道办事处",
  "滨河社区",
  "綦江区人民医院",
  "綦江区发展和改革委员会",
  "綦江区社会福利院",
  "綦江区阳光社会工作服务中心",
  "东溪镇人民政府",
  "东溪社区",
];
/** June 2021 under QJ-ALLOWANCE: 500 yuan to 4 payees; 李强 and 傅琳 are `grade` until July. */
const JUNE = [
  ["尹涛", "2021-06", "200"],
  ["赵刚", "2021-06", "100"],
  ["王芳", "2021-06", "100"],
  ["韩静", "2021-06", "100"],
];
const paid = (r: Run) => rows(r.stdout).map((p) => [p.name, p.month, p.amount]);
const total = (r: Run) => rows(r.stdout).reduce((sum, p) => sum + Number(p.amount), 0);

/**
 * What each example shows, checked against fixtures/README.md. `again` runs the same example
 * with more options (e.g. --format json for the counts a CSV does not carry).
 */
const FIGURES: Record<string, (r: Run, again: (...extra: string[]) => Promise<Run>) => Promise<void> | void> = {
  "validate fixtures/人员名册.csv --units fixtures/单位信息.csv --training fixtures/培训记录.csv": async (r, again) => {
    expect(rows(r.stdout)).toEqual([]);
    const out = json(await again("--format", "json"));
    expect(out.files.map((f: any) => [f.file, f.rows, f.accepted, f.rejected])).toEqual([
      ["fixtures/人员名册.csv", 78, 78, 0],
      ["fixtures/单位信息.csv", 17, 17, 0],
      ["fixtures/培训记录.csv", 16, 16, 0],
    ]);
  },
  "audit fixtures/人员名册.csv --units fixtures/单位信息.csv --as-of 2021-12-31": (r) => {
    const units = new Map(rows(r.stdout).map((u) => [u.unit, u]));
    expect(units.size).toBe(17);
    expect(
      [...units.values()]
        .filter((u) => u.compliant === "yes")
        .map((u) => u.unit)
        .sort(),
    ).toEqual([...QIJIANG_COMPLIANT].sort());
    expect(["headcount", "certified", "sw_professional"].map((k) => units.get("綦江区社会福利院")![k])).toEqual(["7", "4", "5"]);
    expect(["headcount", "certified", "sw_professional"].map((k) => units.get("古南街道办事处")![k])).toEqual(["6", "2", "3"]);
  },
  "audit fixtures/人员名册.csv --units fixtures/单位信息.csv --as-of 2021-12-31 --lang zh --out report.html": () => {
    const page = file("report.html");
    expect(page.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(page).toContain('<span class="v">17</span><span class="k">单位数</span>');
    expect(page).toContain(`<span class="v">${QIJIANG_COMPLIANT.length}</span><span class="k">达标单位</span>`);
    for (const unit of QIJIANG_COMPLIANT) expect(page).toContain(`<td>${unit}</td>`);
  },
  "audit fixtures/人员名册.csv --units fixtures/单位信息.csv --format json --out audit.json --check": () => {
    const out = JSON.parse(file("audit.json"));
    expect(out.as_of).toBe("2021-12-31");
    expect(out.units).toHaveLength(17);
    expect(
      out.units
        .filter((u: any) => u.compliant)
        .map((u: any) => u.unit)
        .sort(),
    ).toEqual([...QIJIANG_COMPLIANT].sort());
    expect(out.grades).toEqual({ senior: 2, intermediate: 6, assistant: 12, staff: 8, none: 45 });
    expect(out.targets.map((t: any) => [t.rule, t.value, t.required, t.due, t.overdue, t.status])).toEqual([
      ["QJ-TARGET-CERTIFIED", 28, 1000, "2021-12-31", false, "fail"],
      ["QJ-TARGET-AGENCIES", 2, 5, "2021-12-31", false, "fail"],
    ]);
    expect(out.exam_candidates).toHaveLength(35);
    expect(out.person_checks).toEqual([]);
  },
  "audit fixtures/人员名册.xlsx --units fixtures/单位信息.csv --as-of 2021-12-31": (r) => {
    const compliant = new Set(
      rows(r.stdout)
        .filter((u) => u.compliant === "yes")
        .map((u) => u.unit),
    );
    expect([...compliant].sort()).toEqual([...QIJIANG_COMPLIANT].sort());
    expect(r.stderr).toContain('warning: fixtures/人员名册.xlsx: read sheet "人员名册" (sheet 2 of 2)');
  },
  "validate fixtures/人员名册.xlsx --sheet 人员名册 --units fixtures/单位信息.csv": (r) => {
    expect(rows(r.stdout)).toEqual([]);
    expect(r.stderr).toContain("warning: fixtures/人员名册.xlsx: row 82 (合计) ends the table; 1 row below it not read");
  },
  "audit fixtures/人员名册.csv --units fixtures/单位信息.csv --policy ningbo-2018": (r) => {
    const failing = new Set(
      rows(r.stdout)
        .filter((u) => u.compliant === "no")
        .map((u) => u.unit),
    );
    expect([...failing].sort()).toEqual(["九龙社区", "通惠社区", "东溪社区", "福林村"].sort());
  },
  "allowance fixtures/人员名册.csv --units fixtures/单位信息.csv --month 2021-06": (r) => {
    expect(paid(r)).toEqual(JUNE);
    expect(total(r)).toBe(500);
  },
  "allowance fixtures/人员名册.csv --units fixtures/单位信息.csv --month 2021-06 --format md --lang zh --out 2021-06.md": () => {
    const md = file("2021-06.md");
    for (const [name, , amount] of JUNE) expect(md).toMatch(new RegExp(`\\| ${name} \\| [^\\n]* \\| 2021-06 \\| ${amount} \\|  \\|\n`));
    expect(md).toContain("| 总计 | 4 | 500 |");
  },
  "allowance fixtures/人员名册.csv --units fixtures/单位信息.csv --month 2021-06 --lang zh --out 2021-06.xlsx": async () => {
    const sheets = await readWorkbook(readFileSync(join(dir, "2021-06.xlsx")));
    expect(sheets.map((s) => s.name)).toEqual(["汇总", "东溪镇", "古南街道", "文龙街道", "合计", "未发放人员"]);
    const payees = sheets.slice(1, 4).flatMap((s) => values(s).slice(1, -1));
    expect(payees.map((r) => [r[1], r[4], String(r[5])]).sort()).toEqual([...JUNE].sort());
    expect(values(sheets[4]!).at(-3)).toEqual(["总计", 4, 500]);
  },
  "allowance fixtures/人员名册.csv --units fixtures/单位信息.csv --from 2021-01 --to 2021-06 --paid fixtures/已发津贴.csv": (r) => {
    // June in full and 赵刚's missed April (SPEC: payees in town, unit, id, month order)
    expect(paid(r)).toEqual([
      ["尹涛", "2021-06", "200"],
      ["赵刚", "2021-04", "100"],
      ["赵刚", "2021-06", "100"],
      ["王芳", "2021-06", "100"],
      ["韩静", "2021-06", "100"],
    ]);
    expect(total(r)).toBe(600);
  },
  "allowance fixtures/人员名册.csv --units fixtures/单位信息.csv --month 2021-06 --explain 500222198602113955": (r) => {
    // 李强: certificate on 2021-06-01, so paid from July
    expect(rows(r.stdout).map((c) => [c.month, c.condition, c.outcome, c.amount])).toEqual([
      ["2021-06", "not_in_service", "yes", "0"],
      ["2021-06", "unit", "yes", "0"],
      ["2021-06", "role", "yes", "0"],
      ["2021-06", "grade", "no", "0"],
    ]);
  },
  "allowance fixtures/人员名册.csv --units fixtures/单位信息.csv --month 2021-06 --explain 李强": async (r, again) => {
    // the same 李强 by name: the only person of the district so named
    expect(rows(r.stdout).map((c) => [c.month, c.condition, c.outcome])).toEqual([
      ["2021-06", "not_in_service", "yes"],
      ["2021-06", "unit", "yes"],
      ["2021-06", "role", "yes"],
      ["2021-06", "grade", "no"],
    ]);
    expect(json(await again("--format", "json")).explain.id).toBe("500222********3955");
  },
  "training fixtures/人员名册.csv fixtures/培训记录.csv --units fixtures/单位信息.csv --as-of 2021-12-31 --warn-days 90": (r) => {
    const people = new Map(rows(r.stdout).map((p) => [p.name, p]));
    const worked: [name: string, required: string, days: string, shortfall: string, status: string, deadline?: string][] = [
      ["王芳", "15", "15", "0", "compliant"],
      ["李强", "12", "12", "0", "compliant"],
      ["韩静", "15", "15", "0", "compliant"],
      ["尹涛", "15", "15", "0", "compliant"],
      ["郑伟", "15", "15", "0", "compliant"],
      ["孙玉梅", "15", "15", "0", "compliant"],
      ["陈晓燕", "12", "12", "0", "compliant"],
      ["田亮", "12", "10", "2", "in_progress", "2023-12-31"],
      ["高翔", "15", "12", "3", "in_progress", "2023-06-30"],
      ["江涛", "15", "10", "5", "noncompliant", ""],
      ["谢芳", "12", "6", "6", "noncompliant", ""],
      ["罗志刚", "12", "0", "12", "in_progress", "2022-06-01"],
    ];
    for (const [name, required, days, shortfall, status, deadline] of worked) {
      const p = people.get(name)!;
      expect([p.window_start, p.window_end, p.required_days, p.days, p.shortfall, p.status], name).toEqual([
        "2019-01-01",
        "2021-12-31",
        required,
        days,
        shortfall,
        status,
      ]);
      if (deadline !== undefined) expect(p.deadline, name).toBe(deadline);
    }
  },
  "policy list": (r) => {
    // the first column of the table: the header, then a profile on each line that starts with one
    const ids = r.stdout
      .split("\n")
      .filter((l) => /^(id|[a-z]+-\d{4})\b/.test(l))
      .map((l) => l.split(/ {2,}/)[0]!.trim());
    expect(ids).toEqual(["id", "chongqing-2018", "liaoning-2013", "ningbo-2018", "qijiang-2020 (default)", "yunnan-2021"]);
  },
  "policy show qijiang-2020": async (r, again) => {
    const ids = r.stdout
      .split("\n")
      .filter((l) => l.startsWith("QJ-"))
      .map((l) => l.split(/ {2,}/)[0]!.trim());
    expect(ids).toEqual([
      "QJ-CERT-SOCIAL-SERVICE",
      "QJ-CERT-OTHER",
      "QJ-INST-SW-POSTS",
      "QJ-SCHOOL-HOSPITAL",
      "QJ-COMMUNITY-CERT",
      "QJ-VILLAGE-CERT",
      "QJ-COMMUNITY-OFFICE",
      "QJ-AGENCY-STAFF",
      "QJ-AGENCY-POSTS",
      "QJ-TARGET-CERTIFIED",
      "QJ-TARGET-AGENCIES",
      "QJ-EXAM",
      "QJ-ALLOWANCE",
      "QJ-TRAINING",
    ]);
    // at 100 columns a long cell wraps: read the phrases on a line wide enough to hold them
    const wide = (await again("--width", "400")).stdout;
    expect(wide).toContain("certified in service ≥ 1000");
    expect(wide).toContain("sw_agency units ≥ 5");
    expect(wide).toContain("senior 200, intermediate 100, assistant 50");
  },
  "policy check fixtures/policy-draft.yaml": (r) => {
    expect(r.stdout).toBe("fixtures/policy-draft.yaml: valid policy qijiang-2023-draft (9 rules, 2 targets)\n");
  },
  "allowance fixtures/人员名册.csv --units fixtures/单位信息.csv --month 2021-07 --policy fixtures/policy-draft.yaml": (r) => {
    expect(paid(r)).toEqual([
      ["尹涛", "2021-07", "300"],
      ["傅琳", "2021-07", "80"],
      ["赵刚", "2021-07", "150"],
      ["王芳", "2021-07", "150"],
      ["李强", "2021-07", "80"],
      ["韩静", "2021-07", "150"],
    ]);
    expect(total(r)).toBe(910);
  },
  "template --format xlsx --dir ./workbook --lang zh": (r) => {
    expect(r.stderr).toBe("wrote workbook/填报模板.xlsx\n");
    expect(existsSync(join(dir, "workbook", "填报模板.xlsx"))).toBe(true);
  },
  "template --dir ./templates --lang zh": (r) => {
    expect(r.stderr).toBe("wrote templates/人员名册.csv\nwrote templates/单位信息.csv\nwrote templates/培训记录.csv\n");
    // each field under the first of its header aliases in SPEC.md; the roster carries unit type and town
    const header = (name: string) => file(join("templates", name)).split("\r\n")[0]!.split("\n")[0];
    expect(header("人员名册.csv")).toBe(
      "\uFEFF身份证号,姓名,单位,单位类型,街镇,区县,岗位,证书等级,取证日期,社工专业学历,是否专职,入职日期,离职日期,出生日期,专业技术岗位层级,专业技术岗位等级,社会工作室",
    );
    expect(header("单位信息.csv")).toBe("\uFEFF单位,单位类型,街镇,区县,从事专业社会服务,社会工作室,专业技术岗位数,社会工作专业岗位数,岗位总数");
    expect(header("培训记录.csv")).toBe("\uFEFF身份证号,姓名,培训开始日期,培训结束日期,天数,学时,培训名称,培训机构");
  },
};

describe("the README's examples run on the example district", () => {
  it("there are examples for every command", () => {
    expect(new Set(examples.map((a) => a[0]))).toEqual(new Set(["validate", "audit", "allowance", "training", "policy", "template"]));
  });

  it("every example has its figures checked below, and no figures are left without an example", () => {
    expect(Object.keys(FIGURES).sort()).toEqual(examples.map((a) => a.join(" ")).sort());
  });

  it.each(examples.map((a) => [a.join(" "), a] as const))("swtalent %s", async (line, args) => {
    const r = await swtalent([...args], { cwd: dir, env });
    // 1 only where --check finds something
    expect(r.code, r.stderr).toBe(args.includes("--check") ? 1 : 0);
    expect(r.stderr).not.toMatch(/^swtalent:/m);
    const out = args[args.indexOf("--out") + 1];
    if (args.includes("--out")) expect(existsSync(join(dir, out!))).toBe(true);
    await FIGURES[line]!(r, (...extra) => swtalent([...args, ...extra], { cwd: dir, env }));
  });

  it("the ledger example: June in full and 赵刚's missed April still owed (600), 韩静's March overpaid by 50", async () => {
    const r = await swtalent(
      [
        "allowance",
        "fixtures/人员名册.csv",
        "--units",
        "fixtures/单位信息.csv",
        "--from",
        "2021-01",
        "--to",
        "2021-06",
        "--paid",
        "fixtures/已发津贴.csv",
        "--format",
        "json",
      ],
      { cwd: dir, env },
    );
    const out = json(r);
    expect(out.total).toBe(600);
    expect(out.payees.map((p: any) => [p.name, p.month, p.amount])).toEqual([
      ["尹涛", "2021-06", 200],
      ["赵刚", "2021-04", 100],
      ["赵刚", "2021-06", 100],
      ["王芳", "2021-06", 100],
      ["韩静", "2021-06", 100],
    ]);
    expect(out.overpaid.map((p: any) => [p.name, p.month, p.amount])).toEqual([["韩静", "2021-03", 50]]);
    expect(out.files[2]).toEqual({ file: "fixtures/已发津贴.csv", rows: 14, accepted: 14, rejected: 0 });
  });

  it("the draft policy example: July 2021 at 300 / 150 / 80 yuan is 910", async () => {
    const r = await swtalent(
      [
        "allowance",
        "fixtures/人员名册.csv",
        "--units",
        "fixtures/单位信息.csv",
        "--month",
        "2021-07",
        "--policy",
        "fixtures/policy-draft.yaml",
        "--format",
        "json",
        "--no-mask",
      ],
      { cwd: dir, env },
    );
    const out = json(r);
    expect(out.policy.id).toBe("qijiang-2023-draft");
    expect(out.total).toBe(910);
    expect(out.payees.map((p: any) => [p.name, p.amount]).sort()).toEqual(
      [
        ["尹涛", 300],
        ["赵刚", 150],
        ["王芳", 150],
        ["韩静", 150],
        ["李强", 80],
        ["傅琳", 80],
      ].sort(),
    );
  });
});
