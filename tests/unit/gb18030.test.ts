import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { DataError } from "../../src/core/errors.js";
import { Gb18030Lines, LineScan } from "../../src/io/gb18030.js";
import { thrownMessage } from "../helpers/errors.js";

const gbk = (s: string) => iconv.encode(s, "gbk");
const utf8 = (s: string) => Buffer.from(s, "utf8");

/** Feeds `bytes` to a scan and a GB18030 line decoder in pieces of `size`, as a file stream would. */
function decode(bytes: Buffer, size: number, detected = true): string {
  const scan = new LineScan(detected);
  const lines = new Gb18030Lines("roster.csv", scan, detected, 0);
  let text = "";
  for (let at = 0; at < bytes.length; at += size) {
    const piece = bytes.subarray(at, at + size);
    scan.feed(piece);
    text += lines.write(piece);
  }
  scan.finish();
  return text + lines.end();
}

const error = (f: () => unknown): string => thrownMessage(f, DataError);

describe("LineScan: counting lines, and finding one written in UTF-8", () => {
  it.each([
    // name, bytes, judge, lines counted (after finish), the UTF-8 line found
    ["LF ends lines", gbk("a\nb\nc"), true, 3, null],
    ["CRLF is one line end", gbk("a\r\nb\r\n"), true, 3, null],
    ["a CR alone ends a line", gbk("a\rb\r"), true, 3, null],
    ["GBK text is not UTF-8", gbk("姓名,单位\n王芳,滨河社区\n"), true, 3, null],
    ["three ideographs in UTF-8 on line 2", Buffer.concat([gbk("姓名\n"), utf8("王芳,滨河社区\n")]), true, 3, { line: 2, at: 5 }],
    ["two ideographs are not enough to tell", Buffer.concat([gbk("姓名\n"), utf8("王芳\n")]), true, 3, null],
    ["not judging: no line is called UTF-8", Buffer.concat([gbk("姓名\n"), utf8("王芳,滨河社区\n")]), false, 3, null],
  ])("%s", (_name, bytes, judge, lines, found) => {
    const scan = new LineScan(judge);
    for (const b of bytes) scan.feed(Uint8Array.of(b)); // a byte at a time: nothing depends on the pieces
    scan.finish();
    expect(scan.line).toBe(lines);
    expect(scan.utf8Line).toEqual(found);
  });
});

describe("Gb18030Lines: whole lines decoded, whatever the pieces", () => {
  const text = "身份证号,姓名,单位\r\n500222198001010010,王芳,滨河社区\r\n500222198001010029,李强,鿴\r\n";
  it.each([1, 2, 3, 7, 64, 4096])("in pieces of %i bytes", (size) => {
    expect(decode(iconv.encode(text, "gb18030"), size)).toBe(text);
  });

  it("a character cut off by the end of the file reads as U+FFFD", () => {
    const bytes = gbk("王芳");
    expect(decode(bytes.subarray(0, 3), 64)).toBe("王\uFFFD");
  });

  it.each([
    [
      "detected: neither UTF-8 nor GB18030",
      true,
      'roster.csv: line 2 (from byte 6) is neither UTF-8 nor GB18030 (GBK): the file is damaged or mixes encodings; save it again as "CSV UTF-8"',
    ],
    [
      "forced with --encoding: not GB18030",
      false,
      'roster.csv: line 2 (from byte 6) is not GB18030 (GBK), the encoding --encoding names: check the encoding, or save the file again as "CSV UTF-8"',
    ],
  ])("a byte that is not GB18030 names its line, %s", (_name, detected, message) => {
    const bytes = Buffer.concat([gbk("姓名\r\n"), Buffer.from([0xff]), gbk(",x\r\n")]);
    expect(error(() => decode(bytes, 64, detected))).toBe(message);
  });

  it("a line in UTF-8 in a file detected as GB18030 is an error naming it", () => {
    const bytes = Buffer.concat([gbk("姓名,单位\n"), utf8("王芳,滨河社区\n"), gbk("李强\n")]);
    expect(error(() => decode(bytes, 4))).toBe(
      'roster.csv: line 2 (from byte 10) is in UTF-8, but the file is otherwise GB18030 (GBK): it mixes encodings; save the whole file again in one, e.g. as "CSV UTF-8" from Excel',
    );
  });
});
