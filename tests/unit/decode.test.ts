import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { DataError, UsageError } from "../../src/core/errors.js";
import { type Encoding, LineScan, createDecoder, encodingName } from "../../src/io/decode.js";
import { ROOT } from "../helpers/cli.js";

const ROSTER = "身份证号,姓名,单位,证书等级\r\n500222198001010010,王芳,滨河社区,高级社会工作师\r\n";
const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);

/** Decodes `bytes` fed in pieces of `size` bytes (as a pipe or a file stream delivers them). */
function decode(bytes: Buffer, size = bytes.length, forced?: Encoding) {
  const d = createDecoder("roster.csv", forced);
  let text = "";
  for (let at = 0; at < bytes.length; at += Math.max(size, 1)) text += d.write(bytes.subarray(at, at + size));
  text += d.end();
  return { text, encoding: d.encoding };
}

const SIZES = [1, 2, 3, 5, 7, 64, 1 << 16];

describe("UTF-8, with and without BOM", () => {
  it.each(SIZES)("without BOM, in pieces of %i bytes", (size) => {
    expect(decode(Buffer.from(ROSTER, "utf8"), size)).toEqual({ text: ROSTER, encoding: "utf-8" });
  });
  it.each(SIZES)("with BOM (dropped), in pieces of %i bytes", (size) => {
    expect(decode(Buffer.concat([BOM8, Buffer.from(ROSTER, "utf8")]), size)).toEqual({ text: ROSTER, encoding: "utf-8" });
  });
  it("a BOM alone is an empty text", () => {
    expect(decode(BOM8).text).toBe("");
  });
  it("plain ASCII: the encoding is still open (it reads the same either way)", () => {
    expect(decode(Buffer.from("id,name\r\nG1,Li\r\n"))).toEqual({ text: "id,name\r\nG1,Li\r\n", encoding: null });
  });
  it("an empty input is an empty text", () => {
    expect(decode(Buffer.alloc(0))).toEqual({ text: "", encoding: null });
  });
});

describe("GB18030/GBK (Excel's CSV on Chinese Windows) without any flag", () => {
  it.each(["gbk", "gb18030"])("%s bytes are detected", (enc) => {
    expect(decode(iconv.encode(ROSTER, enc))).toEqual({ text: ROSTER, encoding: "gb18030" });
  });

  it.each(SIZES)("in pieces of %i bytes", (size) => {
    expect(decode(iconv.encode(ROSTER, "gbk"), size)).toEqual({ text: ROSTER, encoding: "gb18030" });
  });

  it("GB18030 four-byte characters (outside GBK) come through", () => {
    const text = "姓名\r\n𠀀鿿€\r\n";
    expect(decode(iconv.encode(text, "gb18030"), 3).text).toBe(text);
  });

  it("the first 70 KB are ASCII, then Chinese: detection switches mid-stream", () => {
    const ascii = `id,name,unit,grade\r\n${"G0001,Li Lei,Binhe,none\r\n".repeat(3000)}`;
    expect(ascii.length).toBeGreaterThan(70_000);
    const text = `${ascii}G9999,王芳,滨河社区,高级社会工作师\r\n`;
    const bytes = iconv.encode(text, "gbk");
    for (const size of [1 << 16, 1 << 20, 4096]) expect(decode(bytes, size)).toEqual({ text, encoding: "gb18030" });
  });

  it("a chunk that ends halfway through the first Chinese character still switches", () => {
    const text = `${"a".repeat(100)}社会工作师,张三\r\n`;
    const bytes = iconv.encode(text, "gbk");
    for (const cut of [99, 100, 101, 102, 103]) {
      const d = createDecoder("roster.csv");
      expect(d.write(bytes.subarray(0, cut)) + d.write(bytes.subarray(cut)) + d.end()).toBe(text);
      expect(d.encoding).toBe("gb18030");
    }
  });

  it("GBK whose first characters happen to be valid UTF-8 (说 is CB B5) is still GBK", () => {
    const text = "说明,姓名\r\n1,王芳\r\n";
    for (const size of [1, 2, 3, 64]) expect(decode(iconv.encode(text, "gbk"), size)).toEqual({ text, encoding: "gb18030" });
  });

  it.each([
    ["FE 59", "U+9FB4", [0xfe, 0x59], 0x9fb4],
    ["A6 D9", "U+FE10", [0xa6, 0xd9], 0xfe10],
  ])("%s decodes by the GB18030-2022 mappings to %s, not to a private-use code point", (_name, _u, bytes, cp) => {
    const file = Buffer.concat([iconv.encode("姓名\r\n", "gbk"), Buffer.from(bytes), Buffer.from("\r\n")]);
    const expected = `姓名\r\n${String.fromCodePoint(cp)}\r\n`;
    expect(decode(file, 3)).toEqual({ text: expected, encoding: "gb18030" });
    expect(decode(file, 64, "gb18030").text).toBe(expected);
  });

  it("the last byte of the file is the first non-ASCII byte", () => {
    const bytes = Buffer.concat([Buffer.from("id\r\nG1,"), iconv.encode("张", "gbk").subarray(0, 1)]);
    expect(() => decode(bytes)).not.toThrow();
  });
});

