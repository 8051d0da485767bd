/** Paths as the user typed them, opened from the run's own folder. */
import { isAbsolute, resolve } from "node:path";

/**
 * The path the system should open for `path` as typed: taken from `cwd` when the run has
 * one (a run inside another program, such as a test), else left to the process's own
 * working folder. Messages keep naming `path` as typed.
 */
export function located(path: string, cwd: string | undefined): string {
  return cwd === undefined || isAbsolute(path) ? path : resolve(cwd, path);
}
