/**
 * Every table input (roster, units file, training records, payment ledger) is read the same
 * way: one header mapping (aliases, `--column`), one blank-row warning, one row count.
 */
import { type ColumnOverrides, mapHeader } from "../core/records/header.js";
import type { Warning } from "../core/records/types.js";
import { type ReadOptions, displayName, readTable } from "./table.js";

/** What takes a table's rows once its header is mapped: one of the record builders. */
export interface RowSink {
  add(cells: readonly string[], row: number): void;
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
  const summary = await readTable(path, ro, {
    header(cells) {
      const h = mapHeader(file, cells, kind.aliases, kind.required, ro.columns);
      for (const w of h.warnings) headerWarnings.push(w);
      builder = kind.build(file, h.columns, cells.length);
    },
    row: (cells, row) => builder!.add(cells, row),
  });
  const blankWarnings: Warning[] = summary.blankRows > 0 ? [{ code: "blank_rows", params: { file, rows: summary.blankRows } }] : [];
  return { file, builder: builder!, headerWarnings, blankWarnings };
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
