/**
 * The one door to workbooks (.xlsx, .xls, WPS .et that is either inside): hucre reads them,
 * and this file alone imports it, so the reader can be swapped. A sheet comes out as rows of
 * text cells, numbered as a spreadsheet shows them, for the table reader (table.ts).
 *
 * A small .xlsx is read whole, which shows merged cells and formulas saved without a value;
 * a large one is streamed row by row (hucre's streamXlsxRows), which holds the compressed
 * file but never the sheet, and shows neither. An .xls is small by nature and read whole.
 */
import { type CellValue, type Sheet, type SheetFilterInfo, EncryptedFileError, readXls, readXlsx, streamXlsxRows, writeXlsx } from "hucre";
import { DataError } from "../core/errors.js";
import { cellText } from "../core/records/cell-text.js";
import type { SheetRow, Span } from "../core/records/layout.js";
import { own } from "./own.js";

/** An .xlsx (or .et) up to this size is read whole; a larger one is streamed. */
export const WHOLE_READ_BYTES = 2 << 20;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What the first bytes say: a zip (.xlsx, .et), an OLE container (.xls, .et, an encrypted .xlsx), or neither. */
export function workbookKind(head: Uint8Array): "zip" | "ole" | null {
  const starts = (magic: number[]) => head.length >= magic.length && magic.every((b, i) => head[i] === b);
  if (starts(ZIP)) return "zip";
  if (starts(OLE)) return "ole";
  return null;
}

export interface SheetInfo {
  readonly name: string;
  /** from 0, in workbook order */
  readonly index: number;
  readonly hidden: boolean;
}

export interface Workbook {
  readonly sheets: readonly SheetInfo[];
  /** whether rows are streamed, so a formula saved without its value cannot be told from an empty cell */
  readonly streamed: boolean;
  /** the rows of one sheet, the first `limit` of them when given */
  rows(index: number, limit?: number): AsyncIterable<SheetRow>;
}

/**
 * The name an OLE container gives the stream of an encrypted .xlsx (ECMA-376 Agile
 * encryption), in UTF-16LE as the container's directory spells it.
 */
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");

function passwordProtected(file: string): DataError {
  return new DataError(
    `${file}: the workbook is password-protected: open it in Excel or WPS, remove the password (File > Info > Protect Workbook, 文件 > 信息 > 保护工作簿), save it, and pass that file`,
  );
}

function unreadable(file: string, e: unknown): DataError {
  if (e instanceof EncryptedFileError) return passwordProtected(file);
  const why = e instanceof Error ? e.message.replace(/\s+/g, " ").trim() : String(e);
  return new DataError(`${file}: cannot be read as a workbook (${why}): open it in Excel or WPS and save it again as .xlsx`);
}

/** One sheet row as text cells, with the columns of formulas saved without a value and the merges that start on it. */
function sheetRow(index: number, values: readonly CellValue[], unsaved?: readonly number[], spans?: readonly Span[]): SheetRow {
  const cells = new Array<string>(values.length);
  // a cell's text may be cut from the sheet's XML: kept as a string of its own
  for (let i = 0; i < values.length; i++) cells[i] = own(cellText(values[i]));
  return { cells, row: index + 1, sparse: true, ...(unsaved && unsaved.length > 0 ? { unsaved } : {}), ...(spans && spans.length > 0 ? { spans } : {}) };
}

/** A sheet read whole: its rows, with what only a whole read shows (merges, formulas without a value). */
async function* wholeRows(sheet: Sheet, limit: number): AsyncIterable<SheetRow> {
  const unsaved = new Map<number, number[]>();
  for (const [key, cell] of sheet.cells ?? []) {
    if (cell.type !== "formula" || (cell.value ?? null) !== null || (cell.formulaResult ?? null) !== null) continue;
    const [r, c] = key.split(",").map(Number) as [number, number];
    unsaved.set(r, [...(unsaved.get(r) ?? []), c]);
  }
  const spans = new Map<number, Span[]>();
  for (const m of sheet.merges ?? []) {
    if (m.endCol > m.startCol) spans.set(m.startRow, [...(spans.get(m.startRow) ?? []), { from: m.startCol, to: m.endCol }]);
  }
  let given = 0;
  for (let i = 0; i < sheet.rows.length && given < limit; i++) {
    const values = sheet.rows[i];
    if (!values) continue;
    given++;
    yield sheetRow(i, values, unsaved.get(i), spans.get(i));
  }
}

