/**
 * Every text format is made in pieces (SPEC.md Scale): the pieces join to exactly what one
 * JSON.stringify or one joined Markdown text gives, which stay here as the reference; the
 * terminal table is laid out to a width, in display columns.
 */
import { describe, expect, it } from "vitest";
import { columnWidths, jsonPieces, renderJson, renderMarkdown, renderTable } from "../../src/render/format.js";
import { displayWidth, wrap } from "../../src/render/width.js";
import { type Cell, JsonList, type Presentation, type Section, num, plain, status, text } from "../../src/render/model.js";

const join = (pieces: Iterable<string>) => [...pieces].join("");

/** Data shaped like the reports, with every kind of value JSON.stringify treats specially. */
function nested(n: number): unknown {
  const person = (i: number) => ({
    id: `500222198001010${String(i % 1000).padStart(3, "0")}`,
    name: i % 3 === 0 ? "王\n芳" : `李"强\\${i}`,
    town: i % 5 === 0 ? null : "古南街道",
    amount: i % 4 === 0 ? 0.5 : i,
    months: i % 6 === 0 ? [] : ["2021-06", "2021-07"],
    detail: i % 7 === 0 ? {} : { reason: "grade", ok: i % 2 === 0, skip: undefined, fn: () => 1 },
    nan: i % 9 === 0 ? Number.NaN : -0,
    when: i % 11 === 0 ? new Date(Date.UTC(2021, 5, i % 28)) : "\u2028\u{1F600}",
  });
  return {
    command: "allowance",
    policy: { id: "qijiang-2020", document: "綦江民发〔2020〕60号" },
    nothing: undefined,
    empty: [],
    emptyObject: {},
    bare: Object.assign(Object.create(null), { a: 1 }),
    payees: Array.from({ length: n }, (_, i) => person(i)),
    inner: { by_town: Array.from({ length: n }, (_, i) => ({ town: `镇${i}`, total: i })), small: [1, [2, [3]], { x: [] }] },
    holes: [1, undefined, () => 2, Symbol("s"), null, ...Array.from({ length: 70 }, (_, i) => [i, { i }])],
    deep: [[Array.from({ length: 65 }, (_, i) => i)]],
  };
}

describe("JSON in pieces: byte for byte JSON.stringify(x, null, 2)", () => {
  it.each([0, 1, 64, 65, 300])("nested data with %i people", (n) => {
    const data = nested(n);
    expect(join(jsonPieces(data))).toBe(JSON.stringify(data, null, 2));
    expect(join(renderJson({ json: data, sections: [], csv: { header: [], rows: [] } }))).toBe(`${JSON.stringify(data, null, 2)}\n`);
  });

  it.each([null, 0, "x", [], {}, [1, 2], { a: [] }, undefined])("%j", (v) => {
    expect(join(jsonPieces(v))).toBe(String(JSON.stringify(v, null, 2)));
  });

  it.each([0, 1, 64, 65, 3000])("a list made as it is written (JsonList) of %i gives the bytes of the array it stands for", (n) => {
    const items = Array.from({ length: n }, (_, i) => i);
    const made = (i: number) => ({ i, name: `王${i}`, list: i % 100 === 0 ? Array.from({ length: 70 }, (_, k) => k) : [], gone: undefined });
    const data = { people: new JsonList(items, made), inner: { again: new JsonList(items.slice(0, 3), made) } };
    const plainData = { people: items.map(made), inner: { again: items.slice(0, 3).map(made) } };
    expect(join(jsonPieces(data))).toBe(JSON.stringify(plainData, null, 2));
    expect(JSON.stringify(data, null, 2)).toBe(JSON.stringify(plainData, null, 2));
  });

  it("a long list is written in pieces of about 64 KB: none holds more than that and one person", () => {
    const data = nested(20000) as { payees: unknown[] };
    let longest = 0;
    let total = 0;
    let count = 0;
    for (const piece of jsonPieces(data)) {
      longest = Math.max(longest, piece.length);
      total += piece.length;
      count++;
    }
    const onePerson = JSON.stringify(data.payees[1], null, 2).length + 200;
    expect(longest).toBeLessThan(65536 + onePerson);
    expect(count).toBeGreaterThanOrEqual(Math.floor(total / (65536 + onePerson)));
    expect(count).toBeGreaterThan(50);
  });
});

