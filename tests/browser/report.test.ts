/**
 * The HTML reports in a real browser: Debian's headless Chromium (chromium-headless-shell,
 * with fonts-noto-cjk; .ci/run installs them) driven by playwright-core, one browser for the
 * whole file. Without the browser these tests fail, they never skip: a report nobody has
 * opened is not known to work.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, json, swtalent } from "../helpers/cli.js";

const CHROMIUM = "/usr/bin/chromium-headless-shell";
const DISTRICT = ["fixtures/人员名册.csv", "--units", "fixtures/单位信息.csv"];
const AUDIT = ["audit", ...DISTRICT, "--as-of", "2021-12-31"];
const PAYROLL = ["allowance", ...DISTRICT, "--month", "2021-06"];
const TRAINING = ["training", "fixtures/人员名册.csv", "fixtures/培训记录.csv", "--units", "fixtures/单位信息.csv", "--as-of", "2021-12-31"];

const dir = mkdtempSync(join(tmpdir(), "swtalent-browser-"));
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // root in CI: no sandbox; and nothing of the browser's own reaching out
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-domain-reliability", "--no-first-run"],
  });
}, 60000);

afterAll(async () => {
  await browser?.close();
});

/** Writes the report with the CLI; the JSON of the same run beside it. */
async function report(name: string, args: string[], cwd = ROOT): Promise<{ file: string; data: any }> {
  const file = join(dir, `${name}.html`);
  const r = await swtalent([...args, "--out", file, "--quiet"], { cwd });
  expect(r.code, r.stderr).toBe(0);
  const data = json(await swtalent([...args, "--format", "json", "--quiet"], { cwd }));
  return { file, data };
}

