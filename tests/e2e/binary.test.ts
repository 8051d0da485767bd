/**
 * The built binary (bin/swtalent, then dist/cli.js), run in a process of its own as a user
 * runs it: one reviewed output per command. Every other end-to-end test runs the same CLI
 * in-process through its Runtime; these hold the shim and the build to the same results.
 */
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { json, spawnSwtalent } from "../helpers/cli.js";
import { golden } from "../helpers/golden.js";

const DISTRICT = ["fixtures/人员名册.csv", "--units", "fixtures/单位信息.csv"];

describe("bin/swtalent gives the reviewed outputs", () => {
  it("audit: the example district at 2021-12-31 (tests/golden/audit-qijiang.md)", () => {
    const r = spawnSwtalent(["audit", ...DISTRICT, "--as-of", "2021-12-31", "--format", "md", "--lang", "zh"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(golden("audit-qijiang.md"));
  });

  it("allowance: June 2021 (tests/golden/allowance-2021-06.zh.md)", () => {
    const r = spawnSwtalent(["allowance", "tests/fixtures/allowance/roster.csv", "--month", "2021-06", "--format", "md", "--lang", "zh"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(golden("allowance-2021-06.zh.md"));
  });

  it("training: as of 2021-12-31 (tests/golden/training-2021-12-31.zh.md)", () => {
    const args = ["training", "tests/fixtures/training/roster.csv", "tests/fixtures/training/training.csv", "--as-of", "2021-12-31", "--allow-rejects"];
    const r = spawnSwtalent([...args, "--format", "md", "--lang", "zh", "--warn-days", "439"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(golden("training-2021-12-31.zh.md"));
  });

  it("policy show: qijiang-2020 (tests/golden/policy-qijiang-2020.zh.md)", () => {
    const r = spawnSwtalent(["policy", "show", "qijiang-2020", "--format", "md", "--lang", "zh"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(golden("policy-qijiang-2020.zh.md"));
  });

  it("validate: the example district's 78 + 17 + 16 rows all accepted", () => {
    const r = spawnSwtalent(["validate", ...DISTRICT, "--training", "fixtures/培训记录.csv", "--format", "json"], { env: { SWTALENT_TODAY: "2022-01-10" } });
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).files.map((f: any) => [f.file, f.rows, f.accepted, f.rejected])).toEqual([
      ["fixtures/人员名册.csv", 78, 78, 0],
      ["fixtures/单位信息.csv", 17, 17, 0],
      ["fixtures/培训记录.csv", 16, 16, 0],
    ]);
  });

  it("template: the three files, named in Chinese, in the folder the binary was started in", () => {
    const dir = mkdtempSync(join(tmpdir(), "swtalent-binary-"));
    const r = spawnSwtalent(["template", "--lang", "zh"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("wrote 人员名册.csv\nwrote 单位信息.csv\nwrote 培训记录.csv\n");
    expect(readdirSync(dir).sort()).toEqual(["人员名册.csv", "单位信息.csv", "培训记录.csv"].sort());
    expect(readFileSync(join(dir, "人员名册.csv"), "utf8")).toMatch(/^\uFEFF身份证号,/);
  });
});