/** How Markdown was made before: every line in one array, joined and trimmed. */
function referenceMarkdown(p: Presentation): string {
  const esc = (v: string | number) => String(v).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
  const out: string[] = [];
  for (const s of p.sections) {
    if (s.title) out.push(`## ${s.title}`, "");
    if (s.header.length > 0 && s.rows.length > 0) {
      out.push(`| ${s.header.map(esc).join(" | ")} |`);
      out.push(`|${s.header.map(() => "---").join("|")}|`);
      for (const r of s.rows) out.push(`| ${r.map((c) => esc(plain(c))).join(" | ")} |`);
      out.push("");
    }
    if (s.notes && s.notes.length > 0) out.push(...s.notes.map((n) => `${n}  `), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

const tones = ["good", "bad", "warn", "dim"] as const;

function rows(n: number, seed: number): Cell[][] {
  return Array.from({ length: n }, (_, i) => [
    text(`50022219800101${String((i * 7 + seed) % 10000).padStart(4, "0")}`),
    text(i % 5 === 0 ? "欧阳\n晓燕" : ["王芳", "Li Qiang", "陈静怡", "𠀀字"][i % 4]!),
    num((i * 37) % 1000),
    i % 3 === 0 ? null : status("x", i % 6 === 1 ? "不合格\n需补" : "合格", tones[i % 4]!),
    text(i === n - 1 ? "the longest cell comes last, and it is wide" : "古南街道"),
  ]);
}

function presentation(n: number): Presentation {
  const sections: Section[] = [
    { title: "发放花名册", header: ["身份证号", "姓名", "金额", "结论", "街镇"], rows: rows(n, 1), notes: ["合计 12 人", "ends with spaces   "] },
    { header: ["a", "b"], rows: [], notes: ["no rows: no table"] },
    { title: "Not paid", header: ["id", "name\nline two", "amount", "reason", "town"], rows: rows(Math.ceil(n / 2), 2) },
    { header: [], rows: [], notes: [] },
    { title: "trailing", header: ["x"], rows: [[text("\u3000")]], notes: ["  ", "\u3000"] },
  ];
  return { json: null, sections, csv: { header: [], rows: [] } };
}

describe("a table laid out to the width", () => {
  it.each([60, 80, 100, 120])("%i columns: no line wider, every cell's text kept, no line between rows", (width) => {
    const p = presentation(30);
    for (const color of [false, true]) {
      const out = join(renderTable(p, color, width));
      const lines = out.replace(/\x1b\[[0-9;]*m/g, "").split("\n");
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      expect(lines.filter((l) => /^[─ ]+$/.test(l))).toHaveLength(3); // one rule under each table's header
      const flat = lines.join("").replace(/\s/g, "");
      // short texts are never cut: each is whole on its line
      for (const r of p.sections[0]!.rows) {
        for (const c of r) for (const piece of String(plain(c)).split("\n")) if (displayWidth(piece) <= 8) expect(flat).toContain(piece.replace(/\s/g, ""));
      }
    }
  });

  it("a row is one line when it fits: header, rule, rows, then the notes", () => {
    const p: Presentation = {
      json: null,
      sections: [{ title: "t", header: ["a", "金额"], rows: [[text("1"), num(20)], [text("王芳")]], notes: ["n"] }],
      csv: { header: [], rows: [] },
    };
    expect(join(renderTable(p, false, 80))).toBe(["t", "a     金额", "────  ────", "1       20", "王芳", "n", ""].join("\n"));
  });

  it("the columns that matter least give way first", () => {
    expect(columnWidths([30, 30, 30], [10, 10, 10], [1, 2, 3], 70)).toEqual([30, 26, 10]);
    expect(columnWidths([30, 30, 30], [10, 10, 10], [1, 1, 1], 70)).toEqual([22, 22, 22]);
    expect(columnWidths([10, 10], [10, 10], [1, 2], 15)).toEqual([10, 10]);
  });

  it("a keyed column shows a key in the row and its text once under the table, the same key in every table", () => {
    const s = (basis: string[]): Section => ({ header: ["rule", "basis"], rows: basis.map((b, i) => [text(`R${i}`), text(b)]), keyed: [1] });
    const p: Presentation = { json: null, sections: [s(["文件 一（二）", "文件 三", "文件 一（二）"]), s(["文件 三"])], csv: { header: [], rows: [] } };
    expect(join(renderTable(p, false, 80))).toBe(
      [
        "rule  basis",
        "────  ─────",
        "R0    [1]",
        "R1    [2]",
        "R2    [1]",
        "[1] 文件 一（二）",
        "[2] 文件 三",
        "",
        "rule  basis",
        "────  ─────",
        "R0    [2]",
        "[2] 文件 三",
        "",
      ].join("\n"),
    );
    expect(join(renderMarkdown(p))).toContain("| R2 | [1] |\n\n[1] 文件 一（二）  \n[2] 文件 三  \n");
  });

  it("150,000 rows are drawn without overflowing the stack, in pieces", () => {
    const many: Cell[][] = Array.from({ length: 150000 }, (_, i) => [num(i)]);
    const p: Presentation = { json: null, sections: [{ header: ["n"], rows: many }], csv: { header: [], rows: [] } };
    let lines = 0;
    let pieces = 0;
    for (const piece of renderTable(p, false)) {
      pieces++;
      for (let at = piece.indexOf("\n"); at !== -1; at = piece.indexOf("\n", at + 1)) lines++;
    }
    // the header, the rule under it, and a line for each row
    expect(lines).toBe(2 + 150000);
    expect(pieces).toBeGreaterThan(1000);
  }, 60000);
});

describe("display width and wrapping", () => {
  it.each([
    ["abc", 3],
    ["王芳", 4],
    ["（一）", 6],
    ["𠀀字", 4],
    ["\x1b[31m未达标\x1b[39m", 6],
    ["e\u0301", 1],
  ])("%j is %i columns", (s, n) => {
    expect(displayWidth(s)).toBe(n);
  });

  it("breaks between Chinese characters, at spaces, and never before closing punctuation", () => {
    expect(wrap("还需 1 名社会工作专业人才；未设立社会工作室", 12)).toEqual(["还需 1 名社", "会工作专业人", "才；未设立社", "会工作室"]);
    expect(wrap("needs 1 more certified worker", 12)).toEqual(["needs 1 more", "certified", "worker"]);
    expect(wrap("QJ-CERT-SOCIAL-SERVICE", 10)).toEqual(["QJ-CERT-SO", "CIAL-SERVI", "CE"]);
    expect(wrap("一\n二", 10)).toEqual(["一", "二"]);
    // a full-width comma or bracket after digits stays with them
    expect(wrap("不在发放范围 3，尚未到岗 3", 14)).toEqual(["不在发放范围", "3，尚未到岗 3"]);
    expect(wrap("不在岗时为 100）", 11)).toEqual(["不在岗时为", "100）"]);
    for (const w of [2, 3, 5, 8]) for (const l of wrap("綦江民发〔2020〕60号 一（二）、三（一）", w)) expect(displayWidth(l)).toBeLessThanOrEqual(w);
  });
});

describe("Markdown line by line is the text joined whole", () => {
  it.each([0, 1, 9, 200])("%i rows", (n) => {
    const p = presentation(n);
    expect(join(renderMarkdown(p))).toBe(referenceMarkdown(p));
  });
});
