/**
 * On a terminal, a human report taller than the screen goes through $PAGER (default
 * `less -FRX`), as git does; --no-pager, pipes, files and other formats never page.
 * The terminal and the pager are the run's own (Runtime), so no real terminal is needed.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Runtime } from "../../src/commands/shared.js";
import { type Run, swtalent } from "../helpers/cli.js";

const DISTRICT = ["fixtures/人员名册.csv", "--units", "fixtures/单位信息.csv"];
const AUDIT = ["audit", ...DISTRICT, "--as-of", "2021-12-31"];

/** Runs on a terminal of `rows` lines whose pager keeps what it reads. */
async function onTerminal(args: readonly string[], rows = 20, env: Record<string, string> = {}): Promise<Run & { pagers: string[][]; paged: string }> {
  const pagers: string[][] = [];
  let paged = "";
  const runtime: Partial<Runtime> = {
    stdoutIsTTY: true,
    stdoutColumns: 200,
    stdoutRows: rows,
    startPager: async (argv) => {
      pagers.push([...argv]);
      const input = new Writable({
        write(chunk: Buffer, _e, done) {
          paged += chunk.toString("utf8");
          done();
        },
      });
      return { input, done: Promise.resolve() };
    },
  };
  const r = await swtalent(args, { runtime, env: { NO_COLOR: "1", ...env } });
  return { ...r, pagers, paged };
}

describe("a report taller than the terminal is paged", () => {
  it("the audit of the example district on a 20-line terminal goes through less -FRX, whole", async () => {
    const r = await onTerminal(AUDIT);
    expect(r.code).toBe(0);
    expect(r.pagers).toEqual([["less", "-FRX"]]);
    expect(r.stdout).toBe("");
    const direct = await onTerminal([...AUDIT, "--no-pager"]);
    expect(r.paged).toBe(direct.stdout);
    expect(r.paged.split("\n").length).toBeGreaterThan(20);
  });

  it("$PAGER is used when set", async () => {
    expect((await onTerminal(AUDIT, 20, { PAGER: "more" })).pagers).toEqual([["more"]]);
  });

  it("Markdown on the terminal is for a person too", async () => {
    expect((await onTerminal([...AUDIT, "--format", "md"])).pagers).toHaveLength(1);
  });

  it("policy show is paged like a report", async () => {
    const r = await onTerminal(["policy", "show", "qijiang-2020"]);
    expect(r.pagers).toHaveLength(1);
    expect(r.paged).toContain("QJ-ALLOWANCE");
  });

  it("a report that fits the screen is printed directly", async () => {
    const r = await onTerminal(["validate", ...DISTRICT], 40);
    expect(r.code).toBe(0);
    expect(r.pagers).toEqual([]);
    expect(r.stdout).toContain("fixtures/人员名册.csv");
  });
});

describe("never paged", () => {
  it.each([
    ["--no-pager", ["--no-pager"], {}],
    ["--format csv", ["--format", "csv"], {}],
    ["--format json", ["--format", "json"], {}],
    ["PAGER empty", [], { PAGER: "" }],
    ["PAGER=cat", [], { PAGER: "cat" }],
  ])("%s: printed directly", async (_why, extra, env) => {
    const r = await onTerminal([...AUDIT, ...extra], 20, env);
    expect(r.pagers).toEqual([]);
    expect(r.stdout.length).toBeGreaterThan(1000);
  });

  it("--out to a file: the file gets the report, nothing is paged", async () => {
    const dir = mkdtempSync(join(tmpdir(), "swtalent-pager-"));
    const out = join(dir, "audit.txt");
    const r = await onTerminal([...AUDIT, "--out", out]);
    expect(r.pagers).toEqual([]);
    expect(readFileSync(out, "utf8")).toMatch(/QJ-CERT-SOCIAL-SERVICE/);
  });

  it("stdout not a terminal (a pipe, cron): never", async () => {
    const r = await swtalent([...AUDIT, "--format", "table"], {
      runtime: {
        stdoutRows: 5,
        startPager: async () => {
          throw new Error("no pager off a terminal");
        },
      },
    });
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(1000);
  });

  it("a pager that cannot start: the report is printed directly", async () => {
    const r = await swtalent(AUDIT, { runtime: { stdoutIsTTY: true, stdoutRows: 10, startPager: async () => null }, env: { NO_COLOR: "1" } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/QJ-CERT-SOCIAL-SERVICE/);
  });

  it("--no-pager is listed in every command's help", async () => {
    for (const cmd of ["audit", "allowance", "training", "validate"]) {
      expect((await swtalent([cmd, "--help"])).stdout).toContain("--no-pager");
    }
    expect((await swtalent(["policy", "show", "--help"])).stdout).toContain("--no-pager");
  });
});
