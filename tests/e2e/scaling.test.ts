import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ESM module without types, shared with the benchmark
import { generateDistrict } from "../../bench/generate.mjs";
import { swtalent } from "../helpers/cli.js";

interface District {
  roster: string;
  units: string;
}

/** The same 2,000 people once, and four times over with new ids, in new units of new towns. */
let once: District;
let fourTimes: District;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "swtalent-scaling-"));
  once = await generateDistrict({ dir: join(dir, "x1"), people: 2000 });
  fourTimes = await generateDistrict({ dir: join(dir, "x4"), people: 2000, copies: 4 });
});

/** Runs on a "today" after every certificate date, with the output in a file (it outgrows a pipe buffer). */
const run = async (args: string[]) => {
  const out = join(dir, "out.json");
  const r = await swtalent([...args, "--format", "json", "--out", out], { env: { SWTALENT_TODAY: "2022-01-10" } });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(readFileSync(out, "utf8"));
};
const audit = (d: District) => run(["audit", d.roster, "--units", d.units, "--as-of", "2021-12-31"]);
const allowance = (d: District, months: string[]) => run(["allowance", d.roster, "--units", d.units, ...months]);

/** A unit's verdicts without its name and town, which differ between copies. */
const verdicts = (u: any) => JSON.stringify([u.unit_type, u.headcount, u.certified, u.sw_professional, u.compliant, u.checks, u.flags]);
const sorted = (xs: string[]) => [...xs].sort();
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("outputs stay exactly consistent as the input grows fourfold", () => {
  it("reads every row of both sizes", async () => {
    const a = await audit(once);
    const b = await audit(fourTimes);
    expect(a.files.map((f: any) => [f.rows, f.accepted, f.rejected])).toEqual([
      [2000, 2000, 0],
      [100, 100, 0],
    ]);
    expect(b.files.map((f: any) => [f.rows, f.accepted, f.rejected])).toEqual([
      [8000, 8000, 0],
      [400, 400, 0],
    ]);
  });

  it("audit: grade counts, person checks and exam candidates times 4; every unit's verdicts repeat 4 times", async () => {
    const a = await audit(once);
    const b = await audit(fourTimes);
    for (const g of Object.keys(a.grades)) expect(b.grades[g], g).toBe(4 * a.grades[g]);
    expect(b.units).toHaveLength(4 * a.units.length);
    expect(b.person_checks).toHaveLength(4 * a.person_checks.length);
    expect(b.exam_candidates).toHaveLength(4 * a.exam_candidates.length);
    const repeated = a.units.flatMap((u: any) => Array(4).fill(verdicts(u)));
    expect(sorted(b.units.map(verdicts))).toEqual(sorted(repeated));
    expect(new Set(b.units.map((u: any) => u.town)).size).toBe(4 * new Set(a.units.map((u: any) => u.town)).size);
  });

  for (const [label, months] of [
    ["one month", ["--month", "2021-06"]],
    ["twelve months", ["--from", "2021-01", "--to", "2021-12"]],
  ] as const) {
    it(`allowance for ${label}: total, payees and not paid times 4; per-town totals sum to the total`, async () => {
      const a = await allowance(once, [...months]);
      const b = await allowance(fourTimes, [...months]);
      expect(a.total).toBeGreaterThan(0);
      expect(b.total).toBe(4 * a.total);
      expect(b.payees).toHaveLength(4 * a.payees.length);
      expect(b.not_paid).toHaveLength(4 * a.not_paid.length);
      expect(b.by_town).toHaveLength(4 * a.by_town.length);
      for (const out of [a, b]) {
        expect(sum(out.by_town.map((t: any) => t.total))).toBe(out.total);
        expect(sum(out.payees.map((p: any) => p.amount))).toBe(out.total);
      }
      expect(sorted(b.by_town.map((t: any) => `${t.payees}:${t.total}`))).toEqual(
        sorted(a.by_town.flatMap((t: any) => Array(4).fill(`${t.payees}:${t.total}`))),
      );
    });
  }
});
