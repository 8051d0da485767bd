/**
 * Every `swtalent ...` line of the README's "Usage by example" runs on the example district
 * as written (in a scratch copy, so its --out files land there), and the two that carry
 * figures give the figures worked by hand in fixtures/README.md.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, json, swtalent } from "../helpers/cli.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const block = readme.slice(readme.indexOf("## Usage by example")).split("```sh")[1]!.split("```")[0]!;
const examples = block
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l.startsWith("swtalent "))
  .map((l) => l.slice("swtalent ".length).split(/\s+/));

const dir = mkdtempSync(join(tmpdir(), "swtalent-readme-"));
cpSync(join(ROOT, "fixtures"), join(dir, "fixtures"), { recursive: true });
// --as-of and --month last/current depend on the day: fixed here, after every certificate of the district
const env = { SWTALENT_TODAY: "2022-01-10" };

describe("the README's examples run on the example district", () => {
  it("there are examples for every command", () => {
    expect(new Set(examples.map((a) => a[0]))).toEqual(new Set(["validate", "audit", "allowance", "training", "policy", "template"]));
  });

  it.each(examples.map((a) => [a.join(" "), a] as const))("swtalent %s", async (_line, args) => {
    const r = await swtalent([...args], { cwd: dir, env });
    // 1 only where --check finds something
    expect(r.code, r.stderr).toBe(args.includes("--check") ? 1 : 0);
    expect(r.stderr).not.toMatch(/^swtalent:/m);
    const out = args[args.indexOf("--out") + 1];
    if (args.includes("--out")) expect(existsSync(join(dir, out!))).toBe(true);
  });

  it("the ledger example: June in full and 赵刚's missed April still owed (600), 韩静's March overpaid by 50", async () => {
    const r = await swtalent(
      ["allowance", "fixtures/人员名册.csv", "--units", "fixtures/单位信息.csv", "--from", "2021-01", "--to", "2021-06", "--paid", "fixtures/已发津贴.csv", "--format", "json"],
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
      ["allowance", "fixtures/人员名册.csv", "--units", "fixtures/单位信息.csv", "--month", "2021-07", "--policy", "fixtures/policy-draft.yaml", "--format", "json", "--no-mask"],
      { cwd: dir, env },
    );
    const out = json(r);
    expect(out.policy.id).toBe("qijiang-2023-draft");
    expect(out.total).toBe(910);
    expect(out.payees.map((p: any) => [p.name, p.amount]).sort()).toEqual(
      [["尹涛", 300], ["赵刚", 150], ["王芳", 150], ["韩静", 150], ["李强", 80], ["傅琳", 80]].sort(),
    );
  });
});
