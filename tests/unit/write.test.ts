/** Writing outputs (src/io/write.ts): failures are one OutputError, temporaries never outlive their writer. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import type { Runtime } from "../../src/commands/shared.js";
import { parseDay } from "../../src/core/dates.js";
import { OutputError } from "../../src/core/errors.js";
import { settleStdout, sweepStaleTemps, tempName, writeOutput, writeStdout } from "../../src/io/write.js";
import { streams } from "../helpers/cli.js";

const scratch = () => mkdtempSync(join(tmpdir(), "swtalent-write-"));
/** Absolute paths only, and nothing on standard output. */
const files = { stdout: streams().stdout };

/** Rows made one by one, the last of them failing as a renderer can fail on a huge output. */
function* failingAfter(pieces: number, error: Error): Generator<string> {
  for (let i = 0; i < pieces; i++) yield `${"x".repeat(1000)}\n`;
  throw error;
}

describe("a failure while the output is made or written is one OutputError (exit 4)", () => {
  it.each([
    [new RangeError("Invalid string length"), "RangeError: Invalid string length"],
    [new RangeError("Maximum call stack size exceeded"), "RangeError: Maximum call stack size exceeded"],
    [new TypeError("cannot read properties of undefined"), "TypeError: cannot read properties of undefined"],
  ])("%s: the old file is kept and no temporary is left", async (error, named) => {
    const dir = scratch();
    writeFileSync(join(dir, "out.json"), "last month\n");
    const failure = await writeOutput(files, join(dir, "out.json"), failingAfter(200, error)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OutputError);
    expect((failure as OutputError).exitCode).toBe(4);
    expect((failure as OutputError).message).toBe(
      `cannot write ${join(dir, "out.json")}: the output could not be made (${named}); --format csv is written row by row`,
    );
    expect(readFileSync(join(dir, "out.json"), "utf8")).toBe("last month\n");
    expect(readdirSync(dir)).toEqual(["out.json"]);
  });

  it("a folder that does not exist names the path and the system's code", async () => {
    const dir = scratch();
    const failure = await writeOutput(files, join(dir, "no", "out.csv"), "a\n").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OutputError);
    expect((failure as OutputError).message).toBe(
      `cannot write ${join(dir, "no", "out.csv")} (ENOENT): check that the folder exists and is writable, and that there is space`,
    );
  });

  it("pieces are written as they come and joined exactly", async () => {
    const dir = scratch();
    const pieces = Array.from({ length: 5000 }, (_, i) => `${i},王芳${i % 7 === 0 ? "\n" : ""}`);
    await writeOutput(files, join(dir, "out.csv"), pieces);
    expect(readFileSync(join(dir, "out.csv"), "utf8")).toBe(pieces.join(""));
  });
});

describe("standard output and the working folder are the run's own (its Runtime)", () => {
  /** A stdout whose every write fails as /dev/full fails. */
  const full = () =>
    new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error("write ENOSPC"), { code: "ENOSPC" }));
      },
    });

  it("a failed stdout is one OutputError, reported once; another run's stdout still writes", async () => {
    const stdout = full();
    const failure = await writeStdout(stdout, "a\n").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OutputError);
    expect((failure as OutputError).message).toBe(
      "cannot write to standard output (ENOSPC): check that the folder exists and is writable, and that there is space",
    );
    await expect(settleStdout(stdout)).resolves.toBeUndefined();
    const next = streams();
    await writeOutput(next, "-", "b\n");
    await settleStdout(next.stdout);
    expect(next.written()).toBe("b\n");
  });

  it("a relative --out is written in the run's folder, and named as typed", async () => {
    const dir = scratch();
    await writeOutput({ stdout: streams().stdout, cwd: dir }, "out.csv", "a\n");
    expect(readFileSync(join(dir, "out.csv"), "utf8")).toBe("a\n");
    const failure = await writeOutput({ stdout: streams().stdout, cwd: dir }, "no/out.csv", "a\n").catch((e: unknown) => e);
    expect((failure as OutputError).message).toBe("cannot write no/out.csv (ENOENT): check that the folder exists and is writable, and that there is space");
  });
});

describe("temporary files carry the writer's pid; a later run removes those of dead writers", () => {
  it("the name is .<target>.<pid>.<random>.tmp", () => {
    expect(tempName("工资表.csv", 4242)).toMatch(/^\.工资表\.csv\.4242\.[0-9a-f]{12}\.tmp$/);
    expect(tempName("a.csv")).not.toBe(tempName("a.csv"));
  });

  it("only this target's temporaries, only of pids that are not running", () => {
    const dir = scratch();
    const files = {
      dead: ".payroll.csv.111.0a1b2c3d4e5f.tmp",
      oldStyle: ".payroll.csv.112.lx9k2m3.tmp", // an earlier version's Date.now() in base 36
      alive: ".payroll.csv.222.0a1b2c3d4e5f.tmp",
      own: `.payroll.csv.${process.pid}.0a1b2c3d4e5f.tmp`,
      otherTarget: ".payroll.csv.1.111.0a1b2c3d4e5f.tmp",
      notTemp: ".payroll.csv.111.0a1b2c3d4e5f.bak",
      target: "payroll.csv",
    };
    for (const f of Object.values(files)) writeFileSync(join(dir, f), "x");
    const removed = sweepStaleTemps(dir, "payroll.csv", (pid) => pid === 222);
    expect(removed.sort()).toEqual([files.dead, files.oldStyle].sort());
    expect(readdirSync(dir).sort()).toEqual([files.alive, files.own, files.otherTarget, files.notTemp, files.target].sort());
  });

  it("a folder that cannot be read is no error", () => {
    expect(sweepStaleTemps(join(scratch(), "missing"), "a.csv", () => false)).toEqual([]);
  });
});

describe("exit codes stay 0-4 (SPEC.md Exit codes)", () => {
  it("an unexpected error is one line and exit 3, a trace only with --debug", async () => {
    const lines: string[] = [];
    const rt: Runtime = {
      ...streams(),
      today: parseDay("2021-07-05")!,
      // an environment that fails when read: an error no code path expects
      env: new Proxy(
        {},
        {
          get: () => {
            throw new Error("environment unavailable");
          },
        },
      ) as NodeJS.ProcessEnv,
      stdoutIsTTY: false,
      stderrIsTTY: false,
      stderr: (line) => lines.push(line),
      status: () => {},
    };
    const code = await main(["node", "swtalent", "policy", "list"], rt);
    expect(code).toBe(3);
    expect(lines).toEqual(["swtalent: unexpected error: environment unavailable (run with --debug for details)"]);
    lines.length = 0;
    expect(await main(["node", "swtalent", "policy", "list", "--debug"], rt)).toBe(3);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^swtalent: unexpected error: environment unavailable\nError: environment unavailable\n {4}at /);
  });
});
