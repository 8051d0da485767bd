/** Display words for codes in tables (JSON keeps the codes): statuses, grades, unit types, shortfalls. */
import type { Status } from "../core/rules/audit.js";
import type { UnitType, Vocabulary } from "../core/policy/schema.js";
import { type Cell, type Tone, status as statusOf, text } from "./model.js";
import type { Lang } from "./messages.js";
import type { Catalog } from "./catalogs/catalog.js";

const STATUS: Record<string, { zh: string; en: string; tone: Tone }> = {
  pass: { zh: "达标", en: "pass", tone: "good" },
  fail: { zh: "未达标", en: "FAIL", tone: "bad" },
  not_applicable: { zh: "不适用", en: "n/a", tone: "dim" },
  unknown: { zh: "未知", en: "unknown", tone: "warn" },
  compliant: { zh: "达标", en: "compliant", tone: "good" },
  noncompliant: { zh: "未达标", en: "NONCOMPLIANT", tone: "bad" },
  in_progress: { zh: "进行中", en: "in progress", tone: "warn" },
};

export function statusCell(status: Status | string, lang: Lang): Cell {
  const s = STATUS[status];
  return s ? statusOf(status, s[lang], s.tone) : text(status);
}

/** A town's name; a unit with none is at district or city level (SPEC.md "Units"). */
export function townWord(town: string | null, lang: Lang): string {
  return town ?? (lang === "zh" ? "区（市）直属" : "district/city level");
}

/** 是 / 否, yes / no. */
export function yesWord(b: boolean, lang: Lang): string {
  return lang === "zh" ? (b ? "是" : "否") : b ? "yes" : "no";
}

/** A code shown as the vocabulary's first alias in Chinese, the code itself in English. */
export function codeWord(code: string, groups: Readonly<Record<string, readonly string[]>>, lang: Lang): string {
  if (lang === "en") return code;
  return groups[code]?.[0] ?? code;
}

export const gradeWord = (g: string, v: Vocabulary, lang: Lang): string => codeWord(g, v.grades, lang);

/**
 * The name of each unit type in words (POLICY.md §1). Fixed here rather than the vocabulary's
 * first alias: a `town` unit is a street office or a town government alike (街道办事处, 镇人民政府),
 * so 街道 alone would misname half of them, and a custom policy may list an English alias first.
 */
const UNIT_TYPE_EN: Readonly<Record<UnitType, string>> = {
  urban_community: "urban community",
  village: "village",
  town: "street or town office",
  organ: "government organ",
  institution: "public institution",
  sw_agency: "social-work agency",
  social_org: "social organisation",
  school: "school",
  hospital: "hospital",
  enterprise: "enterprise",
  other: "other",
};

const UNIT_TYPE: Catalog<Readonly<Record<UnitType, string>>> = {
  en: UNIT_TYPE_EN,
  zh: {
    urban_community: "城市社区",
    village: "村",
    town: "街道/镇",
    organ: "机关",
    institution: "事业单位",
    sw_agency: "社会工作服务机构",
    social_org: "社会组织",
    school: "学校",
    hospital: "医院",
    enterprise: "企业",
    other: "其他",
  },
};

export function unitTypeWord(t: string, v: Vocabulary, lang: Lang): string {
  const words: Readonly<Record<string, string>> = UNIT_TYPE[lang];
  return Object.hasOwn(words, t) ? words[t]! : codeWord(t, v.unit_types, lang);
}

const MEASURE: Record<string, { zh: string; en: [string, string] }> = {
  people: { zh: "名人员", en: ["person", "people"] },
  certified: { zh: "名持证人员", en: ["certified worker", "certified workers"] },
  certified_national: { zh: "名持全国证书人员", en: ["national certificate holder", "national certificate holders"] },
  certified_national_or_degree: {
    zh: "名持全国证书或本科以上学历的专职人员",
    en: ["full-time worker with a national certificate or a degree", "full-time workers with a national certificate or a degree"],
  },
  sw_professional: { zh: "名社会工作专业人才", en: ["social-work professional", "social-work professionals"] },
  sw_professional_full_time: { zh: "名专职社会工作专业人才", en: ["full-time social-work professional", "full-time social-work professionals"] },
  posts: { zh: "个社会工作专业岗位", en: ["social-work post", "social-work posts"] },
};

/** "needs 1 more certified worker" / "还需 1 名持证人员". */
export function shortfallWords(measure: string, n: number, lang: Lang): string {
  const m = MEASURE[measure] ?? MEASURE.people!;
  return lang === "zh" ? `还需 ${n} ${m.zh}` : `needs ${n} more ${m.en[n === 1 ? 0 : 1]}`;
}
