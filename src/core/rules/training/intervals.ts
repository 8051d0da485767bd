/** Calendar days covered by span-only training records, each day counted once. */
import type { Day } from "../../dates.js";

/**
 * Adds the days [s, e] to sorted disjoint intervals, merging what overlaps or touches, so
 * a calendar day covered twice is counted once.
 */
export function addInterval(spans: number[], s: Day, e: Day): void {
  // first interval ending on or after the day before s
  let lo = 0;
  let hi = spans.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[2 * mid + 1]! < s - 1) lo = mid + 1;
    else hi = mid;
  }
  const i = 2 * lo;
  let j = i;
  let start = s;
  let end = e;
  while (j < spans.length && spans[j]! <= e + 1) {
    start = Math.min(start, spans[j]!);
    end = Math.max(end, spans[j + 1]!);
    j += 2;
  }
  spans.splice(i, j - i, start, end);
}

export function intervalDays(spans: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < spans.length; i += 2) n += spans[i + 1]! - spans[i]! + 1;
  return n;
}
