import { describe, expect, it } from "vitest";
import { type Day, formatDay, parseDay } from "../../src/core/dates.js";
import { type TrainingRecord, TrainingReader } from "../../src/core/records/training.js";
import type { Person } from "../../src/core/records/types.js";
import {
  type PersonVerdict,
  SeenRecords,
  Ticks,
  TrainingTally,
  addInterval,
  certificateCycle,
  intervalDays,
  rollingWindow,
  training,
} from "../../src/core/rules/training.js";
import { rateOf, shortfallInWords } from "../../src/commands/training.js";
import { loadPolicy } from "../../src/io/policies.js";
import { type PersonOver, person, unit } from "../helpers/records.js";

const t = loadPolicy("qijiang-2020").training!;
const d = (s: string): Day => parseDay(s)!;
const AS_OF = d("2021-12-31");
const UNITS = new Map([["U", unit({ name: "U", type: "urban_community" })]]);

let row = 1;
/** A training record: `days` or `hours` as written in the cell, neither for a span. */
function rec(p: Person, start: string, end = start, amount: { days?: number; hours?: number; course?: string } = {}): TrainingRecord {
  row++;
  return {
    id: p.id,
    row,
    start: d(start),
    end: d(end),
    days100: amount.days === undefined ? null : Math.round(amount.days * 100),
    hours100: amount.days === undefined && amount.hours !== undefined ? Math.round(amount.hours * 100) : null,
    course: amount.course ?? "社会工作实务",
    provider: "区民政局",
  };
}

function judge(p: Person, records: (p: Person) => TrainingRecord[], asOf = AS_OF, window: "rolling" | "certificate" = "rolling") {
  const r = training(t, [p], UNITS, records(p), asOf, { window });
  return { ...r, v: r.people[0]! };
}

const shown = (v: PersonVerdict) => ({
  days: v.days100 / 100,
  status: v.status,
  shortfall: v.shortfall100 === null ? null : v.shortfall100 / 100,
  deadline: v.deadline === null ? null : formatDay(v.deadline),
});

describe("QJ-TRAINING window (綦江民发〔2020〕60号 二（二）)", () => {
  it.each([
    ["the 3 years ending on the as-of date, start exclusive", "2021-12-31", "2019-01-01"],
    ["a 29 February as-of goes back to 28 February (exclusive)", "2024-02-29", "2021-03-01"],
    ["an as-of on 1 March", "2021-03-01", "2018-03-02"],
  ])("rolling: %s", (_name, asOf, start) => {
    const w = rollingWindow(d(asOf), 3);
    expect([formatDay(w.start), formatDay(w.end)]).toEqual([start, asOf]);
  });

  it.each([
    ["inside the first cycle", "2015-06-01", "2017-12-31", "2015-06-01"],
    ["the third cycle", "2015-06-01", "2021-12-31", "2021-06-01"],
    ["the day before a cycle starts", "2015-06-01", "2021-05-31", "2018-06-01"],
    // on cert + 6 years the second cycle is complete and judged, not the third that starts that day
    ["the as-of date ends a cycle", "2015-06-01", "2021-06-01", "2018-06-01"],
    ["the day after a cycle ends", "2015-06-01", "2021-06-02", "2021-06-01"],
    ["the as-of date ends the first cycle", "2018-12-31", "2021-12-31", "2018-12-31"],
    ["the certificate date itself", "2018-12-31", "2018-12-31", "2018-12-31"],
    ["a 29 February certificate: cycles start on 28 February in common years", "2016-02-29", "2022-03-01", "2022-02-28"],
    ["a 29 February certificate: ... and on 29 February in leap years", "2016-02-29", "2028-03-01", "2028-02-29"],
  ])("certificate cycle: %s", (_name, cert, asOf, start) => {
    const w = certificateCycle(d(cert), d(asOf), 3);
    expect([formatDay(w.start), formatDay(w.end)]).toEqual([start, asOf]);
  });
});

type Case = [string, PersonOver, (p: Person) => TrainingRecord[], ReturnType<typeof shown>];

const old = { grade: "intermediate" as const, cert: "2010-01-01" };
const assistant = { grade: "assistant" as const, cert: "2010-01-01" };

