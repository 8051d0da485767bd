import { describe, expect, it } from "vitest";
import { type Day, formatDay, parseDay } from "../../../src/core/dates.js";
import type { TrainingRecord } from "../../../src/core/records/training.js";
import { type FoldOutcome, TrainingTally } from "../../../src/core/rules/training/tally.js";
import { loadPolicy } from "../../../src/io/policies.js";
import { type PersonOver, person, unit } from "../../helpers/records.js";

const policy = loadPolicy("qijiang-2020").training!; // 3 years, rolling, assistant 12 days, 6 hours a day
const d = (s: string): Day => parseDay(s)!;
const AS_OF = d("2021-12-31"); // the window runs 2019-01-01 to 2021-12-31
const UNITS = new Map([["U", unit({ name: "U", type: "urban_community" })]]);

let row = 1;
function rec(id: string, start: string, end: string, amount: { days?: number; hours?: number; course?: string } = {}): TrainingRecord {
  return {
    id,
    row: ++row,
    start: d(start),
    end: d(end),
    days100: amount.days === undefined ? null : amount.days * 100,
    hours100: amount.hours === undefined ? null : amount.hours * 100,
    course: amount.course ?? "社会工作实务",
    provider: "区民政局",
  };
}

describe("each record folded: its outcome and the days it adds", () => {
  const p = person({ id: "P", unit: "U", grade: "assistant", cert: "2010-01-01" });
  const gone = person({ id: "G", unit: "U", grade: "assistant", end: "2021-06-30" });
  const rows: [string, TrainingRecord[], FoldOutcome[], number][] = [
    // name, records, outcomes, day hundredths counted for P
    ["inside the window: counted", [rec("P", "2020-03-01", "2020-03-02", { days: 2 })], ["counted"], 200],
    [
      "on the window's first and last days",
      [rec("P", "2019-01-01", "2019-01-01", { days: 1 }), rec("P", "2021-12-31", "2021-12-31", { days: 1 })],
      ["counted", "counted"],
      200,
    ],
    ["4 days crossing the start: at most its 2 days inside", [rec("P", "2018-12-30", "2019-01-02", { days: 4 })], ["clipped"], 200],
    ["1 day crossing the start: its 1 day inside", [rec("P", "2018-12-31", "2019-01-01", { days: 1 })], ["clipped"], 100],
    ["12 hours crossing the start with 1 day inside: 1 day", [rec("P", "2018-12-31", "2019-01-01", { hours: 12 })], ["clipped"], 100],
    ["3 hours crossing the start with 1 day inside: the 3 hours", [rec("P", "2018-12-31", "2019-01-01", { hours: 3 })], ["clipped"], 50],
    ["a span crossing the start: its calendar days inside", [rec("P", "2018-12-25", "2019-01-03")], ["clipped"], 300],
    ["before the window", [rec("P", "2018-06-01", "2018-06-01", { days: 1 })], ["outside_window"], 0],
    ["after the as-of date", [rec("P", "2022-01-01", "2022-01-01", { days: 1 })], ["outside_window"], 0],
    [
      "an exact repeat: counted once",
      [rec("P", "2020-03-01", "2020-03-02", { days: 2 }), rec("P", "2020-03-01", "2020-03-02", { days: 2 })],
      ["counted", "repeat"],
      200,
    ],
    [
      "the same dates, another course: both count",
      [rec("P", "2020-03-01", "2020-03-02", { days: 2 }), rec("P", "2020-03-01", "2020-03-02", { days: 2, course: "督导" })],
      ["counted", "counted"],
      400,
    ],
    [
      "overlapping spans: each day once",
      [rec("P", "2020-03-01", "2020-03-05"), rec("P", "2020-03-04", "2020-03-08", { course: "督导" })],
      ["counted", "counted"],
      800,
    ],
    ["someone not in the roster", [rec("X", "2020-03-01", "2020-03-01", { days: 1 })], ["not_in_service"], 0],
    ["someone who left before the as-of date", [rec("G", "2020-03-01", "2020-03-01", { days: 1 })], ["not_in_service"], 0],
  ];
  it.each(rows)("%s", (_name, records, outcomes, days100) => {
    const tally = new TrainingTally([p, gone], policy, AS_OF);
    expect(records.map((r) => tally.add(r))).toEqual(outcomes);
    const people = tally.finish(UNITS).people;
    expect(people.map((v) => v.id)).toEqual(["P"]);
    expect(people[0]!.days100).toBe(days100);
  });
});

