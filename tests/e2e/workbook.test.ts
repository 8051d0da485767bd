/**
 * Workbooks as offices keep them (SPEC.md "Inputs", "Spreadsheets as offices keep them"):
 * every command gives the same figures from the example district's workbook as from its CSV
 * files, and each case of the section has its own small workbook built here.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsx, writeXlsx } from "hucre";
import { describe, expect, it } from "vitest";
import { ROOT, json, spawnSwtalent, swtalent } from "../helpers/cli.js";
import { type BookSpec, type Cell, serial1900, xls, xlsx } from "../helpers/workbook.js";

const FIXTURES = join(ROOT, "fixtures");

/** A CSV fixture's rows as text cells. */
function csvRows(name: string): string[][] {
  return readFileSync(join(FIXTURES, name), "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l !== "")
    .map((l) => l.split(","));
}

const dir = mkdtempSync(join(tmpdir(), "swtalent-workbook-"));
writeFileSync(join(dir, "units.xlsx"), xlsx({ sheets: [{ name: "单位信息", rows: csvRows("单位信息.csv") }] }));
writeFileSync(
  join(dir, "training.xls"),
  xls({
    sheets: [
      { name: "说明", rows: [["培训记录，每次培训一行"]] },
      { name: "培训记录", rows: csvRows("培训记录.csv") },
    ],
  }),
);
writeFileSync(join(dir, "paid.xlsx"), xlsx({ sheets: [{ name: "已发", rows: csvRows("已发津贴.csv") }] }));

/** The figures of a JSON report: everything but what says which files were read and what was warned. */
function figures(r: { stdout: string }): unknown {
  const { input: _input, files: _files, warnings: _warnings, ...rest } = JSON.parse(r.stdout);
  return rest;
}

const CSV = { roster: "fixtures/人员名册.csv", units: "fixtures/单位信息.csv", training: "fixtures/培训记录.csv", paid: "fixtures/已发津贴.csv" };
const BOOK = { roster: "fixtures/人员名册.xlsx", units: join(dir, "units.xlsx"), training: join(dir, "training.xls"), paid: join(dir, "paid.xlsx") };

describe("the example district read from workbooks gives the same figures as from its CSV files", () => {
  const commands: [string, (f: typeof CSV) => string[]][] = [
    ["audit", (f) => ["audit", f.roster, "--units", f.units, "--as-of", "2021-12-31"]],
    ["allowance --month 2021-06", (f) => ["allowance", f.roster, "--units", f.units, "--month", "2021-06"]],
    ["allowance --paid", (f) => ["allowance", f.roster, "--units", f.units, "--from", "2021-01", "--to", "2021-06", "--paid", f.paid]],
    ["training", (f) => ["training", f.roster, f.training, "--units", f.units, "--as-of", "2021-12-31"]],
    ["validate", (f) => ["validate", f.roster, "--units", f.units, "--training", f.training]],
  ];
  it.each(commands)("%s", async (_name, args) => {
    const fromCsv = await swtalent([...args(CSV), "--format", "json"]);
    const fromBook = await swtalent([...args(BOOK), "--format", "json"]);
    expect(fromCsv.code).toBe(0);
    expect(fromBook.code).toBe(0);
    expect(figures(fromBook)).toEqual(figures(fromCsv));
    expect(json(fromBook).input).toEqual(json(fromCsv).input);
  });

  it("the workbook's 说明 sheet, title row and 合计 row are named in warnings, not rejected", async () => {
    const r = await swtalent(["validate", BOOK.roster, "--units", CSV.units, "--format", "json"]);
    expect(json(r).input).toEqual({ rows: 78, accepted: 78, rejected: 0 });
    const about = json(r).warnings.filter((w: string) => w.startsWith("fixtures/人员名册.xlsx"));
    expect(about).toEqual([
      'fixtures/人员名册.xlsx: read sheet "人员名册" (sheet 2 of 2); choose another with --sheet NAME or --sheet N',
      'fixtures/人员名册.xlsx: row 1 above the header (row 2) skipped: "綦江区社会工作专业人才花名册"',
      "fixtures/人员名册.xlsx: row 82 (合计) ends the table; 1 row below it not read",
    ]);
  });
});

const HEADER = ["身份证号", "姓名", "单位", "单位类型", "证书等级", "取证日期"];
const WANG: Cell[] = ["500222199001010015", "王芳", "滨河社区", "社区", "社会工作师", { serial: serial1900(2020, 6, 1), fmt: 31 }];

function book(name: string, spec: BookSpec, as: "xlsx" | "xls" = "xlsx"): string {
  const path = join(dir, name);
  writeFileSync(path, as === "xlsx" ? xlsx(spec) : xls(spec));
  return path;
}

describe("--sheet NAME|N, and the sheet read by default", () => {
  const path = book("sheets.xlsx", {
    sheets: [
      { name: "说明", rows: [["说明"]] },
      { name: "旧表", hidden: true, rows: [HEADER, WANG] },
      { name: "名册", rows: [HEADER, WANG, ["G2", "李强", "新桥村", "村", "无", null]] },
    ],
  });

  it("by default the first shown sheet whose header names the columns, named in a warning; a hidden sheet never", async () => {
    const r = await swtalent(["validate", path, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(json(r).input.rows).toBe(2);
    expect(json(r).warnings[0]).toBe(`${path}: read sheet "名册" (sheet 3 of 3); choose another with --sheet NAME or --sheet N`);
  });

  it.each([["旧表"], ["2"]])("--sheet %s reads that sheet, hidden or not, and no warning is needed", async (sheet) => {
    const r = await swtalent(["validate", path, "--sheet", sheet, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(json(r).input.rows).toBe(1);
    expect(json(r).warnings).toEqual([]);
  });

  it("a sheet that is not there: exit 2 listing the sheets there are", async () => {
    const r = await swtalent(["validate", path, "--sheet", "花名册"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `swtalent: ${path}: there is no sheet "花名册"; its sheets are: 1 说明, 2 旧表 (hidden), 3 名册; give --sheet one of these names or numbers\n`,
    );
    expect((await swtalent(["validate", path, "--sheet", "4"])).code).toBe(2);
  });

  it("a workbook on standard input (-) is known by its bytes", async () => {
    const r = await swtalent(["validate", "-", "--format", "json"], { input: readFileSync(path) });
    expect(r.code).toBe(0);
    expect(json(r).input.rows).toBe(2);
  });

  it("an .xls saved by WPS as .et is read by its bytes", async () => {
    const et = book("名册.et", { sheets: [{ name: "名册", rows: [HEADER, WANG] }] }, "xls");
    const r = await swtalent(["validate", et, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(json(r).input).toEqual({ rows: 1, accepted: 1, rejected: 0 });
  });
});

describe("IDs stored as numbers are rejected with SPEC's sentence, never guessed", () => {
  const SENTENCE = "this ID was stored as a number and Excel cut its last digits: format the column as text and type the IDs again";
  it.each([
    ["xlsx", "xlsx" as const],
    ["xls", "xls" as const],
  ])("a number, its text as Excel shows it, or 18 digits ending in 000 with a wrong check digit (%s)", async (_n, as) => {
    const path = book(
      `ids.${as}`,
      {
        sheets: [
          {
            name: "名册",
            rows: [
              HEADER,
              [500222199001011000, ...WANG.slice(1)],
              ["5.00222E+17", ...WANG.slice(1)],
              ["500222199001011000", ...WANG.slice(1)],
              ["G7", ...WANG.slice(1)],
            ],
          },
        ],
      },
      as,
    );
    const r = await swtalent(["validate", path, "--format", "json", "--allow-rejects"]);
    const rejected = json(r).rejected;
    expect(rejected.map((x: any) => [x.row, x.field, x.reason])).toEqual([
      [2, "id", SENTENCE],
      [3, "id", SENTENCE],
      [4, "id", SENTENCE],
    ]);
    expect(rejected[0].value).toBe("5.00222E+17");
    expect(json(r).input).toEqual({ rows: 4, accepted: 1, rejected: 3 });
  });
});

describe("typed cells", () => {
  it("a formula saved without its value rejects its row: the workbook must be saved by a spreadsheet program first", async () => {
    const path = book("formula.xlsx", {
      sheets: [
        {
          name: "名册",
          rows: [
            [...HEADER, "离职日期"],
            [...WANG, { formula: "DATE(2021,5,31)" }],
            ["G2", "李强", "新桥村", "村", { formula: 'IF(1,"无","")', cached: "无" }, null],
          ],
        },
      ],
    });
    const r = await swtalent(["validate", path, "--format", "json", "--allow-rejects"]);
    expect(json(r).rejected).toEqual([
      {
        file: path,
        row: 2,
        field: "end_date",
        value: "",
        reason: "a formula with no saved value: the workbook must be saved by a spreadsheet program first (open it in Excel or WPS, save it, and run again)",
      },
    ]);
    expect(json(r).input).toEqual({ rows: 2, accepted: 1, rejected: 1 });
  });

  it.each([["Asia/Shanghai"], ["UTC"], ["America/Los_Angeles"]])("a date cell is its calendar day under TZ=%s", (tz) => {
    const late = serial1900(2021, 7, 6) + 0.99; // 23:45 on 6 July, in a date-and-time cell
    const path = book(`dates-${tz.replace("/", "-")}.xlsx`, {
      sheets: [
        {
          name: "名册",
          rows: [
            HEADER,
            WANG,
            ["G2", "李强", "新桥村", "村", "社会工作员", { serial: late, fmt: 14 }],
            ["G3", "张敏", "东溪", "村", "社会工作员", { serial: serial1900(2021, 7, 5), fmt: 58 }],
          ],
        },
      ],
    });
    const r = spawnSwtalent(["validate", path, "--format", "json", "--allow-rejects"], { env: { TZ: tz } });
    // today is 2021-07-05: the certificate of 6 July is in the future, that of 5 July is not
    expect(json(r).rejected.map((x: any) => [x.row, x.value])).toEqual([[3, "2021-07-06"]]);
  });
});

describe("a workbook that cannot be read is exit 3 with one line naming the file", () => {
  const cases: [string, () => Buffer | Promise<Uint8Array>, RegExp][] = [
    ["damaged", () => xlsx({ sheets: [{ name: "名册", rows: [HEADER, WANG] }] }).subarray(0, 700), /^swtalent: \S+bad\.xlsx: cannot be read as a workbook/],
    ["empty", () => Buffer.alloc(0), /^swtalent: \S+bad\.xlsx: the file is empty/],
    ["not a workbook inside", () => Buffer.from("身份证号,姓名\nG1,王芳\n"), /^swtalent: \S+bad\.xlsx: is not a workbook/],
    [
      "password-protected",
      () => writeXlsx({ sheets: [{ name: "名册", rows: [HEADER] }], encryption: { password: "secret", spinCount: 10 } }),
      /^swtalent: \S+bad\.xlsx: the workbook is password-protected/,
    ],
    ["a workbook with no rows", () => xlsx({ sheets: [{ name: "名册", rows: [] }] }), /^swtalent: \S+bad\.xlsx: sheet "名册" is empty/],
  ];
  it.each(cases)("%s", async (_name, bytes, message) => {
    const path = join(dir, `${_name.replace(/\W/g, "-")}-bad.xlsx`);
    writeFileSync(path, await bytes());
    const r = await swtalent(["validate", path]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("CSV kept as offices keep it: a title row, a two-row header, a 合计 row", () => {
  it("reads the people and says what it skipped", async () => {
    const csv = [
      "綦江区社会工作专业人才花名册,,,,,,",
      "序号,身份证号,姓名,单位,单位类型,证书情况,",
      ",,,,,等级,取证日期",
      "1,500222199001010015,王芳,滨河社区,社区,社会工作师,2020-06-01",
      "2,G2,李强,新桥村,村,无,",
      "合计,2人,,,,,",
      "填表人：李华,,,,,,",
    ].join("\r\n");
    const path = join(dir, "office.csv");
    writeFileSync(path, `\uFEFF${csv}\r\n`);
    const r = await swtalent(["validate", path, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(json(r).input).toEqual({ rows: 2, accepted: 2, rejected: 0 });
    expect(json(r).warnings).toEqual([
      `${path}: row 1 above the header (row 2) skipped: "綦江区社会工作专业人才花名册"`,
      `${path}: row 6 (合计) ends the table; 1 row below it not read`,
    ]);
  });
});

describe("template --format xlsx: the three templates as one workbook", () => {
  it.each([
    ["zh", "填报模板.xlsx", ["单位信息", "培训记录", "人员名册"]],
    ["en", "templates.xlsx", ["units", "training", "roster"]],
  ])("--lang %s: a sheet each, the id column as text, read back by validate with no rejection", async (lang, name, sheets) => {
    const out = mkdtempSync(join(tmpdir(), "swtalent-template-"));
    const made = await swtalent(["template", "--format", "xlsx", "--lang", lang, "--dir", out]);
    expect(made.code).toBe(0);
    expect(made.stderr).toBe(`wrote ${join(out, name)}\n`);
    const wb = await readXlsx(readFileSync(join(out, name)), { readStyles: true });
    expect(wb.sheets.map((s) => s.name)).toEqual(sheets);
    for (const s of wb.sheets) {
      expect(s.rows).toHaveLength(2);
      const idColumn = s.rows[0]!.findIndex((h) => h === "身份证号" || h === "id");
      if (idColumn !== -1) {
        expect(typeof s.rows[1]![idColumn]).toBe("string");
        expect(s.rows[1]![idColumn]).toMatch(/^\d{17}[\dX]$/);
      }
    }
    const path = join(out, name);
    const r = await swtalent(["validate", path, "--units", path, "--training", path, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(json(r).files.map((f: any) => [f.rows, f.rejected])).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
    expect((await swtalent(["template", "--format", "xlsx", "--lang", lang, "--dir", out])).code).toBe(2);
  });
});