describe("QJ-TRAINING days, status and deadline at the edges (as of 2021-12-31)", () => {
  const cases: Case[] = [
    [
      "a record on as-of minus 3 years exactly does not count",
      old,
      (p) => [rec(p, "2018-12-31", "2018-12-31", { days: 15 })],
      { days: 0, status: "noncompliant", shortfall: 15, deadline: null },
    ],
    [
      "a record on the next day counts",
      old,
      (p) => [rec(p, "2019-01-01", "2019-01-01", { days: 15 })],
      { days: 15, status: "compliant", shortfall: 0, deadline: null },
    ],
    [
      "a record on the as-of date counts",
      old,
      (p) => [rec(p, "2021-12-31", "2021-12-31", { days: 15 })],
      { days: 15, status: "compliant", shortfall: 0, deadline: null },
    ],
    [
      "a record after the as-of date does not count",
      old,
      (p) => [rec(p, "2022-01-01", "2022-01-01", { days: 15 })],
      { days: 0, status: "noncompliant", shortfall: 15, deadline: null },
    ],
    [
      "a span across the window's start counts only its days inside",
      old,
      (p) => [rec(p, "2018-12-30", "2019-01-02")],
      { days: 2, status: "noncompliant", shortfall: 13, deadline: null },
    ],
    [
      "a span across the as-of date counts only its days up to it",
      old,
      (p) => [rec(p, "2021-12-30", "2022-01-05")],
      { days: 2, status: "noncompliant", shortfall: 13, deadline: null },
    ],
    [
      "5 days across the edge count its 2 calendar days inside",
      old,
      (p) => [rec(p, "2018-12-30", "2019-01-02", { days: 5 })],
      { days: 2, status: "noncompliant", shortfall: 13, deadline: null },
    ],
    [
      "1 day across the edge counts 1 (the smaller)",
      old,
      (p) => [rec(p, "2018-12-30", "2019-01-02", { days: 1 })],
      { days: 1, status: "noncompliant", shortfall: 14, deadline: null },
    ],
    [
      "20 hours across the edge count at most its 1 day inside",
      old,
      (p) => [rec(p, "2018-12-31", "2019-01-01", { hours: 20 })],
      { days: 1, status: "noncompliant", shortfall: 14, deadline: null },
    ],
    [
      "4 hours across the edge count as 4 hours",
      old,
      (p) => [rec(p, "2018-12-31", "2019-01-01", { hours: 4 })],
      { days: 0.66, status: "noncompliant", shortfall: 14.34, deadline: null },
    ],
    [
      "90 hours = 15 days: 社会工作师 compliant",
      old,
      (p) => [rec(p, "2021-03-01", "2021-03-15", { hours: 90 })],
      { days: 15, status: "compliant", shortfall: 0, deadline: null },
    ],
    [
      "89.99 hours fall short, by 0.01 rounded up",
      old,
      (p) => [rec(p, "2021-03-01", "2021-03-15", { hours: 89.99 })],
      { days: 14.99, status: "noncompliant", shortfall: 0.01, deadline: null },
    ],
    [
      "72 hours = 12 days: 助理社会工作师 compliant",
      assistant,
      (p) => [rec(p, "2021-03-01", "2021-03-12", { hours: 72 })],
      { days: 12, status: "compliant", shortfall: 0, deadline: null },
    ],
    [
      "71.99 hours: 11.99 days, short by 0.01",
      assistant,
      (p) => [rec(p, "2021-03-01", "2021-03-12", { hours: 71.99 })],
      { days: 11.99, status: "noncompliant", shortfall: 0.01, deadline: null },
    ],
    [
      "days, hours and a span add up exactly",
      old,
      (p) => [rec(p, "2021-01-04", "2021-01-04", { days: 0.5 }), rec(p, "2021-02-01", "2021-02-01", { hours: 3 }), rec(p, "2021-03-01", "2021-03-14")],
      { days: 15, status: "compliant", shortfall: 0, deadline: null },
    ],
    [
      "overlapping spans count each calendar day once",
      old,
      (p) => [rec(p, "2021-01-01", "2021-01-10"), rec(p, "2021-01-05", "2021-01-12")],
      { days: 12, status: "noncompliant", shortfall: 3, deadline: null },
    ],
    [
      "a span inside another adds nothing",
      old,
      (p) => [rec(p, "2021-01-01", "2021-01-15"), rec(p, "2021-01-03", "2021-01-04", { course: "另一课程" })],
      { days: 15, status: "compliant", shortfall: 0, deadline: null },
    ],
    [
      "touching spans add up",
      old,
      (p) => [rec(p, "2021-01-01", "2021-01-07"), rec(p, "2021-01-08", "2021-01-15")],
      { days: 15, status: "compliant", shortfall: 0, deadline: null },
    ],
    [
      "spans do not overlap-merge with day records",
      old,
      (p) => [rec(p, "2021-01-01", "2021-01-10"), rec(p, "2021-01-01", "2021-01-10", { days: 5 })],
      { days: 15, status: "compliant", shortfall: 0, deadline: null },
    ],
    [
      "an exact repeat counts once",
      old,
      (p) => [rec(p, "2021-01-01", "2021-01-08", { days: 8 }), rec(p, "2021-01-01", "2021-01-08", { days: 8 })],
      { days: 8, status: "noncompliant", shortfall: 7, deadline: null },
    ],
    [
      "the same dates and days for another course count twice",
      old,
      (p) => [rec(p, "2021-01-01", "2021-01-08", { days: 8 }), rec(p, "2021-01-01", "2021-01-08", { days: 8, course: "小组工作" })],
      { days: 16, status: "compliant", shortfall: 0, deadline: null },
    ],
    [
      "the same course and dates with other days count twice",
      old,
      (p) => [rec(p, "2021-01-01", "2021-01-08", { days: 8 }), rec(p, "2021-01-01", "2021-01-08", { days: 7 })],
      { days: 15, status: "compliant", shortfall: 0, deadline: null },
    ],
    [
      "社会工作员 (staff) needs 12: 12 days comply",
      { grade: "staff", cert: "2010-01-01" },
      (p) => [rec(p, "2020-01-01", "2020-01-12")],
      { days: 12, status: "compliant", shortfall: 0, deadline: null },
    ],
    [
      "社会工作员 with 11 days is short by 1",
      { grade: "staff", cert: "2010-01-01" },
      (p) => [rec(p, "2020-01-01", "2020-01-11")],
      { days: 11, status: "noncompliant", shortfall: 1, deadline: null },
    ],
    [
      "高级社会工作师 (senior) needs 15: 14 days are short",
      { grade: "senior", cert: "2010-01-01" },
      (p) => [rec(p, "2020-01-01", "2020-01-14")],
      { days: 14, status: "noncompliant", shortfall: 1, deadline: null },
    ],
    [
      "高级社会工作师 with 15 days complies",
      { grade: "senior", cert: "2010-01-01" },
      (p) => [rec(p, "2020-01-01", "2020-01-15")],
      { days: 15, status: "compliant", shortfall: 0, deadline: null },
    ],
    [
      "no certificate date with a grade: an old certificate, judged",
      { grade: "intermediate" },
      () => [],
      { days: 0, status: "noncompliant", shortfall: 15, deadline: null },
    ],
    [
      "a certificate younger than 3 years and short: in progress, deadline cert + 3 years",
      { grade: "intermediate", cert: "2019-01-01" },
      (p) => [rec(p, "2021-06-01", "2021-06-11")],
      { days: 11, status: "in_progress", shortfall: 4, deadline: "2022-01-01" },
    ],
    [
      "as-of on cert_date + 3 years itself: the window is complete",
      { grade: "intermediate", cert: "2018-12-31" },
      (p) => [rec(p, "2021-06-01", "2021-06-11")],
      { days: 11, status: "noncompliant", shortfall: 4, deadline: null },
    ],
    [
      "compliant with a young certificate: the deadline is still shown",
      { grade: "assistant", cert: "2020-06-30" },
      (p) => [rec(p, "2021-06-01", "2021-06-12")],
      { days: 12, status: "compliant", shortfall: 0, deadline: "2023-06-30" },
    ],
    [
      "grade none: not applicable, days still shown",
      { grade: "none" },
      (p) => [rec(p, "2021-06-01", "2021-06-02")],
      { days: 2, status: "not_applicable", shortfall: null, deadline: null },
    ],
  ];
  it.each(cases)("%s", (_name, over, records, expected) => {
    expect(shown(judge(person({ unit: "U", ...over }), records).v)).toEqual(expected);
  });

  it("an exact repeat is reported with its id, its row and the row it repeats", () => {
    const p = person({ unit: "U", ...old });
    const first = rec(p, "2021-01-01", "2021-01-08", { days: 8 });
    const again = { ...first, row: first.row + 5, provider: "另一机构" };
    const r = judge(p, () => [first, again]);
    expect(r.repeats).toEqual([{ id: p.id, row: again.row, first: first.row }]);
    expect(r.outcomes).toMatchObject({ counted: 1, repeat: 1 });
  });

  it("an exact repeat of a span or of hours is warned about too", () => {
    const p = person({ unit: "U", ...old });
    const r = judge(p, (q) => [
      rec(q, "2021-01-01", "2021-01-03"),
      rec(q, "2021-01-01", "2021-01-03"),
      rec(q, "2021-02-01", "2021-02-01", { hours: 6 }),
      rec(q, "2021-02-01", "2021-02-01", { hours: 6 }),
    ]);
    expect(r.repeats).toHaveLength(2);
    expect(r.v.days100).toBe(400);
  });

  it("the as-of date 2024-02-29: 28 February 2021 is outside, 1 March 2021 inside", () => {
    const asOf = d("2024-02-29");
    const out = judge(person({ unit: "U", ...old }), (p) => [rec(p, "2021-02-28", "2021-02-28", { days: 15 })], asOf);
    const inside = judge(person({ unit: "U", ...old }), (p) => [rec(p, "2021-03-01", "2021-03-01", { days: 15 })], asOf);
    expect([out.v.status, formatDay(out.v.window.start)]).toEqual(["noncompliant", "2021-03-01"]);
    expect(inside.v.status).toBe("compliant");
  });

  it("a 29 February certificate is complete on 28 February three years on", () => {
    const p = { unit: "U", grade: "assistant" as const, cert: "2020-02-29" };
    expect(shown(judge(person(p), () => [], d("2023-02-27")).v)).toMatchObject({ status: "in_progress", deadline: "2023-02-28" });
    expect(shown(judge(person(p), () => [], d("2023-02-28")).v)).toMatchObject({ status: "noncompliant", deadline: null });
  });

  it("certificate window: only the cycle containing the as-of date counts, up to the as-of date", () => {
    const records = (p: Person) => [
      rec(p, "2021-05-31", "2021-05-31", { days: 10 }), // the previous cycle
      rec(p, "2021-06-01", "2021-06-05", { days: 5 }), // first day of the cycle
      rec(p, "2021-05-30", "2021-06-02"), // a span across the cycle's start: 2 days inside
      rec(p, "2022-01-02", "2022-01-02", { days: 8 }), // after the as-of date
    ];
    const r = judge(person({ unit: "U", grade: "intermediate", cert: "2015-06-01" }), records, AS_OF, "certificate");
    expect([formatDay(r.v.window.start), formatDay(r.v.window.end)]).toEqual(["2021-06-01", "2021-12-31"]);
    expect(shown(r.v)).toEqual({ days: 7, status: "noncompliant", shortfall: 8, deadline: null });
    // the same records in the rolling window: all but the last
    expect(judge(person({ unit: "U", grade: "intermediate", cert: "2015-06-01" }), records).v.days100).toBe(1900);
  });

  it("certificate window on cert + 3 years itself: the first cycle is complete and judged whole", () => {
    const records = (p: Person) => [rec(p, "2019-03-01", "2019-03-15", { days: 15 })];
    const r = judge(person({ unit: "U", grade: "intermediate", cert: "2018-12-31" }), records, AS_OF, "certificate");
    expect([formatDay(r.v.window.start), formatDay(r.v.window.end)]).toEqual(["2018-12-31", "2021-12-31"]);
    expect(shown(r.v)).toEqual({ days: 15, status: "compliant", shortfall: 0, deadline: null });
  });

  it("certificate window in the first cycle: in progress until cert + 3 years", () => {
    const r = judge(person({ unit: "U", grade: "assistant", cert: "2020-03-15" }), (p) => [rec(p, "2020-03-01", "2020-03-20")], AS_OF, "certificate");
    expect(formatDay(r.v.window.start)).toBe("2020-03-15");
    expect(shown(r.v)).toEqual({ days: 6, status: "in_progress", shortfall: 6, deadline: "2023-03-15" });
  });

  it("certificate window with no certificate date: the rolling window", () => {
    const r = judge(person({ unit: "U", grade: "assistant" }), () => [], AS_OF, "certificate");
    expect(formatDay(r.v.window.start)).toBe("2019-01-01");
  });

  it("people not in service on the as-of date are not reported; their records are accounted for", () => {
    const left = person({ unit: "U", ...old, end: "2021-12-30" });
    const starts = person({ unit: "U", ...old, start: "2022-01-01" });
    const r = training(t, [left, starts], UNITS, [rec(left, "2021-01-01", "2021-01-05")], AS_OF);
    expect(r.people).toEqual([]);
    expect(r.outcomes.not_in_service).toBe(1);
  });
});

