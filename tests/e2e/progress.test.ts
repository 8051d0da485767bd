import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ESM module without types, shared with the benchmark
import { generateDistrict } from "../../bench/generate.mjs";
import { swtalent } from "../helpers/cli.js";

describe("progress is for terminals only (SPEC.md Scale: pipes and cron get none)", () => {
  let d: { roster: string; units: string; training: string };
  beforeAll(async () => {
    d = await generateDistrict({ dir: mkdtempSync(join(tmpdir(), "swtalent-progress-")), people: 3000, records: 6000 });
  });

  const commands = (): [string, string[]][] => [
    ["validate", ["validate", d.roster, "--units", d.units]],
    ["audit", ["audit", d.roster, "--units", d.units, "--as-of", "2021-12-31"]],
    ["allowance", ["allowance", d.roster, "--units", d.units, "--from", "2021-01", "--to", "2021-12"]],
    ["training", ["training", d.roster, d.training, "--units", d.units, "--as-of", "2021-12-31"]],
  ];

  it("with stderr piped, no command writes a status line", async () => {
    for (const [name, args] of commands()) {
      const r = await swtalent([...args, "--format", "csv", "--allow-rejects"]);
      expect(r.code, name).toBe(0);
      expect(r.stderr, name).not.toContain("\r");
      expect(r.stderr, name).not.toMatch(/rows read|rows\/s/);
    }
  });
});
