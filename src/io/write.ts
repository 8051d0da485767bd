/**
 * Writing outputs: to a temporary file beside the target, then renamed into place, so an
 * interrupted run leaves the old file intact; never over an input.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { OutputError, UsageError } from "../core/errors.js";

function identity(path: string): string | null {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

/** Refuses an output path that is one of the inputs (same path, or the same file by link). */
export function checkNotInput(out: string, inputs: readonly string[], option = "--out"): void {
  const outPath = resolve(out);
  const outId = identity(out);
  for (const input of inputs) {
    if (input === "-") continue;
    let same = resolve(input) === outPath;
    if (!same && outId !== null) same = identity(input) === outId;
    if (!same) {
      try {
        same = realpathSync(input) === resolve(realpathSync(dirname(out)), basename(out));
      } catch {
        // the output folder does not exist yet: it cannot be an input
      }
    }
    if (same) throw new UsageError(`${option} ${out} is an input file; inputs are never written: choose another output path`);
  }
}

/** Creates an output folder and any missing parents; one that exists is fine. */
export function ensureDir(path: string): void {
  try {
    // one level at a time from the deepest folder that exists: Node's recursive mkdir can
    // spin forever under a pseudo-filesystem such as /proc instead of failing
    const missing: string[] = [];
    let at = resolve(path);
    while (!existsSync(at)) {
      missing.unshift(at);
      const up = dirname(at);
      if (up === at) break;
      at = up;
    }
    for (const dir of missing) mkdirSync(dir);
    if (!statSync(resolve(path)).isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new OutputError(`cannot create the folder ${path} (${reason}): check the path, and that it is not a file`);
  }
}

/** An output: whole, or in pieces written as they are made. */
export type Output = string | Buffer | Iterable<string>;

function writeAll(fd: number, buf: Buffer): void {
  for (let at = 0; at < buf.length; ) at += writeSync(fd, buf, at, buf.length - at);
}

export function writeAtomic(path: string, data: Output): void {
  const dir = dirname(resolve(path));
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, "wx", 0o644);
    if (typeof data === "string") writeAll(fd, Buffer.from(data, "utf8"));
    else if (Buffer.isBuffer(data)) writeAll(fd, data);
    else for (const piece of data) writeAll(fd, Buffer.from(piece, "utf8"));
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was created
    }
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new OutputError(`cannot write ${path} (${reason}): check that the folder exists and is writable`);
  }
}

/** Writes to stdout, ending quietly when the reader has gone away (`| head`). */
export function writeStdout(data: string | Iterable<string>): Promise<void> {
  return new Promise((done) => {
    let gone = false;
    process.stdout.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") {
        gone = true;
        done();
      }
    });
    if (typeof data === "string") {
      process.stdout.write(data, () => done());
      return;
    }
    // piece by piece, waiting whenever the pipe is full, so the pieces are never all held
    const pieces = data[Symbol.iterator]();
    const next = (): void => {
      for (;;) {
        if (gone) return;
        const piece = pieces.next();
        if (piece.done) {
          process.stdout.write("", () => done());
          return;
        }
        if (!process.stdout.write(piece.value)) {
          process.stdout.once("drain", next);
          return;
        }
      }
    };
    next();
  });
}
