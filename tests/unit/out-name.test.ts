import { describe, expect, it } from "vitest";
import { monthsName, outPath, withOutNamed } from "../../src/commands/out-name.js";
import { usageError } from "../helpers/errors.js";

describe("--out placeholders (SPEC.md Commands)", () => {
  it.each([
    ["payroll-{month}.csv", { month: "2021-06" }, "payroll-2021-06.csv"],
    ["payroll-{month}.csv", { month: "2021-01_2021-06" }, "payroll-2021-01_2021-06.csv"],
    ["out/{as_of}/audit-{as_of}.json", { as_of: "2021-12-31" }, "out/2021-12-31/audit-2021-12-31.json"],
    ["payroll.csv", {}, "payroll.csv"],
    // braces around anything but a word are left as typed
    ["a{1}b{}.csv", {}, "a{1}b{}.csv"],
  ])("%s with %j is %s", (out, names, path) => {
    expect(outPath(out, names, "x")).toBe(path);
  });

  it("a placeholder the command has no value for is a usage error saying what it stands for", () => {
    expect(usageError(() => outPath("audit-{month}.csv", { as_of: "2021-12-31" }, "audit"))).toBe(
      "--out audit-{month}.csv: audit has no value for {month}, which stands for a month (allowance): name the file without it",
    );
    expect(usageError(() => outPath("pay-{as_of}.csv", { month: "2021-06" }, "allowance"))).toBe(
      "--out pay-{as_of}.csv: allowance has no value for {as_of}, which stands for an as-of date (audit, training): name the file without it",
    );
  });

  it("a word in braces that is no placeholder is a usage error, not a file named after it", () => {
    expect(usageError(() => outPath("payroll-{date}.csv", { month: "2021-06" }, "allowance"))).toBe(
      "--out payroll-{date}.csv: {date} is not a placeholder: use {month} (allowance) or {as_of} (audit, training)",
    );
    expect(usageError(() => outPath("{constructor}.csv", {}, "validate"))).toMatch(/is not a placeholder/);
  });

  it("the options given are left as they are", () => {
    const given = { out: "p-{month}.csv", quiet: true };
    expect(withOutNamed(given, { month: "2021-06" }, "allowance")).toEqual({ out: "p-2021-06.csv", quiet: true });
    expect(given.out).toBe("p-{month}.csv");
    const none: { out?: string; quiet: boolean } = { quiet: true };
    expect(withOutNamed(none, {}, "validate")).toBe(none);
  });

  it.each([
    [["2021-06"], "2021-06"],
    [["2021-01", "2021-02", "2021-03"], "2021-01_2021-03"],
    [["2021-12", "2022-01"], "2021-12_2022-01"],
  ])("{month} of %j is %s", (months, name) => {
    expect(monthsName(months)).toBe(name);
  });
});
