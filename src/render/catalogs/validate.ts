/** Validate's words: the input check and the problems found. */
import type { Catalog } from "./catalog.js";

const en = {
  head: { file: "file", rows: "rows", accepted: "accepted", rejected: "rejected", row: "row", field: "column", value: "value", reason: "problem" },
  title: "Input check",
  problems: "Problems",
  allValid: "Every row is valid.",
  figures: { files: "files", rows: "rows", accepted: "accepted", rejected: "rejected" },
  charts: { byFile: "Rows per file", accepted: "accepted", rejected: "rejected" },
};

const zh: typeof en = {
  head: { file: "文件", rows: "行数", accepted: "有效", rejected: "拒收", row: "行号", field: "列", value: "内容", reason: "问题" },
  title: "输入检查",
  problems: "问题",
  allValid: "全部行均有效。",
  figures: { files: "文件数", rows: "行数", accepted: "有效", rejected: "拒收" },
  charts: { byFile: "各文件行数", accepted: "有效", rejected: "拒收" },
};

export const VALIDATE_WORDS: Catalog<typeof en> = { en, zh };
