/**
 * A ledger of allowance already paid (`--paid`): rows of id, month, amount in yuan. Several
 * rows for the same person and month add up. The payroll CSV this tool writes is itself a
 * ledger, masked ids included: a masked id is matched to the one roster person it can be.
 */
import { type Month, formatMonth, parseMonth } from "../dates.js";
import { RowReader } from "./cells.js";
import { maskId } from "./ids.js";
import type { FileCount, Person, Rejection } from "./types.js";

export const LEDGER_REQUIRED = ["id", "month", "amount"] as const;

/** Yuan with up to two decimals (100, 100.5, -50.00, ¥100) -> integer fen, exactly. */
export function parseFen(cell: string): number | null {
  const m = /^([-+]?)[¥￥]?(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cell.normalize("NFKC").replace(/[¥￥]/, "").trim());
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] === "-" ? -fen : fen;
}

export class LedgerReader {
  readonly rejected: Rejection[] = [];
  readonly count: FileCount;
  readonly paid = new Map<string, Map<string, number>>();
  outside = 0;
  private readonly ids: ReadonlySet<string>;
  private byMask: Map<string, string[]> | null = null;

  constructor(
    private readonly file: string,
    private readonly columns: ReadonlyMap<string, number>,
    private readonly width: number,
    private readonly people: readonly Person[],
    private readonly months: ReadonlySet<string>,
  ) {
    this.count = { file, rows: 0, accepted: 0, rejected: 0 };
    this.ids = new Set(people.map((p) => p.id));
  }

  private resolve(id: string): string[] {
    if (this.ids.has(id)) return [id];
    if (!id.includes("*")) return [];
    if (this.byMask === null) {
      this.byMask = new Map();
      for (const p of this.people) {
        const k = maskId(p.id);
        if (k === p.id) continue;
        const list = this.byMask.get(k);
        if (list) list.push(p.id);
        else this.byMask.set(k, [p.id]);
      }
    }
    return this.byMask.get(id) ?? [];
  }

  add(cells: readonly string[], row: number): void {
    this.count.rows++;
    const r = new RowReader(this.file, this.columns, cells, row, this.width);
    const raw = r.problems.length > 0 ? null : r.required("id");
    const monthCell = r.required("month");
    const month: Month | null = monthCell === null ? null : (parseMonth(monthCell) ?? r.reject("month", monthCell, "bad_month"));
    const amountCell = r.required("amount");
    const fen = amountCell === null ? null : (parseFen(amountCell) ?? r.reject("amount", amountCell, "bad_amount"));
    // a row for a month outside the range is ignored (SPEC.md), whoever it names: an old
    // ledger may name people since gone from the roster
    if (raw !== null && month !== null && fen !== null && r.problems.length === 0 && !this.months.has(formatMonth(month))) {
      this.count.accepted++;
      this.outside++;
      return;
    }
    let id: string | null = null;
    if (raw !== null) {
      const key = /^\d{17}[xX]$/.test(raw) ? raw.toUpperCase() : raw;
      const found = this.resolve(key);
      if (found.length === 0) r.reject("id", raw, "not_in_roster");
      else if (found.length > 1) r.reject("id", raw, "ambiguous_id");
      else id = found[0]!;
    }
    if (r.problems.length > 0 || id === null || month === null || fen === null) {
      this.rejected.push(...r.problems);
      this.count.rejected++;
      return;
    }
    this.count.accepted++;
    const m = formatMonth(month);
    if (!this.months.has(m)) {
      this.outside++;
      return;
    }
    const perPerson = this.paid.get(id) ?? new Map<string, number>();
    perPerson.set(m, (perPerson.get(m) ?? 0) + fen);
    this.paid.set(id, perPerson);
  }
}
