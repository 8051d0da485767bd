/** The audit as people and scripts read it: words for each verdict, the report's sections, its CSV rows and its JSON. */
import type { Policy } from "../core/policy/schema.js";
import type { AuditResult, Check, PersonCheck } from "../core/rules/audit.js";
import { groupBy } from "../core/rules/group.js";
import type { Cell, Section } from "../render/format.js";
import type { Lang } from "../render/messages.js";
import { gradeWord, shortfallWords, statusCell, townWord, unitTypeWord, yesWord } from "../render/words.js";
import { idShown } from "./envelope.js";
import type { CommonOptions } from "./options.js";

const H = {
  en: {
    town: "town",
    unit: "unit",
    type: "unit_type",
    headcount: "headcount",
    certified: "certified",
    pro: "sw_professional",
    rule: "rule",
    status: "status",
    value: "value",
    required: "required",
    shortfall: "shortfall",
    basis: "basis",
    compliant: "compliant",
    what: "what is missing",
    due: "due",
    overdue: "overdue",
    grade: "grade",
    people: "people",
    id: "id",
    name: "name",
    detail: "detail",
    age: "age",
    flags: "flags",
  },
  zh: {
    town: "街镇",
    unit: "单位",
    type: "单位类型",
    headcount: "在岗人数",
    certified: "持证人数",
    pro: "专业人才",
    rule: "规则",
    status: "结果",
    value: "实际",
    required: "要求",
    shortfall: "差额",
    basis: "依据",
    compliant: "是否达标",
    what: "差距",
    due: "期限",
    overdue: "已逾期",
    grade: "证书等级",
    people: "人数",
    id: "编号",
    name: "姓名",
    detail: "说明",
    age: "年龄",
    flags: "标记",
  },
};

function missingWords(c: Check, lang: Lang): string {
  if (c.status === "unknown") {
    if (c.scopeUnknown) {
      return lang === "zh"
        ? "未填是否从事专业社会服务等单位信息，无法判断是否适用：请在单位信息中填写"
        : "whether the rule applies is not known (e.g. social_service not given): fill it in the units file";
    }
    if (c.measure === "posts") return lang === "zh" ? "岗位数未填：请在单位信息中填写" : "post counts not given: fill them in the units file";
    if (c.measure === "sw_office" || c.sw_office === null)
      return lang === "zh" ? "未填是否设立社会工作室：请在单位信息中填写" : "social-work office not given: fill it in the units file";
    return lang === "zh" ? "单位信息未填：请补充后再核查" : "unit attribute not given: fill it in the units file";
  }
  if (c.status !== "fail") return "";
  const parts: string[] = [];
  if (c.shortfall !== null && c.shortfall > 0) parts.push(shortfallWords(c.measure, c.shortfall, lang));
  const noOffice = c.measure === "sw_office" || c.sw_office === false;
  if (noOffice) parts.push(lang === "zh" ? "未设立社会工作室" : "no social-work office");
  return parts.join(lang === "zh" ? "；" : "; ");
}

function shown(v: Check["value"] | Check["required"], lang: Lang): string {
  if (v === null) return lang === "zh" ? "未填" : "not given";
  if (typeof v === "boolean") return yesWord(v, lang);
  return String(v);
}

/** "2 of 6 (≥ 1/3)" for a ratio, "1 / 2" for a count, "no / yes" for an attribute. */
export function valueCell(c: Pick<Check, "value" | "required" | "of">, lang: Lang): string {
  if (c.of === undefined) return `${shown(c.value, lang)} / ${shown(c.required, lang)}`;
  if (c.value === null || c.of === null) return lang === "zh" ? `未填（应 ≥ ${c.required}）` : `not given (≥ ${c.required})`;
  const share = lang === "zh" ? `${shown(c.value, lang)} / ${shown(c.of, lang)}` : `${shown(c.value, lang)} of ${shown(c.of, lang)}`;
  return lang === "zh" ? `${share}（应 ≥ ${c.required}）` : `${share} (≥ ${c.required})`;
}

/** "a, b or c": the items joined, the last one by `last`. */
function joinList(items: readonly string[], sep: string, last: string): string {
  return items.length > 1 ? `${items.slice(0, -1).join(sep)}${last}${items.at(-1)}` : (items[0] ?? "");
}

