/**
 * The example district's roster as its bytes arrive in practice: line ends mixed by programs
 * that appended rows, other encodings, and files that are not rosters at all. Each is read to
 * the same rows as the clean file, or is one line on stderr and exit 3.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, json, swtalent } from "../helpers/cli.js";

const FIXTURES = join(ROOT, "fixtures");
const ROSTER = readFileSync(join(FIXTURES, "人员名册.csv"));

/** A scratch folder holding the units file and `roster.csv` with these bytes. */
function folder(roster: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "swtalent-bytes-"));
  copyFileSync(join(FIXTURES, "单位信息.csv"), join(dir, "单位信息.csv"));
  writeFileSync(join(dir, "roster.csv"), roster);
  return dir;
}

const validate = async (dir: string, ...extra: string[]) =>
  await swtalent(["validate", "roster.csv", "--units", "单位信息.csv", "--format", "json", ...extra], { cwd: dir });

/** The roster's lines (UTF-8 with BOM, CRLF) without their line ends. */
const LINES = ROSTER.toString("utf8")
  .replace(/^\uFEFF/, "")
  .split("\r\n")
  .slice(0, -1);
const clean = json(await validate(folder(ROSTER)));

describe("line ends: any of CRLF, LF and CR ends a row, and row numbers stay the spreadsheet's", () => {
  it("the example roster reads 78 rows, all accepted", () => {
    expect(LINES).toHaveLength(79);
    expect(clean.input).toEqual({ rows: 78, accepted: 78, rejected: 0 });
  });

  it("CRLF rows with the last three appended by LF read as the same 78 rows", async () => {
    const text = `${LINES.slice(0, -3).join("\r\n")}\r\n${LINES.slice(-3).join("\n")}\n`;
    const r = await validate(folder(Buffer.from(`\uFEFF${text}`)));
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toEqual(clean);
  });

  it("CR, LF and CRLF in turn, with a blank line: the same rows, and a later reject names its spreadsheet row", async () => {
    const ends = ["\n", "\r", "\r\n"]; // the blank line (index 40) ends in CR after an LF: two line ends, not a CRLF
    // a blank line after row 40 moves every later row down one: 序号 60 (邱月, row 61) is then row 62
    const lines = [...LINES.slice(0, 40), "", ...LINES.slice(40)];
    expect(lines[61]).toMatch(/^60,\d{17}[\dX],邱月,/);
    lines[61] = lines[61]!.replace(",邱月,", ",,");
    const text = lines.map((l, i) => l + ends[i % 3]).join("");
    const r = await validate(folder(Buffer.from(text)), "--allow-rejects");
    expect(r.code, r.stderr).toBe(0);
    const out = json(r);
    expect(out.input).toEqual({ rows: 78, accepted: 77, rejected: 1 });
    expect(out.rejected.map((x: any) => [x.row, x.field])).toEqual([[62, "name"]]);
    expect(out.warnings).toContain("roster.csv: 1 blank row skipped");
  });
});

describe("encodings", () => {
  const text = ROSTER.toString("utf8").replace(/^\uFEFF/, "");
  const swap = (b: Buffer) => Buffer.from(b).swap16();

  it.each([
    ["UTF-16LE", Buffer.from(text, "utf16le")],
    ["UTF-16BE", swap(Buffer.from(text, "utf16le"))],
  ])("%s without BOM reads as the same 78 rows, with no flag", async (_name, bytes) => {
    const r = await validate(folder(bytes));
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toEqual(clean);
  });
});

describe("a file mixing encodings is exit 3 with one line naming where the other starts", () => {
  it("the GBK roster with a row appended in UTF-8", async () => {
    const gbk = readFileSync(join(FIXTURES, "人员名册-gbk.csv"));
    expect(gbk.toString("latin1").endsWith("\r\n")).toBe(true);
    const row = `79,${LINES[1]!.split(",").slice(1).join(",")}\r\n`.replace("罗志刚", "罗志强");
    const r = await validate(folder(Buffer.concat([gbk, Buffer.from(row, "utf8")])));
    expect(r.code).toBe(3);
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      `swtalent: roster.csv: line 80 (from byte ${gbk.length + Buffer.byteLength(row.slice(0, row.indexOf("罗")))}) is in UTF-8, but the file is otherwise GB18030 (GBK): it mixes encodings; save the whole file again in one, e.g. as "CSV UTF-8" from Excel`,
    ]);
  });

  it("the GBK roster alone reads as the UTF-8 one does", async () => {
    const r = await validate(folder(readFileSync(join(FIXTURES, "人员名册-gbk.csv"))));
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toEqual(clean);
  });
});

describe("files that are not rosters stop at once with one line and exit 3", () => {
  it.each([
    ["/dev/zero (never ends)", "/dev/zero", "/dev/zero"],
    ["50 MB of NUL bytes", "zeros.csv", "zeros.csv"],
  ])("%s", async (_name, path, shown) => {
    const dir = folder(ROSTER);
    writeFileSync(join(dir, "zeros.csv"), Buffer.alloc(50 << 20));
    const r = await swtalent(["validate", path, "--units", "单位信息.csv"], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      `swtalent: ${shown}: row 1 is longer than 1 MB (1048576 bytes): this is not a roster row; check that the file is the CSV meant, and that no quote on that row is left open`,
    ]);
  });
});
