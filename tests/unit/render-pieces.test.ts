/**
 * Every text format is made in pieces (SPEC.md Scale): the pieces join to exactly what one
 * JSON.stringify, one cli-table3 table or one joined Markdown text gives, which stay here
 * as the reference.
 */
import { Chalk } from "chalk";
import Table from "cli-table3";
import { describe, expect, it } from "vitest";
import { jsonPieces, renderJson, renderMarkdown, renderTable } from "../../src/render/format.js";
import { type Cell, type Presentation, type Section, num, plain, status, text } from "../../src/render/model.js";

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

  it("a long list is written element by element: no piece holds more than one person", () => {
    const data = nested(20000) as { payees: unknown[] };
    let longest = 0;
    let count = 0;
    for (const piece of jsonPieces(data)) {
      longest = Math.max(longest, piece.length);
      count++;
    }
    const onePerson = JSON.stringify(data.payees[1], null, 2).length + 200;
    expect(longest).toBeLessThan(onePerson);
    expect(count).toBeGreaterThan(40000);
  });
});

/** How the table was drawn before: one cli-table3 table per section, the text trimmed at the end. */
function referenceTable(p: Presentation, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const paint = (c: Cell): string => {
    const tones = { good: chalk.green, bad: chalk.red.bold, warn: chalk.yellow, dim: chalk.gray };
    return c?.kind === "status" ? tones[c.tone](c.text) : String(plain(c));
  };
  const out: string[] = [];
  for (const s of p.sections) {
    if (s.title) out.push(chalk.bold(s.title));
    if (s.header.length > 0 && s.rows.length > 0) {
      const t = new Table({ head: s.header.map((h) => chalk.bold(h)), style: { head: [], border: [] } });
      for (const r of s.rows) t.push(r.map(paint));
      out.push(t.toString());
    }
    if (s.notes) out.push(...s.notes);
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** How Markdown was made before: every line in one array, joined and trimmed. */
function referenceMarkdown(p: Presentation): string {
  const esc = (v: string | number) => String(v).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
  const out: string[] = [];
  for (const s of p.sections) {
    if (s.title) out.push(`## ${s.title}`, "");
    if (s.header.length > 0) {
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

describe("a table in chunks of rows is the one table cli-table3 draws", () => {
  it.each([
    [0, 3],
    [1, 1],
    [7, 1],
    [7, 2],
    [7, 3],
    [10, 5],
    [120, 50],
    [121, 7],
  ])("%i rows in chunks of %i, with and without colour", (n, chunk) => {
    const p = presentation(n);
    for (const color of [false, true]) expect(join(renderTable(p, color, chunk))).toBe(referenceTable(p, color));
  });

  it("a short row is drawn with empty cells", () => {
    const p: Presentation = {
      json: null,
      sections: [{ header: ["a", "b", "c"], rows: [[text("1"), text("2"), text("3")], [text("4")]] }],
      csv: { header: [], rows: [] },
    };
    expect(join(renderTable(p, false, 1))).toBe(
      ["┌───┬───┬───┐", "│ a │ b │ c │", "├───┼───┼───┤", "│ 1 │ 2 │ 3 │", "├───┼───┼───┤", "│ 4 │   │   │", "└───┴───┴───┘", ""].join("\n"),
    );
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
    // top, header, and a rule above and a line for each row, then the bottom
    expect(lines).toBe(3 + 2 * 150000);
    expect(pieces).toBeGreaterThan(1000);
  }, 60000);
});

describe("Markdown line by line is the text joined whole", () => {
  it.each([0, 1, 9, 200])("%i rows", (n) => {
    const p = presentation(n);
    expect(join(renderMarkdown(p))).toBe(referenceMarkdown(p));
  });
});
