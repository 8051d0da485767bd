/** Words for codes, in Chinese and English: rejection reasons, warnings, person-check details. */
import { visible } from "../core/text.js";
import type { Rejection, Warning } from "../core/records/types.js";
import type { Vocabulary } from "../core/policy/schema.js";

export type Lang = "zh" | "en";

type Params = Readonly<Record<string, string | number>>;
type Phrase = (p: Params, v: Vocabulary) => string;

const firstAliases = (groups: Record<string, readonly string[]>): string =>
  Object.values(groups)
    .map((l) => l[0])
    .filter(Boolean)
    .join(", ");

/** "1 row", "2 rows": a count with the English word that agrees with it. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1 person", "2 people". */
export function peopleCount(n: number): string {
  return plural(n, "person", "people");
}

const REASONS: Record<string, { en: Phrase; zh: Phrase }> = {
  missing: { en: () => "required cell is empty: fill it in", zh: () => "必填项为空：请填写" },
  missing_unit_attr: {
    en: (p) => `the unit's ${p.field} is not given: fill in this column, or list the unit in the units file (--units)`,
    zh: () => "未填写单位类型：请填写本列，或在单位信息文件（--units）中列出该单位",
  },
  bad_grade: {
    en: (_p, v) => `not a known certificate grade: use one of ${firstAliases(v.grades)} (or leave it empty for none)`,
    zh: (_p, v) => `不是可识别的证书等级：请使用 ${firstAliases(v.grades)} 之一（无证书可留空）`,
  },
  bad_unit_type: {
    en: (_p, v) => `not a known unit type: use one of ${firstAliases(v.unit_types)}`,
    zh: (_p, v) => `不是可识别的单位类型：请使用 ${firstAliases(v.unit_types)} 之一`,
  },
  bad_date: {
    en: () => "not a date: write it as 2021-06-01, 2021/6/1, 2021年6月1日 or 20210601",
    zh: () => "不是有效日期：请写成 2021-06-01、2021/6/1、2021年6月1日 或 20210601",
  },
  bad_yes_no: { en: () => "not yes or no: use 是 or 否", zh: () => "不是“是/否”：请填写 是 或 否" },
  bad_degree: {
    en: (_p, v) => `not a known degree: use one of ${firstAliases(v.degrees)}`,
    zh: (_p, v) => `不是可识别的学历：请使用 ${firstAliases(v.degrees)} 之一`,
  },
  bad_tier: {
    en: (_p, v) => `not a known post tier: use one of ${firstAliases(v.tiers)}`,
    zh: (_p, v) => `不是可识别的岗位层级：请使用 ${firstAliases(v.tiers)} 之一`,
  },
  bad_level: { en: () => "not a post level: use a level from 1 to 13, e.g. 11 or 十一级", zh: () => "不是有效岗位等级：请填写1至13级，如 11 或 十一级" },
  bad_count: { en: () => "not a whole number: use 0 or more", zh: () => "不是非负整数：请填写0或正整数" },
  count_too_large: {
    en: (p) => `too large for a count (more than ${p.max} cannot be read exactly): check the number`,
    zh: (p) => `数值过大，不是有效数量（超过 ${p.max} 无法精确读取）：请核对该数字`,
  },
  bad_check_digit: {
    en: (p) => `resident ID check digit is wrong (expected ${p.expected}): check the number against the ID card`,
    zh: (p) => `身份证号校验位错误（应为 ${p.expected}）：请对照身份证核对号码`,
  },
  id_extra_chars: {
    en: () => "a resident ID with other characters in the cell: leave only the 18 (or 15) characters of the ID",
    zh: () => "身份证号单元格中含有号码以外的字符：请只保留 18 位（或 15 位）身份证号码",
  },
  bad_id_birth: { en: () => "resident ID holds no valid birth date: check the number", zh: () => "身份证号中的出生日期无效：请核对号码" },
  id_scientific: {
    en: () => "the id was turned into a number by Excel and has lost digits: format the column as text and enter the id again",
    zh: () => "编号被Excel转成了科学计数法，已丢失数字：请把该列设为文本格式后重新录入",
  },
  end_before_start: {
    en: (p) => `end date is before the start date (${p.start}): correct one of them`,
    zh: (p) => `结束日期早于开始日期（${p.start}）：请更正其中之一`,
  },
  // the advice follows what the date limit is: an --as-of the user chose, or today (allowance, validate)
  cert_in_future: {
    en: (p) =>
      p.advice === "month"
        ? `certificate date is after ${p.asOf} (today): correct the date; the allowance counts a certificate from the month after its date`
        : p.advice === "check_date"
          ? `certificate date is after ${p.asOf} (today): check the date`
          : `certificate date is after ${p.asOf}: correct the date, or choose a later --as-of`,
    zh: (p) =>
      p.advice === "month"
        ? `取证日期晚于 ${p.asOf}（今天）：请更正日期；津贴自取证次月起计发`
        : p.advice === "check_date"
          ? `取证日期晚于 ${p.asOf}（今天）：请核对日期`
          : `取证日期晚于 ${p.asOf}：请更正日期，或使用更晚的 --as-of`,
  },
  duplicate_id: {
    en: (p) => `the same id is in rows ${p.rows} with different data: keep one row per person (none of them is used)`,
    zh: (p) => `同一编号出现在第 ${p.rows} 行且内容不同：每人只保留一行（这些行均未采用）`,
  },
  duplicate_unit: {
    en: (p) => `the same unit is in rows ${p.rows} with different data: keep one row per unit`,
    zh: (p) => `同一单位出现在第 ${p.rows} 行且内容不同：每个单位只保留一行`,
  },
  cell_count: {
    en: (p) => `row has ${p.cells} cells but the header has ${p.expected}: a delimiter or quote is missing or extra`,
    zh: (p) => `该行有 ${p.cells} 个单元格，表头有 ${p.expected} 个：分隔符或引号有误`,
  },
  not_in_roster: {
    en: () => "this id is not among the roster's accepted people: check the id, or fix the person's roster row",
    zh: () => "该编号不在人员名册的有效人员中：请核对编号或更正名册中该人的行",
  },
  no_duration: {
    en: () => "nothing says how long the training lasted: give days, hours, or both start and end dates",
    zh: () => "无法确定培训时长：请填写天数、学时，或同时填写开始和结束日期",
  },
  no_date: {
    en: () => "the training has no date: give its start date (and end date)",
    zh: () => "培训没有日期：请填写开始日期（及结束日期）",
  },
  bad_number: { en: () => "not a number: use a number, 0 or more, e.g. 1.5", zh: () => "不是有效数字：请填写非负数，如 1.5" },
  bad_month: { en: () => "not a month: write it as 2021-06 or 2021年6月", zh: () => "不是有效月份：请写成 2021-06 或 2021年6月" },
  bad_amount: {
    en: () => "not an amount in yuan: write it as 100, 100.00, 1,000.00 or 200元 (at most 2 decimals)",
    zh: () => "不是有效金额：请写成 100、100.00、1,000.00 或 200元（最多两位小数）",
  },
  negative_amount: {
    en: () => "a negative amount: a ledger lists what was paid, 0 or more; correct the earlier row instead",
    zh: () => "金额为负数：已发记录只记实际发放的金额（0 或以上），请更正原记录",
  },
  ambiguous_id: {
    en: () => "this masked id matches more than one person: use the full id (a payroll written with --no-mask)",
    zh: () => "该脱敏编号对应多人：请使用完整编号（用 --no-mask 生成的发放表）",
  },
};

