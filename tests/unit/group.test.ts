import { describe, expect, it } from "vitest";
import { groupBy, groupByNumber, groupByUnit } from "../../src/core/rules/group.js";
import { compareText, compareTown } from "../../src/core/rules/order.js";

const entries = <K, T>(m: Map<K, T[]>) => [...m.entries()];

describe("groupBy keeps the items' order in each group and the keys' first appearance", () => {
  const rows: [string, string[], (s: string) => string, string[], [string, string[]][]][] = [
    // name, items, key, seed, groups
    ["nothing gives no groups", [], (s) => s[0]!, [], []],
    ["one key", ["a1", "a2"], (s) => s[0]!, [], [["a", ["a1", "a2"]]]],
    [
      "keys in the order they first appear, not sorted",
      ["b1", "a1", "b2", "a2"],
      (s) => s[0]!,
      [],
      [
        ["b", ["b1", "b2"]],
        ["a", ["a1", "a2"]],
      ],
    ],
    [
      "a seeded key with no items keeps an empty list, first",
      ["b1"],
      (s) => s[0]!,
      ["c", "b"],
      [
        ["c", []],
        ["b", ["b1"]],
      ],
    ],
    [
      "a key outside the seed comes after the seed's keys",
      ["z1", "b1"],
      (s) => s[0]!,
      ["b"],
      [
        ["b", ["b1"]],
        ["z", ["z1"]],
      ],
    ],
  ];
  it.each(rows)("%s", (_name, items, key, seed, groups) => {
    expect(entries(groupBy(items, key, seed))).toEqual(groups);
  });

  it("a null key (a unit at district or city level has no town) is a group of its own", () => {
    const units = [
      { n: 1, town: "古南街道" },
      { n: 2, town: null },
      { n: 3, town: "古南街道" },
    ];
    expect(entries(groupBy(units, (u) => u.town)).map(([k, list]) => [k, list.map((u) => u.n)])).toEqual([
      ["古南街道", [1, 3]],
      [null, [2]],
    ]);
  });

  it("takes any iterable, read once", () => {
    function* odd() {
      for (const n of [1, 2, 3, 5]) if (n % 2 === 1) yield n;
    }
    expect(entries(groupBy(odd(), (n) => (n > 2 ? "big" : "small")))).toEqual([
      ["small", [1]],
      ["big", [3, 5]],
    ]);
  });
});

describe("groupByNumber: the items kept, grouped by a number in one counting sort", () => {
  /** Group g's items, for every g, as groupByNumber gives them. */
  const groups = (r: { starts: Int32Array; order: Int32Array }, n: number) =>
    Array.from({ length: n }, (_, g) => [...r.order.subarray(r.starts[g]!, r.starts[g + 1]!)]);

  // each item with its group: [item, group]
  it.each([
    ["nothing gives empty groups", [], 2, [[], []]],
    [
      "each group keeps its items in the order given, whatever the groups' order",
      [
        [7, 1],
        [2, 2],
        [9, 0],
        [4, 1],
        [1, 1],
      ],
      3,
      [[9], [7, 4, 1], [2]],
    ],
    [
      "a group with nobody is empty, the last one too",
      [
        [5, 2],
        [8, 2],
      ],
      4,
      [[], [], [5, 8], []],
    ],
  ] as [string, [number, number][], number, number[][]][])("%s", (_name, pairs, n, expected) => {
    const groupOf = new Map(pairs);
    const r = groupByNumber(
      pairs.map(([item]) => item),
      n,
      (item) => groupOf.get(item)!,
    );
    expect(groups(r, n)).toEqual(expected);
    expect(r.starts[n]).toBe(pairs.length);
  });

  it("an item `keep` refuses is in no group; the others keep their order", () => {
    const r = groupByNumber(
      [10, 11, 12, 13, 14, 15],
      2,
      (i) => i % 2,
      (i) => i !== 12 && i !== 15,
    );
    expect(groups(r, 2)).toEqual([
      [10, 14],
      [11, 13],
    ]);
    expect(r.order).toHaveLength(4);
  });
});

describe("groupByUnit", () => {
  it("gathers people by unit, each unit's people in roster order", () => {
    const people = [
      { id: "3", unit: "滨河社区" },
      { id: "1", unit: "綦江区民政局" },
      { id: "2", unit: "滨河社区" },
    ];
    const m = groupByUnit(people);
    expect([...m.keys()]).toEqual(["滨河社区", "綦江区民政局"]);
    expect(m.get("滨河社区")!.map((p) => p.id)).toEqual(["3", "2"]);
    expect(m.get("綦江区民政局")).toEqual([people[1]]);
  });
});

describe("report order: towns, then 区（市）直属 last", () => {
  const rows: [string | null, string | null, number][] = [
    ["古南街道", "古南街道", 0],
    ["东溪镇", "古南街道", -1], // 东 U+4E1C before 古 U+53E4
    ["古南街道", null, -1],
    [null, "古南街道", 1],
    [null, null, 0],
  ];
  it.each(rows)("compareTown(%s, %s) has sign %d", (a, b, sign) => {
    expect(Math.sign(compareTown(a, b))).toBe(sign);
  });

  it("compareText is by UTF-16 code units, not by locale", () => {
    expect(["b", "B", "a", "綦江", "三江"].sort(compareText)).toEqual(["B", "a", "b", "三江", "綦江"]);
    expect(compareText("a", "a")).toBe(0);
  });
});
