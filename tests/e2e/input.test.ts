/**
 * The input foundation end to end: rosters as offices save them from Excel, read by the built
 * CLI in a scratch folder, with the exit codes, messages and output safety SPEC.md promises.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { checkDigit } from "../../src/core/records/ids.js";
import { type Run, swtalent } from "../helpers/cli.js";

const runs: Run[] = [];

/** Runs swtalent in `cwd`, with an English locale and a fixed today; stdin may be bytes. */
async function run(cwd: string, args: string[], input: string | Buffer = ""): Promise<Run> {
  const out = await swtalent(args, { cwd, input });
  runs.push(out);
  return out;
}

const scratch = () => mkdtempSync(join(tmpdir(), "swtalent-input-"));
const id = (first17: string) => first17 + checkDigit(first17);
const ID1 = id("50022219800101001");
const ID2 = id("50022219850202002");
const ID3 = id("50022219900303003");
const ID4 = id("50022219750404004");
const ID5 = id("50022219950505005");
const BAD_CHECK = ID5.slice(0, 17) + (ID5[17] === "1" ? "2" : "1");

const HEADER = "身份证号,姓名,单位,单位类型,街镇,岗位,证书等级,取证日期,入职日期,离职日期,社会工作室";

/**
 * A roster as Excel on Chinese Windows saves it ("CSV (逗号分隔)"): GBK, CRLF, dates as the
 * cells were formatted (2021/6/1) or as serial numbers (44348). Row numbers are the ones a
 * spreadsheet shows.
 */
const EXCEL_ROWS = [
  HEADER, // 1
  `${ID1},王芳,滨河社区,社区,古南街道,社区党委书记,高级社会工作师,2021/5/31,2015/3/1,,是`, // 2 accepted
  `${ID2},李强,滨河社区,社区,古南街道,专职社区工作者,社会工作师,44348,42064,,是`, // 3 accepted
  `${BAD_CHECK},赵刚,新桥村,村,东溪镇,村委委员,助理社会工作师,2020/1/1,,,是`, // 4 wrong check digit
  `${ID3},"张\n敏",滨河社区,社区,古南街道,网格员,助理社会工作师,2020/1/1,,,是`, // 5 accepted: a two-line cell
  `${ID4},陈静,新桥村,村,东溪镇,村委会主任,社工,2020/1/1,,,是`, // 6 unknown grade
  ``, // 7 blank: skipped, not counted
  `G0007,黄丽,滨河社区,社区,古南街道,专职社区工作者,社会工作师,2020/1/1,2021/3/1,2021/2/1,是`, // 8 end before start
  `G0008,刘洋,滨河社区,社区,古南街道,专职社区工作者,社会工作师,2021/7/6,,,是`, // 9 certificate after today
  `${ID2},李强,滨河社区,社区,古南街道,专职社区工作者,社会工作师,2021/6/1,2015/3/1,,是`, // 10 identical to 3 once read
  `G0010,杨帆,新桥村,村,东溪镇,专职社区工作者,社会工作师,2020/1/1,,,是`, // 11 duplicate id, different rows
  `G0010,杨帆,新桥村,村,东溪镇,专职社区工作者,高级社会工作师,2020/1/1,,,是`, // 12
  `G0012,周敏,新桥村,村`, // 13 too few cells
  `G0013,吴刚,新桥村,村,东溪镇,专职社区工作者,社会工作师,2021/2/30,,,是`, // 14 no such date
];
const EXPECTED_REJECTS: [number, string][] = [
  [4, "check digit"],
  [6, "not a known certificate grade"],
  [8, "end date is before the start date"],
  [9, "certificate date is after 2021-07-05"],
  [11, "same id is in rows 11, 12"],
  [12, "same id is in rows 11, 12"],
  [13, "row has 4 cells but the header has 11"],
  [14, "not a date"],
];

function excelFolder(): { dir: string; roster: string } {
  const dir = scratch();
  writeFileSync(join(dir, "人员名册.csv"), iconv.encode(`${EXCEL_ROWS.join("\r\n")}\r\n`, "gbk"));
  return { dir, roster: "人员名册.csv" };
}