function personDetail(c: Pick<PersonCheck, "status" | "detail">, p: Policy, lang: Lang): string {
  const v = p.vocabulary;
  const d = c.detail;
  if (d.code === "post_tier") {
    const tier = lang === "zh" ? (v.tiers[d.params.tier as "senior"]?.[0] ?? d.params.tier) : d.params.tier;
    const words = String(d.params.allowed)
      .split("|")
      .map((g) => gradeWord(g, v, lang));
    // "intermediate or senior" / "社会工作师或高级社会工作师"
    const allowed = lang === "zh" ? joinList(words, "、", "或") : joinList(words, ", ", " or ");
    const held = gradeWord(String(d.params.grade), v, lang);
    return lang === "zh" ? `${tier}岗位需 ${allowed}；持有 ${held}` : `${tier} post needs ${allowed}; holds ${held}`;
  }
  return postLevelDetail(c, p, lang);
}

/** "post level 10 is outside levels 11–12 for assistant" (YN-POST-LEVEL). */
function postLevelDetail(c: Pick<PersonCheck, "status" | "detail">, p: Policy, lang: Lang): string {
  const v = p.vocabulary;
  const { level, grade, range, named } = c.detail.params;
  const levels = (r: string) => r.replace("-", "–");
  const held = gradeWord(String(grade), v, lang);
  if (range === "") {
    // the grade has no levels in the rule: say which grades have
    const pairs = String(named ?? "")
      .split("|")
      .filter((x) => x !== "")
      .map((x) => x.split(":") as [string, string]);
    if (pairs.length === 0) {
      return lang === "zh" ? `岗位等级 ${level} 级：本政策未为任何证书等级规定岗位等级` : `post level ${level}: the policy sets post levels for no grade`;
    }
    if (lang === "zh") {
      const list = pairs.map(([g, r]) => `${gradeWord(g, v, lang)}（${levels(r)} 级）`).join("、");
      return `岗位等级 ${level} 级：证书等级为“${held}”，本政策只为 ${list}规定了岗位等级`;
    }
    const list = joinList(
      pairs.map(([g, r]) => `${g} (${levels(r)})`),
      ", ",
      " and ",
    );
    return `post level ${level}: grade is ${held}, and the policy sets post levels only for ${list}`;
  }
  const inside = c.status === "pass";
  if (lang === "zh") return `岗位等级 ${level} 级，${inside ? "在" : "不在"} ${held} 对应的 ${levels(String(range))} 级之内`;
  return `post level ${level} is ${inside ? "within" : "outside"} levels ${levels(String(range))} for ${held}`;
}

function auditSections(r: AuditResult, policy: Policy, asOf: string, lang: Lang, o: CommonOptions): Section[] {
  const h = H[lang];
  const v = policy.vocabulary;
  const show = idShown(o);
  const sections: Section[] = [];
  // units come sorted by town: each run of one town is a section
  const towns = groupBy(r.units, (u) => u.town);
  for (const [town, units] of towns) {
    const rows: Cell[][] = [];
    for (const u of units) {
      const head: Cell[] = [u.unit, unitTypeWord(u.unit_type, v, lang), u.headcount, u.certified, u.sw_professional];
      const blank: Cell[] = ["", "", "", "", ""];
      if (u.checks.length === 0) rows.push([...head, "", statusCell("not_applicable", lang), "", "", ""]);
      u.checks.forEach((c, i) => {
        rows.push([
          ...(i === 0 ? head : blank),
          c.rule,
          statusCell(c.status, lang),
          valueCell(c, lang),
          missingWords(c, lang),
          c.due ? (lang === "zh" ? `${c.basis}（期限 ${c.due}）` : `${c.basis} (due ${c.due})`) : c.basis,
        ]);
      });
      if (u.flags.length > 0) rows.push([...blank, u.flags.join(", "), lang === "zh" ? "标记" : "flag", "", "", ""]);
    }
    sections.push({
      title: `${h.town}: ${townWord(town, lang)}`,
      header: [h.unit, h.type, h.headcount, h.certified, h.pro, h.rule, h.status, `${h.value} / ${h.required}`, h.what, h.basis],
      rows,
    });
  }
  if (r.person_checks.length > 0) {
    sections.push({
      title: lang === "zh" ? "人员核查" : "Person checks",
      header: [h.id, h.name, h.unit, h.rule, h.status, h.detail, h.basis],
      rows: r.person_checks.map((c) => [show(c.id), c.name, c.unit, c.rule, statusCell(c.status, lang), personDetail(c, policy, lang), c.basis]),
    });
  }
  if (r.targets.length > 0) {
    sections.push({
      title: lang === "zh" ? "区域目标" : "Region targets",
      header: [h.rule, h.value, h.required, h.due, h.overdue, h.status, h.basis],
      rows: r.targets.map((t) => [t.rule, t.value, t.required, t.due, yesWord(t.overdue, lang), statusCell(t.status, lang), t.basis]),
    });
  }
  if (r.exam) {
    sections.push({
      title: lang === "zh" ? `应报考人员（${r.exam.rule}，${r.exam.basis}）` : `Exam candidates (${r.exam.rule}, ${r.exam.basis})`,
      header: [h.id, h.name, h.unit, h.age],
      rows: r.exam.candidates.map((c) => [show(c.id), c.name, c.unit, c.age]),
      notes: r.exam.candidates.length === 0 ? [lang === "zh" ? "无。" : "None."] : [],
    });
  }
  const compliant = r.units.filter((u) => u.compliant).length;
  const gradeLine = (Object.entries(r.grades) as [string, number][]).map(([g, n]) => `${gradeWord(g, v, lang)} ${n}`).join(lang === "zh" ? "，" : ", ");
  const failing = r.units.filter((u) => !u.compliant).length;
  const met = r.targets.filter((t) => t.status === "pass").length;
  const overdue = r.targets.filter((t) => t.overdue && t.status !== "pass").length;
  sections.push({
    title: lang === "zh" ? "汇总" : "Summary",
    header: [],
    rows: [],
    notes:
      lang === "zh"
        ? [
            `政策：${policy.id}（${policy.document}），核查日期 ${asOf}`,
            `达标单位 ${compliant} / ${r.units.length}，未达标 ${failing}`,
            r.targets.length === 0 ? "本政策未设区域目标" : `区域目标达成 ${met} / ${r.targets.length}${overdue > 0 ? `，其中 ${overdue} 项已逾期未达标` : ""}`,
            `证书等级（在岗）：${gradeLine}`,
          ]
        : [
            `Policy ${policy.id} (${policy.document}), as of ${asOf}`,
            `Units compliant: ${compliant} of ${r.units.length} (${failing} not)`,
            r.targets.length === 0
              ? "The policy sets no region targets"
              : `Region targets met: ${met} of ${r.targets.length}${overdue > 0 ? ` (${overdue} overdue and not met)` : ""}`,
            `Grades (in service): ${gradeLine}`,
          ],
  });

  return sections;
}

