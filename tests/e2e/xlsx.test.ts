/**
 * Workbooks (SPEC.md "Formats", xlsx), read back with exceljs's reader and held to the JSON
 * output of the same run: every figure, id and date, typed as SPEC says; sheet names, frozen
 * headers, autofilters; no formula cell; byte-identical reruns in any time zone.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, json, swtalent } from "../helpers/cli.js";
import { type ReadSheet, dayOf, readWorkbook, values } from "../helpers/read-workbook.js";

const DISTRICT = ["fixtures/人员名册.csv", "--units", "fixtures/单位信息.csv"];
const OVERDUE = { zh: "已逾期未达标", en: "Overdue" } as const;

function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "swtalent-xlsx-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The workbook and the JSON of the same command. */
async function both(args: string[], cwd = ROOT): Promise<{ sheets: ReadSheet[]; data: any; bytes: Buffer }> {
  const out = join(scratch(), "out.xlsx");
  const run = await swtalent([...args, "--out", out, "--quiet"], { cwd });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const bytes = readFileSync(out);
  const data = json(await swtalent([...args, "--format", "json", "--quiet"], { cwd }));
  return { sheets: await readWorkbook(bytes), data, bytes };
}

const sheet = (sheets: ReadSheet[], name: string): ReadSheet => {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name} among ${sheets.map((x) => x.name).join(", ")}`);
  return s;
};

function expectWellFormed(sheets: ReadSheet[]): void {
  for (const s of sheets) {
    expect(s.frozenRows, s.name).toBe(1);
    expect(s.autoFilter, s.name).toMatch(/^A1:[A-Z]+1$/);
    for (const row of s.rows) {
      for (const c of row) {
        expect(c.formula, `${s.name}: ${String(c.value)}`).toBe(false);
        // a text cell is stored as text, a number as a number: never a string of digits that could turn
        if (typeof c.value === "string") expect(c.numFmt, `${s.name}: ${c.value}`).toBe("@");
      }
    }
  }
}

describe("allowance --out 2021-06.xlsx: the payroll as a workbook", () => {
  it.each(["zh", "en"] as const)("%s: a summary sheet first, a sheet per town, the totals and the not-paid; every payee as JSON has it", async (lang) => {
    const { sheets, data } = await both(["allowance", ...DISTRICT, "--month", "2021-06", "--lang", lang]);
    const zh = lang === "zh";
    const towns = data.by_town.map((t: any) => t.town ?? (zh ? "区（市）直属" : "district_city level"));
    expect(sheets.map((s) => s.name)).toEqual([zh ? "汇总" : "Summary", ...towns, zh ? "合计" : "Totals", zh ? "未发放人员" : "Not paid"]);
    expectWellFormed(sheets);

    const payees: unknown[][] = [];
    for (const t of data.by_town) {
      const s = sheet(sheets, t.town);
      expect(values(s)[0]).toEqual(
        zh ? ["编号", "姓名", "单位", "证书等级", "月份", "金额（元）", "签名"] : ["id", "name", "unit", "grade", "month", "amount (yuan)", "signature"],
      );
      const body = values(s).slice(1);
      // the town's subtotal is the last row, in money
      expect(body.at(-1)![5]).toBe(t.total);
      expect(s.rows.at(-1)![5]!.numFmt).toBe("#,##0.00");
      for (const r of body.slice(0, -1)) payees.push([r[0], r[1], r[2], t.town, r[4], r[5]]);
      for (const r of s.rows.slice(1, -1)) {
        expect(r[0]!.numFmt).toBe("@"); // the id
        expect(r[4]!.numFmt).toBe("@"); // the month
        expect(typeof r[5]!.value).toBe("number");
      }
    }
    expect(payees).toEqual(data.payees.map((p: any) => [p.id, p.name, p.unit, p.town, p.month, p.amount]));
    // an 18-digit id is text, masked as everywhere
    expect(payees.every((p) => typeof p[0] === "string" && /^\d{6}\*{8}\d{3}[\dX]$/.test(p[0] as string))).toBe(true);

    const totals = values(sheet(sheets, zh ? "合计" : "Totals"));
    // the grand total, then, below a blank row, the lines its makers sign
    expect(totals.at(-3)).toEqual([zh ? "总计" : "all", new Set(data.payees.map((p: any) => p.id)).size, data.total]);
    expect(totals.at(-2)).toEqual([]);
    expect(String(totals.at(-1)![0])).toMatch(zh ? /^制表人：_+\s+审核人：_+\s+日期：_+$/ : /^Prepared by: _+\s+Checked by: _+\s+Date: _+$/);
    const notPaid = values(sheet(sheets, zh ? "未发放人员" : "Not paid")).slice(1);
    expect(notPaid.map((r) => [r[0], r[1], r[3]])).toEqual(data.not_paid.map((n: any) => [n.id, n.name, n.month]));

    const summary = values(sheets[0]!);
    expect(summary).toContainEqual([zh ? "合计金额（元）" : "total (yuan)", data.total]);
    expect(summary).toContainEqual([zh ? "政策" : "policy", "qijiang-2020"]);
    expect(summary).toContainEqual(["fixtures/人员名册.csv", data.files[0].rows, data.files[0].accepted, data.files[0].rejected]);
  });

  it("--no-mask: an 18-digit id is a text cell holding every digit, never a number", async () => {
    const { sheets, data } = await both(["allowance", ...DISTRICT, "--month", "2021-06", "--lang", "zh", "--no-mask"]);
    const ids = data.by_town.flatMap((t: any) =>
      sheet(sheets, t.town)
        .rows.slice(1, -1)
        .map((r) => r[0]!),
    );
    expect(ids.map((c: any) => c.value)).toEqual(data.payees.map((p: any) => p.id));
    for (const c of ids) {
      expect(typeof c.value).toBe("string");
      expect(c.value).toMatch(/^\d{17}[\dX]$/);
      expect(c.numFmt).toBe("@");
    }
  });
});

describe("audit, training and validate as workbooks", () => {
  it.each(["zh", "en"] as const)("audit %s: each unit's figures and each target's due date as JSON has them", async (lang) => {
    const { sheets, data } = await both(["audit", ...DISTRICT, "--as-of", "2021-12-31", "--lang", lang]);
    expectWellFormed(sheets);
    expect(sheets[0]!.name).toBe(lang === "zh" ? "汇总" : "Summary");
    const rows = sheets.slice(1).flatMap((s) => values(s).slice(1));
    for (const u of data.units) {
      const row = rows.find((r) => r[0] === u.unit);
      expect(row, u.unit).toBeDefined();
      expect(row!.slice(2, 5)).toEqual([u.headcount, u.certified, u.sw_professional]);
      if (u.checks.length > 0) expect(row![5]).toBe(u.checks[0].rule);
    }
    const targets = values(sheet(sheets, lang === "zh" ? "区域目标" : "Region targets")).slice(1);
    expect(targets.map((r) => [r[0], r[1], r[2], dayOf(r[3]!)])).toEqual(data.targets.map((t: any) => [t.rule, t.value, t.required, t.due]));
    const summary = values(sheets[0]!);
    expect(summary).toContainEqual([lang === "zh" ? "核查日期" : "as of", new Date("2021-12-31T00:00:00Z")]);
    expect(summary).toContainEqual([lang === "zh" ? "达标单位" : "compliant", data.units.filter((u: any) => u.compliant).length]);
  });

  it.each(["zh", "en"] as const)("training %s: everyone on one sheet, days as numbers, windows and deadlines as dates", async (lang) => {
    const { sheets, data } = await both([
      "training",
      "fixtures/人员名册.csv",
      "fixtures/培训记录.csv",
      "--units",
      "fixtures/单位信息.csv",
      "--as-of",
      "2021-12-31",
      "--lang",
      lang,
    ]);
    expectWellFormed(sheets);
    // what needs action first: the overdue, then everyone, then the units' rates
    expect(sheets.map((s) => s.name)).toEqual(lang === "zh" ? ["汇总", OVERDUE.zh, "人员", "单位"] : ["Summary", OVERDUE.en, "People", "Units"]);
    const overdue = values(sheet(sheets, OVERDUE[lang])).slice(1);
    expect(overdue.map((r) => r[0])).toEqual(data.people.filter((p: any) => p.status === "noncompliant").map((p: any) => p.id));
    const people = sheet(sheets, lang === "zh" ? "人员" : "People");
    // the window's note follows the table, below a blank row
    const rows = people.rows.slice(1, 1 + data.people.length);
    expect(rows.map((r) => [r[1]!.value, r[2]!.value, dayOf(r[5]!.value), dayOf(r[6]!.value), r[7]?.value ?? null, r[8]!.value])).toEqual(
      data.people.map((p: any) => [p.unit, p.id, p.window_start, p.window_end, p.required_days, p.days]),
    );
    for (const r of rows) expect(r[5]!.numFmt).toBe("yyyy-mm-dd");
    const deadlines = rows.map((r) => (r[10]?.value ? dayOf(r[10].value) : null));
    expect(deadlines).toEqual(data.people.map((p: any) => p.deadline));
    const units = values(sheet(sheets, lang === "zh" ? "单位" : "Units")).slice(1);
    expect(units.map((r) => [r[1], r[2], r[3]])).toEqual(data.units.map((u: any) => [u.unit, u.judged, u.compliant]));
  });

  it("validate: the input check, and the rejected rows on their own sheet 未通过校验", async () => {
    const dir = scratch({
      "roster.csv": "身份证号,姓名,单位,单位类型,街镇,证书等级\nA1,王芳,滨河社区,社区,古南街道,社会工作师\nA2,李强,滨河社区,社区,古南街道,博士后\n",
    });
    const out = join(dir, "check.xlsx");
    const run = await swtalent(["validate", "roster.csv", "--out", out, "--lang", "zh", "--allow-rejects", "--quiet"], { cwd: dir });
    expect(run.code).toBe(0);
    const data = json(await swtalent(["validate", "roster.csv", "--format", "json", "--lang", "zh", "--allow-rejects", "--quiet"], { cwd: dir }));
    const sheets = await readWorkbook(readFileSync(out));
    expect(sheets.map((s) => s.name)).toEqual(["汇总", "输入检查", "未通过校验"]);
    expectWellFormed(sheets);
    const rejected = values(sheet(sheets, "未通过校验")).slice(1);
    expect(rejected).toEqual(data.rejected.map((r: any) => [r.file, r.row, r.field, r.value, r.reason]));
    expect(values(sheet(sheets, "输入检查"))[1]).toEqual(["roster.csv", 2, 1, 1]);
  });
});

describe("no cell of a workbook is ever a formula (SPEC.md Privacy and safety)", () => {
  it("a roster cell such as =HYPERLINK(...) is text with the guard's leading '", async () => {
    const dir = scratch({
      "roster.csv": [
        "身份证号,姓名,单位,单位类型,街镇,社会工作室,岗位,证书等级,取证日期",
        'G1,"=HYPERLINK(""http://x"",""y"")",滨河社区,社区,古南街道,是,社区党委书记,社会工作师,2019-01-01',
        "G2,@SUM(1),-2+3,社区,＝古南,是,社区党委书记,社会工作师,2019-01-01",
      ].join("\n"),
    });
    const { sheets } = await both(["allowance", "roster.csv", "--month", "2021-06", "--lang", "en"], dir);
    expectWellFormed(sheets);
    const cells = sheets.flatMap((s) => s.rows.flat().map((c) => c.value));
    expect(cells).toContain(`'=HYPERLINK("http://x","y")`);
    expect(cells).toContain("'@SUM(1)");
    expect(cells).toContain("'-2+3");
    expect(cells).toContain("'＝古南");
    expect(cells.filter((v) => typeof v === "string" && /^[=+\-@＝]/.test(v))).toEqual([]);
  });
});

