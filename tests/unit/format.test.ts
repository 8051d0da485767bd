import { describe, expect, it } from "vitest";
import { guardCell, renderCsv } from "../../src/render/format.js";

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
  ])("%j -> %j", (cell, out) => expect(guardCell(cell)).toBe(out));

  it.each(["王芳", "a=b", "1+1", "", " =1", "'=1", "2021-06-01"])("%j is left alone", (cell) => expect(guardCell(cell)).toBe(cell));

  it("numbers stay numbers, negative ones included; null is an empty cell", () => {
    expect(guardCell(-50)).toBe(-50);
    expect(guardCell(0)).toBe(0);
    expect(guardCell(null)).toBe("");
    expect(guardCell({ text: "=x", tone: "bad" })).toBe("'=x");
  });

  it("renderCsv guards header and rows, quotes what needs it, CRLF, BOM only when asked", () => {
    const p = { json: null, sections: [], csv: { header: ["=h", "name"], rows: [["-1", -1], ['=a,"b"', "x\ny"]] } };
    expect(renderCsv(p, true)).toBe("\uFEFF'=h,name\r\n'-1,-1\r\n\"'=a,\"\"b\"\"\",\"x\ny\"\r\n");
    expect(renderCsv(p, false).startsWith("'=h")).toBe(true);
  });
});
