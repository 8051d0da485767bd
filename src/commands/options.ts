/** The options every command shares (SPEC.md "Commands"), and what they mean once parsed. */
import type { Command } from "commander";
import { type Day, parseDay } from "../core/dates.js";
import { UsageError } from "../core/errors.js";
import type { Policy } from "../core/policy/schema.js";
import { type ColumnOverrides, headerKey } from "../core/records/header.js";
import type { Lang } from "../render/messages.js";
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
  encoding?: string;
  delimiter?: string;
  column?: string[];
  policy?: string;
  units?: string;
}

export function addCommonOptions(cmd: Command, with_: { policy?: boolean; units?: boolean } = {}): Command {
  if (with_.units !== false) cmd.option("--units <file>", "units file (单位信息): unit type, town, office, posts");
  if (with_.policy !== false) cmd.option("--policy <id|file>", "policy profile id or a policy file (default qijiang-2020)");
  return cmd
    .option("--format <fmt>", "table | csv | json | md | html | xlsx (default: table on a terminal, csv otherwise; --out x.html / x.xlsx picks it)")
    .option("--out <file>", "write to this file (atomically; never an input)")
    .option("--lang <zh|en>", "language of headers and messages (default from the locale)")
    .option("--no-mask", "show resident ID numbers in full")
    .option("--check", "exit 1 when anything is non-compliant")
    .option("--allow-rejects", "report rejected rows but do not exit 3 for them")
    .option("--rejects <file>", "write rejected rows with their reasons to this CSV file")
    .option("--no-bom", "CSV output without the UTF-8 byte-order mark")
    .option("--quiet", "no warnings or progress on stderr")
    .option("--encoding <enc>", "force the input encoding: utf-8 | gb18030 (gbk) | utf-16le")
    .option("--delimiter <char>", "force the input delimiter: comma | tab | semicolon | a character")
    .option(
      "--column <HEADER=field>",
      'read a header the aliases do not know as this field, e.g. --column "离职时间（年月日）=end_date"; "HEADER=" leaves it unread (repeatable)',
      (v: string, all: string[] = []) => [...all, v],
    );
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
