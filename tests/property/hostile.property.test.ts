/**
 * Hostile but realistic inputs (SPEC.md "Bad input", "Privacy and safety"): rosters and ledgers
 * with ids spelled with spaces, invisible characters, dashes, full-width digits or a trailing 号,
 * resident IDs typed into other columns, escape sequences and NULs in names, amounts in words
 * or negative, mixed line ends. For every run:
 * - no person-month is paid more than its due, and no person is paid twice under two spellings;
 * - accepted + rejected = rows for every file;
 * - no resident ID in full and no control character in any output or message;
 * - the exit code is one of SPEC's 0-4, and --out is a regular file.
 * SWTALENT_FUZZ_RUNS sets the number of cases (default 40).
 */
import { lstatSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { parseDay } from "../../src/core/dates.js";
import { checkDigit, normaliseId } from "../../src/core/records/ids.js";
import { quietRuntime } from "../helpers/cli.js";

const RUNS = Number(process.env.SWTALENT_FUZZ_RUNS ?? 40);
const dir = mkdtempSync(join(tmpdir(), "swtalent-hostile-"));
const TODAY = parseDay("2021-07-05")!;

/** Six people of one community with an office: everyone qualifies, so every spelling would be paid. */
const PEOPLE = ["50022219690303937", "50022219781010013", "50022219911111014", "50022219681212015", "50022219950115016", "50022219800305001"].map(
  (first17, i) => ({
    id: first17 + checkDigit(first17),
    name: ["尹涛", "马超", "朱琳", "胡军", "郭敏", "张伟"][i]!,
    grade: ["高级社会工作师", "社会工作师", "助理社会工作师"][i % 3]!,
  }),
);
const DUE: Record<string, number> = { 高级社会工作师: 200, 社会工作师: 100, 助理社会工作师: 50 };
const MAX_DUE = new Map(PEOPLE.map((p) => [p.id, DUE[p.grade]!]));

const spelling = fc.constantFrom(
  (id: string) => id,
  (id: string) => `${id.slice(0, 6)} ${id.slice(6)}`,
  (id: string) => `${id.slice(0, 6)}\u200B${id.slice(6)}`,
  (id: string) => `${id.slice(0, 6)}\u0000${id.slice(6)}`,
  (id: string) => `${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}`,
  (id: string) => id.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
  (id: string) => `${id}号`,
  (id: string) => `\u001b[2J${id}`,
);
const name = fc.constantFrom("", "\u001b[31m红\u001b[0m", "王\u0000芳", "=cmd|' /C calc'!A0", "换\n行");
const cellWithId = fc.constantFrom("", "ID", "unit");

const rosterRow = fc.record({ who: fc.nat(PEOPLE.length - 1), spell: spelling, suffix: name, idIn: cellWithId });
const ledgerRow = fc.record({
  who: fc.nat(PEOPLE.length - 1),
  spell: spelling,
  month: fc.constantFrom("2021-06", "2021-07", "2021年6月", "2021-13", "六月", "2020-01"),
  amount: fc.constantFrom("200", "100.00", "50元", "1,000.00", "-200", "二百", "199.999", "0", ""),
});
const lineEnd = fc.constantFrom("\n", "\r\n", "\r");

type RosterRow = { who: number; spell: (id: string) => string; suffix: string; idIn: string };

function rosterText(rows: RosterRow[], ends: string[]): string {
  const header = "身份证号,姓名,单位,单位类型,街镇,社会工作室,岗位,证书等级,取证日期";
  const lines = rows.map((r) => {
    const p = PEOPLE[r.who]!;
    const unit = r.idIn === "unit" ? `东溪社区${p.id}` : "东溪社区";
    const grade = r.idIn === "ID" ? p.id : p.grade;
    const cells = [r.spell(p.id), p.name + r.suffix, unit, "社区", "东溪镇", "是", "社区党委书记", grade, "2019-01-01"];
    return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
  });
  return [header, ...lines].map((l, i) => l + (ends[i % ends.length] ?? "\n")).join("");
}

let seq = 0;
async function run(args: string[]): Promise<{ code: number; out: string; stderr: string[]; outPath: string }> {
  const stderr: string[] = [];
  const rt = quietRuntime(TODAY, stderr);
  const outPath = join(dir, `out-${++seq}.json`);
  const code = await main(["node", "swtalent", ...args, "--format", "json", "--out", outPath], rt);
  let out = "";
  try {
    out = readFileSync(outPath, "utf8");
  } catch {
    // nothing written: the run stopped before its output (a data error)
  }
  return { code, out, stderr, outPath };
}

const ID_RUN = /(?<![\dXx０-９Ｘｘ])[\d０-９]{17}[\dXx０-９Ｘｘ](?![\dXx０-９Ｘｘ])|(?<![\d０-９])[\d０-９]{15}(?![\d０-９])/;
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

describe("hostile rosters and ledgers", () => {
  it("never pay twice or more than due, never lose a row, never leak an ID or a control character", async () => {
    // the property is worth something only if cases pay someone and reject something
    let paidSome = 0;
    let rejectedSome = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(rosterRow, { minLength: 1, maxLength: 10 }),
        fc.array(ledgerRow, { maxLength: 6 }),
        fc.array(lineEnd, { minLength: 1, maxLength: 3 }),
        async (rows, ledger, ends) => {
          const n = ++seq;
          const roster = join(dir, `roster-${n}.csv`);
          writeFileSync(roster, rosterText(rows, ends));
          const paid = join(dir, `paid-${n}.csv`);
          writeFileSync(
            paid,
            ["身份证号,月份,金额", ...ledger.map((l) => `"${l.spell(PEOPLE[l.who]!.id).replace(/"/g, '""')}",${l.month},"${l.amount}"`)].join("\n"),
          );
          const args = ["allowance", roster, "--from", "2021-06", "--to", "2021-07", "--allow-rejects"];

          for (const extra of [[], ["--paid", paid]]) {
            // masked: nothing leaks
            const masked = await run([...args, ...extra]);
            expect([0, 1, 2, 3, 4]).toContain(masked.code);
            for (const text of [masked.out, ...masked.stderr]) {
              expect(text).not.toMatch(ID_RUN);
              expect(text).not.toMatch(CONTROL);
            }
            if (masked.out !== "") expect(lstatSync(masked.outPath).isFile()).toBe(true);

            // unmasked: the figures
            const plain = await run([...args, ...extra, "--no-mask"]);
            expect(plain.code).toBe(masked.code);
            if (plain.out === "") continue;
            const out = JSON.parse(plain.out);
            for (const f of out.files) expect(f.accepted + f.rejected).toBe(f.rows);
            if (out.payees.length > 0) paidSome++;
            if (out.rejected.length > 0) rejectedSome++;
            const perMonth = new Map<string, number>();
            for (const p of out.payees) {
              const key = `${normaliseId(p.id)}|${p.month}`;
              perMonth.set(key, (perMonth.get(key) ?? 0) + p.amount);
            }
            for (const [key, amount] of perMonth) {
              const id = key.split("|")[0]!;
              expect(MAX_DUE.has(id), `paid someone not in the roster: ${id}`).toBe(true);
              expect(amount).toBeLessThanOrEqual(MAX_DUE.get(id)!);
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect(paidSome).toBeGreaterThan(0);
    expect(rejectedSome).toBeGreaterThan(0);
  });
});
