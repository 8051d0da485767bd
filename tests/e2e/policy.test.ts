/**
 * swtalent policy list | show | check: the profiles as a clerk reads them against the
 * documents, and a custom file checked before anything is computed.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { json, swtalent } from "../helpers/cli.js";
import { golden } from "../helpers/golden.js";

/** Every rule, target and list id of POLICY.md §2–6, with the section of its basis. */
const RULES: Record<string, [id: string, basis: string][]> = {
  "qijiang-2020": [
    ["QJ-CERT-SOCIAL-SERVICE", "一（二）"],
    ["QJ-CERT-OTHER", "一（二）"],
    ["QJ-INST-SW-POSTS", "一（二）"],
    ["QJ-SCHOOL-HOSPITAL", "一（二）"],
    ["QJ-COMMUNITY-CERT", "一（二）、三（一）、四（二）"],
    ["QJ-VILLAGE-CERT", "一（二）、三（一）、四（二）"],
    ["QJ-COMMUNITY-OFFICE", "一（二）"],
    ["QJ-AGENCY-STAFF", "三（三）"],
    ["QJ-AGENCY-POSTS", "三（三）"],
    ["QJ-TARGET-CERTIFIED", "一（二）"],
    ["QJ-TARGET-AGENCIES", "一（二）"],
    ["QJ-EXAM", "二（三）、四（二）"],
    ["QJ-ALLOWANCE", "四（三）"],
    ["QJ-TRAINING", "二（二）"],
  ],
  "ningbo-2018": [
    ["NB-COMMUNITY-PRO", "二.5"],
    ["NB-VILLAGE-PRO", "二.5"],
    ["NB-INST-SW-POSTS", "二.5"],
    ["NB-SOCIAL-ORG-POSTS", "二.5"],
    ["NB-POST-CERT", "二.6"],
    ["NB-PURCHASE-PRIORITY", "二.4"],
    ["NB-EXAM-AGE", "二.1"],
  ],
  "yunnan-2021": [
    ["YN-INST-SW-POSTS", "三（二）"],
    ["YN-AGENCY-POSTS", "三（九）"],
    ["YN-TOWN-STATION", "三（十）"],
    ["YN-POST-LEVEL", "四"],
  ],
  "liaoning-2013": [
    ["LN-TARGET-PEOPLE-2015", "二.3"],
    ["LN-TARGET-PROFESSIONALS-2015", "二.3"],
    ["LN-TARGET-PEOPLE-2020", "二.3"],
    ["LN-TARGET-PROFESSIONALS-2020", "二.3"],
  ],
  "chongqing-2018": [
    ["CQ-COMMUNITY-PRO", ""],
    ["CQ-VILLAGE-PRO", ""],
    ["CQ-OFFICE-STAFF", ""],
    ["CQ-TARGET-PEOPLE", ""],
  ],
};

