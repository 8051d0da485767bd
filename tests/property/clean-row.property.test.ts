/**
 * The differential test of the roster's two paths (core/records/clean-row.ts): a roster full of
 * bad rows is read with the short path for clean rows and with every row through the checked
 * path, and the two must agree in everything: people, units, rejections with their rows and
 * messages, warnings, counts, and the audit and payroll made from them, as JSON.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDay } from "../../src/core/dates.js";
import { mapHeader } from "../../src/core/records/header.js";
import { CleanRows } from "../../src/core/records/clean-row.js";
import { checkDigit } from "../../src/core/records/ids.js";
import { PersonTable } from "../../src/core/records/person-table.js";
import { RosterBuilder, type RosterResult, rosterColumnsRequired } from "../../src/core/records/roster.js";
import { TrainingReader } from "../../src/core/records/training.js";
import type { Unit } from "../../src/core/records/types.js";
import { normalisers } from "../../src/core/records/vocab.js";
import { payroll, payrollUnits } from "../../src/core/rules/allowance.js";
import { audit, auditUnits, servingFromTable } from "../../src/core/rules/audit.js";
import { byUnitOfTable } from "../../src/core/rules/by-unit.js";
import { loadPolicy } from "../../src/io/policies.js";
import { unit } from "../helpers/records.js";

const policy = loadPolicy("qijiang-2020");
const LATEST = parseDay("2021-07-05")!;

const good = (first17: string) => first17 + checkDigit(first17);
const wrong = (first17: string) => first17 + (checkDigit(first17) === "0" ? "1" : "0");

/** Each column with cells clean and not: whitespace, controls, full-width forms, unknown words, bad dates. */
const COLUMNS = {
  身份证号: [
    "many",
    good("50022219800101001"),
    good("50022219850202002"),
    good("50022219900303003"),
    good("11010519491231002"),
    good("11010519491231002").toLowerCase(),
    ` ${good("50022219800101001")}`,
    `${good("50022219800101001").slice(0, 6)} ${good("50022219800101001").slice(6)}`,
    wrong("50022219900303003"),
    good("50022219800230001"),
    "500222800101001",
    "500222198001010000",
    "G0001",
    "5.00222E+17",
    "",
  ],
  姓名: ["王芳", "李强", " 王芳", "王芳\u3000", "王\u0000芳", "王\t芳", "", "=1+1", "Anne\u2028Lee"],
  单位: ["滨河社区", "新桥村", "古南街道办事处", " 滨河社区", "无名单位", "", "滨河社区\u00a0"],
  单位类型: ["社区", "村", "街道办事处", "", "小区"],
  街镇: ["古南街道", "", " "],
  社会工作室: ["是", "否", "", "不知道"],
  岗位总数: ["", "12", "十"],
  岗位: ["社区党委书记", "专职社区工作者", "网格员", "保安", "", " 网格员", "网格\u0007员"],
  证书等级: ["高级社会工作师", "社会工作师", "社会工作师 ", "助理社会工作师", "", "无", "社工", "ＳＯＣＩＡＬ"],
  取证日期: [
    "",
    "2021-06-01",
    "2021/6/1",
    "44348",
    "2021年6月1日",
    "2021\t年6月1日",
    "2021-02-30",
    "2022-01-01",
    "2021-07-05",
    "2021-07-06",
    " 2021-06-01",
    "2021-6-1",
    "2021-06-01 08:00",
    "２０２１-06-01",
  ],
  社工专业学历: ["", "本科", "硕士", "博士", "大专", "中专", "初中"],
  是否专职: ["", "是", "否", "N", "也许"],
  入职日期: ["", "2015-03-01", "2021-07-01", "20150301", "abc"],
  离职日期: ["", "2015-02-01", "2021-12-31", "20210230"],
  出生日期: ["", "1980-01-01", "1980-13-01"],
  专业技术岗位层级: ["", "初级", "中级", "特级"],
  专业技术岗位等级: ["", "11", "十一级", "十四级"],
} as const;

type Column = keyof typeof COLUMNS;
const ALL = Object.keys(COLUMNS) as Column[];
const REQUIRED: Column[] = ["身份证号", "姓名", "单位", "证书等级"];

/** A header: the required columns and any of the others, in some order. */
const headerArb = fc
  .subarray(ALL.filter((c) => !REQUIRED.includes(c)))
  .chain((more) => fc.shuffledSubarray([...REQUIRED, ...more], { minLength: REQUIRED.length + more.length }));

