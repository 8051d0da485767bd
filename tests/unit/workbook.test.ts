import { writeXlsx } from "hucre";
import { describe, expect, it } from "vitest";
import { DataError } from "../../src/core/errors.js";
import type { SheetRow } from "../../src/core/records/layout.js";
import { type Workbook, openWorkbook, workbookKind } from "../../src/io/workbook.js";
import { type BookSpec, serial1900, serial1904, xls, xlsx, zip } from "../helpers/workbook.js";

async function rowsOf(wb: Workbook, index: number): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of wb.rows(index)) out.push(r);
  return out;
}

const JUNE_1 = serial1900(2021, 6, 1);

/** One sheet of typed cells as an office saves it. */
const TYPED: BookSpec = {
  sheets: [
    { name: "说明", rows: [["填表说明"]] },
    { name: "旧名册", hidden: true, rows: [["身份证号", "姓名"]] },
    {
      name: "名册",
      rows: [
        ["綦江区社会工作专业人才花名册", null, null, null],
        ["身份证号", "证书情况", null, "人数"],
        [null, "等级", "取证日期", null],
        ["500222199001011000", { rich: ["助理", "社会工作师"] }, { serial: JUNE_1, fmt: 31 }, 3],
        [500222199001011000, "社会工作师", { serial: JUNE_1, fmt: 58 }, { formula: "1+2", cached: 3 }],
        ["G1", { formula: 'IF(1,"社会工作员","")', cached: "社会工作员" }, { serial: JUNE_1, fmt: 14 }, { formula: "D4+1" }],
        ["G2", "无", { serial: JUNE_1, fmt: 176 }, 0.1 + 0.2],
      ],
      merges: ["A1:D1", "B2:C2", "A2:A3", "D2:D3"],
    },
  ],
};

describe("workbookKind: a workbook is known by its first bytes, not its name", () => {
  it.each([
    [[0x50, 0x4b, 0x03, 0x04, 0x14], "zip"],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "ole"],
    [[...Buffer.from("身份证号,姓名\n")], null],
    [[0x50, 0x4b], null],
    [[], null],
  ])("%j -> %s", (bytes, kind) => expect(workbookKind(Uint8Array.from(bytes as number[]))).toBe(kind));
});

// a formula saved without its value is an empty cell in an .xlsx; BIFF8 always stores one (here 0)
describe.each([
  ["an .xlsx read whole", () => xlsx(TYPED), undefined, ""],
  ["an .xlsx read as a stream", () => xlsx(TYPED), 0, ""],
  ["an .xls (BIFF8)", () => xls(TYPED), undefined, "0"],
])("%s", (_name, bytes, wholeReadBytes, uncached) => {
  it("lists its sheets in workbook order, hidden ones marked (an .xls does not say)", async () => {
    const wb = await openWorkbook(bytes(), "book", wholeReadBytes);
    expect(wb.sheets.map((s) => [s.index, s.name])).toEqual([
      [0, "说明"],
      [1, "旧名册"],
      [2, "名册"],
    ]);
    if (bytes().readUInt8(0) === 0x50) expect(wb.sheets.map((s) => s.hidden)).toEqual([false, true, false]);
  });

  it("gives typed cells as text: dates in Chinese formats as days, numbers, rich text, cached formula values", async () => {
    const rows = await rowsOf(await openWorkbook(bytes(), "book", wholeReadBytes), 2);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const data = rows.slice(3).map((r) => [...r.cells, "", "", "", ""].slice(0, 4));
    expect(data).toEqual([
      ["500222199001011000", "助理社会工作师", "2021-06-01", "3"],
      ["5.00222E+17", "社会工作师", "2021-06-01", "3"],
      ["G1", "社会工作员", "2021-06-01", uncached],
      ["G2", "无", "2021-06-01", "0.3"],
    ]);
  });
});

describe("what only a whole read shows", () => {
  it("a formula saved without its value is marked, as are the merged cells of the header", async () => {
    const rows = await rowsOf(await openWorkbook(xlsx(TYPED), "book"), 2);
    expect(rows[5]!.unsaved).toEqual([3]);
    expect(rows[4]!.unsaved).toBeUndefined();
    expect(rows[1]!.spans).toEqual([{ from: 1, to: 2 }]);
    expect(rows[0]!.spans).toEqual([{ from: 0, to: 3 }]);
  });

  it("a large .xlsx is streamed, and says so", async () => {
    expect((await openWorkbook(xlsx(TYPED), "book", 0)).streamed).toBe(true);
    expect((await openWorkbook(xlsx(TYPED), "book")).streamed).toBe(false);
  });
});

describe("dates are the calendar day in either date system", () => {
  const book = (date1904: boolean, serial: number): BookSpec => ({
    date1904,
    sheets: [
      {
        name: "s",
        rows: [
          [
            { serial, fmt: 31 },
            { serial: serial + 0.75, fmt: 14 },
          ],
        ],
      },
    ],
  });
  it.each([
    ["xlsx 1900", () => xlsx(book(false, serial1900(2021, 6, 1)))],
    ["xlsx 1904", () => xlsx(book(true, serial1904(2021, 6, 1)))],
    ["xls 1900", () => xls(book(false, serial1900(2021, 6, 1)))],
    ["xls 1904", () => xls(book(true, serial1904(2021, 6, 1)))],
  ])("%s", async (_name, bytes) => {
    for (const whole of [undefined, 0]) {
      const rows = await rowsOf(await openWorkbook(bytes(), "book", whole), 0);
      expect(rows[0]!.cells).toEqual(["2021-06-01", "2021-06-01"]);
    }
  });
});

describe("what cannot be read is one DataError naming the file", () => {
  const cases: [string, () => Uint8Array | Promise<Uint8Array>, RegExp][] = [
    ["a zip that is no workbook", () => zip([["readme.txt", "hello"]]), /book\.xlsx: cannot be read as a workbook/],
    ["a workbook cut short", () => xlsx(TYPED).subarray(0, 900), /book\.xlsx: cannot be read as a workbook/],
    ["a zip header and noise", () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]), /book\.xlsx: cannot be read as a workbook/],
    [
      "a password-protected workbook",
      () => writeXlsx({ sheets: [{ name: "名册", rows: [["身份证号"]] }], encryption: { password: "secret", spinCount: 10 } }),
      /book\.xlsx: the workbook is password-protected: .*remove the password/,
    ],
  ];
  it.each(cases)("%s", async (_name, bytes, message) => {
    const err = await (async () => {
      const wb = await openWorkbook(await bytes(), "book.xlsx");
      for (const s of wb.sheets) await rowsOf(wb, s.index);
      return null;
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain("\n");
  });

  it("an OLE file holding no Workbook stream (a .doc)", async () => {
    const doc = xls(TYPED);
    // the second directory entry, in the sector before the FAT, renamed from Workbook
    doc.write("WordDocument", doc.length - 1024 + 128, "utf16le");
    const err = await openWorkbook(doc, "report.xls").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(/^report\.xls: cannot be read as a workbook/);
  });
});
