import { describe, expect, it } from "vitest";
import { DuplicateIds, type IdOutcome, samePerson } from "../../src/core/records/duplicates.js";
import { PersonTable } from "../../src/core/records/person-table.js";
import type { Person, Warning } from "../../src/core/records/types.js";
import { person } from "../helpers/records.js";

/** A row as read: a person (same id and name give the same person) or a row rejected for another cell. */
type Row = { id: string; name?: string; rejected?: true };

function resolve(rows: Row[]) {
  const warnings: Warning[] = [{ code: "unrelated", params: {} }];
  const table = new PersonTable();
  const ids = new DuplicateIds("roster.csv", warnings, table);
  const outcomes: (IdOutcome | "rejected")[] = [];
  rows.forEach((r, i) => {
    const row = i + 2;
    if (r.rejected) {
      ids.rejectedRow(r.id, row);
      outcomes.push("rejected");
      return;
    }
    const p: Person = { ...person({ id: r.id, name: r.name ?? "张三" }), row };
    outcomes.push(ids.add(table.add(p), (first) => samePerson(table.get(first), p)));
  });
  const done = ids.finish();
  return {
    outcomes,
    people: Array.from(done.kept, (i) => `${table.idAt(i)}@${table.rowAt(i)}`),
    rejected: done.rejected.sort((a, b) => a.row - b.row).map((x) => `${x.row} ${x.value} ${x.code} [${x.params!.rows}]`),
    accepted: done.accepted,
    warnings: warnings.map((w) => (w.code === "identical_rows" ? `identical ${w.params.id} ${w.params.row}=${w.params.other}` : w.code)),
  };
}

describe("rows that name the same id (SPEC.md Bad input)", () => {
  const rows: [string, Row[], ReturnType<typeof resolve>][] = [
    [
      "different ids: each kept",
      [{ id: "A" }, { id: "B" }],
      { outcomes: ["kept", "kept"], people: ["A@2", "B@3"], rejected: [], accepted: 2, warnings: ["unrelated"] },
    ],
    [
      "identical rows: one person, every row accepted, warned",
      [{ id: "A" }, { id: "A" }, { id: "A" }],
      {
        outcomes: ["kept", "identical", "identical"],
        people: ["A@2"],
        rejected: [],
        accepted: 3,
        warnings: ["unrelated", "identical A 2=3", "identical A 2=4"],
      },
    ],
    [
      "rows that differ: every row rejected, none paid",
      [{ id: "A" }, { id: "A", name: "李四" }],
      { outcomes: ["kept", "duplicate"], people: [], rejected: ["2 A duplicate_id [2, 3]", "3 A duplicate_id [2, 3]"], accepted: 0, warnings: ["unrelated"] },
    ],
    [
      "identical rows then one that differs: all three rejected, the identical warning withdrawn",
      [{ id: "A" }, { id: "B" }, { id: "A" }, { id: "A", name: "李四" }, { id: "A" }],
      {
        outcomes: ["kept", "kept", "identical", "duplicate", "duplicate"],
        people: ["B@3"],
        rejected: ["2 A duplicate_id [2, 4, 5, 6]", "4 A duplicate_id [2, 4, 5, 6]", "5 A duplicate_id [2, 4, 5, 6]", "6 A duplicate_id [2, 4, 5, 6]"],
        accepted: 1,
        warnings: ["unrelated"],
      },
    ],
    [
      "an id also on a row rejected for another cell: the kept row goes too, naming both",
      [{ id: "A" }, { id: "A", rejected: true }, { id: "B" }],
      { outcomes: ["kept", "rejected", "kept"], people: ["B@4"], rejected: ["2 A duplicate_id [2, 3]"], accepted: 1, warnings: ["unrelated"] },
    ],
    [
      "the rejected row first, then identical rows",
      [{ id: "A", rejected: true }, { id: "A" }, { id: "A" }],
      {
        outcomes: ["rejected", "kept", "identical"],
        people: [],
        rejected: ["3 A duplicate_id [2, 3, 4]", "4 A duplicate_id [2, 3, 4]"],
        accepted: 0,
        warnings: ["unrelated"],
      },
    ],
    [
      "a duplicate id also on a rejected row: its rows name the rejected one too",
      [{ id: "A" }, { id: "A", name: "李四" }, { id: "A", rejected: true }],
      {
        outcomes: ["kept", "duplicate", "rejected"],
        people: [],
        rejected: ["2 A duplicate_id [2, 3, 4]", "3 A duplicate_id [2, 3, 4]"],
        accepted: 0,
        warnings: ["unrelated"],
      },
    ],
    [
      "a rejected row whose id nobody else has changes nothing",
      [{ id: "Z", rejected: true }, { id: "A" }],
      { outcomes: ["rejected", "kept"], people: ["A@3"], rejected: [], accepted: 1, warnings: ["unrelated"] },
    ],
  ];
  it.each(rows)("%s", (_name, input, expected) => {
    expect(resolve(input)).toEqual(expected);
  });
});

describe("samePerson: every field but the row number", () => {
  const a = person({ id: "A", grade: "assistant", cert: "2019-06-01" });
  it.each([
    ["another row number", { row: 99 }, true],
    ["another grade", { grade: "intermediate" }, false],
    ["another certificate date", { certDate: a.certDate! + 1 }, false],
    ["a role text with a space more", { roleText: " " }, false],
  ] as [string, Partial<Person>, boolean][])("%s", (_name, over, same) => {
    expect(samePerson(a, { ...a, ...over })).toBe(same);
  });
});
