/**
 * HTML reports (SPEC.md "Formats", html) as the CLI writes them, for every command in both
 * languages: one self-contained page, the payroll with its 签名 column and its not-paid list,
 * ids masked, the same bytes on a rerun. What a browser makes of them: tests/browser.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { json, swtalent } from "../helpers/cli.js";

const DISTRICT = ["fixtures/人员名册.csv", "--units", "fixtures/单位信息.csv"];
const COMMANDS: Record<string, string[]> = {
  audit: ["audit", ...DISTRICT, "--as-of", "2021-12-31"],
  allowance: ["allowance", ...DISTRICT, "--month", "2021-06"],
  training: ["training", "fixtures/人员名册.csv", "fixtures/培训记录.csv", "--units", "fixtures/单位信息.csv", "--as-of", "2021-12-31"],
  validate: ["validate", ...DISTRICT, "--training", "fixtures/培训记录.csv"],
};

async function page(args: string[]): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), "swtalent-html-")), "report.html");
  const r = await swtalent([...args, "--out", out, "--quiet"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return readFileSync(out, "utf8");
}

describe("--out report.html for every command, in both languages", () => {
  const cases = Object.keys(COMMANDS).flatMap((c) => (["zh", "en"] as const).map((lang) => [c, lang] as const));
  it.each(cases)("%s --lang %s: one page with nothing to fetch, ids masked, the same bytes twice", async (command, lang) => {
    const args = [...COMMANDS[command]!, "--lang", lang];
    const first = await page(args);
    expect(first.startsWith(`<!DOCTYPE html>\n<html lang="${lang === "zh" ? "zh-CN" : "en"}">`)).toBe(true);
    expect(first).not.toMatch(/<(script|link|img|iframe|object|embed|base)\b|\s(src|href|srcset)="|url\(|@import/i);
    expect(first).not.toMatch(/(?<![\dX])\d{17}[\dX](?![\dX])/);
    expect(first).toContain("qijiang-2020");
    expect(await page(args)).toBe(first);
  });
});

describe("the payroll as a page: the 发放花名册", () => {
  it("every payee, a 签名 cell each, the town's subtotal last; the totals; everyone not paid", async () => {
    const text = await page([...COMMANDS.allowance!, "--lang", "zh"]);
    const data = json(await swtalent([...COMMANDS.allowance!, "--lang", "zh", "--format", "json", "--quiet"]));
    for (const p of data.payees) expect(text).toContain(`<td class="id">${p.id}</td><td>${p.name}</td>`);
    expect(text.match(/<td class="sign"><\/td>/g)?.length).toBe(data.payees.length + data.by_town.length);
    expect(text).toContain("<th>签名</th>");
    expect(text).toContain("<h2>未发放人员</h2>");
    for (const n of data.not_paid) expect(text).toContain(`<td class="id">${n.id}</td><td>${n.name}</td>`);
    expect(text).toMatch(/<tr class="total"><td>总计<\/td><td class="n">4<\/td><td class="n">500.00<\/td><\/tr><\/tbody>/);
  });
});

describe("where a page goes", () => {
  it("--format html to a terminal is a usage error: exit 2", async () => {
    const r = await swtalent([...COMMANDS.audit!, "--format", "html"], { runtime: { stdoutIsTTY: true } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/--format html writes a document.*--out report.html/);
  });

  it("--format html down a pipe writes the page there", async () => {
    const r = await swtalent([...COMMANDS.audit!, "--format", "html", "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("<!DOCTYPE html>")).toBe(true);
  });

  it("policy writes no documents: --format html is a usage error", async () => {
    const r = await swtalent(["policy", "show", "qijiang-2020", "--format", "html"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/policy writes table, csv, json or md/);
  });
});
