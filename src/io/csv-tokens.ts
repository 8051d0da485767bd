/**
 * CSV text -> rows of string cells, fed in pieces as they are decoded. It reads what
 * csv-parse reads with the options the table reader gave it (no cast, quotes relaxed, any
 * of CRLF, LF and CR ending a record, empty lines skipped, a leading BOM dropped), row for
 * row and cell for cell, and numbers each row as a spreadsheet does: the records so far plus
 * the empty lines skipped before it. A property test holds it to csv-parse on random text.
 *
 * Every record is read character by character, in one pass: each cell is found by its
 * character codes and cut once. (Cutting quote-free lines with String.split was no faster
 * here, and its speed depended on how V8 compiled the loop around it. In one harness, a
 * file with LF line ends took 42 s instead of 1.5 s.)
 */
import { own } from "./own.js";

const QUOTE = 34; // "
const LF = 10;
const CR = 13;
const BOM = "\uFEFF";

export type TokenError =
  /** the text ended inside a quoted cell opened on `line` (1-based, counting line ends) */
  | { readonly kind: "unclosed_quote"; readonly line: number }
  /** the record numbered `row` grew past the limit without ending */
  | { readonly kind: "too_long"; readonly row: number };

export class CsvTokenError extends Error {
  constructor(readonly detail: TokenError) {
    super(detail.kind === "unclosed_quote" ? `quote not closed (line ${detail.line})` : `row ${detail.row} too long`);
  }
}

export type RowSink = (cells: string[], row: number) => void;

export class CsvTokenizer {
  private carry = "";
  private started = false;
  private records = 0;
  private empty = 0;
  /** line ends in the text before `carry`, for the line an unclosed quote started on */
  private lines = 0;
  private readonly delimiterCode: number;

  /** `maxChars`: the longest a record may grow before it is taken for something that is not CSV */
  constructor(
    delimiter: string,
    private readonly maxChars: number = 1 << 20,
  ) {
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Empty lines skipped so far (a final line end does not make one). */
  get emptyLines(): number {
    return this.empty;
  }

  /** Records read so far. */
  get recordCount(): number {
    return this.records;
  }

  /** The record being read is too long to be a row: it is numbered as the next one. */
  private tooLong(): CsvTokenError {
    return new CsvTokenError({ kind: "too_long", row: this.records + this.empty + 1 });
  }

  /** Hands on every record that ends in `text` (and the text before it). */
  write(text: string, sink: RowSink): void {
    if (!this.started) {
      if (text === "") return;
      this.started = true;
      if (text.startsWith(BOM)) text = text.slice(1);
    }
    const all = this.carry === "" ? text : this.carry + text;
    const used = this.scan(all, false, sink);
    this.carry = used === all.length ? "" : all.slice(used);
    if (this.carry.length > this.maxChars) throw this.tooLong();
  }

  /** Hands on the last record, which needs no line end. */
  end(sink: RowSink): void {
    if (this.carry !== "") {
      const all = this.carry;
      this.carry = "";
      this.scan(all, true, sink);
    }
  }

  /**
   * Reads the records of `s` from the start; returns where the first record that may go on
   * in the next piece begins (s.length when none does). `final`: no more text follows.
   */
  private scan(s: string, final: boolean, sink: RowSink): number {
    const n = s.length;
    let i = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      // an empty line: skipped, but counted, as a spreadsheet counts it
      if (c === LF || c === CR) {
        if (c === CR && i + 1 === n && !final) return i;
        i += c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1;
        this.empty++;
        this.lines++;
        continue;
      }
      const next = this.record(s, i, final, sink);
      if (next === -1) return i;
      i = next;
    }
    return n;
  }

  /**
   * One record read character by character, from `start`; returns where the next begins,
   * or -1 when the record may go on in the next piece of text.
   */
  private record(s: string, start: number, final: boolean, sink: RowSink): number {
    const n = s.length;
    const dc = this.delimiterCode;
    const cells: string[] = [];
    let i = start;
    let lineEnds = 0;
    for (;;) {
      // one cell, starting at i
      let cell: string;
      if (s.charCodeAt(i) === QUOTE) {
        let text = "";
        let from = i + 1;
        for (;;) {
          const q = s.indexOf('"', from);
          if (q === -1) {
            if (!final) return -1;
            throw new CsvTokenError({ kind: "unclosed_quote", line: this.lines + lineEnds + countLineEnds(s, i, n) + 1 });
          }
          if (q + 1 === n && !final) return -1;
          const after = q + 1 < n ? s.charCodeAt(q + 1) : -1;
          if (after === QUOTE) {
            text += s.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          text += s.slice(from, q);
          lineEnds += countLineEnds(s, i, q);
          if (after === -1 || after === dc || after === LF || after === CR) {
            i = q + 1;
          } else {
            // a quote that does not close the cell: the cell was never quoted, and its
            // quotes are text (csv-parse's relax_quotes)
            const rest = unquotedEnd(s, q + 1, dc);
            text = `"${text}"${s.slice(q + 1, rest)}`;
            i = rest;
          }
          break;
        }
        cell = text;
      } else {
        const e = unquotedEnd(s, i, dc);
        cell = s.slice(i, e);
        i = e;
      }
      cells.push(own(cell));
      if (i >= n) {
        if (!final) return -1;
        break;
      }
      const c = s.charCodeAt(i);
      if (c === dc) {
        i++;
        if (i === n && !final) return -1;
        if (i === n) {
          cells.push("");
          break;
        }
        continue;
      }
      // a line end
      if (c === CR) {
        if (i + 1 === n && !final) return -1;
        i += s.charCodeAt(i + 1) === LF ? 2 : 1;
      } else i++;
      break;
    }
    if (i - start > this.maxChars) throw this.tooLong();
    this.records++;
    sink(cells, this.records + this.empty);
    this.lines += lineEnds + 1;
    return i;
  }
}

/** Where an unquoted cell starting at `i` ends: its delimiter, line end or the end of the text. */
function unquotedEnd(s: string, i: number, dc: number): number {
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === dc || c === LF || c === CR) return i;
    i++;
  }
  return n;
}

/** Line ends (CRLF counted once) in s[from, to). */
function countLineEnds(s: string, from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) k++;
    else if (c === CR) {
      k++;
      if (s.charCodeAt(i + 1) === LF) i++;
    }
  }
  return k;
}
