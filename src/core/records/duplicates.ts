/**
 * Roster rows that name the same id (SPEC.md "Bad input"). Rows identical but for their row
 * number keep one person, with a warning; rows that differ reject every row of the id, and so
 * does an id that is also on a row rejected for another reason: a payroll must never pay a
 * person twice or guess which row is right.
 */
import { IndexTable, hashText } from "./index-table.js";
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
   * Every id's first accepted row, in the order read: the person, or null once the id turned
   * out to be on rows that differ (it is then in duplicateRows). `index` finds an id's place.
   */
  private readonly firsts: (Person | null)[] = [];
  private readonly index = new IndexTable<string>((at, id) => this.idAt(at) === id);
  /** the ids of `firsts`, kept beside it: a person set to null still owns its place */
  private readonly ids: string[] = [];
  /** the rows after the first of an id given in identical rows */
  private readonly repeatRows = new Map<string, number[]>();
  private readonly duplicateRows = new Map<string, number[]>();
  /** ids of rows rejected for another reason: a person must not be kept from a sibling row of theirs */
  private readonly rejectedIdRows = new Map<string, number[]>();
  /** rows accepted so far: each person kept, and the rows identical to theirs */
  private accepted = 0;

  /** `warnings` is the roster's own list: an identical row is warned about in the order it is read. */
  constructor(
    private readonly file: string,
    private readonly warnings: Warning[],
  ) {}

  /** A row rejected for another cell whose id still names a person. */
  rejectedRow(id: string, row: number): void {
    const rows = this.rejectedIdRows.get(id);
    if (rows) rows.push(row);
    else this.rejectedIdRows.set(id, [row]);
  }

  private idAt(at: number): string {
    return this.ids[at]!;
  }

  /** The place of an id's first accepted row, or -1. */
  private placeOf(id: string): number {
    return this.index.find(hashText(id), id);
  }

  /** An accepted row's person; `same` tells whether it repeats the first row of its id in full. */
  add(person: Person, same: (first: Person) => boolean): IdOutcome {
    // an id is kept (a person in firsts) or rejected as duplicate (duplicateRows), never both: most are neither
    const hash = hashText(person.id);
    const at = this.index.find(hash, person.id);
    if (at < 0) {
      this.index.add(hash, this.firsts.length);
      this.firsts.push(person);
      this.ids.push(person.id);
      this.accepted++;
      return "kept";
    }
    const first = this.firsts[at];
    if (!first) {
      this.duplicateRows.get(person.id)!.push(person.row);
      return "duplicate";
    }
    if (same(first)) {
      this.warnings.push({ code: "identical_rows", params: { file: this.file, id: person.id, row: first.row, other: person.row } });
      const repeats = this.repeatRows.get(person.id);
      if (repeats) repeats.push(person.row);
      else this.repeatRows.set(person.id, [person.row]);
      this.accepted++;
      return "identical";
    }
    const rows = [first.row, ...(this.repeatRows.get(person.id) ?? []), person.row];
    this.firsts[at] = null;
    this.repeatRows.delete(person.id);
    this.accepted -= rows.length - 1;
    this.duplicateRows.set(person.id, rows);
    return "duplicate";
  }

  /**
   * The people kept, in the order they were first read; a rejection for every row of a
   * duplicate id (not yet sorted); and how many rows stay accepted.
   */
  finish(): { people: Person[]; rejected: Rejection[]; accepted: number } {
    // a person whose id is also on a row rejected for another reason: which row is right
    // cannot be told, so the rows kept go too (the rejected ones keep their own reason)
    const alsoRows = new Map<string, number[]>();
    for (const [id, rejectedRows] of this.rejectedIdRows) {
      const at = this.placeOf(id);
      const first = at < 0 ? null : this.firsts[at];
      const dup = this.duplicateRows.get(id);
      if (first) {
        const rows = [first.row, ...(this.repeatRows.get(id) ?? [])];
        this.firsts[at] = null;
        this.repeatRows.delete(id);
        this.accepted -= rows.length;
        this.duplicateRows.set(id, rows);
      }
      if (first || dup) alsoRows.set(id, rejectedRows);
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
    const people: Person[] = [];
    for (const p of this.firsts) if (p) people.push(p);
    return { people, rejected, accepted: this.accepted };
  }
}
