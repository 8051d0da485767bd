import { describe, expect, it } from "vitest";
import { parseDay } from "../../src/core/dates.js";
import { audit, evaluateUnit } from "../../src/core/rules/audit.js";
import { presentAudit } from "../../src/commands/audit.js";
import { Predicates } from "../../src/core/rules/predicates.js";
import type { Person, Unit } from "../../src/core/records/types.js";
import { loadPolicy } from "../../src/io/policies.js";
import { person, staffOf, unit } from "../helpers/records.js";

const AS_OF = parseDay("2021-12-31")!;

function check(policyId: string, u: Unit, people: Person[], rule: string) {
  const policy = loadPolicy(policyId);
  const v = evaluateUnit(policy, u, people, new Predicates(policy, AS_OF));
  return v.checks.find((c) => c.rule === rule) ?? null;
}

type Row = [string, Unit, Person[], string, string, number | boolean | null, string | number | boolean, number | null];

const town = unit({ name: "T", type: "town" });
const ss = (type: Unit["type"]) => unit({ name: "S", type, socialService: true });
const other = (type: Unit["type"]) => unit({ name: "O", type, socialService: false });

describe("qijiang-2020 unit rules at their edges", () => {
  const rows: Row[] = [
    // name, unit, people, rule, status, value, required, shortfall
    ["1 certified of 3 meets 1/3 (QJ-CERT-SOCIAL-SERVICE, town office)", town, staffOf("T", 3, 1), "QJ-CERT-SOCIAL-SERVICE", "pass", 1, "1/3", 0],
    ["1 certified of 4 misses 1/3 by 1", town, staffOf("T", 4, 1), "QJ-CERT-SOCIAL-SERVICE", "fail", 1, "1/3", 1],
    ["2 of 6 meet 1/3 in a social-service organ", ss("organ"), staffOf("S", 6, 2), "QJ-CERT-SOCIAL-SERVICE", "pass", 2, "1/3", 0],
    ["0 of 7 in a social-service institution need 3", ss("institution"), staffOf("S", 7, 0), "QJ-CERT-SOCIAL-SERVICE", "fail", 0, "1/3", 3],
    ["社会工作员 counts as certified under qijiang", town, staffOf("T", 3, 1, "staff"), "QJ-CERT-SOCIAL-SERVICE", "pass", 1, "1/3", 0],
    ["no one in service: not applicable", town, [], "QJ-CERT-SOCIAL-SERVICE", "not_applicable", 0, "1/3", 0],
    ["1 of 5 meets 1/5 (QJ-CERT-OTHER)", other("organ"), staffOf("O", 5, 1), "QJ-CERT-OTHER", "pass", 1, "1/5", 0],
    ["1 of 6 misses 1/5", other("institution"), staffOf("O", 6, 1), "QJ-CERT-OTHER", "fail", 1, "1/5", 1],
    [
      "14 of 20 posts meet 7/10 (QJ-INST-SW-POSTS)",
      unit({ name: "S", type: "institution", socialService: true, swPosts: 14, professionalPosts: 20 }),
      [],
      "QJ-INST-SW-POSTS",
      "pass",
      14,
      "7/10",
      0,
    ],
    [
      "13 of 20 posts miss 7/10 by 1",
      unit({ name: "S", type: "institution", socialService: true, swPosts: 13, professionalPosts: 20 }),
      [],
      "QJ-INST-SW-POSTS",
      "fail",
      13,
      "7/10",
      1,
    ],
    ["posts not given: unknown", unit({ name: "S", type: "institution", socialService: true }), [], "QJ-INST-SW-POSTS", "unknown", null, "7/10", null],
    [
      "0 professional posts: not applicable",
      unit({ name: "S", type: "institution", socialService: true, swPosts: 0, professionalPosts: 0 }),
      [],
      "QJ-INST-SW-POSTS",
      "not_applicable",
      0,
      "7/10",
      0,
    ],
    [
      "hospital with office and 2 professionals passes",
      unit({ name: "H", type: "hospital", swOffice: true }),
      staffOf("H", 5, 2, "intermediate"),
      "QJ-SCHOOL-HOSPITAL",
      "pass",
      2,
      2,
      0,
    ],
    [
      "a bachelor in social work is a professional (school)",
      unit({ name: "H", type: "school", swOffice: true }),
      [person({ unit: "H", grade: "assistant" }), person({ unit: "H", degree: "bachelor" })],
      "QJ-SCHOOL-HOSPITAL",
      "pass",
      2,
      2,
      0,
    ],
    [
      "an associate degree is not (qijiang: bachelor)",
      unit({ name: "H", type: "school", swOffice: true }),
      [person({ unit: "H", grade: "assistant" }), person({ unit: "H", degree: "associate" })],
      "QJ-SCHOOL-HOSPITAL",
      "fail",
      1,
      2,
      1,
    ],
    [
      "hospital without office fails even with professionals",
      unit({ name: "H", type: "hospital", swOffice: false }),
      staffOf("H", 3, 3),
      "QJ-SCHOOL-HOSPITAL",
      "fail",
      3,
      2,
      0,
    ],
    [
      "community with exactly 2 certified passes (QJ-COMMUNITY-CERT)",
      unit({ name: "C", type: "urban_community" }),
      staffOf("C", 9, 2),
      "QJ-COMMUNITY-CERT",
      "pass",
      2,
      2,
      0,
    ],
    ["community with 1 certified needs 1 more", unit({ name: "C", type: "urban_community" }), staffOf("C", 9, 1), "QJ-COMMUNITY-CERT", "fail", 1, 2, 1],
    ["village with 1 certified passes (QJ-VILLAGE-CERT)", unit({ name: "V", type: "village" }), staffOf("V", 4, 1), "QJ-VILLAGE-CERT", "pass", 1, 1, 0],
    ["village with none fails", unit({ name: "V", type: "village" }), staffOf("V", 4, 0), "QJ-VILLAGE-CERT", "fail", 0, 1, 1],
    ["office recorded: pass (QJ-COMMUNITY-OFFICE)", unit({ name: "V", type: "village", swOffice: true }), [], "QJ-COMMUNITY-OFFICE", "pass", true, true, null],
    ["no office: fail", unit({ name: "C", type: "urban_community", swOffice: false }), [], "QJ-COMMUNITY-OFFICE", "fail", false, true, null],
    ["office not recorded: unknown", unit({ name: "C", type: "urban_community" }), [], "QJ-COMMUNITY-OFFICE", "unknown", null, true, null],
    [
      "agency: 1 of 3 full-time with national certificate meets 1/3 (QJ-AGENCY-STAFF)",
      unit({ name: "A", type: "sw_agency" }),
      staffOf("A", 3, 1, "assistant", { fullTime: true }),
      "QJ-AGENCY-STAFF",
      "pass",
      1,
      "1/3",
      0,
    ],
    [
      "agency: 社会工作员 does not count for QJ-AGENCY-STAFF",
      unit({ name: "A", type: "sw_agency" }),
      staffOf("A", 3, 1, "staff", { fullTime: true }),
      "QJ-AGENCY-STAFF",
      "fail",
      0,
      "1/3",
      1,
    ],
    [
      "agency: a bachelor counts; part-timers are out of the headcount",
      unit({ name: "A", type: "sw_agency" }),
      [
        person({ unit: "A", degree: "bachelor", fullTime: true }),
        person({ unit: "A", fullTime: true }),
        person({ unit: "A", fullTime: true }),
        person({ unit: "A", grade: "senior", fullTime: false }),
      ],
      "QJ-AGENCY-STAFF",
      "pass",
      1,
      "1/3",
      0,
    ],
    [
      "agency posts 7 of 10 pass (QJ-AGENCY-POSTS)",
      unit({ name: "A", type: "sw_agency", swPosts: 7, totalPosts: 10 }),
      [],
      "QJ-AGENCY-POSTS",
      "pass",
      7,
      "7/10",
      0,
    ],
    ["agency posts 6 of 10 fail", unit({ name: "A", type: "sw_agency", swPosts: 6, totalPosts: 10 }), [], "QJ-AGENCY-POSTS", "fail", 6, "7/10", 1],
  ];
  it.each(rows)("%s", (_name, u, people, rule, status, value, required, shortfall) => {
    const c = check("qijiang-2020", u, people, rule);
    expect(c).not.toBeNull();
    expect({ status: c!.status, value: c!.value, required: c!.required, shortfall: c!.shortfall }).toEqual({ status, value, required, shortfall });
  });

  it("an organ whose social_service is not recorded gets unknown for both share rules", () => {
    const u = unit({ name: "O", type: "organ" });
    expect(check("qijiang-2020", u, staffOf("O", 3, 0), "QJ-CERT-SOCIAL-SERVICE")!.status).toBe("unknown");
    expect(check("qijiang-2020", u, staffOf("O", 3, 0), "QJ-CERT-OTHER")!.status).toBe("unknown");
    // unknown has no shortfall, whatever the count would have given
    expect(check("qijiang-2020", u, staffOf("O", 3, 0), "QJ-CERT-SOCIAL-SERVICE")!.shortfall).toBeNull();
  });

  it("an institution with post counts but no social_service: unknown, no shortfall, and marked as a scope that cannot be told", () => {
    const u = unit({ name: "I", type: "institution", professionalPosts: 10, swPosts: 1 });
    const c = check("qijiang-2020", u, staffOf("I", 2, 1), "QJ-INST-SW-POSTS")!;
    expect([c.status, c.value, c.shortfall, c.scopeUnknown]).toEqual(["unknown", 1, null, true]);
  });

  it("a certificate dated after the as-of date does not count", () => {
    const c = check("qijiang-2020", unit({ name: "V", type: "village" }), [person({ unit: "V", grade: "assistant", cert: "2022-01-01" })], "QJ-VILLAGE-CERT");
    expect(c!.status).toBe("fail");
  });

  it("a certificate dated on the as-of date counts", () => {
    const c = check("qijiang-2020", unit({ name: "V", type: "village" }), [person({ unit: "V", grade: "assistant", cert: "2021-12-31" })], "QJ-VILLAGE-CERT");
    expect(c!.status).toBe("pass");
  });
});

