import { describe, expect, it } from "vitest";
import { type Day, formatDay, parseDay } from "../../../src/core/dates.js";
import { WINDOW_KINDS, certificateCycle, rollingWindow, trainingWindow, windowCompleteOn } from "../../../src/core/rules/training/window.js";
import { person } from "../../helpers/records.js";

const d = (s: string): Day => parseDay(s)!;
const shown = (w: { start: Day; end: Day }) => [formatDay(w.start), formatDay(w.end)];

describe("rolling window: the years ending on the as-of date, the start day excluded", () => {
  it.each([
    // as-of, years, first day counted
    ["2021-12-31", 3, "2019-01-01"],
    ["2021-01-01", 3, "2018-01-02"],
    ["2021-12-31", 1, "2021-01-01"],
    ["2024-02-29", 3, "2021-03-01"],
    ["2024-02-29", 4, "2020-03-01"],
  ])("as of %s over %i years: from %s", (asOf, years, start) => {
    expect(shown(rollingWindow(d(asOf), years))).toEqual([start, asOf]);
  });
});

describe("certificate cycles: the cycle holding the as-of date, up to it; its last day still belongs to it", () => {
  it.each([
    // certificate, as-of, cycle start
    ["2018-06-15", "2018-06-15", "2018-06-15"],
    ["2018-06-15", "2021-06-14", "2018-06-15"],
    ["2018-06-15", "2021-06-15", "2018-06-15"],
    ["2018-06-15", "2021-06-16", "2021-06-15"],
    ["2018-06-15", "2024-06-15", "2021-06-15"],
    ["2018-06-15", "2024-06-16", "2024-06-15"],
    ["2010-01-01", "2021-12-31", "2019-01-01"],
    ["2020-02-29", "2023-02-28", "2020-02-29"],
    ["2020-02-29", "2023-03-01", "2023-02-28"],
  ])("certificate %s, as of %s: from %s", (cert, asOf, start) => {
    expect(shown(certificateCycle(d(cert), d(asOf), 3))).toEqual([start, asOf]);
  });
});

describe("a person's window", () => {
  const asOf = d("2021-12-31");
  it.each([
    ["rolling ignores the certificate date", "rolling", "2020-05-01", "2019-01-01"],
    ["certificate starts the cycle on the certificate date", "certificate", "2020-05-01", "2020-05-01"],
    ["certificate with no certificate date falls back to rolling", "certificate", undefined, "2019-01-01"],
  ] as const)("%s", (_name, kind, cert, start) => {
    const p = person(cert === undefined ? {} : { cert });
    expect(shown(trainingWindow(p, kind, asOf, 3))).toEqual([start, "2021-12-31"]);
  });

  it.each([
    ["no certificate date: an old certificate, complete already", undefined, null],
    ["three years after the certificate", "2019-03-01", "2022-03-01"],
    ["a 29 February certificate: 28 February three years on", "2020-02-29", "2023-02-28"],
  ])("complete on: %s", (_name, cert, on) => {
    const day = windowCompleteOn(person(cert === undefined ? {} : { cert }), 3);
    expect(day === null ? null : formatDay(day)).toBe(on);
  });

  it("the window kinds a policy or --window may name", () => {
    expect(WINDOW_KINDS).toEqual(["rolling", "certificate"]);
  });
});
