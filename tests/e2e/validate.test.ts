/**
 * swtalent validate on the example district (fixtures/): the three files are clean, the
 * GB18030 copy of the roster reads exactly as the UTF-8 one, and the checks that depend on
 * today's date bite on real rows.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, type Run, json, swtalent } from "../helpers/cli.js";

const ROSTER = "fixtures/人员名册.csv";
const ROSTER_GBK = "fixtures/人员名册-gbk.csv";
const UNITS = "fixtures/单位信息.csv";
const TRAINING = "fixtures/培训记录.csv";
/** a day after every certificate date of the fixtures */
const TODAY = { SWTALENT_TODAY: "2022-01-10" };

/** The JSON of a run on the GB18030 copy, its file name written as the UTF-8 one's. */
function sameName(r: Run): any {
  return JSON.parse(r.stdout.replaceAll(ROSTER_GBK, ROSTER));
}

describe("validate on the example district", () => {
  it("roster, units and training records are all accepted (exit 0)", async () => {
    const r = await swtalent(["validate", ROSTER, "--units", UNITS, "--training", TRAINING, "--format", "json"], { env: TODAY });
    expect(r.code, r.stderr).toBe(0);
    const out = json(r);
    expect(out.command).toBe("validate");
    expect(out.input).toEqual({ rows: 78, accepted: 78, rejected: 0 });
    expect(out.files.map((f: any) => [f.file, f.rows, f.accepted, f.rejected])).toEqual([
      [ROSTER, 78, 78, 0],
      [UNITS, 17, 17, 0],
      [TRAINING, 16, 16, 0],
    ]);
    expect(out.rejected).toEqual([]);
    // 序号 and 备注 are ordinary spreadsheet columns the tool does not use: not even named (SPEC.md Inputs)
    expect(out.warnings.join("\n")).not.toMatch(/序号|备注/);
    // the district's unknown role texts (科员, 社工, 副局长...) are all in units the allowance does not
    // pay, so the role decides nothing there and none is warned about (POLICY.md §1 Roles)
    expect(out.warnings.filter((w: string) => w.startsWith("role "))).toEqual([]);
    const audit = json(await swtalent(["audit", ROSTER, "--units", UNITS, "--as-of", "2021-12-31", "--format", "json"], { env: TODAY }));
    expect(audit.warnings).toEqual([]);
  });

  it("an exact repeat of a training record (江涛, row 9 = row 8) is accepted and warned about, as training counts it once", async () => {
    const r = await swtalent(["validate", ROSTER, "--units", UNITS, "--training", TRAINING, "--format", "json", "--lang", "en"], { env: TODAY });
    const repeats = json(r).warnings.filter((w: string) => /repeats row/.test(w));
    expect(repeats).toEqual(["fixtures/培训记录.csv: row 9 repeats row 8 exactly (id 500222********8932); counted once"]);
  });

  it("the table output says every row is valid", async () => {
    const r = await swtalent(["validate", ROSTER, "--units", UNITS, "--training", TRAINING, "--format", "md"], { env: TODAY });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Every row is valid.");
  });

  it("the GB18030 copy (no BOM, as Excel on Chinese Windows saves it) gives the same accepted rows", async () => {
    const utf8 = json(await swtalent(["validate", ROSTER, "--units", UNITS, "--format", "json"], { env: TODAY }));
    const gbk = sameName(await swtalent(["validate", ROSTER_GBK, "--units", UNITS, "--format", "json"], { env: TODAY }));
    expect(gbk.input).toEqual({ rows: 78, accepted: 78, rejected: 0 });
    expect(gbk).toEqual(utf8);
  });

  it("the GB18030 copy audits to the very same people, units and verdicts", async () => {
    const run = async (roster: string) => {
      const r = await swtalent(["audit", roster, "--units", UNITS, "--as-of", "2021-12-31", "--format", "json", "--no-mask"]);
      expect(r.code, r.stderr).toBe(0);
      return sameName(r);
    };
    const utf8 = await run(ROSTER);
    expect(await run(ROSTER_GBK)).toEqual(utf8);
    expect(utf8.input).toEqual({ rows: 78, accepted: 78, rejected: 0 });
    expect(utf8.units.filter((u: any) => u.headcount > 0)).toHaveLength(16);
  });

  it("the GB18030 file really is not UTF-8 and carries no BOM", () => {
    const bytes = readFileSync(join(ROOT, ROSTER_GBK));
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const utf8 = readFileSync(join(ROOT, ROSTER), "utf8").replace(/^\uFEFF/, "");
    expect(new TextDecoder("gb18030").decode(bytes)).toBe(utf8);
  });

  it("the roster carries no unit attributes, so alone it is refused, naming the missing columns (exit 3)", async () => {
    const r = await swtalent(["validate", ROSTER, "--format", "json"], { env: TODAY });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/missing required column unit_type: add a column headed one of 单位类型/);
  });

  it("run on 2021-06-15, 傅琳's certificate of 2021/6/30 is in the future: row 75 rejected (exit 3; 0 with --allow-rejects)", async () => {
    const before = { SWTALENT_TODAY: "2021-06-15" };
    const r = await swtalent(["validate", ROSTER, "--units", UNITS, "--format", "json"], { env: before });
    expect(r.code).toBe(3);
    const out = json(r);
    expect(out.input).toEqual({ rows: 78, accepted: 77, rejected: 1 });
    expect(out.rejected.map((x: any) => [x.file, x.row, x.field, x.value])).toEqual([[ROSTER, 75, "cert_date", "2021/6/30"]]);
    expect((await swtalent(["validate", ROSTER, "--units", UNITS, "--format", "json", "--allow-rejects"], { env: before })).code).toBe(0);
  });

  it("every resident ID of the district has a valid GB 11643 check digit, and one is written with a lower-case x", () => {
    const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const lines = readFileSync(join(ROOT, ROSTER), "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/)
      .slice(1);
    const ids = lines.map((l) => l.split(",")[1]!);
    expect(ids).toHaveLength(78);
    for (const id of ids) {
      const sum = [...id.slice(0, 17)].reduce((s, d, i) => s + Number(d) * W[i]!, 0);
      expect(id.toUpperCase()[17], id).toBe("10X98765432"[sum % 11]);
    }
    expect(ids.filter((id) => id.endsWith("x"))).toHaveLength(1);
  });
});
