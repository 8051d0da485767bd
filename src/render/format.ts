/**
 * One renderer per format. A command presents its result once, as JSON (SPEC.md shape),
 * sections (for table and Markdown) and one flat table (for CSV); these functions turn
 * that into text.
 */
import { Chalk } from "chalk";
import Table from "cli-table3";
import { stringify } from "csv-stringify/sync";
import { UsageError } from "../core/errors.js";

export type Tone = "good" | "bad" | "warn" | "dim";
export type Cell = string | number | null | { readonly text: string; readonly tone: Tone };

export interface Section {
  readonly title?: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** lines printed after the table */
  readonly notes?: readonly string[];
}

export interface Presentation {
  readonly json: unknown;
  readonly sections: readonly Section[];
  /** rows may be made as they are written: a generator keeps a million of them out of memory */
  readonly csv: { readonly header: readonly string[]; readonly rows: Iterable<readonly Cell[]> };
}

export const FORMATS = ["table", "csv", "json", "md", "html", "xlsx"] as const;
export type Format = (typeof FORMATS)[number];

export function formatOption(s: string): Format {
  const f = s.toLowerCase() as Format;
  if (!FORMATS.includes(f)) throw new UsageError(`unknown format "${s}": use table, csv, json or md`);
  if (f === "html" || f === "xlsx") {
    throw new UsageError(`--format ${f} is planned but not available yet: use table, csv, json or md`);
  }
  return f;
}

function plain(c: Cell): string | number {
  if (c === null) return "";
  return typeof c === "object" ? c.text : c;
}

// Characters that make a spreadsheet treat a cell as a formula, half- and full-width.
const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]);

/** A text cell that Excel would run as a formula gets a leading `'`; numbers stay numbers. */
export function guardCell(c: Cell): string | number {
  const v = plain(c);
  if (typeof v === "number") return v;
  return v.length > 0 && FORMULA_START.has(v[0]!) ? `'${v}` : v;
}

const CSV_BATCH = 8192;

/**
 * The CSV text in pieces of a few thousand rows, so a payroll of a million lines is written
 * without ever being one string; the pieces joined are exactly `renderCsv`.
 */
export function* renderCsvChunks(p: Presentation, bom: boolean): Generator<string> {
  // a cell holding a lone line break must be quoted too, or it splits its row in two
  const options = { record_delimiter: "\r\n", quoted_match: /[\r\n]/ } as const;
  yield (bom ? "\uFEFF" : "") + stringify([p.csv.header.map((h) => guardCell(h))], options);
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

export function renderJson(p: Presentation): string {
  return `${JSON.stringify(p.json, null, 2)}\n`;
}

function mdEscape(v: string | number): string {
  return String(v).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

export function renderMarkdown(p: Presentation): string {
  const out: string[] = [];
  for (const s of p.sections) {
    if (s.title) out.push(`## ${s.title}`, "");
    if (s.header.length > 0) {
      out.push(`| ${s.header.map(mdEscape).join(" | ")} |`);
      out.push(`|${s.header.map(() => "---").join("|")}|`);
      for (const r of s.rows) out.push(`| ${r.map((c) => mdEscape(plain(c))).join(" | ")} |`);
      out.push("");
    }
    if (s.notes && s.notes.length > 0) out.push(...s.notes.map((n) => `${n}  `), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

export function renderTable(p: Presentation, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const paint = (c: Cell): string => {
    if (c === null) return "";
    if (typeof c !== "object") return String(c);
    const tones = { good: chalk.green, bad: chalk.red.bold, warn: chalk.yellow, dim: chalk.gray };
    return tones[c.tone](c.text);
  };
  const out: string[] = [];
  for (const s of p.sections) {
    if (s.title) out.push(chalk.bold(s.title));
    if (s.header.length > 0 && s.rows.length > 0) {
      const t = new Table({ head: s.header.map((h) => chalk.bold(h)), style: { head: [], border: [] } });
      for (const r of s.rows) t.push(r.map(paint));
      out.push(t.toString());
    }
    if (s.notes) out.push(...s.notes);
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
