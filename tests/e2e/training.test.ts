import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, json, swtalent } from "../helpers/cli.js";
import { golden } from "../helpers/golden.js";

const ROSTER = "tests/fixtures/training/roster.csv";
const TRAINING = "tests/fixtures/training/training.csv";
const run = (...args: string[]) => swtalent(["training", ROSTER, TRAINING, "--as-of", "2021-12-31", "--allow-rejects", ...args]);

describe("swtalent training on a small roster (worked by hand in tests/fixtures/training)", () => {
  it("as of 2021-12-31, rolling window 2019-01-01 to 2021-12-31: every person's days, status and deadline", async () => {
    const r = await run("--format", "json", "--no-mask", "--warn-days", "439");
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.command).toBe("training");
    expect(out.as_of).toBe("2021-12-31");
    const w = { window_start: "2019-01-01", window_end: "2021-12-31" };
    expect(out.people).toEqual([
      // 东溪镇 before 古南街道; within a town by unit, then id
      // span 2018-12-28..2019-01-04 counts Jan 1-4 (4); 5 days over 2018-12-30..2019-01-02 count its 2 days inside
      {
        id: "500222197504040049",
        name: "赵刚",
        unit: "新桥村",
        town: "东溪镇",
        grade: "senior",
        ...w,
        required_days: 15,
        days: 6,
        shortfall: 9,
        status: "noncompliant",
        deadline: null,
      },
      // 20 hours = 3.333 days: shown 3.33 (down), short 8.67 (up); certificate 2020-03-15, so in progress until 2023-03-15
      {
        id: "500222199206060067",
        name: "陈静",
        unit: "新桥村",
        town: "东溪镇",
        grade: "assistant",
        ...w,
        required_days: 12,
        days: 3.33,
        shortfall: 8.67,
        status: "in_progress",
        deadline: "2023-03-15",
      },
      // compliant with a certificate younger than 3 years: the deadline is still shown
      {
        id: "500222199507070074",
        name: "杨帆",
        unit: "新桥村",
        town: "东溪镇",
        grade: "intermediate",
        ...w,
        required_days: 15,
        days: 15,
        shortfall: 0,
        status: "compliant",
        deadline: "2022-06-01",
      },
      {
        id: "500222198808080087",
        name: "黄丽",
        unit: "石佛社区",
        town: "东溪镇",
        grade: "none",
        ...w,
        required_days: null,
        days: 2,
        shortfall: null,
        status: "not_applicable",
        deadline: null,
      },
      // 5 days + 5 days + 30 hours
      {
        id: "500222198001010010",
        name: "王芳",
        unit: "滨河社区",
        town: "古南街道",
        grade: "intermediate",
        ...w,
        required_days: 15,
        days: 15,
        shortfall: 0,
        status: "compliant",
        deadline: null,
      },
      // spans 01-01..01-06 and 01-04..01-10 overlap: 10 days; 2 days repeated exactly count once
      {
        id: "500222198502020022",
        name: "李强",
        unit: "滨河社区",
        town: "古南街道",
        grade: "assistant",
        ...w,
        required_days: 12,
        days: 12,
        shortfall: 0,
        status: "compliant",
        deadline: null,
      },
      // 2018-12-31 is outside (start exclusive), 2019-01-01 inside: 3 days + 48 hours
      {
        id: "500222199003030036",
        name: "张敏",
        unit: "滨河社区",
        town: "古南街道",
        grade: "staff",
        ...w,
        required_days: 12,
        days: 11,
        shortfall: 1,
        status: "noncompliant",
        deadline: null,
      },
      // certificate 2018-12-31: on the as-of date the window is complete
      {
        id: "500222199309090090",
        name: "周婷",
        unit: "滨河社区",
        town: "古南街道",
        grade: "intermediate",
        ...w,
        required_days: 15,
        days: 0,
        shortfall: 15,
        status: "noncompliant",
        deadline: null,
      },
    ]);
    // 刘洋 left on 2021-06-30: not in service, not listed, though his record is read
    expect(out.units).toEqual([
      { unit: "新桥村", town: "东溪镇", judged: 1, compliant: 0, rate: 0 },
      { unit: "石佛社区", town: "东溪镇", judged: 0, compliant: 0, rate: null },
      { unit: "滨河社区", town: "古南街道", judged: 4, compliant: 2, rate: 0.5 },
    ]);
    expect(out.due_soon).toEqual([{ id: "500222199206060067", name: "陈静", unit: "新桥村", deadline: "2023-03-15", shortfall: 8.67 }]);
    // late already: the window complete and short (SPEC.md training, --warn-days)
    expect(out.overdue).toEqual([
      { id: "500222197504040049", name: "赵刚", unit: "新桥村", shortfall: 9 },
      { id: "500222199003030036", name: "张敏", unit: "滨河社区", shortfall: 1 },
      { id: "500222199309090090", name: "周婷", unit: "滨河社区", shortfall: 15 },
    ]);
  });

  it("files: roster, then training records; input counts the roster; each rejected row with its reason", async () => {
    const out = json(await run("--format", "json"));
    expect(out.input).toEqual({ rows: 9, accepted: 9, rejected: 0 });
    expect(out.files).toEqual([
      { file: ROSTER, rows: 9, accepted: 9, rejected: 0 },
      { file: TRAINING, rows: 20, accepted: 16, rejected: 4 },
    ]);
    expect(out.rejected.map((x: any) => [x.row, x.field, x.value])).toEqual([
      [18, "id", "G0099"],
      [19, "end_date", "2021-06-01"],
      [20, "days", ""],
      [21, "days", "两天"],
    ]);
    expect(out.rejected.map((x: any) => x.reason)).toEqual([
      expect.stringMatching(/not among the roster's accepted people/),
      expect.stringMatching(/end date is before the start date \(2021-06-05\)/),
      expect.stringMatching(/nothing says how long the training lasted/),
      expect.stringMatching(/not a number/),
    ]);
  });

  it("the repeated record is warned about, naming the id masked", async () => {
    const out = json(await run("--format", "json"));
    expect(out.warnings).toEqual([`${TRAINING}: row 8 repeats row 7 exactly (id 500222********0022); counted once`]);
    expect(out.people.map((p: any) => p.id)).toContain("500222********0022");
  });

  it("--warn-days: a deadline 439 days away is listed at 439, not at 438", async () => {
    expect(json(await run("--format", "json", "--warn-days", "438")).due_soon).toEqual([]);
    expect(json(await run("--format", "json")).due_soon).toBeUndefined();
  });

  it("--window certificate: the cycle containing the as-of date, counted up to it", async () => {
    const out = json(await run("--format", "json", "--window", "certificate"));
    const by = Object.fromEntries(out.people.map((p: any) => [p.name, [p.window_start, p.days, p.status]]));
    expect(by).toEqual({
      赵刚: ["2019-01-01", 6, "noncompliant"], // no certificate date: the rolling window
      陈静: ["2020-03-15", 3.33, "in_progress"],
      杨帆: ["2019-06-01", 15, "compliant"],
      黄丽: ["2019-01-01", 2, "not_applicable"],
      王芳: ["2021-05-01", 5, "noncompliant"], // cycles from 2015-05-01: only the 30 hours of 2021-09
      李强: ["2019-01-01", 12, "compliant"],
      张敏: ["2020-06-01", 8, "noncompliant"], // 48 hours in 2021-05
      周婷: ["2018-12-31", 0, "noncompliant"], // certificate 2018-12-31: on 2021-12-31 her first cycle ends and is judged whole
    });
    expect(out.warnings).toContain(
      "1 person has a grade but no certificate date: their training is counted over the 3 years ending on the as-of date, not by certificate cycle",
    );
  });

  it("exit codes: rejected rows are a data error unless allowed; --check finds the noncompliant", async () => {
    const rejects = await swtalent(["training", ROSTER, TRAINING, "--as-of", "2021-12-31", "--format", "json"]);
    expect(rejects.code).toBe(3);
    expect(rejects.stderr).toMatch(/4 rows rejected/);
    expect((await run("--format", "json", "--check")).code).toBe(1);
    expect((await run("--format", "json")).code).toBe(0);
  });

  it("the Markdown report in Chinese is the reviewed golden file", async () => {
    const r = await run("--format", "md", "--lang", "zh", "--warn-days", "439");
    expect(r.stdout).toBe(golden("training-2021-12-31.zh.md"));
  });

  it("the CSV is one row per person, codes not words, the reviewed golden file", async () => {
    const r = await run("--format", "csv");
    expect(r.stdout).toBe(golden("training-2021-12-31.en.csv"));
  });

  it("the table groups by unit and says the shortfall in words", async () => {
    const r = await run("--format", "table", "--lang", "zh", "--quiet", "--all");
    expect(r.stdout).toContain("新桥村（东溪镇）");
    expect(r.stdout).toContain("还需 8.67 天，截止 2023-03-15");
    expect(r.stdout).toContain("已满期人员达标 2 / 4（50%）");
    const en = await run("--format", "table", "--lang", "en", "--quiet", "--all", "--width", "160");
    expect(en.stdout).toContain("needs 8.67 more days by 2023-03-15");
    expect(en.stdout).toContain("needs 1 more day\n");
  });

  it("reads the training records from stdin", async () => {
    const r = await swtalent(["training", ROSTER, "-", "--as-of", "2021-12-31", "--allow-rejects", "--format", "json"], {
      input: readFileSync(join(ROOT, TRAINING), "utf8"),
    });
    expect(r.code).toBe(0);
    expect(json(r).files[1]).toEqual({ file: "(stdin)", rows: 20, accepted: 16, rejected: 4 });
  });

  it("a policy without training days is a usage error naming the profiles that have them", async () => {
    const r = await swtalent(["training", ROSTER, TRAINING, "--policy", "ningbo-2018"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sets no training days.*qijiang-2020/);
  });

  it.each([
    [["--window", "calendar"], /--window takes rolling or certificate/],
    [["--warn-days", "-5"], /--warn-days takes a whole number/],
    [["--warn-days", "soon"], /--warn-days takes a whole number/],
    [["--as-of", "2021-13-01"], /is not a date/],
  ])("bad arguments exit 2: %j", async (args, message) => {
    const r = await swtalent(["training", ROSTER, TRAINING, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("help shows an example", async () => {
    const r = await swtalent(["training", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/swtalent training .*培训记录\.csv/);
  });
});
