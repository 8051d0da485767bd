import { describe, expect, it } from "vitest";
import { type Day, monthRange, parseDay, parseMonth } from "../../src/core/dates.js";
import type { Policy } from "../../src/core/policy/schema.js";
import type { TrainingRecord } from "../../src/core/records/training.js";
import type { Person, Unit } from "../../src/core/records/types.js";
import {
  TrainingPair,
  allowancePart,
  anythingChanges,
  because,
  compare,
  compareAudit,
  lacking,
  peopleUnder,
  readingDiffers,
} from "../../src/core/rules/compare.js";
import { loadPolicy } from "../../src/io/policies.js";
import { person, staffOf, unit } from "../helpers/records.js";

const qj = loadPolicy("qijiang-2020");
const d = (s: string): Day => parseDay(s)!;
const AS_OF = d("2021-12-31");
const JUNE = parseMonth("2021-06")!;
const H1 = monthRange(parseMonth("2021-01")!, parseMonth("2021-06")!);

/** qijiang-2020 with some of its parts replaced, as a draft that `extends` it would give. */
function draft(over: {
  id?: string;
  monthly?: Policy["allowance"] extends infer A ? (A extends { monthly: infer M } ? M : never) : never;
  communityMin?: number;
}): Policy {
  const rule = qj.rules["QJ-COMMUNITY-CERT"]!;
  return {
    ...qj,
    id: over.id ?? "draft",
    allowance: over.monthly ? { ...qj.allowance!, monthly: over.monthly } : qj.allowance,
    rules: over.communityMin === undefined || rule.kind !== "count" ? qj.rules : { ...qj.rules, "QJ-COMMUNITY-CERT": { ...rule, min: over.communityMin } },
  };
}

const units = (...list: Unit[]) => new Map(list.map((u) => [u.name, u]));
const community = unit({ name: "滨河社区", type: "urban_community", swOffice: true });

describe("audit part: units compliant under each, and the units whose verdict or failing rules change", () => {
  it("2 certified meet QJ-COMMUNITY-CERT at min 2 and fail it at min 3; 3 certified meet both", () => {
    const two = unit({ name: "二", type: "urban_community", swOffice: true });
    const three = unit({ name: "三", type: "urban_community", swOffice: true });
    const people = [...staffOf("二", 4, 2), ...staffOf("三", 4, 3)];
    const c = compareAudit(qj, draft({ communityMin: 3 }), people, units(two, three), AS_OF);
    expect(c.units).toBe(2);
    expect(c.compliant).toEqual([2, 1]);
    expect(c.unitsChanged).toEqual([
      { unit: "二", town: "古南街道", unit_type: "urban_community", compliant: [true, false], failing: [[], ["QJ-COMMUNITY-CERT"]] },
    ]);
  });

  it("a unit failing under both, for other rules, is listed though its verdict stays", () => {
    const noOffice = unit({ name: "通惠社区", type: "urban_community", swOffice: false });
    const c = compareAudit(qj, draft({ communityMin: 3 }), staffOf("通惠社区", 3, 2), units(noOffice), AS_OF);
    expect(c.compliant).toEqual([0, 0]);
    expect(c.unitsChanged.map((u) => [u.unit, u.compliant, u.failing])).toEqual([
      ["通惠社区", [false, false], [["QJ-COMMUNITY-OFFICE"], ["QJ-COMMUNITY-CERT", "QJ-COMMUNITY-OFFICE"]]],
    ]);
  });

  it("region targets of either policy side by side, null where a policy has no such target", () => {
    const c = compareAudit(qj, loadPolicy("liaoning-2013"), staffOf("滨河社区", 2, 1), units(community), AS_OF);
    expect(c.targets.map((t) => [t.rule, t.status])).toEqual([
      ["QJ-TARGET-CERTIFIED", ["fail", null]],
      ["QJ-TARGET-AGENCIES", ["fail", null]],
      ["LN-TARGET-PEOPLE-2015", [null, "fail"]],
      ["LN-TARGET-PROFESSIONALS-2015", [null, "fail"]],
      ["LN-TARGET-PEOPLE-2020", [null, "fail"]],
      ["LN-TARGET-PROFESSIONALS-2020", [null, "fail"]],
    ]);
    expect(c.targets[0]).toEqual({ rule: "QJ-TARGET-CERTIFIED", status: ["fail", null], value: [1, null], required: [1000, null], due: ["2021-12-31", null] });
  });
});

