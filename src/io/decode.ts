/**
 * Bytes -> text for spreadsheets as people save them: UTF-8 with or without BOM, UTF-16
 * with BOM (Excel's "Unicode text"), else GB18030/GBK (Excel's "CSV" on Chinese Windows).
 * Detection is streaming: the file is read as UTF-8 until a byte sequence proves it is not;
 * if nothing but ASCII came before, the rest is read as GB18030 (identical for ASCII).
 */
import { TextDecoder } from "node:util";
import iconv from "iconv-lite";
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

function iconvDecoder(encoding: Encoding): { write(b: Buffer): string; end(): string } {
  const d = iconv.getDecoder(encoding);
  return { write: (b) => d.write(b), end: () => d.end() ?? "" };
}

function hasNonAscii(b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! > 0x7f) return true;
  return false;
}

export function createDecoder(file: string, forced?: Encoding): Decoder {
  let encoding: Encoding | null = forced ?? null;
  let inner: { write(b: Buffer): string; end(): string } | null = null;
  let started = false;
  let utf8: TextDecoder | null = null;
  let seenNonAscii = false;
  let offset = 0;

  const fail = (at: number): never => {
    throw new DataError(
      `${file}: not valid UTF-8 near byte ${at}: the file mixes encodings or is damaged; save it again as "CSV UTF-8", or force one with --encoding gb18030`,
    );
  };

  const startWith = (chunk: Buffer): Buffer => {
    started = true;
    if (encoding === "utf-8" || encoding === null) {
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        encoding = "utf-8";
        utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
        return chunk.subarray(3);
      }
    }
    if (encoding === null && chunk[0] === 0xff && chunk[1] === 0xfe) encoding = "utf-16le";
    else if (encoding === null && chunk[0] === 0xfe && chunk[1] === 0xff) encoding = "utf-16be";
    if (encoding === "utf-16le" || encoding === "utf-16be") {
      inner = iconvDecoder(encoding);
      return chunk;
    }
    if (encoding === "gb18030") inner = iconvDecoder("gb18030");
    else utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    return chunk;
  };

  return {
    get encoding() {
      return encoding ?? (seenNonAscii ? "utf-8" : null);
    },
    write(raw: Buffer): string {
      const chunk = started ? raw : startWith(raw);
      const at = offset;
      offset += raw.length;
      if (inner) return stripBom(inner.write(chunk), at === 0);
      try {
        const text = utf8!.decode(chunk, { stream: true });
        if (!seenNonAscii && hasNonAscii(chunk)) seenNonAscii = true;
        return text;
      } catch {
        if (seenNonAscii || encoding === "utf-8") return fail(at);
        encoding = "gb18030";
        inner = iconvDecoder("gb18030");
        utf8 = null;
        return inner.write(chunk);
      }
    },
    end(): string {
      if (inner) return inner.end();
      if (!utf8) return "";
      try {
        return utf8.decode();
      } catch {
        return fail(offset);
      }
    },
  };
}

function stripBom(s: string, first: boolean): string {
  return first && s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
