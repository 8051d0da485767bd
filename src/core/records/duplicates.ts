/**
 * Roster rows that name the same id (SPEC.md "Bad input"). Rows identical but for their row
 * number keep one person, with a warning; rows that differ reject every row of the id, and so
 * does an id that is also on a row rejected for another reason: a payroll must never pay a
 * person twice or guess which row is right.
 */
import { IndexTable } from "./index-table.js";
import { type PersonTable, idHash } from "./person-table.js";
import type { Person, Rejection, Warning } from "./types.js";

/** Two rows give the same person when every field but the row number agrees. */
export function samePerson(a: Person, b: Person): boolean {
  for (const k of Object.keys(a) as (keyof Person)[]) {
    if (k !== "row" && a[k] !== b[k]) return false;
  }
  return true;
}

/** What became of an accepted row's person. */
export type IdOutcome =
  /** the first row of its id: kept */
  | "kept"
  /** identical to the first row of its id: accepted, the person kept once */
  | "identical"
  /** the id is on rows that differ: every row of it is rejected */
  | "duplicate";

export class DuplicateIds {
  /**
   * Every id's first accepted row, in the order read: its place in the table, and whether it
   * is still kept (no longer once the id turned out to be on rows that differ: it is then in
   * duplicateRows). `index` finds an id's place in `firsts`.
   */
  private readonly firsts: number[] = [];
  private readonly kept: boolean[] = [];
  private readonly index = new IndexTable<number | string>((at, key) => {
    const first = this.firsts[at]!;
    return typeof key === "number" ? this.table.sameId(first, key) : this.table.idAt(first) === key;
  });
  /** the rows after the first of an id given in identical rows */
  private readonly repeatRows = new Map<string, number[]>();
  private readonly duplicateRows = new Map<string, number[]>();
  /** ids of rows rejected for another reason: a person must not be kept from a sibling row of theirs */
  private readonly rejectedIdRows = new Map<string, number[]>();
  /** rows accepted so far: each person kept, and the rows identical to theirs */
  private accepted = 0;

  /**
   * `table` holds the people added; `warnings` is the roster's own list: an identical row is
   * warned about in the order it is read.
   */
  constructor(
    private readonly file: string,
    private readonly warnings: Warning[],
    private readonly table: PersonTable,
  ) {}

  /** A row rejected for another cell whose id still names a person. */
  rejectedRow(id: string, row: number): void {
    const rows = this.rejectedIdRows.get(id);
    if (rows) rows.push(row);
    else this.rejectedIdRows.set(id, [row]);
  }

  /**
   * The person just added to the table at place i; `same` tells whether it repeats the first
   * row of its id (at its place in the table) in full. Only a person kept stays in the table.
   */
  add(i: number, same: (first: number) => boolean): IdOutcome {
    // an id is kept (a person in firsts) or rejected as duplicate (duplicateRows), never both: most are neither
    const { table } = this;
    const hash = table.idHashAt(i);
    const at = this.index.find(hash, i);
    if (at < 0) {
      this.index.add(hash, this.firsts.length);
      this.firsts.push(i);
      this.kept.push(true);
      this.accepted++;
      return "kept";
    }
    const id = table.idAt(i);
    const row = table.rowAt(i);
    const first = this.firsts[at]!;
    const outcome = this.repeat(at, first, id, row, same);
    table.pop();
    return outcome;
  }

  private repeat(at: number, first: number, id: string, row: number, same: (first: number) => boolean): IdOutcome {
    if (!this.kept[at]) {
      this.duplicateRows.get(id)!.push(row);
      return "duplicate";
    }
    const firstRow = this.table.rowAt(first);
    if (same(first)) {
      this.warnings.push({ code: "identical_rows", params: { file: this.file, id, row: firstRow, other: row } });
      const repeats = this.repeatRows.get(id);
      if (repeats) repeats.push(row);
      else this.repeatRows.set(id, [row]);
      this.accepted++;
      return "identical";
    }
    const rows = [firstRow, ...(this.repeatRows.get(id) ?? []), row];
    this.kept[at] = false;
    this.repeatRows.delete(id);
    this.accepted -= rows.length - 1;
    this.duplicateRows.set(id, rows);
    return "duplicate";
  }

  /**
   * The places of the people kept, in the order they were first read; a rejection for every
   * row of a duplicate id (not yet sorted); and how many rows stay accepted.
   */
  finish(): { kept: Int32Array; rejected: Rejection[]; accepted: number } {
    // a person whose id is also on a row rejected for another reason: which row is right
    // cannot be told, so the rows kept go too (the rejected ones keep their own reason)
    const alsoRows = new Map<string, number[]>();
    for (const [id, rejectedRows] of this.rejectedIdRows) {
      const at = this.index.find(idHash(id), id);
      const first = at >= 0 && this.kept[at] ? this.firsts[at]! : -1;
      const dup = this.duplicateRows.get(id);
      if (first >= 0) {
        const rows = [this.table.rowAt(first), ...(this.repeatRows.get(id) ?? [])];
        this.kept[at] = false;
        this.repeatRows.delete(id);
        this.accepted -= rows.length;
        this.duplicateRows.set(id, rows);
      }
      if (first >= 0 || dup) alsoRows.set(id, rejectedRows);
    }
    const rejected: Rejection[] = [];
    for (const [id, rows] of this.duplicateRows) {
      const also = alsoRows.get(id);
      const all = also ? [...rows, ...also].sort((a, b) => a - b) : rows;
      for (const row of rows) {
        rejected.push({ file: this.file, row, field: "id", value: id, code: "duplicate_id", params: { rows: all.join(", ") } });
      }
    }
    // "identical, one is kept" no longer holds for an id whose rows were all rejected
    if (this.duplicateRows.size > 0) {
      const kept = this.warnings.filter((w) => w.code !== "identical_rows" || !this.duplicateRows.has(String(w.params.id)));
      this.warnings.length = 0;
      for (const w of kept) this.warnings.push(w);
    }
    let n = 0;
    for (const k of this.kept) if (k) n++;
    const kept = new Int32Array(n);
    n = 0;
    for (let at = 0; at < this.firsts.length; at++) if (this.kept[at]) kept[n++] = this.firsts[at]!;
    return { kept, rejected, accepted: this.accepted };
  }
}
