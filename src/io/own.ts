/**
 * A string of its own. V8 makes a substring of 13 characters or more a slice that keeps the
 * whole string it was cut from alive: an id stored from a decoded piece of a CSV file, or
 * from a sheet's XML, would keep that whole piece in memory, and a million of them the whole
 * file. A copy keeps only itself.
 */
const SLICE_MIN = 13;

export function own(s: string): string {
  return s.length < SLICE_MIN ? s : `${s} `.slice(0, -1);
}
