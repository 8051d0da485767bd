/** The words every command's output shares: a document's head and summary, the rejected rows, and the lines on stderr. */
import { plural } from "../messages.js";
import type { Catalog } from "./catalog.js";

const en = {
  policy: "policy",
  document: "document",
  asOf: "as of",
  months: "months",
  inputs: "Inputs read",
  figures: "Summary",
  charts: "Charts",
  summarySheet: "Summary",
  item: "item",
  value: "value",
  rejectedTitle: "Rejected rows",
  rejectedSheet: "rejected",
  head: { file: "file", rows: "rows", accepted: "accepted", rejected: "rejected", row: "row", field: "field", value: "value", reason: "reason" },
  rejectsHeader: ["file", "row", "field", "value", "reason"],
  rejectLine: (file: string, row: number, column: string, value: string, reason: string) =>
    `${file}: row ${row}, column ${column}, value "${value}": ${reason}`,
  moreWarnings: (n: number) => `... and ${plural(n, "more warning", "more warnings")}: see --format json`,
  moreProblems: (n: number) => `... and ${plural(n, "more problem", "more problems")}: see --rejects FILE or --format json`,
};

const zh: typeof en = {
  policy: "政策",
  document: "文件",
  asOf: "核查日期",
  months: "月份",
  inputs: "读取的输入",
  figures: "汇总",
  charts: "图表",
  summarySheet: "汇总",
  item: "项目",
  value: "内容",
  rejectedTitle: "未通过校验",
  rejectedSheet: "未通过校验",
  head: { file: "文件", rows: "行数", accepted: "有效", rejected: "拒收", row: "行号", field: "列", value: "内容", reason: "问题" },
  rejectsHeader: ["文件", "行号", "列", "内容", "问题"],
  rejectLine: (file, row, column, value, reason) => `${file}：第 ${row} 行，列 ${column}，内容“${value}”：${reason}`,
  moreWarnings: (n) => `……另有 ${n} 条警告：见 --format json`,
  moreProblems: (n) => `……另有 ${n} 个问题：见 --rejects FILE 或 --format json`,
};

export const DOCUMENT_WORDS: Catalog<typeof en> = { en, zh };
