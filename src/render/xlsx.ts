/**
 * The workbook of a report (SPEC.md "Formats", xlsx): a summary sheet first (the heading, the
 * facts of the run, the inputs read, the summary figures and lines), then one sheet per
 * section, then the rejected rows when there are any. Money and counts are numbers, dates
 * date cells shown yyyy-mm-dd, ids, codes and months text cells; every text cell passes the
 * formula guard. Pure: io/xlsx.ts writes what this describes.
 */
import type { FileCount } from "../core/records/types.js";
import type { Sheet, SheetCell, Workbook } from "../io/xlsx.js";
import { DOCUMENT_WORDS } from "./catalogs/document.js";
import { guardText } from "./format.js";
import type { Cell, DocumentParts, Presentation, Section, Tone } from "./model.js";

const TEXT = "@";
const DATE = "yyyy-mm-dd";
const MONEY = "#,##0.00";

const TONE_COLOR: Readonly<Record<Tone, string>> = { good: "1E7B34", bad: "B3261E", warn: "9A6700", dim: "6B6B6B" };

/** Columns wider than this wrap in Excel's eyes anyway: a long sentence does not make a column a page wide. */
const MAX_WIDTH = 60;
const MIN_WIDTH = 6;

/** Characters a sheet name may not hold. */
const NOT_IN_SHEET_NAME = /[:\\/?*[\]]/g;

/** How wide text shows: a Chinese (full-width) character takes two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

/** A sheet name Excel accepts, unique in the workbook (case ignored), at most 31 characters. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean =
    wanted
      .replace(NOT_IN_SHEET_NAME, "_")
      .replace(/^'+|'+$/g, "")
      .trim() || "sheet";
  const cut = (s: string, n: number) => [...s].slice(0, n).join("");
  let name = cut(clean, 31);
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = cut(clean, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** How a workbook stores one cell of the report. `shown` masks resident IDs in text. */
export function sheetCell(c: Cell, shown: (s: string) => string): SheetCell {
  if (c === null) return { value: null };
  switch (c.kind) {
    case "number":
      return c.tone ? { value: c.value, color: TONE_COLOR[c.tone], bold: c.tone === "bad" } : { value: c.value };
    case "money":
      return { value: c.fen / 100, numFmt: MONEY };
    case "date":
      return { value: { day: c.day }, numFmt: DATE };
    case "month":
      return { value: c.month, numFmt: TEXT };
    case "id":
      return { value: guardText(shown(c.text)), numFmt: TEXT };
    case "status":
      return { value: guardText(shown(c.text)), numFmt: TEXT, color: TONE_COLOR[c.tone], bold: c.tone === "bad" };
    case "text":
      return { value: guardText(shown(c.text)), numFmt: TEXT };
  }
}

const textCell = (s: string, shown: (s: string) => string, bold = false): SheetCell => ({
  value: guardText(shown(s)),
  numFmt: TEXT,
  ...(bold ? { bold } : {}),
});

/** Each column as wide as its widest cell shows (a date as yyyy-mm-dd), within bounds. */
function widths(rows: readonly (readonly SheetCell[])[]): number[] {
  const w: number[] = [];
  for (const row of rows) {
    row.forEach((c, i) => {
      const v = c.value;
      const shown = v === null ? "" : typeof v === "object" ? v.day : typeof v === "number" && c.numFmt === MONEY ? v.toFixed(2) : String(v);
      w[i] = Math.max(w[i] ?? MIN_WIDTH, Math.min(MAX_WIDTH, displayWidth(shown) + 2));
    });
  }
  return w;
}

/** A section's sheet: the header row, the rows (a total row in bold), then its notes below a blank row. */
function sectionSheet(s: Section, name: string, shown: (s: string) => string): Sheet {
  const header = s.header.map((h) => textCell(h, shown, true));
  const body = s.rows.map((r, i) => {
    const cells = r.map((c) => sheetCell(c, shown));
    return s.total && i === s.rows.length - 1 ? cells.map((c) => ({ ...c, bold: true })) : cells;
  });
  const table = [header, ...body];
  const notes = (s.notes ?? []).map((n) => [textCell(n, shown)]);
  return {
    name,
    widths: widths(table),
    header: true,
    landscape: s.header.length > 6,
    rows: notes.length > 0 ? [...table, [], ...notes] : table,
  };
}

function filesRows(files: readonly FileCount[], w: (typeof DOCUMENT_WORDS)["en"], shown: (s: string) => string): SheetCell[][] {
  return [
    [w.head.file, w.head.rows, w.head.accepted, w.head.rejected].map((h) => textCell(h, shown, true)),
    ...files.map((f) => [textCell(f.file, shown), { value: f.rows }, { value: f.accepted }, { value: f.rejected }]),
  ];
}

/** The summary sheet: the heading and facts, the figures, the inputs read, and the lines of sections that are lines alone. */
function summarySheet(d: DocumentParts, sections: readonly Section[], name: string, shown: (s: string) => string): Sheet {
  const w = DOCUMENT_WORDS[d.lang];
  const pairs: SheetCell[][] = [
    [textCell(w.item, shown, true), textCell(w.value, shown, true)],
    [textCell(d.title, shown, true), { value: null }],
    ...[...d.facts, ...d.figures].map((f) => [textCell(f.label, shown), sheetCell(f.value, shown)]),
  ];
  const files = filesRows(d.files, w, shown);
  const lines = sections.filter((s) => s.header.length === 0).flatMap((s) => [...(s.title ? [s.title] : []), ...(s.notes ?? [])]);
  return {
    name,
    widths: widths([...pairs, ...files]),
    header: true,
    landscape: false,
    rows: [...pairs, [], ...files, ...(lines.length > 0 ? [[], ...lines.map((l) => [textCell(l, shown)])] : [])],
  };
}

/** The workbook of a presentation; `shown` masks resident IDs inside text (SPEC.md Privacy). */
export function workbookOf(p: Presentation, shown: (s: string) => string): Workbook {
  const d = p.document;
  if (!d) throw new Error("this command writes no documents");
  const w = DOCUMENT_WORDS[d.lang];
  const sections = d.sections ?? p.sections;
  const taken = new Set<string>();
  const summaryName = sheetName(w.summarySheet, taken);
  const sheets: Sheet[] = [summarySheet(d, sections, summaryName, shown)];
  for (const s of sections) {
    if (s.header.length === 0) continue;
    sheets.push(sectionSheet(s, sheetName(s.sheet ?? s.title ?? "", taken), shown));
  }
  if (d.rejected) sheets.push(sectionSheet(d.rejected, sheetName(w.rejectedSheet, taken), shown));
  const [y, m, day] = (d.day ?? "1980-01-01").split("-").map(Number) as [number, number, number];
  return { stamp: new Date(Date.UTC(y, m - 1, day)), sheets };
}