describe("QJ-TRAINING per-unit rates and the due-soon list", () => {
  it("rate = compliant of judged; the young and the not applicable are not judged", () => {
    const units = new Map([
      ["A", unit({ name: "A", type: "urban_community", town: "古南街道" })],
      ["B", unit({ name: "B", type: "village", town: "东溪镇" })],
    ]);
    const people = [
      person({ unit: "A", ...old }),
      person({ unit: "A", ...old }),
      person({ unit: "A", grade: "assistant", cert: "2020-01-01" }),
      person({ unit: "A", grade: "none" }),
      person({ unit: "B", grade: "intermediate", cert: "2021-01-01" }),
    ];
    const r = training(t, people, units, [rec(people[0]!, "2021-01-01", "2021-01-15"), rec(people[2]!, "2021-01-01", "2021-01-12")], AS_OF);
    expect(r.units).toEqual([
      { unit: "B", town: "东溪镇", judged: 0, compliant: 0 },
      { unit: "A", town: "古南街道", judged: 2, compliant: 1 },
    ]);
    expect(r.units.map(rateOf)).toEqual([null, 0.5]);
    expect(r.people.map((v) => v.unit)).toEqual(["B", "A", "A", "A", "A"]);
  });

  it.each([
    [2 / 3, 2, 3],
    [1, 3, 3],
    [0, 0, 4],
  ])("rate %d from %d of %d, to four decimals", (_r, compliant, judged) => {
    expect(rateOf({ compliant, judged })).toBe(Math.round((compliant / judged) * 10000) / 10000);
  });

  it.each([
    ["deadline exactly N days away is listed", 1, true],
    ["deadline N + 1 days away is not", 0, false],
  ])("--warn-days: %s", (_name, warnDays, listed) => {
    const p = person({ unit: "U", grade: "intermediate", cert: "2019-01-01" }); // deadline 2022-01-01, 1 day after as-of
    const r = training(t, [p], UNITS, [], AS_OF, { warnDays });
    expect(r.dueSoon!.map((v) => v.id)).toEqual(listed ? [p.id] : []);
  });

  it("--warn-days leaves out the compliant and the already complete", () => {
    const young = person({ unit: "U", grade: "assistant", cert: "2021-01-01" });
    const done = person({ unit: "U", grade: "assistant", cert: "2021-01-01" });
    const overdue = person({ unit: "U", ...old });
    const r = training(t, [young, done, overdue], UNITS, [rec(done, "2021-02-01", "2021-02-12")], AS_OF, { warnDays: 3650 });
    expect(r.dueSoon!.map((v) => v.id)).toEqual([young.id]);
    expect(training(t, [young], UNITS, [], AS_OF).dueSoon).toBeNull();
  });
});

