/**
 * Training record rows (培训记录) -> records, one at a time, so a file of any length is
 * folded without being held: memory grows with people, not with records.
 */
import type { Day } from "../dates.js";
import type { Policy } from "../policy/schema.js";
import { RowReader } from "./cells.js";
import { NOT_CLEAN, type Read, dateCell, optional, textCell } from "./clean-row.js";
import { isResidentId18 } from "./ids.js";
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

/** The columns a training row is read for, or -1 where the file has none. */
const FIELDS = ["id", "start_date", "end_date", "days", "hours", "course", "provider"] as const;

export class TrainingReader {
  readonly rejected: Rejection[] = [];
  readonly count: FileCount;
  private readonly at: Record<(typeof FIELDS)[number], number>;
  /** a days or hours cell, remembered by its text: a file repeats a few amounts millions of times */
  private readonly amount = optional(parseHundredths);

  constructor(
    private readonly file: string,
    _policy: Policy,
    private readonly columns: ReadonlyMap<string, number>,
    private readonly width: number,
    /** ids of the roster's accepted people (each read as the roster reads ids: a resident ID's check digit and birth date checked) */
    private readonly known: { has(id: string): boolean },
    /** read every row the checked way, clean ones too: the reference the short path is tested against */
    private readonly checkedOnly = false,
  ) {
    this.count = { file, rows: 0, accepted: 0, rejected: 0 };
    this.at = Object.fromEntries(FIELDS.map((f) => [f, columns.get(f) ?? -1])) as TrainingReader["at"];
  }

  /** The record of this row, or null when it is rejected (the reason is kept). */
  read(cells: readonly string[], row: number, unsaved?: readonly number[]): TrainingRecord | null {
    this.count.rows++;
    const clean = !this.checkedOnly && (unsaved === undefined || unsaved.length === 0) ? this.readClean(cells, row) : null;
    if (clean) {
      this.count.accepted++;
      return clean;
    }
    return this.checked(cells, row, unsaved);
  }

  /**
   * A clean row read on the short path (as roster rows are, clean-row.ts): a resident ID of the
   * roster, both dates, a plain amount. Anything else is null, and `checked` reads the row, so
   * its messages are that path's; the record is the one `checked` would make.
   */
  readClean(cells: readonly string[], row: number): TrainingRecord | null {
    if (cells.length !== this.width) return null;
    const { at } = this;
    const cell = (i: number): string => (i < 0 ? "" : cells[i]!);
    const id = cell(at.id);
    // an id of a roster person in the form of an 18-character resident ID: the roster has
    // checked its check digit and birth date, as it reads every resident ID
    if (!isResidentId18(id) || !this.known.has(id)) return null;
    const start = dateCell(cell(at.start_date));
    const end = dateCell(cell(at.end_date));
    if (start === null || start === NOT_CLEAN || end === null || end === NOT_CLEAN || end < start) return null;
    const days100 = this.amount(cell(at.days));
    if (days100 === NOT_CLEAN) return null;
    let hours100: Read<number | null> = null;
    if (days100 === null) {
      hours100 = this.amount(cell(at.hours));
      if (hours100 === NOT_CLEAN) return null;
    }
    return { id, row, start, end, days100, hours100, course: textCell(cell(at.course)), provider: textCell(cell(at.provider)) };
  }

  private checked(cells: readonly string[], row: number, unsaved?: readonly number[]): TrainingRecord | null {
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
