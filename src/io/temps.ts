/**
 * The temporary files an output is written to before its rename: named so that a later run
 * can tell whether their writer still lives, removed when SIGINT or SIGTERM ends the run, and
 * swept when a writer died without removing them.
 */
import { randomBytes } from "node:crypto";
import { lstatSync, readdirSync, unlinkSync } from "node:fs";
import { join } from "node:path";

/** Temporary files being written now: removed if SIGINT or SIGTERM ends the run. */
const inFlight = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM"] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of inFlight) {
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed or removed
    }
  }
  inFlight.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // the signal is not swallowed: with no listener left, it ends the process as it would have
  process.kill(process.pid, signal);
}

export function track(tmp: string): void {
  if (inFlight.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  inFlight.add(tmp);
}

export function untrack(tmp: string): void {
  inFlight.delete(tmp);
  if (inFlight.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** `.<target>.<pid>.<random>.tmp`: the pid tells a later run whether the writer still lives. */
export function tempName(target: string, pid = process.pid): string {
  return `.${target}.${pid}.${randomBytes(6).toString("hex")}.tmp`;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, someone else's
    return (e as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/**
 * Removes the temporary files of `target` in `dir` left by writers that died (SIGKILL, a
 * crash, a power cut): only files named like this target's temporaries, and only those
 * whose pid is no longer running. Returns the names removed.
 */
export function sweepStaleTemps(dir: string, target: string, alive: (pid: number) => boolean = pidAlive): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const prefix = `.${target}.`;
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith(".tmp")) continue;
    const m = /^(\d+)\.[0-9a-z]+$/.exec(entry.slice(prefix.length, -".tmp".length));
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || alive(pid)) continue;
    try {
      if (!lstatSync(join(dir, entry)).isFile()) continue;
      unlinkSync(join(dir, entry));
      removed.push(entry);
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}
