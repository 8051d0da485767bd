/**
 * The training window (计算期间): the days whose training counts toward a person's
 * requirement, rolling (the years ending on the as-of date) or in cycles from the certificate.
 */
import { type Day, addYears, partsOf } from "../../dates.js";
import type { TrainingPolicy } from "../../policy/schema.js";
import type { Person } from "../../records/types.js";

export type WindowKind = TrainingPolicy["window"];
export const WINDOW_KINDS: readonly WindowKind[] = ["rolling", "certificate"];

/** The days whose training counts, both included. */
export interface Window {
  readonly start: Day;
  readonly end: Day;
}

/** The `years` ending on the as-of date: from as-of minus `years` (exclusive) to as-of (inclusive). */
export function rollingWindow(asOf: Day, years: number): Window {
  // addYears takes a 29 February as-of back to 28 February
  return { start: addYears(asOf, -years) + 1, end: asOf };
}

/**
 * Consecutive cycles of `years` starting on the certificate date; the cycle that contains
 * the as-of date is judged, counting its days up to the as-of date. On a cycle's last day,
 * cert + k × years, that cycle is complete and is the one judged (POLICY.md §2 "Status": on
 * cert_date + 3 years itself the window is complete), not the cycle that starts that day.
 */
export function certificateCycle(cert: Day, asOf: Day, years: number): Window {
  let k = Math.max(0, Math.floor((partsOf(asOf).year - partsOf(cert).year) / years));
  while (k > 0 && addYears(cert, k * years) >= asOf) k--;
  return { start: addYears(cert, k * years), end: asOf };
}

/**
 * A person's window. Under `certificate`, a person with no certificate date (which counts
 * as an old certificate, POLICY.md §1) has no cycles to place: their rolling window is used.
 */
export function trainingWindow(p: Person, kind: WindowKind, asOf: Day, years: number): Window {
  return kind === "certificate" && p.certDate !== null ? certificateCycle(p.certDate, asOf, years) : rollingWindow(asOf, years);
}

/** The day on which the first window after the certificate is complete; null for an old (or undated) certificate. */
export function windowCompleteOn(p: Person, years: number): Day | null {
  return p.certDate === null ? null : addYears(p.certDate, years);
}