describe("ningbo-2018", () => {
  const rows: Row[] = [
    [
      "3 professionals in a community pass (NB-COMMUNITY-PRO)",
      unit({ name: "C", type: "urban_community" }),
      [...staffOf("C", 2, 2), person({ unit: "C", degree: "associate" })],
      "NB-COMMUNITY-PRO",
      "pass",
      3,
      3,
      0,
    ],
    [
      "社会工作员 is not certified under ningbo",
      unit({ name: "C", type: "urban_community" }),
      staffOf("C", 3, 3, "staff"),
      "NB-COMMUNITY-PRO",
      "fail",
      0,
      3,
      3,
    ],
    [
      "village with 1 professional passes (NB-VILLAGE-PRO)",
      unit({ name: "V", type: "village" }),
      [person({ unit: "V", degree: "associate" })],
      "NB-VILLAGE-PRO",
      "pass",
      1,
      1,
      0,
    ],
    [
      "posts 1 of 2 meet 1/2 (NB-INST-SW-POSTS)",
      unit({ name: "S", type: "institution", socialService: true, swPosts: 1, professionalPosts: 2 }),
      [],
      "NB-INST-SW-POSTS",
      "pass",
      1,
      "1/2",
      0,
    ],
    [
      "posts 4 of 9 miss 1/2 by 1",
      unit({ name: "S", type: "institution", socialService: true, swPosts: 4, professionalPosts: 9 }),
      [],
      "NB-INST-SW-POSTS",
      "fail",
      4,
      "1/2",
      1,
    ],
    [
      "social org 3 of 10 posts meet 3/10 (NB-SOCIAL-ORG-POSTS)",
      unit({ name: "G", type: "social_org", swPosts: 3, totalPosts: 10 }),
      [],
      "NB-SOCIAL-ORG-POSTS",
      "pass",
      3,
      "3/10",
      0,
    ],
    ["social org 2 of 10 posts fail", unit({ name: "G", type: "social_org", swPosts: 2, totalPosts: 10 }), [], "NB-SOCIAL-ORG-POSTS", "fail", 2, "3/10", 1],
  ];
  it.each(rows)("%s", (_name, u, people, rule, status, value, required, shortfall) => {
    const c = check("ningbo-2018", u, people, rule);
    expect({ status: c!.status, value: c!.value, required: c!.required, shortfall: c!.shortfall }).toEqual({ status, value, required, shortfall });
  });

  it("NB-PURCHASE-PRIORITY flags an agency with 2 professionals and never affects compliance", () => {
    const policy = loadPolicy("ningbo-2018");
    const is = new Predicates(policy, AS_OF);
    const two = evaluateUnit(policy, unit({ name: "A", type: "sw_agency" }), staffOf("A", 4, 2), is);
    const one = evaluateUnit(policy, unit({ name: "A", type: "sw_agency" }), staffOf("A", 4, 1), is);
    expect(two.flags).toEqual(["NB-PURCHASE-PRIORITY"]);
    expect(one.flags).toEqual([]);
    expect(one.compliant).toBe(true);
  });

  it.each([
    ["senior", "senior", "pass"],
    ["senior", "intermediate", "fail"],
    ["intermediate", "senior", "pass"],
    ["intermediate", "intermediate", "pass"],
    ["intermediate", "assistant", "fail"],
    ["junior", "assistant", "pass"],
    ["junior", "staff", "fail"],
    ["junior", "none", "fail"],
  ] as const)("NB-POST-CERT: a %s post held by %s is %s", (tier, grade, status) => {
    const policy = loadPolicy("ningbo-2018");
    const units = new Map([["U", unit({ type: "institution" })]]);
    const r = audit(policy, [person({ tier, grade })], units, AS_OF);
    expect(r.person_checks.map((c) => [c.rule, c.status])).toEqual([["NB-POST-CERT", status]]);
  });

  it("NB-EXAM-AGE lists uncertified people aged 40 or under at the as-of date", () => {
    const policy = loadPolicy("ningbo-2018");
    const units = new Map([["U", unit({ type: "urban_community" })]]);
    const forty = person({ birth: "1981-12-31" }); // 40 on 2021-12-31
    const fortyOne = person({ birth: "1980-12-31" }); // 41
    const unknown = person({});
    const certified = person({ birth: "1990-01-01", grade: "assistant" });
    const r = audit(policy, [forty, fortyOne, unknown, certified], units, AS_OF);
    expect(r.exam!.candidates.map((c) => c.id)).toEqual([forty.id, unknown.id]);
    // an output that never shows the list (CSV, compare) is spared it; nothing else changes
    const spared = audit(policy, [forty, fortyOne, unknown, certified], units, AS_OF, { exam: false });
    expect(spared.exam).toBeNull();
    expect({ ...spared, exam: r.exam }).toEqual(r);
  });

  it("targets count people in service and are overdue after their date", () => {
    const policy = loadPolicy("ningbo-2018");
    const units = new Map([["U", unit({ type: "sw_agency" })]]);
    const r = audit(policy, [person({ grade: "intermediate" }), person({ grade: "senior", end: "2021-06-30" })], units, AS_OF);
    const t = Object.fromEntries(r.targets.map((x) => [x.rule, x]));
    expect(t["NB-TARGET-SENIOR"]).toMatchObject({ value: 1, required: 2000, due: "2020-12-31", overdue: true, status: "fail" });
    expect(t["NB-TARGET-AGENCIES"]).toMatchObject({ value: 1, required: 200 });
  });
});

