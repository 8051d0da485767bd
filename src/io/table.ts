/**
 * The one table reader every command uses: a CSV file or `-` (stdin), decoded, its
 * delimiter detected, parsed by csv-parse as a stream of string arrays (never cast: ids
 * must keep every digit). Rows are handed to the caller one by one with the row number a
 * spreadsheet shows (the header is row 1).
 */
import type { ColumnOverrides } from "../core/records/header.js";
import { createReadStream } from "node:fs";
import { extname } from "node:path";
import type { Readable } from "node:stream";
import { Parser } from "csv-parse";
import { DataError, UsageError } from "../core/errors.js";
import { createDecoder, type Encoding } from "./decode.js";
import { located } from "./paths.js";

export interface ReadOptions {
  readonly encoding?: Encoding;
  readonly delimiter?: string;
  /** called every so many rows, for progress on a terminal */
  readonly onProgress?: (rows: number) => void;
  /** headers mapped by hand (`--column`) */
  readonly columns?: ColumnOverrides;
  /** what the path `-` reads (default: this process's standard input) */
  readonly stdin?: Readable;
  /** the folder a relative path is read from (default: the process's own) */
  readonly cwd?: string;
}

export interface TableHandlers {
  header(cells: string[]): void;
  row(cells: string[], row: number): void;
}

export interface TableSummary {
  readonly encoding: Encoding | null;
  readonly delimiter: string;
  readonly blankRows: number;
}

const DELIMITERS = [",", "\t", ";"];

/**
 * The longest row read (the header included), so a file that is not a roster (50 MB of NUL
 * bytes, /dev/zero, a quote left open) fails at once instead of filling memory. csv-parse
 * counts the cell being read in UTF-8 bytes; a roster row is a few hundred.
 */
export const MAX_ROW_BYTES = 1 << 20;

/** Comma, tab or semicolon: whichever occurs most often outside quotes in the first line. */
export function detectDelimiter(text: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
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
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx" || ext === ".xls") {
    throw new UsageError(
      `${path}: reading .xlsx is planned but not available yet; save the sheet as CSV (UTF-8 or the default Chinese CSV) and pass that file`,
    );
  }
  return createReadStream(located(path, opts.cwd), { highWaterMark: 1 << 20 });
}

/** A record with the row number a spreadsheet shows for it. */
interface Numbered {
  readonly cells: string[];
  readonly row: number;
}

/**
 * csv-parse, numbering each record as it is pushed: the records so far plus the empty lines
 * it skipped, read from its counters at that moment (records are handed on later, in a batch).
 * Empty lines are skipped inside the parser because it builds an error object (a stack and a
 * copy of the record) for every record whose length differs from the header's, even when told
 * to accept it: a million empty lines took 18.8 s.
 */
class NumberingParser extends Parser {
  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (record === null) return super.push(null, encoding);
    const numbered: Numbered = { cells: record as string[], row: this.info.records + this.info.empty_lines };
    return super.push(numbered, encoding);
  }
}

function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== "") return false;
  return true;
}

export async function readTable(path: string, opts: ReadOptions, on: TableHandlers): Promise<TableSummary> {
  const file = displayName(path);
  const decoder = createDecoder(file, opts.encoding);
  let parser: Parser | null = null;
  let delimiter = opts.delimiter ?? ",";
  let pending = "";
  /** whether the text so far ends with a line end (csv-parse counts an empty line after it) */
  let endsWithLineEnd = false;
  let index = 0;
  let blankRows = 0;
  let failure: unknown = null;

  let finished: Promise<void> = Promise.resolve();
  const makeParser = (sample: string): Parser => {
    if (!opts.delimiter) delimiter = detectDelimiter(sample);
    const p = new NumberingParser({
      delimiter,
      bom: true,
      cast: false,
      relax_column_count: true,
      relax_quotes: true,
      // any line end ends a record, so rows appended by another program (LF after CRLF) or
      // Mac-style CR lines are not merged; CRLF first, so it is one line end and not two
      record_delimiter: ["\r\n", "\n", "\r"],
      skip_empty_lines: true,
      max_record_size: MAX_ROW_BYTES,
    });
    p.on("data", ({ cells, row }: Numbered) => {
      if (failure) return;
      index++;
      try {
        if (index === 1) on.header(cells);
        else if (isBlank(cells)) blankRows++;
        else on.row(cells, row);
        if (opts.onProgress && index % 65536 === 0) opts.onProgress(index - 1);
      } catch (e) {
        failure = e;
      }
    });
    finished = new Promise<void>((resolve) => {
      p.on("end", resolve);
      p.on("error", (e: Error & { code?: string; lines?: number }) => {
        failure ??=
          e.code === "CSV_MAX_RECORD_SIZE"
            ? new DataError(
                `${file}: row ${p.info.records + p.info.empty_lines + 1} is longer than 1 MB (${MAX_ROW_BYTES} bytes): this is not a roster row; check that the file is the CSV meant, and that no quote on that row is left open`,
              )
            : new DataError(
                `${file}: cannot read as CSV near line ${e.lines ?? "?"}: ${e.message}; check the quotes on that line, or force the delimiter with --delimiter`,
              );
        resolve();
      });
    });
    return p;
  };

  const feed = async (text: string): Promise<void> => {
    if (text === "") return;
    if (!parser) {
      pending += text;
      if (!/[\r\n]/.test(pending) && pending.length < 65536) return;
      parser = makeParser(pending);
      text = pending;
      pending = "";
    }
    endsWithLineEnd = /[\r\n]$/.test(text);
    if (!parser.write(text)) await Promise.race([new Promise<void>((r) => parser!.once("drain", r)), finished]);
  };

  let input: Readable;
  try {
    input = open(path, opts);
    for await (const chunk of input) {
      await feed(decoder.write(chunk as Buffer));
      if (failure) break;
    }
    await feed(decoder.end());
  } catch (e) {
    if (e instanceof DataError || e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new DataError(`${file}: cannot be read: no such file; check the path`);
    if (code === "EISDIR") throw new DataError(`${file}: cannot be read: it is a folder, not a CSV file`);
    if (code === "EACCES") throw new DataError(`${file}: cannot be read (permission denied)`);
    throw new DataError(`${file}: cannot be read: ${(e as Error).message}`);
  }
  if (failure) throw failure;
  if (!parser) {
    if (pending === "") throw new DataError(`${file}: the file is empty; it needs a header row and one row per record`);
    parser = makeParser(pending);
    endsWithLineEnd = /[\r\n]$/.test(pending);
    parser.write(pending);
  }
  parser.end();
  await finished;
  if (failure) throw failure;
  blankRows += parser.info.empty_lines - (endsWithLineEnd ? 1 : 0);
  if (index === 0) throw new DataError(`${file}: the file is empty; it needs a header row and one row per record`);
  return { encoding: decoder.encoding, delimiter, blankRows };
}