const WARNINGS: Record<string, { en: Phrase; zh: Phrase }> = {
  unknown_columns: {
    en: (p) => `${p.file}: columns not used (not a known header): ${p.columns}${p.more ? ` and ${p.more} more` : ""}`,
    zh: (p) => `${p.file}：以下列未使用（表头不可识别）：${p.columns}${p.more ? ` 等，另有 ${p.more} 列` : ""}`,
  },
  column_shadowed: {
    en: (p) => `${p.file}: both "${p.used}" and "${p.ignored}" give ${p.field}; "${p.used}" is used`,
    zh: (p) => `${p.file}：“${p.used}”和“${p.ignored}”都表示 ${p.field}；采用“${p.used}”`,
  },
  same_name_ids: {
    en: (p) => `${p.name} of ${p.unit} appears under more than one id (${p.ids}): if this is one person, keep one row, or each is paid`,
    zh: (p) => `${p.unit}的${p.name}以多个编号出现（${p.ids}）：如为同一人，请只保留一行，否则将分别发放`,
  },
  identical_rows: {
    en: (p) => `${p.file}: rows ${p.row} and ${p.other} are identical (id ${p.id}); one is kept`,
    zh: (p) => `${p.file}：第 ${p.row} 行与第 ${p.other} 行完全相同（编号 ${p.id}），只保留一行`,
  },
  unit_attr_conflict_roster: {
    en: (p) => `unit ${p.unit}: roster rows disagree on ${p.field} ("${p.kept}" and "${p.other}"); the first is used`,
    zh: (p) => `单位 ${p.unit}：名册各行的 ${p.field} 不一致（“${p.kept}”与“${p.other}”），采用前者`,
  },
  unit_attr_conflict_units: {
    en: (p) => `unit ${p.unit}: the units file says ${p.field} is "${p.kept}", the roster says "${p.other}"; the units file wins`,
    zh: (p) => `单位 ${p.unit}：单位信息文件的 ${p.field} 为“${p.kept}”，名册为“${p.other}”；以单位信息文件为准`,
  },
  unrecognised_role: {
    en: (p) => `role "${p.role}" (${peopleCount(Number(p.people))}) is not a known role: counted as other, so not paid an allowance`,
    zh: (p) => `岗位“${p.role}”（${p.people} 人）不可识别：按其他岗位处理，不发放津贴`,
  },
  blank_rows: {
    en: (p) => `${p.file}: ${plural(Number(p.rows), "blank row", "blank rows")} skipped`,
    zh: (p) => `${p.file}：跳过 ${p.rows} 个空行`,
  },
  identical_units: {
    en: (p) => `${p.file}: unit ${p.unit} is listed twice with the same data (rows ${p.rows}); one is kept`,
    zh: (p) => `${p.file}：单位 ${p.unit} 重复列出且内容相同（第 ${p.rows} 行），只保留一行`,
  },
  repeated_training: {
    en: (p) => `${p.file}: row ${p.row} repeats row ${p.first} exactly (id ${p.id}); counted once`,
    zh: (p) => `${p.file}：第 ${p.row} 行与第 ${p.first} 行的培训记录完全相同（编号 ${p.id}），只计一次`,
  },
  training_undated_certificate: {
    en: (p) =>
      `${peopleCount(Number(p.people))} ${Number(p.people) === 1 ? "has" : "have"} a grade but no certificate date: their training is counted over the ${p.years} years ending on the as-of date, not by certificate cycle`,
    zh: (p) => `${p.people} 人有证书等级但未填取证日期：按截至核查日期的 ${p.years} 年计算培训，而非按取证周期`,
  },
  ledger_outside: {
    en: (p) =>
      `${p.file}: ${Number(p.rows) === 1 ? "1 ledger row is for a month" : `${p.rows} ledger rows are for months`} outside the range and ${Number(p.rows) === 1 ? "was" : "were"} ignored`,
    zh: (p) => `${p.file}：${p.rows} 行已发记录不在所选月份内，已忽略`,
  },
};