describe('UTF-16 with BOM (Excel\'s "Unicode text": tab-separated)', () => {
  const tsv = "身份证号\t姓名\t单位\r\n500222198001010010\t王芳\t滨河社区\r\n";
  it.each(SIZES)("UTF-16LE in pieces of %i bytes", (size) => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, "utf16le")]);
    expect(decode(bytes, size)).toEqual({ text: tsv, encoding: "utf-16le" });
  });
  it("UTF-16BE", () => {
    const bytes = iconv.encode(tsv, "utf-16be", { addBOM: true });
    expect(decode(bytes, 7)).toEqual({ text: tsv, encoding: "utf-16be" });
  });
});

describe("UTF-16 without BOM: recognised by the NUL byte beside each ASCII character", () => {
  const tsv = "身份证号\t姓名\t单位\r\n500222198001010010\t王芳\t滨河社区\r\n";
  it.each(SIZES)("UTF-16LE in pieces of %i bytes", (size) => {
    expect(decode(Buffer.from(tsv, "utf16le"), size)).toEqual({ text: tsv, encoding: "utf-16le" });
  });
  it.each(SIZES)("UTF-16BE in pieces of %i bytes", (size) => {
    expect(decode(iconv.encode(tsv, "utf-16be"), size)).toEqual({ text: tsv, encoding: "utf-16be" });
  });
  it("a header line of Chinese names and tabs only, 一 (U+4E00, a NUL low byte) among them", () => {
    const text = "身份证号\t姓名\t单位\t一级\t证书等级";
    expect(decode(Buffer.from(text, "utf16le"))).toEqual({ text, encoding: "utf-16le" });
  });
  it.each([
    ["NUL bytes alone", Buffer.alloc(600)],
    ["one stray NUL in ASCII", Buffer.from("id,name\r\nG1,Li\0\r\n")],
  ])("%s: not UTF-16", (_name, bytes) => {
    expect(decode(bytes)).toEqual({ text: bytes.toString("latin1"), encoding: null });
  });
  it.each(["gbk", "utf8"])("%s text is never taken for UTF-16", (enc) => {
    expect(decode(iconv.encode(ROSTER, enc)).encoding).toBe(enc === "gbk" ? "gb18030" : "utf-8");
  });
  it("--encoding utf-8 forced on UTF-16 bytes is not second-guessed", () => {
    expect(decode(Buffer.from("id,name\r\n", "utf16le"), 64, "utf-8").text).toBe("id,name\r\n".replace(/./gs, (c) => `${c}\0`));
  });
});

