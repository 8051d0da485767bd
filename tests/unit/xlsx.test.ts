import { describe, expect, it } from "vitest";
import { columnName, crc32, renderXlsx, zip } from "../../src/render/xlsx.js";
import { unzip } from "../helpers/zip.js";

describe("xlsx pieces", () => {
  it("CRC-32 of the standard check string", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %i is %s", (i, name) => expect(columnName(i)).toBe(name));

  it("a zip of two entries reads back whole", () => {
    const files = unzip(zip([{ name: "a.txt", data: Buffer.from("甲乙丙".repeat(100)) }, { name: "dir/b.xml", data: Buffer.from("<x/>") }]));
    expect([...files]).toEqual([
      ["a.txt", "甲乙丙".repeat(100)],
      ["dir/b.xml", "<x/>"],
    ]);
  });
});

describe("workbook", () => {
  const book = renderXlsx(
    {
      header: ["编号", "金额"],
      rows: [
        ["=HYPERLINK(\"x\")", 200],
        ["A & <B>\u0007", null],
        ["", 0],
      ],
    },
    "swtalent",
  );
  const files = unzip(book);

  it("has the five parts Excel needs, every one well-formed enough to name its root", () => {
    expect([...files.keys()]).toEqual(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"]);
    expect(files.get("xl/workbook.xml")).toContain('<sheet name="swtalent" sheetId="1" r:id="rId1"/>');
  });

  it("text as inline strings, numbers as numbers, formulas guarded, XML escaped, control characters dropped", () => {
    const sheet = files.get("xl/worksheets/sheet1.xml")!;
    expect(sheet).toContain('<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">编号</t></is></c>');
    expect(sheet).toContain(`<c r="A2" t="inlineStr"><is><t xml:space="preserve">'=HYPERLINK("x")</t></is></c><c r="B2"><v>200</v></c>`);
    expect(sheet).toContain('<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">A &amp; &lt;B&gt;</t></is></c></row>');
    expect(sheet).toContain('<row r="4"><c r="B4"><v>0</v></c></row>');
    expect(sheet).not.toMatch(/<f>/);
  });

  it("the same table gives the same bytes", () => {
    const again = renderXlsx({ header: ["编号", "金额"], rows: [["=HYPERLINK(\"x\")", 200], ["A & <B>\u0007", null], ["", 0]] }, "swtalent");
    expect(again.equals(book)).toBe(true);
  });
});
