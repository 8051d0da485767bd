/** Finding and reading policy files: the built-in profiles shipped in policies/, or a user's file. */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { DataError, UsageError } from "../core/errors.js";
import { mergePolicy, resolvePolicy } from "../core/policy/load.js";
import type { Policy } from "../core/policy/schema.js";
import { createDecoder } from "./decode.js";

export const DEFAULT_POLICY = "qijiang-2020";
const POLICY_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "policies");
const VOCABULARY = "vocabulary";

function parseText(text: string, where: string): unknown {
  try {
    return where.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    const msg = (e as Error).message.split("\n")[0];
    throw new DataError(`${where}: invalid policy, nothing was computed`, [`(file): not valid YAML or JSON: ${msg}`]);
  }
}

/** A user's policy file is decoded as any input is: a BOM, else UTF-8, else GB18030 (GBK). */
function decodePolicyText(bytes: Buffer, where: string): string {
  const decoder = createDecoder(where);
  try {
    return decoder.write(bytes) + decoder.end();
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    throw new DataError(`${where}: invalid policy, nothing was computed`, [
      "(file): the text mixes encodings or is damaged: save it again as UTF-8",
    ]);
  }
}

let builtins: Map<string, unknown> | undefined;

/** The built-in profiles by id, each already merged over the shared vocabulary. */
function builtinTrees(): Map<string, unknown> {
  if (builtins) return builtins;
  const vocabulary = parseText(readFileSync(join(POLICY_DIR, `${VOCABULARY}.yaml`), "utf8"), "vocabulary.yaml");
  builtins = new Map();
  for (const file of readdirSync(POLICY_DIR).sort()) {
    if (extname(file) !== ".yaml" || file === `${VOCABULARY}.yaml`) continue;
    const tree = parseText(readFileSync(join(POLICY_DIR, file), "utf8"), file) as Record<string, unknown>;
    builtins.set(String(tree.id), mergePolicy({ vocabulary }, tree));
  }
  return builtins;
}

export function builtinIds(): string[] {
  return [...builtinTrees().keys()];
}

function builtinPolicy(id: string): Policy {
  const tree = builtinTrees().get(id);
  if (tree === undefined) throw new UsageError(`unknown policy "${id}"`);
  return resolvePolicy(tree, `policies/${id}.yaml`, () => undefined, [], id);
}

/** The built-in profile named `ref`, or the policy file at path `ref`. */
export function loadPolicy(ref: string | undefined): Policy {
  const name = ref ?? DEFAULT_POLICY;
  const trees = builtinTrees();
  if (trees.has(name)) return builtinPolicy(name);
  const looksLikeFile = /[./\\]/.test(name) || existsSync(name);
  if (!looksLikeFile) {
    throw new UsageError(
      `unknown policy "${name}": use a built-in id (${[...trees.keys()].join(", ")}) or the path of a policy file`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(name);
  } catch {
    throw new UsageError(`cannot read policy file ${name}: check the path`);
  }
  const text = decodePolicyText(bytes, name);
  const vocabulary = (trees.get(DEFAULT_POLICY) as Record<string, unknown>).vocabulary;
  const doc = parseText(text, name);
  const withVocabulary =
    doc !== null && typeof doc === "object" && !Array.isArray(doc) && !("extends" in doc)
      ? mergePolicy({ vocabulary }, doc)
      : doc;
  return resolvePolicy(
    withVocabulary,
    name,
    (id) => trees.get(id),
    [...trees.keys()],
    basename(name, extname(name)),
  );
}
