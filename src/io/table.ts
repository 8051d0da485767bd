/**
 * The one table reader every command uses: a CSV file, a workbook (.xlsx, .xls, WPS .et,
 * known by their bytes, read through workbook.ts) or `-` (stdin, either of them). A CSV is
 * decoded, its delimiter detected, and cut into rows of string cells by csv-tokens.ts as it
 * arrives (never cast: ids must keep every digit). Every row with a cell is handed on, blank ones too, with
 * the row number a spreadsheet shows; where the table starts and ends is the layout's
 * business (core/records/layout.ts).
 */
import type { ColumnOverrides } from "../core/records/header.js";
import { createReadStream } from "node:fs";
import { extname } from "node:path";
import type { Readable } from "node:stream";
import { DataError, UsageError } from "../core/errors.js";
import type { SheetRow } from "../core/records/layout.js";
import type { Warning } from "../core/records/types.js";
import { CsvTokenError, CsvTokenizer } from "./csv-tokens.js";
import { createDecoder, type Encoding } from "./decode.js";
import { located } from "./paths.js";
import { type SheetInfo, type Workbook, openWorkbook, workbookKind } from "./workbook.js";

export interface ReadOptions {
  readonly encoding?: Encoding;
  readonly delimiter?: string;
  /** called every so many rows, for progress on a terminal */
  readonly onProgress?: (rows: number) => void;
  /** headers mapped by hand (`--column`) */
  readonly columns?: ColumnOverrides;
  /** the sheet of a workbook to read (`--sheet NAME|N`, 1 = the first) */
  readonly sheet?: string;
  /** what the path `-` reads (default: this process's standard input) */
  readonly stdin?: Readable;
  /** the folder a relative path is read from (default: the process's own) */
  readonly cwd?: string;
}

export interface TableHandlers {
  /** every row with a cell, in order, blank ones too */
  row(r: SheetRow): void;
  /** whether these first rows of a sheet hold the table's header: how a workbook's sheet is chosen */
  holdsHeader?(rows: readonly SheetRow[]): boolean;
}

export interface TableSummary {
  readonly encoding: Encoding | null;
  readonly delimiter: string;
  /** the sheet read, for a workbook */
  readonly sheet: SheetInfo | null;
  /** the sheet chosen, a workbook read as a stream */
  readonly warnings: Warning[];
}

const DELIMITERS = [",", "\t", ";"];

/**
 * The longest row read (the header included), so a file that is not a roster (50 MB of NUL
 * bytes, /dev/zero, a quote left open) fails at once instead of filling memory. It is counted
 * in characters, each at least a byte; a roster row is a few hundred.
 */
export const MAX_ROW_BYTES = 1 << 20;

/**
 * Comma, tab or semicolon: whichever occurs most often outside quotes on the first line that
 * has any of them (a title line above the header, 綦江区社会工作专业人才花名册, has none).
 */
export function detectDelimiter(text: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let any = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (any) break;
    } else if (!quoted && counts.has(ch)) {
      counts.set(ch, counts.get(ch)! + 1);
      any = true;
    }
  }
  let best = ",";
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

export function delimiterOption(s: string): string {
  const named: Record<string, string> = { comma: ",", tab: "\t", "\\t": "\t", semicolon: ";" };
  const d = named[s.toLowerCase()] ?? s;
  if (d.length !== 1) throw new UsageError(`--delimiter takes one character, or comma, tab, semicolon; got "${s}"`);
  return d;
}

export function displayName(path: string): string {
  return path === "-" ? "(stdin)" : path;
}

function open(path: string, opts: ReadOptions): Readable {
  if (path === "-") return opts.stdin ?? process.stdin;
  return createReadStream(located(path, opts.cwd), { highWaterMark: 1 << 20 });
}

/** The names a workbook is saved under: such a file that is no workbook inside is named as such. */
const WORKBOOK_NAMES = new Set([".xlsx", ".xlsm", ".xls", ".et", ".ett"]);

