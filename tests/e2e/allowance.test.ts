import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, json, swtalent } from "../helpers/cli.js";
import { golden } from "../helpers/golden.js";
import { checkDigit } from "../../src/core/records/ids.js";

const ROSTER = "tests/fixtures/allowance/roster.csv";

describe("swtalent allowance on a small roster (worked by hand in tests/fixtures/allowance)", () => {
  it("June 2021: payees, per-town totals and the first failed condition of everyone else", async () => {
    const r = await swtalent(["allowance", ROSTER, "--month", "2021-06", "--format", "json", "--no-mask"]);
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.months).toEqual(["2021-06"]);
    expect(out.payees.map((p: any) => [p.name, p.grade, p.amount])).toEqual([
      ["杨帆", "assistant", 50], // starts on 2021-06-01: in service that day
      ["王芳", "senior", 200], // certificate 2021-05-31: paid from June
    ]);
    expect(out.by_town).toEqual([
      { town: "东溪镇", payees: 1, total: 50 },
      { town: "古南街道", payees: 1, total: 200 },
    ]);
    expect(out.total).toBe(250);
    expect(Object.fromEntries(out.not_paid.map((n: any) => [n.name, n.reason]))).toEqual({
      赵刚: "not_in_service", // left 2021-05-31
      陈静: "grade", // 社会工作员
      黄丽: "unit", // community without a social-work office
      刘洋: "unit", // an organ
      李强: "grade", // certificate dated on the 1st: from July
      张敏: "role", // 网格员
    });
  });

  it("a range pays July to 李强 too and adds up per town", async () => {
    const out = json(await swtalent(["allowance", ROSTER, "--from", "2021-06", "--to", "2021-07", "--format", "json"]));
    expect(out.months).toEqual(["2021-06", "2021-07"]);
    expect(out.total).toBe(250 + 350);
    expect(out.by_town).toEqual([
      { town: "东溪镇", payees: 1, total: 100 },
      { town: "古南街道", payees: 2, total: 500 },
    ]);
  });

  it("the Markdown payroll is the reviewed golden file (发放花名册 with a signature column)", async () => {
    const r = await swtalent(["allowance", ROSTER, "--month", "2021-06", "--format", "md", "--lang", "zh"]);
    expect(r.stdout).toBe(golden("allowance-2021-06.zh.md"));
  });

  it("a town's subtotal counts 1 person, 2 people (English table)", async () => {
    const r = await swtalent(["allowance", ROSTER, "--from", "2021-06", "--to", "2021-07", "--format", "md", "--lang", "en"]);
    expect(r.code).toBe(0);
    const subtotals = r.stdout.split("\n").filter((l) => l.startsWith("| subtotal |"));
    expect(subtotals.map((l) => l.split("|")[2]!.trim())).toEqual(["1 person", "2 people"]);
  });

  it("the CSV payroll is a ledger: pay June, feed it back, and June owes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "swtalent-ledger-"));
    const pay = join(dir, "payroll-2021-06.csv");
    expect((await swtalent(["allowance", ROSTER, "--month", "2021-06", "--out", pay])).code).toBe(0);
    const csv = readFileSync(pay, "utf8");
    expect(csv.startsWith("\uFEFFid,name,unit,town,grade,month,amount\r\n")).toBe(true);
    expect(csv).toContain("500222********0010,王芳,滨河社区,古南街道,senior,2021-06,200");
    const again = json(await swtalent(["allowance", ROSTER, "--month", "2021-06", "--paid", pay, "--format", "json"]));
    expect(again.payees).toEqual([]);
    expect(again.overpaid).toEqual([]);
    expect(again.by_town).toEqual([]);
    expect(again.total).toBe(0);
  });

  it("a ledger with partial and excess payments gives 补发 and 多发; months outside the range are ignored", async () => {
    const dir = mkdtempSync(join(tmpdir(), "swtalent-ledger-"));
    const ledger = join(dir, "paid.csv");
    writeFileSync(
      ledger,
      [
        "身份证号,月份,金额",
        "500222198001010010,2021-06,150",
        "500222198001010010,2021年6月,20",
        "500222198502020022,2021-06,100",
        "500222199507070074,2020-12,50",
      ].join("\n"),
    );
    const out = json(await swtalent(["allowance", ROSTER, "--month", "2021-06", "--paid", ledger, "--format", "json", "--no-mask"]));
    expect(out.payees.map((p: any) => [p.name, p.amount])).toEqual([
      ["杨帆", 50],
      ["王芳", 30],
    ]);
    expect(out.overpaid.map((p: any) => [p.name, p.month, p.amount])).toEqual([["李强", "2021-06", 100]]);
    expect(out.files.map((f: any) => [f.rows, f.accepted, f.rejected])).toEqual([
      [8, 8, 0],
      [4, 4, 0],
    ]);
    expect(out.warnings.join("\n")).toMatch(/1 ledger row is for a month outside the range and was ignored/);
  });

  it("a ledger row outside the range is ignored even when its id is no longer in the roster; inside the range it is rejected", async () => {
    const dir = mkdtempSync(join(tmpdir(), "swtalent-ledger-"));
    const ledger = join(dir, "paid.csv");
    writeFileSync(ledger, ["身份证号,月份,金额", "NOBODY,2020-01,100", "500222198001010010,2021-06,150"].join("\n"));
    const ok = await swtalent(["allowance", ROSTER, "--month", "2021-06", "--paid", ledger, "--format", "json"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(json(ok).files[1]).toMatchObject({ rows: 2, accepted: 2, rejected: 0 });
    const bad = await swtalent(["allowance", ROSTER, "--month", "2020-01", "--paid", ledger, "--format", "json"]);
    expect(bad.code).toBe(3);
    expect(json(bad).rejected).toEqual([expect.objectContaining({ row: 2, field: "id", value: "NOBODY" })]);
  });

  it("--explain's table names each condition beside its outcome (in service: yes), not the reason code", async () => {
    const md = (await swtalent(["allowance", ROSTER, "--month", "2021-06", "--explain", "500222198502020022", "--format", "md", "--lang", "en"])).stdout;
    expect(md).toMatch(/\| 2021-06 \| in service \| yes \|/);
    expect(md).toMatch(/\| {2}\| certificate \| NO \|/);
    expect(md).not.toContain("not in service");
  });

  it("--explain shows each condition month by month with the basis", async () => {
    const out = json(await swtalent(["allowance", ROSTER, "--from", "2021-06", "--to", "2021-07", "--explain", "500222198502020022", "--format", "json"]));
    expect(out.explain.months.map((m: any) => [m.month, m.reason, m.amount])).toEqual([
      ["2021-06", "grade", 0],
      ["2021-07", null, 100],
    ]);
    expect(out.explain.months[0].conditions.map((c: any) => c.passed)).toEqual([true, true, true, false]);
    expect(out.explain.months[0].basis).toBe("綦江民发〔2020〕60号 四（三）");
  });

  it("a policy without amounts is a usage error naming the profiles that have them", async () => {
    const r = await swtalent(["allowance", ROSTER, "--month", "2021-06", "--policy", "ningbo-2018"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sets no allowance amounts.*qijiang-2020/);
  });

  it.each([
    [["--month", "2021-13"], /not a month/],
    [[], /needs the month/],
    [["--from", "2021-06", "--to", "2021-01"], /after --to/],
    [["--month", "2021-06", "--from", "2021-01", "--to", "2021-02"], /either --month/],
  ])("bad month arguments exit 2: %j", async (args, message) => {
    const r = await swtalent(["allowance", ROSTER, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("a rerun is byte-identical", async () => {
    const a = await swtalent(["allowance", ROSTER, "--from", "2021-01", "--to", "2021-12", "--format", "json"]);
    const b = await swtalent(["allowance", ROSTER, "--from", "2021-01", "--to", "2021-12", "--format", "json"]);
    expect(a.stdout).toBe(b.stdout);
  });

  /** The README's crontab line as cron would run it: \% made %, the command in /bin/sh, from the scratch folder. */
  const cronLine = (dir: string) => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = readme.slice(readme.indexOf("## Month-end payroll from cron")).split("```cron")[1]!.split("```")[0]!;
    const entry = block.split("\n").find((l) => /^[\d*]/.test(l))!;
    const command = entry.split(" ").slice(5).join(" ").replaceAll("\\%", "%");
    return command.replace("cd /srv/swtalent", `cd ${dir}`).replace("swtalent allowance", `${process.execPath} ${BIN} allowance`);
  };
  const cron = (dir: string) =>
    spawnSync("/bin/sh", ["-c", cronLine(dir)], { encoding: "utf8", env: { PATH: process.env.PATH ?? "", SWTALENT_TODAY: "2021-07-05" } });

  it("the README's cron recipe writes last month's payroll, named after that month, with Chinese headers, and logs the exit code", () => {
    const dir = mkdtempSync(join(tmpdir(), "swtalent-cron-"));
    copyFileSync(join(ROOT, "fixtures/人员名册.csv"), join(dir, "roster.csv"));
    copyFileSync(join(ROOT, "fixtures/单位信息.csv"), join(dir, "units.csv"));
    const r = cron(dir);
    expect(r.status).toBe(0);
    expect([r.stdout, r.stderr]).toEqual(["", ""]);
    expect(readdirSync(dir).sort()).toEqual(["payroll-2021-06.csv", "roster.csv", "swtalent.log", "units.csv"]);
    const payroll = readFileSync(join(dir, "payroll-2021-06.csv"), "utf8");
    expect(payroll.split("\r\n")[0]).toBe("\uFEFF身份证号,姓名,单位,街镇,证书等级,月份,金额");
    expect(payroll).toContain(",尹涛,东溪社区,东溪镇,senior,2021-06,200");
    expect(readFileSync(join(dir, "swtalent.log"), "utf8")).toMatch(/^\d{4}-\d{2}-\d{2} allowance --month last: exit 0\n$/);
  });

  it("a rejected row: the log names it in Chinese and ends with exit 3, and the next run adds to the log", () => {
    const dir = mkdtempSync(join(tmpdir(), "swtalent-cron-"));
    writeFileSync(join(dir, "roster.csv"), `${readFileSync(join(ROOT, ROSTER), "utf8")}G0010,黄丽,滨河社区,社区,古南街道,网格员,特级社工,2020/1/1,,,是\n`);
    writeFileSync(join(dir, "units.csv"), "单位名称,单位类型,所属街镇,是否设立社会工作室\n滨河社区,社区,古南街道,是\n新桥村,村,东溪镇,是\n");
    expect(cron(dir).status).toBe(0);
    cron(dir);
    const log = readFileSync(join(dir, "swtalent.log"), "utf8").trimEnd().split("\n");
    expect(log.filter((l) => l.startsWith("roster.csv：第 10 行，列 证书等级 (grade)，内容“特级社工”"))).toHaveLength(2);
    expect(log.filter((l) => l.endsWith("allowance --month last: exit 3"))).toHaveLength(2);
    expect(log.at(-1)).toMatch(/^\d{4}-\d{2}-\d{2} allowance --month last: exit 3$/);
  });
});

describe("never pay twice (the example district, June 2021: 500 yuan to 4 payees)", () => {
  const DISTRICT = ["fixtures/人员名册.csv", "--units", "fixtures/单位信息.csv"];
  const dir = mkdtempSync(join(tmpdir(), "swtalent-twice-"));
  const roster = readFileSync(join(ROOT, "fixtures/人员名册.csv"), "utf8");
  const yinRow = roster.split(/\r?\n/).find((l) => l.includes("尹涛"))!;

  it.each([
    ["a space", "500222 196903039374"],
    ["a zero-width space", "500222\u200B196903039374"],
    ["a NUL", "500222\u0000196903039374"],
    ["dashes", "500222-1969-0303-9374"],
    ["full-width digits", "５００２２２１９６９０３０３９３７４"],
  ])("尹涛 again under his id with %s is the same person: paid 200 once", async (_what, spelled) => {
    const path = join(dir, `roster-${spelled.length}-${_what.replace(/\W/g, "")}.csv`);
    writeFileSync(path, `${roster}${yinRow.replace("500222196903039374", spelled)}\r\n`);
    const out = json(await swtalent(["allowance", path, ...DISTRICT.slice(1), "--month", "2021-06", "--format", "json", "--allow-rejects"]));
    expect(out.total).toBe(500);
    expect(out.payees.filter((p: any) => p.name === "尹涛").map((p: any) => p.amount)).toEqual([200]);
  });

  it("尹涛 again with 号 after his id: that row is rejected saying so, and he is paid once", async () => {
    const path = join(dir, "roster-hao.csv");
    writeFileSync(path, `${roster}${yinRow.replace("500222196903039374", "500222196903039374号")}\r\n`);
    const r = await swtalent(["allowance", path, ...DISTRICT.slice(1), "--month", "2021-06", "--format", "json", "--allow-rejects"]);
    const out = json(r);
    expect(out.total).toBe(500);
    expect(out.rejected.map((x: any) => [x.row, x.field, x.value])).toEqual([[80, "id", "500222********9374号"]]);
    expect(out.rejected[0].reason).toMatch(/resident ID with other characters/);
  });

  it("one name in one unit under two ids is warned about", async () => {
    const path = join(dir, "roster-two-ids.csv");
    writeFileSync(path, `${roster}${yinRow.replace("500222196903039374", "G0074")}\r\n`);
    const r = await swtalent(["allowance", path, ...DISTRICT.slice(1), "--month", "2021-06", "--format", "csv"]);
    expect(r.stderr).toContain("warning: 尹涛 of 东溪社区 appears under more than one id (500222********9374, G0074)");
  });

  const ledger = (rows: string[]) => {
    const path = join(dir, `paid-${rows.join("").length}-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(path, ["身份证号,月份,金额", ...rows].join("\n"));
    return path;
  };

  it("a negative ledger amount is rejected, never owed back on top of the due", async () => {
    const r = await swtalent([
      "allowance",
      ...DISTRICT,
      "--month",
      "2021-06",
      "--paid",
      ledger(["500222196903039374,2021-06,-200"]),
      "--format",
      "json",
      "--allow-rejects",
    ]);
    const out = json(r);
    expect(out.rejected.map((x: any) => [x.field, x.value])).toEqual([["amount", "-200"]]);
    expect(out.payees.filter((p: any) => p.name === "尹涛")).toEqual([]);
    expect(out.not_paid.filter((n: any) => n.name === "尹涛").map((n: any) => n.reason)).toEqual(["ledger_rejected"]);
    expect(out.total).toBe(300);
    expect(r.code).toBe(0);
    expect(
      (await swtalent(["allowance", ...DISTRICT, "--month", "2021-06", "--paid", ledger(["500222196903039374,2021-06,-200"]), "--format", "json"])).code,
    ).toBe(3);
  });

  it.each([
    ["200元", 0],
    ["1,000.00", 0],
    ["200.00", 0],
    ["¥200", 0],
  ])("a ledger amount written %s is read: 尹涛 owes nothing more", async (amount) => {
    const out = json(
      await swtalent(["allowance", ...DISTRICT, "--month", "2021-06", "--paid", ledger([`500222196903039374,2021-06,"${amount}"`]), "--format", "json"]),
    );
    expect(out.rejected).toEqual([]);
    expect(out.total).toBe(300);
  });

  it.each([
    ["an amount in words", "500222196903039374,2021-06,二百"],
    ["an impossible month", "500222196903039374,2021-13,200"],
    ["a fraction of a fen", "500222196903039374,2021-06,199.999"],
  ])("a rejected ledger row (%s) holds 尹涛's payment instead of paying him in full again", async (_what, row) => {
    const out = json(await swtalent(["allowance", ...DISTRICT, "--month", "2021-06", "--paid", ledger([row]), "--format", "json", "--allow-rejects"]));
    expect(out.rejected).toHaveLength(1);
    expect(out.payees.map((p: any) => p.name)).not.toContain("尹涛");
    expect(out.not_paid.filter((n: any) => n.name === "尹涛").map((n: any) => [n.month, n.reason])).toEqual([["2021-06", "ledger_rejected"]]);
    expect(out.total).toBe(300);
  });

  it.each([
    ["full-width digits", "５００２２２１９６９０３０３９３７４"],
    ["a space", "500222 196903039374"],
  ])("a ledger id typed with %s is read as the roster's person", async (_what, id) => {
    const out = json(await swtalent(["allowance", ...DISTRICT, "--month", "2021-06", "--paid", ledger([`${id},2021-06,200`]), "--format", "json"]));
    expect(out.rejected).toEqual([]);
    expect(out.total).toBe(300);
  });
});

describe("--explain takes an id, a masked id, or a name when it is unique (SPEC.md Commands)", () => {
  const withId = (first17: string) => first17 + checkDigit(first17);
  const WANG_A = withId("50022219800101001"); // ends in 0010
  const WANG_B = withId("50022219800102003");
  const ZHAO = withId("50022219790125688"); // check digit X
  const dir = mkdtempSync(join(tmpdir(), "swtalent-explain-"));
  const path = join(dir, "roster.csv");
  writeFileSync(
    path,
    [
      "身份证号,姓名,单位,单位类型,街镇,岗位,证书等级,社会工作室",
      `${WANG_A},王芳,滨河社区,社区,古南街道,社区党委书记,高级社会工作师,是`,
      `${WANG_B},王芳,新桥村,村,东溪镇,村支书,助理社会工作师,是`,
      `${ZHAO},赵刚,新桥村,村,东溪镇,村长,社会工作师,是`,
      "G0001,李强,滨河社区,社区,古南街道,专职社区工作者,社会工作师,是",
    ].join("\n"),
  );
  const explain = (who: string, ...more: string[]) =>
    swtalent(["allowance", path, "--month", "2021-06", "--explain", who, "--format", "json", "--lang", "en", ...more]);
  const explained = async (who: string) => {
    const r = await explain(who);
    expect(r.code, r.stderr).toBe(0);
    return json(r).explain;
  };

  it.each([
    ["a unique name", "赵刚", "赵刚"],
    ["a unique name with spaces around it", " 李强 ", "李强"],
    ["a full id", WANG_B, "王芳"],
    ["a staff number (工号)", "G0001", "李强"],
    ["a masked id, as every report shows it", "500222********0010", "王芳"],
    ["a masked id with a small x", `500222********${ZHAO.slice(14, 17)}x`, "赵刚"],
  ])("%s", async (_what, who, name) => {
    const e = await explained(who);
    expect(e.name).toBe(name);
  });

  it("the full id of one 王芳 explains that one, whose unit differs from the other's", async () => {
    expect((await explained(WANG_A)).unit).toBe("滨河社区");
    expect((await explained(WANG_B)).unit).toBe("新桥村");
  });

  it("a name two people share is a usage error (exit 2) listing both, ids masked, to choose from", async () => {
    const r = await explain("王芳");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      "swtalent: --explain 王芳: 2 people match; give one of their ids",
      `  ${WANG_A.slice(0, 6)}********${WANG_A.slice(14)} 王芳 (滨河社区)`,
      `  ${WANG_B.slice(0, 6)}********${WANG_B.slice(14)} 王芳 (新桥村)`,
    ]);
  });

  it("a masked id two resident IDs share is a usage error (exit 2) asking for the full id", async () => {
    // another birth date with the same sequence number and check digit: the same masked id as WANG_A
    const days = Array.from({ length: 27 }, (_, i) => String(i + 2).padStart(2, "0"));
    const twin = days.map((dd) => withId(`500222198001${dd}001`)).find((x) => x.slice(14) === WANG_A.slice(14))!;
    const twins = join(dir, "twins.csv");
    writeFileSync(twins, [readFileSync(path, "utf8"), `${twin},孙丽,滨河社区,社区,古南街道,社区主任,社会工作师,是`].join("\n"));
    const r = await swtalent(["allowance", twins, "--month", "2021-06", "--explain", "500222********0010", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("swtalent: --explain 500222********0010: 2 people match; give the full id (--no-mask shows them)");
    expect(r.stderr).toContain("王芳 (滨河社区)");
    expect(r.stderr).toContain("孙丽 (滨河社区)");
  });

  it("nobody by that id or name is a usage error (exit 2) saying so", async () => {
    const r = await explain("张三");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "swtalent: --explain 张三: no accepted person in the roster has this id or name (a rejected row is listed with its reason by validate)\n",
    );
  });
});

describe("role warnings only where the role decides the allowance (POLICY.md §1 Roles)", () => {
  it("the example district: no warning for the 科员 of bureaus and street offices, nor the 社工 of agencies", async () => {
    const r = await swtalent(["allowance", "fixtures/人员名册.csv", "--units", "fixtures/单位信息.csv", "--month", "2021-06", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(json(r).warnings.filter((w: string) => w.startsWith("role "))).toEqual([]);
    expect(r.stderr).not.toMatch(/科员/);
  });

  it("an unknown title in a community with an office is warned about; the same in a bureau, or after leaving, is not", async () => {
    const dir = mkdtempSync(join(tmpdir(), "swtalent-roles-"));
    const path = join(dir, "roster.csv");
    writeFileSync(
      path,
      [
        "身份证号,姓名,单位,单位类型,街镇,岗位,证书等级,离职日期,社会工作室",
        "G1,王芳,滨河社区,社区,古南街道,社区干事,社会工作师,,是",
        "G2,李强,区民政局,机关,,科员,社会工作师,,",
        "G3,张敏,石佛社区,社区,东溪镇,社区干事,社会工作师,,否",
        "G4,赵刚,滨河社区,社区,古南街道,保安,社会工作师,2021-05-31,是",
        "G5,陈静,新桥村,村,东溪镇,村支书,社会工作师,,是",
      ].join("\n"),
    );
    const june = await swtalent(["allowance", path, "--month", "2021-06", "--format", "json", "--lang", "en"]);
    expect(json(june).warnings).toEqual(['role "社区干事" (1 person) is not a known role: counted as other, so not paid an allowance']);
    expect(json(june).payees.map((p: any) => p.name)).toEqual(["陈静"]);
    // 赵刚 was in service in May: his role decided that month's pay
    const spring = await swtalent(["allowance", path, "--from", "2021-05", "--to", "2021-06", "--format", "json", "--lang", "en"]);
    expect(
      json(spring)
        .warnings.filter((w: string) => w.startsWith("role "))
        .map((w: string) => w.split(" (")[0]),
    ).toEqual(['role "保安"', 'role "社区干事"']);
  });
});

describe("columns headed as offices head them are read, never silently skipped (SPEC.md Inputs)", () => {
  const dir = mkdtempSync(join(tmpdir(), "swtalent-headers-"));
  const write = (name: string, header: string) => {
    writeFileSync(join(dir, name), [header, "G1,王芳,滨河社区,社区,古南街道,是,社区党委书记,社会工作师,2019-01-01,2015-03-01,2021-06-15"].join("\n"));
    return join(dir, name);
  };

  it("离职时间, 入职时间, 取得证书时间, 证书级别, 单位类别, 所在街镇, 姓 名: a person who left on 2021-06-15 is not paid for July", async () => {
    const path = write("roster.csv", "工号,姓 名,单位,单位类别,所在街镇,社会工作室,岗位,证书级别,取得证书时间,入职时间,离职时间");
    const r = await swtalent(["allowance", path, "--month", "2021-07", "--format", "json", "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    const out = json(r);
    expect(out.payees).toEqual([]);
    expect(out.not_paid.map((n: any) => [n.name, n.reason])).toEqual([["王芳", "not_in_service"]]);
  });

  it("a header that looks like the leaving date but is not known stops the run (exit 3), --quiet or not", async () => {
    const path = write("roster-odd.csv", "工号,姓名,单位,单位类型,街镇,社会工作室,岗位,证书等级,取证日期,入职日期,离职年月日");
    const r = await swtalent(["allowance", path, "--month", "2021-07", "--format", "json", "--quiet"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('column "离职年月日" looks like end_date (离职日期)');
    const mapped = await swtalent(["allowance", path, "--month", "2021-07", "--format", "json", "--column", "离职年月日=end_date"]);
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(json(mapped).total).toBe(0);
  });

  it("--column with no = or an unknown field is a usage error", async () => {
    const path = write("roster-2.csv", "工号,姓名,单位,单位类型,街镇,社会工作室,岗位,证书等级,取证日期,入职日期,离职日期");
    expect((await swtalent(["allowance", path, "--month", "2021-07", "--column", "离职"])).code).toBe(2);
    const r = await swtalent(["allowance", path, "--month", "2021-07", "--column", "离职=leaving"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"leaving", which is not a field');
  });
});
