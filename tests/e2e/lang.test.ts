/**
 * Under a zh locale (or --lang zh) a person reads Chinese everywhere: --help, the warning
 * prefix, the lines about rejected rows, and the --rejects file's columns; --lang en keeps
 * English whatever the locale.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { swtalent } from "../helpers/cli.js";

const ZH = { LANG: "zh_CN.UTF-8" };
const COMMANDS = [["audit"], ["allowance"], ["training"], ["validate"], ["compare"], ["template"], ["policy"], ["policy", "show"]].map(
  (c) => [c.join(" "), c] as const,
);

/** Display columns: a Chinese character or full-width form takes two. */
const columns = (line: string) => [...line].reduce((n, c) => n + (/[\u2E80-\u9FFF\uFF00-\uFF60\u3000-\u303F]/.test(c) ? 2 : 1), 0);

describe("--help follows the language", () => {
  it("under a zh locale: commander's titles, every description and the exit codes are Chinese", async () => {
    const r = await swtalent(["--help"], { env: ZH });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法： swtalent \[options\] \[command\]\n\n按政策核查社会工作专业人才名册/);
    expect(r.stdout).toContain("\n命令：\n  audit [options] <roster>");
    expect(r.stdout).toContain("显示命令帮助");
    expect(r.stdout).toContain("退出码：0 完成；1 使用 --check 时发现未达标；2 用法错误；3 数据错误；4 输出错误。");
    expect(r.stdout).not.toMatch(/display help|Usage:|Options:|Commands:|Exit codes/);
  });

  it.each(COMMANDS)("%s --help --lang zh has no English description left", async (_name, cmd) => {
    const r = await swtalent([...cmd, "--help", "--lang", "zh"]);
    expect(r.code).toBe(0);
    const descriptions = r.stdout
      .split("\n")
      .filter((l) => /^ {2}-/.test(l))
      .map((l) => l.replace(/^ {2}\S.*? {2,}/, ""));
    expect(descriptions.length).toBeGreaterThan(0);
    for (const d of descriptions) expect(d, d).toMatch(/[\u4E00-\u9FFF]/);
    expect(r.stdout).toMatch(/^用法：/);
    expect(r.stdout).toMatch(/\n选项：\n/);
  });

  // the list of commands is commander's to lay out, in English as in Chinese
  it.each(COMMANDS.filter(([name]) => name !== "policy"))("%s --help in Chinese fits 80 columns off a terminal", async (_name, cmd) => {
    const r = await swtalent([...cmd, "--help"], { env: ZH });
    const lines = r.stdout.split("\n").filter((l) => !l.startsWith("  swtalent "));
    expect(Math.max(...lines.map(columns))).toBeLessThanOrEqual(80);
    // a line is never broken before the punctuation that closes the text before it
    expect(lines.filter((l) => /^\s*[，。、：；！？）」』”]/.test(l))).toEqual([]);
  });

  it("--lang en keeps English under a zh locale, and --lang=zh works in either spelling", async () => {
    const en = await swtalent(["allowance", "--help", "--lang", "en"], { env: ZH });
    expect(en.stdout).toMatch(/^Usage: swtalent allowance \[options\] <roster>/);
    expect(en.stdout).toContain("the month to pay: 2021-06");
    const zh = await swtalent(["allowance", "--lang=zh", "--help"]);
    expect(zh.stdout).toContain("发放月份：2021-06");
  });

  it("swtalent with nothing to do prints the Chinese help, exit 2", async () => {
    const r = await swtalent([], { env: ZH });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^用法：/);
  });
});

describe("stderr and --rejects follow the language", () => {
  const dir = mkdtempSync(join(tmpdir(), "swtalent-lang-"));
  const roster = join(dir, "roster.csv");
  writeFileSync(
    roster,
    ["身份证号,姓名,单位,单位类型,街镇,证书等级,联系电话", "G1,王芳,滨河社区,社区,古南街道,社会工作师,1", "G2,李强,滨河社区,社区,古南街道,特级社工,2"].join(
      "\n",
    ),
  );
  const validate = (lang: string[], env = {}) => swtalent(["validate", roster, "--rejects", join(dir, `rejects-${lang.join("")}.csv`), ...lang], { env });

  it("Chinese under a zh locale: 警告 for a warning, the problem line, and the closing line", async () => {
    const r = await validate([], ZH);
    expect(r.code).toBe(3);
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      `警告：${roster}：以下列未使用（表头不可识别）：联系电话`,
      `${roster}：第 3 行，列 证书等级 (grade)，内容“特级社工”：不是可识别的证书等级：请使用 高级社会工作师, 社会工作师, 助理社会工作师, 社会工作员, 无 之一（无证书可留空）`,
      "1 行被拒收，未计入结果：请更正这些行，或加 --allow-rejects 接受不含这些行的结果",
    ]);
    expect(readFileSync(join(dir, "rejects-.csv"), "utf8").split("\r\n")[0]).toBe("\uFEFF文件,行号,列,内容,问题");
  });

  it("English with --lang en under a zh locale", async () => {
    const r = await validate(["--lang", "en"], ZH);
    expect(r.code).toBe(3);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(`warning: ${roster}: columns not used (not a known header): 联系电话`);
    expect(lines.at(-1)).toBe("1 row rejected and left out of the results: fix them, or pass --allow-rejects to accept results without them");
    expect(readFileSync(join(dir, "rejects---langen.csv"), "utf8").split("\r\n")[0]).toBe("\uFEFFfile,row,field,value,reason");
  });

  it("--lang zh under an English locale", async () => {
    const r = await validate(["--lang", "zh"]);
    expect(r.stderr).toMatch(/^警告：/);
    expect(readFileSync(join(dir, "rejects---langzh.csv"), "utf8").split("\r\n")[0]).toBe("\uFEFF文件,行号,列,内容,问题");
  });
});