/** The first bytes of a stream (enough to tell a workbook), and the stream's chunks from the start. */
async function sniff(input: Readable): Promise<{ head: Buffer; chunks: AsyncIterable<Buffer> }> {
  const it = (input as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const first: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < 8) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    first.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(first);
  async function* chunks(): AsyncIterable<Buffer> {
    yield* first;
    if (done) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  return { head, chunks: chunks() };
}

/** Where a sheet was chosen among several, the warning saying which. */
function sheetWarning(file: string, wb: Workbook, sheet: SheetInfo): Warning[] {
  if (wb.sheets.length < 2) return [];
  return [{ code: "sheet_read", params: { file, sheet: sheet.name, number: sheet.index + 1, sheets: wb.sheets.length } }];
}

/**
 * The sheet to read: `--sheet` by name, else by number (1 = the first in workbook order);
 * by default the first shown sheet whose first rows hold the table's header, else the first
 * shown sheet (whose header the caller then finds wanting). Hidden sheets only by --sheet.
 */
async function chooseSheet(file: string, wb: Workbook, wanted: string | undefined, on: TableHandlers): Promise<{ sheet: SheetInfo; warnings: Warning[] }> {
  if (wanted !== undefined) {
    const n = /^\d+$/.test(wanted.trim()) ? Number(wanted.trim()) : Number.NaN;
    const sheet = wb.sheets.find((s) => s.name === wanted) ?? wb.sheets.find((s) => s.name.trim() === wanted.trim()) ?? wb.sheets[n - 1];
    if (sheet) return { sheet, warnings: [] };
    const list = wb.sheets.map((s) => `${s.index + 1} ${s.name}${s.hidden ? " (hidden)" : ""}`).join(", ");
    throw new UsageError(`${file}: there is no sheet "${wanted}"; its sheets are: ${list}; give --sheet one of these names or numbers`);
  }
  const shown = wb.sheets.filter((s) => !s.hidden);
  if (shown.length === 0) throw new DataError(`${file}: every sheet of the workbook is hidden: choose one with --sheet NAME or --sheet N`);
  if (on.holdsHeader && shown.length + (wb.sheets.length - shown.length) > 1) {
    for (const sheet of shown) {
      const first: SheetRow[] = [];
      for await (const r of wb.rows(sheet.index, 10)) first.push(r);
      if (on.holdsHeader(first)) return { sheet, warnings: sheetWarning(file, wb, sheet) };
    }
  }
  return { sheet: shown[0]!, warnings: sheetWarning(file, wb, shown[0]!) };
}

/** A workbook's chosen sheet, row by row. */
async function readWorkbook(file: string, bytes: Uint8Array, opts: ReadOptions, on: TableHandlers): Promise<TableSummary> {
  const wb = await openWorkbook(bytes, file);
  if (wb.sheets.length === 0) throw new DataError(`${file}: the workbook has no sheets`);
  const { sheet, warnings } = await chooseSheet(file, wb, opts.sheet, on);
  if (wb.streamed) warnings.push({ code: "workbook_streamed", params: { file } });
  let index = 0;
  for await (const r of wb.rows(sheet.index)) {
    index++;
    on.row(r);
    if (opts.onProgress && index % 65536 === 0) opts.onProgress(index);
  }
  if (index === 0) throw new DataError(`${file}: sheet "${sheet.name}" is empty; it needs a header row and one row per record`);
  return { encoding: null, delimiter: "", sheet, warnings };
}

/** The bytes of a stream, whole (a workbook is read with random access). */
async function collect(chunks: AsyncIterable<Buffer>): Promise<Uint8Array> {
  const all: Buffer[] = [];
  for await (const c of chunks) all.push(c);
  return Buffer.concat(all);
}

export async function readTable(path: string, opts: ReadOptions, on: TableHandlers): Promise<TableSummary> {
  const file = displayName(path);
  try {
    const { head, chunks } = await sniff(open(path, opts));
    if (workbookKind(head) !== null) return await readWorkbook(file, await collect(chunks), opts, on);
    if (path !== "-" && WORKBOOK_NAMES.has(extname(path).toLowerCase()) && head.length > 0) {
      throw new DataError(
        `${file}: is not a workbook (neither .xlsx nor .xls inside; perhaps a web page or text saved under a workbook's name): open it in Excel or WPS and save it as .xlsx, or as CSV`,
      );
    }
    return await readCsv(file, chunks, opts, on);
  } catch (e) {
    if (e instanceof DataError || e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new DataError(`${file}: cannot be read: no such file; check the path`);
    if (code === "EISDIR") throw new DataError(`${file}: cannot be read: it is a folder, not a CSV file`);
    if (code === "EACCES") throw new DataError(`${file}: cannot be read (permission denied)`);
    throw new DataError(`${file}: cannot be read: ${(e as Error).message}`);
  }
}

/**
 * Each piece of the file read is decoded this many bytes at a time. The text of a piece then
 * stays small (V8 keeps a string over 128 KB in the old generation) and dies young with the
 * cells cut from it. A megabyte's text decoded at once went to the old generation every
 * time, and brought on a full collection every few megabytes read.
 */
const DECODE_PIECE = 1 << 14;

async function readCsv(file: string, chunks: AsyncIterable<Buffer>, opts: ReadOptions, on: TableHandlers): Promise<TableSummary> {
  const decoder = createDecoder(file, opts.encoding);
  let tokenizer: CsvTokenizer | null = null;
  let delimiter = opts.delimiter ?? ",";
  let pending = "";
  let index = 0;
  const sink = (cells: string[], row: number): void => {
    index++;
    on.row({ cells, row });
    if (opts.onProgress && index % 65536 === 0) opts.onProgress(index - 1);
  };
  /** `last`: the text ends here, so the delimiter is told from whatever came */
  const feed = (text: string, last = false): void => {
    if (!tokenizer) {
      // the delimiter is the first line's: wait for a whole line, or enough text to tell
      pending += text;
      if (pending === "" || (!last && !/[\r\n]/.test(pending) && pending.length < 65536)) return;
      if (!opts.delimiter) delimiter = detectDelimiter(pending);
      tokenizer = new CsvTokenizer(delimiter, MAX_ROW_BYTES);
      text = pending;
      pending = "";
    }
    if (text !== "") tokenizer.write(text, sink);
  };
  try {
    for await (const chunk of chunks) {
      for (let at = 0; at < chunk.length; at += DECODE_PIECE) feed(decoder.write(chunk.subarray(at, at + DECODE_PIECE)));
    }
    feed(decoder.end(), true);
    // set by feed(), which the compiler does not follow
    const started = tokenizer as CsvTokenizer | null;
    if (!started) throw new DataError(`${file}: the file is empty; it needs a header row and one row per record`);
    started.end(sink);
  } catch (e) {
    if (!(e instanceof CsvTokenError)) throw e;
    const d = e.detail;
    throw new DataError(
      d.kind === "too_long"
        ? `${file}: row ${d.row} is longer than 1 MB (${MAX_ROW_BYTES} bytes): this is not a roster row; check that the file is the CSV meant, and that no quote on that row is left open`
        : `${file}: cannot read as CSV near line ${d.line}: a quote opened there is never closed; check the quotes on that line, or force the delimiter with --delimiter`,
    );
  }
  if (index === 0) throw new DataError(`${file}: the file is empty; it needs a header row and one row per record`);
  return { encoding: decoder.encoding, delimiter, sheet: null, warnings: [] };
}
