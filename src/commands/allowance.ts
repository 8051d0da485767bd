/**
 * swtalent allowance ROSTER [--units F] [--policy P] (--month M | --from M --to M) [--paid LEDGER] [--explain ID]
 * The month-end allowance payroll: each payee with grade and amount, totals per town and in
 * all, everyone not paid with the reason; against a ledger, what is still owed and overpaid.
 */
import type { Command } from "commander";
import { type Month, formatMonth, monthIndex, monthRange, parseMonth } from "../core/dates.js";
import { UsageError } from "../core/errors.js";
import type { Policy } from "../core/policy/schema.js";
import { maskId, normaliseId } from "../core/records/ids.js";
import { LEDGER_REQUIRED, LedgerReader } from "../core/records/ledger.js";
import type { Person, Warning } from "../core/records/types.js";
import { type Detail, type MonthVerdict, type PayLine, type Payroll, allowanceFor, payroll } from "../core/rules/allowance.js";
import { groupBy } from "../core/rules/group.js";
import type { Cell, Section } from "../render/format.js";
import { lazyPresentation } from "../render/lazy.js";
import { type Lang, peopleCount } from "../render/messages.js";
import { gradeWord, townWord, unitTypeWord } from "../render/words.js";
import { loadPolicy } from "../io/policies.js";
import { readMappedTable } from "../io/records.js";
import { STDOUT } from "../io/write.js";
import type { CommandSpec } from "./index.js";
import { requirePart } from "./policy-parts.js";
import { envelope, idShown } from "./envelope.js";
import { type CommonOptions, addCommonOptions, langOf, readOptions } from "./options.js";
import { type Runtime, appendAll, deliver, readInputs } from "./shared.js";

interface AllowanceOptions extends CommonOptions {
  month?: string;
  from?: string;
  to?: string;
  paid?: string;
  explain?: string;
}

const MAX_MONTHS = 120;

/** Yuan as a JSON number from integer fen. */
export const yuan = (fen: number): number => fen / 100;

function monthArg(flag: string, value: string, today: number): Month {
  const m = parseMonth(value, today);
  if (!m) throw new UsageError(`${flag} "${value}" is not a month: write it as 2021-06, 2021年6月, last or current`);
  return m;
}

export function monthsOf(o: AllowanceOptions, today: number): Month[] {
  if (o.month !== undefined && (o.from !== undefined || o.to !== undefined)) {
    throw new UsageError("give either --month M, or --from M --to M, not both");
  }
  if (o.month !== undefined) return [monthArg("--month", o.month, today)];
  if (o.from === undefined || o.to === undefined) {
    throw new UsageError("allowance needs the month to pay: --month 2021-06 (or last, current), or a range --from 2021-01 --to 2021-12");
  }
  const from = monthArg("--from", o.from, today);
  const to = monthArg("--to", o.to, today);
  if (monthIndex(from) > monthIndex(to)) throw new UsageError(`--from ${formatMonth(from)} is after --to ${formatMonth(to)}`);
  if (monthIndex(to) - monthIndex(from) >= MAX_MONTHS) throw new UsageError(`a range covers at most ${MAX_MONTHS} months`);
  return monthRange(from, to);
}

const H = {
  en: { id: "id", name: "name", unit: "unit", town: "town", grade: "grade", month: "month", amount: "amount", reason: "reason", detail: "detail", sign: "signature", payees: "payees", total: "total", condition: "condition", outcome: "outcome", excess: "excess" },
  zh: { id: "身份证号", name: "姓名", unit: "单位", town: "街镇", grade: "证书等级", month: "月份", amount: "金额", reason: "原因", detail: "说明", sign: "签名", payees: "人数", total: "合计", condition: "条件", outcome: "结果", excess: "多发金额" },
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
      const allowed = String(p.allowed).split("|").map((t) => unitTypeWord(t, v, lang)).join(zh ? "、" : " or ");
      return zh ? `${p.unit} 是${unitTypeWord(String(p.type), v, lang)}，不是${allowed}` : `${p.unit} is ${p.type}, not ${allowed}`;
    }
    case "no_office":
      return zh ? `${p.unit} 未设立社会工作室` : `${p.unit} has no social-work office`;
    case "office_unknown":
      return zh ? `${p.unit} 未填写是否设立社会工作室：请在单位信息中填写` : `${p.unit}: whether it has a social-work office is not recorded; fill it in the units file`;
    case "unit_ok":
      return zh ? `${p.unit}（${unitTypeWord(String(p.type), v, lang)}）已设立社会工作室` : `${p.unit} is ${p.type} with a social-work office`;
    case "role_ok":
      return zh ? `岗位“${p.role}”属社区“两委”成员或专职工作人员` : `role "${p.role}" is ${p.code}`;
    case "role_other":
      return p.role === ""
        ? zh ? "未填写岗位" : "no role given"
        : zh ? `岗位“${p.role}”不是社区“两委”成员或专职工作人员` : `role "${p.role}" is not a committee member or community staff`;
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

