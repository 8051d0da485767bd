/**
 * Where outputs go (SPEC.md --out, Exit codes): symlinks followed, devices and FIFOs written
 * directly, a folder refused, `-` for stdout, every input (the policy file too) protected,
 * a failed write exit 4, a closed stdout a quiet end, and no temporary file left behind by
 * a signal or by a writer that was killed.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ESM module without types, shared with the benchmark
import { generateDistrict } from "../../bench/generate.mjs";
import { ROOT, spawnSwtalent, startSwtalent, swtalent } from "../helpers/cli.js";

const ROSTER = join(ROOT, "tests/fixtures/allowance/roster.csv");
const scratch = () => mkdtempSync(join(tmpdir(), "swtalent-output-"));

/** The allowance roster and one row with a grade nobody knows: validate rejects row 10. */
function rejecting(): string {
  const path = join(scratch(), "名册.csv");
  writeFileSync(path, `${readFileSync(ROSTER, "utf8")}G0010,黄丽,滨河社区,社区,古南街道,网格员,特级社工,2020/1/1,,,是\n`);
  return path;
}
const temps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp"));
const payrollArgs = (out: string) => ["allowance", ROSTER, "--month", "2021-06", "--format", "csv", "--out", out];
const payroll = (out: string, cwd?: string) => swtalent(payrollArgs(out), cwd ? { cwd } : {});
const expected = async () => (await swtalent(["allowance", ROSTER, "--month", "2021-06", "--format", "csv"])).stdout;

/** A character device of our own (root may make one), else the system's: never replace a real /dev entry in a test. */
function device(dir: string, name: "null" | "full"): string {
  if (process.getuid?.() !== 0) return `/dev/${name}`;
  const path = join(dir, name);
  const made = spawnSync("mknod", [path, "c", "1", name === "null" ? "3" : "7"]);
  return made.status === 0 ? path : `/dev/${name}`;
}

describe("--out follows a symlink to its file and writes that file atomically", () => {
  it("a link to a file: the file gets the output, the link stays a link", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "payroll.csv"), "last month\n");
    symlinkSync("payroll.csv", join(dir, "latest.csv"));
    const r = await payroll("latest.csv", dir);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, "latest.csv")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "latest.csv"))).toBe("payroll.csv");
    expect(readFileSync(join(dir, "payroll.csv"), "utf8")).toBe(await expected());
    expect(temps(dir)).toEqual([]);
  });

  it("a chain of links whose last names no file yet: the file is made where the chain ends", async () => {
    const dir = scratch();
    mkdirSync(join(dir, "archive"));
    symlinkSync("archive/2021-06.csv", join(dir, "month.csv"));
    symlinkSync(join(dir, "month.csv"), join(dir, "latest.csv"));
    const r = await payroll(join(dir, "latest.csv"));
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, "latest.csv")).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, "month.csv")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "archive", "2021-06.csv"), "utf8")).toBe(await expected());
    expect(temps(join(dir, "archive"))).toEqual([]);
  });

  it("the file keeps its permissions when it is replaced (the built binary)", () => {
    const dir = scratch();
    writeFileSync(join(dir, "payroll.csv"), "old\n", { mode: 0o600 });
    expect(spawnSwtalent(payrollArgs("payroll.csv"), { cwd: dir }).code).toBe(0);
    expect(lstatSync(join(dir, "payroll.csv")).mode & 0o777).toBe(0o600);
  });

  it("--rejects follows a link the same way", async () => {
    const dir = scratch();
    symlinkSync("problems.csv", join(dir, "rejects.csv"));
    const r = await swtalent(["validate", rejecting(), "--format", "json", "--out", join(dir, "v.json"), "--rejects", join(dir, "rejects.csv")]);
    expect(r.code).toBe(3);
    expect(lstatSync(join(dir, "rejects.csv")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "problems.csv"), "utf8")).toMatch(/^\uFEFFfile,row,field,value,reason\r\n[^,]*名册\.csv,10,grade,特级社工,/);
  });
});

