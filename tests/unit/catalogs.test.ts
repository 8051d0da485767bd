/** Every word a person reads is in both languages: a key missing in one is a type error, and here a failing test. */
import { describe, expect, it } from "vitest";
import { ALLOWANCE_WORDS } from "../../src/render/catalogs/allowance.js";
import { AUDIT_WORDS } from "../../src/render/catalogs/audit.js";
import type { Catalog } from "../../src/render/catalogs/catalog.js";
import { COMPARE_WORDS } from "../../src/render/catalogs/compare.js";
import { DOCUMENT_WORDS } from "../../src/render/catalogs/document.js";
import { POLICY_WORDS } from "../../src/render/catalogs/policy.js";
import { REPORT_WORDS } from "../../src/render/catalogs/report.js";
import { RULE_TITLES } from "../../src/render/catalogs/rules.js";
import { TRAINING_WORDS } from "../../src/render/catalogs/training.js";
import { VALIDATE_WORDS } from "../../src/render/catalogs/validate.js";
import { helpWords } from "../../src/render/help.js";
import { builtinIds, loadPolicy } from "../../src/io/policies.js";

/** Every path of keys in a catalog's words, nested objects included. */
function keys(words: unknown, at = ""): string[] {
  if (words === null || typeof words !== "object" || Array.isArray(words)) return [at];
  return Object.entries(words).flatMap(([k, v]) => keys(v, at === "" ? k : `${at}.${k}`));
}

const CATALOGS: Record<string, Catalog<unknown>> = {
  audit: AUDIT_WORDS,
  allowance: ALLOWANCE_WORDS,
  training: TRAINING_WORDS,
  validate: VALIDATE_WORDS,
  compare: COMPARE_WORDS,
  policy: POLICY_WORDS,
  document: DOCUMENT_WORDS,
  report: REPORT_WORDS,
  rules: RULE_TITLES,
  help: { en: helpWords("en"), zh: helpWords("zh") },
};

describe("the catalogs have every key in both languages", () => {
  it.each(Object.entries(CATALOGS))("%s", (_name, c) => {
    expect(keys(c.zh).sort()).toEqual(keys(c.en).sort());
    for (const lang of ["en", "zh"] as const) {
      for (const k of keys(c[lang])) {
        const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], c[lang]);
        if (typeof v === "string") expect(v.trim(), `${lang} ${k}`).not.toBe("");
      }
    }
  });

  it("a key missing in one language does not compile", () => {
    const en = { a: "a", b: (n: number) => `${n}` };
    // @ts-expect-error b is missing in Chinese
    const zh: typeof en = { a: "甲" };
    expect(zh.a).toBe("甲");
  });

  it("every rule id of the built-in profiles has a short title in both languages", () => {
    for (const id of builtinIds()) {
      const p = loadPolicy(id);
      const ids = [...Object.keys(p.rules), ...Object.keys(p.targets), ...(p.exam ? [p.exam.id] : [])];
      for (const rule of ids) {
        expect(RULE_TITLES.zh[rule], rule).toMatch(/\p{Script=Han}/u);
        expect(RULE_TITLES.en[rule], rule).toMatch(/^[a-z0-9 ,-]+$/);
      }
    }
  });
});
