import { describe, expect, it } from "vitest";
import { UNIT_TYPES } from "../../src/core/policy/schema.js";
import { loadPolicy } from "../../src/io/policies.js";
import { guardCell, guardText, renderCsv, renderCsvChunks } from "../../src/render/format.js";
import { type Row, date, id, money, month, num, status, text } from "../../src/render/model.js";
import { unitTypeWord } from "../../src/render/words.js";

describe("formula-injection guard (SPEC.md Privacy and safety)", () => {
  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+86 138", "'+86 138"],
    ["-50", "'-50"], // text that looks like a number is still text
    ["@cmd", "'@cmd"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["＝1+1", "'＝1+1"],
    ["＋1", "'＋1"],
    ["－1", "'－1"],
    ["＠x", "'＠x"],
  ])("%j -> %j", (cell, out) => {
    expect(guardText(cell)).toBe(out);
    expect(guardCell(text(cell))).toBe(out);
    expect(guardCell(id(cell))).toBe(out);
  });

  it.each(["王芳", "a=b", "1+1", "", " =1", "'=1", "2021-06-01"])("%j is left alone", (cell) => expect(guardCell(text(cell))).toBe(cell));

  it("numbers and money stay numbers, negative ones included; null is an empty cell; dates and months as written", () => {
    expect(guardCell(num(-50))).toBe(-50);
    expect(guardCell(num(0))).toBe(0);
    expect(guardCell(money(-1250))).toBe(-12.5);
    expect(guardCell(null)).toBe("");
    expect(guardCell(status("fail", "=x", "bad"))).toBe("'=x");
    expect(guardCell(date("2021-06-01"))).toBe("2021-06-01");
    expect(guardCell(month("2021-06"))).toBe("2021-06");
  });

  it("renderCsv guards header and rows, quotes what needs it, CRLF, BOM only when asked", () => {
    const p = {
      json: null,
      sections: [],
      csv: {
        header: ["=h", "name"],
        rows: [
          [text("-1"), num(-1)],
          [text('=a,"b"'), text("x\ny")],
        ],
      },
    };
    expect(renderCsv(p, true)).toBe('\uFEFF\'=h,name\r\n\'-1,-1\r\n"\'=a,""b""","x\ny"\r\n');
    expect(renderCsv(p, false).startsWith("'=h")).toBe(true);
  });
});

describe("CSV in pieces", () => {
  it("the pieces of a long table, rows given by a generator, join to exactly the whole text", () => {
    const rows = (n: number) => ({
      *[Symbol.iterator]() {
        for (let i = 0; i < n; i++) yield [text(`=r${i}`), num(i), text(i % 3 === 0 ? "a,b" : "c\nd")] as Row;
      },
    });
    for (const n of [0, 1, 8191, 8192, 8193, 20000]) {
      const p = { json: null, sections: [], csv: { header: ["a", "b", "c"], rows: rows(n) } };
      const pieces = [...renderCsvChunks(p, true)];
      expect(pieces.length).toBe(1 + Math.ceil(n / 8192));
      const whole = pieces.join("");
      expect(whole).toBe(renderCsv(p, true));
      expect(whole.split("\r\n").length).toBe(n + 2);
      if (n > 0) expect(whole.startsWith('\uFEFFa,b,c\r\n\'=r0,0,"a,b"\r\n')).toBe(true);
    }
  });
});

describe("unit types in words in tables (POLICY.md §1 单位类型)", () => {
  const v = loadPolicy("qijiang-2020").vocabulary;
  it.each([
    ["urban_community", "城市社区", "urban community"],
    ["village", "村", "village"],
    ["town", "街道/镇", "street or town office"], // a street office and a town government alike, not 街道
    ["organ", "机关", "government organ"],
    ["institution", "事业单位", "public institution"],
    ["sw_agency", "社会工作服务机构", "social-work agency"],
    ["social_org", "社会组织", "social organisation"],
    ["school", "学校", "school"],
    ["hospital", "医院", "hospital"],
    ["enterprise", "企业", "enterprise"],
    ["other", "其他", "other"],
  ])("%s is %s, %s", (code, zh, en) => {
    expect(unitTypeWord(code, v, "zh")).toBe(zh);
    expect(unitTypeWord(code, v, "en")).toBe(en);
  });

  it("every unit type has a Chinese name, whatever alias a custom policy lists first", () => {
    const english = { ...v, unit_types: Object.fromEntries(UNIT_TYPES.map((t) => [t, [t]])) } as typeof v;
    for (const t of UNIT_TYPES) expect(unitTypeWord(t, english, "zh"), t).toMatch(/^[\u4e00-\u9fff/]+$/);
  });
});
