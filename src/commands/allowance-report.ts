/**
 * The payroll as people and scripts read it: each not-paid reason and condition in words,
 * the 发放花名册 sections, its CSV rows and its JSON, and --explain's month-by-month table.
 */
import type { Policy } from "../core/policy/schema.js";
import type { Detail, MonthVerdict, PayLine, Payroll } from "../core/rules/allowance.js";
import { groupBy } from "../core/rules/group.js";
import type { Cell, Section } from "../render/format.js";
import { type Lang, peopleCount } from "../render/messages.js";
import { gradeWord, townWord, unitTypeWord } from "../render/words.js";
import { idShown } from "./envelope.js";
import type { CommonOptions } from "./options.js";

/** Yuan as a JSON number from integer fen. */
export const yuan = (fen: number): number => fen / 100;

const H = {
  en: {
    id: "id",
    name: "name",
    unit: "unit",
    town: "town",
    grade: "grade",
    month: "month",
    amount: "amount",
    reason: "reason",
    detail: "detail",
    sign: "signature",
    payees: "payees",
    total: "total",
    condition: "condition",
    outcome: "outcome",
    excess: "excess",
  },
  zh: {
    id: "身份证号",
    name: "姓名",
    unit: "单位",
    town: "街镇",
    grade: "证书等级",
    month: "月份",
    amount: "金额",
    reason: "原因",
    detail: "说明",
    sign: "签名",
    payees: "人数",
    total: "合计",
    condition: "条件",
    outcome: "结果",
    excess: "多发金额",
  },
};

const REASON_WORDS: Record<string, { zh: string; en: string }> = {
  not_in_service: { zh: "不在岗", en: "not in service" },
  unit: { zh: "单位不符", en: "unit" },
  role: { zh: "岗位不符", en: "role" },
  grade: { zh: "证书不符", en: "grade" },
  ledger_rejected: { zh: "已发记录有误，暂停发放", en: "ledger row rejected" },
};

/** The condition each reason code stands for, as --explain names it next to its outcome. */
const CONDITION_WORDS: Record<string, { zh: string; en: string }> = {
  not_in_service: { zh: "在岗", en: "in service" },
  unit: { zh: "单位", en: "unit" },
  role: { zh: "岗位", en: "role" },
  grade: { zh: "证书", en: "certificate" },
};

function detailText(d: Detail, policy: Policy, lang: Lang): string {
  const p = d.params;
  const v = policy.vocabulary;
  const zh = lang === "zh";
  const g = (x: string | number | undefined) => gradeWord(String(x), v, lang);
  switch (d.code) {
    case "in_service":
      return zh ? `${p.day} 在岗` : `in service on ${p.day}`;
    case "ledger_rejected":
      return zh
        ? `应发 ${p.yuan} 元，但已发记录（--paid）中此人有一行未通过校验，无法确定已发金额：暂停发放，请修正该行后重新运行`
        : `${p.yuan} yuan due, but a row of the ledger (--paid) for this person was rejected, so what was already paid is not known: held until that row is fixed`;
    case "starts_later":
      return zh ? `${p.day} 尚未到岗（入职日期 ${p.start}）` : `not in service on ${p.day}: starts ${p.start}`;
    case "left":
      return zh ? `${p.day} 已不在岗（离职日期 ${p.end}）` : `not in service on ${p.day}: left ${p.end}`;
    case "unit_type": {
      const allowed = String(p.allowed)
        .split("|")
        .map((t) => unitTypeWord(t, v, lang))
        .join(zh ? "、" : " or ");
      return zh ? `${p.unit} 是${unitTypeWord(String(p.type), v, lang)}，不是${allowed}` : `${p.unit} is ${p.type}, not ${allowed}`;
    }
    case "no_office":
      return zh ? `${p.unit} 未设立社会工作室` : `${p.unit} has no social-work office`;
    case "office_unknown":
      return zh
        ? `${p.unit} 未填写是否设立社会工作室：请在单位信息中填写`
        : `${p.unit}: whether it has a social-work office is not recorded; fill it in the units file`;
    case "unit_ok":
      return zh ? `${p.unit}（${unitTypeWord(String(p.type), v, lang)}）已设立社会工作室` : `${p.unit} is ${p.type} with a social-work office`;
    case "role_ok":
      return zh ? `岗位“${p.role}”属社区“两委”成员或专职工作人员` : `role "${p.role}" is ${p.code}`;
    case "role_other":
      return p.role === ""
        ? zh
          ? "未填写岗位"
          : "no role given"
        : zh
          ? `岗位“${p.role}”不是社区“两委”成员或专职工作人员`
          : `role "${p.role}" is not a committee member or community staff`;
    case "grade_unpaid":
      return zh ? `${g(p.grade)}不发放职业津贴` : `grade ${p.grade} is paid no allowance`;
    case "cert_too_late":
      return zh ? `取证日期 ${p.cert}，自次月起发放，${p.month} 不发` : `certificate dated ${p.cert} is paid from the following month, not ${p.month}`;
    case "grade_ok":
      return zh ? `${g(p.grade)}，每月 ${p.yuan} 元` : `${p.grade}: ${p.yuan} yuan a month`;
    default:
      return d.code;
  }
}

function payLineJson(l: PayLine, show: (id: string) => string) {
  return { id: show(l.id), name: l.name, unit: l.unit, town: l.town, grade: l.grade, month: l.month, amount: yuan(l.fen) };
}

