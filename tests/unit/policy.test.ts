import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseDay } from "../../src/core/dates.js";
import { DataError } from "../../src/core/errors.js";
import { mergePolicy, validatePolicy } from "../../src/core/policy/load.js";
import { policyData } from "../../src/core/policy/schema.js";
import { audit } from "../../src/core/rules/audit.js";
import { builtinIds, loadPolicy } from "../../src/io/policies.js";
import { staffOf, unit } from "../helpers/records.js";

const dir = mkdtempSync(join(tmpdir(), "swtalent-policy-"));
function file(name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function problems(path: string): string[] {
  try {
    loadPolicy(path);
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return [...(e as DataError).details];
  }
  throw new Error("expected the policy to be rejected");
}

describe("built-in profiles", () => {
  it("are the five of POLICY.md, each valid", () => {
    expect(builtinIds().sort()).toEqual(["chongqing-2018", "liaoning-2013", "ningbo-2018", "qijiang-2020", "yunnan-2021"]);
    for (const id of builtinIds()) expect(loadPolicy(id).id).toBe(id);
  });

  it("qijiang-2020 carries the allowance amounts and training days of 四（三） and 二（二）", () => {
    const p = loadPolicy("qijiang-2020");
    expect(p.allowance!.monthly).toEqual({ senior: 200, intermediate: 100, assistant: 50 });
    expect(p.training!.days).toEqual({ senior: 15, intermediate: 15, assistant: 12, staff: 12 });
    expect(p.params).toMatchObject({ staff_counts_as_certified: true, professional_degree_min: "bachelor" });
  });

  it("only qijiang-2020 sets an allowance", () => {
    expect(builtinIds().filter((id) => loadPolicy(id).allowance !== null)).toEqual(["qijiang-2020"]);
  });
});

describe("custom policies (POLICY.md §7)", () => {
  it("a file that extends a profile names it, and what it changes cites the file, not the original document", () => {
    const p = loadPolicy(join("fixtures", "..", "fixtures", "policy-draft.yaml"));
    expect(p.extends).toBe("qijiang-2020");
    expect(p.id).toBe("qijiang-2023-draft");
    // changed by the draft: the amounts, the training window, two thresholds and a target
    expect(p.allowance!.basis).toBe("policy-draft.yaml");
    expect(p.training!.basis).toBe("policy-draft.yaml");
    expect(p.rules["QJ-COMMUNITY-CERT"]!.basis).toBe("policy-draft.yaml");
    expect(p.rules["QJ-CERT-OTHER"]!.basis).toBe("policy-draft.yaml");
    expect(p.targets["QJ-TARGET-CERTIFIED"]!.basis).toBe("policy-draft.yaml");
    // untouched: still the document's clause
    expect(p.rules["QJ-VILLAGE-CERT"]!.basis).toBe("綦江民发〔2020〕60号 一（二）、三（一）、四（二）");
    expect(p.targets["QJ-TARGET-AGENCIES"]!.basis).toBe("綦江民发〔2020〕60号 一（二）");
    expect(p.exam!.basis).toBe("綦江民发〔2020〕60号 二（三）、四（二）");
    // a built-in profile extends nothing
    expect(loadPolicy("qijiang-2020").extends).toBeUndefined();
  });

  it("a file that restates a value unchanged, or gives its own basis, keeps that basis", () => {
    const p = loadPolicy(
      file("same.yaml", "extends: qijiang-2020\nrules:\n  QJ-VILLAGE-CERT: { min: 1 }\nallowance:\n  monthly: { senior: 250 }\n  basis: 四（三）修订稿\n"),
    );
    expect(p.rules["QJ-VILLAGE-CERT"]!.basis).toBe("綦江民发〔2020〕60号 一（二）、三（一）、四（二）");
    expect(p.allowance!.basis).toBe("四（三）修订稿");
  });

  it("extends qijiang-2020 and changes exactly the verdicts its threshold touches", () => {
    const path = file(
      "draft.yaml",
      [
        "extends: qijiang-2020",
        "id: qijiang-2023-draft",
        "rules:",
        "  QJ-COMMUNITY-CERT: { min: 3 }",
        '  QJ-CERT-OTHER: { ratio: "1/4" }',
        "allowance:",
        "  monthly: { senior: 300, intermediate: 150, assistant: 80 }",
        "training:",
        "  window: certificate",
        "targets:",
        "  QJ-TARGET-CERTIFIED: { min: 1200, due: 2022-12-31 }",
      ].join("\n"),
    );
    const custom = loadPolicy(path);
    expect(custom.id).toBe("qijiang-2023-draft");
    expect(custom.allowance!.monthly.senior).toBe(300);
    expect(custom.training!.window).toBe("certificate");
    expect(custom.training!.days.intermediate).toBe(15);
    expect(custom.targets["QJ-TARGET-CERTIFIED"]).toMatchObject({ min: 1200, due: parseDay("2022-12-31") });

    const asOf = parseDay("2021-12-31")!;
    const units = new Map([
      ["C", unit({ name: "C", type: "urban_community", swOffice: true })],
      ["O", unit({ name: "O", type: "organ", socialService: false })],
      ["V", unit({ name: "V", type: "village", swOffice: true })],
    ]);
    const people = [...staffOf("C", 6, 2), ...staffOf("O", 5, 1), ...staffOf("V", 2, 1)];
    const before = audit(loadPolicy("qijiang-2020"), people, units, asOf);
    const after = audit(custom, people, units, asOf);
    const statuses = (r: typeof before) => r.units.flatMap((u) => u.checks.map((c) => `${c.rule}:${c.status}`));
    expect(statuses(before)).toEqual([
      "QJ-COMMUNITY-CERT:pass",
      "QJ-COMMUNITY-OFFICE:pass",
      "QJ-CERT-OTHER:pass",
      "QJ-VILLAGE-CERT:pass",
      "QJ-COMMUNITY-OFFICE:pass",
    ]);
    expect(statuses(after)).toEqual([
      "QJ-COMMUNITY-CERT:fail",
      "QJ-COMMUNITY-OFFICE:pass",
      "QJ-CERT-OTHER:fail",
      "QJ-VILLAGE-CERT:pass",
      "QJ-COMMUNITY-OFFICE:pass",
    ]);
  });

  it("a JSON file works the same", () => {
    const path = file("p.json", JSON.stringify({ extends: "qijiang-2020", rules: { "QJ-VILLAGE-CERT": { min: 2 } } }));
    expect(loadPolicy(path).rules["QJ-VILLAGE-CERT"]).toMatchObject({ min: 2 });
  });

  it.each([
    ["allowance:\n  monthly: { senior: lots }", 'allowance.monthly.senior: expected a whole number of yuan, got "lots"'],
    ["allowance:\n  monthly: { senoir: 300 }", "allowance.monthly.senoir: unknown key"],
    ["rules:\n  QJ-CERT-OTHER: { ratio: 0.25 }", "rules.QJ-CERT-OTHER.ratio: expected a fraction"],
    ['rules:\n  QJ-CERT-OTHER: { ratio: "5/4" }', "rules.QJ-CERT-OTHER.ratio: expected a fraction of at most 1"],
    ["training:\n  window: yearly", "training.window: expected rolling or certificate"],
    ["targets:\n  QJ-TARGET-CERTIFIED: { due: 31/12/2022 }", "targets.QJ-TARGET-CERTIFIED.due: expected a date as YYYY-MM-DD"],
    ["colour: red", "colour: unknown key"],
  ])("%s is rejected naming its path", (body, message) => {
    const lines = problems(file(`bad-${Math.random().toString(36).slice(2)}.yaml`, `extends: qijiang-2020\n${body}\n`));
    expect(lines.some((l) => l.startsWith(message))).toBe(true);
  });

  it("extends must name a built-in profile", () => {
    expect(problems(file("x.yaml", "extends: shanghai-2030\n"))[0]).toMatch(/^extends: expected a built-in profile id/);
  });
});

describe("a policy file is decoded like any input", () => {
  const TEXT = "extends: qijiang-2020\nid: 綦江区2023草案\nallowance:\n  basis: 四（三）修订稿\n";

  it.each([
    ["UTF-8", Buffer.from(TEXT, "utf8")],
    ["UTF-8 with a BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, "utf8")])],
    ["GB18030", iconv.encode(TEXT, "gb18030")],
  ])("%s", (name, bytes) => {
    const p = loadPolicy(file(`${name.replace(/\W/g, "")}.yaml`, bytes));
    expect(p.id).toBe("綦江区2023草案");
    expect(p.allowance!.basis).toBe("四（三）修订稿");
  });

  it("a JSON file with a BOM", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"extends": "qijiang-2020", "id": "綦江-json"}', "utf8")]);
    expect(loadPolicy(file("bom.json", bytes)).id).toBe("綦江-json");
  });

  it("a file that mixes UTF-8 and GBK is one line saying to save it again", () => {
    const bytes = Buffer.concat([Buffer.from(TEXT, "utf8"), iconv.encode("  document: 綦江民发〔2020〕60号\n", "gbk")]);
    expect(problems(file("mixed.yaml", bytes))).toEqual(["(file): the text mixes encodings or is damaged: save it again as UTF-8"]);
  });
});

