/** Runs the built CLI as a user would, with a fixed "today" and an English locale. */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = join(ROOT, "bin", "swtalent");

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function swtalent(args: readonly string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: "utf8",
    input: opts.input ?? "",
    env: { PATH: process.env.PATH ?? "", LANG: "C", SWTALENT_TODAY: "2021-07-05", ...opts.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Standard input and output for a run in this process: `input` to be read, and what is written kept. */
export function streams(input: string | Buffer = ""): { stdin: Readable; stdout: Writable; written: () => string } {
  const out: Buffer[] = [];
  return {
    stdin: Readable.from(input.length > 0 ? [Buffer.from(input)] : []),
    stdout: new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        out.push(Buffer.from(chunk));
        done();
      },
    }),
    written: () => Buffer.concat(out).toString("utf8"),
  };
}

export function json(r: Run): any {
  return JSON.parse(r.stdout);
}

export interface Started {
  readonly child: ChildProcess;
  /** the exit: code (null when a signal ended it), signal, and what was read of stdout and stderr */
  readonly done: Promise<Run & { readonly signal: NodeJS.Signals | null }>;
}

/**
 * Starts the built CLI without waiting, stdout where the test says: "pipe" (read into
 * `stdout`), "closed" (a pipe whose reader has already gone, as `| head` leaves it), or a
 * file descriptor (e.g. of /dev/full).
 */
export function startSwtalent(args: readonly string[], opts: { cwd?: string; env?: Record<string, string>; stdout?: "pipe" | "closed" | number } = {}): Started {
  const where = opts.stdout ?? "pipe";
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    stdio: ["ignore", typeof where === "number" ? where : "pipe", "pipe"],
    env: { PATH: process.env.PATH ?? "", LANG: "C", SWTALENT_TODAY: "2021-07-05", ...opts.env },
  });
  let stdout = "";
  let stderr = "";
  if (where === "closed") child.stdout!.destroy();
  else child.stdout?.setEncoding("utf8").on("data", (s: string) => (stdout += s));
  child.stderr!.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  const done = new Promise<Run & { signal: NodeJS.Signals | null }>((ok) => {
    child.on("close", (code, signal) => ok({ code: code ?? -1, signal, stdout, stderr }));
  });
  return { child, done };
}
