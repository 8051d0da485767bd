/**
 * Training record rows (培训记录) -> records, one at a time, so a file of any length is
 * folded without being held: memory grows with people, not with records.
 */
import type { Day } from "../dates.js";
import type { Policy } from "../policy/schema.js";
import { RowReader } from "./cells.js";
import type { FileCount, Rejection } from "./types.js";

export const TRAINING_REQUIRED = ["id"] as const;

export interface TrainingRecord {
  readonly id: string;
  readonly row: number;
  readonly start: Day;
  readonly end: Day;
  /** hundredths of a day, when the days cell is given */
  readonly days100: number | null;
  /** hundredths of an hour, when the hours cell is given (and days is not) */
  readonly hours100: number | null;
  readonly course: string;
  readonly provider: string;
}

/** A non-negative decimal in hundredths (1.5 -> 150), exactly, from its digits; null if not one. */
export function parseHundredths(cell: string): number | null {
  const m = /^(\d{1,7})(?:\.(\d*))?$/.exec(cell.normalize("NFKC").trim());
  if (!m) return null;
  const frac = (m[2] ?? "").padEnd(3, "0");
  const rounded = Number(frac.slice(0, 2)) + (Number(frac[2]) >= 5 ? 1 : 0);
  return Number(m[1]) * 100 + rounded;
}

export class TrainingReader {
  readonly rejected: Rejection[] = [];
  readonly count: FileCount;

  constructor(
    private readonly file: string,
    _policy: Policy,
    private readonly columns: ReadonlyMap<string, number>,
    private readonly width: number,
    /** ids of the roster's accepted people */
    private readonly known: { has(id: string): boolean },
  ) {
    this.count = { file, rows: 0, accepted: 0, rejected: 0 };
  }

  /** The record of this row, or null when it is rejected (the reason is kept). */
  read(cells: readonly string[], row: number, unsaved?: readonly number[]): TrainingRecord | null {
    this.count.rows++;
    const r = new RowReader(this.file, this.columns, cells, row, this.width, unsaved);
    const id = r.problems.length > 0 ? null : r.id();
    if (id !== null && !this.known.has(id)) r.reject("id", id, "not_in_roster");
    const start = r.date("start_date");
    const end = r.date("end_date");
    const days100 = r.coded("days", parseHundredths, "bad_number");
    const hours100 = days100 === null ? r.coded("hours", parseHundredths, "bad_number") : null;
    if (start !== null && end !== null && end < start) r.reject("end_date", r.text("end_date"), "end_before_start", { start: r.text("start_date") });
    const hasDates = r.text("start_date") !== "" || r.text("end_date") !== "";
    if (!hasDates && r.problems.length === 0) r.reject("start_date", "", "no_date");
    const spanKnown = start !== null && end !== null;
    const amountGiven = r.text("days") !== "" || r.text("hours") !== "";
    if (!amountGiven && !spanKnown && hasDates && r.problems.length === 0) r.reject("days", "", "no_duration");
    if (r.problems.length > 0 || id === null) {
      this.rejected.push(...r.problems);
      this.count.rejected++;
      return null;
    }
    this.count.accepted++;
    const from = (start ?? end)!;
    return {
      id,
      row,
      start: from,
      end: end ?? from,
      days100,
      hours100,
      course: r.text("course"),
      provider: r.text("provider"),
    };
  }
}