afterAll(() => {
  // SPEC.md: errors are one clear line each, never a stack trace
  for (const r of runs) {
    expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(r.stderr).not.toMatch(/unexpected error/);
  }
});

describe("a GBK roster saved from Excel, read without any flag", () => {
  it("every row is read or rejected with its row number and reason; exit 3 on rejects", async () => {
    const { dir, roster } = excelFolder();
    const r = await run(dir, ["validate", roster, "--format", "json"]);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout);
    expect(out.input).toEqual({ rows: 12, accepted: 4, rejected: 8 });
    expect(out.input.accepted + out.input.rejected).toBe(out.input.rows);
    expect(out.rejected.map((x: any) => x.row)).toEqual(EXPECTED_REJECTS.map(([row]) => row));
    for (const [row, reason] of EXPECTED_REJECTS) {
      const line = r.stderr.split("\n").find((l) => l.startsWith(`人员名册.csv: row ${row}, `));
      expect(line, `row ${row} on stderr`).toContain(reason);
    }
    expect(r.stderr).toMatch(/8 rows rejected .*--allow-rejects/);
    expect(r.stderr).toContain("rows 3 and 10 are identical");
    // the column as the file spells it, with the field it was read as
    expect(r.stderr).toContain('row 6, column 证书等级 (grade), value "社工"');
  });

  it("with --allow-rejects the same problems are reported and the exit code is 0", async () => {
    const { dir, roster } = excelFolder();
    const r = await run(dir, ["validate", roster, "--allow-rejects", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rejected).toHaveLength(8);
    expect(r.stderr).toContain("人员名册.csv: row 14, column 取证日期 (cert_date)");
    expect(r.stderr).not.toMatch(/rows rejected/);
  });

  it("dates written 2021/5/31 and 44348 are read as dates (allowance pays from the month after)", async () => {
    const { dir, roster } = excelFolder();
    const r = await run(dir, ["allowance", roster, "--month", "2021-06", "--format", "json", "--allow-rejects", "--no-mask"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.payees.map((p: any) => [p.id, p.amount])).toEqual([[ID1, 200]]);
    expect(out.not_paid.find((n: any) => n.id === ID2).reason).toBe("grade"); // 44348 is 2021-06-01
  });

  it("--rejects FILE lists every rejected row with its reason, masked, with a BOM", async () => {
    const { dir, roster } = excelFolder();
    const r = await run(dir, ["validate", roster, "--rejects", "rejects.csv", "--format", "json"]);
    expect(r.code).toBe(3);
    const text = readFileSync(join(dir, "rejects.csv"), "utf8");
    expect(text.startsWith("\uFEFFfile,row,field,value,reason\r\n")).toBe(true);
    const lines = text.trimEnd().split("\r\n").slice(1);
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(new RegExp(`^人员名册\\.csv,4,id,${BAD_CHECK.slice(0, 6)}\\*{8}${BAD_CHECK.slice(-4)},.*check digit`));
    expect(lines.map((l) => Number(l.split(",")[1]))).toEqual(EXPECTED_REJECTS.map(([row]) => row));
    expect(text).not.toContain(BAD_CHECK);
    // headers and reasons follow --lang, as every CSV does
    await run(dir, ["validate", roster, "--rejects", "rejects-zh.csv", "--format", "json", "--lang", "zh"]);
    const zh = readFileSync(join(dir, "rejects-zh.csv"), "utf8");
    expect(zh.startsWith("\uFEFF文件,行号,列,内容,问题\r\n")).toBe(true);
    expect(zh).toContain("校验位错误");
  });

  it("--encoding utf-8 on the GBK file is a data error saying what to do", async () => {
    const { dir, roster } = excelFolder();
    const r = await run(dir, ["validate", roster, "--encoding", "utf-8"]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/人员名册\.csv: not valid UTF-8.*--encoding gb18030/);
  });

  it("the same roster from stdin (-)", async () => {
    const { dir } = excelFolder();
    const r = await run(dir, ["validate", "-", "--format", "json"], readFileSync(join(dir, "人员名册.csv")));
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout);
    expect(out.input).toEqual({ rows: 12, accepted: 4, rejected: 8 });
    expect(out.rejected[0].file).toBe("(stdin)");
    expect(r.stderr).toContain("(stdin): row 4, ");
  });

  it('UTF-16 "Unicode text" (tab-separated) gives the same result', async () => {
    const dir = scratch();
    const tsv = EXCEL_ROWS.map((l) => l.replace(/,/g, "\t")).join("\r\n");
    writeFileSync(join(dir, "roster.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, "utf16le")]));
    const out = JSON.parse((await run(dir, ["validate", "roster.txt", "--format", "json"])).stdout);
    expect(out.input).toEqual({ rows: 12, accepted: 4, rejected: 8 });
  });
});

describe("exit codes", () => {
  const dir = scratch();
  writeFileSync(join(dir, "roster.csv"), `id,name,unit,unit_type,town,grade\nG1,王芳,滨河社区,社区,古南街道,社会工作师\n`);

  it.each([
    ["an unknown option", ["validate", "roster.csv", "--bogus"], /unknown option '--bogus'/],
    ["an unknown policy", ["validate", "roster.csv", "--policy", "nowhere-2020"], /unknown policy "nowhere-2020"/],
    ["a missing argument", ["validate"], /missing required argument 'roster'/],
    ["an unknown command", ["frobnicate"], /unknown command/],
    ["an unknown encoding", ["validate", "roster.csv", "--encoding", "latin1"], /unknown encoding "latin1"/],
    ["an unknown format", ["validate", "roster.csv", "--format", "pdf"], /unknown format "pdf"/],
    ["a bad --lang", ["validate", "roster.csv", "--lang", "fr"], /--lang takes zh or en/],
    ["a bad --delimiter", ["validate", "roster.csv", "--delimiter", "ab"], /--delimiter takes one character/],
    ["an .xlsx roster (planned)", ["validate", "roster.xlsx"], /planned/],
    ["--format html (planned, SPEC.md Inputs)", ["validate", "roster.csv", "--format", "html"], /--format html is planned/],
  ])("2 for %s", async (_name, args, message) => {
    const r = await run(dir, args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
  });

  it("3 for a missing required column: one line naming the column and its aliases", async () => {
    writeFileSync(join(dir, "nograde.csv"), "身份证号,姓名,单位,单位类型,街镇\nG1,王芳,滨河社区,社区,古南街道\n");
    const r = await run(dir, ["validate", "nograde.csv"]);
    expect(r.code).toBe(3);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("nograde.csv");
    expect(lines[0]).toContain("grade");
    for (const alias of ["证书等级", "职业水平等级", "资格等级", "持证情况"]) expect(lines[0]).toContain(alias);
  });

  it("3 for a missing file and for an empty file", async () => {
    writeFileSync(join(dir, "empty.csv"), "");
    expect((await run(dir, ["validate", "nowhere.csv"])).code).toBe(3);
    const r = await run(dir, ["validate", "empty.csv"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/empty\.csv: the file is empty/);
  });

  it("4 when --out cannot be written, naming the path", async () => {
    const r = await run(dir, ["validate", "roster.csv", "--out", "no/such/folder/out.csv"]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/cannot write no\/such\/folder\/out\.csv/);
  });

  it("4 when --rejects cannot be written", async () => {
    expect((await run(dir, ["validate", "roster.csv", "--rejects", "no/such/folder/rejects.csv"])).code).toBe(4);
  });

  it("--out naming an input is refused, and the input is left as it was", async () => {
    const before = readFileSync(join(dir, "roster.csv"));
    for (const out of ["roster.csv", "./roster.csv", join(dir, "roster.csv")]) {
      const r = await run(dir, ["validate", "roster.csv", "--out", out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is an input file/);
    }
    const rejects = await run(dir, ["validate", "roster.csv", "--rejects", "roster.csv"]);
    expect(rejects.code).toBe(2);
    expect(rejects.stderr).toMatch(/^swtalent: --rejects roster\.csv is an input file/);
    expect(readFileSync(join(dir, "roster.csv"))).toEqual(before);
  });

  it("--rejects and --out naming the same file is refused", async () => {
    const r = await run(dir, ["validate", "roster.csv", "--out", "same.csv", "--rejects", "same.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--rejects and --out name the same file/);
  });

  it("--out writes the file atomically and nothing else is left behind", async () => {
    const sub = join(dir, "out");
    mkdirSync(sub);
    expect((await run(dir, ["validate", "roster.csv", "--out", "out/check.json"])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(sub, "check.json"), "utf8")).command).toBe("validate");
    expect(readdirSync(sub)).toEqual(["check.json"]);
  });
});

describe("a certificate dated after today: the advice names only options the command has", () => {
  it.each([
    ["validate", [], "en", "certificate date is after 2021-07-05 (today): check the date"],
    ["validate", [], "zh", "取证日期晚于 2021-07-05（今天）：请核对日期"],
    [
      "allowance",
      ["--month", "2021-06"],
      "en",
      "certificate date is after 2021-07-05 (today): correct the date; the allowance counts a certificate from the month after its date",
    ],
    ["allowance", ["--month", "2021-06"], "zh", "取证日期晚于 2021-07-05（今天）：请更正日期；津贴自取证次月起计发"],
    ["audit", [], "en", "certificate date is after 2021-07-05: correct the date, or choose a later --as-of"],
  ])("%s %j --lang %s", async (command, extra, lang, reason) => {
    const { dir, roster } = excelFolder();
    const r = await run(dir, [command, roster, ...(extra as string[]), "--lang", lang, "--allow-rejects", "--format", "json"]);
    expect(r.code).toBe(0);
    const prefix = lang === "zh" ? "人员名册.csv：第 9 行，" : "人员名册.csv: row 9, ";
    const line = r.stderr.split("\n").find((l) => l.startsWith(prefix));
    expect(line?.endsWith(`${lang === "zh" ? "：" : ": "}${reason}`), line).toBe(true);
    const hasAsOf = (await run(dir, [command, "--help"])).stdout.includes("--as-of");
    expect(line!.includes("--as-of")).toBe(hasAsOf);
  });
});

describe("stderr: one whole line per message", () => {
  it("a value with a line break or a carriage return is shown escaped (\\n, \\r)", async () => {
    const dir = scratch();
    writeFileSync(
      join(dir, "roster.csv"),
      [
        "id,name,unit,unit_type,town,grade,role,sw_office",
        `G1,王芳,滨河社区,社区,古南街道,"社会\n工作师",专职社区工作者,是`,
        `G2,李强,滨河社区,社区,古南街道,"高级\r\n社工",专职社区工作者,是`,
        `G3,张敏,滨河社区,"社\r区",古南街道,社会工作师,专职社区工作者,是`,
        `G4,陈静,滨河社区,社区,古南街道,社会工作师,"保\n安",是`,
      ].join("\n"),
    );
    const r = await run(dir, ["validate", "roster.csv", "--format", "json"]);
    expect(r.code).toBe(3);
    // control characters in a cell are shown written out, in JSON as everywhere
    expect(JSON.parse(r.stdout).rejected.map((x: any) => x.value)).toEqual(["社会\\n工作师", "高级\\r\\n社工", "社\\r区"]);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^warning: role "保\\n安" \(1 person\) is not a known role: .*allowance$/);
    expect(lines[1]).toMatch(/^roster\.csv: row 2, column grade, value "社会\\n工作师": not a known certificate grade: .*\)$/);
    expect(lines[2]).toMatch(/^roster\.csv: row 3, column grade, value "高级\\r\\n社工": not a known certificate grade: .*\)$/);
    expect(lines[3]).toMatch(/^roster\.csv: row 4, column unit_type, value "社\\r区": not a known unit type: /);
    expect(lines[4]).toMatch(/^3 rows rejected and left out of the results/);
    expect(r.stderr).not.toContain("\r");
  });

  it("warnings are capped at 50 lines like problems, then how many more; JSON carries them all", async () => {
    const dir = scratch();
    // a community with a social-work office: the role decides the allowance there
    const rows = ["id,name,unit,unit_type,town,grade,role,sw_office"];
    for (let i = 0; i < 51; i++) rows.push(`G${i},人员${i},滨河社区,社区,古南街道,社会工作师,岗位${i},是`); // 51 roles not known
    for (let i = 0; i < 52; i++) rows.push(`R${i},人员${i},滨河社区,社区,古南街道,社工,专职社区工作者,是`); // 52 unknown grades
    writeFileSync(join(dir, "roster.csv"), rows.join("\n"));
    const r = await run(dir, ["validate", "roster.csv", "--format", "json", "--allow-rejects"]);
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("warning: "))).toHaveLength(50);
    expect(lines.filter((l) => l.startsWith("roster.csv: row "))).toHaveLength(50);
    expect(lines[50]).toBe("... and 1 more warning: see --format json");
    expect(lines.at(-1)).toBe("... and 2 more problems: see --rejects FILE or --format json");
    expect(lines).toHaveLength(102);
    const out = JSON.parse(r.stdout);
    expect(out.warnings).toHaveLength(51);
    expect(out.rejected).toHaveLength(52);
    const zh = (await run(dir, ["validate", "roster.csv", "--format", "json", "--allow-rejects", "--lang", "zh"])).stderr.trimEnd().split("\n");
    expect([zh[50], zh.at(-1)]).toEqual(["……另有 1 条警告：见 --format json", "……另有 2 个问题：见 --rejects FILE 或 --format json"]);
    expect((await run(dir, ["validate", "roster.csv", "--format", "json", "--allow-rejects", "--quiet"])).stderr).not.toContain("warning");
  });

  it("200,000 rejected rows are reported, not a stack overflow", async () => {
    const dir = scratch();
    const rows = ["id,name,unit,unit_type,town,grade"];
    for (let i = 0; i < 200_000; i++) rows.push(`G${i},,滨河社区,社区,古南街道,社会工作师`);
    writeFileSync(join(dir, "roster.csv"), rows.join("\n"));
    writeFileSync(join(dir, "units.csv"), "unit,unit_type,town\n滨河社区,社区,古南街道\n");
    const r = await run(dir, ["validate", "roster.csv", "--units", "units.csv", "--format", "csv", "--out", "problems.csv"]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain("... and 199950 more problems");
    expect(r.stderr).toContain("200000 rows rejected");
  }, 60_000);
});

describe("CSV output is safe to open in Excel", () => {
  const dir = scratch();
  // every kind of formula start, half- and full-width, in cells that reach the output
  const people: [string, string][] = [
    ['=HYPERLINK("http://x")', "=滨河社区"],
    ["+1", "+滨河社区"],
    ["-1", "-滨河社区"],
    ["@SUM(A1)", "@滨河社区"],
    ["＝王芳", "＝滨河社区"],
    ["＋王芳", "＋滨河社区"],
    ["－王芳", "－滨河社区"],
    ["＠王芳", "＠滨河社区"],
  ];
  const roster = [
    "身份证号,姓名,单位,单位类型,街镇,岗位,证书等级,社会工作室",
    ...people.map(
      ([name, unit], i) =>
        `${id(`50022219800101${String(i).padStart(3, "0")}`)},"${name.replace(/"/g, '""')}",${unit},社区,古南街道,专职社区工作者,社会工作师,是`,
    ),
    `${id("50022219800101999")},"张\n敏",滨河社区,社区,古南街道,专职社区工作者,社会工作师,是`,
  ].join("\n");
  writeFileSync(join(dir, "roster.csv"), roster);

  it("cells starting with = + - @ and ＝ ＋ － ＠ get a leading '", async () => {
    const r = await run(dir, ["allowance", "roster.csv", "--month", "2021-06", "--format", "csv"]);
    expect(r.code).toBe(0);
    const records = parse(r.stdout, { bom: true }) as string[][];
    expect(records).toHaveLength(1 + people.length + 1);
    const field = (v: string) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    for (const [name, unit] of people) expect(r.stdout).toContain(`,${field(`'${name}`)},${field(`'${unit}`)},`);
    // numbers stay numbers
    expect(records.slice(1).every((l) => l.at(-1) === "100")).toBe(true);
  });

  it("a cell with a line break is one cell of one row, the break written out (\\n)", async () => {
    const r = await run(dir, ["allowance", "roster.csv", "--month", "2021-06", "--format", "csv", "--no-bom"]);
    expect(r.stdout).toContain(",张\\n敏,");
    const records = parse(r.stdout) as string[][];
    expect(records.find((l) => l[1] === "张\\n敏")).toBeDefined();
    expect(new Set(records.map((l) => l.length)).size).toBe(1);
  });

  it("rejected values in --rejects and in validate's CSV are guarded too", async () => {
    writeFileSync(join(dir, "bad.csv"), "id,name,unit,unit_type,town,grade\nG1,王芳,滨河社区,社区,古南街道,=1+2\nG2,李强,滨河社区,社区,古南街道,＠x\n");
    const r = await run(dir, ["validate", "bad.csv", "--format", "csv", "--rejects", "rejects.csv"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain(",grade,'=1+2,");
    expect(r.stdout).toContain(",grade,'＠x,");
    const rejects = readFileSync(join(dir, "rejects.csv"), "utf8");
    expect(rejects).toContain(",grade,'=1+2,");
  });
});

describe("privacy and encoding of outputs", () => {
  const dir = scratch();
  writeFileSync(
    join(dir, "roster.csv"),
    [
      "身份证号,姓名,单位,单位类型,街镇,证书等级",
      `${ID1},王芳,滨河社区,社区,古南街道,社会工作师`,
      `${ID1},王芳,滨河社区,社区,古南街道,社会工作师`,
      `${BAD_CHECK},赵刚,新桥村,村,东溪镇,社会工作师`,
      `500222800101001,老刘,新桥村,村,东溪镇,社会工作师`,
      `500222800101001,老刘,新桥村,村,东溪镇,社会工作师`,
      `G0001,工号人员,新桥村,村,东溪镇,社会工作师`,
      `G0001,工号人员,新桥村,村,东溪镇,助理社会工作师`,
    ].join("\n"),
  );
  const masked = (x: string) => `${x.slice(0, 6)}${"*".repeat(x.length - 10)}${x.slice(-4)}`;

  it("resident IDs are masked by default in JSON, CSV and messages; 工号 are shown as they are", async () => {
    const json = await run(dir, ["validate", "roster.csv", "--format", "json", "--allow-rejects"]);
    const csv = await run(dir, ["validate", "roster.csv", "--format", "csv", "--allow-rejects"]);
    for (const r of [json, csv]) {
      const all = r.stdout + r.stderr;
      expect(all).not.toContain(ID1);
      expect(all).not.toContain(BAD_CHECK);
      expect(all).toContain("G0001");
    }
    expect(json.stderr).toContain(masked(ID1)); // the identical-rows warning
    expect(json.stdout).toContain(masked(BAD_CHECK));
    // a 15-digit old ID too
    expect(json.stdout).toContain("500222*****1001");
    expect(json.stdout + json.stderr).not.toContain("500222800101001");
  });

  it("an ID typed with a lower-case x or full-width digits is masked in the rejection too (stderr, JSON, --rejects)", async () => {
    const lower = `${BAD_CHECK.slice(0, 17)}x`;
    const wide = ID1.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const sub = scratch();
    writeFileSync(
      join(sub, "roster.csv"),
      ["身份证号,姓名,单位,单位类型,街镇,证书等级", `${lower},甲,新桥村,村,东溪镇,社会工作师`, `${wide},乙,新桥村,村,东溪镇,未知等级`].join("\n"),
    );
    const r = await run(sub, ["validate", "roster.csv", "--format", "json", "--allow-rejects", "--rejects", "rejects.csv"]);
    const all = r.stdout + r.stderr + readFileSync(join(sub, "rejects.csv"), "utf8");
    expect(all).not.toContain(lower);
    expect(all).not.toContain(wide);
    expect(all).not.toContain(wide.normalize("NFKC"));
    expect(all).toContain(`${lower.slice(0, 6)}********${lower.slice(14, 17)}X`);
  });

  it("--no-mask shows them in full", async () => {
    const r = await run(dir, ["validate", "roster.csv", "--format", "json", "--allow-rejects", "--no-mask"]);
    expect(r.stdout).toContain(BAD_CHECK);
    expect(r.stderr).toContain(ID1);
  });

  it("CSV starts with a UTF-8 BOM unless --no-bom; JSON never has one", async () => {
    expect((await run(dir, ["validate", "roster.csv", "--format", "csv", "--allow-rejects"])).stdout.startsWith("\uFEFF")).toBe(true);
    const noBom = (await run(dir, ["validate", "roster.csv", "--format", "csv", "--allow-rejects", "--no-bom"])).stdout;
    expect(noBom.startsWith("file,")).toBe(true);
    expect((await run(dir, ["validate", "roster.csv", "--format", "json", "--allow-rejects"])).stdout.startsWith("{")).toBe(true);
    await run(dir, ["validate", "roster.csv", "--allow-rejects", "--out", "v.csv"]);
    expect(readFileSync(join(dir, "v.csv")).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe("the JSON envelope", () => {
  it("input, files, rejected and warnings, with accepted + rejected = rows for every file", async () => {
    const { dir, roster } = excelFolder();
    writeFileSync(join(dir, "units.csv"), "单位名称,单位类型,所属街镇,社会工作室\n滨河社区,社区,古南街道,是\n新桥村,村,东溪镇,是\n新桥村,村,东溪镇,否\n");
    const r = await run(dir, ["validate", roster, "--units", "units.csv", "--format", "json"]);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(["command", "policy", "input", "files", "rejected", "warnings"]));
    expect(out.policy).toEqual({ id: "qijiang-2020", document: "綦江民发〔2020〕60号" });
    expect(out.files.map((f: any) => f.file)).toEqual(["人员名册.csv", "units.csv"]);
    for (const f of out.files) expect(f.accepted + f.rejected).toBe(f.rows);
    expect(out.input).toEqual({ rows: out.files[0].rows, accepted: out.files[0].accepted, rejected: out.files[0].rejected });
    for (const x of out.rejected) {
      expect(Object.keys(x).sort()).toEqual(["field", "file", "reason", "row", "value"]);
      expect(x.reason).not.toBe("");
    }
    expect(out.rejected.filter((x: any) => x.file === "units.csv").map((x: any) => x.row)).toEqual([3, 4]);
    expect(out.warnings.every((w: unknown) => typeof w === "string")).toBe(true);
  });
});

describe("templates", () => {
  it.each(["zh", "en"])("template --lang %s, then validate on its files, passes", async (lang) => {
    const dir = scratch();
    expect((await run(dir, ["template", "--lang", lang])).code).toBe(0);
    const [roster, units, training] = lang === "zh" ? ["人员名册.csv", "单位信息.csv", "培训记录.csv"] : ["roster.csv", "units.csv", "training.csv"];
    const alone = await run(dir, ["validate", roster, "--format", "json"]);
    expect(alone.code).toBe(0);
    expect(JSON.parse(alone.stdout).input).toEqual({ rows: 1, accepted: 1, rejected: 0 });
    const all = await run(dir, ["validate", roster, "--units", units, "--training", training, "--format", "json"]);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout).rejected).toEqual([]);
  });

  it("template --dir creates the folder, parents included, when it does not exist", async () => {
    const dir = scratch();
    const r = await run(dir, ["template", "--dir", "new/templates", "--lang", "en"]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, "new", "templates")).sort()).toEqual(["roster.csv", "training.csv", "units.csv"]);
  });

  it("template --dir naming a file is an output error", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "taken"), "");
    const r = await run(dir, ["template", "--dir", "taken/templates"]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/cannot create the folder taken\/templates/);
  });

  it("template never overwrites a file", async () => {
    const dir = scratch();
    await run(dir, ["template", "--lang", "zh"]);
    const r = await run(dir, ["template", "--lang", "zh"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exist/);
  });
});