describe("the shortfall in words", () => {
  const p = person({ unit: "U", grade: "intermediate", cert: "2019-01-01" });
  const v = judge(p, (q) => [rec(q, "2021-06-01", "2021-06-11")]).v;
  it.each([
    ["en", "needs 4 more days by 2022-01-01"],
    ["zh", "还需 4 天，截止 2022-01-01"],
  ] as const)("%s: %s", (lang, words) => expect(shortfallInWords(v, lang)).toBe(words));

  it("one day, no deadline, and nothing for the compliant", () => {
    const short = judge(person({ unit: "U", grade: "staff", cert: "2010-01-01" }), (q) => [rec(q, "2020-01-01", "2020-01-11")]).v;
    expect(shortfallInWords(short, "en")).toBe("needs 1 more day");
    expect(shortfallInWords(short, "zh")).toBe("还需 1 天");
    const ok = judge(person({ unit: "U", ...old }), (q) => [rec(q, "2020-01-01", "2020-01-15")]).v;
    expect(shortfallInWords(ok, "en")).toBe("");
  });
});

describe("exact arithmetic", () => {
  it.each([
    ["1 day", 100, 0, 0, 100, 100, 0],
    ["2.5 days + 3 hours + 1 whole day = 4 days", 250, 300, 1, 400, 400, 0],
    ["1 hour = 0.16 days rounded down, short by 0.84 rounded up of 1 day", 0, 100, 0, 16, 17, 84],
  ])("%s", (_name, days100, hours100, whole, floor100, ceil100, shortOfOneDay) => {
    const ticks = new Ticks(6);
    const n = ticks.of(days100, hours100, whole);
    expect(ticks.floor100(n)).toBe(floor100);
    expect(ticks.ceil100(n)).toBe(ceil100);
    if (shortOfOneDay) expect(ticks.ceil100(ticks.required(1) - n)).toBe(shortOfOneDay);
  });

  it("6 hours make a day: 90 hours = 15 days, 72 hours = 12 days", () => {
    const ticks = new Ticks(6);
    expect(ticks.of(0, 600, 0)).toBe(ticks.of(100, 0, 0));
    expect(ticks.of(0, 9000, 0)).toBe(ticks.required(15));
    expect(ticks.of(0, 7200, 0)).toBe(ticks.required(12));
  });

  it("7.5 hours a day (a custom policy) stays exact", () => {
    const ticks = new Ticks(7.5);
    expect(ticks.of(0, 7500, 0)).toBe(ticks.of(1000, 0, 0)); // 75 hours = 10 days
  });

  it("a thousand 0.01-day records add up to exactly 10 days", () => {
    const p = person({ unit: "U", ...old });
    const records = Array.from({ length: 1000 }, (_, i) => rec(p, "2021-01-01", "2021-01-01", { days: 0.01, course: `c${i}` }));
    expect(judge(p, () => records).v.days100).toBe(1000);
  });
});

