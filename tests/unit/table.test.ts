import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DataError, UsageError } from "../../src/core/errors.js";
import { type ReadOptions, type TableSummary, delimiterOption, detectDelimiter, readTable } from "../../src/io/table.js";

const dir = mkdtempSync(join(tmpdir(), "swtalent-table-"));
let seq = 0;

function file(content: string | Buffer, name = `t${++seq}.csv`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface Read extends TableSummary {
  header: string[];
  rows: [number, string[]][];
  /** blank rows and skipped lines before the last row with a cell */
  blankRows: number;
}

/** The table as a plain reader sees it: the first row with a cell is the header. */
async function read(path: string, opts: ReadOptions = {}): Promise<Read> {
  let header: string[] | null = null;
  const rows: [number, string[]][] = [];
  let blankRows = 0;
  let pending = 0;
  let last = 0;
  const summary = await readTable(path, opts, {
    row: ({ cells, row }) => {
      pending += row - last - 1;
      last = row;
      if (cells.every((c) => c.trim() === "")) pending++;
      else {
        blankRows += pending;
        pending = 0;
        if (header === null) header = [...cells];
        else rows.push([row, [...cells]]);
      }
    },
  });
  return { ...summary, header: header ?? [], rows, blankRows };
}

const ROSTER = "身份证号,姓名,单位\r\n500222198001010010,王芳,滨河社区\r\nG0002,李强,新桥村\r\n";
const EXPECTED = [
  [2, ["500222198001010010", "王芳", "滨河社区"]],
  [3, ["G0002", "李强", "新桥村"]],
];

describe("detectDelimiter: the most frequent of comma, tab, semicolon outside quotes on the first line", () => {
  it.each([
    ["id,name,unit\n1;2;3;4;5\n", ","],
    ["id\tname\tunit\r\n", "\t"],
    ["id;name;unit\n", ";"],
    ['"单位,名称";"a,b,c";x\n', ";"], // commas inside quotes are not counted
    ['"a\tb\tc",d,e\n', ","],
    ['"line\none;two;three",x,y\n', ","], // a quoted line break does not end the first line
    ["id\n", ","], // one column: comma
    ["id,name\tunit\n", ","], // a tie goes to the comma
  ])("%j -> %j", (text, d) => expect(detectDelimiter(text)).toBe(d));

  it.each([
    ["comma", ","],
    ["tab", "\t"],
    ["TAB", "\t"],
    ["\\t", "\t"],
    ["semicolon", ";"],
    ["|", "|"],
  ])("--delimiter %j is %j", (name, d) => expect(delimiterOption(name)).toBe(d));
  it("--delimiter with two characters is a usage error", () => expect(() => delimiterOption(",,")).toThrow(UsageError));
});

describe("readTable: rows with the number a spreadsheet shows (header = row 1)", () => {
  it("UTF-8 without BOM", async () => {
    const r = await read(file(ROSTER));
    expect(r.header).toEqual(["身份证号", "姓名", "单位"]);
    expect(r.rows).toEqual(EXPECTED);
    expect(r).toMatchObject({ encoding: "utf-8", delimiter: ",", blankRows: 0 });
  });

  it("UTF-8 with BOM: the BOM is not part of the first header", async () => {
    const r = await read(file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ROSTER)])));
    expect(r.header[0]).toBe("身份证号");
    expect(r.rows).toEqual(EXPECTED);
  });

  it("GBK without any flag", async () => {
    const r = await read(file(iconv.encode(ROSTER, "gbk")));
    expect(r.rows).toEqual(EXPECTED);
    expect(r.encoding).toBe("gb18030");
  });

  it("GBK whose first 70 KB are ASCII, then Chinese", async () => {
    const ascii = Array.from({ length: 3000 }, (_, i) => `G${i},Li Lei,Binhe`).join("\r\n");
    const r = await read(file(iconv.encode(`id,name,unit\r\n${ascii}\r\nG9999,王芳,滨河社区\r\n`, "gbk")));
    expect(r.rows).toHaveLength(3001);
    expect(r.rows.at(-1)).toEqual([3002, ["G9999", "王芳", "滨河社区"]]);
    expect(r.encoding).toBe("gb18030");
  });

  it("--encoding forces one", async () => {
    const r = await read(file(iconv.encode(ROSTER, "gbk")), { encoding: "gb18030" });
    expect(r.rows).toEqual(EXPECTED);
    await expect(read(file(iconv.encode(ROSTER, "gbk")), { encoding: "utf-8" })).rejects.toThrow(DataError);
  });

  it('UTF-16LE with BOM, tab-separated (Excel\'s "Unicode text")', async () => {
    const tsv = ROSTER.replace(/,/g, "\t");
    const r = await read(file(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, "utf16le")]), "roster.txt"));
    expect(r.header).toEqual(["身份证号", "姓名", "单位"]);
    expect(r.rows).toEqual(EXPECTED);
    expect(r).toMatchObject({ encoding: "utf-16le", delimiter: "\t" });
  });

  it.each([
    ["tab", "\t"],
    ["semicolon", ";"],
  ])("%s-separated is detected", async (_name, d) => {
    const r = await read(file(ROSTER.replace(/,/g, d)));
    expect(r.delimiter).toBe(d);
    expect(r.rows).toEqual(EXPECTED);
  });

  it("--delimiter forces one", async () => {
    const r = await read(file("a;b,c\n1;2,3\n"), { delimiter: ";" });
    expect(r.header).toEqual(["a", "b,c"]);
    expect(r.rows).toEqual([[2, ["1", "2,3"]]]);
  });

  it("quoted cells holding commas, quotes and line breaks; a multi-line cell is still one row", async () => {
    const text = 'id,name,unit\n"G1","王,芳","滨河""社区"""\n"G2","李\n强","新桥\r\n村"\nG3,张敏,东溪\n';
    const r = await read(file(text));
    expect(r.rows).toEqual([
      [2, ["G1", "王,芳", '滨河"社区"']],
      [3, ["G2", "李\n强", "新桥\r\n村"]],
      [4, ["G3", "张敏", "东溪"]],
    ]);
  });

  it("a comma inside a quoted header cell is not a delimiter", async () => {
    const r = await read(file('"单位,名称",id,name\n"滨河,社区",G1,王芳\n'));
    expect(r.header).toEqual(["单位,名称", "id", "name"]);
    expect(r.delimiter).toBe(",");
  });

  it("CRLF and LF line ends, and a last line without one", async () => {
    expect((await read(file(ROSTER))).rows).toEqual(EXPECTED);
    expect((await read(file(ROSTER.replace(/\r\n/g, "\n")))).rows).toEqual(EXPECTED);
    expect((await read(file(ROSTER.trimEnd()))).rows).toEqual(EXPECTED);
  });

  it("mixed line ends: CRLF rows with rows appended by LF each stay one row", async () => {
    const r = await read(file("身份证号,姓名,单位\r\n500222198001010010,王芳,滨河社区\r\nG0002,李强,新桥村\nG0003,张敏,东溪\n"));
    expect(r.rows).toEqual([...EXPECTED, [4, ["G0003", "张敏", "东溪"]]]);
  });

  it("CR, LF and CRLF in one file each end a row; blank lines keep their row numbers", async () => {
    const r = await read(file("id,name\rG1,王芳\nG2,李强\r\nG3,张敏\r\r\nG5,陈静\n\nG7,黄丽\r"));
    expect(r.header).toEqual(["id", "name"]);
    expect(r.rows).toEqual([
      [2, ["G1", "王芳"]],
      [3, ["G2", "李强"]],
      [4, ["G3", "张敏"]],
      [6, ["G5", "陈静"]],
      [8, ["G7", "黄丽"]],
    ]);
    expect(r.blankRows).toBe(2);
  });

  it("a quoted cell keeps its CR, LF or CRLF line break in a file that mixes them; the row is still one row", async () => {
    const r = await read(file('id,name,unit\rG1,"王\r芳",滨河\n"G2","李\n强","新桥\r\n村"\r\nG3,张敏,东溪\r'));
    expect(r.rows).toEqual([
      [2, ["G1", "王\r芳", "滨河"]],
      [3, ["G2", "李\n强", "新桥\r\n村"]],
      [4, ["G3", "张敏", "东溪"]],
    ]);
  });

  it("blank lines are skipped, and the rows after them keep their spreadsheet numbers; blank lines at the end are nothing", async () => {
    const r = await read(file("id,name\r\nG1,王芳\r\n\r\n,\r\n  ,  \r\nG2,李强\r\n\r\n"));
    expect(r.rows).toEqual([
      [2, ["G1", "王芳"]],
      [6, ["G2", "李强"]],
    ]);
    expect(r.blankRows).toBe(3);
  });

  it("blank lines before the header are skipped and counted too; the header is the first row with cells", async () => {
    const r = await read(file("\r\n\nid,name\nG1,王芳\n"));
    expect(r.header).toEqual(["id", "name"]);
    expect(r.rows).toEqual([[4, ["G1", "王芳"]]]);
    expect(r.blankRows).toBe(2);
  });

  it("300,000 empty lines are cheap (csv-parse used to build an error object for each: 18.8 s for a million)", async () => {
    const path = file(`id,name\r\nG1,王芳\r\n${"\r\n".repeat(300_000)}G2,李强\r\n`);
    const started = performance.now();
    const r = await read(path);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.rows).toEqual([
      [2, ["G1", "王芳"]],
      [300_003, ["G2", "李强"]],
    ]);
    expect(r.blankRows).toBe(300_000);
  });

  it("cells are never cast: ids keep every digit and leading zeros; dates stay text", async () => {
    const r = await read(file("id,date\n110105194912310021,2021/6/1\n00123,44348\n"));
    expect(r.rows.map(([, c]) => c)).toEqual([
      ["110105194912310021", "2021/6/1"],
      ["00123", "44348"],
    ]);
  });

  it("rows of the wrong length are handed on as they are (the record reader rejects them)", async () => {
    const r = await read(file("a,b,c\n1,2\n1,2,3,4\n"));
    expect(r.rows).toEqual([
      [2, ["1", "2"]],
      [3, ["1", "2", "3", "4"]],
    ]);
  });

  it.each(["utf-8", "gb18030"] as const)(
    "a file of several megabytes in %s, its characters, CRLF pairs and quoted line breaks cut at every place a piece can end",
    async (encoding) => {
      // rows of varying length, so that the pieces the file is read and decoded in end in
      // every kind of place: inside a character, between CR and LF, inside a quoted cell
      const names = ["王芳", "李强", "欧阳明月", "张", "𠀋𠀌"];
      const lines: string[] = ["id,name,unit,note"];
      const expected: [number, string[]][] = [];
      for (let i = 0; i < 60_000; i++) {
        const name = names[i % names.length]!.repeat(1 + (i % 7));
        const note = i % 11 === 0 ? `第${i}行\r\n"引号""内"` : `备注${i}`;
        const quoted = i % 11 === 0 ? `"${note.replaceAll('"', '""')}"` : note;
        lines.push(`G${i},${name},滨河社区${i % 97},${quoted}`);
        expected.push([0, [`G${i}`, name, `滨河社区${i % 97}`, note]]);
      }
      const text = `${lines.join("\r\n")}\r\n`;
      // in GB18030 the astral characters are four bytes each, and GBK has none: keep them to UTF-8
      const bytes = encoding === "utf-8" ? Buffer.from(text) : iconv.encode(text.replaceAll("𠀋𠀌", "欧阳"), "gb18030");
      expect(bytes.length).toBeGreaterThan(2 << 20);
      const r = await read(file(bytes));
      expect(r.encoding).toBe(encoding);
      expect(r.rows).toHaveLength(expected.length);
      // each record is one row, numbered as a spreadsheet shows it, though a quoted line break takes two lines of the file
      let row = 1;
      for (let k = 0; k < expected.length; k++) {
        row++;
        const cells = encoding === "utf-8" ? expected[k]![1] : expected[k]![1].map((c) => c.replaceAll("𠀋𠀌", "欧阳"));
        expect(r.rows[k]).toEqual([row, cells]);
      }
    },
  );

  it("a header line longer than 64 KB", async () => {
    const header = Array.from({ length: 9000 }, (_, i) => `column${i}`).join(",");
    const r = await read(file(`${header}\n${"x,".repeat(8999)}x\n`));
    expect(r.header).toHaveLength(9000);
    expect(r.rows[0]![1]).toHaveLength(9000);
  });
});

