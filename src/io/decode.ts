/**
 * Bytes -> text for spreadsheets as people save them: UTF-8 with or without BOM, UTF-16
 * (Excel's "Unicode text"; with a BOM, or recognised by its NUL bytes), else GB18030/GBK
 * (Excel's "CSV" on Chinese Windows).
 * Detection is streaming: the file is read as UTF-8, and from its first non-ASCII byte the
 * text is held back until enough of it has decoded cleanly to settle on UTF-8. A byte sequence
 * that is not UTF-8 before then means GB18030 (identical to UTF-8 for ASCII), from the first
 * non-ASCII byte on; after then, a file that mixes encodings, which is an error. A file read
 * as GB18030 is checked line by line for a line in UTF-8 (see LineScan), which is an error too.
 * A UTF-8 BOM wins over a forced encoding.
 */
import { TextDecoder } from "node:util";
import { DataError, UsageError } from "../core/errors.js";

export type Encoding = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";

const NAMES: Record<string, Encoding> = {
  "utf8": "utf-8",
  "utf-8": "utf-8",
  "gb18030": "gb18030",
  "gbk": "gb18030",
  "gb2312": "gb18030",
  "cp936": "gb18030",
  "utf16le": "utf-16le",
  "utf-16le": "utf-16le",
  "utf16be": "utf-16be",
  "utf-16be": "utf-16be",
};

export function encodingName(s: string): Encoding {
  const e = NAMES[s.trim().toLowerCase()];
  if (!e) throw new UsageError(`unknown encoding "${s}": use utf-8, gb18030 (also gbk), utf-16le or utf-16be`);
  return e;
}

export interface Decoder {
  /** text decoded from this chunk (may hold back an incomplete character) */
  write(chunk: Buffer): string;
  end(): string;
  /** the encoding in use, once known */
  readonly encoding: Encoding | null;
}

/** Node's own decoder, streamed (a character split between two pieces reads whole). */
function streamDecoder(encoding: Encoding): { write(b: Buffer): string; end(): string } {
  const d = new TextDecoder(encoding);
  return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
}

function firstNonAscii(b: Buffer): number {
  for (let i = 0; i < b.length; i++) if (b[i]! > 0x7f) return i;
  return -1;
}

function nonAsciiChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n++;
  return n;
}

/** Enough bytes to recognise any byte-order mark. */
const BOM_BYTES = 3;
/** Enough bytes to recognise UTF-16 without a byte-order mark (a line or two of a roster). */
const SNIFF_BYTES = 512;

/**
 * UTF-16 without a byte-order mark: each ASCII character (delimiter, digit, line end) is its
 * byte beside a NUL, the NUL second in little-endian and first in big-endian, while UTF-8 and
 * GBK text has no NUL bytes at all. A CJK character can have a NUL byte too (一 is U+4E00), so
 * the other order may be up to half as frequent; a file of NUL bytes alone is neither.
 */
export function sniffUtf16(b: Uint8Array): Encoding | null {
  let le = 0;
  let be = 0;
  for (let i = 0; i + 1 < b.length; i += 2) {
    if (b[i] !== 0 && b[i + 1] === 0) le++;
    else if (b[i] === 0 && b[i + 1] !== 0) be++;
  }
  if (le >= 2 && le >= 2 * be) return "utf-16le";
  if (be >= 2 && be >= 2 * le) return "utf-16be";
  return null;
}

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
class Gb18030Lines {
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

/**
 * UTF-8 is settled once this many non-ASCII characters have decoded cleanly (Chinese text in
 * GBK rarely forms more than one valid UTF-8 sequence in a row), or once this many bytes since
 * the first non-ASCII byte have, so that what is held back stays small.
 */
const SETTLE_CHARS = 8;
const SETTLE_BYTES = 1 << 16;

export function createDecoder(file: string, forced?: Encoding): Decoder {
  let encoding: Encoding | null = forced ?? null;
  let inner: { write(b: Buffer): string; end(): string } | null = null;
  let gb: Gb18030Lines | null = null;
  /** the lines, counted while the file may be GB18030 (see LineScan) */
  let scan: LineScan | null = null;
  /** the first bytes, held until a byte-order mark or UTF-16 can be recognised (a pipe may deliver 1 byte) */
  let head: Buffer | null = Buffer.alloc(0);
  let utf8: TextDecoder | null = null;
  /** UTF-8 without a BOM: settled, or still undecided with the bytes from the first non-ASCII one held back */
  let settled = false;
  let held: Buffer[] = [];
  let heldBytes = 0;
  let heldText = "";
  let offset = 0;

  /** Where the first byte that is not UTF-8 is in `bytes` (the valid text before it re-encodes to the same bytes). */
  const firstBadByte = (bytes: Buffer): number => {
    // bytes that finish a character begun in the piece before are not the fault
    let skip = 0;
    while (skip < 3 && skip < bytes.length && (bytes[skip]! & 0xc0) === 0x80) skip++;
    const text = new TextDecoder("utf-8").decode(bytes.subarray(skip));
    const i = text.indexOf("\uFFFD");
    return skip + (i < 0 ? 0 : Buffer.byteLength(text.slice(0, i), "utf8"));
  };

  const fail = (at: number): never => {
    throw new DataError(
      `${file}: not valid UTF-8 near byte ${at}: the file mixes encodings or is damaged; save it again as "CSV UTF-8", or force one with --encoding gb18030`,
    );
  };

  const startWith = (chunk: Buffer): Buffer => {
    // a UTF-8 byte-order mark settles it whatever --encoding says (as GB18030 it would read 锘?)
    if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      encoding = "utf-8";
      utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
      return chunk.subarray(3);
    }
    if (encoding === null && chunk[0] === 0xff && chunk[1] === 0xfe) encoding = "utf-16le";
    else if (encoding === null && chunk[0] === 0xfe && chunk[1] === 0xff) encoding = "utf-16be";
    else if (encoding === null) encoding = sniffUtf16(chunk);
    if (encoding === "utf-16le" || encoding === "utf-16be") {
      inner = streamDecoder(encoding);
      return chunk;
    }
    if (encoding === "gb18030") {
      scan = new LineScan(false);
      gb = new Gb18030Lines(file, scan, false, 0);
    } else {
      if (encoding === null) scan = new LineScan(true);
      utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    }
    return chunk;
  };

