/**
 * Every table input (roster, units file, training records, payment ledger) is read the same
 * way: the sheet as offices keep it laid out (title rows, two-row header, totals rows: see
 * core/records/layout.ts), one header mapping (aliases, `--column`), one blank-row warning,
 * one row count.
 */
import { DataError } from "../core/errors.js";
import { type ColumnOverrides, mapHeader } from "../core/records/header.js";
import { type HeaderSpec, TableLayout, locateHeader } from "../core/records/layout.js";
import type { Warning } from "../core/records/types.js";
import { type ReadOptions, displayName, readTable } from "./table.js";

/** What takes a table's rows once its header is mapped: one of the record builders. */
export interface RowSink {
  /** `unsaved`: the columns holding a formula saved without its value */
  add(cells: readonly string[], row: number, unsaved?: readonly number[]): void;
}

export interface TableKind<B extends RowSink> {
  /** header aliases by field, from the policy's vocabulary */
  readonly aliases: Readonly<Record<string, readonly string[]>>;
  readonly required: readonly string[];
  /** the builder for this file, once the columns are known */
  build(file: string, columns: ReadonlyMap<string, number>, width: number): B;
}

export interface MappedTable<B> {
  /** the file as messages name it */
  readonly file: string;
  readonly builder: B;
  /** the header's warnings (columns not used, shadowed) */
  readonly headerWarnings: Warning[];
  /** the blank rows skipped, if any: given after the rows' own warnings */
  readonly blankWarnings: Warning[];
}

export async function readMappedTable<B extends RowSink>(path: string, ro: ReadOptions, kind: TableKind<B>): Promise<MappedTable<B>> {
  const file = displayName(path);
  const headerWarnings: Warning[] = [];
  let builder: B | null = null;
  let width = 0;
  const spec: HeaderSpec = { aliases: kind.aliases, required: kind.required, ...(ro.columns ? { overrides: ro.columns } : {}) };
  const layout = new TableLayout(file, spec, {
    header(names) {
      const h = mapHeader(file, names, kind.aliases, kind.required, ro.columns);
      for (const w of h.warnings) headerWarnings.push(w);
      width = names.length;
      builder = kind.build(file, h.columns, width);
    },
    row(r) {
      // a workbook stores no empty cells at the end of a row: a short row is not a cell missing
      const cells = r.sparse && r.cells.length < width ? [...r.cells, ...new Array<string>(width - r.cells.length).fill("")] : r.cells;
      builder!.add(cells, r.row, r.unsaved);
    },
  });
  const summary = await readTable(path, ro, {
    row: (r) => layout.push(r),
    holdsHeader: (rows) => locateHeader(rows, spec) !== null,
  });
  if (!layout.finish() || builder === null) throw new DataError(`${file}: every row is blank; it needs a header row and one row per record`);
  const above = layout.warnings.filter((w) => w.code === "rows_above_header");
  const below = layout.warnings.filter((w) => w.code !== "rows_above_header");
  return { file, builder, headerWarnings: [...summary.warnings, ...above, ...headerWarnings], blankWarnings: below };
}

/**
 * `--column "HEADER=field"` options as a map by header key; an empty field leaves the column
 * unread. Null with the offending option when one has no `=`.
 */
export function parseColumnOptions(options: readonly string[], key: (header: string) => string): { map: ColumnOverrides } | { bad: string } {
  const map = new Map<string, string>();
  for (const option of options) {
    const at = option.lastIndexOf("=");
    if (at <= 0) return { bad: option };
    map.set(key(option.slice(0, at)), option.slice(at + 1).trim());
  }
  return { map };
}