describe("--encoding forces one", () => {
  it("gb18030 forced on GBK bytes", () => {
    expect(decode(iconv.encode(ROSTER, "gbk"), 5, "gb18030")).toEqual({ text: ROSTER, encoding: "gb18030" });
  });
  it("gb18030 forced reads UTF-8 bytes as GB18030 (what was asked)", () => {
    expect(decode(Buffer.from("王芳", "utf8"), 64, "gb18030").text).toBe(iconv.decode(Buffer.from("王芳", "utf8"), "gb18030"));
  });
  it.each(SIZES)("a UTF-8 BOM wins over a forced gb18030: read as UTF-8, the BOM dropped, in pieces of %i bytes", (size) => {
    expect(decode(Buffer.concat([BOM8, Buffer.from(ROSTER, "utf8")]), size, "gb18030")).toEqual({ text: ROSTER, encoding: "utf-8" });
  });
  it("a UTF-8 BOM wins over a forced utf-16le", () => {
    expect(decode(Buffer.concat([BOM8, Buffer.from(ROSTER, "utf8")]), 64, "utf-16le")).toEqual({ text: ROSTER, encoding: "utf-8" });
  });
  it("utf-8 forced on GBK bytes is a data error, not a guess", () => {
    expect(() => decode(iconv.encode(ROSTER, "gbk"), 64, "utf-8")).toThrow(DataError);
  });
  it("utf-16le forced without a BOM", () => {
    expect(decode(Buffer.from("姓名\t单位", "utf16le"), 3, "utf-16le").text).toBe("姓名\t单位");
  });
  it.each([
    ["GBK", "gb18030"],
    ["gb2312", "gb18030"],
    ["cp936", "gb18030"],
    ["UTF8", "utf-8"],
    [" utf-8 ", "utf-8"],
    ["UTF-16LE", "utf-16le"],
  ])("--encoding %j is %s", (name, enc) => expect(encodingName(name)).toBe(enc));
  it("an unknown encoding is a usage error naming the choices", () => {
    expect(() => encodingName("latin1")).toThrow(UsageError);
    expect(() => encodingName("big5")).toThrow(/utf-8, gb18030/);
  });
});

describe("a file that is neither", () => {
  it("UTF-8 Chinese followed by GBK bytes: a data error naming the file and what to do, not mojibake", () => {
    const bytes = Buffer.concat([Buffer.from("身份证号,姓名,单位\r\nG1,王芳,", "utf8"), iconv.encode("滨河社区\r\n", "gbk")]);
    for (const size of [bytes.length, 64, 4, 1]) expect(() => decode(bytes, size)).toThrow(/roster\.csv: not valid UTF-8.*--encoding gb18030/);
  });
  it.each([1 << 16, 4096, 64])("the message names the byte where UTF-8 stops, deep in the file (pieces of %i bytes)", (size) => {
    const good = Buffer.from(`身份证号,姓名,单位\r\n${"G1,王芳,滨河社区\r\n".repeat(200)}G2,`, "utf8");
    const bytes = Buffer.concat([good, iconv.encode("李强,新桥村\r\n", "gbk")]);
    expect(() => decode(bytes, size)).toThrow(new RegExp(`not valid UTF-8 near byte ${good.length}:`));
  });
  it("UTF-8 cut off inside its last character", () => {
    const bytes = Buffer.from("身份证号,姓名,单位\r\nG1,王芳", "utf8");
    expect(() => decode(bytes.subarray(0, bytes.length - 1))).toThrow(DataError);
  });
});

