/**
 * Runs the CLI as a user would, with a fixed "today" and an English locale: in this process
 * through its Runtime (`swtalent`, fast), or as the built binary in a process of its own
 * (`spawnSwtalent`, `startSwtalent`) where the process itself is under test: the shim, a
 * closed or full stdout, signals.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { main, todayOf } from "../../src/cli.js";
import type { Runtime } from "../../src/commands/shared.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = join(ROOT, "bin", "swtalent");

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** the folder relative paths start from (default: the repository) */
  readonly cwd?: string;
  /** added to a bare environment of PATH, LANG=C and SWTALENT_TODAY=2021-07-05 */
  readonly env?: Record<string, string>;
  /** standard input (default: empty) */
  readonly input?: string | Buffer;
}

export interface InProcessOptions extends RunOptions {
  /** parts of the runtime to replace: terminals, their width, a stdout that fails */
  readonly runtime?: Partial<Runtime>;
}

function environment(opts: RunOptions): Record<string, string> {
  return { PATH: process.env.PATH ?? "", LANG: "C", SWTALENT_TODAY: "2021-07-05", ...opts.env };
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

/**
 * Runs `swtalent ARGS` in this process, stdout and stderr captured and neither a terminal:
 * the exit code and the very text the binary would print.
 */
/** A runtime for a run in this process, not on a terminal, whose stderr lines go to `stderr`. */
export function quietRuntime(today: number, stderr: string[]): Runtime {
  return {
    ...streams(),
    today,
    env: { LANG: "C" },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stderr: (l) => {
      stderr.push(l);
    },
    status: () => {},
  };
}

export async function swtalent(args: readonly string[], opts: InProcessOptions = {}): Promise<Run> {
  const env = environment(opts);
  const io = streams(opts.input);
  let err = "";
  const rt: Runtime = {
    today: todayOf(env, Date.now()),
    env,
    cwd: opts.cwd ?? ROOT,
    stdin: io.stdin,
    stdout: io.stdout,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stderr: (line) => {
      err += `${line}\n`;
    },
    status: (text) => {
      err += text;
    },
    ...opts.runtime,
  };
  const code = await main(["node", BIN, ...args], rt);
  return { code, stdout: io.written(), stderr: err };
}

/** Runs the built binary in a process of its own and waits for it. */
export function spawnSwtalent(args: readonly string[], opts: RunOptions = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: "utf8",
    input: opts.input ?? "",
    env: environment(opts),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
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
export function startSwtalent(
  args: readonly string[],
  opts: { cwd?: string; env?: Record<string, string>; stdout?: "pipe" | "closed" | number } = {},
): Started {
  const where = opts.stdout ?? "pipe";
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    stdio: ["ignore", typeof where === "number" ? where : "pipe", "pipe"],
    env: environment(opts),
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