describe("addInterval: calendar days covered by spans, each counted once", () => {
  it.each([
    [
      "disjoint stay apart, in order",
      [
        [10, 12],
        [1, 3],
      ],
      [1, 3, 10, 12],
    ],
    [
      "overlapping merge",
      [
        [1, 5],
        [4, 8],
      ],
      [1, 8],
    ],
    [
      "touching merge",
      [
        [1, 5],
        [6, 8],
      ],
      [1, 8],
    ],
    [
      "one covering several merges them all",
      [
        [1, 2],
        [5, 6],
        [9, 10],
        [0, 20],
      ],
      [0, 20],
    ],
    [
      "one bridging two",
      [
        [1, 3],
        [7, 9],
        [4, 6],
      ],
      [1, 9],
    ],
    [
      "inside another changes nothing",
      [
        [1, 10],
        [3, 4],
      ],
      [1, 10],
    ],
  ])("%s", (_name, adds, expected) => {
    const spans: number[] = [];
    for (const [s, e] of adds as [number, number][]) addInterval(spans, s, e);
    expect(spans).toEqual(expected);
    expect(intervalDays(spans)).toBe((expected as number[]).reduce((n, x, i, a) => (i % 2 ? n + x - a[i - 1]! + 1 : n), 0));
  });

  it("the tally keeps at most one interval per gap, whatever the number of records", () => {
    const p = person({ unit: "U", ...old });
    const tally = new TrainingTally([p], t, AS_OF);
    for (let i = 0; i < 5000; i++) tally.add(rec(p, "2021-01-01", "2021-01-20", { course: `第${i}期` }));
    expect(tally.finish(UNITS).people[0]!.days100).toBe(2000);
  });
});

