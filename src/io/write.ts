/**
 * Writing outputs: to a temporary file beside the target, then renamed into place, so an
 * interrupted run leaves the old file intact; never over an input. A symlink is followed to
 * the file it names; a character device or a FIFO is written directly; standard output is
 * written piece by piece. Any failure, in rendering or in writing, is one OutputError.
 * Kept whole (past 300 lines): where an output may go and how it is written are one decision.
 */
import { type Stats, constants, existsSync, lstatSync, mkdirSync, readlinkSync, realpathSync, statSync, unlinkSync } from "node:fs";
import { type FileHandle, open, rename } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import { OutputError, SwtalentError, UsageError } from "../core/errors.js";
import { located } from "./paths.js";
import { sweepStaleTemps, tempName, track, untrack } from "./temps.js";

export { sweepStaleTemps, tempName };

/** `--out -` (and `--rejects -`): standard output. */
export const STDOUT = "-";

/** What standard output is written through: process.stdout, or what a test captures. */
export interface OutStream {
  write(chunk: Buffer | string, done?: (error?: Error | null) => void): boolean;
  on(event: "error", listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/** Where a run's outputs go: its standard output, and the folder relative paths start from. */
export interface Destination {
  readonly stdout: OutStream;
  /** absent: the process's own working folder */
  readonly cwd?: string;
}

function identity(path: string): string | null {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

/** Refuses an output path that is one of the inputs (same path, or the same file by link). */
export function checkNotInput(to: Pick<Destination, "cwd">, out: string, inputs: readonly string[], option = "--out"): void {
  if (out === STDOUT) return;
  const outAt = located(out, to.cwd);
  const outPath = resolve(outAt);
  const outId = identity(outAt);
  for (const typed of inputs) {
    if (typed === "-") continue;
    const input = located(typed, to.cwd);
    let same = resolve(input) === outPath;
    if (!same && outId !== null) same = identity(input) === outId;
    if (!same) {
      try {
        same = realpathSync(input) === finalPath(outAt).path;
      } catch {
        // the output folder does not exist yet: it cannot be an input
      }
    }
    if (same) throw new UsageError(`${option} ${out} is an input file; inputs are never written: choose another output path`);
  }
}

/** True when two output paths end in the same place (both stdout, the same file, or links to it). */
export function sameOutput(to: Pick<Destination, "cwd">, typedA: string, typedB: string): boolean {
  if (typedA === STDOUT || typedB === STDOUT) return typedA === typedB;
  const a = located(typedA, to.cwd);
  const b = located(typedB, to.cwd);
  if (resolve(a) === resolve(b)) return true;
  const id = identity(a);
  if (id !== null && id === identity(b)) return true;
  try {
    return finalPath(a).path === finalPath(b).path;
  } catch {
    return false;
  }
}

/** Creates an output folder and any missing parents; one that exists is fine. */
export function ensureDir(to: Pick<Destination, "cwd">, path: string): void {
  try {
    // one level at a time from the deepest folder that exists: Node's recursive mkdir can
    // spin forever under a pseudo-filesystem such as /proc instead of failing
    const missing: string[] = [];
    let at = resolve(located(path, to.cwd));
    while (!existsSync(at)) {
      missing.unshift(at);
      const up = dirname(at);
      if (up === at) break;
      at = up;
    }
    for (const dir of missing) mkdirSync(dir);
    if (!statSync(resolve(located(path, to.cwd))).isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new OutputError(`cannot create the folder ${path} (${reason}): check the path, and that it is not a file`);
  }
}

/** An output: whole, or in pieces written as they are made. */
export type Output = string | Buffer | Iterable<string>;

/** Pieces are gathered into writes of about this many characters: few system calls, little memory. */
const WRITE_SIZE = 1 << 16;

/** The output as buffers; pieces are rendered only as the writer asks for them. */
function* buffers(data: Output): Generator<Buffer> {
  if (typeof data === "string") {
    yield Buffer.from(data, "utf8");
    return;
  }
  if (Buffer.isBuffer(data)) {
    yield data;
    return;
  }
  let pending: string[] = [];
  let size = 0;
  for (const piece of data) {
    pending.push(piece);
    size += piece.length;
    if (size >= WRITE_SIZE) {
      yield Buffer.from(pending.join(""), "utf8");
      pending = [];
      size = 0;
    }
  }
  if (size > 0) yield Buffer.from(pending.join(""), "utf8");
}

/**
 * One line for any failure while the output was made or written: a system error names its
 * code; anything else (a RangeError "Invalid string length", a stack overflow) was the
 * rendering, and CSV is the format written row by row. Errors of our own pass as they are.
 */
function outputError(where: string, e: unknown): SwtalentError {
  if (e instanceof SwtalentError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const err =
    typeof code === "string" && code.startsWith("E") && !code.startsWith("ERR_")
      ? new OutputError(`cannot write ${where} (${code}): check that the folder exists and is writable, and that there is space`)
      : new OutputError(
          `cannot write ${where}: the output could not be made (${(e as Error).name}: ${(e as Error).message}); --format csv is written row by row`,
        );
  return Object.assign(err, { cause: e });
}

async function writeAll(handle: FileHandle, data: Output): Promise<void> {
  for (const buf of buffers(data)) {
    for (let at = 0; at < buf.length; ) at += (await handle.write(buf, at, buf.length - at)).bytesWritten;
  }
}

// --- where a path leads ---

const MAX_LINKS = 40;

/**
 * The file a path finally names, following symlinks of its last part as the system would
 * (each link read from its real folder). `proc`: a link passed through /proc, whose fd links
 * (/dev/stdout, /dev/fd/N) name files this process already has open; `stdout`: one of them
 * was this process's own descriptor 1.
 */
function finalPath(path: string): { path: string; proc: boolean; stdout: boolean } {
  const ownStdout = [`${sep}proc${sep}self${sep}fd${sep}1`, `${sep}proc${sep}${process.pid}${sep}fd${sep}1`];
  let at = resolve(path);
  let proc = false;
  let stdout = false;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    try {
      at = join(realpathSync(dirname(at)), basename(at));
    } catch {
      return { path: at, proc, stdout };
    }
    if (at.startsWith(`${sep}proc${sep}`)) proc = true;
    if (ownStdout.includes(at)) stdout = true;
    let st: Stats;
    try {
      st = lstatSync(at);
    } catch {
      return { path: at, proc, stdout };
    }
    if (!st.isSymbolicLink()) return { path: at, proc, stdout };
    at = resolve(dirname(at), readlinkSync(at));
  }
  throw Object.assign(new Error("too many symbolic links"), { code: "ELOOP" });
}

type Target =
  | { readonly kind: "stdout" }
  | { readonly kind: "direct"; readonly path: string }
  | { readonly kind: "replace"; readonly path: string; readonly mode: number | null };

/**
 * How `path` is written: this process's stdout (/dev/stdout, whatever it is: a pipe, a
 * socket, a terminal, a file); directly (a character device, a FIFO, another descriptor
 * of this process); or replaced atomically (a new or regular file, through links).
 */
function targetOf(path: string, at: string, option: string): Target {
  const final = finalPath(at);
  if (final.stdout) return { kind: "stdout" };
  let st: Stats | null = null;
  try {
    st = statSync(at);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  if (st === null) return { kind: "replace", path: final.path, mode: null };
  if (st.isDirectory()) throw new OutputError(`${option} ${path} is a folder: give the path of a file to write`);
  if (st.isCharacterDevice() || st.isFIFO() || final.proc) return { kind: "direct", path: at };
  if (!st.isFile()) throw new OutputError(`${option} ${path} is neither a file, a character device nor a FIFO: choose another output path`);
  return { kind: "replace", path: final.path, mode: st.mode & 0o777 };
}

async function replaceAtomically(target: string, mode: number | null, data: Output): Promise<void> {
  const dir = dirname(target);
  sweepStaleTemps(dir, basename(target));
  const tmp = join(dir, tempName(basename(target)));
  let handle: FileHandle | null = null;
  track(tmp);
  try {
    handle = await open(tmp, "wx", mode ?? 0o644);
    if (mode !== null) await handle.chmod(mode);
    await writeAll(handle, data);
    await handle.sync();
    await handle.close();
    handle = null;
    await rename(tmp, target);
  } catch (e) {
    await handle?.close().catch(() => {});
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was created
    }
    throw e;
  } finally {
    untrack(tmp);
  }
}

async function writeDirectly(path: string, data: Output): Promise<void> {
  // no create, no truncate: a device or FIFO is written as it is; a file this process has
  // open on stdout (`> f`, `>> f`) is added to, as the shell set it up
  const handle = await open(path, constants.O_WRONLY | constants.O_APPEND);
  try {
    await writeAll(handle, data);
  } finally {
    await handle.close().catch(() => {});
  }
}

/**
 * Writes `data` to `path`: a new or regular file (through symlinks) via a temporary file
 * beside it and a rename; a character device or FIFO directly; `-` to standard output.
 * `option` names the path in messages (`--out`, `--rejects`).
 */
export async function writeOutput(to: Destination, path: string, data: Output, option = "--out"): Promise<void> {
  if (path === STDOUT) return writeStdout(to.stdout, data);
  try {
    const target = targetOf(path, located(path, to.cwd), option);
    if (target.kind === "stdout") return await writeStdout(to.stdout, data);
    if (target.kind === "direct") await writeDirectly(target.path, data);
    else await replaceAtomically(target.path, target.mode, data);
  } catch (e) {
    throw outputError(path, e);
  }
}

// --- standard output ---

/** What a stream's writes have met so far: its first failure, and whether that was reported. */
interface StdoutState {
  failure: NodeJS.ErrnoException | null;
  reported: boolean;
}

/** Kept per stream: the process's stdout for the CLI, a fresh one for each run in a test. */
const states = new WeakMap<OutStream, StdoutState>();

/**
 * Keeps a failed write to stdout from ending the process with a stack trace: the first
 * error is kept, for the writer (or settleStdout) to report; a closed reader (EPIPE) is no
 * error at all.
 */
export function watchStdout(stdout: OutStream): StdoutState {
  const state = states.get(stdout);
  if (state) return state;
  const fresh: StdoutState = { failure: null, reported: false };
  states.set(stdout, fresh);
  stdout.on("error", (e: NodeJS.ErrnoException) => {
    fresh.failure ??= e;
  });
  return fresh;
}

function writeChunk(stdout: OutStream, buf: Buffer): Promise<void> {
  return new Promise((done, fail) => {
    stdout.write(buf, (e) => (e ? fail(e) : done()));
  });
}

/**
 * Writes to stdout piece by piece, waiting for each write, so the pieces are never all held
 * and a failure is seen; ends quietly when the reader has gone away (`| head`).
 */
export async function writeStdout(stdout: OutStream, data: Output): Promise<void> {
  const state = watchStdout(stdout);
  try {
    for (const buf of buffers(data)) {
      if (state.failure?.code === "EPIPE") return;
      await writeChunk(stdout, buf);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EPIPE") return;
    state.reported = true;
    throw outputError("to standard output", e);
  }
}

/**
 * Waits for what was written to stdout outside writeStdout (help, version) and throws an
 * OutputError for a failure not reported yet; a closed reader is not one.
 */
export async function settleStdout(stdout: OutStream): Promise<void> {
  const state = watchStdout(stdout);
  const late = await new Promise<Error | null | undefined>((done) => {
    stdout.write("", done);
  });
  const failure = state.failure ?? (late as NodeJS.ErrnoException | null | undefined) ?? null;
  if (failure && failure.code !== "EPIPE" && !state.reported) {
    state.reported = true;
    throw outputError("to standard output", failure);
  }
}
