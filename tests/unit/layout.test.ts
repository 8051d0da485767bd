import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellText } from "../../src/core/records/cell-text.js";
import { type HeaderSpec, type SheetRow, TableLayout, locateHeader, spansByGaps, tableEndWord, twoRowHeader } from "../../src/core/records/layout.js";
import { loadPolicy } from "../../src/io/policies.js";

const ROSTER: HeaderSpec = { aliases: loadPolicy(undefined).vocabulary.columns.roster, required: ["id", "name", "unit", "grade"] };
const rows = (...lines: string[][]): SheetRow[] => lines.map((cells, i) => ({ cells, row: i + 1 }));

describe("cellText: a typed cell as the text the row readers take (SPEC.md Typed cells)", () => {
  it.each([
    [null, ""],
    ["张三", "张三"],
    [3, "3"],
    [44348, "44348"],
    [0.1 + 0.2, "0.3"],
    [1.5, "1.5"],
    [-2, "-2"],
    [500222199001011, "500222199001011"], // 15 digits: Excel holds them exactly
    [500222199001011000, "5.00222E+17"], // 18 digits: shown as Excel's General format shows it
    [1e15, "1E+15"],
    [true, "true"],
    [false, "false"],
    [new Date(Date.UTC(2021, 5, 1)), "2021-06-01"],
    [new Date(Date.UTC(2021, 5, 1, 18)), "2021-06-01"], // a time of day does not move the day
    [new Date(Date.UTC(1904, 0, 1)), "1904-01-01"],
  ])("%j -> %j", (value, text) => expect(cellText(value)).toBe(text));
});

describe("locateHeader: the first of the first 10 rows that names the required columns", () => {
  it("row 1 when it names them", () => {
    expect(locateHeader(rows(["身份证号", "姓名", "单位", "证书等级"], ["G1", "王芳", "滨河社区", "无"]), ROSTER)).toMatchObject({ at: 0, twoRows: false });
  });

  it("below a title and a date line", () => {
    const found = locateHeader(
      rows(["綦江区社会工作专业人才花名册"], ["填报日期：2021年6月"], ["序号", "身份证号", "姓名", "单位", "证书等级"], ["1", "G1", "王芳", "滨河社区", "无"]),
      ROSTER,
    );
    expect(found).toMatchObject({ at: 2, names: ["序号", "身份证号", "姓名", "单位", "证书等级"], twoRows: false });
  });

  it("a two-row header: lower names first, then the merged name joined (证书情况等级), cells merged down from above", () => {
    const found = locateHeader(
      rows(["身份证号", "姓名", "单位", "证书情况", "", "备注"], ["", "", "", "等级", "取证日期", ""], ["G1", "王芳", "滨河社区", "无", "", ""]),
      ROSTER,
    );
    expect(found).toEqual({ at: 1, names: ["身份证号", "姓名", "单位", "证书情况等级", "取证日期", "备注"], twoRows: true });
  });

  it("with the merges a workbook gives, a name joins only under its own merged cell", () => {
    const upper: SheetRow = { cells: ["身份证号", "姓名", "单位", "证书", "", ""], row: 1, spans: [{ from: 3, to: 4 }] };
    const lower: SheetRow = { cells: ["", "", "", "等级", "取证日期", "等级"], row: 2 };
    expect(locateHeader([upper, lower], ROSTER)?.names).toEqual(["身份证号", "姓名", "单位", "证书等级", "取证日期", "等级"]);
  });

  it("not past row 10, and null when no row names them", () => {
    const late = [...Array.from({ length: 10 }, (_, i) => [`说明 ${i}`]), ["身份证号", "姓名", "单位", "证书等级"]];
    expect(locateHeader(rows(...late), ROSTER)).toBeNull();
    expect(locateHeader(rows(["身份证号", "姓名"]), ROSTER)).toBeNull();
  });

  it("a header mapped by --column counts", () => {
    const spec = { ...ROSTER, overrides: new Map([["证件", "id"]]) };
    expect(locateHeader(rows(["标题"], ["证件", "姓名", "单位", "证书等级"]), spec)?.at).toBe(1);
  });

  it("spansByGaps: in CSV a merged cell is the non-empty cell and the empty ones after it", () => {
    expect(spansByGaps(["a", "", "", "b", "c", ""], 6)).toEqual([
      { from: 0, to: 2 },
      { from: 3, to: 3 },
      { from: 4, to: 5 },
    ]);
    expect(twoRowHeader(["证书情况", ""], ["等级", "取证日期"], spansByGaps(["证书情况", ""], 2), (n) => n === "证书情况等级" || n === "取证日期")).toEqual([
      "证书情况等级",
      "取证日期",
    ]);
  });
});