describe("where a workbook goes", () => {
  it("--format xlsx to a terminal is a usage error: exit 2, nothing written", async () => {
    const r = await swtalent(["allowance", ...DISTRICT, "--month", "2021-06", "--format", "xlsx"], { runtime: { stdoutIsTTY: true } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/--format xlsx writes a document.*give --out FILE/);
  });

  it("--format xlsx to a redirected standard output writes the workbook there", async () => {
    const chunks: Buffer[] = [];
    const stdout = new Writable({
      write(chunk: Buffer, _e, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
    const r = await swtalent(["audit", ...DISTRICT, "--as-of", "2021-12-31", "--format", "xlsx", "--quiet"], { runtime: { stdout } });
    expect(r.code).toBe(0);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    expect((await readWorkbook(bytes))[0]!.name).toBe("Summary");
  });

  it("--out FILE.xlsx picks the format without --format; --format wins over the extension", async () => {
    const dir = scratch();
    await swtalent(["audit", ...DISTRICT, "--out", join(dir, "a.xlsx"), "--quiet"]);
    expect(readFileSync(join(dir, "a.xlsx")).subarray(0, 2).toString()).toBe("PK");
    await swtalent(["audit", ...DISTRICT, "--out", join(dir, "b.xlsx"), "--format", "csv", "--quiet"]);
    expect(readFileSync(join(dir, "b.xlsx"), "utf8").startsWith("\uFEFF街镇") || readFileSync(join(dir, "b.xlsx"), "utf8").startsWith("\uFEFFtown")).toBe(true);
  });

  it("a rerun writes the same bytes, whatever the machine's time zone (no clock inside)", () => {
    const dir = scratch();
    const runs = ["Asia/Shanghai", "Asia/Shanghai", "America/Los_Angeles", "UTC"].map((tz, i) => {
      const out = join(dir, `${i}.xlsx`);
      const r = spawnSync(process.execPath, [BIN, "allowance", ...DISTRICT, "--month", "2021-06", "--out", out, "--quiet", "--lang", "zh"], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? "", LANG: "C", TZ: tz },
        encoding: "utf8",
      });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(out);
    });
    for (const bytes of runs.slice(1)) expect(bytes.equals(runs[0]!)).toBe(true);
  });
});