describe("policy list", () => {
  it("names the five built-in profiles with their documents", async () => {
    const r = await swtalent(["policy", "list", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(json(r)).toEqual([
      { id: "chongqing-2018", document: "重庆市社会工作政策综述（2018）" },
      { id: "liaoning-2013", document: "辽民发〔2013〕7号" },
      { id: "ningbo-2018", document: "甬民发〔2018〕166号" },
      { id: "qijiang-2020", document: "綦江民发〔2020〕60号" },
      { id: "yunnan-2021", document: "云南省《关于加强社会工作专业岗位开发与人才激励保障的实施意见》" },
    ]);
  });

  it("marks the default and which profiles set allowance amounts and training days", async () => {
    const lines = (await swtalent(["policy", "list", "--format", "md", "--lang", "en"])).stdout.split("\n");
    expect(lines.find((l) => l.includes("qijiang-2020"))).toMatch(/qijiang-2020 \(default\) .*\| yes \| yes \|$/);
    for (const id of ["ningbo-2018", "yunnan-2021", "liaoning-2013", "chongqing-2018"]) {
      expect(lines.find((l) => l.startsWith(`| ${id} `))).toMatch(/\| no \| no \|$/);
    }
  });
});

describe("policy show", () => {
  it.each(Object.entries(RULES))("%s lists every rule of POLICY.md with its basis", async (id, rules) => {
    const r = await swtalent(["policy", "show", id, "--format", "md", "--lang", "zh"]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split("\n");
    for (const [rule, basis] of rules) {
      const line = lines.find((l) => l.startsWith(`| ${rule} |`));
      expect(line, rule).toBeDefined();
      expect(line!.endsWith(`${basis} |`), `${rule}: ${line}`).toBe(true);
    }
  });

  it("qijiang-2020 in Chinese is the reviewed golden file (rules, targets, exam list, amounts, training days)", async () => {
    expect((await swtalent(["policy", "show", "qijiang-2020", "--format", "md", "--lang", "zh"])).stdout).toBe(golden("policy-qijiang-2020.zh.md"));
  });

  it("ningbo-2018 in English is the reviewed golden file, saying it sets no amounts and no training days", async () => {
    expect((await swtalent(["policy", "show", "ningbo-2018", "--format", "md", "--lang", "en"])).stdout).toBe(golden("policy-ningbo-2018.en.md"));
  });

  it("the JSON is the resolved profile itself: thresholds as exact fractions, amounts in yuan", async () => {
    const p = json(await swtalent(["policy", "show", "qijiang-2020", "--format", "json"]));
    expect(p.id).toBe("qijiang-2020");
    expect(p.rules["QJ-CERT-SOCIAL-SERVICE"].ratio).toBe("1/3");
    expect(p.rules["QJ-AGENCY-POSTS"].ratio).toBe("7/10");
    expect(p.allowance.monthly).toEqual({ senior: 200, intermediate: 100, assistant: 50 });
    expect(p.training.days).toEqual({ senior: 15, intermediate: 15, assistant: 12, staff: 12 });
  });

  it("an unknown id is a usage error naming the built-in ones (exit 2)", async () => {
    const r = await swtalent(["policy", "show", "shanghai-2030"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'swtalent: unknown policy "shanghai-2030": use a built-in id (chongqing-2018, liaoning-2013, ningbo-2018, qijiang-2020, yunnan-2021) or the path of a policy file',
    );
  });
});

describe("policy check, and a custom policy in use", () => {
  const dir = mkdtempSync(join(tmpdir(), "swtalent-policy-"));

  it("a valid file that extends a built-in profile: one line, exit 0", async () => {
    const file = join(dir, "draft.yaml");
    writeFileSync(file, "extends: qijiang-2020\nid: qijiang-2023-draft\nrules:\n  QJ-COMMUNITY-CERT: { min: 3 }\n");
    const r = await swtalent(["policy", "check", file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${file}: valid policy qijiang-2023-draft`);
  });

  it("an invalid file: one line per problem naming its path in the file, exit 3", async () => {
    const file = join(dir, "bad.yaml");
    writeFileSync(file, 'extends: qijiang-2020\nallowance:\n  monthly: { senior: "lots" }\nrulez: {}\n');
    const r = await swtalent(["policy", "check", file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('allowance.monthly.senior: expected a whole number of yuan, got "lots"');
    expect(r.stderr).toMatch(/rulez/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("the audit under the draft changes exactly the community checks (2 certified no longer meet 3)", async () => {
    const file = join(dir, "draft.yaml");
    const base = json(await swtalent(["audit", "fixtures/人员名册.csv", "--units", "fixtures/单位信息.csv", "--as-of", "2021-12-31", "--format", "json"]));
    const draft = json(
      await swtalent(["audit", "fixtures/人员名册.csv", "--units", "fixtures/单位信息.csv", "--as-of", "2021-12-31", "--format", "json", "--policy", file]),
    );
    expect(draft.policy.id).toBe("qijiang-2023-draft");
    const changed = draft.units
      .flatMap((u: any, i: number) => u.checks.map((c: any, j: number) => [u.unit, c.rule, base.units[i].checks[j].status, c.status]))
      .filter(([, , a, b]: string[]) => a !== b);
    // 滨河社区 has 2 certified: pass under min 2, fail under min 3; 通惠社区 and 东溪社区 have 3
    expect(changed).toEqual([["滨河社区", "QJ-COMMUNITY-CERT", "pass", "fail"]]);
  });
});

describe("extending a profile that has no allowance", () => {
  it("giving only the amounts is refused with the missing keys and a line saying the whole rule is needed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "swtalent-policy-"));
    const file = join(dir, "nb.yaml");
    writeFileSync(file, "extends: ningbo-2018\nallowance:\n  monthly: { senior: 300, intermediate: 150, assistant: 80 }\n");
    const r = await swtalent(["policy", "check", file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("allowance.basis: expected text, got nothing");
    expect(r.stderr).toContain("allowance: ningbo-2018 sets no allowance, so a file extending it gives the whole allowance rule");
  });
});

describe("policy show in Chinese names every degree in words", () => {
  it("a rule that asks for a doctorate reads 博士, not the code", async () => {
    const dir = mkdtempSync(join(tmpdir(), "swtalent-policy-"));
    const file = join(dir, "doctor.yaml");
    writeFileSync(file, "extends: qijiang-2020\nrules:\n  QJ-AGENCY-STAFF:\n    who: { holds: certified_national, or_degree: doctor }\n");
    const line = (await swtalent(["policy", "show", file, "--format", "md", "--lang", "zh"])).stdout
      .split("\n")
      .find((l) => l.startsWith("| QJ-AGENCY-STAFF |"));
    expect(line).toContain("专职持全国证书人员或博士及以上学历者");
  });
});

describe("a policy file saved by Notepad or Excel on Chinese Windows", () => {
  it("in GB18030 (GBK) is read as such, with no flag", async () => {
    const dir = mkdtempSync(join(tmpdir(), "swtalent-policy-"));
    const file = join(dir, "草案.yaml");
    writeFileSync(file, iconv.encode("extends: qijiang-2020\nid: 綦江区2023草案\n", "gbk"));
    const r = await swtalent(["policy", "check", file, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toEqual({ file, valid: true, id: "綦江区2023草案" });
  });
});

describe("a policy file holds plain data", () => {
  it("a YAML tag is one line naming where it is, exit 3, and nothing else on stderr", async () => {
    const dir = mkdtempSync(join(tmpdir(), "swtalent-policy-"));
    const file = join(dir, "tagged.yaml");
    writeFileSync(file, "extends: qijiang-2020\nallowance:\n  monthly: { senior: !!js/function 'function () { return 900 }' }\n");
    for (const args of [
      ["policy", "check", file],
      ["allowance", "fixtures/人员名册.csv", "--units", "fixtures/单位信息.csv", "--month", "2021-07", "--policy", file],
    ]) {
      const r = await swtalent(args);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(
        `swtalent: ${file}: invalid policy, nothing was computed\n  allowance.monthly.senior: YAML tags are not accepted (found !!js/function): write the plain value\n`,
      );
    }
  });
});

describe("dates and fractions in a policy file", () => {
  const dir = mkdtempSync(join(tmpdir(), "swtalent-policy-"));

  it("an impossible due date is one line and nothing is computed, not a target that is never overdue", async () => {
    const file = join(dir, "feb30.yaml");
    writeFileSync(file, "extends: qijiang-2020\ntargets:\n  QJ-TARGET-CERTIFIED: { min: 1200, due: 2021-02-30 }\n");
    for (const args of [
      ["policy", "check", file],
      ["audit", "fixtures/人员名册.csv", "--units", "fixtures/单位信息.csv", "--as-of", "2021-12-31", "--policy", file, "--format", "json"],
    ]) {
      const r = await swtalent(args);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`swtalent: ${file}: invalid policy, nothing was computed\n  targets.QJ-TARGET-CERTIFIED.due: 2021-02-30 is not a date\n`);
    }
  });

  it("policy show --format json writes them back as the file has them, and that JSON is itself a valid policy", async () => {
    const shown = await swtalent(["policy", "show", "fixtures/policy-draft.yaml", "--format", "json"]);
    expect(shown.code, shown.stderr).toBe(0);
    const p = json(shown);
    expect(p.rules["QJ-CERT-OTHER"].ratio).toBe("1/4");
    expect(p.targets["QJ-TARGET-CERTIFIED"]).toMatchObject({ min: 1200, due: "2022-12-31" });
    const copy = join(dir, "draft-copy.json");
    writeFileSync(copy, shown.stdout);
    expect((await swtalent(["policy", "check", copy])).code).toBe(0);
    const md = async (ref: string) => (await swtalent(["policy", "show", ref, "--format", "md", "--lang", "zh"])).stdout;
    expect(await md(copy)).toBe(await md("fixtures/policy-draft.yaml"));
  });
});