describe("a GB18030 file with a line in UTF-8 is an error naming the line (SPEC.md: a file mixing encodings)", () => {
  const GBK_ROWS = "身份证号,姓名,单位\r\n500222198001010010,王芳,滨河社区\r\nG0002,李强,新桥村\r\n";
  const gbk = iconv.encode(GBK_ROWS, "gbk");

  it.each(SIZES)("GBK rows, then a row appended in UTF-8: line 4 and its first byte, in pieces of %i bytes", (size) => {
    const bytes = Buffer.concat([gbk, Buffer.from("G0003,张敏,东溪社区\r\n", "utf8")]);
    const at = gbk.length + "G0003,".length;
    expect(() => decode(bytes, size)).toThrow(
      `roster.csv: line 4 (from byte ${at}) is in UTF-8, but the file is otherwise GB18030 (GBK): it mixes encodings; save the whole file again in one, e.g. as "CSV UTF-8" from Excel`,
    );
  });

  it("the UTF-8 row is the last line, without a line end", () => {
    const bytes = Buffer.concat([gbk, Buffer.from("G0003,张敏,东溪社区", "utf8")]);
    expect(() => decode(bytes, 7)).toThrow(/^roster\.csv: line 4 \(from byte \d+\) is in UTF-8/);
  });

  it("a UTF-8 header too short to settle on UTF-8, then GBK rows: line 1", () => {
    const bytes = Buffer.concat([Buffer.from("身份证号,name\n", "utf8"), iconv.encode("G1,王芳\nG2,李强\n", "gbk")]);
    expect(() => decode(bytes, 5)).toThrow(/^roster\.csv: line 1 \(from byte 0\) is in UTF-8/);
  });

  it("line numbers count CR, LF and CRLF line ends alike", () => {
    const bytes = Buffer.concat([iconv.encode("姓名\r王芳\n李强\r\n\r\n", "gbk"), Buffer.from("张敏,东溪社区\n", "utf8")]);
    expect(() => decode(bytes, 3)).toThrow(/^roster\.csv: line 5 /);
  });

  it("--encoding gb18030 reads what it is told, UTF-8 lines included", () => {
    const bytes = Buffer.concat([gbk, Buffer.from("G0003,张敏,东溪社区\r\n", "utf8")]);
    expect(decode(bytes, 64, "gb18030").text).toBe(GBK_ROWS + new TextDecoder("gb18030").decode(Buffer.from("G0003,张敏,东溪社区\r\n", "utf8")));
  });

  it("a UTF-8 line with fewer than three ideographs is not recognised (it could be GBK by chance)", () => {
    const bytes = Buffer.concat([gbk, Buffer.from("G0003,张敏\r\n", "utf8")]);
    expect(decode(bytes).encoding).toBe("gb18030");
  });

  it("the example district's GBK roster, and every word of the fixtures, README and policies in GBK, are not taken for UTF-8", () => {
    expect(decode(readFileSync(join(ROOT, "fixtures", "人员名册-gbk.csv")), 4096).encoding).toBe("gb18030");
    const texts = [
      ...["人员名册.csv", "单位信息.csv", "培训记录.csv", "README.md"].map((f) => join(ROOT, "fixtures", f)),
      join(ROOT, "README.md"),
      ...readdirSync(join(ROOT, "policies")).map((f) => join(ROOT, "policies", f)),
    ].map((f) => readFileSync(f, "utf8"));
    const lines = new Set(texts.flatMap((t) => t.split(/\r?\n/)).filter((l) => /[^\x00-\x7f]/.test(l) && iconv.decode(iconv.encode(l, "gbk"), "gbk") === l));
    const words = new Set(texts.flatMap((t) => t.match(/[\u3400-\u9fff]+/g) ?? []));
    expect(lines.size + words.size).toBeGreaterThan(500);
    for (const text of [...lines, ...words]) {
      const scan = new LineScan(true);
      scan.feed(iconv.encode(`${text}\n`, "gbk"));
      expect(scan.utf8Line, text).toBeNull();
    }
  });
});

describe("bytes that are neither UTF-8 nor GB18030 are an error naming the line", () => {
  it.each([
    ["a 0xFF byte", 0xff],
    ["a lead byte (0x81) before a comma", 0x81],
  ])("%s on line 3 of a GBK file", (_name, byte) => {
    const before = iconv.encode("姓名,单位\r\n王芳,滨河社区\r\n李强", "gbk");
    const bytes = Buffer.concat([before, Buffer.from([byte]), iconv.encode(",新桥村\r\n张敏,东溪\r\n", "gbk")]);
    const lineStart = iconv.encode("姓名,单位\r\n王芳,滨河社区\r\n", "gbk").length;
    for (const size of [1, 5, 64]) {
      expect(() => decode(bytes, size)).toThrow(
        `roster.csv: line 3 (from byte ${lineStart}) is neither UTF-8 nor GB18030 (GBK): the file is damaged or mixes encodings; save it again as "CSV UTF-8"`,
      );
    }
    expect(() => decode(bytes, 64, "gb18030")).toThrow(/^roster\.csv: line 3 \(from byte \d+\) is not GB18030 \(GBK\), the encoding --encoding names/);
  });
});