describe("--out onto a device, a FIFO or a folder", () => {
  it("a character device is written directly and stays a device", async () => {
    const dir = scratch();
    const dev = device(dir, "null");
    const r = await payroll(dev);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it("a FIFO is written directly: its reader gets the whole output and it stays a FIFO", async () => {
    const dir = scratch();
    const fifo = join(dir, "pipe");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const reader = spawn("cat", [fifo]);
    let read = "";
    reader.stdout.setEncoding("utf8").on("data", (s: string) => (read += s));
    const readerDone = new Promise<void>((ok) => reader.on("close", () => ok()));
    const run = await swtalent(["allowance", ROSTER, "--month", "2021-06", "--format", "csv", "--out", fifo]);
    // a reader left waiting on a FIFO that was replaced would wait for ever
    const timer = setTimeout(() => reader.kill(), 5000);
    await readerDone;
    clearTimeout(timer);
    expect(run.code, run.stderr).toBe(0);
    expect(read).toBe(await expected());
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it("a link to /proc/self/fd/1 (as /dev/stdout is) writes to stdout, and the link stays", async () => {
    const dir = scratch();
    symlinkSync("/proc/self/fd/1", join(dir, "stdout"));
    const r = await payroll(join(dir, "stdout"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(await expected());
    expect(lstatSync(join(dir, "stdout")).isSymbolicLink()).toBe(true);
  });

  it("a folder is refused: exit 4, one line naming it", async () => {
    const dir = scratch();
    mkdirSync(join(dir, "reports"));
    const r = await payroll(join(dir, "reports"));
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(`swtalent: --out ${join(dir, "reports")} is a folder: give the path of a file to write\n`);
    expect(readdirSync(join(dir, "reports"))).toEqual([]);
  });

  it("--rejects naming a folder is refused the same way", async () => {
    const dir = scratch();
    const r = await swtalent(["validate", rejecting(), "--format", "json", "--out", join(dir, "v.json"), "--rejects", dir]);
    expect(r.code).toBe(4);
    expect(r.stderr.trimEnd().split("\n").at(-1)).toBe(`swtalent: --rejects ${dir} is a folder: give the path of a file to write`);
  });
});

describe("--out - and --rejects - are standard output", () => {
  it("--out - writes to stdout and makes no file named -", async () => {
    const dir = scratch();
    const r = await payroll("-", dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(await expected());
    expect(readdirSync(dir)).toEqual([]);
  });

  it("--out - picks the format as stdout does (csv on a pipe), not by the name -", async () => {
    const r = await swtalent(["allowance", ROSTER, "--month", "2021-06", "--out", "-"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(await expected());
  });

  it("--rejects - writes the rejected rows to stdout while the report goes to --out", async () => {
    const dir = scratch();
    const r = await swtalent(["validate", rejecting(), "--format", "json", "--out", join(dir, "v.json"), "--rejects", "-"], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^\uFEFFfile,row,field,value,reason\r\n[^,]*名册\.csv,10,grade,特级社工,[^\n]+\r\n$/);
    expect(readdirSync(dir)).toEqual(["v.json"]);
  });

  it("--rejects - with the report on stdout too is refused", async () => {
    const r = await swtalent(["validate", rejecting(), "--rejects", "-"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("swtalent: --rejects - and the report would both go to standard output: give --out FILE, or --rejects FILE\n");
  });
});

describe("the policy file is an input: never written", () => {
  let dir: string;
  let before: string;
  beforeAll(() => {
    dir = scratch();
    copyFileSync(join(ROOT, "fixtures/policy-draft.yaml"), join(dir, "draft.yaml"));
    symlinkSync("draft.yaml", join(dir, "policy-link.yaml"));
    before = readFileSync(join(dir, "draft.yaml"), "utf8");
  });
  afterAll(() => expect(readFileSync(join(dir, "draft.yaml"), "utf8")).toBe(before));

  it.each([
    [["allowance", ROSTER, "--month", "2021-06", "--policy", "draft.yaml", "--out", "draft.yaml"], "--out draft.yaml"],
    [["allowance", ROSTER, "--month", "2021-06", "--policy", "draft.yaml", "--out", "./policy-link.yaml"], "--out ./policy-link.yaml"],
    [["audit", ROSTER, "--policy", "./draft.yaml", "--out", "draft.yaml"], "--out draft.yaml"],
    [["validate", ROSTER, "--policy", "draft.yaml", "--rejects", "draft.yaml"], "--rejects draft.yaml"],
    [["policy", "show", "draft.yaml", "--out", "draft.yaml"], "--out draft.yaml"],
    [["policy", "check", "draft.yaml", "--format", "json", "--out", "policy-link.yaml"], "--out policy-link.yaml"],
  ])("%j: exit 2", async (args, named) => {
    const r = await swtalent(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`swtalent: ${named} is an input file; inputs are never written: choose another output path\n`);
  });

  it("a built-in id names no file: --out with that name is written", async () => {
    const d = scratch();
    const r = await swtalent(["audit", ROSTER, "--policy", "qijiang-2020", "--format", "json", "--out", "qijiang-2020"], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(d, "qijiang-2020"), "utf8")).command).toBe("audit");
  });
});

describe("a failed write to stdout is exit 4 with one line", () => {
  const full = device(scratch(), "full");
  it.each(["csv", "json", "md", "table"])("--format %s > /dev/full", async (format) => {
    const fd = openSync(full, "w");
    try {
      const r = await startSwtalent(["allowance", ROSTER, "--month", "2021-06", "--format", format], { stdout: fd }).done;
      expect(r.code).toBe(4);
      expect(r.stderr).toBe("swtalent: cannot write to standard output (ENOSPC): check that the folder exists and is writable, and that there is space\n");
    } finally {
      closeSync(fd);
    }
  });

  it("--out onto a full device: exit 4 naming it", async () => {
    const r = await payroll(full);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(`swtalent: cannot write ${full} (ENOSPC): check that the folder exists and is writable, and that there is space\n`);
  });

  it.each([["--help"], ["--version"], ["policy", "list"]])("%s > /dev/full", async (...args) => {
    const fd = openSync(full, "w");
    try {
      const r = await startSwtalent(args, { stdout: fd }).done;
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/^swtalent: cannot write to standard output \(ENOSPC\)[^\n]*\n$/);
    } finally {
      closeSync(fd);
    }
  });
});

describe("a closed stdout (| head) ends quietly: exit 0, nothing on stderr", () => {
  it.each([
    [["--help"]],
    [["--version"]],
    [["policy", "show", "qijiang-2020"]],
    ...["csv", "json", "md", "table"].map((f) => [["allowance", ROSTER, "--month", "2021-06", "--format", f]]),
    [["audit", ROSTER, "--format", "json"]],
  ])("%j", async (args) => {
    const r = await startSwtalent(args, { stdout: "closed" }).done;
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});

describe("temporary files", () => {
  /** The pid of a process that has ended. */
  const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

  it("a run sweeps the temporaries of its target left by dead writers, and nothing else", async () => {
    const dir = scratch();
    const dead = deadPid();
    const stale = `.payroll.csv.${dead}.0a1b2c3d4e5f.tmp`;
    const keep = [
      `.payroll.csv.${process.pid}.0a1b2c3d4e5f.tmp`, // its writer is alive
      `.other.csv.${dead}.0a1b2c3d4e5f.tmp`, // another target's
      `.payroll.csv.1.${dead}.0a1b2c3d4e5f.tmp`, // payroll.csv.1's
      `payroll.csv.${dead}.0a1b2c3d4e5f.tmp`, // not a temporary's name
      `.payroll.csv.${dead}.tmp`,
    ];
    for (const f of [stale, ...keep]) writeFileSync(join(dir, f), "x".repeat(1000));
    expect((await payroll("payroll.csv", dir)).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([...keep, "payroll.csv"].sort());
  });

  describe("SIGTERM or SIGINT during a long write", () => {
    let district: { roster: string; units: string };
    beforeAll(async () => {
      district = await generateDistrict({ dir: join(scratch(), "d"), people: 20000 });
    }, 60000);

    it.each(["SIGTERM", "SIGINT"] as const)(
      "%s: the temporary file is removed, the old output kept, and the signal ends the run",
      async (signal) => {
        const dir = scratch();
        writeFileSync(join(dir, "payroll.json"), "last month\n");
        const { child, done } = startSwtalent(
          [
            "allowance",
            district.roster,
            "--units",
            district.units,
            "--from",
            "2021-01",
            "--to",
            "2021-12",
            "--format",
            "json",
            "--out",
            "payroll.json",
            "--allow-rejects",
          ],
          {
            cwd: dir,
            env: { SWTALENT_TODAY: "2022-01-10" },
          },
        );
        let seen = false;
        let exited = false;
        void done.then(() => (exited = true));
        while (!seen && !exited) {
          seen = temps(dir).length > 0;
          if (!seen) await new Promise((ok) => setTimeout(ok, 2));
        }
        expect(seen, "the run ended before its temporary file was seen").toBe(true);
        child.kill(signal);
        const r = await done;
        expect(r.signal).toBe(signal);
        expect(temps(dir)).toEqual([]);
        expect(readFileSync(join(dir, "payroll.json"), "utf8")).toBe("last month\n");
      },
      60000,
    );
  });
});

describe("exit codes stay 0-4", () => {
  it("an error thrown outside any command (in an event handler) is one line and exit 3", () => {
    const dir = scratch();
    // the first write to stdout schedules an error that no code of ours catches
    writeFileSync(
      join(dir, "throw.cjs"),
      "const write = process.stdout.write;\n" +
        "process.stdout.write = function (...args) {\n" +
        "  process.stdout.write = write;\n" +
        '  setImmediate(() => { throw new Error("boom"); });\n' +
        "  return write.apply(this, args);\n" +
        "};\n",
    );
    const r = spawnSwtalent(["policy", "list"], { env: { NODE_OPTIONS: `--require ${join(dir, "throw.cjs")}` } });
    expect(r.stderr).toBe("swtalent: unexpected error: boom (run with --debug for details)\n");
    expect(r.code).toBe(3);
  });
});
