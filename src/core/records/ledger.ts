/**
 * A ledger of allowance already paid (`--paid`): rows of id, month, amount in yuan. Several
 * rows for the same person and month add up. The payroll CSV this tool writes is itself a
 * ledger, masked ids included: a masked id is matched to the one roster person it can be.
 */
import { type Month, formatMonth, parseMonth } from "../dates.js";
import { RowReader } from "./cells.js";
import { maskId, readId } from "./ids.js";
import { visible } from "../text.js";
import type { PersonIndex } from "./person-index.js";
import type { FileCount, Rejection } from "./types.js";

export const LEDGER_REQUIRED = ["id", "month", "amount"] as const;

/**
 * An amount in yuan as an office writes it (100, 100.5, 200.00, 200元, ¥1,000.00, full-width
 * digits) -> integer fen, exactly. Null for anything else: a negative amount, a third decimal
 * (a fraction of a fen), Chinese numerals, misplaced thousands separators.
 */
export function parseFen(cell: string): number | null {
  const text = cell.normalize("NFKC").replace(/\s/g, "");
  const m = /^\+?[¥￥]?(\d{1,3}(?:,\d{3})+|\d{1,12})(?:\.(\d{1,2}))?(?:元)?$/.exec(text);
  if (!m) return null;
  return Number(m[1]!.replace(/,/g, "")) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** Whether an amount cell is a negative number, which is named as such rather than "not an amount". */
function isNegative(cell: string): boolean {
  return /^-[¥￥]?\d/.test(cell.normalize("NFKC").replace(/\s/g, ""));
}

export class LedgerReader {
  readonly rejected: Rejection[] = [];
  readonly count: FileCount;
  readonly paid = new Map<string, Map<string, number>>();
  /** people with a rejected row: what was already paid for them is not known */
  readonly held = new Set<string>();
  outside = 0;
  private byMask: Map<string, string[]> | null = null;

  constructor(
    private readonly file: string,
    private readonly columns: ReadonlyMap<string, number>,
    private readonly width: number,
    private readonly people: PersonIndex,
    private readonly months: ReadonlySet<string>,
  ) {
    this.count = { file, rows: 0, accepted: 0, rejected: 0 };
  }

  private resolve(id: string): string[] {
    if (this.people.has(id)) return [id];
    if (!id.includes("*")) return [];
    if (this.byMask === null) {
      this.byMask = new Map();
      for (let i = 0; i < this.people.size; i++) {
        const id = this.people.idAt(i);
        const k = maskId(id);
        if (k === id) continue;
        const list = this.byMask.get(k);
        if (list) list.push(id);
        else this.byMask.set(k, [id]);
      }
    }
    return this.byMask.get(id) ?? [];
  }

  add(cells: readonly string[], row: number, unsaved?: readonly number[]): void {
    this.count.rows++;
    const r = new RowReader(this.file, this.columns, cells, row, this.width, unsaved);
    // a row of the wrong width is rejected for that alone; its id is still read below
    const shapeOk = r.problems.length === 0;
    const idCell = r.raw("id");
    let month: Month | null = null;
    let fen: number | null = null;
    if (shapeOk) {
      if (idCell === "") r.reject("id", "", "missing");
      const monthCell = r.required("month");
      month = monthCell === null ? null : (parseMonth(monthCell) ?? r.reject("month", monthCell, "bad_month"));
      const amountCell = r.required("amount");
      fen = amountCell === null ? null : (parseFen(amountCell) ?? r.reject("amount", amountCell, isNegative(amountCell) ? "negative_amount" : "bad_amount"));
    }
    // a row for a month outside the range is ignored (SPEC.md), whoever it names: an old
    // ledger may name people since gone from the roster
    if (r.problems.length === 0 && month !== null && fen !== null && !this.months.has(formatMonth(month))) {
      this.count.accepted++;
      this.outside++;
      return;
    }
    // the id is read by the roster's id reader, also on a row rejected for another cell: that
    // person's payment is then held rather than paid again in full
    let id: string | null = null;
    if (idCell !== "") {
      const read = readId(idCell);
      if (!("id" in read)) {
        if (shapeOk) r.reject("id", visible(idCell), read.problem, read.expected ? { expected: read.expected } : undefined);
      } else {
        const found = this.resolve(read.id);
        if (found.length === 1) id = found[0]!;
        else if (shapeOk) r.reject("id", visible(idCell), found.length === 0 ? "not_in_roster" : "ambiguous_id");
      }
    }
    if (r.problems.length > 0 || id === null || month === null || fen === null) {
      if (id !== null) this.held.add(id);
      this.rejected.push(...r.problems);
      this.count.rejected++;
      return;
    }
    this.count.accepted++;
    const m = formatMonth(month);
    const perPerson = this.paid.get(id) ?? new Map<string, number>();
    perPerson.set(m, (perPerson.get(m) ?? 0) + fen);
    this.paid.set(id, perPerson);
  }
}
