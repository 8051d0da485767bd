/**
 * Building a policy from data: `extends` a base by id, merge the overrides, validate the
 * result. Pure: the caller reads the files and hands in their parsed contents.
 */
import type { z } from "zod";
import { DataError } from "../errors.js";
import { type Policy, policySchema } from "./schema.js";

type Tree = Record<string, unknown>;

function isTree(v: unknown): v is Tree {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Objects merge key by key; lists, scalars and null replace what the base had. Keys are data:
 * the result is built from entries, so a key such as __proto__ never reaches a prototype.
 */
export function mergePolicy(base: unknown, override: unknown): unknown {
  if (!isTree(base) || !isTree(override)) return override;
  const out = new Map(Object.entries(base));
  for (const [k, v] of Object.entries(override)) {
    out.set(k, Object.hasOwn(base, k) ? mergePolicy(base[k], v) : v);
  }
  return Object.fromEntries(out);
}

const UNKNOWN_KEY = "unknown key (check the spelling; unknown keys are not ignored)";
/** Keys that name JavaScript's object machinery: no policy has them, and a schema could drop them silently. */
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** The tree without reserved keys, each of them reported as an unknown key at its path. */
function withoutReservedKeys(v: unknown, path: readonly string[], problems: string[]): unknown {
  if (Array.isArray(v)) return v.map((x, i) => withoutReservedKeys(x, [...path, String(i)], problems));
  if (!isTree(v)) return v;
  const kept: [string, unknown][] = [];
  for (const [k, x] of Object.entries(v)) {
    if (RESERVED_KEYS.has(k)) problems.push(`${[...path, k].join(".")}: ${UNKNOWN_KEY}`);
    else kept.push([k, withoutReservedKeys(x, [...path, k], problems)]);
  }
  return Object.fromEntries(kept);
}

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "string") return JSON.stringify(v);
  if (isTree(v)) return "a mapping";
  if (Array.isArray(v)) return "a list";
  return String(v);
}

/** One line per problem: the path inside the file, what was expected, what was found. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], data: unknown): string[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join(".") || "(top level)";
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.map((k) => (path === "(top level)" ? k : `${path}.${k}`));
      return `${keys.join(", ")}: ${UNKNOWN_KEY}`;
    }
    let found: unknown = data;
    for (const p of issue.path) found = isTree(found) || Array.isArray(found) ? (found as Tree)[p as string] : undefined;
    const got = issue.code === "too_small" || issue.code === "too_big" || issue.code === "custom" ? "" : `, got ${describe(found)}`;
    const message = issue.message.replace(/^Invalid input: (expected [^,]+), received .*$/, "$1").replace(/^Invalid option: /, "");
    return `${path}: ${message}${got}`;
  });
}

/**
 * Validates a merged policy tree. `where` names the file for the error message; `earlier`
 * holds problems already found in it, reported first.
 * Also checks what the schema cannot: level ranges in order.
 */
export function validatePolicy(tree: unknown, where: string, earlier: readonly string[] = []): Policy {
  const result = policySchema.safeParse(tree);
  if (!result.success) {
    throw new DataError(`${where}: invalid policy, nothing was computed`, [...earlier, ...formatIssues(result.error.issues, tree)]);
  }
  const policy = result.data;
  const problems: string[] = [...earlier];
  for (const [id, rule] of Object.entries(policy.rules)) {
    if (rule.kind === "post_level") {
      for (const [g, [lo, hi]] of Object.entries(rule.levels)) {
        if (lo > hi) problems.push(`rules.${id}.levels.${g}: the first level must not exceed the second`);
      }
    }
  }
  if (problems.length > 0) throw new DataError(`${where}: invalid policy, nothing was computed`, problems);
  return policy;
}

/** A part of a policy without its title and basis: what it requires, to tell whether a file changed it. */
function requirement(part: unknown): string {
  if (!isTree(part)) return JSON.stringify(part);
  const { title: _title, basis: _basis, ...rest } = part;
  return JSON.stringify(rest);
}

/**
 * The merged tree with every rule, target and part whose requirement the extending file changed
 * citing that file as its basis (unless the file gives its own): a draft's amount or threshold
 * is not the original document's, and must not be cited as if it were.
 */
function citingTheFile(base: Tree, merged: Tree, overrides: Tree, where: string): Tree {
  const file = where.split(/[\\/]/).pop() || where;
  const cited = (was: unknown, now: unknown, given: unknown): unknown =>
    isTree(was) && isTree(now) && isTree(given) && !Object.hasOwn(given, "basis") && requirement(was) !== requirement(now) ? { ...now, basis: file } : now;
  const out: Tree = { ...merged };
  for (const part of ["allowance", "training", "exam"]) {
    if (Object.hasOwn(merged, part)) out[part] = cited(base[part], merged[part], overrides[part]);
  }
  for (const group of ["rules", "targets"]) {
    const now = merged[group];
    const was = base[group];
    const given = overrides[group];
    if (!isTree(now) || !isTree(was) || !isTree(given)) continue;
    out[group] = Object.fromEntries(Object.entries(now).map(([id, rule]) => [id, Object.hasOwn(was, id) ? cited(was[id], rule, given[id]) : rule]));
  }
  return out;
}

/**
 * Resolves a policy document: a built-in profile tree (already merged with the shared
 * vocabulary) or a custom tree whose `extends` names one.
 */
export function resolvePolicy(
  doc: unknown,
  where: string,
  builtin: (id: string) => unknown | undefined,
  builtinIds: readonly string[],
  defaultId: string,
): Policy {
  if (!isTree(doc)) {
    throw new DataError(`${where}: invalid policy, nothing was computed`, [
      "(top level): expected a mapping of keys such as extends, id, allowance, training, rules, targets",
    ]);
  }
  const reserved: string[] = [];
  const { extends: parent, ...rest } = withoutReservedKeys(doc, [], reserved) as Tree;
  let tree: unknown = rest;
  if (parent !== undefined) {
    const base = typeof parent === "string" ? builtin(parent) : undefined;
    if (base === undefined) {
      throw new DataError(`${where}: invalid policy, nothing was computed`, [
        `extends: expected a built-in profile id (${builtinIds.join(", ")}), got ${describe(parent)}`,
      ]);
    }
    tree = citingTheFile(base as Tree, { ...(mergePolicy(base, rest) as Tree), extends: parent }, rest, where);
    if (!Object.hasOwn(rest, "id")) (tree as Tree).id = `${parent}+${defaultId}`;
    try {
      return validatePolicy(tree, where, reserved);
    } catch (e) {
      // a part the base profile does not have cannot be overridden piece by piece: say so
      const missing = (["allowance", "training"] as const).filter((k) => isTree(rest[k]) && isTree(base) && !isTree((base as Tree)[k]));
      if (!(e instanceof DataError) || missing.length === 0) throw e;
      const hints = missing.map(
        (k) =>
          `${k}: ${String(parent)} sets no ${k}, so a file extending it gives the whole ${k} rule, not only some keys (see \`swtalent policy show qijiang-2020 --format json\` for one)`,
      );
      throw new DataError(e.message, [...e.details, ...hints]);
    }
  }
  return validatePolicy(tree, where, reserved);
}