describe("allowance part: every person-month whose amount changes, and the first condition or amount that differs", () => {
  const base = { unit: "滨河社区", role: "committee" as const, roleText: "社区党委书记", cert: "2019-01-01" };

  it("amounts raised: `amount: 200 -> 300`, totals per month, per town and in all", () => {
    const senior = person({ ...base, grade: "senior" });
    const assistant = person({ ...base, grade: "assistant", cert: "2021-03-15" }); // paid from April
    const b = draft({ monthly: { senior: 300, intermediate: 150, assistant: 80 } });
    const part = allowancePart(qj, b, [senior, assistant], units(community), { asOf: AS_OF, months: H1 });
    if (part.state !== "compared") throw new Error(part.state);
    const r = part.result;
    expect(r.months).toEqual(["2021-01", "2021-02", "2021-03", "2021-04", "2021-05", "2021-06"]);
    expect(r.byMonth.map((m) => [m.month, m.fen[0] / 100, m.fen[1] / 100])).toEqual([
      ["2021-01", 200, 300],
      ["2021-02", 200, 300],
      ["2021-03", 200, 300],
      ["2021-04", 250, 380],
      ["2021-05", 250, 380],
      ["2021-06", 250, 380],
    ]);
    expect(r.totalFen).toEqual([6 * 20000 + 3 * 5000, 6 * 30000 + 3 * 8000]);
    expect(r.byTown).toEqual([{ town: "古南街道", fen: r.totalFen }]);
    expect(r.peopleChanged).toHaveLength(9);
    expect(r.peopleChanged[0]).toMatchObject({ id: senior.id, month: "2021-01", fen: [20000, 30000], because: "amount: 200 -> 300" });
    expect(r.peopleChanged.find((c) => c.id === assistant.id)).toMatchObject({ month: "2021-04", fen: [5000, 8000], because: "amount: 50 -> 80" });
    expect(r.overpaidFen).toBeNull();
  });

  it("the first condition that differs: unit, role, grade", () => {
    const organ = unit({ name: "民政局", type: "organ", swOffice: true });
    const staff = person({ ...base, grade: "staff" });
    const grid = person({ ...base, grade: "intermediate", role: "other", roleText: "网格员" });
    const clerk = person({ ...base, unit: "民政局", grade: "intermediate" });
    const a = qj.allowance!;
    const b = {
      ...a,
      unit_types: [...a.unit_types, "organ" as const],
      roles: ["committee" as const, "community_staff" as const, "other" as const],
      monthly: { ...a.monthly, staff: 30 },
    };
    expect(because([clerk, clerk], organ, JUNE, a, b)).toBe("unit");
    expect(because([grid, grid], community, JUNE, a, b)).toBe("role");
    expect(because([staff, staff], community, JUNE, a, b)).toBe("grade");
    // paid from the month of the certificate (same_month) instead of the next: the grade condition differs
    const june = person({ ...base, grade: "intermediate", cert: "2021-06-10" });
    expect(because([june, june], community, JUNE, a, { ...a, paid_from: "same_month" })).toBe("grade");
  });

  it("a policy that names 网格员 a community staff role reads the roles again from the roster's words", () => {
    const grid = person({ ...base, grade: "intermediate", role: "other", roleText: "网格员" });
    const roles = { ...qj.vocabulary.roles, community_staff: [...qj.vocabulary.roles.community_staff, "网格员"] };
    const b: Policy = { ...qj, id: "grid", vocabulary: { ...qj.vocabulary, roles } };
    expect(peopleUnder(qj, qj, [grid])[0]!.role).toBe("other");
    expect(peopleUnder(b, qj, [grid])[0]!.role).toBe("community_staff");
    const part = allowancePart(qj, b, [grid], units(community), { asOf: AS_OF, months: [JUNE] });
    if (part.state !== "compared") throw new Error(part.state);
    expect(part.result.peopleChanged.map((c) => [c.fen, c.because])).toEqual([[[0, 10000], "role"]]);
    expect(readingDiffers(qj, b)).toEqual([]);
  });

  it("what would still be owed under each against a ledger, and what was overpaid", () => {
    const senior = person({ ...base, grade: "senior" });
    const paid = new Map([[senior.id, new Map([["2021-06", 25000]])]]);
    const b = draft({ monthly: { senior: 300, intermediate: 150, assistant: 80 } });
    const part = allowancePart(qj, b, [senior], units(community), { asOf: AS_OF, months: [JUNE], paid });
    if (part.state !== "compared") throw new Error(part.state);
    // 250 already paid: 50 overpaid under A (200 due), 50 still owed under B (300 due)
    expect(part.result.peopleChanged.map((c) => [c.fen, c.because])).toEqual([[[0, 5000], "amount: 200 -> 300"]]);
    expect(part.result.totalFen).toEqual([0, 5000]);
    expect(part.result.overpaidFen).toEqual([5000, 0]);
  });

  it("not comparable when a policy pays no allowance (liaoning-2013), not asked without months", () => {
    const ln = loadPolicy("liaoning-2013");
    const people = [person({ ...base, grade: "senior" })];
    expect(allowancePart(qj, ln, people, units(community), { asOf: AS_OF, months: [JUNE] })).toEqual({ state: "not_comparable", lacking: ["liaoning-2013"] });
    expect(allowancePart(qj, ln, people, units(community), { asOf: AS_OF, months: null })).toEqual({ state: "not_asked" });
    expect(lacking(ln, loadPolicy("ningbo-2018"), "allowance")).toEqual(["liaoning-2013", "ningbo-2018"]);
  });
});

