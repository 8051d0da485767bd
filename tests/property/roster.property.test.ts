/**
 * No row is ever dropped silently (SPEC.md "Bad input"): for arbitrary rosters, junk included,
 * every row is accepted or rejected with a reason, and a rerun gives the same bytes.
 * The whole input path runs in-process: decode, table, header, rows, envelope.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { parseDay } from "../../src/core/dates.js";
import { checkDigit } from "../../src/core/records/ids.js";
import { quietRuntime } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "swtalent-roster-prop-"));
const TODAY = parseDay("2021-07-05")!;

const good = (first17: string) => first17 + checkDigit(first17);
const wrong = (first17: string) => first17 + (checkDigit(first17) === "0" ? "1" : "0");
const FIELDS = [
  "身份证号",
  "姓名",
  "单位",
  "单位类型",
  "街镇",
  "岗位",
  "证书等级",
  "取证日期",
  "入职日期",
  "离职日期",
  "社会工作室",
  "岗位总数",
  "专业技术岗位等级",
];

const cells = {
  身份证号: fc.constantFrom(
    good("50022219800101001"),
    good("50022219850202002"),
    good("11010519491231002"), // ends in X
    good("11010519491231002").toLowerCase(),
    wrong("50022219900303003"),
    "500222800101001",
    "G0001",
    "G0002",
    "00123",
    "1.10105E+17",
    "",
  ),
  姓名: fc.constantFrom("王芳", "李强", "", "=cmd|' /C calc'!A0", '含"引号', "逗,号", "换\n行", "＠某"),
  单位: fc.constantFrom("滨河社区", "新桥村", "古南街道办事处", "", "-单位"),
  单位类型: fc.constantFrom("社区", "村", "街道办事处", "机关", "", "小区", "URBAN_COMMUNITY"),
  街镇: fc.constantFrom("古南街道", "东溪镇", "", " "),
  岗位: fc.constantFrom("社区党委书记", "专职社区工作者", "网格员", "兼职", "保安", ""),
  证书等级: fc.constantFrom("高级社会工作师", "社会工作师", "社会工作师 ", "助理社会工作师", "社会工作员", "", "无", "社工", "Senior Social Worker", "=1+1"),
  取证日期: fc.constantFrom("", "2021/6/1", "44348", "2021年6月1日", "2021-02-30", "2022-01-01", "2021", "去年"),
  入职日期: fc.constantFrom("", "2015-03-01", "2021/7/1", "abc"),
  离职日期: fc.constantFrom("", "2015-02-01", "2021-12-31", "20210230"),
  社会工作室: fc.constantFrom("是", "否", "", "有", "N", "不知道"),
  岗位总数: fc.constantFrom("", "0", "12", "-1", "1.5", "十"),
  专业技术岗位等级: fc.constantFrom("", "11", "十一级", "十三级", "14"),
};

/** A data row: the right cells, or a row of the wrong length now and then. */
const rowArb = fc.tuple(fc.record(cells), fc.constantFrom("ok", "ok", "ok", "ok", "ok", "ok", "short", "long", "blank")).map(([r, shape]): string[] => {
  const row = FIELDS.map((f) => r[f as keyof typeof r]);
  if (shape === "short") return row.slice(0, 4);
  if (shape === "long") return [...row, "多余"];
  if (shape === "blank") return FIELDS.map(() => "");
  return row;
});

/** Rows, some of them repeated further down (identical duplicates, or conflicting with others). */
const rosterArb = fc
  .record({
    rows: fc.array(rowArb, { maxLength: 25 }),
    repeat: fc.nat(6),
    gbk: fc.boolean(),
    bom: fc.boolean(),
    crlf: fc.boolean(),
  })
  .map(({ rows, repeat, ...how }) => ({ rows: [...rows, ...rows.slice(0, repeat)], ...how }));