describe("status, shortfall and deadline (as of 2021-12-31, assistant 12 days)", () => {
  const rows: [string, PersonOver, TrainingRecord[] | ((id: string) => TrainingRecord[]), object][] = [
    [
      "12 days of an old certificate: compliant",
      { grade: "assistant", cert: "2010-01-01" },
      (id) => [rec(id, "2020-01-01", "2020-01-01", { days: 12 })],
      { status: "compliant", shortfall100: 0, deadline: null, judged: true },
    ],
    [
      "72 hours are 12 days",
      { grade: "assistant", cert: "2010-01-01" },
      (id) => [rec(id, "2020-01-01", "2020-01-01", { hours: 72 })],
      { status: "compliant", shortfall100: 0, deadline: null, judged: true },
    ],
    [
      "11.5 days: noncompliant, half a day short",
      { grade: "assistant" },
      (id) => [rec(id, "2020-01-01", "2020-01-01", { days: 11.5 })],
      { status: "noncompliant", shortfall100: 50, deadline: null, judged: true },
    ],
    [
      "a certificate of 2020-05-01 with 3 days: in progress until 2023-05-01",
      { grade: "assistant", cert: "2020-05-01" },
      (id) => [rec(id, "2021-01-01", "2021-01-01", { days: 3 })],
      { status: "in_progress", shortfall100: 900, deadline: "2023-05-01", judged: false },
    ],
    [
      "a certificate of 2018-12-31 is complete on the as-of date itself",
      { grade: "assistant", cert: "2018-12-31" },
      [],
      { status: "noncompliant", shortfall100: 1200, deadline: null, judged: true },
    ],
    ["no grade: not applicable", { grade: "none" }, [], { status: "not_applicable", required100: null, shortfall100: null, deadline: null, judged: false }],
  ];
  it.each(rows)("%s", (_name, over, records, expected) => {
    const p = person({ unit: "U", ...over });
    const tally = new TrainingTally([p], policy, AS_OF);
    for (const r of typeof records === "function" ? records(p.id) : records) tally.add(r);
    const v = tally.finish(UNITS).people[0]!;
    expect({ ...v, deadline: v.deadline === null ? null : formatDay(v.deadline) }).toMatchObject(expected);
  });
});

describe("verdicts in report order, with per-unit rates", () => {
  it("towns in order, district level (no town) last, a unit with nobody in service rated 0 of 0, people by id", () => {
    const units = new Map([
      ["局", unit({ name: "局", type: "organ", town: null })],
      ["滨河社区", unit({ name: "滨河社区", type: "urban_community", town: "古南街道" })],
      ["东溪社区", unit({ name: "东溪社区", type: "urban_community", town: "东溪镇" })],
      ["福林村", unit({ name: "福林村", type: "village", town: "东溪镇" })],
    ]);
    const people = [
      person({ id: "B2", unit: "滨河社区", grade: "assistant" }),
      person({ id: "J1", unit: "局", grade: "assistant" }),
      person({ id: "B1", unit: "滨河社区", grade: "assistant" }),
      person({ id: "D1", unit: "东溪社区", grade: "none" }),
    ];
    const tally = new TrainingTally(people, policy, AS_OF);
    tally.add(rec("B1", "2021-01-01", "2021-01-01", { days: 12 }));
    const r = tally.finish(units, 30);
    expect(r.units).toEqual([
      { unit: "东溪社区", town: "东溪镇", judged: 0, compliant: 0 },
      { unit: "福林村", town: "东溪镇", judged: 0, compliant: 0 },
      { unit: "滨河社区", town: "古南街道", judged: 2, compliant: 1 },
      { unit: "局", town: null, judged: 1, compliant: 0 },
    ]);
    expect(r.people.map((v) => `${v.id}:${v.status}`)).toEqual(["D1:not_applicable", "B1:compliant", "B2:noncompliant", "J1:noncompliant"]);
    expect(r.dueSoon).toEqual([]);
  });
});
