/**
 * The report model: what a command presents once, for every format to render. A cell knows
 * what it holds (text, an id or code, a count, money, a date, a month, a status), so a
 * workbook can make money a number and an id a text cell, and a page can colour a verdict.
 */
import type { FileCount } from "../core/records/types.js";

export type Tone = "good" | "bad" | "warn" | "dim";

export type Cell =
  | { readonly kind: "text"; readonly text: string }
  /** an id or a code (身份证号, 工号, a rule id, a status code): text kept exactly as it is */
  | { readonly kind: "id"; readonly text: string }
  /** a count, days, a ratio's figure; a tone marks one to look at (rows rejected) */
  | { readonly kind: "number"; readonly value: number; readonly tone?: Tone }
  /** money in integer fen, shown in yuan (a ledger may hold fen, so never a float of yuan) */
  | { readonly kind: "money"; readonly fen: number }
  /** a calendar day, YYYY-MM-DD */
  | { readonly kind: "date"; readonly day: string }
  /** YYYY-MM */
  | { readonly kind: "month"; readonly month: string }
  /** a verdict: the word shown, its code and its tone */
  | { readonly kind: "status"; readonly text: string; readonly code: string; readonly tone: Tone }
  | null;

export type Row = readonly Cell[];

export const text = (s: string): Cell => ({ kind: "text", text: s });
export const id = (s: string): Cell => ({ kind: "id", text: s });
export const num = (n: number, tone?: Tone): Cell => (tone ? { kind: "number", value: n, tone } : { kind: "number", value: n });
export const money = (fen: number): Cell => ({ kind: "money", fen });
export const date = (day: string): Cell => ({ kind: "date", day });
export const month = (m: string): Cell => ({ kind: "month", month: m });
export const status = (code: string, shown: string, tone: Tone): Cell => ({ kind: "status", text: shown, code, tone });
/** Text, or an empty cell for "". */
export const textOrEmpty = (s: string): Cell => (s === "" ? null : text(s));

/** Yuan as a number from integer fen (the JSON and CSV figure). */
export const yuan = (fen: number): number => fen / 100;

/** What a cell shows as plain text or a number: what CSV, Markdown and the terminal table write. */
export function plain(c: Cell): string | number {
  if (c === null) return "";
  switch (c.kind) {
    case "number":
      return c.value;
    case "money":
      return yuan(c.fen);
    case "date":
      return c.day;
    case "month":
      return c.month;
    default:
      return c.text;
  }
}

export interface Section {
  readonly title?: string;
  /** the sheet a workbook gives this section (default: the title) */
  readonly sheet?: string;
  readonly header: readonly string[];
  readonly rows: readonly Row[];
  /** lines printed after the table */
  readonly notes?: readonly string[];
  /** the last row is a total (小计, 合计): set apart on a page, and never cut from its table */
  readonly total?: boolean;
  /** the last column is left empty for each payee to sign (签名) */
  readonly signatures?: boolean;
  /**
   * How much each column matters when the line is too short for all (table): 1 the most; the
   * columns with the highest numbers give way first, wrapping narrower. Absent: all alike.
   */
  readonly priority?: readonly number[];
  /**
   * Columns whose long texts repeat down the rows (a rule's basis): table and Markdown show a
   * short key in the row, [1], and each key's text once under the table; CSV, documents the text.
   */
  readonly keyed?: readonly number[];
}

/** One flat table (CSV); rows may be made as they are written, so a million never sit in memory. */
export interface FlatTable {
  readonly header: readonly string[];
  readonly rows: Iterable<Row>;
}

/** A label and its value, for the head of a document and its summary figures. */
export interface Fact {
  readonly label: string;
  readonly value: Cell;
}

/** A chart series' colour: a verdict's tone, or plain for a single measure. */
export type ChartTone = Tone | "plain";

/** Horizontal bars, one per label, each the series stacked left to right. */
export interface Chart {
  readonly title: string;
  readonly series: readonly { readonly label: string; readonly tone: ChartTone }[];
  readonly bars: readonly { readonly label: string; readonly values: readonly number[] }[];
  /** the values are money in fen */
  readonly money?: boolean;
}

/**
 * What a document (html, xlsx) shows besides the sections: its heading, the facts of the
 * run, the inputs read, summary figures, charts and the rejected rows.
 */
export interface DocumentParts {
  readonly lang: "zh" | "en";
  readonly title: string;
  /** the policy, its document, the date or months */
  readonly facts: readonly Fact[];
  readonly files: readonly FileCount[];
  readonly figures: readonly Fact[];
  readonly charts: readonly Chart[];
  /** the rejected rows as a table; none: every row was accepted */
  readonly rejected: Section | null;
  /** the day the document is of (as-of, the first month's 1st), its timestamp inside; null: none */
  readonly day: string | null;
  /** sections for documents where they differ from the terminal's (default: the sections) */
  readonly sections?: readonly Section[];
}

/**
 * A JSON array whose elements are made as they are written: `f` of each item. A list of a
 * million people is then never held as a million JSON objects (SPEC.md "Scale").
 * JSON.stringify sees the array itself, through toJSON.
 */
export class JsonList<T> {
  constructor(
    private readonly items: readonly T[],
    private readonly f: (item: T) => unknown,
  ) {}

  get length(): number {
    return this.items.length;
  }

  at(i: number): unknown {
    return this.f(this.items[i]!);
  }

  toJSON(): unknown[] {
    return this.items.map(this.f);
  }
}

/** A command's result presented once: JSON (SPEC.md shape), sections, one flat table, and a document's parts. */
export interface Presentation {
  readonly json: unknown;
  readonly sections: readonly Section[];
  readonly csv: FlatTable;
  /** absent for a command that writes no documents (policy, template) */
  readonly document?: DocumentParts;
}