/**
 * The spreadsheet row number of each record: the header is row 1, blank rows keep their
 * number; blank rows are counted up to the last row of data (those under it are nothing).
 */
function rowNumbers(rows: string[][]): { data: number[]; blank: number } {
  const data: number[] = [];
  let blank = 0;
  let pending = 0;
  rows.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) pending++;
    else {
      blank += pending;
      pending = 0;
      data.push(i + 2);
    }
  });
  return { data, blank };
}

let seq = 0;

function write(r: { rows: string[][]; gbk: boolean; bom: boolean; crlf: boolean }): string {
  // a cell with any line break is quoted, as Excel writes it: unquoted, a lone LF or CR ends the row
  const text = stringify([FIELDS, ...r.rows], { record_delimiter: r.crlf ? "\r\n" : "\n", quoted_match: /[\r\n]/ });
  const path = join(dir, `roster-${++seq}.csv`);
  const bytes = r.gbk ? iconv.encode(text, "gbk") : Buffer.from((r.bom ? "\uFEFF" : "") + text, "utf8");
  writeFileSync(path, bytes);
  return path;
}

async function validate(path: string, out: string): Promise<{ code: number; json: any; bytes: Buffer; stderr: string[] }> {
  const stderr: string[] = [];
  const rt = quietRuntime(TODAY, stderr);
  const code = await main(["node", "swtalent", "validate", path, "--format", "json", "--out", out, "--allow-rejects"], rt);
  const bytes = readFileSync(out);
  return { code, json: JSON.parse(bytes.toString("utf8")), bytes, stderr };
}

describe("every row is accepted or rejected with a reason", () => {
  it("accepted + rejected = rows, every rejected row is listed with a reason, and a rerun is byte-identical", async () => {
    await fc.assert(
      fc.asyncProperty(rosterArb, async (roster) => {
        const path = write(roster);
        const first = await validate(path, `${path}.1.json`);
        expect(first.code).toBe(0);
        const { input, rejected, files } = first.json;
        const { data, blank } = rowNumbers(roster.rows);

        expect(input.rows).toBe(data.length);
        expect(input.accepted + input.rejected).toBe(input.rows);
        expect(files).toEqual([{ file: path, ...input }]);

        const rejectedRows = new Set<number>(rejected.map((x: any) => x.row));
        expect(rejectedRows.size).toBe(input.rejected);
        for (const row of rejectedRows) expect(data).toContain(row);
        for (const x of rejected) {
          expect(x.file).toBe(path);
          expect(typeof x.reason).toBe("string");
          expect(x.reason).not.toBe("");
          expect(x.reason).not.toMatch(/^[a-z_]+$/); // words, not a bare code
          expect(x.reason).not.toContain("undefined");
        }
        // rejected rows are listed in row order
        const order = rejected.map((x: any) => x.row);
        expect(order).toEqual([...order].sort((a: number, b: number) => a - b));
        if (blank > 0) expect(first.json.warnings.join("\n")).toContain(blank === 1 ? "1 blank row skipped" : `${blank} blank rows skipped`);

        const again = await validate(path, `${path}.2.json`);
        expect(again.bytes.equals(first.bytes)).toBe(true);
        expect(again.stderr).toEqual(first.stderr);
      }),
      { numRuns: 100 },
    );
  });

  it("a row whose every cell is valid and whose id is unique is accepted", async () => {
    const rows = [
      [good("50022219800101001"), "王芳", "滨河社区", "社区", "古南街道", "社区党委书记", "社会工作师", "2021/6/1", "44348", "", "是", "3", "十一级"],
      ["G0001", "李强", "新桥村", "村", "东溪镇", "专职社区工作者", "", "", "", "", "", "", ""],
    ];
    const path = write({ rows, gbk: true, bom: false, crlf: true });
    const r = await validate(path, `${path}.json`);
    expect(r.json.input).toEqual({ rows: 2, accepted: 2, rejected: 0 });
  });
});
