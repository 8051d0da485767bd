/**
 * Reading one row's cells by field, with each normaliser turning a cell into a typed value
 * or a rejection. Shared by the roster, units, training and ledger readers.
 */
import { type Day, parseDay } from "../dates.js";
import { headerNames } from "./header.js";
import type { Rejection } from "./types.js";
import { RESIDENT_ID_15, RESIDENT_ID_18, birthDateOf, checkDigit } from "./ids.js";
import { parseCount } from "./vocab.js";

export class RowReader {
  readonly problems: Rejection[] = [];
  constructor(
    private readonly file: string,
    private readonly columns: ReadonlyMap<string, number>,
    private readonly cells: readonly string[],
    readonly row: number,
    width: number,
  ) {
    if (cells.length < width || cells.slice(width).some((c) => c.trim() !== "")) {
      this.reject("(row)", "", "cell_count", { cells: cells.length, expected: width });
    }
  }

  has(field: string): boolean {
    return this.columns.has(field);
  }

  /** The trimmed cell, or "" when the column is absent. */
  text(field: string): string {
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

  /**
   * A person id: trimmed, full-width digits and letters made half-width (typed with a Chinese
   * input method), a resident ID's x upper-cased and its check digit verified. A number Excel
   * turned into 1.10105E+17 has lost digits and is rejected.
   */
  id(field = "id"): string | null {
    const raw = this.required(field);
    if (raw === null) return null;
    let id = raw;
    if (!RESIDENT_ID_18.test(raw)) {
      const half = raw.normalize("NFKC");
      id = /^\d{17}[xX]$/.test(half) ? half.toUpperCase() : half;
    }
    if (/^\d+(\.\d+)?[eE]\+?\d+$/.test(id)) return this.reject(field, raw, "id_scientific");
    if (RESIDENT_ID_18.test(id)) {
      const expected = checkDigit(id.slice(0, 17));
      if (id[17] !== expected) return this.reject(field, raw, "bad_check_digit", { expected });
      if (birthDateOf(id) === null) return this.reject(field, raw, "bad_id_birth");
    } else if (RESIDENT_ID_15.test(id) && birthDateOf(id) === null) {
      return this.reject(field, raw, "bad_id_birth");
    }
    return id;
  }
}
