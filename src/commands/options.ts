/** The options every command shares (SPEC.md "Commands"), and what they mean once parsed. */
import type { Command } from "commander";
import { type Day, parseDay } from "../core/dates.js";
import { UsageError } from "../core/errors.js";
import type { Policy } from "../core/policy/schema.js";
import { type ColumnOverrides, headerKey } from "../core/records/header.js";
import type { Lang } from "../render/messages.js";
import type { HelpWords } from "../render/help.js";
import { type Encoding, encodingName } from "../io/decode.js";
import { type ReadOptions, delimiterOption } from "../io/table.js";
import { parseColumnOptions } from "../io/records.js";
import type { Runtime } from "./runtime.js";

export interface CommonOptions {
  format?: string;
  out?: string;
  lang?: string;
  mask: boolean;
  check?: boolean;
  allowRejects?: boolean;
  rejects?: string;
  bom: boolean;
  quiet?: boolean;
  /** false with --no-pager */
  pager?: boolean;
  /** --width N: the columns a table is laid out to (as given; see tableWidth) */
  width?: string;
  /** --all: human formats list what passes too, not only count it */
  all?: boolean;
  encoding?: string;
  delimiter?: string;
  column?: string[];
  sheet?: string;
  policy?: string;
  units?: string;
}

export function addCommonOptions(cmd: Command, words: HelpWords, with_: { policy?: boolean; units?: boolean } = {}): Command {
  const w = words.common;
  if (with_.units !== false) cmd.option("--units <file>", w.units);
  if (with_.policy !== false) cmd.option("--policy <id|file>", w.policy);
  return cmd
    .option("--format <fmt>", w.format)
    .option("--out <file>", w.out)
    .option("--lang <zh|en>", w.lang)
    .option("--no-mask", w.mask)
    .option("--check", w.check)
    .option("--allow-rejects", w.allowRejects)
    .option("--rejects <file>", w.rejects)
    .option("--no-bom", w.bom)
    .option("--quiet", w.quiet)
    .option("--no-pager", w.pager)
    .option("--width <n>", w.width)
    .option("--all", w.all)
    .option("--encoding <enc>", w.encoding)
    .option("--delimiter <char>", w.delimiter)
    .option("--sheet <name|n>", w.sheet)
    .option("--column <HEADER=field>", w.column, (v: string, all: string[] = []) => [...all, v]);
}

const MIN_WIDTH = 40;
const MAX_WIDTH = 1000;

/**
 * The columns a table is laid out to: --width; else the terminal's, when the report goes to
 * one; else 100 (a table forced into a pipe or a file).
 */
export function tableWidth(o: Pick<CommonOptions, "width" | "out">, rt: Pick<Runtime, "stdoutIsTTY" | "stdoutColumns">, fallback: number): number {
  if (o.width !== undefined) {
    const n = /^\d{1,4}$/.test(o.width.trim()) ? Number(o.width.trim()) : Number.NaN;
    if (!(n >= MIN_WIDTH && n <= MAX_WIDTH)) {
      throw new UsageError(`--width takes a number of columns from ${MIN_WIDTH} to ${MAX_WIDTH} (e.g. 100), got "${o.width}"`);
    }
    return n;
  }
  const toTerminal = (o.out ?? "-") === "-" && rt.stdoutIsTTY;
  return toTerminal && rt.stdoutColumns !== undefined && rt.stdoutColumns > 0 ? rt.stdoutColumns : fallback;
}

/** The language of `--help`: --lang's when it is given on the command line, else the locale's. */
export function helpLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const at = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const given = at === -1 ? undefined : argv[at]!.startsWith("--lang=") ? argv[at]!.slice("--lang=".length) : argv[at + 1];
  return given === "zh" || given === "en" ? given : langOf({ mask: true, bom: true }, env);
}

export function langOf(o: CommonOptions, env: NodeJS.ProcessEnv): Lang {
  if (o.lang !== undefined) {
    if (o.lang !== "zh" && o.lang !== "en") throw new UsageError(`--lang takes zh or en, got "${o.lang}"`);
    return o.lang;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function parseAsOf(value: string | undefined, today: Day): Day {
  if (value === undefined) return today;
  const d = parseDay(value);
  if (d === null) throw new UsageError(`--as-of "${value}" is not a date: write it as 2021-12-31`);
  return d;
}

/** How the inputs are read: the options given, from the run's folder and standard input. */
export function readOptions(o: CommonOptions, rt: Pick<Runtime, "cwd" | "stdin">): ReadOptions {
  const encoding: Encoding | undefined = o.encoding ? encodingName(o.encoding) : undefined;
  const columns = columnOverrides(o);
  return {
    stdin: rt.stdin,
    ...(rt.cwd !== undefined ? { cwd: rt.cwd } : {}),
    ...(encoding ? { encoding } : {}),
    ...(o.delimiter ? { delimiter: delimiterOption(o.delimiter) } : {}),
    ...(columns.size > 0 ? { columns } : {}),
    ...(o.sheet !== undefined ? { sheet: o.sheet } : {}),
  };
}

/** `--column "HEADER=field"` (SPEC.md "Inputs"): headers the aliases do not know, mapped by hand. */
function columnOverrides(o: CommonOptions): ColumnOverrides {
  const parsed = parseColumnOptions(o.column ?? [], headerKey);
  if ("bad" in parsed) throw new UsageError(`--column "${parsed.bad}": write it as --column "HEADER=field", e.g. --column "离职时间（年月日）=end_date"`);
  return parsed.map;
}

/** A field named by `--column` must be a field of some table this policy reads. */
export function checkColumnFields(ro: ReadOptions, policy: Policy): void {
  const fields = new Set(Object.values(policy.vocabulary.columns).flatMap((table) => Object.keys(table)));
  for (const field of new Set(ro.columns?.values() ?? [])) {
    if (field !== "" && !fields.has(field)) {
      throw new UsageError(`--column maps a header to "${field}", which is not a field: use one of ${[...fields].sort().join(", ")}`);
    }
  }
}
