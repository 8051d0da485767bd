import { describe, expect, it } from "vitest";
import { firstDayOf, parseDay, parseMonth } from "../../src/core/dates.js";
import { allowanceFor, payroll, roleDecides } from "../../src/core/rules/allowance.js";
import { loadPolicy } from "../../src/io/policies.js";
import { person, unit } from "../helpers/records.js";

const a = loadPolicy("qijiang-2020").allowance!;
const JUNE = parseMonth("2021-06")!;
const community = unit({ name: "C", type: "urban_community", swOffice: true });

const base = { unit: "C", role: "community_staff" as const, roleText: "专职社区工作者", grade: "intermediate" as const };

describe("QJ-ALLOWANCE: status on the first day of the month (綦江民发〔2020〕60号 四（三）)", () => {
  it.each([
    ["certificate on the last day of the previous month: paid", { cert: "2021-05-31" }, null, 10000],
    ["certificate on the 1st of the month: not paid that month (次月起)", { cert: "2021-06-01" }, "grade", 0],
    ["certificate later in the month: not paid", { cert: "2021-06-15" }, "grade", 0],
    ["no certificate date with a grade: counts as held", {}, null, 10000],
    ["starts on the 1st: in service, paid", { start: "2021-06-01" }, null, 10000],
    ["starts on the 2nd: not in service", { start: "2021-06-02" }, "not_in_service", 0],
    ["leaves on the 1st: in service that day, paid", { end: "2021-06-01" }, null, 10000],
    ["left the day before: not in service", { end: "2021-05-31" }, "not_in_service", 0],
    ["senior: 200 yuan", { grade: "senior" as const }, null, 20000],
    ["assistant: 50 yuan", { grade: "assistant" as const }, null, 5000],
    ["社会工作员 (staff): nothing", { grade: "staff" as const }, "grade", 0],
    ["no certificate: nothing", { grade: "none" as const }, "grade", 0],
    ["a committee member (社区党委书记) is paid", { role: "committee" as const, roleText: "社区党委书记" }, null, 10000],
    ["a grid worker (网格员) is not", { role: "other" as const, roleText: "网格员" }, "role", 0],
  ])("%s", (_name, over, reason, fen) => {
    const v = allowanceFor(person({ ...base, ...over }), community, JUNE, a);
    expect(v.reason).toBe(reason);
    expect(v.dueFen).toBe(fen);
  });

  it("the first condition that fails is the reason, in POLICY.md's order", () => {
    const everythingWrong = person({ ...base, role: "other", grade: "none", end: "2020-01-01" });
    const organ = unit({ name: "O", type: "organ" });
    expect(allowanceFor(everythingWrong, organ, JUNE, a).reason).toBe("not_in_service");
    expect(allowanceFor(person({ ...base, role: "other", grade: "none" }), organ, JUNE, a).reason).toBe("unit");
    expect(allowanceFor(person({ ...base, role: "other", grade: "none" }), community, JUNE, a).reason).toBe("role");
  });

  it.each([
    ["a community without an office", unit({ name: "C", type: "urban_community", swOffice: false })],
    ["a village whose office is not recorded", unit({ name: "V", type: "village" })],
    ["a town office", unit({ name: "T", type: "town", swOffice: true })],
  ])("%s: reason unit", (_name, u) => {
    expect(allowanceFor(person({ ...base, unit: u.name }), u, JUNE, a).reason).toBe("unit");
  });

  it("a range across the year end pays each month once", () => {
    const p = person({ ...base, cert: "2021-11-30" });
    const months = ["2021-11", "2021-12", "2022-01"].map((m) => parseMonth(m)!);
    const r = payroll(a, [p], new Map([["C", community]]), months, null);
    expect(r.payees.map((l) => [l.month, l.fen])).toEqual([
      ["2021-12", 10000],
      ["2022-01", 10000],
    ]);
    expect(r.notPaid.map((l) => [l.month, l.reason])).toEqual([["2021-11", "grade"]]);
    expect(r.byTown).toEqual([{ town: "古南街道", payees: 1, fen: 20000 }]);
    expect(r.totalFen).toBe(20000);
  });

  it("a ledger turns the payroll into what is still owed, and lists overpayments", () => {
    const p = person({ ...base });
    const q = person({ ...base, grade: "none" });
    const months = ["2021-05", "2021-06"].map((m) => parseMonth(m)!);
    const paid = new Map([
      [
        p.id,
        new Map([
          ["2021-05", 10000],
          ["2021-06", 4000],
        ]),
      ],
      [q.id, new Map([["2021-06", 5000]])],
    ]);
    const r = payroll(a, [p, q], new Map([["C", community]]), months, paid);
    expect(r.payees.map((l) => [l.id, l.month, l.fen])).toEqual([[p.id, "2021-06", 6000]]);
    expect(r.overpaid.map((l) => [l.id, l.month, l.fen])).toEqual([[q.id, "2021-06", 5000]]);
  });
});

describe("the role decides the allowance only in service, in a unit that qualifies (POLICY.md §1 Roles)", () => {
  const june1 = [firstDayOf(JUNE)];
  const clerk = { ...base, role: "other" as const, roleText: "科员" };
  it.each([
    ["in service in a community with an office", community, {}, true],
    ["in a bureau (机关): not paid whatever the role", unit({ name: "O", type: "organ", swOffice: true }), {}, false],
    ["in a street office (街道办事处)", unit({ name: "T", type: "town", swOffice: true }), {}, false],
    ["in a community without an office", unit({ name: "C", type: "urban_community", swOffice: false }), {}, false],
    ["in a village whose office is not recorded", unit({ name: "V", type: "village" }), {}, false],
    ["left the day before the month", community, { end: "2021-05-31" }, false],
    ["leaves on the 1st: in service that day", community, { end: "2021-06-01" }, true],
  ])("%s", (_name, u, over, decides) => {
    expect(roleDecides(person({ ...clerk, ...over }), u, a, june1)).toBe(decides);
  });

  it("in service on any of the days judged is enough (a range of months)", () => {
    const starts = person({ ...clerk, start: "2021-07-01" });
    expect(roleDecides(starts, community, a, june1)).toBe(false);
    expect(roleDecides(starts, community, a, [...june1, parseDay("2021-07-01")!])).toBe(true);
  });
});
