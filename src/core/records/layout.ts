/**
 * Where a table starts and ends in a sheet as offices keep it (SPEC.md "Spreadsheets as
 * offices keep them"), for CSV and workbooks alike: title rows above the header, a two-row
 * header under merged cells, and totals or notes rows under the data.
 */
import { type ColumnOverrides, headerKey } from "./header.js";
import type { Warning } from "./types.js";

/** The header is looked for in the first rows of a sheet, numbered as a spreadsheet shows them. */
export const HEADER_SEARCH_ROWS = 10;

/** Columns from..to (inclusive, from 0) that one merged cell covers. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** One row of a sheet or CSV file, numbered as a spreadsheet shows it. */
export interface SheetRow {
  readonly cells: readonly string[];
  readonly row: number;
  /** columns holding a formula saved without its value */
  readonly unsaved?: readonly number[];
  /** merged cells that start on this row and cover several columns, where the reader knows them */
  readonly spans?: readonly Span[];
  /** a workbook row, which stores no empty cells after its last: shorter than the header is no cell missing */
  readonly sparse?: boolean;
}

export interface HeaderSpec {
  readonly aliases: Readonly<Record<string, readonly string[]>>;
  readonly required: readonly string[];
  readonly overrides?: ColumnOverrides;
}

export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== "") return false;
  return true;
}

/**
 * The merged cells of a CSV row, where merges are lost: each non-empty cell covers the empty
 * cells after it, up to the next non-empty one.
 */
export function spansByGaps(upper: readonly string[], width: number): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < upper.length; i++) {
    if (upper[i]!.trim() === "") continue;
    let to = i;
    while (to + 1 < width && (upper[to + 1] ?? "").trim() === "") to++;
    spans.push({ from: i, to });
  }
  return spans;
}

/** The field each header key names: aliases of the table, then `--column` mappings. */
function fieldsByKey(spec: HeaderSpec): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const [field, list] of Object.entries(spec.aliases)) {
    for (const alias of list) if (!byKey.has(headerKey(alias))) byKey.set(headerKey(alias), field);
  }
  for (const [key, field] of spec.overrides ?? []) byKey.set(key, field);
  return byKey;
}

/**
 * The names of a two-row header, one per column: the lower row's name when the tool knows it;
 * else the merged name above joined to it (证书情况 over 等级: 证书情况等级) when that is
 * known; an empty lower cell under a cell merged down takes the cell above.
 */
export function twoRowHeader(upper: readonly string[], lower: readonly string[], spans: readonly Span[], known: (name: string) => boolean): string[] {
  const width = Math.max(upper.length, lower.length);
  const names: string[] = [];
  for (let c = 0; c < width; c++) {
    const below = (lower[c] ?? "").trim();
    const above = (upper[c] ?? "").trim();
    if (below === "") {
      names.push(above);
      continue;
    }
    if (known(below)) {
      names.push(below);
      continue;
    }
    const span = spans.find((s) => s.from <= c && c <= s.to && s.to > s.from);
    const joined = span ? `${(upper[span.from] ?? "").trim()}${below}` : "";
    names.push(joined !== "" && known(joined) ? joined : below);
  }
  return names;
}

export interface HeaderFound {
  /** the index, in the rows given, of the header row (the lower row of a two-row header) */
  readonly at: number;
  /** the header's names, one per column */
  readonly names: string[];
  /** whether the row above gave any of the names (a two-row header) */
  readonly twoRows: boolean;
}

/**
 * The header: the first of the first 10 rows whose names (alone, or with the row above as a
 * two-row header) name every required column of the table. Null when none does.
 */
export function locateHeader(rows: readonly SheetRow[], spec: HeaderSpec): HeaderFound | null {
  const byKey = fieldsByKey(spec);
  const known = (name: string) => byKey.has(headerKey(name));
  for (let i = 0; i < rows.length; i++) {
    const lower = rows[i]!;
    if (lower.row > HEADER_SEARCH_ROWS) break;
    if (isBlankRow(lower.cells)) continue;
    const prev = i > 0 ? rows[i - 1]! : null;
    const upper = prev && prev.row === lower.row - 1 && !isBlankRow(prev.cells) ? prev : null;
    const names = upper
      ? twoRowHeader(upper.cells, lower.cells, upper.spans ?? spansByGaps(upper.cells, lower.cells.length), known)
      : lower.cells.map((c) => c.trim());
    const found = new Set(names.map((n) => byKey.get(headerKey(n))));
    if (spec.required.every((f) => found.has(f))) {
      return { at: i, names, twoRows: names.some((n, c) => n !== (lower.cells[c] ?? "").trim()) };
    }
  }
  return null;
}

