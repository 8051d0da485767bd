/**
 * Reading one row's cells by field, with each normaliser turning a cell into a typed value
 * or a rejection. Shared by the roster, units, training and ledger readers.
 */
import { type Day, parseDay } from "../dates.js";
import { headerNames } from "./header.js";
import type { Rejection } from "./types.js";
import { readId } from "./ids.js";
import { visible } from "../text.js";
import { parseCount } from "./vocab.js";

export class RowReader {
  readonly problems: Rejection[] = [];
  constructor(
    private readonly file: string,
    private readonly columns: ReadonlyMap<string, number>,
    private readonly cells: readonly string[],
    readonly row: number,
    width: number,
    /** the columns holding a formula saved without its value (a workbook no spreadsheet program saved) */
    unsaved: readonly number[] = [],
  ) {
    if (cells.length < width || (cells.length > width && cells.slice(width).some((c) => c.trim() !== ""))) {
      this.reject("(row)", "", "cell_count", { cells: cells.length, expected: width });
    }
    if (unsaved.length > 0) for (const [field, i] of columns) if (unsaved.includes(i)) this.reject(field, "", "formula_unsaved");
  }

  has(field: string): boolean {
    return this.columns.has(field);
  }

  /** The trimmed cell, control characters shown visibly (text.ts), or "" when the column is absent. */
  text(field: string): string {
    return visible(this.raw(field));
  }

  /** The trimmed cell as the file has it: for ids, whose reader removes what is not the id. */
  raw(field: string): string {
    const i = this.columns.get(field);
    return i === undefined ? "" : (this.cells[i] ?? "").trim();
  }

  reject(field: string, value: string, code: string, params?: Record<string, string | number>): null {
    const column = headerNames.get(this.columns)?.get(field);
    this.problems.push({ file: this.file, row: this.row, field, ...(column ? { column } : {}), value, code, ...(params ? { params } : {}) });
    return null;
  }

  required(field: string): string | null {
    const v = this.text(field);
    return v === "" ? this.reject(field, v, "missing") : v;
  }

  /** An optional coded cell: null when empty, a rejection when unknown. */
  coded<T>(field: string, parse: (s: string) => T | null, code: string): T | null {
    const v = this.text(field);
    if (v === "") return null;
    const out = parse(v);
    return out === null ? this.reject(field, v, code) : out;
  }

  date(field: string): Day | null {
    return this.coded(field, parseDay, "bad_date");
  }

  /** A count (岗位数); one beyond 2^53 - 1 is rejected, as a number it would be silently rounded. */
  count(field: string): number | null {
    const n = this.coded(field, parseCount, "bad_count");
    if (n === null || Number.isSafeInteger(n)) return n;
    return this.reject(field, this.text(field), "count_too_large", { max: Number.MAX_SAFE_INTEGER });
  }

  /** A person id, read by the one id reader of every file (ids.ts `readId`). */
  id(field = "id"): string | null {
    const raw = this.raw(field);
    const read = readId(raw);
    if ("id" in read) return read.id === "" ? this.reject(field, visible(raw), "missing") : read.id;
    return this.reject(field, visible(raw), read.problem, read.expected ? { expected: read.expected } : undefined);
  }
}
