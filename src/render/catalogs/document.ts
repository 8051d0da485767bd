/** The words every command's document shares: its head and summary, and the rejected rows. */
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
};

export const DOCUMENT_WORDS: Catalog<typeof en> = { en, zh };
