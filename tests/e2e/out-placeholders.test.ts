/**
 * `--out` may hold {month} (the month paid, or the range) and {as_of} (SPEC.md Commands), so
 * a cron line names each file after what it holds; a placeholder the command has no value for
 * is a usage error, and nothing is written.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, swtalent } from "../helpers/cli.js";

const ROSTER = join(ROOT, "tests/fixtures/allowance/roster.csv");
const TRAINING = join(ROOT, "fixtures/培训记录.csv");
const scratch = () => mkdtempSync(join(tmpdir(), "swtalent-out-name-"));

describe("--out placeholders are filled from what the report holds", () => {
  it.each([
    [["--month", "2021-06"], "payroll-2021-06.csv"],
    // SWTALENT_TODAY is 2021-07-05 in the tests: last month is June
    [["--month", "last"], "payroll-2021-06.csv"],
    [["--month", "current"], "payroll-2021-07.csv"],
    [["--from", "2021-01", "--to", "2021-06"], "payroll-2021-01_2021-06.csv"],
  ])("allowance %j --out payroll-{month}.csv writes %s", async (months, name) => {
    const dir = scratch();
    const r = await swtalent(["allowance", ROSTER, ...months, "--out", "payroll-{month}.csv"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual([name]);
    const same = await swtalent(["allowance", ROSTER, ...months, "--format", "csv"]);
    expect(readFileSync(join(dir, name), "utf8")).toBe(same.stdout);
  });

  it("audit --out audit-{as_of}.json: the as-of date, and the format from the extension", async () => {
    const dir = scratch();
    const r = await swtalent(["audit", ROSTER, "--as-of", "2021-12-31", "--out", "audit-{as_of}.json"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "audit-2021-12-31.json"), "utf8")).as_of).toBe("2021-12-31");
  });

  it("training without --as-of names the file after today (Asia/Shanghai), in a folder of that name too", async () => {
    const dir = scratch();
    const roster = join(ROOT, "fixtures/人员名册.csv");
    const r = await swtalent(["training", roster, TRAINING, "--units", join(ROOT, "fixtures/单位信息.csv"), "--out", "{as_of}-training-{as_of}.md"], {
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(["2021-07-05-training-2021-07-05.md"]);
  });

  it("the filled-in path is still never an input", async () => {
    const dir = scratch();
    copyFileSync(ROSTER, join(dir, "2021-06.csv"));
    const before = readFileSync(join(dir, "2021-06.csv"), "utf8");
    const r = await swtalent(["allowance", "2021-06.csv", "--month", "2021-06", "--out", "{month}.csv"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^swtalent: --out 2021-06\.csv is an input file/);
    expect(readFileSync(join(dir, "2021-06.csv"), "utf8")).toBe(before);
  });
});

describe("a placeholder the command has no value for is a usage error (exit 2), and nothing is written", () => {
  it.each([
    [["allowance", ROSTER, "--month", "2021-06"], "pay-{as_of}.csv", "allowance has no value for {as_of}"],
    [["audit", ROSTER, "--as-of", "2021-12-31"], "audit-{month}.csv", "audit has no value for {month}"],
    [["training", ROSTER, TRAINING], "t-{month}.csv", "training has no value for {month}"],
    [["validate", ROSTER], "check-{month}.csv", "validate has no value for {month}"],
    [["validate", ROSTER], "check-{as_of}.csv", "validate has no value for {as_of}"],
    [["policy", "show", "qijiang-2020"], "policy-{as_of}.md", "policy has no value for {as_of}"],
    [["allowance", ROSTER, "--month", "2021-06"], "payroll-{date}.csv", "{date} is not a placeholder"],
  ])("%j --out %s", async (args, out, says) => {
    const dir = scratch();
    const r = await swtalent([...args, "--out", out], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`swtalent: --out ${out}: ${says}`);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(ROOT, out))).toBe(false);
  });
});