export function payrollSections(r: Payroll, policy: Policy, lang: Lang, o: CommonOptions, withLedger: boolean): Section[] {
  const h = H[lang];
  const show = idShown(o);
  const v = policy.vocabulary;
  const zh = lang === "zh";
  const sections: Section[] = [];
  const md = o.format === "md" || (o.format === undefined && o.out?.toLowerCase().endsWith(".md"));
  const title = zh
    ? `社会工作职业津贴发放表 ${r.months[0]}${r.months.length > 1 ? ` 至 ${r.months.at(-1)}` : ""}（${policy.allowance!.id}，${policy.allowance!.basis}）`
    : `Social-work allowance payroll ${r.months[0]}${r.months.length > 1 ? ` to ${r.months.at(-1)}` : ""} (${policy.allowance!.id}, ${policy.allowance!.basis})`;
  sections.push({
    title,
    header: [],
    rows: [],
    notes: withLedger ? [zh ? "金额为扣除已发记录后仍应补发的金额。" : "Amounts are what is still owed after the ledger of payments already made."] : [],
  });
  const payeesOf = groupBy(r.payees, (l) => l.town);
  for (const t of r.byTown) {
    const rows: Cell[][] = (payeesOf.get(t.town) ?? []).map((l) => [
      show(l.id),
      l.name,
      l.unit,
      gradeWord(l.grade, v, lang),
      l.month,
      yuan(l.fen),
      ...(md ? [""] : []),
    ]);
    rows.push([zh ? "小计" : "subtotal", zh ? `${t.payees} 人` : peopleCount(t.payees), "", "", "", yuan(t.fen), ...(md ? [""] : [])]);
    sections.push({ title: `${h.town}: ${townWord(t.town, lang)}`, header: [h.id, h.name, h.unit, h.grade, h.month, h.amount, ...(md ? [h.sign] : [])], rows });
  }
  const people = new Set(r.payees.map((l) => l.id)).size;
  sections.push({
    title: zh ? "合计" : "Totals",
    header: [h.town, h.payees, h.total],
    rows: [...r.byTown.map((t) => [townWord(t.town, lang), t.payees, yuan(t.fen)] as Cell[]), [zh ? "总计" : "all", people, yuan(r.totalFen)]],
  });
  if (r.notPaid.length > 0) {
    sections.push({
      title: zh ? "未发放人员" : "Not paid",
      header: [h.id, h.name, h.unit, h.month, h.reason, h.detail],
      rows: r.notPaid.map((n) => [show(n.id), n.name, n.unit, n.month, REASON_WORDS[n.reason]![lang], detailText(n.detail, policy, lang)]),
    });
  }
  if (withLedger && r.overpaid.length > 0) {
    sections.push({
      title: zh ? "多发（应追回）" : "Overpaid (to recover)",
      header: [h.id, h.name, h.unit, h.grade, h.month, h.excess],
      rows: r.overpaid.map((l) => [show(l.id), l.name, l.unit, gradeWord(l.grade, v, lang), l.month, yuan(l.fen)]),
    });
  }
  return sections;
}

export function payrollCsv(r: Payroll, lang: Lang, o: CommonOptions) {
  const h = H[lang];
  const show = idShown(o);
  return {
    header: [h.id, h.name, h.unit, h.town, h.grade, h.month, h.amount],
    rows: {
      *[Symbol.iterator]() {
        for (const l of r.payees) yield [show(l.id), l.name, l.unit, l.town, l.grade, l.month, yuan(l.fen)];
      },
    },
  };
}

export function payrollJson(r: Payroll, policy: Policy, lang: Lang, o: CommonOptions, withLedger: boolean) {
  const show = idShown(o);
  return {
    months: r.months,
    total: yuan(r.totalFen),
    payees: r.payees.map((l) => payLineJson(l, show)),
    by_town: r.byTown.map((t) => ({ town: t.town, payees: t.payees, total: yuan(t.fen) })),
    not_paid: r.notPaid.map((n) => ({ id: show(n.id), name: n.name, month: n.month, reason: n.reason, detail: detailText(n.detail, policy, lang) })),
    ...(withLedger ? { overpaid: r.overpaid.map((l) => payLineJson(l, show)) } : {}),
  };
}

export function presentExplain(
  verdicts: MonthVerdict[],
  person: { id: string; name: string; unit: string; town: string | null },
  policy: Policy,
  lang: Lang,
  o: CommonOptions,
) {
  const h = H[lang];
  const show = idShown(o);
  const zh = lang === "zh";
  const a = policy.allowance!;
  const rows: Cell[][] = [];
  for (const v of verdicts) {
    v.conditions.forEach((c, i) => {
      rows.push([
        i === 0 ? v.month : "",
        CONDITION_WORDS[c.condition]![lang],
        { text: c.passed ? (zh ? "符合" : "yes") : zh ? "不符合" : "NO", tone: c.passed ? "good" : "bad" },
        detailText(c.detail, policy, lang),
        i === v.conditions.length - 1 ? yuan(v.dueFen) : "",
      ]);
    });
  }
  const months = verdicts.map((v) => ({
    month: v.month,
    conditions: v.conditions.map((c) => ({ condition: c.condition, passed: c.passed, detail: detailText(c.detail, policy, lang) })),
    reason: v.reason,
    amount: yuan(v.dueFen),
    basis: a.basis,
  }));
  return {
    sections: [
      {
        title: `${show(person.id)} ${person.name}, ${person.unit} (${townWord(person.town, lang)}) — ${a.id}, ${a.basis}`,
        header: [h.month, h.condition, h.outcome, h.detail, h.amount],
        rows,
      },
    ] as Section[],
    csv: {
      header: [h.month, h.condition, h.outcome, h.detail, h.amount],
      rows: verdicts.flatMap((v) =>
        v.conditions.map((c) => [v.month, c.condition, c.passed ? "yes" : "no", detailText(c.detail, policy, lang), yuan(v.dueFen)] as Cell[]),
      ),
    },
    json: { explain: { id: show(person.id), name: person.name, unit: person.unit, town: person.town, rule: a.id, months } },
  };
}
