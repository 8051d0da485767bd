/** `npm run bench` end to end, at a size that takes seconds, into a scratch folder. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const bench = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [join(ROOT, "bench", "bench.mjs"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", LANG: "C", ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};

describe("the benchmark script", () => {
  it("refuses a size it cannot run with one line and exit 2, before generating anything", () => {
    const dir = mkdtempSync(join(tmpdir(), "swtalent-bench-"));
    const r = bench(["--out-dir", dir], { BENCH_PEOPLE: "many" });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('bench: --people (or BENCH_PEOPLE) takes a whole number of people such as 100000 or 100k, not "many"\n');
    expect(existsSync(join(dir, "data"))).toBe(false);
  });

  it("refuses an unknown option with one line and exit 2", () => {
    const r = bench(["--sise", "100k"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("--sise");
  });

  it("a quick run at a size from the environment measures every figure and writes the results where told", () => {
    const dir = mkdtempSync(join(tmpdir(), "swtalent-bench-"));
    const results = join(dir, "results.md");
    const r = bench(["--out-dir", dir, "--results", results, "--runs", "1"], { BENCH_PEOPLE: "200" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("generating 200 people, 800 training records");
    const md = readFileSync(results, "utf8");
    const rows = md.split("\n").filter((l) => /^\| (?!figure|---)/.test(l));
    expect(rows.map((l) => l.split(" | ").slice(0, 3).join(" | "))).toEqual([
      "| bare csv-parse: roster + units |  | 210",
      "| validate | csv | 210",
      "| validate, roster as .xlsx | csv | 210",
      "| audit | csv | 210",
      "| audit | json | 210",
      "| allowance 1 month | csv | 210",
      "| allowance 1 month | json | 210",
      "| allowance 12 months | csv | 210",
      "| bare csv-parse: roster + units + 200 records |  | 410",
      "| training 200 records | csv | 410",
      "| training 200 records | json | 410",
      "| bare csv-parse: roster + units + 800 records |  | 1,010",
      "| training 800 records | csv | 1,010",
      "| training 800 records | json | 1,010",
    ]);
    // one run: the median, smallest and largest are the same number
    for (const l of rows) expect(l).toMatch(/\| (\d+\.\d\d) \(\1–\1\) \| (\d+\.\d\d) \(\2–\2\) \| [\d,]+ \| (\d+) \(\3–\3\) \|$/);
    expect(md).toContain("median of 1 run,");
    expect(md).toContain("`npm run bench -- --people 200 --records 800 --runs 1`");
    for (const out of ["audit.csv", "audit.json", "allowance-month.json", "training.json"]) expect(existsSync(join(dir, out)), out).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "audit.json"), "utf8")).command).toBe("audit");
    expect(readFileSync(join(ROOT, "bench", "results.md"), "utf8")).not.toContain("roster 200 people");
  }, 300_000);
});
