import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sweepStaleTemps, tempName, track, untrack } from "../../src/io/temps.js";

const listeners = (): [number, number] => [process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")];

describe("temporary files of an output", () => {
  it("are named after the target and the writer's pid", () => {
    expect(tempName("payroll.csv", 4242)).toMatch(/^\.payroll\.csv\.4242\.[0-9a-f]{12}\.tmp$/);
  });

  it("while any is being written, SIGINT and SIGTERM are listened for, once; after the last, no longer", () => {
    const [int, term] = listeners();
    track("/tmp/.a.1.x.tmp");
    track("/tmp/.b.1.x.tmp");
    expect(listeners()).toEqual([int + 1, term + 1]);
    untrack("/tmp/.a.1.x.tmp");
    expect(listeners()).toEqual([int + 1, term + 1]);
    untrack("/tmp/.b.1.x.tmp");
    expect(listeners()).toEqual([int, term]);
  });

  it.each([
    // name, file, writer alive, removed
    ["a dead writer's temporary", ".out.csv.999999.abc123.tmp", false, true],
    ["a live writer's temporary", ".out.csv.999999.abc123.tmp", true, false],
    ["another target's temporary", ".other.csv.999999.abc123.tmp", false, false],
    ["a file that only looks alike", ".out.csv.notapid.tmp", false, false],
    ["the target itself", "out.csv", false, false],
  ])("sweeping: %s", (_name, file, alive, removed) => {
    const dir = mkdtempSync(join(tmpdir(), "swtalent-temps-"));
    writeFileSync(join(dir, file), "x");
    expect(sweepStaleTemps(dir, "out.csv", () => alive)).toEqual(removed ? [file] : []);
    expect(readdirSync(dir)).toEqual(removed ? [] : [file]);
  });
});
