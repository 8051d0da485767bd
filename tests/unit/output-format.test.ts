/** The output format, decided once (deliver.ts outputFormat), and what each format needs (TRAITS). */
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/core/errors.js";
import { outputFormat } from "../../src/commands/deliver.js";
import { FORMATS, TRAITS } from "../../src/render/format.js";

describe("the output format", () => {
  it.each([
    [{ format: "JSON" }, false, "json"],
    [{ format: "xlsx", out: "report.html" }, false, "xlsx"],
    [{ out: "report.html" }, true, "html"],
    [{ out: "REPORT.HTM" }, true, "html"],
    [{ out: "2021-06.xlsx" }, true, "xlsx"],
    [{ out: "a.json" }, true, "json"],
    [{ out: "a.md" }, true, "md"],
    [{ out: "a.txt" }, false, "table"],
    [{ out: "payroll.csv" }, true, "csv"],
    [{ out: "payroll" }, true, "csv"],
    [{}, true, "table"],
    [{}, false, "csv"],
    [{ out: "-" }, false, "csv"],
    [{ format: "html" }, false, "html"],
  ] as const)("%j, stdout a terminal: %s -> %s", (o, tty, format) => {
    expect(outputFormat(o, { stdoutIsTTY: tty })).toBe(format);
  });

  it.each([{ format: "html" }, { format: "xlsx" }, { format: "xlsx", out: "-" }])("a document is never written to a terminal: %j", (o) => {
    expect(() => outputFormat(o, { stdoutIsTTY: true })).toThrow(UsageError);
  });

  it("every format says what it shows: only CSV leaves the not-paid list unmade; printed formats get the 签名 column", () => {
    expect(FORMATS.filter((f) => TRAITS[f].flatOnly)).toEqual(["csv"]);
    expect(FORMATS.filter((f) => TRAITS[f].forSigning)).toEqual(["md", "html", "xlsx"]);
    expect(FORMATS.filter((f) => TRAITS[f].document)).toEqual(["html", "xlsx"]);
  });
});
