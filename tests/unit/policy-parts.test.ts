import { describe, expect, it } from "vitest";
import { requirePart } from "../../src/commands/policy-parts.js";
import { loadPolicy } from "../../src/io/policies.js";
import { usageError } from "../helpers/errors.js";

describe("a command asked of a policy without the part it needs", () => {
  const ningbo = loadPolicy("ningbo-2018");
  const rows: ["allowance" | "training", string][] = [
    ["allowance", "policy ningbo-2018 (甬民发〔2018〕166号) sets no allowance amounts: choose one that does (qijiang-2020), or a policy file that extends one"],
    ["training", "policy ningbo-2018 (甬民发〔2018〕166号) sets no training days: choose one that does (qijiang-2020), or a policy file that extends one"],
  ];
  it.each(rows)("%s: a usage error naming the profiles that have it", (part, message) => {
    expect(usageError(() => requirePart(ningbo, part))).toBe(message);
  });

  it("names the policy file's own id and document", () => {
    const draft = { ...loadPolicy("qijiang-2020"), id: "draft-2024", document: "征求意见稿", training: null };
    expect(usageError(() => requirePart(draft, "training"))).toBe(
      "policy draft-2024 (征求意见稿) sets no training days: choose one that does (qijiang-2020), or a policy file that extends one",
    );
  });

  it("gives the part itself when the policy has it", () => {
    const qijiang = loadPolicy("qijiang-2020");
    expect(requirePart(qijiang, "allowance")).toBe(qijiang.allowance);
    expect(requirePart(qijiang, "training").id).toBe("QJ-TRAINING");
  });
});