describe("a policy file holds plain data: no YAML tags, no warnings from the YAML library", () => {
  const warned = vi.spyOn(process, "emitWarning");
  afterEach(() => warned.mockClear());

  it.each([
    ["allowance:\n  monthly: { senior: !!js/function 'function () { return 900 }' }", "allowance.monthly.senior", "!!js/function"],
    ["id: !custom qijiang-x", "id", "!custom"],
    ["allowance:\n  monthly: { senior: !!int 300 }", "allowance.monthly.senior", "!!int"],
    ["rules: !!map\n  QJ-COMMUNITY-CERT: { min: 3 }", "rules", "!!map"],
    ["exam:\n  unit_types: [town, !<tag:example.com,2024:unit> organ]", "exam.unit_types.1", "!<tag:example.com,2024:unit>"],
  ])("%s is one problem naming the path and the tag", (body, path, tag) => {
    expect(problems(file(`tag-${Math.random().toString(36).slice(2)}.yaml`, `extends: qijiang-2020\n${body}\n`))).toEqual([
      `${path}: YAML tags are not accepted (found ${tag}): write the plain value`,
    ]);
    expect(warned).not.toHaveBeenCalled();
  });

  it("a warning of the YAML library is a problem of the file, in one line", () => {
    expect(problems(file("directive.yaml", "%FOO bar\n---\nextends: qijiang-2020\n"))).toEqual(["(file): Unknown directive %FOO at line 1, column 1"]);
    expect(problems(file("syntax.yaml", "extends: qijiang-2020\nid: [unclosed\n"))).toEqual([
      expect.stringMatching(/^\(file\): not valid YAML or JSON: .* at line \d+, column \d+$/),
    ]);
    expect(warned).not.toHaveBeenCalled();
  });

  it("a key whose value is a mapping is not stringified with a warning", () => {
    expect(problems(file("mapkey.yaml", "extends: qijiang-2020\n? { a: 1 }\n: 2\n"))).toEqual([
      `{ a: 1 }: unknown key (check the spelling; unknown keys are not ignored)`,
    ]);
    expect(warned).not.toHaveBeenCalled();
  });
});