/** A rejected row as one stderr line names it: where it is, what it holds, what is wrong. */
export interface ProblemLine {
  readonly file: string;
  readonly row: number;
  /** the header as the file has it, and the field it was read as */
  readonly column: string;
  readonly value: string;
  readonly reason: string;
}

/** The lines a run writes on stderr around its warnings and rejected rows, and the --rejects header. */
export interface RunWords {
  warning(text: string): string;
  moreWarnings(n: number): string;
  problem(p: ProblemLine): string;
  moreProblems(n: number): string;
  /** the last line when rows were rejected and --allow-rejects was not given (exit 3) */
  rowsRejected(rows: number): string;
  /** the columns of the --rejects file */
  readonly rejectsHeader: readonly [file: string, row: string, field: string, value: string, reason: string];
}

const RUN: Readonly<Record<Lang, RunWords>> = {
  en: {
    warning: (text) => `warning: ${text}`,
    moreWarnings: (n) => `... and ${plural(n, "more warning", "more warnings")}: see --format json`,
    problem: (p) => `${p.file}: row ${p.row}, column ${p.column}, value "${p.value}": ${p.reason}`,
    moreProblems: (n) => `... and ${plural(n, "more problem", "more problems")}: see --rejects FILE or --format json`,
    rowsRejected: (rows) =>
      `${plural(rows, "row", "rows")} rejected and left out of the results: fix them, or pass --allow-rejects to accept results without them`,
    rejectsHeader: ["file", "row", "field", "value", "reason"],
  },
  zh: {
    warning: (text) => `警告：${text}`,
    moreWarnings: (n) => `……另有 ${n} 条警告：见 --format json`,
    problem: (p) => `${p.file}：第 ${p.row} 行，列 ${p.column}，内容“${p.value}”：${p.reason}`,
    moreProblems: (n) => `……另有 ${n} 个问题：见 --rejects FILE 或 --format json`,
    rowsRejected: (rows) => `${rows} 行被拒收，未计入结果：请更正这些行，或加 --allow-rejects 接受不含这些行的结果`,
    rejectsHeader: ["文件", "行号", "列", "内容", "问题"],
  },
};

export function runWords(lang: Lang): RunWords {
  return RUN[lang];
}

export function reasonText(r: Rejection, lang: Lang, v: Vocabulary): string {
  const phrase = REASONS[r.code];
  const params = { field: r.field, ...(r.params ?? {}) };
  return phrase ? phrase[lang](params, v) : r.code;
}

export function warningText(w: Warning, lang: Lang, v: Vocabulary): string {
  const phrase = WARNINGS[w.code];
  return phrase ? phrase[lang](w.params, v) : `${w.code} ${JSON.stringify(w.params)}`;
}

/**
 * A message as exactly one stderr line: line breaks from a cell (a quoted cell over two lines,
 * a stray carriage return) are shown escaped, `\n` and `\r`, so each line is one whole message.
 */
export function oneLine(text: string): string {
  return visible(text);
}

/** Picks the word for the language. */
export function pick(lang: Lang, words: { zh: string; en: string }): string {
  return words[lang];
}