/** The words that open a totals or notes row under the data (SPEC.md): the table ends there. */
const TABLE_END = ["合计", "总计", "备注", "填表人", "审核人", "制表日期"];
/** How many cells from the left the word is looked for in. */
const END_CELLS = 3;

/** The word a totals or notes row opens with (合计, 填表人 …), or null for a row of data. */
export function tableEndWord(cells: readonly string[]): string | null {
  for (let i = 0; i < Math.min(cells.length, END_CELLS); i++) {
    // a cell opening with a printable ASCII character (an id, a number) opens a row of data:
    // every word is Chinese, and normalising keeps that character first
    const first = cells[i]!.charCodeAt(0);
    if (first > 0x20 && first < 0x7f) return null;
    const text = cells[i]!.normalize("NFKC").replace(/\s+/g, "");
    if (text === "") continue;
    return TABLE_END.find((w) => text.startsWith(w)) ?? null;
  }
  return null;
}

/** At most this many characters of a skipped row are quoted in its warning. */
const QUOTED_CHARS = 40;

function quoted(cells: readonly string[]): string {
  const text = cells
    .map((c) => c.trim())
    .filter((c) => c !== "")
    .join(" ");
  return [...text].length > QUOTED_CHARS ? `${[...text].slice(0, QUOTED_CHARS).join("")}…` : text;
}

/** What the layout hands on: the header's names, then each row of data. */
export interface LayoutSink {
  header(names: string[], row: number): void;
  row(r: SheetRow): void;
}

/**
 * Rows in, table out: the first rows are held until the header is found (or the first
 * non-blank row is taken for it, whose missing columns the header mapping then names);
 * rows above it are skipped with one warning; blank rows inside the table are counted; a
 * totals or notes row ends the table, and the rows under it are counted, not read.
 */
export class TableLayout {
  readonly warnings: Warning[] = [];
  private held: SheetRow[] = [];
  private headerRow = 0;
  private lastRow = 0;
  private blank = 0;
  private pendingBlank = 0;
  private end: { row: number; word: string; below: number } | null = null;

  constructor(
    private readonly file: string,
    private readonly spec: HeaderSpec,
    private readonly sink: LayoutSink,
  ) {}

  push(r: SheetRow): void {
    if (this.headerRow === 0) {
      this.held.push(r);
      if (r.row > HEADER_SEARCH_ROWS && this.held.some((h) => !isBlankRow(h.cells))) this.release();
      return;
    }
    this.take(r);
  }

  private take(r: SheetRow): void {
    const blank = isBlankRow(r.cells);
    if (this.end) {
      if (!blank) this.end.below++;
      return;
    }
    // rows a reader skipped (empty CSV lines, rows a workbook does not store) are blank rows too
    this.pendingBlank += r.row - this.lastRow - 1;
    this.lastRow = r.row;
    if (blank) {
      this.pendingBlank++;
      return;
    }
    const word = tableEndWord(r.cells);
    if (word !== null) {
      this.end = { row: r.row, word, below: 0 };
      return;
    }
    this.blank += this.pendingBlank;
    this.pendingBlank = 0;
    this.sink.row(r);
  }

  private release(): void {
    const rows = this.held;
    this.held = [];
    const found = locateHeader(rows, this.spec);
    const at = found?.at ?? rows.findIndex((h) => !isBlankRow(h.cells));
    if (at === -1) return;
    const header = rows[at]!;
    this.headerRow = header.row;
    this.lastRow = header.row;
    // the upper row of a two-row header is part of the header, not a title above it
    const top = found?.twoRows ? header.row - 1 : header.row;
    const above = rows.filter((h) => h.row < top && !isBlankRow(h.cells));
    if (above.length > 0) {
      const rowsText = top === 2 ? "1" : `1–${top - 1}`;
      this.warnings.push({ code: "rows_above_header", params: { file: this.file, rows: rowsText, header: top, text: quoted(above[0]!.cells) } });
    }
    this.sink.header(found?.names ?? [...header.cells], header.row);
    for (const r of rows.slice(at + 1)) this.take(r);
  }

  /** Ends the input; false when it held no row with any cell (an empty table). */
  finish(): boolean {
    if (this.headerRow === 0) this.release();
    if (this.headerRow === 0) return false;
    if (this.blank > 0) this.warnings.push({ code: "blank_rows", params: { file: this.file, rows: this.blank } });
    if (this.end) {
      this.warnings.push({ code: "table_end", params: { file: this.file, row: this.end.row, word: this.end.word, below: this.end.below } });
    }
    return true;
  }
}
