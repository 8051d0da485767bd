/**
 * GB18030 (GBK) as Excel on Chinese Windows saves "CSV": decoded whole lines at a time, each
 * line looked at first for text in UTF-8, so that a file mixing the two, or holding bytes
 * that are neither, is an error naming its line.
 */
import { TextDecoder } from "node:util";
import { DataError } from "../core/errors.js";

/**
 * Counts the lines of a file (CR, LF and CRLF each end one) and, when asked, finds the first
 * line written in UTF-8 in a file otherwise read as GB18030: a whole line whose every non-ASCII
 * character is a 3-byte UTF-8 sequence for a CJK ideograph, CJK punctuation or a full-width
 * form, with at least three ideographs. GBK passes that test only by chance, and rarely: its
 * characters are byte pairs, and for a run of them to read as such sequences every third byte
 * must be E3-E9 or EF and the two after it 80-BF, run after run to the end of the line, with a
 * run length divisible by three (none of 2 million lines of random GB2312 characters did).
 * A UTF-8 line with fewer ideographs, or with other characters (Latin accents, a middle dot),
 * is not recognised: that errs towards mojibake in one line rather than calling GBK text UTF-8.
 */
export class LineScan {
  /** the line now being read, from 1 */
  line = 1;
  /** the first UTF-8 line seen, and the byte where its first multi-byte character starts */
  utf8Line: { readonly line: number; readonly at: number } | null = null;
  private offset = 0;
  private afterCR = false;
  /** this line may yet be UTF-8 (never, when not judging) */
  private candidate: boolean;
  private need = 0;
  private cp = 0;
  private ideographs = 0;
  private firstMultibyte = -1;

  constructor(private readonly judge: boolean) {
    this.candidate = judge;
  }

  feed(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b === 0x0a || b === 0x0d) {
        if (b === 0x0a && this.afterCR) this.afterCR = false;
        else {
          this.endLine();
          this.afterCR = b === 0x0d;
        }
        continue;
      }
      this.afterCR = false;
      if (!this.candidate) continue;
      if (this.need > 0) {
        if ((b & 0xc0) !== 0x80) this.candidate = false;
        else {
          this.cp = (this.cp << 6) | (b & 0x3f);
          if (--this.need === 0) this.character(this.cp);
        }
      } else if (b >= 0x80) {
        if ((b >= 0xe3 && b <= 0xe9) || b === 0xef) {
          this.need = 2;
          this.cp = b & 0x0f;
          if (this.firstMultibyte < 0) this.firstMultibyte = this.offset + i;
        } else this.candidate = false;
      }
    }
    this.offset += bytes.length;
  }

  /** The input ended: the last line, if it has no line end, is judged as it is. */
  finish(): void {
    this.judgeLine();
  }

  private character(cp: number): void {
    if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) this.ideographs++;
    else if (!((cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef))) this.candidate = false;
  }

  private judgeLine(): void {
    if (this.judge && this.utf8Line === null && this.candidate && this.need === 0 && this.ideographs >= 3) {
      this.utf8Line = { line: this.line, at: this.firstMultibyte };
    }
  }

  private endLine(): void {
    this.judgeLine();
    this.line++;
    this.candidate = this.judge;
    this.need = 0;
    this.ideographs = 0;
    this.firstMultibyte = -1;
  }
}

/** A line longer than this is decoded in pieces rather than held whole (the table reader refuses it anyway). */
const MAX_HELD_LINE = 1 << 20;

/**
 * GB18030 decoded whole lines at a time (a line end is never part of a GB18030 character), so
 * that every line has been looked at by the LineScan before its text is handed on, and a byte
 * that is not GB18030 can be named by its line. Node's own decoder follows the GB18030-2022
 * mappings (FE 59 is U+9FB4 鿴, where the 2005 tables of iconv-lite gave a private-use code point).
 */
export class Gb18030Lines {
  private readonly decoder = new TextDecoder("gb18030", { fatal: true });
  private carry: Buffer = Buffer.alloc(0);
  /** the byte offset in the file of the first byte not yet decoded */
  private at: number;
  /** the text handed on so far ends with CR (an LF first in the next lines completes that line end) */
  private afterCR = false;

  constructor(
    private readonly file: string,
    private readonly scan: LineScan,
    /** detected rather than forced with --encoding: a UTF-8 line is then an error */
    private readonly detected: boolean,
    at: number,
  ) {
    this.at = at;
  }

  write(bytes: Buffer): string {
    this.checkMixed();
    const pending = this.carry.length === 0 ? bytes : Buffer.concat([this.carry, bytes]);
    const cut = Math.max(pending.lastIndexOf(0x0a), pending.lastIndexOf(0x0d)) + 1;
    this.carry = pending.subarray(cut);
    let text = cut > 0 ? this.decode(pending.subarray(0, cut), true) : "";
    if (this.carry.length > MAX_HELD_LINE) {
      text += this.decode(this.carry, true);
      this.carry = Buffer.alloc(0);
    }
    return text;
  }

  end(): string {
    this.checkMixed();
    const text = this.decode(this.carry, true);
    try {
      return text + this.decoder.decode();
    } catch {
      // a character cut off by the end of the file
      return `${text}�`;
    }
  }

  private checkMixed(): void {
    const u = this.detected ? this.scan.utf8Line : null;
    if (u) {
      throw new DataError(
        `${this.file}: line ${u.line} (from byte ${u.at}) is in UTF-8, but the file is otherwise GB18030 (GBK): it mixes encodings; save the whole file again in one, e.g. as "CSV UTF-8" from Excel`,
      );
    }
  }

  private decode(lines: Buffer, stream: boolean): string {
    const at = this.at;
    try {
      const text = this.decoder.decode(lines, { stream });
      this.at += lines.length;
      if (lines.length > 0) this.afterCR = lines[lines.length - 1] === 0x0d;
      return text;
    } catch {
      throw this.notGb18030(lines, at);
    }
  }

  /** The line of `lines` holding the first byte that is not GB18030 (the scan is past all of them). */
  private notGb18030(lines: Buffer, at: number): DataError {
    const starts: number[] = [];
    let start = this.afterCR && lines[0] === 0x0a ? 1 : 0;
    for (let i = start; i < lines.length; i++) {
      const b = lines[i];
      if (b !== 0x0a && b !== 0x0d) continue;
      starts.push(start);
      if (b === 0x0d && lines[i + 1] === 0x0a) i++;
      start = i + 1;
    }
    if (start < lines.length) starts.push(start);
    // the scan's line is the one after the last complete line here, or the one these end in
    const endsComplete = start >= lines.length;
    const first = this.scan.line - starts.length + (endsComplete ? 0 : 1);
    let bad = 0;
    for (let k = 0; k < starts.length; k++) {
      const line = lines.subarray(starts[k], starts[k + 1] ?? lines.length);
      try {
        new TextDecoder("gb18030", { fatal: true }).decode(line);
      } catch {
        bad = k;
        break;
      }
    }
    const where = `line ${first + bad} (from byte ${at + (starts[bad] ?? 0)})`;
    return new DataError(
      this.detected
        ? `${this.file}: ${where} is neither UTF-8 nor GB18030 (GBK): the file is damaged or mixes encodings; save it again as "CSV UTF-8"`
        : `${this.file}: ${where} is not GB18030 (GBK), the encoding --encoding names: check the encoding, or save the file again as "CSV UTF-8"`,
    );
  }
}
