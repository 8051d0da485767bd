/**
 * node scripts/fixture-workbook.mjs
 *
 * Writes fixtures/人员名册.xlsx from fixtures/人员名册.csv: the example district's roster as an
 * office keeps it in Excel or WPS (SPEC.md "Spreadsheets as offices keep them"): a 说明 sheet
 * first, then the roster under a title row, with a two-row header whose merged cells group
 * 证书情况 (等级, 取证日期), 任职情况 (入职日期, 离职日期) and 专业技术岗位 (层级, 等级), ids
 * as text cells, dates as date cells in a Chinese date format, 序号 as numbers, and 合计 and
 * 填表人 rows under the data. The same bytes every time (a fixed modified date); written with
 * hucre, which the tool reads workbooks with, so nothing is added to install.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeXlsx } from "hucre";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
const csv = readFileSync(join(FIXTURES, "人员名册.csv"), "utf8").replace(/^\uFEFF/, "");
const [header, ...lines] = csv.split(/\r?\n/).filter((l) => l !== "");
const columns = header.split(",");
const rows = lines.map((l) => l.split(","));

/** The CSV's header under the merged cells of the workbook: upper row, lower row. */
const GROUPS = {
  证书等级: ["证书情况", "等级"],
  取证日期: ["", "取证日期"],
  入职日期: ["任职情况", "入职日期"],
  离职日期: ["", "离职日期"],
  专业技术岗位层级: ["专业技术岗位", "层级"],
  专业技术岗位等级: ["", "等级"],
};
const upper = columns.map((c) => (GROUPS[c] ? GROUPS[c][0] : c));
const lower = columns.map((c) => (GROUPS[c] ? GROUPS[c][1] : ""));
const merges = [{ startRow: 0, endRow: 0, startCol: 0, endCol: columns.length - 1 }];
columns.forEach((c, i) => {
  if (!GROUPS[c]) merges.push({ startRow: 1, endRow: 2, startCol: i, endCol: i });
  else if (GROUPS[c][0] !== "") merges.push({ startRow: 1, endRow: 1, startCol: i, endCol: i + 1 });
});

const DATE_COLUMNS = new Set(["取证日期", "入职日期", "离职日期"]);
/** A date as the CSV writes it (2019/6/1, 2020年3月15日, 1996-08-01) -> a date cell (midnight UTC of that day). */
function dateCell(text) {
  const m = /^(\d{4})\D(\d{1,2})\D(\d{1,2})/.exec(text);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : text;
}
const data = rows.map((r) =>
  r.map((cell, i) => {
    if (cell === "") return null;
    if (columns[i] === "序号") return Number(cell);
    if (DATE_COLUMNS.has(columns[i])) return dateCell(cell);
    return cell;
  }),
);
const totals = columns.map((c, i) => (i === 0 ? "合计" : c === "姓名" ? `${rows.length}人` : null));
const signed = columns.map((_, i) => (i === 0 ? "填表人：李华" : i === 4 ? "审核人：王强" : null));

const bytes = await writeXlsx({
  sheets: [
    {
      name: "说明",
      rows: [["填表说明"], ["1. 身份证号请以文本格式填写18位号码。"], ["2. 证书等级填写：高级社会工作师、社会工作师、助理社会工作师、社会工作员或无。"], ["3. 日期格式：2021年6月1日。"]],
      columns: [{ width: 60 }],
    },
    {
      name: "人员名册",
      rows: [["綦江区社会工作专业人才花名册"].concat(columns.slice(1).map(() => null)), upper, lower, ...data, totals, signed],
      merges,
      columns: columns.map((c) => ({
        width: c === "单位" ? 28 : 14,
        ...(c === "身份证号" ? { numFmt: "@" } : {}),
        ...(DATE_COLUMNS.has(c) ? { numFmt: 'yyyy"年"m"月"d"日"' } : {}),
      })),
    },
  ],
  properties: { modified: new Date(Date.UTC(2021, 6, 1)) },
});
writeFileSync(join(FIXTURES, "人员名册.xlsx"), bytes);
console.log(`wrote fixtures/人员名册.xlsx (${bytes.length} bytes)`);
