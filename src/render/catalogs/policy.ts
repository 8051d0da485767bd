/** `policy show`'s words: each code of a policy in words, each rule's scope and requirement, the headers. */
import type { Degree } from "../../core/policy/schema.js";
import type { Catalog } from "./catalog.js";

/** The code tables a policy is shown with. */
export type CodeTable = "holds" | "degree" | "posts" | "attribute" | "tier" | "role";

/** Who a rule counts, as the policy gives it (codes). */
export interface Who {
  readonly holds: string;
  readonly or_degree?: string;
  readonly grades?: readonly string[];
  readonly full_time?: boolean;
}

const ZH_CODES: Readonly<Record<CodeTable, Readonly<Record<string, string>>>> = {
  holds: { anyone: "人员", certified: "持证人员", certified_national: "持全国证书人员", sw_professional: "社会工作专业人才" },
  degree: { none: "无", associate: "大专", bachelor: "本科", master: "硕士", doctor: "博士" } satisfies Record<Degree, string>,
  posts: { professional_posts: "专业技术岗位数", sw_posts: "社会工作专业岗位数", total_posts: "岗位总数" },
  attribute: { sw_office: "设立社会工作室（站）", social_service: "从事专业社会服务" },
  tier: { senior: "高级岗位", intermediate: "中级岗位", junior: "初级岗位" },
  role: { committee: "社区两委成员", community_staff: "社区专职工作人员", other: "其他" },
};

const en = {
  head: {
    id: "id",
    title: "title",
    applies: "applies to",
    passes: "passes when",
    due: "due",
    basis: "basis",
    units: "units",
    who: "who",
    yuan: "yuan per month",
    roles: "roles",
    certificate: "certificate",
    days: "days per window",
    window: "window",
    hours: "hours per day",
  },
  /** a code in words: English shows the code itself */
  code: (_table: CodeTable, code: string): string => code,
  eachPerson: "each person",
  scopeExtra: (extra: readonly string[]) => ` (${extra.join(", ")})`,
  sep: "; ",
  who: (x: Who, _gradeWords: readonly string[]) => {
    let s = x.holds;
    if (x.grades) s += ` [${x.grades.join("+")}]`;
    if (x.or_degree) s += ` or degree ≥ ${x.or_degree}`;
    return x.full_time ? `full-time ${s}` : s;
  },
  ratio: (who: string, fullTime: boolean, fraction: string) => `${who} / ${fullTime ? "full-time " : ""}headcount ≥ ${fraction}`,
  count: (who: string, min: number, office: boolean) => `${who} ≥ ${min}${office ? " and sw_office = yes" : ""}`,
  attribute: (attribute: string, _word: string) => `${attribute} = yes`,
  flag: (who: string, min: number) => `flag when ${who} ≥ ${min} (informational)`,
  tierNeeds: (tier: string, _tierWord: string, grades: readonly string[], _gradeWords: readonly string[]) => `${tier} post: ${grades.join("/")}`,
  levelRange: (grade: string, _gradeWord: string, from: number, to: number) => `${grade}: ${from}–${to}`,
  targetPeople: (who: string, min: number) => `${who} in service ≥ ${min}`,
  targetUnits: (types: readonly string[], _typeWords: string, min: number) => `${types.join("/")} units ≥ ${min}`,
  params: (x: { document: string; staff: string; degree: string; fullTime: string }) => [
    `document: ${x.document}`,
    `staff_counts_as_certified: ${x.staff}`,
    `professional_degree_min: ${x.degree}`,
    `full_time_default: ${x.fullTime} (when the roster does not say)`,
  ],
  rules: "Rules",
  targets: "Region targets",
  exam: "Exam list",
  notCertified: "not certified",
  examAge: (max: number, unknownAge: "include" | "exclude") => `, aged ≤ ${max} (unknown age: ${unknownAge})`,
  allowance: "Monthly allowance",
  amountsSep: ", ",
  withOffice: " with sw_office",
  paidNextMonth: "dated before the 1st of the month (次月起)",
  paidInMonth: "dated in or before the month",
  noAllowance: "This policy sets no allowance amounts.",
  training: "Training",
  window: (kind: "rolling" | "certificate", years: number) => `${kind}, ${years} years`,
  noTraining: "This policy sets no training days.",
  region: "region",
};

const zh: typeof en = {
  head: {
    id: "编号",
    title: "名称",
    applies: "适用单位",
    passes: "达标条件",
    due: "期限",
    basis: "依据",
    units: "单位",
    who: "对象",
    yuan: "每月金额（元）",
    roles: "岗位",
    certificate: "证书",
    days: "每期应训天数",
    window: "计算期间",
    hours: "每天学时",
  },
  code: (table, code) => ZH_CODES[table][code] ?? code,
  eachPerson: "每名人员",
  scopeExtra: (extra) => `（${extra.join("，")}）`,
  sep: "；",
  who: (x, gradeWords) => {
    let s = ZH_CODES.holds[x.holds] ?? x.holds;
    if (x.grades) s += `（${gradeWords.join("/")}）`;
    if (x.or_degree) s += `或${ZH_CODES.degree[x.or_degree] ?? x.or_degree}及以上学历者`;
    return x.full_time ? `专职${s}` : s;
  },
  ratio: (who, fullTime, fraction) => `${who} / ${fullTime ? "专职" : ""}在岗人数 ≥ ${fraction}`,
  count: (who, min, office) => `${who} ≥ ${min} 人${office ? "，且设立社会工作室" : ""}`,
  attribute: (_attribute, word) => `${word}：是`,
  flag: (who, min) => `${who} ≥ ${min} 人时标记（仅提示）`,
  tierNeeds: (_tier, tierWord, _grades, gradeWords) => `${tierWord}：${gradeWords.join("/")}`,
  levelRange: (_grade, gradeWord, from, to) => `${gradeWord}：${from}–${to} 级`,
  targetPeople: (who, min) => `在岗${who} ≥ ${min} 人`,
  targetUnits: (_types, typeWords, min) => `${typeWords}数量 ≥ ${min} 家`,
  params: (x) => [
    `文件：${x.document}`,
    `社会工作员计入持证人员（staff_counts_as_certified）：${x.staff}`,
    `专业人才的最低社会工作专业学历（professional_degree_min）：${x.degree}`,
    `名册未填是否专职时按专职计（full_time_default）：${x.fullTime}`,
  ],
  rules: "单位与人员规则",
  targets: "区域目标",
  exam: "考试动员名单",
  notCertified: "未持证人员",
  examAge: (max, unknownAge) => `，年龄 ≤ ${max} 岁（年龄不详者${unknownAge === "exclude" ? "不列入" : "列入"}）`,
  allowance: "职业津贴",
  amountsSep: "，",
  withOffice: "（已设立社会工作室）",
  paidNextMonth: "取证日期早于当月 1 日（次月起发放）",
  paidInMonth: "取证日期不晚于当月",
  noAllowance: "本政策未规定津贴标准。",
  training: "继续教育",
  window: (kind, years) => (kind === "rolling" ? `截至核查日期的 ${years} 年` : `自取证日期起每 ${years} 年一个周期`),
  noTraining: "本政策未规定培训天数。",
  region: "区域",
};

export const POLICY_WORDS: Catalog<typeof en> = { en, zh };