  /** Holds back the text of `chunk` from its first non-ASCII byte on, until UTF-8 is settled. */
  const hold = (chunk: Buffer, text: string): string => {
    let out = "";
    if (held.length === 0) {
      const i = firstNonAscii(chunk);
      if (i < 0) return text;
      // ASCII bytes are one character each: the text before byte i is its first i characters
      out = text.slice(0, i);
      chunk = chunk.subarray(i);
      text = text.slice(i);
    }
    held.push(chunk);
    heldBytes += chunk.length;
    heldText += text;
    if (nonAsciiChars(heldText) < SETTLE_CHARS && heldBytes < SETTLE_BYTES) return out;
    settled = true;
    scan = null;
    out += heldText;
    held = [];
    heldText = "";
    return out;
  };

  const decode = (chunk: Buffer, at: number, last: boolean): string => {
    if (inner) {
      const text = stripBom(inner.write(chunk), at === 0);
      return last ? text + inner.end() : text;
    }
    if (gb) {
      const text = gb.write(chunk);
      return last ? text + gb.end() : text;
    }
    try {
      const text = utf8!.decode(chunk, { stream: !last });
      if (settled || encoding === "utf-8") return text;
      if (!last) return hold(chunk, text);
      // the whole file decoded cleanly: UTF-8, unless it is all ASCII (the same in either)
      settled = heldBytes > 0 || firstNonAscii(chunk) >= 0;
      const out = heldText + text;
      heldText = "";
      held = [];
      return out;
    } catch {
      if (settled || encoding === "utf-8") return fail(at + firstBadByte(chunk));
      const undecided = Buffer.concat([...held, chunk]);
      // clean UTF-8 text, then bytes that are not: a file that mixes encodings, not GBK
      const probe = new TextDecoder("utf-8").decode(undecided);
      const bad = probe.indexOf("\uFFFD");
      if (nonAsciiChars(bad < 0 ? probe : probe.slice(0, bad)) >= SETTLE_CHARS) return fail(at - heldBytes + firstBadByte(undecided));
      // not UTF-8, and nothing but ASCII (identical in GB18030) has been handed on: GB18030 from here
      encoding = "gb18030";
      gb = new Gb18030Lines(file, scan!, true, at - heldBytes);
      utf8 = null;
      held = [];
      heldText = "";
      const text = gb.write(undecided);
      return last ? text + gb.end() : text;
    }
  };

  return {
    get encoding() {
      return encoding ?? (settled || heldBytes > 0 ? "utf-8" : null);
    },
    write(raw: Buffer): string {
      offset += raw.length;
      if (head === null) {
        scan?.feed(raw);
        return decode(raw, offset - raw.length, false);
      }
      head = Buffer.concat([head, raw]);
      if (head.length < (forced ? BOM_BYTES : SNIFF_BYTES)) return "";
      const first = startWith(head);
      head = null;
      scan?.feed(first);
      return decode(first, 0, false);
    },
    end(): string {
      if (head !== null) {
        const bytes = head;
        head = null;
        if (bytes.length === 0) return "";
        const first = startWith(bytes);
        scan?.feed(first);
        scan?.finish();
        return decode(first, 0, true);
      }
      scan?.finish();
      return decode(Buffer.alloc(0), offset, true);
    },
  };
}

function stripBom(s: string, first: boolean): string {
  return first && s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
