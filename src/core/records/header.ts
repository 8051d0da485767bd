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
 * How a header cell is compared with the aliases (SPEC.md "Inputs"): case, full-width forms and
 * spaces anywhere ignored (姓 名), and 时间 taken as 日期 (入职时间 = 入职日期).
 */
export function headerKey(cell: string): string {
  return cellKey(cell).replace(/\s+/g, "").replace(/时间/g, "日期");
}

/** `--column "HEADER=field"`: a header the aliases do not know, mapped by hand; an empty field leaves it unread. */
export type ColumnOverrides = ReadonlyMap<string, string>;

/**
 * Words that show a header is about a field (SPEC.md "Inputs"), in the order they are tried:
 * an unknown header with one of them is a column of that field the tool would silently not
 * read, which for a leaving date means paying someone who has left.
 */
const SUBJECTS: readonly [RegExp, string][] = [
  [/身份证/, "id"],
  [/离职|离岗/, "end_date"],
  [/入职|到岗/, "start_date"],
  [/取证|证书.*日期|发证/, "cert_date"],
  [/岗位.*层级/, "post_tier"],
  [/岗位.*等级/, "post_level"],
  [/证书|等级/, "grade"],
  [/岗位|职务/, "role"],
  [/街镇/, "town"],
  [/单位.*(类|性质)/, "unit_type"],
  [/单位/, "unit"],
];

/** Headers never named in the unknown-columns warning: every office has them. */
const PLAINLY_UNUSED = new Set(["序号", "备注"]);

/** The field an unknown header seems to be about, when the table has that field and it was not found. */
function lookalike(key: string, aliases: Readonly<Record<string, readonly string[]>>, columns: ReadonlyMap<string, number>): string | null {
  for (const [pattern, field] of SUBJECTS) {
    if (!pattern.test(key)) continue;
    return field in aliases && !columns.has(field) ? field : null;
  }
  return null;
}

/**
 * Finds each field's column. When two columns name the same field (身份证号 and 工号), the one
 * whose alias comes first in the vocabulary wins and the other is reported. Missing required
 * fields, and unknown headers that look like a field not found: a DataError naming each, with
 * the headers it accepts and how to map it.
 */
export function mapHeader(
  file: string,
  header: readonly string[],
  aliases: Readonly<Record<string, readonly string[]>>,
  required: readonly string[],
  overrides: ColumnOverrides = new Map(),
): HeaderMap {
  const byAlias = new Map<string, { field: string; rank: number }>();
  for (const [field, list] of Object.entries(aliases)) {
    list.forEach((alias, rank) => {
      const key = headerKey(alias);
      if (!byAlias.has(key)) byAlias.set(key, { field, rank });
    });
  }
  const columns = new Map<string, number>();
  const rankOf = new Map<string, number>();
  const warnings: Warning[] = [];
  const unknown: { cell: string; key: string }[] = [];
  header.forEach((cell, i) => {
    const key = headerKey(cell);
    const mapped = overrides.get(key);
    if (mapped === "") return;
    // a header mapped by hand comes before every alias of its field
    const hit = mapped !== undefined && mapped in aliases ? { field: mapped, rank: -1 } : byAlias.get(key);
    if (!hit) {
      if (key !== "") unknown.push({ cell: visible(cell.trim()), key });
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
      warnings.push({ code: "column_shadowed", params: { file, used: visible(header[prev]!.trim()), ignored: visible(cell.trim()), field: hit.field } });
    }
  });
  const lookalikes = unknown.flatMap(({ cell, key }) => {
    const field = lookalike(key, aliases, columns);
    return field === null ? [] : [{ cell, field }];
  });
  const named = unknown.filter(({ key }) => !PLAINLY_UNUSED.has(key)).map(({ cell }) => cell);
  if (named.length > 0) warnings.push(unknownColumns(file, named));
  const missing = required.filter((f) => !columns.has(f) && !lookalikes.some((l) => l.field === f));
  const lineFor = (f: string) => `${file}: missing required column ${f}: add a column headed one of ${aliases[f]!.join(", ")}`;
  const lookalikeLine = ({ cell, field }: { cell: string; field: string }) =>
    `${file}: column "${cell}" looks like ${field} (${aliases[field]![0]}) but is not a header the tool knows: ` +
    `rename it ${aliases[field]![0]}, or map it with --column "${cell}=${field}" (--column "${cell}=" leaves it unread)`;
  const problems = [...lookalikes.map(lookalikeLine), ...missing.map(lineFor)];
  // one problem is one line; several get a summary, then one line each
  if (problems.length === 1) throw new DataError(problems[0]!);
  if (problems.length > 1) {
    const summary =
      lookalikes.length === 0
        ? `missing required columns: ${missing.join(", ")}`
        : `${problems.length} header problems: ${[...lookalikes.map((l) => `"${l.cell}"`), ...missing].join(", ")}`;
    throw new DataError(`${file}: ${summary}`, problems);
  }
  headerNames.set(columns, new Map([...columns].map(([field, i]) => [field, header[i]!.trim()])));
  return { columns, warnings };
}