/** Rows mostly clean (the first of each column's cells), some not; now and then too short, too long, repeated. */
function rowsArb(header: Column[]) {
  // "many": one of a thousand valid resident IDs, so that most rows are people of their own
  const manyIds = fc.nat(999).map((n) => good(`50022219800101${String(n).padStart(3, "0")}`));
  const pick = (cells: readonly string[]) => fc.constantFrom(...cells).chain((v) => (v === "many" ? manyIds : fc.constant(v)));
  const cell = (c: Column) => fc.oneof({ weight: 3, arbitrary: pick(COLUMNS[c].slice(0, 3)) }, { weight: 1, arbitrary: pick(COLUMNS[c]) });
  const row = fc
    .tuple(fc.tuple(...header.map(cell)), fc.constantFrom("ok", "ok", "ok", "ok", "short", "long", "long-blank"))
    .map(([cells, shape]): string[] => {
      if (shape === "short") return cells.slice(0, 2);
      if (shape === "long") return [...cells, "多余"];
      if (shape === "long-blank") return [...cells, ""];
      return cells;
    });
  return fc.tuple(fc.array(row, { maxLength: 30 }), fc.nat(5)).map(([rows, repeat]) => [...rows, ...rows.slice(0, repeat)]);
}

const KNOWN: Map<string, Unit> = new Map([
  ["滨河社区", unit({ name: "滨河社区", type: "urban_community" })],
  ["新桥村", unit({ name: "新桥村", type: "village", town: "东溪镇" })],
]);

function columnsOf(header: Column[], knownUnits: Map<string, Unit> | null) {
  return mapHeader("roster.csv", header, policy.vocabulary.columns.roster, rosterColumnsRequired(knownUnits !== null));
}

/** How many of the rows the short path reads itself. */
function cleanCount(header: Column[], rows: string[][], knownUnits: Map<string, Unit> | null): number {
  const clean = new CleanRows({
    columns: columnsOf(header, knownUnits).columns,
    width: header.length,
    norm: normalisers(policy.vocabulary),
    latestCertDate: LATEST,
    knownUnits,
    noAttributes: {},
    strings: new PersonTable(),
  });
  return rows.filter((cells, i) => clean.read(cells, i + 2) !== null).length;
}

function read(header: Column[], rows: string[][], knownUnits: Map<string, Unit> | null, checkedOnly: boolean): RosterResult {
  const h = columnsOf(header, knownUnits);
  const b = new RosterBuilder({
    file: "roster.csv",
    policy,
    columns: h.columns,
    width: header.length,
    latestCertDate: LATEST,
    roleMatters: () => true,
    knownUnits,
    checkedOnly,
  });
  for (const [i, cells] of rows.entries()) b.add(cells, i + 2);
  return b.finish();
}

/** What a roster read gives, as plain data: its people made from the table. */
function plain({ people, units, rejected, warnings, count }: RosterResult) {
  return { people, units, rejected, warnings, count };
}

const caseArb = headerArb.chain((header) => fc.record({ header: fc.constant(header), rows: rowsArb(header), units: fc.boolean() }));

describe("the short path for clean rows and the checked path agree", () => {
  it("on rosters full of bad rows: the same records, rejections, warnings, audit and payroll", () => {
    let clean = 0;
    let tried = 0;
    fc.assert(
      fc.property(caseArb, ({ header, rows, units }) => {
        const knownUnits = units ? KNOWN : null;
        // a header the roster lacks a required column of is no roster to read
        if (!header.includes("单位类型") && knownUnits === null) return;
        const short = read(header, rows, knownUnits, false);
        const checked = read(header, rows, knownUnits, true);
        expect(plain(short)).toEqual(plain(checked));
        const asOf = parseDay("2021-06-30")!;
        const audited = JSON.stringify(audit(policy, checked.people, checked.units, asOf));
        expect(JSON.stringify(audit(policy, short.people, short.units, asOf))).toBe(audited);
        // the audit command's way: a unit's people made from the table as it is judged
        expect(JSON.stringify(auditUnits(policy, servingFromTable(short.table, short.kept, asOf), short.units, asOf))).toBe(audited);
        const months = [{ year: 2021, month: 6 }];
        const pay = (r: RosterResult) => JSON.stringify(payroll(policy.allowance!, r.people, r.units, months, null, { notPaid: true }));
        expect(pay(short)).toBe(pay(checked));
        // the allowance command's way: a unit's people made from the table as it is paid
        const fromTable = payrollUnits(policy.allowance!, byUnitOfTable(short.table, short.kept), short.units, months, null, { notPaid: true });
        expect(JSON.stringify(fromTable)).toBe(pay(checked));
        clean += cleanCount(header, rows, knownUnits);
        tried += rows.length;
      }),
      { numRuns: 600 },
    );
    // the property is about the short path: it must have read many of the rows itself
    // about one in five is read on the short path, run after run; one in twenty leaves room for any seed
    expect(clean).toBeGreaterThan(tried / 20);
  });
});

