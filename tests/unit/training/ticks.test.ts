import { describe, expect, it } from "vitest";
import { Ticks } from "../../../src/core/rules/training/ticks.js";

describe("ticks: days and hours added exactly, whatever the hours in a day", () => {
  it.each([
    // hours a day, ticks in a day hundredth
    [6, 600],
    [7.5, 750],
    [8, 800],
    [6.25, 625],
  ])("%s hours a day: a day hundredth is %i ticks", (hours, perDay) => {
    const t = new Ticks(hours);
    expect(t.perDay).toBe(perDay);
    expect(t.of(100, 0, 0)).toBe(t.of(0, 0, 1));
    expect(t.of(0, hours * 100, 0)).toBe(t.of(100, 0, 0)); // a day's hours are a day
  });

  it.each([
    // hours a day, days100, hours100, whole days -> floor100, ceil100
    [6, 0, 0, 0, 0, 0],
    [6, 150, 0, 0, 150, 150],
    [6, 0, 300, 0, 50, 50],
    [6, 0, 100, 0, 16, 17],
    [6, 0, 500, 2, 283, 284],
    [7.5, 0, 100, 0, 13, 14],
    [7.5, 0, 750, 0, 100, 100],
    [8, 0, 400, 0, 50, 50],
  ])("%s h/day: %i/100 days + %i/100 hours + %i days = %i..%i hundredths", (hours, days100, hours100, whole, floor, ceil) => {
    const t = new Ticks(hours);
    const n = t.of(days100, hours100, whole);
    expect(t.floor100(n)).toBe(floor);
    expect(t.ceil100(n)).toBe(ceil);
  });

  it.each([
    // days required, in day hundredths
    [15, 1500],
    [12, 1200],
    [12.5, 1250],
    [0.01, 1],
  ])("a requirement of %s days is %i hundredths exactly", (days, hundredths) => {
    const t = new Ticks(6);
    expect(t.required(days)).toBe(hundredths * t.perDay);
    expect(t.floor100(t.required(days))).toBe(hundredths);
  });
});
