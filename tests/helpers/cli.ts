/** Runs the built CLI as a user would, with a fixed "today" and an English locale. */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
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

export function json(r: Run): any {
  return JSON.parse(r.stdout);
}
