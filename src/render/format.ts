/**
 * The formats, and the text renderers of the report model (model.ts): a command presents its
 * result once, as JSON (SPEC.md shape), sections (table, Markdown) and one flat table (CSV);
 * these functions turn that into text. Documents are rendered by html.ts and xlsx.ts.
 */
import { Chalk } from "chalk";
import Table from "cli-table3";
import tableUtils from "cli-table3/src/utils.js";
import { stringify } from "csv-stringify/sync";
import { UsageError } from "../core/errors.js";
import { type Cell, type Presentation, plain } from "./model.js";

export type { Cell, Presentation, Section, Tone } from "./model.js";

export const FORMATS = ["table", "csv", "json", "md", "html", "xlsx"] as const;
export type Format = (typeof FORMATS)[number];

export function formatOption(s: string): Format {
  const f = s.toLowerCase() as Format;
  if (!FORMATS.includes(f)) throw new UsageError(`unknown format "${s}": use ${FORMATS.join(", ")}`);
  return f;
}

/** What a format shows and needs, decided here once for every format. */
export interface FormatTraits {
  /** shows the one flat table alone (CSV): lists beyond it, such as the not-paid, need not be made */
  readonly flatOnly: boolean;
  /** printed and signed by people: the payroll gets its 签名 column */
  readonly forSigning: boolean;
  /** a document (html, xlsx): needs --out or a redirected stdout, never a terminal */
  readonly document: boolean;
}

/** A Record over every format: a format added to FORMATS without its line here is a type error. */
export const TRAITS: Readonly<Record<Format, FormatTraits>> = {
  table: { flatOnly: false, forSigning: false, document: false },
  csv: { flatOnly: true, forSigning: false, document: false },
  json: { flatOnly: false, forSigning: false, document: false },
  md: { flatOnly: false, forSigning: true, document: false },
  html: { flatOnly: false, forSigning: true, document: true },
  xlsx: { flatOnly: false, forSigning: true, document: true },
};

// Characters that make a spreadsheet treat a cell as a formula, half- and full-width.
const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]);

/** Text that Excel would run as a formula gets a leading `'`. */
export function guardText(v: string): string {
  return v.length > 0 && FORMULA_START.has(v[0]!) ? `'${v}` : v;
}

/** A text cell that Excel would run as a formula gets a leading `'`; numbers stay numbers. */
export function guardCell(c: Cell): string | number {
  const v = plain(c);
  return typeof v === "number" ? v : guardText(v);
}

const CSV_BATCH = 8192;

/**
 * The CSV text in pieces of a few thousand rows, so a payroll of a million lines is written
 * without ever being one string; the pieces joined are exactly `renderCsv`.
 */
export function* renderCsvChunks(p: Presentation, bom: boolean): Generator<string> {
  // a cell holding a lone line break must be quoted too, or it splits its row in two
  const options = { record_delimiter: "\r\n", quoted_match: /[\r\n]/ } as const;
  yield (bom ? "\uFEFF" : "") + stringify([p.csv.header.map(guardText)], options);
  let batch: (string | number)[][] = [];
  for (const row of p.csv.rows) {
    batch.push(row.map(guardCell));
    if (batch.length === CSV_BATCH) {
      yield stringify(batch, options);
      batch = [];
    }
  }
  if (batch.length > 0) yield stringify(batch, options);
}

export function renderCsv(p: Presentation, bom: boolean): string {
  return [...renderCsvChunks(p, bom)].join("");
}

/** Arrays longer than this are written element by element; anything holding none is one JSON.stringify. */
const JSON_SPLIT = 64;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  if (typeof (v as { toJSON?: unknown }).toJSON === "function") return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Whether a value holds a long array anywhere, so that it is worth writing in pieces. */
function holdsLongArray(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > JSON_SPLIT || v.some(holdsLongArray);
  if (isPlainObject(v)) {
    for (const key in v) if (Object.hasOwn(v, key) && holdsLongArray(v[key])) return true;
  }
  return false;
}

/** What JSON.stringify leaves out of an object and writes as null in an array. */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}

/**
 * `JSON.stringify(v, null, 2)` in pieces, byte for byte, each element of a long array
 * serialised on its own, so a list of a million people is never one string. `indent` is
 * the indentation of the line `v` starts on. (A value with toJSON is written whole, its
 * toJSON called with the key "".)
 */
