import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { json, swtalent } from "../helpers/cli.js";
import { golden } from "../helpers/golden.js";
import { readWorkbook, values } from "../helpers/read-workbook.js";

const ROSTER = "fixtures/人员名册.csv";
const UNITS = ["--units", "fixtures/单位信息.csv"];
const DRAFT = "fixtures/草案-提高津贴.yaml";
const YEAR = ["--from", "2021-01", "--to", "2021-12"];
/** The README example runs without --as-of: the audit is as of today, any day from 2022-01-04 on (fixtures/README.md). */
const LATER = { env: { SWTALENT_TODAY: "2022-01-04" } };
const EXAMPLE = ["compare", ROSTER, ...UNITS, "--policy", "qijiang-2020", "--with", DRAFT, ...YEAR];

describe("swtalent compare: the draft that raises the allowance (worked by hand in fixtures/README.md)", () => {
  it("units compliant 9 → 7; 滨河社区, 九龙社区 and 通惠社区 change; targets unchanged", async () => {
    const r = await swtalent([...EXAMPLE, "--format", "json", "--quiet"], LATER);
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.command).toBe("compare");
    expect(out.policies).toEqual([
      { id: "qijiang-2020", document: "綦江民发〔2020〕60号" },
      { id: "qijiang-allowance-draft", document: "綦江民发〔2020〕60号" },
    ]);
    expect(out.as_of).toBe("2022-01-04");
    expect(out.audit.compliant).toEqual([9, 7]);
    expect(out.audit.units_changed).toEqual([
      { unit: "滨河社区", town: "古南街道", unit_type: "urban_community", compliant: [true, false], failing: [[], ["QJ-COMMUNITY-CERT"]] },
      { unit: "九龙社区", town: "文龙街道", unit_type: "urban_community", compliant: [true, false], failing: [[], ["QJ-COMMUNITY-CERT"]] },
      {
        unit: "通惠社区",
        town: "文龙街道",
        unit_type: "urban_community",
        compliant: [false, false],
        failing: [["QJ-COMMUNITY-OFFICE"], ["QJ-COMMUNITY-CERT", "QJ-COMMUNITY-OFFICE"]],
      },
    ]);
    expect(out.audit.targets.map((t: any) => [t.rule, t.value, t.status])).toEqual([
      ["QJ-TARGET-CERTIFIED", [28, 28], ["fail", "fail"]],
      ["QJ-TARGET-AGENCIES", [2, 2], ["fail", "fail"]],
    ]);
    expect(out.training).toBeNull();
  });

  it("the allowance: 6100 → 9210 yuan a year, 600 → 910 in December, per town, 55 person-months of 6 people", async () => {
    const a = json(await swtalent([...EXAMPLE, "--format", "json", "--quiet"], LATER)).allowance;
    expect(a.months).toHaveLength(12);
    expect(a.total).toEqual([6100, 9210]);
    expect(a.by_month.map((m: any) => [m.month, ...m.total])).toEqual([
      ...["01", "02", "03", "04", "05"].map((m) => [`2021-${m}`, 400, 600]),
      ["2021-06", 500, 750],
      ...["07", "08", "09", "10", "11", "12"].map((m) => [`2021-${m}`, 600, 910]),
    ]);
    expect(a.by_town).toEqual([
      { town: "东溪镇", total: [2700, 4080] },
      { town: "古南街道", total: [2200, 3330] },
      { town: "文龙街道", total: [1200, 1800] },
    ]);
    expect(a.people_changed).toHaveLength(55);
    const byPerson = new Map<string, { months: number; amount: number[]; because: Set<string> }>();
    for (const c of a.people_changed) {
      const p = byPerson.get(c.name) ?? { months: 0, amount: c.amount, because: new Set() };
      p.months++;
      p.because.add(c.because);
      byPerson.set(c.name, p);
    }
    expect([...byPerson].map(([name, p]) => [name, p.months, p.amount, [...p.because]])).toEqual([
      ["尹涛", 12, [200, 300], ["amount: 200 -> 300"]],
      ["傅琳", 6, [50, 80], ["amount: 50 -> 80"]],
      ["赵刚", 12, [100, 150], ["amount: 100 -> 150"]],
      ["王芳", 7, [100, 150], ["amount: 100 -> 150"]],
      ["李强", 6, [50, 80], ["amount: 50 -> 80"]],
      ["韩静", 12, [100, 150], ["amount: 100 -> 150"]],
    ]);
    expect(a.people_changed[0]).toEqual({
      id: "500222********9374",
      name: "尹涛",
      unit: "东溪社区",
      town: "东溪镇",
      month: "2021-01",
      amount: [200, 300],
      because: "amount: 200 -> 300",
    });
  });

  it("the same figures on any later day: the roster holds no date after 2022-01-04", async () => {
    const later = json(await swtalent([...EXAMPLE, "--format", "json", "--quiet"], { env: { SWTALENT_TODAY: "2026-05-01" } }));
    const first = json(await swtalent([...EXAMPLE, "--format", "json", "--quiet"], LATER));
    expect({ ...later, as_of: "" }).toEqual({ ...first, as_of: "" });
  });

  it("as of 2021-12-31 only 滨河社区 changes, 8 → 7 (九龙社区 fails under both, 通惠社区 has 3 certified)", async () => {
    const out = json(await swtalent([...EXAMPLE, "--as-of", "2021-12-31", "--format", "json", "--quiet"]));
    expect(out.audit.compliant).toEqual([8, 7]);
    expect(out.audit.units_changed.map((u: any) => u.unit)).toEqual(["滨河社区"]);
    expect(out.allowance.total).toEqual([6100, 9210]);
  });

  it("Markdown leads with the totals and is the reviewed golden file", async () => {
    const r = await swtalent([...EXAMPLE, "--format", "md", "--lang", "zh", "--quiet"], LATER);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(golden("compare-draft.zh.md"));
  });

  it("the table leads with units compliant and the monthly and yearly cost A → B", async () => {
    const r = await swtalent([...EXAMPLE, "--format", "table", "--lang", "en", "--quiet"], LATER);
    expect(r.stdout.split("\n").slice(0, 9)).toEqual([
      "Compare: qijiang-2020 → qijiang-allowance-draft",
      "In force (A): qijiang-2020 (綦江民发〔2020〕60号)",
      // a draft is named as the draft it is, never by the document of the profile it extends
      "Replaced by (B): qijiang-allowance-draft (a custom policy that extends qijiang-2020)",
      "As of 2022-01-04",
      "Units compliant: 9 → 7 of 17 (-2); 3 units change verdict or failing rules",
      "Monthly cost (2021-12): 600 → 910 yuan (+310)",
      "Yearly cost (2021-01 to 2021-12): 6100 → 9210 yuan (+3110)",
      "Allowance changes for 6 people (55 person-months)",
      "Training: not compared (give --training FILE)",
    ]);
  });

  it("CSV is the list of changes: 3 units, then 55 person-months", async () => {
    const r = await swtalent([...EXAMPLE, "--format", "csv", "--lang", "en", "--quiet"], LATER);
    const lines = r.stdout
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("part,town,unit,id,name,month,item,A,B,difference,because");
    expect(lines.slice(1, 4)).toEqual([
      "audit,古南街道,滨河社区,,,,compliant,yes,no,,failing: none -> QJ-COMMUNITY-CERT",
      "audit,文龙街道,九龙社区,,,,compliant,yes,no,,failing: none -> QJ-COMMUNITY-CERT",
      'audit,文龙街道,通惠社区,,,,compliant,no,no,,"failing: QJ-COMMUNITY-OFFICE -> QJ-COMMUNITY-CERT, QJ-COMMUNITY-OFFICE"',
    ]);
    expect(lines[4]).toBe("allowance,东溪镇,东溪社区,500222********9374,尹涛,2021-01,amount,200,300,100,amount: 200 -> 300");
    expect(lines).toHaveLength(1 + 3 + 55);
  });

  it("--check exits 1 when anything changes, 0 when a policy is compared with itself", async () => {
    expect((await swtalent([...EXAMPLE, "--check", "--format", "json", "--quiet"], LATER)).code).toBe(1);
    const same = await swtalent(
      ["compare", ROSTER, ...UNITS, "--with", "qijiang-2020", ...YEAR, "--training", "fixtures/培训记录.csv", "--check", "--format", "json", "--quiet"],
      LATER,
    );
    expect(same.code).toBe(0);
    const out = json(same);
    expect(out.audit.units_changed).toEqual([]);
    expect(out.allowance.people_changed).toEqual([]);
    expect(out.allowance.total).toEqual([6100, 6100]);
    expect(out.training.people_changed).toEqual([]);
  });
});

