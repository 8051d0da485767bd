/** Training's words: headers, shortfalls, the per-unit and summary lines, the window. */
import { plural } from "../messages.js";
import type { Catalog } from "./catalog.js";

const en = {
  head: {
    town: "town",
    unit: "unit",
    id: "id",
    name: "name",
    grade: "grade",
    window: "window",
    windowStart: "window_start",
    windowEnd: "window_end",
    required: "required_days",
    days: "days",
    shortfall: "shortfall",
    status: "status",
    deadline: "deadline",
    missing: "what is missing",
    judged: "judged",
    compliant: "compliant",
    rate: "rate",
  },
  title: "Training (continuing education)",
  unitTitle: (unit: string, town: string) => `${unit} (${town})`,
  shortBy: (n: number, by: string) => `needs ${plural(n, "more day", "more days")} by ${by}`,
  short: (n: number) => `needs ${plural(n, "more day", "more days")}`,
  unitRate: (compliant: number, judged: number, percent: string) => `Compliant ${compliant} of ${judged} judged (${percent})`,
  dueSoon: (days: number | null) => `Still short with a deadline within ${days} days`,
  dueSoonSheet: "Due soon",
  overdue: "Overdue: window complete and still short",
  overdueSheet: "Overdue",
  none: "None.",
  summary: "Summary",
  people: "People",
  units: "Units",
  windowRolling: (years: number, window: string) => `Window: the ${years} years ending on the as-of date${window ? ` (${window})` : ""}`,
  windowCertificate: (years: number) =>
    `Window: ${years}-year cycles from each certificate date, counted up to the as-of date (no certificate date: the ${years} years ending on it)`,
  othersCounted: (compliant: number, inProgress: number, notApplicable: number, hint: boolean) =>
    `Compliant ${compliant}, in progress ${inProgress}${hint && inProgress > 0 ? " (--warn-days N lists those whose deadline is near)" : ""}, without a certificate ${notApplicable}`,
  summaryLines: (x: {
    rule: string;
    basis: string;
    asOf: string;
    window: string;
    people: number;
    compliant: number;
    noncompliant: number;
    inProgress: number;
    notApplicable: number;
    judged: number;
    judgedCompliant: number;
    percent: string;
  }) => [
    `Rule ${x.rule}; basis ${x.basis}`,
    `As of ${x.asOf}`,
    x.window,
    `In service: ${x.people}; compliant ${x.compliant}, noncompliant (overdue) ${x.noncompliant}, in progress ${x.inProgress}, without a certificate (not applicable) ${x.notApplicable}`,
    `Compliant of judged (window complete): ${x.judgedCompliant} of ${x.judged} (${x.percent})`,
  ],
  figures: {
    people: "people in service",
    compliant: "compliant",
    noncompliant: "noncompliant",
    inProgress: "in progress",
    notApplicable: "not applicable",
    rate: "compliant of judged",
  },
  charts: { byTown: "Training status per town" },
};

const zh: typeof en = {
  head: {
    town: "街镇",
    unit: "单位",
    id: "编号",
    name: "姓名",
    grade: "证书等级",
    window: "计算期间",
    windowStart: "期间开始",
    windowEnd: "期间结束",
    required: "应训天数",
    days: "已训天数",
    shortfall: "差额天数",
    status: "结果",
    deadline: "截止日期",
    missing: "差距",
    judged: "已满期人数",
    compliant: "达标人数",
    rate: "达标率",
  },
  title: "社会工作专业人才继续教育情况",
  unitTitle: (unit, town) => `${unit}（${town}）`,
  shortBy: (n, by) => `还需 ${n} 天，截止 ${by}`,
  short: (n) => `还需 ${n} 天`,
  unitRate: (compliant, judged, percent) => `已满期人员达标 ${compliant} / ${judged}（${percent}）`,
  dueSoon: (days) => `${days} 天内到期仍未达标`,
  dueSoonSheet: "即将到期",
  overdue: "已逾期未达标",
  overdueSheet: "已逾期未达标",
  none: "无。",
  summary: "汇总",
  people: "人员",
  units: "单位",
  windowRolling: (years, window) => `计算期间：截至核查日期的 ${years} 年${window ? `（${window}）` : ""}`,
  windowCertificate: (years) => `计算期间：自取证日期起每 ${years} 年为一个周期，计至核查日期（无取证日期者按截至核查日期的 ${years} 年）`,
  othersCounted: (compliant, inProgress, notApplicable, hint) =>
    `达标 ${compliant} 人，进行中 ${inProgress} 人${hint && inProgress > 0 ? "（--warn-days N 列出临近截止的人员）" : ""}，未取得证书 ${notApplicable} 人`,
  summaryLines: (x) => [
    `培训规则：${x.rule}；依据：${x.basis}`,
    `核查日期：${x.asOf}`,
    x.window,
    `在岗 ${x.people} 人：达标 ${x.compliant}，未达标（已逾期）${x.noncompliant}，进行中 ${x.inProgress}，未取得证书（不适用）${x.notApplicable}`,
    `已满期人员达标 ${x.judgedCompliant} / ${x.judged}（${x.percent}）`,
  ],
  figures: {
    people: "在岗人数",
    compliant: "达标",
    noncompliant: "未达标",
    inProgress: "进行中",
    notApplicable: "不适用",
    rate: "已满期人员达标率",
  },
  charts: { byTown: "各街镇继续教育情况" },
};

export const TRAINING_WORDS: Catalog<typeof en> = { en, zh };
