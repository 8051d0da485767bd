import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPolicy } from "../../src/io/policies.js";
import { ROOT } from "../helpers/cli.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const v = loadPolicy("qijiang-2020").vocabulary;

describe("the README's alias tables stay true to policies/vocabulary.yaml", () => {
  const cases: [string, string, readonly string[]][] = [
    ...Object.entries(v.columns.roster)
      .filter(([f]) => !["social_service", "sw_office", "professional_posts", "sw_posts", "total_posts"].includes(f))
      .map(([f, a]) => ["roster", f, a] as [string, string, readonly string[]]),
    ...Object.entries(v.columns.units).map(([f, a]) => ["units", f, a] as [string, string, readonly string[]]),
    ...Object.entries(v.columns.training).map(([f, a]) => ["training", f, a] as [string, string, readonly string[]]),
    ...Object.entries(v.unit_types).map(([f, a]) => ["unit type", f, a] as [string, string, readonly string[]]),
    ...Object.entries(v.grades).map(([f, a]) => ["grade", f, a] as [string, string, readonly string[]]),
  ];
  it.each(cases)("%s %s", (_table, field, aliases) => {
    expect(readme).toContain(`| \`${field}\` | ${aliases.join(", ")}`);
  });
});