describe("keys that name the object machinery are kept as data and reported", () => {
  const UNKNOWN = "unknown key (check the spelling; unknown keys are not ignored)";

  it.each([
    ["allowance:\n  monthly: { __proto__: { senior: 900 } }", "allowance.monthly.__proto__"],
    ["allowance:\n  monthly: { constructor: 900 }", "allowance.monthly.constructor"],
    ["__proto__: { id: hijacked }", "__proto__"],
    ["constructor: { id: hijacked }", "constructor"],
    ["rules:\n  __proto__: { min: 9 }", "rules.__proto__"],
    ["rules:\n  constructor: { min: 9 }", "rules.constructor"],
    ["targets:\n  prototype: { min: 9 }", "targets.prototype"],
  ])("%s is an unknown key", (body, path) => {
    expect(problems(file(`proto-${Math.random().toString(36).slice(2)}.yaml`, `extends: qijiang-2020\n${body}\n`))).toEqual([`${path}: ${UNKNOWN}`]);
    expect(({} as Record<string, unknown>).senior).toBeUndefined();
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  });

  it("merging an override keeps such a key as an own key and never sets a prototype", () => {
    const merged = mergePolicy({ allowance: { monthly: { senior: 200 } } }, JSON.parse('{"allowance": {"monthly": {"__proto__": {"senior": 900}}}}')) as any;
    expect(Object.getPrototypeOf(merged.allowance.monthly)).toBe(Object.prototype);
    expect(Object.keys(merged.allowance.monthly)).toEqual(["senior", "__proto__"]);
    expect(merged.allowance.monthly.senior).toBe(200);
  });

  it("in a JSON file too, beside a misspelt key", () => {
    const path = file("proto.json", '{"extends": "qijiang-2020", "allowance": {"monthly": {"__proto__": {"senior": 900}, "senoir": 1}}}');
    expect(problems(path)).toEqual([`allowance.monthly.__proto__: ${UNKNOWN}`, `allowance.monthly.senoir: ${UNKNOWN}`]);
  });
});