describe("training rows -> records: days, else hours, else the span; rejected with a reason", () => {
  const policy = loadPolicy("qijiang-2020");
  const FIELDS = ["id", "start_date", "end_date", "days", "hours", "course"];
  const columns = new Map(FIELDS.map((f, i) => [f, i]));
  const read = (cells: string[]) => {
    const reader = new TrainingReader("training.csv", policy, columns, FIELDS.length, new Set(["G001"]));
    const r = reader.read(cells, 2);
    return { r, reasons: reader.rejected.map((x) => `${x.field}:${x.code}`), count: reader.count };
  };

  it.each([
    ["days and hours: days are kept", ["G001", "2021-03-01", "2021-03-02", "2", "90", "c"], 200, null],
    ["hours only", ["G001", "2021-03-01", "2021-03-02", "", "7.5", "c"], null, 750],
    ["a span only", ["G001", "2021-03-01", "2021-03-02", "", "", "c"], null, null],
    ["days with only a start date: a one-day record", ["G001", "2021-03-01", "", "1.5", "", "c"], 150, null],
    ["full-width digits", ["G001", "2021-03-01", "", "１２", "", "c"], 1200, null],
  ])("%s", (_name, cells, days100, hours100) => {
    const { r, count } = read(cells);
    expect([r?.days100, r?.hours100]).toEqual([days100, hours100]);
    expect(count).toEqual({ file: "training.csv", rows: 1, accepted: 1, rejected: 0 });
  });

  it.each([
    ["an id not in the roster", ["G999", "2021-03-01", "2021-03-02", "2", "", "c"], ["id:not_in_roster"]],
    ["the end before the start", ["G001", "2021-03-02", "2021-03-01", "", "", "c"], ["end_date:end_before_start"]],
    ["nothing says how long", ["G001", "2021-03-01", "", "", "", "c"], ["days:no_duration"]],
    ["no date at all", ["G001", "", "", "2", "", "c"], ["start_date:no_date"]],
    ["days not a number", ["G001", "2021-03-01", "", "两天", "", "c"], ["days:bad_number"]],
    ["a negative number of hours", ["G001", "2021-03-01", "", "", "-6", "c"], ["hours:bad_number"]],
    ["a date that is not one", ["G001", "2021-02-30", "", "2", "", "c"], ["start_date:bad_date"]],
  ])("rejected: %s", (_name, cells, reasons) => {
    const { r, reasons: got, count } = read(cells);
    expect(r).toBeNull();
    expect(got).toEqual(reasons);
    expect(count).toMatchObject({ rows: 1, accepted: 0, rejected: 1 });
  });
});

describe("SeenRecords: the table of records seen, for exact repeats", () => {
  it("gives -1 the first time and the first row after, across growth, keeping people apart", () => {
    const seen = new SeenRecords();
    const n = 5000; // grows the table several times
    for (let i = 0; i < n; i++) {
      expect(seen.firstOrAdd(i % 97, 2 ** 52 + i * 7919, i + 2)).toBe(-1);
    }
    expect(seen.count).toBe(n);
    for (let i = 0; i < n; i++) expect(seen.firstOrAdd(i % 97, 2 ** 52 + i * 7919, 999_999)).toBe(i + 2);
    // the same record hash for another person is a different record
    expect(seen.firstOrAdd(200, 2 ** 52, 7)).toBe(-1);
    expect(seen.firstOrAdd(0, 2 ** 52, 8)).toBe(2);
    // hashes equal in their low 32 bits are still told apart
    expect(seen.firstOrAdd(5, 2 ** 40 + 1, 10)).toBe(-1);
    expect(seen.firstOrAdd(5, 2 ** 41 + 1, 11)).toBe(-1);
    expect(seen.firstOrAdd(5, 2 ** 41 + 1, 12)).toBe(11);
    expect(seen.count).toBe(n + 3);
  });
});