export function* jsonPieces(v: unknown, indent = ""): Generator<string> {
  if (!holdsLongArray(v)) {
    const text = String(JSON.stringify(v, null, 2));
    // JSON escapes line breaks inside strings: every \n here starts an indented line
    yield indent === "" ? text : text.replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    yield "[";
    for (let i = 0; i < v.length; i++) {
      yield i === 0 ? `\n${inner}` : `,\n${inner}`;
      const el: unknown = v[i];
      if (skipped(el)) yield "null";
      else yield* jsonPieces(el, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  const o = v as Record<string, unknown>;
  let first = true;
  yield "{";
  for (const key of Object.keys(o)) {
    const el = o[key];
    if (skipped(el)) continue;
    yield `${first ? "" : ","}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* jsonPieces(el, inner);
  }
  yield first ? "}" : `\n${indent}}`;
}

/** The JSON output in pieces: exactly `JSON.stringify(p.json, null, 2)` and a newline. */
export function* renderJson(p: Presentation): Generator<string> {
  yield* jsonPieces(p.json);
  yield "\n";
}

/**
 * The pieces with the whitespace at the very end replaced by one newline, as
 * `text.trimEnd() + "\n"` would make of them joined, holding back only trailing whitespace.
 */
function* endingInNewline(pieces: Iterable<string>): Generator<string> {
  let held = "";
  for (const piece of pieces) {
    let end = piece.length;
    while (end > 0 && /\s/.test(piece[end - 1]!)) end--;
    if (end === 0) {
      held += piece;
      continue;
    }
    yield held + piece.slice(0, end);
    held = piece.slice(end);
  }
  yield "\n";
}

/** Items joined by line breaks, item by item. */
function* lines(items: Iterable<string>): Generator<string> {
  let first = true;
  for (const item of items) {
    yield first ? item : `\n${item}`;
    first = false;
  }
}

function mdEscape(v: string | number): string {
  return String(v).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

function* markdownLines(p: Presentation): Generator<string> {
  for (const s of p.sections) {
    if (s.title) yield* [`## ${s.title}`, ""];
    if (s.header.length > 0) {
      yield `| ${s.header.map(mdEscape).join(" | ")} |`;
      yield `|${s.header.map(() => "---").join("|")}|`;
      for (const r of s.rows) yield `| ${r.map((c) => mdEscape(plain(c))).join(" | ")} |`;
      yield "";
    }
    if (s.notes && s.notes.length > 0) yield* [...s.notes.map((n) => `${n}  `), ""];
  }
}

/** The Markdown output, line by line. */
export function renderMarkdown(p: Presentation): Generator<string> {
  return endingInNewline(lines(markdownLines(p)));
}

/** Rows drawn per cli-table3 table: its layout costs time quadratic in the rows of one table. */
export const TABLE_CHUNK = 50;

/**
 * One boxed table, drawn as cli-table3 draws it whole, but from tables of `chunk` rows
 * sharing the column widths measured once over every row: each chunk's top border becomes
 * the line between rows, and only the last chunk keeps its bottom border. A short row is
 * padded with empty cells (cli-table3 would merge those down the rows of its one table).
 */
function* boxedTable(head: readonly string[], rows: readonly (readonly Cell[])[], paint: (c: Cell) => string, chunk: number): Generator<string> {
  // cli-table3's own measure: the widest line of a cell without its colours, plus padding
  const widths: number[] = [];
  const measure = (cells: readonly (string | number)[]): void => {
    cells.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 1, tableUtils.strlen(String(cell)) + 2);
    });
  };
  measure(head);
  for (const row of rows) measure(row.map(plain));
  const full = (r: readonly string[]): string[] => (r.length < widths.length ? [...r, ...Array<string>(widths.length - r.length).fill("")] : [...r]);
  for (let at = 0; at < rows.length; at += chunk) {
    const options = { colWidths: [...widths], style: { head: [], border: [] } };
    const t = new Table(at === 0 ? { ...options, head: full(head) } : options);
    for (const r of rows.slice(at, at + chunk)) t.push(full(r.map(paint)));
    const text = t.toString();
    const top = text.slice(0, text.indexOf("\n"));
    const end = at + chunk >= rows.length ? text.length : text.lastIndexOf("\n");
    yield at === 0 ? text.slice(0, end) : `\n├${top.slice(1, -1).replace(/┬/g, "┼")}┤${text.slice(top.length, end)}`;
  }
}

/** The pieces of each section: title, table, notes and a blank line, joined by line breaks. */
function* tablePieces(p: Presentation, color: boolean, chunk: number): Generator<string> {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const tones = { good: chalk.green, bad: chalk.red.bold, warn: chalk.yellow, dim: chalk.gray };
  const paint = (c: Cell): string => {
    if (c?.kind === "status") return tones[c.tone](c.text);
    if (c?.kind === "number" && c.tone) return tones[c.tone](String(c.value));
    return String(plain(c));
  };
  let first = true;
  const line = (text: string): string => {
    const piece = first ? text : `\n${text}`;
    first = false;
    return piece;
  };
  for (const s of p.sections) {
    if (s.title) yield line(chalk.bold(s.title));
    if (s.header.length > 0 && s.rows.length > 0) {
      yield line("");
      yield* boxedTable(
        s.header.map((h) => chalk.bold(h)),
        s.rows,
        paint,
        chunk,
      );
    }
    for (const note of s.notes ?? []) yield line(note);
    yield line("");
  }
}

/** The table output in pieces, each section's table drawn `chunk` rows at a time. */
export function renderTable(p: Presentation, color: boolean, chunk = TABLE_CHUNK): Generator<string> {
  return endingInNewline(tablePieces(p, color, chunk));
}