describe("dates and fractions are parsed once, when the policy loads", () => {
  it("a due date is a calendar day and a ratio an exact fraction", () => {
    const p = loadPolicy(
      file(
        "typed.yaml",
        'extends: qijiang-2020\nrules:\n  QJ-CERT-OTHER: { ratio: " 1 / 4 ", due: 2020-02-29 }\ntargets:\n  QJ-TARGET-CERTIFIED: { due: 2022-12-31 }\n',
      ),
    );
    expect(p.rules["QJ-CERT-OTHER"]).toMatchObject({ ratio: { num: 1, den: 4 }, due: parseDay("2020-02-29") });
    expect(p.targets["QJ-TARGET-CERTIFIED"]!.due).toBe(parseDay("2022-12-31"));
    expect(loadPolicy("qijiang-2020").rules["QJ-AGENCY-POSTS"]).toMatchObject({ ratio: { num: 7, den: 10 } });
  });

  it.each([
    ["targets:\n  QJ-TARGET-CERTIFIED: { due: 2021-02-30 }", "targets.QJ-TARGET-CERTIFIED.due: 2021-02-30 is not a date"],
    ["targets:\n  QJ-TARGET-CERTIFIED: { due: 2021-02-29 }", "targets.QJ-TARGET-CERTIFIED.due: 2021-02-29 is not a date"],
    ["rules:\n  QJ-CERT-OTHER: { due: 2021-04-31 }", "rules.QJ-CERT-OTHER.due: 2021-04-31 is not a date"],
    ["rules:\n  QJ-CERT-OTHER: { due: 2021-13-01 }", "rules.QJ-CERT-OTHER.due: 2021-13-01 is not a date"],
    ['rules:\n  QJ-CERT-OTHER: { ratio: "5/4" }', 'rules.QJ-CERT-OTHER.ratio: expected a fraction of at most 1, got "5/4"'],
    [
      'rules:\n  QJ-CERT-OTHER: { ratio: "1/99999999999999999999" }',
      'rules.QJ-CERT-OTHER.ratio: expected a denominator of at most 1000000, got "1/99999999999999999999"',
    ],
  ])("%s is rejected in one line", (body, message) => {
    expect(problems(file(`date-${Math.random().toString(36).slice(2)}.yaml`, `extends: qijiang-2020\n${body}\n`))).toEqual([message]);
  });

  it.each(builtinIds())("%s written back as data (policy show --format json) loads as the same policy", (id) => {
    const p = loadPolicy(id);
    const data = policyData(p) as any;
    expect(data.targets).toSatisfy((ts: Record<string, { due: unknown }>) => Object.values(ts).every((t) => /^\d{4}-\d{2}-\d{2}$/.test(String(t.due))));
    expect(validatePolicy(data, `${id}.json`)).toEqual(p);
  });

  it("a target is overdue from the day after its due date (QJ-TARGET-CERTIFIED)", () => {
    const p = loadPolicy(file("due.yaml", "extends: qijiang-2020\ntargets:\n  QJ-TARGET-CERTIFIED: { due: 2024-02-29 }\n"));
    const overdue = (asOf: string) => audit(p, [], new Map(), parseDay(asOf)!).targets.find((t) => t.rule === "QJ-TARGET-CERTIFIED")!;
    expect(overdue("2024-02-29")).toMatchObject({ due: "2024-02-29", overdue: false });
    expect(overdue("2024-03-01")).toMatchObject({ due: "2024-02-29", overdue: true });
  });
});