describe("training part: every person whose required days or status changes", () => {
  let row = 1;
  const rec = (p: Person, start: string, days: number): TrainingRecord => ({
    id: p.id,
    row: ++row,
    start: d(start),
    end: d(start),
    days100: days * 100,
    hours100: null,
    course: "社会工作实务",
    provider: "区民政局",
  });

  it("assistant days raised from 12 to 15: 12 days was compliant, is now short", () => {
    const done = person({ unit: "滨河社区", grade: "assistant", cert: "2017-01-01" });
    const senior = person({ unit: "滨河社区", grade: "senior", cert: "2017-01-01" });
    const b: Policy = { ...qj, id: "more-days", training: { ...qj.training!, days: { ...qj.training!.days, assistant: 15 } } };
    const pair = new TrainingPair(qj, b, [done, senior], AS_OF);
    for (const r of [rec(done, "2021-03-01", 12), rec(senior, "2021-03-01", 15)]) pair.add(r);
    const part = pair.finish(units(community));
    if (part.state !== "compared") throw new Error(part.state);
    expect(part.result.peopleChanged).toEqual([
      {
        id: done.id,
        name: done.name,
        unit: "滨河社区",
        town: "古南街道",
        required100: [1200, 1500],
        days100: [1200, 1200],
        status: ["compliant", "noncompliant"],
      },
    ]);
  });

  it("a certificate window instead of a rolling one changes the days counted, not the requirement", () => {
    const p = person({ unit: "滨河社区", grade: "intermediate", cert: "2015-06-01" });
    const b: Policy = { ...qj, id: "cycles", training: { ...qj.training!, window: "certificate" } };
    const pair = new TrainingPair(qj, b, [p], AS_OF);
    // inside the rolling window (2019-01-01..2021-12-31), before the current cycle (from 2021-06-01); the certificate is over 3 years old
    pair.add(rec(p, "2020-05-01", 15));
    const part = pair.finish(units(community));
    if (part.state !== "compared") throw new Error(part.state);
    expect(part.result.peopleChanged.map((c) => [c.required100, c.days100, c.status])).toEqual([
      [
        [1500, 1500],
        [1500, 0],
        ["compliant", "noncompliant"],
      ],
    ]);
  });

  it("not comparable when a policy sets no training days; records are then not folded", () => {
    const p = person({ unit: "滨河社区", grade: "assistant" });
    const pair = new TrainingPair(qj, loadPolicy("ningbo-2018"), [p], AS_OF);
    expect(pair.tallies).toBeNull();
    expect(pair.has(p.id)).toBe(false);
    pair.add(rec(p, "2021-03-01", 12));
    expect(pair.finish(units(community))).toEqual({ state: "not_comparable", lacking: ["ningbo-2018"] });
  });
});

describe("--check: whether anything changes", () => {
  const people = [...staffOf("滨河社区", 4, 2, "senior", { role: "committee", roleText: "书记" })];
  const on = { asOf: AS_OF, months: [JUNE] };

  it("a policy compared with itself changes nothing", () => {
    const c = compare(qj, qj, people, units(community), on);
    expect(c.audit.unitsChanged).toEqual([]);
    expect(c.allowance.state === "compared" && c.allowance.result.peopleChanged).toEqual([]);
    expect(anythingChanges(c)).toBe(false);
  });

  it("a raised amount, a stricter rule, or a part only one policy has is a change", () => {
    expect(anythingChanges(compare(qj, draft({ monthly: { senior: 300 } }), people, units(community), on))).toBe(true);
    expect(anythingChanges(compare(qj, draft({ communityMin: 3 }), people, units(community), on))).toBe(true);
    const c = compare(qj, { ...qj, id: "no-allowance", allowance: null }, people, units(community), on);
    expect(c.allowance).toEqual({ state: "not_comparable", lacking: ["no-allowance"] });
    expect(anythingChanges(c)).toBe(true);
  });

  it("a part both policies lack is no change", () => {
    const ln = loadPolicy("liaoning-2013");
    const c = compare(ln, { ...ln, id: "ln-copy" }, people, units(community), on);
    expect(c.allowance).toEqual({ state: "not_comparable", lacking: ["liaoning-2013", "ln-copy"] });
    expect(anythingChanges(c)).toBe(false);
  });
});

describe("reading the inputs once", () => {
  it("a policy that reads grades with other words cannot share A's reading of the roster", () => {
    const grades = { ...qj.vocabulary.grades, staff: [...qj.vocabulary.grades.staff, "社工"] };
    expect(readingDiffers(qj, { ...qj, vocabulary: { ...qj.vocabulary, grades } })).toEqual(["grades"]);
    expect(readingDiffers(qj, loadPolicy("ningbo-2018"))).toEqual([]);
  });
});
