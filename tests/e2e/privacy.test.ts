/**
 * Resident IDs are masked in every text the tool writes, whatever column they were typed in,
 * and control characters from cells are written out visibly (SPEC.md Privacy and safety).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { json, swtalent } from "../helpers/cli.js";

const ID = "500222196903039374";
const ID_RUN = /(?<![\dX])\d{17}[\dX](?![\dX])|(?<!\d)\d{15}(?!\d)/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "swtalent-privacy-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const HEADER = "身份证号,姓名,单位,单位类型,街镇,社会工作室,岗位,证书等级,取证日期";
const roster = scratch({
  "roster.csv": [
    HEADER,
    // an ID typed into the grade and the certificate date of a rejected row
    `G1,王芳,滨河社区,社区,古南街道,是,社区党委书记,${ID},2019-01-01`,
    `G2,李强,滨河社区,社区,古南街道,是,社区党委书记,社会工作师,${ID}`,
    // an ID inside a unit name and a role text of accepted rows
    `G3,张敏,城南社区${ID},社区,古南街道,是,网格员,社会工作师,2019-01-01`,
    `G4,陈静,滨河社区,社区,古南街道,是,主任（${ID}）,社会工作师,2019-01-01`,
    // an escape sequence and a NUL in a name
    `G5,赵\u001b[31m刚\u0000,滨河社区,社区,古南街道,是,社区党委书记,社会工作师,2019-01-01`,
  ].join("\n"),
});

const runIn = (args: string[]) => swtalent(args, { cwd: roster });

describe("no resident ID in full in any output unless --no-mask", () => {
  const outputs = async () => {
    const runs = [
      await runIn(["validate", "roster.csv", "--format", "json", "--rejects", "rejects.csv"]),
      await runIn(["validate", "roster.csv", "--format", "csv"]),
      await runIn(["allowance", "roster.csv", "--month", "2021-06", "--format", "json", "--allow-rejects"]),
      await runIn(["allowance", "roster.csv", "--month", "2021-06", "--format", "md", "--lang", "zh", "--allow-rejects"]),
      await runIn(["allowance", "roster.csv", "--month", "2021-06", "--format", "table", "--allow-rejects"]),
      await runIn(["audit", "roster.csv", "--as-of", "2021-07-01", "--format", "csv", "--allow-rejects"]),
      await runIn(["allowance", "roster.csv", "--month", "2021-06", "--explain", ID]),
    ];
    return [...runs.flatMap((r) => [r.stdout, r.stderr]), readFileSync(join(roster, "rejects.csv"), "utf8")];
  };

  it("in rejected cells of any column, unit names, role texts, messages and --rejects", async () => {
    const texts = await outputs();
    for (const t of texts) expect(t).not.toMatch(ID_RUN);
    expect(texts.join("\n")).toContain("500222********9374");
  });

  it("a rejected grade holding an ID is shown masked in JSON, stderr and --rejects", async () => {
    const r = await runIn(["validate", "roster.csv", "--format", "json", "--rejects", "rejects.csv"]);
    const values = json(r).rejected.map((x: any) => [x.row, x.field, x.value]);
    expect(values).toEqual([
      [2, "grade", "500222********9374"],
      [3, "cert_date", "500222********9374"],
    ]);
    expect(r.stderr).toContain('row 2, column 证书等级 (grade), value "500222********9374"');
    expect(readFileSync(join(roster, "rejects.csv"), "utf8")).toContain(",500222********9374,");
  });

  it("the not-paid detail naming a role with an ID in it, and the unit name, are masked", async () => {
    const out = json(await runIn(["allowance", "roster.csv", "--month", "2021-06", "--format", "json", "--allow-rejects"]));
    expect(out.not_paid.map((n: any) => n.detail).join("\n")).toContain('role "主任（500222********9374）"');
    // 张敏's 网格员 is a role the policy names: counted by default, listed with --all
    const md = (await runIn(["allowance", "roster.csv", "--month", "2021-06", "--format", "md", "--allow-rejects", "--all"])).stdout;
    expect(md).toContain("| 城南社区500222********9374 |");
  });

  it("--explain with the full ID of nobody accepted does not echo it", async () => {
    const r = await runIn(["allowance", "roster.csv", "--month", "2021-06", "--explain", ID, "--allow-rejects"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("500222********9374");
    expect(r.stderr).not.toContain(ID);
  });

  it("--no-mask shows them as typed", async () => {
    const r = await runIn(["validate", "roster.csv", "--format", "json", "--no-mask"]);
    expect(json(r).rejected[0].value).toBe(ID);
  });
});

describe("control characters from cells are written out, never sent", () => {
  it.each([
    ["csv", ["--format", "csv", "--no-bom"]],
    ["md", ["--format", "md"]],
    ["table", ["--format", "table"]],
    ["json", ["--format", "json"]],
  ])("%s: the name shows \\x1b and \\x00, and no control character reaches the output", async (_f, format) => {
    const r = await runIn(["allowance", "roster.csv", "--month", "2021-06", ...format, "--allow-rejects"]);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stderr).not.toMatch(CONTROL);
    // JSON and Markdown escape the backslash itself
    expect(r.stdout).toContain(_f === "json" || _f === "md" ? "赵\\\\x1b[31m刚\\\\x00" : "赵\\x1b[31m刚\\x00");
  });
});
