/**
 * A short title for each rule id of the built-in profiles, shown beside the id in tables where
 * the profile's full title (`title` in policies/*.yaml) would not fit. A rule this catalog does
 * not know (a custom policy's own) is shown with the profile's title.
 */
import type { Catalog } from "./catalog.js";

const en = {
  "QJ-CERT-SOCIAL-SERVICE": "certified share, social service",
  "QJ-CERT-OTHER": "certified share, other organs",
  "QJ-INST-SW-POSTS": "social-work posts, institutions",
  "QJ-SCHOOL-HOSPITAL": "school and hospital office",
  "QJ-COMMUNITY-CERT": "certified, community",
  "QJ-VILLAGE-CERT": "certified, village",
  "QJ-COMMUNITY-OFFICE": "social-work office",
  "QJ-AGENCY-STAFF": "agency staff qualified",
  "QJ-AGENCY-POSTS": "social-work posts, agencies",
  "QJ-TARGET-CERTIFIED": "certified in the district",
  "QJ-TARGET-AGENCIES": "social-work agencies",
  "QJ-EXAM": "exam candidates",
  "NB-COMMUNITY-PRO": "professionals, community",
  "NB-VILLAGE-PRO": "professionals, village",
  "NB-INST-SW-POSTS": "social-work posts, institutions",
  "NB-SOCIAL-ORG-POSTS": "social-work posts, social organisations",
  "NB-POST-CERT": "post tier and grade",
  "NB-PURCHASE-PRIORITY": "purchase priority",
  "NB-TARGET-PEOPLE": "people in social work",
  "NB-TARGET-PROFESSIONALS": "professionals",
  "NB-TARGET-SENIOR": "intermediate and senior",
  "NB-TARGET-AGENCIES": "social-work agencies",
  "NB-EXAM-AGE": "exam candidates, 40 or under",
  "CQ-COMMUNITY-PRO": "professionals, community",
  "CQ-VILLAGE-PRO": "professionals, village",
  "CQ-OFFICE-STAFF": "office staffed",
  "CQ-TARGET-PEOPLE": "professionals, long term",
  "LN-TARGET-PEOPLE-2015": "people in social work, 2015",
  "LN-TARGET-PROFESSIONALS-2015": "professionals, 2015",
  "LN-TARGET-PEOPLE-2020": "people in social work, 2020",
  "LN-TARGET-PROFESSIONALS-2020": "professionals, 2020",
  "YN-INST-SW-POSTS": "social-work posts, institutions",
  "YN-AGENCY-POSTS": "social-work posts, agencies",
  "YN-TOWN-STATION": "town station",
  "YN-POST-LEVEL": "post level and grade",
  "QJ-ALLOWANCE": "allowance",
  "QJ-TRAINING": "continuing education",
};

const zh: typeof en = {
  "QJ-CERT-SOCIAL-SERVICE": "持证比例",
  "QJ-CERT-OTHER": "持证比例",
  "QJ-INST-SW-POSTS": "专业岗位比例",
  "QJ-SCHOOL-HOSPITAL": "社工室及专业人才",
  "QJ-COMMUNITY-CERT": "社区持证人数",
  "QJ-VILLAGE-CERT": "村持证人数",
  "QJ-COMMUNITY-OFFICE": "社会工作室",
  "QJ-AGENCY-STAFF": "机构专职人员资质",
  "QJ-AGENCY-POSTS": "机构专业岗位比例",
  "QJ-TARGET-CERTIFIED": "全区持证人数",
  "QJ-TARGET-AGENCIES": "社工机构数量",
  "QJ-EXAM": "应报考人员",
  "NB-COMMUNITY-PRO": "社区专业人才",
  "NB-VILLAGE-PRO": "村专业人才",
  "NB-INST-SW-POSTS": "专业岗位比例",
  "NB-SOCIAL-ORG-POSTS": "社会组织岗位比例",
  "NB-POST-CERT": "岗位层级与证书",
  "NB-PURCHASE-PRIORITY": "购买服务优先",
  "NB-TARGET-PEOPLE": "从业人员",
  "NB-TARGET-PROFESSIONALS": "专业人才",
  "NB-TARGET-SENIOR": "中级以上",
  "NB-TARGET-AGENCIES": "社工机构数量",
  "NB-EXAM-AGE": "40岁以下报考",
  "CQ-COMMUNITY-PRO": "社区专业人才",
  "CQ-VILLAGE-PRO": "村专业人才",
  "CQ-OFFICE-STAFF": "工作室专职社工",
  "CQ-TARGET-PEOPLE": "专业人才规划",
  "LN-TARGET-PEOPLE-2015": "从业人员2015",
  "LN-TARGET-PROFESSIONALS-2015": "专业人才2015",
  "LN-TARGET-PEOPLE-2020": "从业人员2020",
  "LN-TARGET-PROFESSIONALS-2020": "专业人才2020",
  "YN-INST-SW-POSTS": "专业岗位比例",
  "YN-AGENCY-POSTS": "机构专业岗位比例",
  "YN-TOWN-STATION": "街镇社工站",
  "YN-POST-LEVEL": "岗位等级与证书",
  "QJ-ALLOWANCE": "职业津贴",
  "QJ-TRAINING": "继续教育",
};

export const RULE_TITLES: Catalog<Readonly<Record<string, string>>> = { en, zh };

/** The short title of a rule id, or null when the catalog does not know the id. */
export function shortTitle(rule: string, lang: "zh" | "en"): string | null {
  const titles = RULE_TITLES[lang];
  return Object.hasOwn(titles, rule) ? titles[rule]! : null;
}
