import { describe, expect, it } from "vitest";
import { addInterval, intervalDays } from "../../../src/core/rules/training/intervals.js";

describe("spans of calendar days: each day counted once", () => {
  it.each([
    // name, spans added in order, intervals after, days covered
    ["nothing added", [], [], 0],
    ["one day", [[5, 5]], [5, 5], 1],
    [
      "the same span twice",
      [
        [1, 3],
        [1, 3],
      ],
      [1, 3],
      3,
    ],
    [
      "a gap of one day keeps two intervals",
      [
        [1, 3],
        [5, 7],
      ],
      [1, 3, 5, 7],
      6,
    ],
    [
      "touching on the left merges",
      [
        [5, 7],
        [1, 4],
      ],
      [1, 7],
      7,
    ],
    [
      "added before all",
      [
        [10, 12],
        [20, 22],
        [1, 2],
      ],
      [1, 2, 10, 12, 20, 22],
      8,
    ],
    [
      "added after all",
      [
        [1, 2],
        [10, 12],
        [20, 22],
      ],
      [1, 2, 10, 12, 20, 22],
      8,
    ],
    [
      "added between, touching neither",
      [
        [1, 2],
        [20, 22],
        [10, 12],
      ],
      [1, 2, 10, 12, 20, 22],
      8,
    ],
    [
      "overlapping the end of one and the start of the next",
      [
        [1, 5],
        [10, 15],
        [4, 11],
      ],
      [1, 15],
      15,
    ],
  ])("%s", (_name, adds, expected, days) => {
    const spans: number[] = [];
    for (const [s, e] of adds as [number, number][]) addInterval(spans, s, e);
    expect(spans).toEqual(expected);
    expect(intervalDays(spans)).toBe(days);
  });
});