const RECORD_COLUMNS = {
  身份证号: [
    "many",
    good("50022219800101001"),
    ` ${good("50022219800101001")}`,
    good("11010519491231002").toLowerCase(),
    wrong("50022219900303003"),
    "G0001",
    "",
    good("50022219990101001"),
  ],
  培训开始日期: ["2021-03-01", "2021-03-02", "", "2021/3/1", "2021-02-30", "2021\t年3月1日", " 2021-03-01"],
  培训结束日期: ["2021-03-02", "2021-03-03", "", "2021-03-01", "2021年3月2日", "20210230"],
  天数: ["1", "", "0.5", " 2", "1.255", "一", "-1", "１"],
  学时: ["8", "", "3.5", "x"],
  培训名称: ["继续教育", "", " 继续教育", "继续\u0000教育", "=cmd"],
  培训机构: ["区民政局", "", "区民政局\u3000"],
} as const;
type RecordColumn = keyof typeof RECORD_COLUMNS;

const DATED: RecordColumn[] = ["身份证号", "培训开始日期", "培训结束日期"];
const recordsArb = fc
  .tuple(fc.subarray((Object.keys(RECORD_COLUMNS) as RecordColumn[]).filter((c) => !DATED.includes(c))), fc.boolean())
  // mostly files with both dates (rows the short path reads), now and then one with a date missing
  .chain(([more, dated]) => fc.shuffledSubarray([...(dated ? DATED : DATED.slice(0, 2)), ...more], { minLength: more.length + (dated ? 3 : 2) }))
  .chain((header) => {
    const manyIds = fc.nat(999).map((n) => good(`50022219800101${String(n).padStart(3, "0")}`));
    const pick = (cells: readonly string[]) => fc.constantFrom(...cells).chain((v) => (v === "many" ? manyIds : fc.constant(v)));
    const cell = (c: RecordColumn) =>
      fc.oneof({ weight: 3, arbitrary: pick(RECORD_COLUMNS[c].slice(0, 2)) }, { weight: 1, arbitrary: pick(RECORD_COLUMNS[c]) });
    const row = fc
      .tuple(fc.tuple(...header.map(cell)), fc.constantFrom("ok", "ok", "ok", "ok", "ok", "ok", "short", "long-blank"))
      .map(([cells, shape]): string[] => {
        if (shape === "short") return cells.slice(0, 1);
        if (shape === "long-blank") return [...cells, ""];
        return cells;
      });
    return fc.record({ header: fc.constant(header), rows: fc.array(row, { maxLength: 40 }) });
  });

describe("the short path for clean training records and the checked path agree", () => {
  // the roster's people: nine in ten of the thousand ids the records are drawn from
  const known = new Set(Array.from({ length: 1000 }, (_, n) => good(`50022219800101${String(n).padStart(3, "0")}`)).filter((_, n) => n % 10 !== 0));
  known.add(good("50022219800101001"));

  it("on files full of bad rows: the same records, rejections and counts", () => {
    let clean = 0;
    let tried = 0;
    fc.assert(
      fc.property(recordsArb, ({ header, rows }) => {
        const columns = mapHeader("training.csv", header, policy.vocabulary.columns.training, ["id"]).columns;
        const read = (checkedOnly: boolean) => {
          const reader = new TrainingReader("training.csv", policy, columns, header.length, known, checkedOnly);
          const records = rows.map((cells, i) => reader.read(cells, i + 2));
          return { records, rejected: reader.rejected, count: reader.count };
        };
        expect(read(false)).toEqual(read(true));
        const alone = new TrainingReader("training.csv", policy, columns, header.length, known);
        clean += rows.filter((cells, i) => alone.readClean(cells, i + 2) !== null).length;
        tried += rows.length;
      }),
      { numRuns: 600 },
    );
    // about one in five is read on the short path, run after run; one in twenty leaves room for any seed
    expect(clean).toBeGreaterThan(tried / 20);
  });
});
