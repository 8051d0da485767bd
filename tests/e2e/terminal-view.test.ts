/**
 * The human view of audit, allowance and training on the example district (fixtures/): it
 * fits the width, leads with the answer, counts what passes unless --all, and says things in
 * the right words in both languages. Figures are fixtures/README.md's.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/render/width.js";
import { ROOT, json, swtalent } from "../helpers/cli.js";
import { golden } from "../helpers/golden.js";

const DISTRICT = ["fixtures/人员名册.csv", "--units", "fixtures/单位信息.csv"];
const COMMANDS: Record<string, string[]> = {
  audit: ["audit", ...DISTRICT, "--as-of", "2021-12-31"],
  allowance: ["allowance", ...DISTRICT, "--from", "2021-01", "--to", "2021-06", "--paid", "fixtures/已发津贴.csv"],
  "allowance --all": ["allowance", ...DISTRICT, "--month", "2021-06", "--all"],
  training: ["training", "fixtures/人员名册.csv", "fixtures/培训记录.csv", "--units", "fixtures/单位信息.csv", "--as-of", "2021-12-31", "--warn-days", "90"],
  "audit --all": ["audit", ...DISTRICT, "--as-of", "2021-12-31", "--all"],
  "training --all": ["training", "fixtures/人员名册.csv", "fixtures/培训记录.csv", "--units", "fixtures/单位信息.csv", "--as-of", "2021-12-31", "--all"],
};

const widest = (text: string): number => Math.max(...text.split("\n").map(displayWidth));

describe("no line wider than the width", () => {
  const cases = Object.keys(COMMANDS).flatMap((c) => [80, 100, 120].flatMap((w) => ["zh", "en"].map((lang) => [c, w, lang] as const)));
  it.each(cases)("%s at %i columns in %s", async (command, width, lang) => {
    const r = await swtalent([...COMMANDS[command]!, "--format", "table", "--lang", lang, "--width", String(width), "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(width);
    // on a terminal of that width, without --width: the same lines
    const tty = await swtalent([...COMMANDS[command]!, "--lang", lang, "--quiet", "--no-pager"], {
      runtime: { stdoutIsTTY: true, stdoutColumns: width },
      env: { NO_COLOR: "1" },
    });
    expect(tty.stdout).toBe(r.stdout);
  });

  it("a table forced without a terminal is laid out to 100 columns", async () => {
    const forced = await swtalent([...COMMANDS.audit!, "--format", "table", "--lang", "zh"]);
    expect(forced.stdout).toBe((await swtalent([...COMMANDS.audit!, "--format", "table", "--lang", "zh", "--width", "100"])).stdout);
    expect(widest(forced.stdout)).toBeGreaterThan(90);
  });

  it.each(["0", "39", "1001", "wide", "80.5"])("--width %s is a usage error", async (w) => {
    const r = await swtalent([...COMMANDS.audit!, "--format", "table", "--width", w]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`swtalent: --width takes a number of columns from 40 to 1000 (e.g. 100), got "${w}"\n`);
  });
});

describe("the default view at 100 columns is the reviewed golden file", () => {
  it.each([
    ["audit", "zh", "audit-qijiang.zh.txt"],
    ["audit", "en", "audit-qijiang.en.txt"],
    ["allowance", "zh", "allowance-2021-01_2021-06.zh.txt"],
    ["allowance", "en", "allowance-2021-01_2021-06.en.txt"],
    ["training", "zh", "training-qijiang.zh.txt"],
    ["training", "en", "training-qijiang.en.txt"],
  ])("%s --lang %s: tests/golden/%s", async (command, lang, file) => {
    const r = await swtalent([...COMMANDS[command]!, "--format", "table", "--lang", lang, "--width", "100", "--quiet"]);
    expect(r.stdout).toBe(golden(file));
  });
});

describe("the answer first", () => {
  it("audit: the policy, the date, units compliant with those not fully judged, targets, before any table", async () => {
    const lines = (await swtalent([...COMMANDS.audit!, "--format", "table", "--lang", "en"])).stdout.split("\n");
    expect(lines.slice(0, 6)).toEqual([
      "Compliance audit",
      "Policy qijiang-2020 (綦江民发〔2020〕60号)",
      "As of 2021-12-31",
      "Units compliant: 8 of 17, 1 of them with checks that could not be judged; 9 not compliant",
      "Region targets met: 0 of 2",
      "Grades (in service): senior 2, intermediate 6, assistant 12, staff 8, none 45",
    ]);
  });

  it("allowance: the total, back pay and what to recover, then the totals per town", async () => {
    const out = (await swtalent([...COMMANDS.allowance!, "--format", "table", "--lang", "zh"])).stdout;
    const lines = out.split("\n");
    expect(lines[0]).toBe("社会工作职业津贴发放花名册 2021-01 至 2021-06");
    expect(lines).toContain("合计 600 元，发放 4 人（5 条）");
    expect(lines).toContain("其中补发（以前月份应发未发）100 元，1 条");
    expect(lines).toContain("多发应追回 50 元，1 条");
    expect(out.indexOf("\n合计\n街镇")).toBeLessThan(out.indexOf("街镇：东溪镇"));
    // 赵刚's April is back pay, marked as such on its row
    expect(out).toMatch(/\n500222\*{8}6131 +赵刚 +滨河社区 +社会工作师 +2021-04 +100 +补发\n/);
  });

  it("training: the counts per status, then who is overdue, even without --warn-days", async () => {
    const out = (await swtalent([...COMMANDS["training --all"]!.filter((a) => a !== "--all"), "--format", "table", "--lang", "zh", "--quiet"])).stdout;
    expect(out).toContain("在岗 73 人：达标 7，未达标（已逾期）6，进行中 15，未取得证书（不适用）45");
    expect(out).toContain("\n已逾期未达标\n");
    expect(out).toMatch(/\n500222\*{8}8932 +江涛 +綦江区民政局 +还需 5 天\n/);
  });
});

describe("what passes is counted, and listed with --all", () => {
  it("audit: a compliant unit's checks only with --all", async () => {
    const plain = (await swtalent([...COMMANDS.audit!, "--format", "md", "--lang", "zh"])).stdout;
    const all = (await swtalent([...COMMANDS["audit --all"]!, "--format", "md", "--lang", "zh"])).stdout;
    expect(plain).toContain("另有 7 个单位各项检查均达标，此处未列出；加 --all 列出");
    expect(plain).not.toContain("綦江区人民医院");
    expect(all).toContain("| 綦江区人民医院 | 医院 | 3 | 1 | 2 | QJ-SCHOOL-HOSPITAL 社工室及专业人才 | 达标 | 2 / 2 |  | [1] |");
    // every unit of the 17, each under its town
    const units = json(await swtalent([...COMMANDS.audit!, "--format", "json"])).units.map((u: any) => u.unit);
    for (const u of units) expect(all).toMatch(new RegExp(`\\n\\| ${u} \\|`));
  });

  it("allowance: the not paid a clerk acts on one by one, the others counted; --all lists every one", async () => {
    const june = ["allowance", ...DISTRICT, "--month", "2021-06"];
    const notPaid = json(await swtalent([...june, "--format", "json"])).not_paid;
    expect(notPaid).toHaveLength(74);
    const plain = (await swtalent([...june, "--format", "md", "--lang", "zh"])).stdout;
    const all = (await swtalent([...june, "--format", "md", "--lang", "zh", "--all"])).stdout;
    const rows = (text: string, title: string) =>
      text
        .split(`## ${title}`)[1]!
        .split("\n## ")[0]!
        .split("\n")
        .filter((l) => /^\| \d{6}\*{8}/.test(l));
    // left (叶明, 贺敏) and certificate too new (李强, 傅琳)
    expect(rows(plain, "未发放、需核实 4 人次").map((l) => l.split(" | ")[1])).toEqual(["傅琳", "李强", "叶明", "贺敏"]);
    expect(plain).toContain("其余 70 人次未发放（");
    expect(rows(all, "未发放人员")).toHaveLength(74);
  });

  it("training: everyone in service with --all, the compliant only counted without", async () => {
    const plain = (await swtalent([...COMMANDS.training!, "--format", "md", "--lang", "zh", "--quiet"])).stdout;
    const all = (await swtalent([...COMMANDS["training --all"]!, "--format", "md", "--lang", "zh", "--quiet"])).stdout;
    expect(plain).toContain("达标 7 人，进行中 15 人，未取得证书 45 人，此处未列出；加 --all 列出");
    expect(plain).not.toContain("| 王芳 |");
    expect(all).toMatch(/\| 王芳 \| 社会工作师 \| 15 \| 15 \| 达标 \|/);
    expect(all.split("\n").filter((l) => /^\| \d{6}\*{8}/.test(l))).toHaveLength(73 + 6);
  });
});

describe("the words", () => {
  const june = ["allowance", ...DISTRICT, "--month", "2021-06", "--format", "json"];
  const details = async (lang: string) => json(await swtalent([...june, "--lang", lang])).not_paid.map((n: any) => [n.name, n.detail]);

  it("no certificate: 未取得证书，不发放职业津贴; a unit type in words, with no stray space", async () => {
    const zh = new Map(await details("zh"));
    expect(zh.get("黎明")).toBe("未取得证书，不发放职业津贴");
    expect(zh.get("蔡勇")).toBe("三江街道办事处是街道/镇，不是城市社区或村");
    expect(zh.get("邹杰")).toBe("綦江区民政局是机关，不是城市社区或村");
    expect(zh.get("易芳")).toBe("福林村未设立社会工作室");
    const en = new Map(await details("en"));
    expect(en.get("黎明")).toBe("no certificate: no allowance is paid");
    expect(en.get("蔡勇")).toBe("三江街道办事处 is a street or town office, not urban community or village");
  });

  it("Chinese titles take a full-width colon; the printed payroll ends with lines to sign", async () => {
    const md = (await swtalent(["allowance", ...DISTRICT, "--month", "2021-06", "--format", "md", "--lang", "zh"])).stdout;
    expect(md).toContain("## 街镇：东溪镇");
    expect(md).not.toMatch(/街镇: /);
    expect(md).toContain("| 编号 | 姓名 | 单位 | 证书等级 | 月份 | 金额（元） | 签名 |");
    expect(md.trimEnd().split("\n").at(-1)).toBe("制表人：____________    审核人：____________    日期：____________");
  });

  it("one word for the id column in every report", async () => {
    const heads = async (args: string[]) =>
      (await swtalent([...args, "--format", "md", "--lang", "zh", "--all", "--quiet"])).stdout.match(/^\| (\S+) \| 姓名 \|/gm) ?? [];
    const all = [...(await heads(COMMANDS.audit!)), ...(await heads(["allowance", ...DISTRICT, "--month", "2021-06"])), ...(await heads(COMMANDS.training!))];
    expect(all.length).toBeGreaterThan(5);
    expect(new Set(all)).toEqual(new Set(["| 编号 | 姓名 |"]));
  });

  it("a draft policy heads the report and the payroll, and its amounts cite the draft file", async () => {
    const draft = ["--policy", "fixtures/policy-draft.yaml", "--format", "table", "--lang", "zh"];
    const pay = (await swtalent(["allowance", ...DISTRICT, "--month", "2021-07", ...draft])).stdout.split("\n");
    expect(pay[1]).toBe("政策：qijiang-2023-draft（自定义政策，在 qijiang-2020 基础上修改）");
    expect(pay[2]).toBe("发放规则：QJ-ALLOWANCE 职业津贴；依据：policy-draft.yaml");
    const audit = (await swtalent([...COMMANDS.audit!, ...draft])).stdout.split("\n");
    expect(audit[1]).toBe("政策：qijiang-2023-draft（自定义政策，在 qijiang-2020 基础上修改）");
    // the draft's threshold cites the draft file; an untouched rule, the document
    const md = (await swtalent([...COMMANDS["audit --all"]!, ...draft.slice(0, 2), "--format", "md", "--lang", "zh"])).stdout;
    expect(md).toMatch(/\n\[\d+\] policy-draft\.yaml {2}\n/);
    expect(md).toContain("| 九龙社区 | 城市社区 | 4 | 1 | 1 | QJ-COMMUNITY-CERT 社区持证人数 | 未达标 | 1 / 3 |");
    const en = (await swtalent([...COMMANDS.training!, ...draft.slice(0, 2), "--format", "md", "--lang", "en", "--quiet"])).stdout;
    expect(en).toContain("Policy qijiang-2023-draft (a custom policy that extends qijiang-2020)");
    expect(en).toContain("Rule QJ-TRAINING continuing education; basis policy-draft.yaml");
  });
});

describe("the README shows the default view as it is", () => {
  it("its excerpt of the audit at 100 columns is the start of the reviewed golden file", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const excerpt = readme.split("### What the terminal shows")[1]!.split("```text\n")[1]!.split("\n...\n```")[0]!;
    expect(golden("audit-qijiang.en.txt").startsWith(`${excerpt}\n`)).toBe(true);
    expect(excerpt.split("\n").length).toBeGreaterThan(15);
  });
});
