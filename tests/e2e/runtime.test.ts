/**
 * The Runtime seam (src/commands/shared.ts): standard output, the terminals and their width
 * and the working folder are the run's own, so runs in one process neither share nor leak
 * state, and what a test sees is what the binary prints.
 */
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ROOT, json, spawnSwtalent, swtalent } from "../helpers/cli.js";

const ROSTER = "tests/fixtures/allowance/roster.csv";
const JUNE = ["allowance", ROSTER, "--month", "2021-06"];

/** A stdout whose every write fails with this system error code, as /dev/full or a closed pipe does. */
function failing(code: string): Writable {
  return new Writable({
    write(_chunk, _encoding, done) {
      done(Object.assign(new Error(`write ${code}`), { code }));
    },
  });
}

describe("a run in-process prints what the binary prints", () => {
  it("stdout, stderr and the exit code, byte for byte", async () => {
    for (const args of [[...JUNE, "--format", "json"], ["validate", "fixtures/人员名册.csv"], ["policy", "nothing"], ["--version"]]) {
      const spawned = spawnSwtalent(args);
      expect(await swtalent(args), args.join(" ")).toEqual(spawned);
    }
  });
});

describe("each run has its own standard output", () => {
  it("two runs at once each get their own output", async () => {
    const [payroll, policies] = await Promise.all([swtalent([...JUNE, "--format", "json"]), swtalent(["policy", "list", "--format", "json"])]);
    expect(json(payroll).total).toBe(250);
    expect(json(policies).map((p: any) => p.id)).toEqual(["chongqing-2018", "liaoning-2013", "ningbo-2018", "qijiang-2020", "yunnan-2021"]);
  });

  it("a full stdout is exit 4 for its run only: the next run writes as usual", async () => {
    const full = await swtalent([...JUNE, "--format", "csv"], { runtime: { stdout: failing("ENOSPC") } });
    expect(full).toEqual({
      code: 4,
      stdout: "",
      stderr: "swtalent: cannot write to standard output (ENOSPC): check that the folder exists and is writable, and that there is space\n",
    });
    const next = await swtalent([...JUNE, "--format", "csv"]);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toMatch(/^\uFEFFid,name,unit,town,grade,month,amount\r\n/);
  });

  it("a closed stdout (EPIPE) ends its run quietly", async () => {
    expect(await swtalent([...JUNE, "--format", "csv"], { runtime: { stdout: failing("EPIPE") } })).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});

describe("the terminals are the runtime's", () => {
  it("stdout on a terminal: a table by default; a pipe: CSV", async () => {
    const onTerminal = await swtalent(JUNE, { runtime: { stdoutIsTTY: true }, env: { NO_COLOR: "1" } });
    expect(onTerminal.stdout).toMatch(/^Social-work allowance payroll 2021-06\nPolicy qijiang-2020 /);
    expect(onTerminal.stdout).toContain("\ntown: 东溪镇\nid  ");
    expect(onTerminal.stdout).toMatch(/\n500222\*{8}0010 +王芳 +滨河社区 +senior +2021-06 +200\n/);
    expect((await swtalent(JUNE)).stdout).toMatch(/^\uFEFFid,name,unit,town,grade,month,amount\r\n/);
  });

  it("help is wrapped to the terminal's width, and at commander's 80 columns off a terminal", async () => {
    const help = async (columns?: number) =>
      (await swtalent(["allowance", "--help"], { runtime: { stdoutIsTTY: columns !== undefined, stdoutColumns: columns } })).stdout;
    const wide = (await help(120)).split("\n");
    const piped = await help();
    expect(wide.find((l) => l.startsWith("  --column"))).toBe(
      '  --column <HEADER=field>  read a header the aliases do not know as this field, e.g. --column "离职时间（年月日）=end_date";',
    );
    expect(piped.split("\n").find((l) => l.startsWith("  --column"))).toBe("  --column <HEADER=field>  read a header the aliases do not know as this field,");
    expect(await help(80)).toBe(piped);
  });
});

describe("relative paths start from the run's folder and are named as typed", () => {
  it("an input, --out and a policy file, all relative", async () => {
    const dir = mkdtempSync(join(tmpdir(), "swtalent-runtime-"));
    copyFileSync(join(ROOT, ROSTER), join(dir, "名册.csv"));
    copyFileSync(join(ROOT, "fixtures/policy-draft.yaml"), join(dir, "draft.yaml"));
    const r = await swtalent(["allowance", "名册.csv", "--month", "2021-07", "--policy", "draft.yaml", "--out", "payroll.json"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(readFileSync(join(dir, "payroll.json"), "utf8"));
    expect([out.policy.id, out.files[0].file]).toEqual(["qijiang-2023-draft", "名册.csv"]);
    const missing = await swtalent(["validate", "nowhere/roster.csv"], { cwd: dir });
    expect(missing).toEqual({ code: 3, stdout: "", stderr: "swtalent: nowhere/roster.csv: cannot be read: no such file; check the path\n" });
  });
});