describe("yunnan-2021", () => {
  it.each([
    ["assistant", 11, "pass"],
    ["assistant", 12, "pass"],
    ["assistant", 10, "fail"],
    ["intermediate", 8, "pass"],
    ["intermediate", 10, "pass"],
    ["intermediate", 11, "fail"],
    ["senior", 5, "pass"],
    ["senior", 7, "pass"],
    ["senior", 4, "fail"],
    ["staff", 12, "fail"],
    ["none", 13, "fail"],
  ] as const)("YN-POST-LEVEL: %s at level %i is %s", (grade, level, status) => {
    const policy = loadPolicy("yunnan-2021");
    const units = new Map([["U", unit({ type: "institution" })]]);
    const r = audit(policy, [person({ grade, level })], units, AS_OF);
    expect(r.person_checks.map((c) => [c.rule, c.status])).toEqual([["YN-POST-LEVEL", status]]);
  });

  it.each([
    ["intermediate", 9, "en", "post level 9 is within levels 8–10 for intermediate"],
    ["assistant", 10, "en", "post level 10 is outside levels 11–12 for assistant"],
    ["none", 11, "en", "post level 11: grade is none, and the policy sets post levels only for assistant (11–12), intermediate (8–10) and senior (5–7)"],
    ["staff", 7, "en", "post level 7: grade is staff, and the policy sets post levels only for assistant (11–12), intermediate (8–10) and senior (5–7)"],
    ["intermediate", 9, "zh", "岗位等级 9 级，在 社会工作师 对应的 8–10 级之内"],
    ["assistant", 10, "zh", "岗位等级 10 级，不在 助理社会工作师 对应的 11–12 级之内"],
    ["none", 11, "zh", "岗位等级 11 级：证书等级为“无”，本政策只为 助理社会工作师（11–12 级）、社会工作师（8–10 级）、高级社会工作师（5–7 级）规定了岗位等级"],
  ] as const)("YN-POST-LEVEL detail: %s at level %i (%s) says it in one clear sentence", (grade, level, lang, detail) => {
    const policy = loadPolicy("yunnan-2021");
    const units = new Map([["U", unit({ type: "institution" })]]);
    const r = audit(policy, [person({ grade, level })], units, AS_OF);
    const json = JSON.parse(JSON.stringify(presentAudit(r, policy, "2021-12-31", lang, { mask: true, bom: true }).json())) as {
      person_checks: { detail: string }[];
    };
    expect(json.person_checks.map((c) => c.detail)).toEqual([detail]);
  });

  it("YN-TOWN-STATION needs a station in the town office; YN-AGENCY-POSTS 7/10", () => {
    expect(check("yunnan-2021", unit({ name: "T", type: "town", swOffice: false }), [], "YN-TOWN-STATION")).toMatchObject({
      status: "fail",
      due: "2021-06-30",
    });
    expect(check("yunnan-2021", unit({ name: "A", type: "sw_agency", swPosts: 7, totalPosts: 10 }), [], "YN-AGENCY-POSTS")!.status).toBe("pass");
    expect(
      check("yunnan-2021", unit({ name: "S", type: "institution", socialService: true, swPosts: 13, professionalPosts: 20 }), [], "YN-INST-SW-POSTS")!
        .shortfall,
    ).toBe(1);
  });
});