/** Opens a report; every request other than the page itself is recorded and refused. */
async function open(file: string): Promise<{ page: Page; requests: string[]; dialogs: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on("request", (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  await context.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, requests, dialogs };
}

/** Each table's body rows as the page shows them, by the heading of its section. */
function tables(page: Page): Promise<Record<string, string[][]>> {
  return page.$$eval("section", (sections) => {
    const out: Record<string, string[][]> = {};
    for (const s of sections) {
      const title: string = s.querySelector("h2")?.textContent ?? "";
      const rows: string[][] = [...s.querySelectorAll("table tbody tr")].map((tr: any) =>
        [...tr.querySelectorAll("td")].map((td: any) => td.textContent ?? ""),
      );
      if (rows.length > 0) out[title] = rows;
    }
    return out;
  });
}

const figures = (page: Page): Promise<Record<string, string>> =>
  page.$$eval(".figure", (all) => Object.fromEntries(all.map((f) => [f.querySelector(".k")!.textContent, f.querySelector(".v")!.textContent])));

const money = (s: string): number => Number(s.replace(/,/g, ""));

function pdfPages(pdf: Buffer): { pages: number; text: string[]; sizes: string[] } {
  const file = join(dir, `p${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", file], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/gm)].map((m) => m[1]!);
  const text = Array.from({ length: pages }, (_, i) =>
    execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", file, "-"], { encoding: "utf8" }),
  );
  return { pages, text, sizes };
}

const PORTRAIT = "594.96 x 841.92";
const LANDSCAPE = "841.92 x 594.96";

describe("the audit report in Chromium", () => {
  it("its figures are the JSON's; it asks for nothing over the network; its Chinese heading is drawn in a CJK font", async () => {
    const { file, data } = await report("audit-zh", [...AUDIT, "--lang", "zh"]);
    const { page, requests } = await open(file);
    const f = await figures(page);
    expect(Number(f.单位数)).toBe(data.units.length);
    expect(Number(f.达标单位)).toBe(data.units.filter((u: any) => u.compliant).length);
    expect(Number(f.未达标单位)).toBe(data.units.filter((u: any) => !u.compliant).length);
    expect(Number(f.区域目标达成)).toBe(data.targets.filter((t: any) => t.status === "pass").length);
    // every unit's row: its headcount and certified as JSON has them, its first verdict as a word
    const rows = Object.entries(await tables(page))
      .filter(([title]) => title.startsWith("街镇"))
      .flatMap(([, r]) => r);
    for (const u of data.units) {
      const row = rows.find((r) => r[0] === u.unit)!;
      expect(row, u.unit).toBeDefined();
      expect([Number(row[2]), Number(row[3])]).toEqual([u.headcount, u.certified]);
      const word = { pass: "达标", fail: "未达标", not_applicable: "不适用", unknown: "未知" }[u.checks[0]?.status as string] ?? "不适用";
      expect(row[6]).toBe(word);
    }
    // the chart's bars: compliant and failing units per town
    const bars = await page.$$eval("figure.chart:first-of-type svg > text[text-anchor='end']", (t) => t.map((x) => x.textContent));
    expect(bars).toEqual([...new Set(data.units.map((u: any) => u.town ?? "区（市）直属"))]);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument");
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "h1" });
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    expect(await page.textContent("h1")).toBe("社会工作专业人才配备核查报告");
    expect(fonts.map((x) => x.familyName).join(", ")).toMatch(/CJK|WenQuanYi/);

    expect(requests).toEqual([]);
    await page.context().close();
  }, 60000);

  it("prints on A4: the title page portrait, the wide town tables landscape, the header repeated", async () => {
    const { file } = await report("audit-en", [...AUDIT, "--lang", "en"]);
    const { page } = await open(file);
    const pdf = pdfPages(await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true }));
    // the title page (head, figures, charts, summary), two landscape pages of town tables, targets and exam list
    expect(pdf.pages).toBe(4);
    expect(pdf.sizes[0]).toBe(PORTRAIT);
    expect(pdf.sizes.filter((s) => s === LANDSCAPE).length).toBeGreaterThanOrEqual(2);
    for (const [i, size] of pdf.sizes.entries()) {
      if (size === LANDSCAPE) expect(pdf.text[i], `page ${i + 1}`).toMatch(/unit\s+unit_type\s+headcount/);
    }
    await page.context().close();
  }, 60000);
});

describe("the payroll in Chromium: the 发放花名册", () => {
  it("every payee and amount, each town's subtotal and the total are the JSON's", async () => {
    const { file, data } = await report("payroll-zh", [...PAYROLL, "--lang", "zh"]);
    const { page, requests } = await open(file);
    const t = await tables(page);
    const payees: unknown[] = [];
    for (const town of data.by_town) {
      const rows = t[`街镇：${town.town}`]!;
      const last = rows.at(-1)!;
      expect(last[0]).toBe("小计");
      expect(money(last[5]!)).toBe(town.total);
      for (const r of rows.slice(0, -1)) payees.push([r[0], r[1], r[4], money(r[5]!), r[6]]);
    }
    expect(payees).toEqual(data.payees.map((p: any) => [p.id, p.name, p.month, p.amount, ""]));
    expect(t.合计!.at(-1)).toEqual(["总计", String(new Set(data.payees.map((p: any) => p.id)).size), "500.00"]);
    expect(money(t.合计!.at(-1)![2]!)).toBe(data.total);
    expect(t.未发放人员!.length).toBe(data.not_paid.length);
    expect(await page.$$eval("tfoot", (x) => x.length)).toBe(0);
    expect(money((await figures(page))["合计金额（元）"]!)).toBe(data.total);
    // the roll ends, under its grand total, with the lines its makers sign
    expect(await page.textContent("body")).toMatch(/合计[\s\S]*制表人：_+\s+审核人：_+\s+日期：_+[\s\S]*未发放人员/);
    expect(requests).toEqual([]);
    await page.context().close();
  }, 60000);

  it("a long payroll prints its header row, 签名 included, on every page", async () => {
    const people = Array.from(
      { length: 120 },
      (_, i) => `G${String(i + 1).padStart(3, "0")},员工${i + 1},滨河社区,社区,古南街道,是,专职社区工作者,社会工作师,2019-01-01`,
    );
    const cwd = mkdtempSync(join(tmpdir(), "swtalent-long-"));
    writeFileSync(join(cwd, "roster.csv"), ["身份证号,姓名,单位,单位类型,街镇,社会工作室,岗位,证书等级,取证日期", ...people].join("\n"));
    const { file, data } = await report("long", ["allowance", "roster.csv", "--month", "2021-06", "--lang", "zh"], cwd);
    expect(data.payees.length).toBe(120);
    const { page } = await open(file);
    const pdf = pdfPages(await page.pdf({ format: "A4", preferCSSPageSize: true }));
    expect(pdf.pages).toBe(6);
    expect(pdf.sizes.every((s) => s === PORTRAIT)).toBe(true);
    // every page the payee table runs over starts with its header; no row is cut between pages
    const withPayees = pdf.text.filter((p) => /G\d{3}/.test(p));
    expect(withPayees.length).toBeGreaterThanOrEqual(4);
    for (const p of withPayees) expect(p).toMatch(/编号\s+姓名\s+单位\s+证书等级\s+月份\s+金额（元）\s+签名/);
    const printed = pdf.text.join("\n").match(/G\d{3}/g) ?? [];
    expect(new Set(printed).size).toBe(120);
    await page.context().close();
  }, 60000);
});

describe("a hostile roster cell in Chromium", () => {
  it("<img src=x onerror=alert(1)> is shown as text: no img element, no dialog", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "swtalent-xss-"));
    const name = "<img src=x onerror=alert(1)>";
    writeFileSync(
      join(cwd, "roster.csv"),
      [
        "身份证号,姓名,单位,单位类型,街镇,社会工作室,岗位,证书等级,取证日期",
        `G1,${name},"<script>alert(2)</script>",社区,"<b>镇</b>",是,社区党委书记,社会工作师,2019-01-01`,
      ].join("\n"),
    );
    const { file } = await report("xss", ["allowance", "roster.csv", "--month", "2021-06", "--lang", "en"], cwd);
    const { page, dialogs, requests } = await open(file);
    await page.waitForTimeout(200);
    expect(await page.$$eval("img", (x) => x.length)).toBe(0);
    expect(await page.$$eval("script", (x) => x.length)).toBe(0);
    expect(await page.$$eval("b", (x) => x.length)).toBe(0);
    const cells = await page.$$eval("td", (x) => x.map((td) => td.textContent));
    expect(cells).toContain(name);
    expect(cells).toContain("<script>alert(2)</script>");
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    await page.context().close();
  }, 60000);
});

describe("training in Chromium", () => {
  it("the statuses counted are the JSON's, and the chart's bars add up to everyone in service", async () => {
    const { file, data } = await report("training-en", [...TRAINING, "--lang", "en"]);
    const { page } = await open(file);
    const f = await figures(page);
    const count = (s: string) => data.people.filter((p: any) => p.status === s).length;
    expect([f["people in service"], f.compliant, f.noncompliant, f["in progress"], f["not applicable"]].map(Number)).toEqual([
      data.people.length,
      count("compliant"),
      count("noncompliant"),
      count("in_progress"),
      count("not_applicable"),
    ]);
    const totals = await page.$$eval("figure.chart svg > text:not([text-anchor]):not(.in)", (t) =>
      t.map((x) => Number(x.textContent)).filter((n) => !Number.isNaN(n)),
    );
    expect(totals.reduce((a, n) => a + n, 0)).toBe(data.people.length);
    expect(readFileSync(file, "utf8")).toContain("<h1>Training (continuing education)</h1>");
    await page.context().close();
  }, 60000);
});