describe("swtalent compare with another profile", () => {
  it("qijiang-2020 → ningbo-2018 at 2021-12-31: the units whose verdict or failing rules change", async () => {
    const r = await swtalent([
      "compare",
      ROSTER,
      ...UNITS,
      "--with",
      "ningbo-2018",
      "--as-of",
      "2021-12-31",
      "--month",
      "2021-12",
      "--format",
      "json",
      "--quiet",
    ]);
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.audit.compliant).toEqual([8, 13]);
    expect(out.audit.units_changed.map((u: any) => [u.unit, u.compliant, u.failing])).toEqual([
      ["三江街道办事处", [false, true], [["QJ-CERT-SOCIAL-SERVICE"], []]],
      ["红岩村", [false, true], [["QJ-VILLAGE-CERT"], []]],
      ["东溪社区", [true, false], [[], ["NB-COMMUNITY-PRO"]]],
      ["福林村", [false, false], [["QJ-COMMUNITY-OFFICE"], ["NB-VILLAGE-PRO"]]],
      ["綦江中学", [false, true], [["QJ-SCHOOL-HOSPITAL"], []]],
      ["九龙社区", [false, false], [["QJ-COMMUNITY-CERT"], ["NB-COMMUNITY-PRO"]]],
      ["文龙街道办事处", [false, true], [["QJ-CERT-SOCIAL-SERVICE"], []]],
      ["通惠社区", [false, false], [["QJ-COMMUNITY-OFFICE"], ["NB-COMMUNITY-PRO"]]],
      ["綦江区同心社会工作服务中心", [false, true], [["QJ-AGENCY-POSTS"], []]],
      ["綦江区民政局", [false, true], [["QJ-CERT-SOCIAL-SERVICE"], []]],
    ]);
    // ningbo-2018 sets no allowance: not comparable, not an error
    expect(out.allowance).toBeNull();
  });

  it("a part one policy lacks is said in words: liaoning-2013 pays no allowance and sets no training days", async () => {
    const r = await swtalent([
      "compare",
      ROSTER,
      ...UNITS,
      "--with",
      "liaoning-2013",
      "--month",
      "2021-06",
      "--training",
      "fixtures/培训记录.csv",
      "--format",
      "md",
      "--lang",
      "en",
      "--quiet",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Allowance: not comparable: liaoning-2013 sets no allowance amounts  \n");
    expect(r.stdout).toContain("## Training\n\nNot comparable: liaoning-2013 sets no training days.");
    const zh = await swtalent(["compare", ROSTER, ...UNITS, "--with", "liaoning-2013", "--month", "2021-06", "--format", "md", "--lang", "zh", "--quiet"]);
    expect(zh.stdout).toContain("津贴：无法比较，liaoning-2013 未规定津贴标准");
    expect(zh.stdout).toContain("培训：未比较（请给出 --training FILE）");
    const j = json(await swtalent(["compare", ROSTER, ...UNITS, "--with", "liaoning-2013", "--month", "2021-06", "--format", "json", "--quiet"]));
    expect([j.allowance, j.training]).toEqual([null, null]);
  });

  it("--check: an allowance that one policy has and the other lacks is a change", async () => {
    const r = await swtalent(["compare", ROSTER, ...UNITS, "--with", "liaoning-2013", "--month", "2021-06", "--check", "--format", "json", "--quiet"]);
    expect(r.code).toBe(1);
  });
});

describe("swtalent compare: training and a ledger", () => {
  it("training under the draft's certificate window (fixtures/policy-draft.yaml): who changes status", async () => {
    const ok = json(
      await swtalent([
        "compare",
        ROSTER,
        ...UNITS,
        "--with",
        "fixtures/policy-draft.yaml",
        "--training",
        "fixtures/培训记录.csv",
        "--as-of",
        "2021-12-31",
        "--format",
        "json",
        "--quiet",
      ]),
    );
    expect(ok.allowance).toBeNull(); // no month asked for
    // certificate cycles: 王芳's from 2021-05-31, 孙玉梅's from 2021-07-01 and 郑伟's from 2019-11-30 leave out
    // records the rolling window (2019-01-01..2021-12-31) counts; 王芳's certificate is under 3 years old
    expect(ok.training.people_changed.map((p: any) => [p.name, p.required_days, p.status])).toEqual([
      ["王芳", [15, 15], ["compliant", "in_progress"]],
      ["孙玉梅", [15, 15], ["compliant", "noncompliant"]],
      ["郑伟", [15, 15], ["compliant", "noncompliant"]],
    ]);
    expect(ok.files.map((f: any) => f.file)).toEqual(["fixtures/人员名册.csv", "fixtures/单位信息.csv", "fixtures/培训记录.csv"]);
  });

  it("with --paid: what would still be owed under each, January to June 2021", async () => {
    const r = await swtalent(
      [...EXAMPLE.slice(0, -4), "--from", "2021-01", "--to", "2021-06", "--paid", "fixtures/已发津贴.csv", "--format", "json", "--quiet"],
      LATER,
    );
    expect(r.code).toBe(0);
    const a = json(r).allowance;
    // A: June in full (500) and 赵刚's April (100), 韩静's March overpaid by 50 (fixtures/README.md).
    // B: 尹涛 5 × 100, 赵刚 4 × 50 + April 150, 韩静 4 × 50 (March's 150 is what is due), June in full 750
    expect(a.total).toEqual([600, 500 + 350 + 200 + 750]);
    expect(a.overpaid).toEqual([50, 0]);
  });

  it("the ledger in words: what is still owed over 6 months, and the overpaid A → B, in both languages", async () => {
    const args = [...EXAMPLE.slice(0, -4), "--from", "2021-01", "--to", "2021-06", "--paid", "fixtures/已发津贴.csv", "--quiet"];
    const en = await swtalent([...args, "--format", "table", "--lang", "en"], LATER);
    expect(en.stdout.split("\n").slice(4, 10)).toEqual([
      "Units compliant: 9 → 7 of 17 (-2); 3 units change verdict or failing rules",
      "Amounts are what is still owed after the ledger of payments already made.",
      "Monthly cost (2021-06): 500 → 750 yuan (+250)",
      "Cost over 6 months (2021-01 to 2021-06): 600 → 1800 yuan (+1200)",
      "Allowance changes for 4 people (18 person-months)",
      "Overpaid (to recover): 50 → 0 yuan (-50)",
    ]);
    const zh = await swtalent([...args, "--format", "md", "--lang", "zh"], LATER);
    expect(zh.stdout).toContain("6 个月合计（2021-01 至 2021-06）：600 → 1800 元（+1200）  \n津贴变化：4 人，18 个人月  \n多发（应追回）：50 → 0 元（-50）");
  });

  it("training in words and in CSV, with the warnings of both windows", async () => {
    const args = [
      "compare",
      "tests/fixtures/training/roster.csv",
      "--with",
      "fixtures/policy-draft.yaml",
      "--training",
      "tests/fixtures/training/training.csv",
    ];
    const more = ["--as-of", "2021-12-31", "--allow-rejects", "--quiet"];
    const zh = await swtalent([...args, ...more, "--format", "md", "--lang", "zh"]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain("培训要求或结果变化：1 人");
    expect(zh.stdout).toContain("| 500222********0010 | 王芳 | 滨河社区 | 15 | 15 → 5 | 达标 → 未达标 |");
    const csv = await swtalent([...args, ...more, "--format", "csv", "--lang", "en", "--no-bom"]);
    expect(csv.stdout.split("\r\n").filter((l) => l.startsWith("training,"))).toEqual([
      "training,古南街道,滨河社区,500222********0010,王芳,,status,compliant,noncompliant,,days: 15 -> 5",
    ]);
    const j = json(await swtalent([...args, "--as-of", "2021-12-31", "--allow-rejects", "--format", "json", "--lang", "en"]));
    expect(j.warnings).toEqual(
      expect.arrayContaining([
        "1 person has a grade but no certificate date: their training is counted over the 3 years ending on the as-of date, not by certificate cycle",
      ]),
    );
    expect(j.warnings.filter((w: string) => w.includes("repeats row"))).toHaveLength(1);
    expect(j.files.map((f: any) => [f.file, f.rejected])).toEqual([
      ["tests/fixtures/training/roster.csv", 0],
      ["tests/fixtures/training/training.csv", 4],
    ]);
  });

  it("only one input can come from stdin", async () => {
    const r = await swtalent(["compare", "-", "--with", DRAFT, "--training", "-"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("swtalent: only one input can be read from stdin (-)\n");
  });

  it("--paid without months, and a B that reads grades with other words, are usage errors", async () => {
    const paid = await swtalent(["compare", ROSTER, ...UNITS, "--with", DRAFT, "--paid", "fixtures/已发津贴.csv"]);
    expect(paid.code).toBe(2);
    expect(paid.stderr).toBe("swtalent: --paid needs the months to compare: --month M, or --from M --to M\n");
    const dir = mkdtempSync(join(tmpdir(), "swtalent-compare-"));
    const words = join(dir, "words.yaml");
    writeFileSync(words, "extends: qijiang-2020\nvocabulary:\n  grades:\n    staff: [社会工作员, 社工]\n");
    const r = await swtalent(["compare", ROSTER, ...UNITS, "--with", words]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("reads the inputs with other words than qijiang-2020 (vocabulary.grades)");
  });

  it("--with is required; an unknown policy is a usage error", async () => {
    const none = await swtalent(["compare", ROSTER, ...UNITS]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--with");
    const bad = await swtalent(["compare", ROSTER, ...UNITS, "--with", "nowhere-2030"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown policy "nowhere-2030"');
  });
});

describe("compare as documents: --out x.xlsx and --out x.html hold the figures of the JSON", () => {
  const dir = mkdtempSync(join(tmpdir(), "swtalent-compare-doc-"));

  it("xlsx: the summary sheet first, money as numbers, every month's totals under A and B as in the JSON", async () => {
    const out = join(dir, "compare.xlsx");
    const r = await swtalent([...EXAMPLE, "--out", out, "--lang", "en", "--quiet"], LATER);
    expect(r.code).toBe(0);
    const data = json(await swtalent([...EXAMPLE, "--format", "json", "--quiet"], LATER));
    const sheets = await readWorkbook(readFileSync(out));
    expect(sheets[0]!.name).toBe("Summary");
    const perMonth = sheets.find((s) => s.name === "Allowance per month");
    expect(perMonth, sheets.map((s) => s.name).join(", ")).toBeDefined();
    const rows = values(perMonth!).slice(1);
    expect(rows.slice(0, 12).map((row) => [row[0], row[1], row[2]])).toEqual(
      data.allowance.by_month.map((m: { month: string; total: [number, number] }) => [m.month, ...m.total]),
    );
    expect(rows[12]!.slice(0, 3)).toEqual(["all", 6100, 9210]);
    for (const s of sheets) for (const row of s.rows) for (const c of row) expect(c.formula).toBe(false);
  });

  it("html: one page with both policies, the yearly totals and every person-month that changes", async () => {
    const out = join(dir, "compare.html");
    const r = await swtalent([...EXAMPLE, "--out", out, "--lang", "zh", "--quiet"], LATER);
    expect(r.code).toBe(0);
    const page = readFileSync(out, "utf8");
    expect(page).toContain("政策对比：qijiang-2020 → qijiang-allowance-draft");
    expect(page).toContain("6,100.00");
    expect(page).toContain("9,210.00");
    // 55 person-months change, each a row with its reason
    expect(page.match(/金额 200 → 300/g)?.length).toBe(12);
    expect(page).not.toMatch(/<script/i);
  });
});
