/** Mapping a table's header row to fields, by the aliases of the policy vocabulary. */
import { DataError } from "../errors.js";
import type { Warning } from "./types.js";
import { cellKey } from "./vocab.js";
import { visible } from "../text.js";

/** The header text each field was found under, by the column map it belongs to (for messages). */
export const headerNames = new WeakMap<ReadonlyMap<string, number>, ReadonlyMap<string, string>>();

export interface HeaderMap {
  /** column index of each field found */
  readonly columns: ReadonlyMap<string, number>;
  readonly warnings: Warning[];
}

/** The most unknown headers named in the warning, and the most characters of each. */
const NAMED_UNKNOWN = 20;
const NAME_CHARS = 40;

/** One warning naming the columns not used; a file with thousands of them gets the first few and a count. */
function unknownColumns(file: string, unknown: readonly string[]): Warning {
  const names = unknown.slice(0, NAMED_UNKNOWN).map((n) => ([...n].length > NAME_CHARS ? `${[...n].slice(0, NAME_CHARS).join("")}…` : n));
  const more = unknown.length - names.length;
  return { code: "unknown_columns", params: { file, columns: names.join(", "), ...(more > 0 ? { more } : {}) } };
}

/**
 * Finds each field's column. When two columns name the same field (身份证号 and 工号), the one
 * whose alias comes first in the vocabulary wins and the other is reported. Missing required
 * fields: a DataError naming each and the headers it accepts.
 */
export function mapHeader(
  file: string,
  header: readonly string[],
  aliases: Readonly<Record<string, readonly string[]>>,
  required: readonly string[],
): HeaderMap {
  const byAlias = new Map<string, { field: string; rank: number }>();
  for (const [field, list] of Object.entries(aliases)) {
    list.forEach((alias, rank) => byAlias.set(cellKey(alias), { field, rank }));
  }
  const columns = new Map<string, number>();
  const rankOf = new Map<string, number>();
  const warnings: Warning[] = [];
  const unknown: string[] = [];
  header.forEach((cell, i) => {
    const hit = byAlias.get(cellKey(cell));
    if (!hit) {
      if (cell.trim() !== "") unknown.push(visible(cell.trim()));
      return;
    }
    const prev = columns.get(hit.field);
    if (prev === undefined || hit.rank < rankOf.get(hit.field)!) {
      if (prev !== undefined) {
        warnings.push({ code: "column_shadowed", params: { file, used: visible(cell.trim()), ignored: visible(header[prev]!.trim()), field: hit.field } });
      }
      columns.set(hit.field, i);
      rankOf.set(hit.field, hit.rank);
    } else {
      warnings.push({ code: "column_shadowed", params: { file, used: header[prev]!.trim(), ignored: cell.trim(), field: hit.field } });
    }
  });
  if (unknown.length > 0) warnings.push(unknownColumns(file, unknown));
  const missing = required.filter((f) => !columns.has(f));
  const lineFor = (f: string) => `${file}: missing required column ${f}: add a column headed one of ${aliases[f]!.join(", ")}`;
  // one missing column is one line; several get a summary, then one line each
  if (missing.length === 1) throw new DataError(lineFor(missing[0]!));
  if (missing.length > 1) throw new DataError(`${file}: missing required columns: ${missing.join(", ")}`, missing.map(lineFor));
  headerNames.set(columns, new Map([...columns].map(([field, i]) => [field, header[i]!.trim()])));
  return { columns, warnings };
}
