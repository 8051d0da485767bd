import { describe, expect, it } from "vitest";
import type { CommonOptions } from "../../src/commands/options.js";
import { compareCsv, compareJson, compareSections } from "../../src/commands/compare-report.js";
import type { AllowanceComparison, Comparison, TrainingChange } from "../../src/core/rules/compare.js";
import { renderMarkdown } from "../../src/render/format.js";
import { type Section, plain } from "../../src/render/model.js";
import { loadPolicy } from "../../src/io/policies.js";

const qj = loadPolicy("qijiang-2020");
const o: CommonOptions = { mask: true, bom: false };
const policies = [qj, { ...qj, id: "draft" }] as const;

const allowance: AllowanceComparison = {
  months: ["2021-06"],
  totalFen: [10000, 15000],
  byMonth: [{ month: "2021-06", fen: [10000, 15000] }],
  byTown: [{ town: null, fen: [10000, 15000] }],
  peopleChanged: [
    { id: "500222197809149125", name: "王芳", unit: "滨河社区", town: null, month: "2021-06", fen: [10000, 15000], because: "amount: 100 -> 150" },
    { id: "G0001", name: "张敏", unit: "滨河社区", town: null, month: "2021-06", fen: [0, 5000], because: "role" },
  ],
  overpaidFen: null,
};

const change = (over: Partial<TrainingChange>): TrainingChange => ({
  id: "G0002",
  name: "李强",
  unit: "滨河社区",
  town: "古南街道",
  required100: [1200, 1200],
  days100: [1200, 1200],
  status: ["compliant", "compliant"],
  ...over,
});

const comparison: Comparison = {
  audit: { units: 1, compliant: [1, 1], unitsChanged: [], targets: [] },
  allowance: { state: "compared", result: allowance },
  training: {
    state: "compared",
    result: {
      peopleChanged: [
        change({ required100: [1200, 1500], status: ["compliant", "noncompliant"] }),
        change({ required100: [null, 1200], status: ["not_applicable", "in_progress"] }),
        change({ days100: [1200, 0], status: ["compliant", "noncompliant"] }),
        change({ status: ["in_progress", "noncompliant"] }),
      ],
    },
  },
};

const md = (sections: Section[]) => [...renderMarkdown({ json: null, sections, csv: { header: [], rows: [] } })].join("");

describe("the comparison in words", () => {
  it("one month: the monthly cost only, 1 unit, 2 people; the because words in each language", () => {
    const en = md(compareSections(comparison, policies, "2021-12-31", "en", o));
    expect(en).toContain("Units compliant: 1 → 1 of 1 (0); 0 units change verdict or failing rules  \n");
    expect(en).toContain("Monthly cost (2021-06): 100 → 150 yuan (+50)  \nAllowance changes for 2 people (2 person-months)  \n");
    expect(en).not.toContain("Yearly cost");
    expect(en).toContain("| district/city level | 100 | 150 | +50 |");
    expect(en).toContain("| 张敏 | 滨河社区 | district/city level | 2021-06 | 0 | 50 | +50 | role |");
    expect(en).toContain("| 500222********9125 | 王芳 | 滨河社区 | district/city level | 2021-06 | 100 | 150 | +50 | amount: 100 → 150 |");
    expect(en).toContain("Neither policy sets region targets.");
    expect(en).toContain("Training requirement or status changes for 4 people");
    const zh = md(compareSections(comparison, policies, "2021-12-31", "zh", o));
    expect(zh).toContain("| 张敏 | 滨河社区 | 区（市）直属 | 2021-06 | 0 | 50 | +50 | 岗位 |");
    expect(zh).toContain("| 金额 100 → 150 |");
    expect(zh).toContain("两项政策均未设区域目标。");
    expect(zh).toContain("| G0002 | 李强 | 滨河社区 | 12 → 15 | 12 | 达标 → 未达标 |");
    expect(zh).toContain("| G0002 | 李强 | 滨河社区 | — → 12 | 12 | 不适用 → 进行中 |");
  });

  it("CSV: a training change is explained by the requirement, else the days counted, else the window", () => {
    const csv = compareCsv(comparison, "en", o);
    const flat = [...csv.rows].map((r) => r.map(plain));
    const rows = flat.filter((r) => r[0] === "training").map((r) => [r[7], r[8], r[10]]);
    expect(rows).toEqual([
      ["compliant", "noncompliant", "required_days: 12 -> 15"],
      ["not_applicable", "in_progress", "required_days: none -> 12"],
      ["compliant", "noncompliant", "days: 12 -> 0"],
      ["in_progress", "noncompliant", "window"],
    ]);
    expect(flat.filter((r) => r[0] === "allowance").map((r) => r.slice(3))).toEqual([
      ["500222********9125", "王芳", "2021-06", "amount", 100, 150, 50, "amount: 100 -> 150"],
      ["G0001", "张敏", "2021-06", "amount", 0, 50, 50, "role"],
    ]);
  });

  it("JSON: pairs [A, B] in yuan and days, towns null at district level, ids masked", () => {
    const j = compareJson(comparison, policies, "2021-12-31", o);
    expect(j.policies).toEqual([
      { id: "qijiang-2020", document: "綦江民发〔2020〕60号" },
      { id: "draft", document: "綦江民发〔2020〕60号" },
    ]);
    expect(j.allowance).toEqual({
      months: ["2021-06"],
      total: [100, 150],
      by_month: [{ month: "2021-06", total: [100, 150] }],
      by_town: [{ town: null, total: [100, 150] }],
      people_changed: [
        { id: "500222********9125", name: "王芳", unit: "滨河社区", town: null, month: "2021-06", amount: [100, 150], because: "amount: 100 -> 150" },
        { id: "G0001", name: "张敏", unit: "滨河社区", town: null, month: "2021-06", amount: [0, 50], because: "role" },
      ],
    });
    expect((j.training as { people_changed: unknown[] }).people_changed[1]).toEqual({
      id: "G0002",
      name: "李强",
      unit: "滨河社区",
      required_days: [null, 12],
      status: ["not_applicable", "in_progress"],
    });
  });
});
