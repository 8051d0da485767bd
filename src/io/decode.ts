/**
 * Bytes -> text for spreadsheets as people save them: UTF-8 with or without BOM, UTF-16
 * (Excel's "Unicode text"; with a BOM, or recognised by its NUL bytes), else GB18030/GBK
 * (Excel's "CSV" on Chinese Windows).
 * Detection is streaming: the file is read as UTF-8, and from its first non-ASCII byte the
 * text is held back until enough of it has decoded cleanly to settle on UTF-8. A byte sequence
 * that is not UTF-8 before then means GB18030 (identical to UTF-8 for ASCII), from the first
 * non-ASCII byte on; after then, a file that mixes encodings, which is an error. A file read
 * as GB18030 is checked line by line for a line in UTF-8 (see gb18030.ts), which is an error too.
 * A UTF-8 BOM wins over a forced encoding.
 */
import { TextDecoder } from "node:util";
import { DataError, UsageError } from "../core/errors.js";
import { Gb18030Lines, LineScan } from "./gb18030.js";

export { LineScan };

export type Encoding = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";

const NAMES: Record<string, Encoding> = {
  utf8: "utf-8",
  "utf-8": "utf-8",
  gb18030: "gb18030",
  gbk: "gb18030",
  gb2312: "gb18030",
  cp936: "gb18030",
  utf16le: "utf-16le",
  "utf-16le": "utf-16le",
  utf16be: "utf-16be",
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
