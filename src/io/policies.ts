/** Finding and reading policy files: the built-in profiles shipped in policies/, or a user's file. */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isNode, isScalar, isSeq, parseDocument } from "yaml";
import { DataError, UsageError } from "../core/errors.js";
import { mergePolicy, resolvePolicy } from "../core/policy/load.js";
import type { Policy } from "../core/policy/schema.js";
import { createDecoder } from "./decode.js";
import { located } from "./paths.js";

export const DEFAULT_POLICY = "qijiang-2020";
const POLICY_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "policies");
const VOCABULARY = "vocabulary";

function parseText(text: string, where: string): unknown {
  const invalid = (problems: string[]) => new DataError(`${where}: invalid policy, nothing was computed`, problems);
  /** the first line of the library's message: the code frame after it is not one line */
  const said = (e: { message: string }) => e.message.split("\n")[0]!.replace(/:$/, "");
  const notParsed = (e: { message: string }) => invalid([`(file): not valid YAML or JSON: ${said(e)}`]);
  if (where.endsWith(".json")) {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw notParsed(e as Error);
    }
  }
  // silent: the library's warnings would go to stderr on their own; they become problems here
  const doc = parseDocument(text, { logLevel: "silent" });
  if (doc.errors.length > 0) throw notParsed(doc.errors[0]!);
  const tags = taggedNodes(doc.contents, []);
  if (tags.length > 0) throw invalid(tags);
  if (doc.warnings.length > 0) throw invalid(doc.warnings.map((w) => `(file): ${said(w)}`));
  try {
    return doc.toJS();
  } catch (e) {
    throw notParsed(e as Error);
  }
}

/** How a tag is written in the file: !!int for the YAML core schema's, !name or !<uri> for others. */
function tagText(tag: string): string {
  if (tag.startsWith("tag:yaml.org,2002:")) return `!!${tag.slice("tag:yaml.org,2002:".length)}`;
  return tag.startsWith("!") ? tag : `!<${tag}>`;
}

/**
 * A policy holds plain values only: a tag (!!js/function, !custom, even !!str) asks the reader
 * to build something, so each one is a problem naming where it is.
 */
function taggedNodes(node: unknown, path: readonly string[]): string[] {
  if (!isNode(node)) return [];
  const where = path.join(".") || "(top level)";
  const found = node.tag ? [`${where}: YAML tags are not accepted (found ${tagText(node.tag)}): write the plain value`] : [];
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      found.push(...taggedNodes(pair.key, [...path, key]), ...taggedNodes(pair.value, [...path, key]));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      found.push(...taggedNodes(item, [...path, String(i)]));
    });
  }
  return found;
}

/** A user's policy file is decoded as any input is: a BOM, else UTF-8, else GB18030 (GBK). */
function decodePolicyText(bytes: Buffer, where: string): string {
  const decoder = createDecoder(where);
  try {
    return decoder.write(bytes) + decoder.end();
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    throw new DataError(`${where}: invalid policy, nothing was computed`, ["(file): the text mixes encodings or is damaged: save it again as UTF-8"]);
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

/** The built-in profile named `ref`, or the policy file at path `ref` (from the folder `cwd`, when given). */
export function loadPolicy(ref: string | undefined, cwd?: string): Policy {
  const name = ref ?? DEFAULT_POLICY;
  const trees = builtinTrees();
  if (trees.has(name)) return builtinPolicy(name);
  const looksLikeFile = /[./\\]/.test(name) || existsSync(located(name, cwd));
  if (!looksLikeFile) {
    throw new UsageError(`unknown policy "${name}": use a built-in id (${[...trees.keys()].join(", ")}) or the path of a policy file`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(located(name, cwd));
  } catch {
    throw new UsageError(`cannot read policy file ${name}: check the path`);
  }
  const text = decodePolicyText(bytes, name);
  const vocabulary = (trees.get(DEFAULT_POLICY) as Record<string, unknown>).vocabulary;
  const doc = parseText(text, name);
  const withVocabulary = doc !== null && typeof doc === "object" && !Array.isArray(doc) && !("extends" in doc) ? mergePolicy({ vocabulary }, doc) : doc;
  return resolvePolicy(withVocabulary, name, (id) => trees.get(id), [...trees.keys()], basename(name, extname(name)));
}