describe("liaoning-2013 and chongqing-2018", () => {
  it("liaoning has region targets only, two dates", () => {
    const policy = loadPolicy("liaoning-2013");
    const units = new Map([["U", unit({ type: "urban_community" })]]);
    const r = audit(policy, [person({ degree: "associate" }), person({})], units, AS_OF);
    expect(r.units[0]!.checks).toEqual([]);
    expect(r.targets.map((t) => [t.rule, t.value, t.required, t.due])).toEqual([
      ["LN-TARGET-PEOPLE-2015", 2, 140000, "2015-12-31"],
      ["LN-TARGET-PROFESSIONALS-2015", 1, 50000, "2015-12-31"],
      ["LN-TARGET-PEOPLE-2020", 2, 260000, "2020-12-31"],
      ["LN-TARGET-PROFESSIONALS-2020", 1, 100000, "2020-12-31"],
    ]);
  });

  it("CQ-OFFICE-STAFF: an office needs 2 full-time professionals; without an office it does not apply", () => {
    const withOffice = unit({ name: "C", type: "urban_community", swOffice: true });
    expect(
      check(
        "chongqing-2018",
        withOffice,
        [...staffOf("C", 1, 1, "staff", { fullTime: true }), person({ unit: "C", degree: "bachelor", fullTime: true })],
        "CQ-OFFICE-STAFF",
      )!.status,
    ).toBe("pass");
    expect(check("chongqing-2018", withOffice, [...staffOf("C", 2, 2, "assistant", { fullTime: false })], "CQ-OFFICE-STAFF")).toMatchObject({
      status: "fail",
      shortfall: 2,
    });
    expect(check("chongqing-2018", unit({ name: "C", type: "urban_community", swOffice: false }), staffOf("C", 2, 0), "CQ-OFFICE-STAFF")).toBeNull();
    expect(check("chongqing-2018", unit({ name: "C", type: "urban_community" }), staffOf("C", 2, 2), "CQ-OFFICE-STAFF")!.status).toBe("unknown");
  });

  it("CQ-COMMUNITY-PRO 2 and CQ-VILLAGE-PRO 1, staff counted", () => {
    expect(check("chongqing-2018", unit({ name: "C", type: "urban_community" }), staffOf("C", 5, 2, "staff"), "CQ-COMMUNITY-PRO")!.status).toBe("pass");
    expect(check("chongqing-2018", unit({ name: "V", type: "village" }), staffOf("V", 5, 0), "CQ-VILLAGE-PRO")!.status).toBe("fail");
  });
});

