/**
 * The formats, and the text renderers of the report model (model.ts): a command presents its
 * result once, as JSON (SPEC.md shape), sections (table, Markdown) and one flat table (CSV);
 * these functions turn that into text. Documents are rendered by html.ts and xlsx.ts.
 */
import { Chalk } from "chalk";
import { UsageError } from "../core/errors.js";
import { type Cell, JsonList, type Presentation, type Section, plain } from "./model.js";
import { displayWidth, pad, widestWord, wrap } from "./width.js";

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
  /** text for a person to read on the terminal (table, md), which a pager may show */
  readonly paged: boolean;
}

/** A Record over every format: a format added to FORMATS without its line here is a type error. */
export const TRAITS: Readonly<Record<Format, FormatTraits>> = {
  table: { flatOnly: false, forSigning: false, document: false, paged: true },
  csv: { flatOnly: true, forSigning: false, document: false, paged: false },
  json: { flatOnly: false, forSigning: false, document: false, paged: false },
  md: { flatOnly: false, forSigning: true, document: false, paged: true },
  html: { flatOnly: false, forSigning: true, document: true, paged: false },
  xlsx: { flatOnly: false, forSigning: true, document: true, paged: false },
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

/** A cell holding a comma, a quote or a line break (even a lone CR or LF) is quoted, its quotes doubled. */
const CSV_QUOTE = /[",\r\n]/;

/** One CSV field, RFC 4180: what csv-stringify writes with a CRLF record delimiter (the property test holds it there). */
export function csvField(v: string | number): string {
  if (typeof v === "number") return String(v);
  return CSV_QUOTE.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** One CSV record and its CRLF. */
export function csvRecord(cells: readonly (string | number)[]): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? "" : ",") + csvField(cells[i]!);
  return `${line}\r\n`;
}

const CSV_BATCH = 8192;

/**
 * What is done to each whole record (CSV) or value (JSON) before it joins the output: the ID
 * mask (SPEC.md Privacy). Masked while still a short string, an output is never searched
 * whole; no ID-shaped run can cross from one record or value into the next, as a line break
 * or JSON's punctuation stands between them.
 */
export type Mask = (text: string) => string;
const unmasked: Mask = (text) => text;

/**
 * The CSV text in pieces of a few thousand rows, so a payroll of a million lines is written
 * without ever being one string; the pieces joined are exactly `renderCsv`.
 */
export function* renderCsvChunks(p: Presentation, bom: boolean, mask: Mask = unmasked): Generator<string> {
  yield (bom ? "\uFEFF" : "") + mask(csvRecord(p.csv.header.map(guardText)));
  let batch = "";
  let n = 0;
  for (const row of p.csv.rows) {
    batch += mask(csvRecord(row.map(guardCell)));
    if (++n === CSV_BATCH) {
      yield batch;
      batch = "";
      n = 0;
    }
  }
  if (batch !== "") yield batch;
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
  if (v instanceof JsonList) return v.length > JSON_SPLIT || holdsLongArray(v.toJSON());
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

/** The size of the pieces a long array is written in. */
const JSON_PIECE = 1 << 16;

/** `JSON.stringify(v, null, 2)` with every line after the first indented by `indent`. */
function indented(v: unknown, indent: string): string {
  const text = String(JSON.stringify(v, null, 2));
  // JSON escapes line breaks inside strings: every \n here starts an indented line
  return indent === "" ? text : text.replace(/\n/g, `\n${indent}`);
}

/**
 * `JSON.stringify(v, null, 2)` in pieces, byte for byte, each element of a long array
 * serialised on its own, so a list of a million people is never one string. `indent` is
 * the indentation of the line `v` starts on. (A value with toJSON is written whole, its
 * toJSON called with the key "".)
 */
export function* jsonPieces(v: unknown, indent = "", mask: Mask = unmasked): Generator<string> {
  if (!holdsLongArray(v)) {
    yield mask(indented(v, indent));
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v) || v instanceof JsonList) {
    // the elements' text gathered into pieces of about JSON_PIECE characters: a yield per
    // element of a million would cost more than writing them
    const list: { readonly length: number; at(i: number): unknown } = v instanceof JsonList ? v : { length: v.length, at: (i) => v[i] };
    let out = "[";
    for (let i = 0; i < list.length; i++) {
      out += i === 0 ? `\n${inner}` : `,\n${inner}`;
      const el = list.at(i);
      if (skipped(el)) out += "null";
      else if (!holdsLongArray(el)) out += mask(indented(el, inner));
      else {
        yield out;
        out = "";
        yield* jsonPieces(el, inner, mask);
      }
      if (out.length >= JSON_PIECE) {
        yield out;
        out = "";
      }
    }
    yield `${out}\n${indent}]`;
    return;
  }
  const o = v as Record<string, unknown>;
  let first = true;
  yield "{";
  for (const key of Object.keys(o)) {
    const el = o[key];
    if (skipped(el)) continue;
    yield mask(`${first ? "" : ","}\n${inner}${JSON.stringify(key)}: `);
    first = false;
    yield* jsonPieces(el, inner, mask);
  }
  yield first ? "}" : `\n${indent}}`;
}

/** The JSON output in pieces: exactly `JSON.stringify(p.json, null, 2)` and a newline, masked value by value. */
export function* renderJson(p: Presentation, mask: Mask = unmasked): Generator<string> {
  yield* jsonPieces(p.json, "", mask);
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

/**
 * The keys of keyed columns (a rule's basis) over a whole report: each distinct text gets the
 * next number the first time a table shows it, and keeps it in every later table.
 */
class Keys {
  readonly #numbers = new Map<string, number>();

  /** The keys a section's keyed cells hold, in the order of their numbers. */
  of(s: Section): { readonly key: string; readonly text: string }[] {
    const used = new Set<number>();
    for (const r of s.rows) {
      for (const i of s.keyed ?? []) {
        const t = String(plain(r[i] ?? null));
        if (t === "") continue;
        if (!this.#numbers.has(t)) this.#numbers.set(t, this.#numbers.size + 1);
        used.add(this.#numbers.get(t)!);
      }
    }
    const texts = new Map([...this.#numbers].map(([t, n]) => [n, t]));
    return [...used].sort((a, b) => a - b).map((n) => ({ key: `[${n}]`, text: texts.get(n)! }));
  }

  /** What a cell of a section shows: its key in a keyed column, else its text. */
  shown(s: Section, r: readonly Cell[], i: number): string {
    const t = String(plain(r[i] ?? null));
    return s.keyed?.includes(i) && t !== "" ? `[${this.#numbers.get(t)}]` : t;
  }
}

function mdEscape(v: string | number): string {
  return String(v).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

function* markdownLines(p: Presentation): Generator<string> {
  const keys = new Keys();
  for (const s of p.sections) {
    if (s.title) yield* [`## ${s.title}`, ""];
    if (s.header.length > 0 && s.rows.length > 0) {
      const legend = keys.of(s);
      yield `| ${s.header.map(mdEscape).join(" | ")} |`;
      yield `|${s.header.map(() => "---").join("|")}|`;
      for (const r of s.rows) yield `| ${s.header.map((_, i) => mdEscape(keys.shown(s, r, i))).join(" | ")} |`;
      yield "";
      if (legend.length > 0) yield* [...legend.map((k) => `${k.key} ${k.text}  `), ""];
    }
    if (s.notes && s.notes.length > 0) yield* [...s.notes.map((n) => (n === "" ? "" : `${n}  `)), ""];
  }
}

/** The Markdown output, line by line: each section's title, table, the keys' texts and notes. */
export function renderMarkdown(p: Presentation): Generator<string> {
  return endingInNewline(lines(markdownLines(p)));
}

/** The width a table is laid out to when it is not on a terminal and --width is not given. */
export const DEFAULT_WIDTH = 100;

/** Columns are set apart by this many spaces. */
const GAP = 2;
/** A column of words is not made narrower than this (or its own width, when less). */
const MIN_TEXT = 10;
/** On a line too short for whole words, a column of text is made no narrower than this. */
const MIN_HARD = 6;
/** A word (a rule id) keeps its column at least this wide, so that it is not cut. */
const MAX_WORD = 24;

/** Cells that are read whole and never wrapped: ids, figures, dates, months, verdicts. */
const WHOLE = new Set(["id", "number", "money", "date", "month", "status"]);

/**
 * The width of each column on a line of `width`: each as wide as its widest line, and when
 * they do not fit, the columns that matter least (the highest `priority`) made narrower
 * first, the widest of them first, down to `min`. Columns may still overflow a line too
 * narrow for all their minimums.
 */
export function columnWidths(natural: readonly number[], min: readonly number[], priority: readonly number[], width: number): number[] {
  const widths = [...natural];
  let excess = widths.reduce((a, w) => a + w, 0) + GAP * Math.max(0, widths.length - 1) - width;
  const levels = [...new Set(priority)].sort((a, b) => b - a);
  for (const level of levels) {
    while (excess > 0) {
      let widest = -1;
      widths.forEach((w, i) => {
        if (priority[i] === level && w > min[i]! && (widest === -1 || w > widths[widest]!)) widest = i;
      });
      if (widest === -1) break;
      widths[widest]!--;
      excess--;
    }
  }
  return widths;
}

type Paint = (c: Cell, line: string) => string;

/** A section's table laid out to `width`: the header, a rule under it, a line or more per row, no lines between rows. */
function* table(s: Section, width: number, keys: Keys, paint: Paint, bold: (t: string) => string): Generator<string> {
  const n = s.header.length;
  const head = s.header.map((h) => Math.max(...h.split("\n").map(displayWidth)));
  // the widest cell and the widest word of each column, the header apart: a header may wrap
  const cells = s.header.map(() => 0);
  const whole = s.header.map(() => true);
  const words = s.header.map(() => 0);
  const right = s.header.map(() => true);
  for (const r of s.rows) {
    for (let i = 0; i < n; i++) {
      const c = r[i] ?? null;
      const t = keys.shown(s, r, i);
      for (const line of t.split("\n")) cells[i] = Math.max(cells[i]!, displayWidth(line));
      words[i] = Math.max(words[i]!, Math.min(MAX_WORD, widestWord(t)));
      if (c === null) continue;
      if (!WHOLE.has(c.kind) || s.keyed?.includes(i)) whole[i] = false;
      if (c.kind !== "number" && c.kind !== "money") right[i] = false;
    }
  }
  const natural = cells.map((w, i) => Math.max(w, head[i]!));
  const headWords = s.header.map((h) => Math.min(MAX_WORD, widestWord(h)));
  const priority = s.priority ?? natural.map(() => 1);
  // first the columns give way down to whole words; on a line still too short, down to a few columns of text
  const soft = natural.map((w, i) => Math.min(w, whole[i] ? Math.max(cells[i]!, headWords[i]!) : Math.max(MIN_TEXT, words[i]!, headWords[i]!)));
  // never below 2: a Chinese character of a wrapped header takes two
  const hard = natural.map((w, i) => Math.min(w, Math.max(2, whole[i] ? cells[i]! : MIN_HARD)));
  const widths = columnWidths(columnWidths(natural, soft, priority, width), hard, priority, width);
  const gap = " ".repeat(GAP);
  const line = (cells: readonly string[][], at: number, style: (c: number, t: string) => string) =>
    cells
      .map((ls, i) => {
        const t = ls[at] ?? "";
        return style(i, pad(t, widths[i]!, right[i]!));
      })
      .join(gap)
      .trimEnd();
  const draw = function* (cells: string[][], style: (c: number, t: string) => string): Generator<string> {
    const height = Math.max(1, ...cells.map((ls) => ls.length));
    for (let at = 0; at < height; at++) yield line(cells, at, style);
  };
  yield* draw(
    s.header.map((h, i) => wrap(h, widths[i]!)),
    (_, t) => bold(t),
  );
  yield widths.map((w) => "─".repeat(w)).join(gap);
  for (const r of s.rows) {
    yield* draw(
      s.header.map((_, i) => wrap(keys.shown(s, r, i), widths[i]!)),
      (i, t) => paint(r[i] ?? null, t),
    );
  }
}

/** A note wrapped to the width, its continuation lines indented as far as the note itself. */
function noteLines(note: string, width: number): string[] {
  const indent = note.length - note.trimStart().length;
  const lead = " ".repeat(indent);
  // every line is wrapped to leave room for the continuation lines' own indent
  const [first, ...rest] = wrap(note.trimStart(), width - indent - 2);
  return [`${lead}${first ?? ""}`, ...rest.map((l) => `${lead}  ${l}`)];
}

/** The pieces of each section: title, table, the keys' texts, notes and a blank line, joined by line breaks. */
function* tablePieces(p: Presentation, color: boolean, width: number): Generator<string> {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const tones = { good: chalk.green, bad: chalk.red.bold, warn: chalk.yellow, dim: chalk.gray };
  // padding stays outside the colour, so a coloured line ends where a plain one does
  const paint: Paint = (c, t) => {
    const tone = c?.kind === "status" ? c.tone : c?.kind === "number" ? c.tone : undefined;
    if (!tone) return t;
    const body = t.trimEnd();
    const head = body.length - body.trimStart().length;
    return body === "" ? t : `${body.slice(0, head)}${tones[tone](body.slice(head))}${t.slice(body.length)}`;
  };
  const bold = (t: string) => {
    const body = t.trimEnd();
    return body === "" ? t : `${chalk.bold(body)}${t.slice(body.length)}`;
  };
  const keys = new Keys();
  let first = true;
  const line = (text: string): string => {
    const piece = first ? text : `\n${text}`;
    first = false;
    return piece;
  };
  for (const s of p.sections) {
    if (s.title) for (const l of wrap(s.title, width)) yield line(chalk.bold(l));
    if (s.header.length > 0 && s.rows.length > 0) {
      const legend = keys.of(s);
      for (const l of table(s, width, keys, paint, bold)) yield line(l);
      for (const k of legend) for (const l of noteLines(`${k.key} ${k.text}`, width)) yield line(l);
    }
    for (const note of s.notes ?? []) for (const l of noteLines(note, width)) yield line(l);
    yield line("");
  }
}

/** The table output in pieces, line by line, laid out to `width` columns. */
export function renderTable(p: Presentation, color: boolean, width = DEFAULT_WIDTH): Generator<string> {
  return endingInNewline(tablePieces(p, color, width));
}