function payrollSections(r: Payroll, policy: Policy, lang: Lang, o: AllowanceOptions, withLedger: boolean): Section[] {
  const h = H[lang];
  const show = idShown(o);
  const v = policy.vocabulary;
  const zh = lang === "zh";
  const sections: Section[] = [];
  const md = o.format === "md" || (o.format === undefined && o.out?.toLowerCase().endsWith(".md"));
  const title = zh
    ? `社会工作职业津贴发放表 ${r.months[0]}${r.months.length > 1 ? ` 至 ${r.months.at(-1)}` : ""}（${policy.allowance!.id}，${policy.allowance!.basis}）`
    : `Social-work allowance payroll ${r.months[0]}${r.months.length > 1 ? ` to ${r.months.at(-1)}` : ""} (${policy.allowance!.id}, ${policy.allowance!.basis})`;
  sections.push({ title, header: [], rows: [], notes: withLedger ? [zh ? "金额为扣除已发记录后仍应补发的金额。" : "Amounts are what is still owed after the ledger of payments already made."] : [] });
  const payeesOf = groupBy(r.payees, (l) => l.town);
  for (const t of r.byTown) {
    const rows: Cell[][] = (payeesOf.get(t.town) ?? []).map((l) => [show(l.id), l.name, l.unit, gradeWord(l.grade, v, lang), l.month, yuan(l.fen), ...(md ? [""] : [])]);
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

function payrollCsv(r: Payroll, lang: Lang, o: AllowanceOptions) {
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

function payrollJson(r: Payroll, policy: Policy, lang: Lang, o: AllowanceOptions, withLedger: boolean) {
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

function presentExplain(verdicts: MonthVerdict[], person: { id: string; name: string; unit: string; town: string | null }, policy: Policy, lang: Lang, o: AllowanceOptions) {
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
      rows: verdicts.flatMap((v) => v.conditions.map((c) => [v.month, c.condition, c.passed ? "yes" : "no", detailText(c.detail, policy, lang), yuan(v.dueFen)] as Cell[])),
    },
    json: { explain: { id: show(person.id), name: person.name, unit: person.unit, town: person.town, rule: a.id, months } },
  };
}

/**
 * The person --explain names (SPEC.md): an id in any spelling the roster accepts, a masked id,
 * or a name when only one accepted person has it; several matches are listed.
 */
function explainee(people: readonly Person[], asked: string, show: (id: string) => string): Person {
  const id = normaliseId(asked);
  const byId = people.find((p) => p.id === id);
  if (byId) return byId;
  const name = asked.trim();
  const matches = id.includes("*") ? people.filter((p) => maskId(p.id) === id) : people.filter((p) => p.name === name);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    const list = matches.map((p) => `${show(p.id)} ${p.name} (${p.unit})`);
    throw new UsageError(`--explain ${show(name)}: ${matches.length} people match; give one of their ids`, list);
  }
  throw new UsageError(`--explain ${show(name)}: no accepted person in the roster has this id or name (a rejected row is listed with its reason by validate)`);
}

export const allowanceCommand: CommandSpec = {
  name: "allowance",
  define: (cmd: Command) =>
    addCommonOptions(
      cmd
        .description("the month-end allowance payroll (职业津贴): payees, totals per town, and everyone not paid with the reason")
        .argument("<roster>", "roster CSV file (人员名册), or - for stdin")
        .option("--month <month>", "the month to pay: 2021-06, 2021年6月, last or current (Asia/Shanghai)")
        .option("--from <month>", "first month of a range")
        .option("--to <month>", "last month of a range")
        .option("--paid <ledger>", "CSV of id, month, amount already paid (e.g. earlier payrolls): pay only what is still owed")
        .option("--explain <id|name>", "for one person (an id, a masked id, or a unique name), each condition month by month, with the amount and basis")
        .addHelpText(
          "after",
          "\nExamples:\n  swtalent allowance fixtures/人员名册.csv --units fixtures/单位信息.csv --month 2021-06\n" +
            "  swtalent allowance roster.csv --units units.csv --month last --out payroll-$(date +%Y%m).csv\n" +
            "  swtalent allowance roster.csv --units units.csv --from 2021-01 --to 2021-06 --paid paid.csv\n" +
            "  swtalent allowance roster.csv --units units.csv --month 2021-06 --explain 500222198602113955",
        ),
    ),
  async run(args, rt: Runtime) {
    const [roster, o] = args as [string, AllowanceOptions];
    const lang = langOf(o, rt.env);
    const months = monthsOf(o, rt.today);
    const policy = loadPolicy(o.policy, rt.cwd);
    const a = requirePart(policy, "allowance");
    // allowance has no --as-of: a certificate dated after today is an error in the roster
    const inputs = await readInputs(roster, o, rt, rt.today, { required: ["role"], futureCert: "month", roleWarnings: true });
    const { people, units } = inputs.roster;
    const files = [...inputs.files];
    const rejected = [...inputs.rejected];
    const warnings: Warning[] = [...inputs.warnings];
    const paths = [...inputs.paths];

    if (o.explain !== undefined) {
      const person = explainee(people, o.explain, idShown(o));
      const unit = units.get(person.unit)!;
      const verdicts = months.map((m) => allowanceFor(person, unit, m, a));
      const p = presentExplain(verdicts, { ...person, town: unit.town }, policy, lang, o);
      return deliver(
        {
          presentation: { json: { ...envelope("allowance", policy, files, rejected, warnings, lang, o), months: months.map(formatMonth), ...p.json }, sections: p.sections, csv: p.csv },
          policy, rejected, warnings, findings: false, inputs: paths,
        },
        o, rt, lang,
      );
    }

    let paid: Map<string, Map<string, number>> | null = null;
    let held: ReadonlySet<string> | undefined;
    if (o.paid !== undefined) {
      const monthSet = new Set(months.map(formatMonth));
      const t = await readMappedTable(o.paid, readOptions(o, rt), {
        aliases: policy.vocabulary.columns.ledger,
        required: LEDGER_REQUIRED,
        build: (file, columns, width) => new LedgerReader(file, columns, width, people, monthSet),
      });
      const l = t.builder;
      appendAll(warnings, t.headerWarnings);
      files.push(l.count);
      appendAll(rejected, l.rejected);
      if (l.outside > 0) warnings.push({ code: "ledger_outside", params: { file: t.file, rows: l.outside } });
      appendAll(warnings, t.blankWarnings);
      paths.push(o.paid);
      paid = l.paid;
      held = l.held;
    }

    const format = o.format ?? (o.out && o.out !== STDOUT ? "" : rt.stdoutIsTTY ? "table" : "csv");
    const needNotPaid = !(format === "csv" || (format === "" && !/\.(json|md|txt)$/i.test(o.out ?? "")));
    const r = payroll(a, people, units, months, paid, { notPaid: needNotPaid, ...(held ? { held } : {}) });
    const withLedger = paid !== null;
    return deliver(
      {
        presentation: lazyPresentation({
          json: () => ({ ...envelope("allowance", policy, files, rejected, warnings, lang, o), ...payrollJson(r, policy, lang, o, withLedger) }),
          sections: () => payrollSections(r, policy, lang, o, withLedger),
          csv: () => payrollCsv(r, lang, o),
        }),
        policy,
        rejected,
        warnings,
        findings: r.overpaid.length > 0,
        inputs: paths,
      },
      o,
      rt,
      lang,
    );
  },
};