function whole(sheets: readonly Sheet[], hidden: (i: number) => boolean, file: string): Workbook {
  return {
    sheets: sheets.map((s, index) => ({ name: s.name, index, hidden: hidden(index) })),
    streamed: false,
    rows: (index, limit = Number.POSITIVE_INFINITY) => guarded(wholeRows(sheets[index]!, limit), file),
  };
}

/** Rows whose reading fails halfway (a damaged sheet) end in one DataError naming the file. */
async function* guarded(rows: AsyncIterable<SheetRow>, file: string): AsyncIterable<SheetRow> {
  try {
    yield* rows;
  } catch (e) {
    throw unreadable(file, e);
  }
}

async function* streamedRows(bytes: Uint8Array, index: number, limit: number): AsyncIterable<SheetRow> {
  const options = Number.isFinite(limit) ? { sheet: index, maxRows: limit } : { sheet: index };
  for await (const r of streamXlsxRows(bytes, options)) yield sheetRow(r.index, r.values);
}

/**
 * Opens a workbook from its bytes. Every failure of the reader is a DataError naming the
 * file: damaged, cut short, encrypted, or an OLE file that holds no workbook (a .doc).
 */
export async function openWorkbook(bytes: Uint8Array, file: string, wholeReadBytes = WHOLE_READ_BYTES): Promise<Workbook> {
  const kind = workbookKind(bytes);
  try {
    if (kind === "ole") {
      if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTION_INFO)) throw passwordProtected(file);
      // hucre 1.0.0 does not read an .xls sheet's visibility: every sheet counts as shown
      const wb = await readXls(bytes);
      return whole(wb.sheets, () => false, file);
    }
    if (bytes.length <= wholeReadBytes) {
      const wb = await readXlsx(bytes);
      return whole(wb.sheets, (i) => Boolean(wb.sheets[i]!.hidden || wb.sheets[i]!.veryHidden), file);
    }
    const infos: SheetFilterInfo[] = [];
    await readXlsx(bytes, {
      sheets: (info) => {
        infos.push(info);
        return false;
      },
    });
    return {
      sheets: infos.map((s) => ({ name: s.name, index: s.index, hidden: Boolean(s.hidden || s.veryHidden) })),
      streamed: true,
      rows: (index, limit = Number.POSITIVE_INFINITY) => guarded(streamedRows(bytes, index, limit), file),
    };
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw unreadable(file, e);
  }
}

/** A sheet to write: text rows, and the columns to format as text so what is typed there stays text. */
export interface SheetToWrite {
  readonly name: string;
  readonly rows: readonly (readonly string[])[];
  readonly textColumns: readonly number[];
}

/**
 * A small workbook of text sheets (the templates). The text format `@` is set on whole
 * columns, never by a `cells` entry, which in hucre 1.0.0 blanks the cell's value.
 */
export async function workbookBytes(sheets: readonly SheetToWrite[]): Promise<Buffer> {
  const bytes = await writeXlsx({
    sheets: sheets.map((s) => {
      const width = Math.max(...s.rows.map((r) => r.length));
      return {
        name: s.name,
        rows: s.rows.map((r) => [...r]),
        columns: Array.from({ length: width }, (_, i) => ({ width: 16, ...(s.textColumns.includes(i) ? { numFmt: "@" } : {}) })),
        freezePane: { rows: 1 },
      };
    }),
    // no clock in the file: the same templates are the same bytes
    properties: { modified: new Date(Date.UTC(2021, 0, 1)) },
  });
  return Buffer.from(bytes);
}