function auditCsv(r: AuditResult, lang: Lang) {
  const h = H[lang];
  const csvRows = function* (): Generator<Cell[]> {
    for (const u of r.units) {
      const head = [u.town, u.unit, u.unit_type, u.headcount, u.certified, u.sw_professional, yesWord(u.compliant, "en")];
      if (u.checks.length === 0) yield [...head, "", "not_applicable", "", "", "", ""];
      for (const c of u.checks) {
        yield [...head, c.rule, c.status, c.value === null ? "" : String(c.value), String(c.required), c.shortfall ?? "", c.basis];
      }
    }
  };
  return {
    header: [h.town, h.unit, h.type, h.headcount, h.certified, h.pro, h.compliant, h.rule, h.status, h.value, h.required, h.shortfall, h.basis],
    rows: { [Symbol.iterator]: csvRows },
  };
}

function auditJson(r: AuditResult, policy: Policy, asOf: string, lang: Lang, o: CommonOptions) {
  const show = idShown(o);
  return {
    as_of: asOf,
    grades: r.grades,
    units: r.units.map((u) => ({
      unit: u.unit,
      unit_type: u.unit_type,
      town: u.town,
      headcount: u.headcount,
      certified: u.certified,
      sw_professional: u.sw_professional,
      compliant: u.compliant,
      checks: u.checks.map((c) => ({
        rule: c.rule,
        status: c.status,
        value: c.value,
        required: c.required,
        shortfall: c.shortfall,
        basis: c.basis,
        ...(c.due ? { due: c.due } : {}),
      })),
      flags: u.flags,
    })),
    person_checks: r.person_checks.map((c) => ({
      id: show(c.id),
      name: c.name,
      unit: c.unit,
      rule: c.rule,
      status: c.status,
      detail: personDetail(c, policy, lang),
      basis: c.basis,
    })),
    targets: r.targets.map((t) => ({ rule: t.rule, value: t.value, required: t.required, due: t.due, overdue: t.overdue, status: t.status })),
    exam_candidates: (r.exam?.candidates ?? []).map((c) => ({ id: show(c.id), name: c.name, unit: c.unit })),
  };
}

export function presentAudit(r: AuditResult, policy: Policy, asOf: string, lang: Lang, o: CommonOptions) {
  return {
    sections: () => auditSections(r, policy, asOf, lang, o),
    csv: () => auditCsv(r, lang),
    json: () => auditJson(r, policy, asOf, lang, o),
  };
}