describe("audit over a roster", () => {
  it("counts only people in service on the as-of date, and the grade breakdown includes staff", () => {
    const policy = loadPolicy("qijiang-2020");
    const units = new Map([["V", unit({ name: "V", type: "village", swOffice: true })]]);
    const people = [
      person({ unit: "V", grade: "staff" }),
      person({ unit: "V", grade: "assistant", end: "2021-12-30" }),
      person({ unit: "V", grade: "senior", start: "2022-01-01" }),
      person({ unit: "V", grade: "intermediate", end: "2021-12-31" }),
    ];
    const r = audit(policy, people, units, AS_OF);
    expect(r.units[0]).toMatchObject({ headcount: 2, certified: 2, compliant: true });
    expect(r.grades).toEqual({ senior: 0, intermediate: 1, assistant: 0, staff: 1, none: 0 });
  });

  it("a unit listed with nobody in the roster is still audited", () => {
    const policy = loadPolicy("qijiang-2020");
    const units = new Map([["V", unit({ name: "V", type: "village", swOffice: true })]]);
    const r = audit(policy, [], units, AS_OF);
    expect(r.units[0]).toMatchObject({ unit: "V", headcount: 0, compliant: false });
  });

  it("QJ-EXAM lists the uncertified in communities, villages, town offices and organs; staff is certified", () => {
    const policy = loadPolicy("qijiang-2020");
    const units = new Map([
      ["C", unit({ name: "C", type: "urban_community" })],
      ["H", unit({ name: "H", type: "hospital" })],
    ]);
    const a = person({ unit: "C" });
    const r = audit(policy, [a, person({ unit: "C", grade: "staff" }), person({ unit: "H" })], units, AS_OF);
    expect(r.exam!.candidates.map((c) => c.id)).toEqual([a.id]);
  });
});