describe("what cannot be read is a data error naming the file", () => {
  it.each([
    ["an empty file", ""],
    ["a BOM alone", "\uFEFF"],
  ])("%s", async (_name, content) => {
    const path = file(content);
    await expect(read(path)).rejects.toThrow(DataError);
    await expect(read(path)).rejects.toThrow(/empty/);
  });

  it("a missing file", async () => {
    await expect(read(join(dir, "nowhere.csv"))).rejects.toThrow(/nowhere\.csv: cannot be read: no such file/);
  });

  it("a folder", async () => {
    await expect(read(dir)).rejects.toThrow(DataError);
  });

  it("a file named .xlsx that is no workbook inside is a data error saying so", async () => {
    await expect(read(file("身份证号,姓名\n", "roster.xlsx"))).rejects.toThrow(/roster\.xlsx: is not a workbook/);
    await expect(read(file("<html><table></table></html>", "export.xls"))).rejects.toThrow(DataError);
  });

  it("an unclosed quote", async () => {
    await expect(read(file('id,name\nG1,"王芳\nG2,李强\n'))).rejects.toThrow(/t\d+\.csv: cannot read as CSV/);
  });
});

describe("size caps: a row of more than 1 MB is a data error naming the file and row, found quickly", () => {
  it("50 MB of NUL bytes without a line end stops at row 1", async () => {
    const started = performance.now();
    await expect(read(file(Buffer.alloc(50 << 20)))).rejects.toThrow(/\/t\d+\.csv: row 1 is longer than 1 MB \(1048576 bytes\): /);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("/dev/zero, which never ends, stops at row 1", async () => {
    await expect(read("/dev/zero")).rejects.toThrow(/^\/dev\/zero: row 1 is longer than 1 MB/);
  }, 10_000);

  it("a quote left open on row 3 of a 2 MB file names row 3", async () => {
    const err = await read(file(`id,name\nG1,王芳\n\nG2,"李强\n${"G3,张敏\n".repeat(200_000)}`)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(/: row 4 is longer than 1 MB .*quote/);
  });

  it("a single cell of 1.5 million characters, on row 2", async () => {
    await expect(read(file(`id,name\nG1,${"x".repeat(1_500_000)}\n`))).rejects.toThrow(/: row 2 is longer than 1 MB/);
  });

  it("a header line of 2 MB", async () => {
    await expect(read(file(`${"column,".repeat(300_000)}x\nG1\n`))).rejects.toThrow(/: row 1 is longer than 1 MB/);
  });

  it("a row just under the cap is read", async () => {
    const r = await read(file(`id,notes\nG1,${"x".repeat(1_000_000)}\n`));
    expect(r.rows[0]![1][1]).toHaveLength(1_000_000);
  });
});

describe("stdin (-)", () => {
  afterEach(() => vi.restoreAllMocks());

  function stdin(...chunks: Buffer[]) {
    vi.spyOn(process, "stdin", "get").mockReturnValue(Readable.from(chunks) as typeof process.stdin);
  }

  it("reads standard input, GBK in small pieces", async () => {
    const bytes = iconv.encode(ROSTER, "gbk");
    stdin(...Array.from({ length: Math.ceil(bytes.length / 5) }, (_, i) => bytes.subarray(i * 5, i * 5 + 5)));
    const r = await read("-");
    expect(r.rows).toEqual(EXPECTED);
    expect(r.encoding).toBe("gb18030");
  });

  it.each([1, 2, 3, 7])("a CRLF split between two pieces is one line end (pieces of %i bytes)", async (size) => {
    const bytes = Buffer.from("id,name\r\nG1,王芳\r\nG2,李强\nG3,张敏\r\n");
    stdin(...Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, i * size + size)));
    const r = await read("-");
    expect(r.rows).toEqual([
      [2, ["G1", "王芳"]],
      [3, ["G2", "李强"]],
      [4, ["G3", "张敏"]],
    ]);
    expect(r.blankRows).toBe(0);
  });

  it("names it (stdin) in errors", async () => {
    stdin(Buffer.alloc(0));
    await expect(read("-")).rejects.toThrow(/^\(stdin\): the file is empty/);
  });
});
