/** The audit's words: headers, titles, what is missing, person-check details and the summary. */
import { peopleCount, plural } from "../messages.js";
import { type Catalog, joinList } from "./catalog.js";

const en = {
  head: {
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
  title: "Compliance audit",
  townTitle: (town: string) => `town: ${town}`,
  personChecks: "Person checks",
  targets: "Region targets",
  exam: (rule: string, basis: string, n: number) => `Exam candidates: ${peopleCount(n)} (${rule}; ${basis})`,
  examSheet: "Exam candidates",
  none: "None.",
  summary: "Findings",
  flag: "flag",
  withDue: (basis: string, due: string) => `${basis} (due ${due})`,
  scopeUnknown: "whether the rule applies is not known (e.g. social_service not given): fill it in the units file",
  postsUnknown: "post counts not given: fill them in the units file",
  officeUnknown: "social-work office not given: fill it in the units file",
  attributeUnknown: "unit attribute not given: fill it in the units file",
  noOffice: "no social-work office",
  partsSep: "; ",
  notGiven: "not given",
  countValue: (value: string, required: string) => `${value} / ${required}`,
  ratioNotGiven: (required: string) => `not given (≥ ${required})`,
  ratioValue: (value: string, of: string, required: string) => `${value} of ${of} (≥ ${required})`,
  allowedGrades: (words: readonly string[]) => joinList(words, ", ", " or "),
  tierDetail: (tier: string, allowed: string, held: string) => `${tier} post needs ${allowed}; holds ${held}`,
  levelsNone: (level: string) => `post level ${level}: the policy sets post levels for no grade`,
  levelsOnly: (level: string, held: string, pairs: readonly [grade: string, levels: string][]) =>
    `post level ${level}: grade is ${held}, and the policy sets post levels only for ${joinList(
      pairs.map(([g, r]) => `${g} (${r})`),
      ", ",
      " and ",
    )}`,
  levelIn: (level: string, inside: boolean, levels: string, held: string) =>
    `post level ${level} is ${inside ? "within" : "outside"} levels ${levels} for ${held}`,
  gradesSep: ", ",
  actionTitle: (failing: number, unjudged: number) =>
    unjudged === 0
      ? `Not compliant: ${plural(failing, "unit", "units")}, and what each misses`
      : `Not compliant: ${plural(failing, "unit", "units")}, and checks that could not be judged`,
  unitsPassing: (n: number) => `${plural(n, "unit passes", "units pass")} every check`,
  personFailing: (n: number) => `Person checks failed: ${n}`,
  personPassing: (n: number) => `${plural(n, "person check passes", "person checks pass")}`,
  targetsMet: (n: number) => `${plural(n, "region target is", "region targets are")} met`,
  summaryLines: (x: {
    asOf: string;
    compliant: number;
    units: number;
    failing: number;
    unjudged: number;
    targets: number;
    met: number;
    overdue: number;
    grades: string;
  }) => [
    `As of ${x.asOf}`,
    `Units compliant: ${x.compliant} of ${x.units}${x.unjudged > 0 ? `, ${x.unjudged} of them with checks that could not be judged` : ""}; ${x.failing} not compliant`,
    x.targets === 0
      ? "The policy sets no region targets"
      : `Region targets met: ${x.met} of ${x.targets}${x.overdue > 0 ? ` (${x.overdue} overdue and not met)` : ""}`,
    `Grades (in service): ${x.grades}`,
  ],
  figures: {
    units: "units",
    compliant: "compliant",
    failing: "not compliant",
    unjudged: "compliant with checks that could not be judged",
    targetsMet: "region targets met",
    targets: "region targets",
    people: "people in service",
  },
  charts: { byTown: "Units per town", compliant: "compliant", failing: "not compliant", grades: "Grades (in service)", people: "people" },
};

const zh: typeof en = {
  head: {
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
  title: "社会工作专业人才配备核查报告",
  townTitle: (town) => `街镇：${town}`,
  personChecks: "人员核查",
  targets: "区域目标",
  exam: (rule, basis, n) => `应报考人员 ${n} 人（${rule}；${basis}）`,
  examSheet: "应报考人员",
  none: "无。",
  summary: "核查结论",
  flag: "标记",
  withDue: (basis, due) => `${basis}（期限 ${due}）`,
  scopeUnknown: "未填是否从事专业社会服务等单位信息，无法判断是否适用：请在单位信息中填写",
  postsUnknown: "岗位数未填：请在单位信息中填写",
  officeUnknown: "未填是否设立社会工作室：请在单位信息中填写",
  attributeUnknown: "单位信息未填：请补充后再核查",
  noOffice: "未设立社会工作室",
  partsSep: "；",
  notGiven: "未填",
  countValue: (value, required) => `${value} / ${required}`,
  ratioNotGiven: (required) => `未填（应 ≥ ${required}）`,
  ratioValue: (value, of, required) => `${value} / ${of}（应 ≥ ${required}）`,
  allowedGrades: (words) => joinList(words, "、", "或"),
  tierDetail: (tier, allowed, held) => `${tier}岗位需 ${allowed}；持有 ${held}`,
  levelsNone: (level) => `岗位等级 ${level} 级：本政策未为任何证书等级规定岗位等级`,
  levelsOnly: (level, held, pairs) =>
    `岗位等级 ${level} 级：证书等级为“${held}”，本政策只为 ${pairs.map(([g, r]) => `${g}（${r} 级）`).join("、")}规定了岗位等级`,
  levelIn: (level, inside, levels, held) => `岗位等级 ${level} 级，${inside ? "在" : "不在"} ${held} 对应的 ${levels} 级之内`,
  gradesSep: "，",
  actionTitle: (failing, unjudged) => (unjudged === 0 ? `未达标单位 ${failing} 个及差距` : `未达标单位 ${failing} 个及差距，以及无法判断的检查`),
  unitsPassing: (n) => `另有 ${n} 个单位各项检查均达标`,
  personFailing: (n) => `未达标的人员核查 ${n} 项`,
  personPassing: (n) => `达标的人员核查 ${n} 项`,
  targetsMet: (n) => `已达成的区域目标 ${n} 项`,
  summaryLines: (x) => [
    `核查日期：${x.asOf}`,
    `达标单位 ${x.compliant} / ${x.units}${x.unjudged > 0 ? `，其中 ${x.unjudged} 个有无法判断的检查` : ""}；未达标 ${x.failing}`,
    x.targets === 0 ? "本政策未设区域目标" : `区域目标达成 ${x.met} / ${x.targets}${x.overdue > 0 ? `，其中 ${x.overdue} 项已逾期未达标` : ""}`,
    `证书等级（在岗）：${x.grades}`,
  ],
  figures: {
    units: "单位数",
    compliant: "达标单位",
    failing: "未达标单位",
    unjudged: "达标单位中有检查无法判断的",
    targetsMet: "区域目标达成",
    targets: "区域目标",
    people: "在岗人数",
  },
  charts: { byTown: "各街镇单位达标情况", compliant: "达标", failing: "未达标", grades: "证书等级（在岗）", people: "人数" },
};

export const AUDIT_WORDS: Catalog<typeof en> = { en, zh };
