/**
 * A report taller than the terminal goes through a pager, as git does: $PAGER, by default
 * `less -FRX` (quit at the end of one screen, keep colours, leave the text on the screen).
 * Only on a terminal and for human formats: pipes, files and cron (no terminal) never page,
 * nor does --no-pager; when the pager cannot start, the report is printed directly.
 */
import { spawn } from "node:child_process";
import { type OutStream, type Output, writeStdout } from "./write.js";

/** A running pager: what it reads, and its end (the reader quit, or read to the end). */
export interface Pager {
  readonly input: OutStream & { end(): void };
  readonly done: Promise<void>;
}

/** Starts a pager from its command and arguments; null when it cannot be started. */
export type StartPager = (argv: readonly string[]) => Promise<Pager | null>;

/** What paging needs of the run: its terminal, its environment, and a way to start a pager. */
export interface PagerTerminal {
  readonly stdout: OutStream;
  readonly stdoutIsTTY: boolean;
  /** the terminal's height in lines */
  readonly stdoutRows?: number;
  readonly env: NodeJS.ProcessEnv;
  /** absent: this run never pages */
  readonly startPager?: StartPager;
}

const DEFAULT_PAGER = ["less", "-FRX"];
/** a terminal whose height is not known is taken to be this tall */
const DEFAULT_ROWS = 24;

/**
 * The pager's command and arguments from $PAGER (split at spaces; no shell syntax), the
 * default when it is unset, or null when it says not to page (empty, or `cat`).
 */
export function pagerCommand(env: NodeJS.ProcessEnv): string[] | null {
  const given = env.PAGER;
  if (given === undefined) return DEFAULT_PAGER;
  const argv = given.trim().split(/\s+/).filter(Boolean);
  if (argv.length === 0 || argv[0] === "cat") return null;
  return argv;
}

function lineBreaks(s: string): number {
  let n = 0;
  for (let at = s.indexOf("\n"); at !== -1; at = s.indexOf("\n", at + 1)) n++;
  return n;
}

function* chained(head: readonly string[], rest: Iterator<string>): Generator<string> {
  yield* head;
  for (let next = rest.next(); !next.done; next = rest.next()) yield next.value;
}

/**
 * Writes a report to standard output, through the pager when `page` is asked, stdout is a
 * terminal and the report is taller than it (the last line is left for the prompt). Only
 * the first screen is held to decide; the rest is written as it is made.
 */
export async function writePaged(rt: PagerTerminal, text: Output, page: boolean): Promise<void> {
  const argv = page && rt.stdoutIsTTY && rt.startPager ? pagerCommand(rt.env) : null;
  if (argv === null || Buffer.isBuffer(text)) return writeStdout(rt.stdout, text);
  const rows = rt.stdoutRows && rt.stdoutRows > 0 ? rt.stdoutRows : DEFAULT_ROWS;
  const pieces = (typeof text === "string" ? [text] : text)[Symbol.iterator]();
  const head: string[] = [];
  let lines = 0;
  let next = pieces.next();
  for (; !next.done && lines < rows; next = pieces.next()) {
    head.push(next.value);
    lines += lineBreaks(next.value);
  }
  if (next.done && lines < rows) return writeStdout(rt.stdout, head.join(""));
  if (!next.done) head.push(next.value);
  const rest = chained(head, pieces);
  const pager = await rt.startPager!(argv);
  if (pager === null) return writeStdout(rt.stdout, rest);
  try {
    // a reader who quits early (q in less) closes the pipe: the rest is not wanted, and no error
    await writeStdout(pager.input, rest);
  } finally {
    pager.input.end();
    await pager.done;
  }
}

/**
 * Starts the pager as a process of its own on this terminal, reading from a pipe. While it
 * runs, Ctrl-C is the pager's to handle (less uses it to stop a search), not an end of this run.
 */
export const spawnPager: StartPager = (argv) =>
  new Promise((started) => {
    const [command, ...args] = argv;
    const child = spawn(command!, args, { stdio: ["pipe", "inherit", "inherit"] });
    const ignore = () => {};
    child.once("error", () => started(null));
    child.once("spawn", () => {
      process.on("SIGINT", ignore);
      const done = new Promise<void>((ended) => {
        child.once("close", () => {
          process.removeListener("SIGINT", ignore);
          ended();
        });
      });
      started({ input: child.stdin!, done });
    });
  });