describe("tableEndWord: totals and notes rows end the table (SPEC.md)", () => {
  it.each([
    [["合计", "", "78人"], "合计"],
    [["", "合 计："], "合计"],
    [["总计"], "总计"],
    [["备注：兼职人员不计入"], "备注"],
    [["填表人：李华", "", "审核人：王强"], "填表人"],
    [["审核人：王强"], "审核人"],
    [["制表日期：2021年6月30日"], "制表日期"],
    [["１", "合计"], null], // a row of data whose first cell is a 序号
    [["500222199001011234", "王芳"], null],
    [["", "", "", "合计"], null], // only the first cells are looked at
  ])("%j -> %s", (cells, word) => expect(tableEndWord(cells)).toBe(word));

  it("reads any row as the plain definition does: the first non-blank of three cells, normalised, opening with a word", () => {
    const WORDS = ["合计", "总计", "备注", "填表人", "审核人", "制表日期"];
    const reference = (cells: readonly string[]) => {
      for (const cell of cells.slice(0, 3)) {
        const text = cell.normalize("NFKC").replace(/\s+/g, "");
        if (text !== "") return WORDS.find((w) => text.startsWith(w)) ?? null;
      }
      return null;
    };
    const cell = fc.string({ unit: fc.constantFrom("合", "计", "总", "备注", "A", "1", " ", "\u3000", "\u030a", "\t", "！", "Ａ"), maxLength: 4 });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 5 }), (cells) => tableEndWord(cells) === reference(cells)),
      { numRuns: 5000 },
    );
  });
});

describe("TableLayout: rows in, table out", () => {
  function laid(input: SheetRow[], spec = ROSTER) {
    const out: { header: string[] | null; rows: number[] } = { header: null, rows: [] };
    const layout = new TableLayout("f.csv", spec, { header: (names) => (out.header = names), row: (r) => out.rows.push(r.row) });
    for (const r of input) layout.push(r);
    const ok = layout.finish();
    return { ...out, ok, warnings: layout.warnings };
  }

  it("a title row is skipped with one warning naming it; row numbers stay the spreadsheet's", () => {
    const r = laid(
      rows(
        ["綦江区社会工作专业人才花名册", ""],
        ["", ""],
        ["身份证号", "姓名", "单位", "证书等级"],
        ["G1", "王芳", "滨河社区", "无"],
        ["G2", "李强", "新桥村", "无"],
      ),
    );
    expect(r.header).toEqual(["身份证号", "姓名", "单位", "证书等级"]);
    expect(r.rows).toEqual([4, 5]);
    expect(r.warnings).toEqual([{ code: "rows_above_header", params: { file: "f.csv", rows: "1–2", header: 3, text: "綦江区社会工作专业人才花名册" } }]);
  });

  it("the upper row of a two-row header is not a title; a title above it is", () => {
    const r = laid(rows(["花名册"], ["身份证号", "姓名", "单位", "证书情况", ""], ["", "", "", "等级", "取证日期"], ["G1", "王芳", "滨河社区", "无", ""]));
    expect(r.rows).toEqual([4]);
    expect(r.warnings).toEqual([{ code: "rows_above_header", params: { file: "f.csv", rows: "1", header: 2, text: "花名册" } }]);
  });

  it("a 合计 row ends the table: the rows under it are counted, not read; blank rows inside the table are counted", () => {
    const input: SheetRow[] = [
      { cells: ["身份证号", "姓名", "单位", "证书等级"], row: 1 },
      { cells: ["G1", "王芳", "滨河社区", "无"], row: 2 },
      { cells: ["", "", "", ""], row: 3 },
      { cells: ["G2", "李强", "新桥村", "无"], row: 5 },
      { cells: ["合计", "2人", "", ""], row: 6 },
      { cells: ["", "", "", ""], row: 7 },
      { cells: ["填表人：李华", "", "", ""], row: 8 },
      { cells: ["G3", "张敏", "东溪", "无"], row: 9 },
    ];
    const r = laid(input);
    expect(r.rows).toEqual([2, 5]);
    expect(r.warnings).toEqual([
      { code: "blank_rows", params: { file: "f.csv", rows: 2 } },
      { code: "table_end", params: { file: "f.csv", row: 6, word: "合计", below: 2 } },
    ]);
  });

  it("no row names the columns: the first row with a cell is the header, as before (its mapping then names what is missing)", () => {
    const r = laid(rows(["", ""], ["编号", "姓名"], ["G1", "王芳"]));
    expect(r.header).toEqual(["编号", "姓名"]);
    expect(r.rows).toEqual([3]);
    expect(r.warnings).toEqual([]);
  });

  it("only blank rows: no table", () => {
    expect(laid(rows(["", ""], [" "])).ok).toBe(false);
  });
});
