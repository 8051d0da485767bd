/**
 * What every command shares: the runtime, reading the roster and units through one path, and
 * delivering the rendered output (atomic file or stdout, rejections and warnings on stderr,
 * the exit code). The common options are in options.ts, the JSON envelope in envelope.ts.
 * Kept whole (just past 300 lines): reading and delivery are the two halves of every command.
 */
import type { Readable } from "node:stream";
import { type Day, formatDay } from "../core/dates.js";
import { UsageError } from "../core/errors.js";
import type { Policy } from "../core/policy/schema.js";
import { maskText } from "../core/records/ids.js";
import { type FutureCertAdvice, RosterBuilder, type RosterResult, rosterColumnsRequired } from "../core/records/roster.js";
import type { FileCount, Person, Rejection, Unit, Warning } from "../core/records/types.js";
import { UNITS_REQUIRED, UnitsBuilder } from "../core/records/units.js";
import { type Format, type Presentation, formatOption, renderCsvChunks, renderJson, renderMarkdown, renderTable } from "../render/format.js";
import { type Lang, oneLine, reasonText, runWords, warningText } from "../render/messages.js";
import { builtinIds, loadPolicy } from "../io/policies.js";
import { type ReadOptions, displayName } from "../io/table.js";
import { readMappedTable } from "../io/records.js";
import { type Destination, type OutStream, STDOUT, checkNotInput, sameOutput, writeOutput } from "../io/write.js";
import { type StartPager, writePaged } from "../io/pager.js";
import { cellShown, maskWarning } from "./envelope.js";
import { type CommonOptions, checkColumnFields, readOptions } from "./options.js";

/**
 * What the outside world gives a command: the clock, the environment, the working folder,
 * standard input and output, and the terminals. The CLI passes the process's own; a test
 * passes its own, to run commands in-process.
 */
export interface Runtime extends Destination {
  readonly today: Day;
  readonly env: NodeJS.ProcessEnv;
  /** the folder relative paths start from; absent: the process's own working folder */
  readonly cwd?: string;
  /** what an input named `-` reads */
  readonly stdin: Readable;
  readonly stdout: OutStream;
  readonly stdoutIsTTY: boolean;
  /** the terminal's width when stdout is one (help is wrapped to it) */
  readonly stdoutColumns?: number;
  /** the terminal's height when stdout is one: a human report taller than it is paged */
  readonly stdoutRows?: number;
  /** starts $PAGER for a report on the terminal; absent: never page */
  readonly startPager?: StartPager;
  readonly stderrIsTTY: boolean;
  /** the terminal's width when stderr is one */
  readonly stderrColumns?: number;
  readonly stderr: (line: string) => void;
  /** writes to stderr as is, for a status line rewritten with \r */
  readonly status: (text: string) => void;
}

/** Reads shorter than this show no progress: a status line that flashes is noise. */
const PROGRESS_AFTER_MS = 2000;

export interface Progress {
  readonly onProgress?: (rows: number) => void;
  /** clears the status line, if one was shown */
  end(): void;
}

/**
 * Rows read and the rate, on one stderr line rewritten in place, once a read has taken
 * over 2 s; nothing at all when stderr is not a terminal (pipes, cron) or with --quiet.
 */
export function progressFor(
  rt: Pick<Runtime, "stderrIsTTY" | "status">,
  o: Pick<CommonOptions, "quiet">,
  file: string,
  now = () => performance.now(),
): Progress {
  if (!rt.stderrIsTTY || o.quiet) return { end() {} };
  const start = now();
  let shown = false;
  return {
    onProgress(rows) {
      const ms = now() - start;
      if (ms < PROGRESS_AFTER_MS) return;
      shown = true;
      const rate = Math.round((rows * 1000) / ms);
      rt.status(`\r${file}: ${rows.toLocaleString("en")} rows read, ${rate.toLocaleString("en")} rows/s\x1b[K`);
    },
    end() {
      if (shown) rt.status("\r\x1b[K");
    },
  };
}

async function withProgress<T>(rt: Runtime, o: CommonOptions, path: string, ro: ReadOptions, read: (ro: ReadOptions) => Promise<T>): Promise<T> {
  const progress = progressFor(rt, o, displayName(path));
  try {
    return await read(progress.onProgress ? { ...ro, onProgress: progress.onProgress } : ro);
  } finally {
    progress.end();
  }
}

/** Everything read from the roster and the units file. */
export interface Inputs {
  readonly policy: Policy;
  readonly roster: RosterResult;
  readonly files: FileCount[];
  readonly rejected: Rejection[];
  readonly warnings: Warning[];
  /** the paths read, which --out must not name */
  readonly paths: string[];
}

export async function readUnitsFile(path: string, policy: Policy, ro: ReadOptions) {
  const t = await readMappedTable(path, ro, {
    aliases: policy.vocabulary.columns.units,
    required: UNITS_REQUIRED,
    build: (file, columns, width) => new UnitsBuilder(file, policy, columns, width),
  });
  const result = t.builder.finish();
  return { ...result, warnings: [...t.headerWarnings, ...result.warnings, ...t.blankWarnings] };
}

/**
 * Appends every item of `more` to `list`. `list.push(...more)` passes each item as an
 * argument, which overflows the call stack past about 100,000 (rejections, warnings).
 */
export function appendAll<T>(list: T[], more: readonly T[]): void {
  for (const item of more) list.push(item);
}

export interface RosterReading {
  /** roster columns required beyond the usual ones (the allowance needs role) */
  readonly required?: readonly string[];
  /** what a certificate dated after latestCertDate is told to do (default: a later --as-of) */
  readonly futureCert?: FutureCertAdvice;
  /** whose unknown role texts are warned about: people whose role decides the allowance (allowance, validate) */
  readonly roleMatters?: (p: Person, unit: Unit) => boolean;
}

export async function readInputs(rosterPath: string, o: CommonOptions, rt: Runtime, latestCertDate: Day, reading: RosterReading = {}): Promise<Inputs> {
  const policy = loadPolicy(o.policy, rt.cwd);
  const ro = readOptions(o, rt);
  checkColumnFields(ro, policy);
  const files: FileCount[] = [];
  const rejected: Rejection[] = [];
  const warnings: Warning[] = [];
  let units: Awaited<ReturnType<typeof readUnitsFile>> | null = null;
  if (o.units !== undefined) {
    if (o.units === "-" && rosterPath === "-") throw new UsageError("only one input can be read from stdin (-)");
    units = await withProgress(rt, o, o.units, ro, (r) => readUnitsFile(o.units!, policy, r));
    appendAll(warnings, units.warnings);
  }
  const knownUnits = units?.units ?? null;
  const table = await withProgress(rt, o, rosterPath, ro, (r) =>
    readMappedTable(rosterPath, r, {
      aliases: policy.vocabulary.columns.roster,
      required: rosterColumnsRequired(knownUnits !== null, reading.required),
      build: (file, columns, width) =>
        new RosterBuilder({
          file,
          policy,
          columns,
          width,
          latestCertDate,
          futureCertAdvice: reading.futureCert,
          roleMatters: reading.roleMatters,
          knownUnits,
        }),
    }),
  );
  appendAll(warnings, table.headerWarnings);
  const roster = table.builder.finish();
  // the roster first, then the units file
  files.push(roster.count);
  appendAll(rejected, roster.rejected);
  if (units) {
    files.push(units.count);
    appendAll(rejected, units.rejected);
  }
  appendAll(warnings, roster.warnings);
  appendAll(warnings, table.blankWarnings);
  return { policy, roster, files, rejected, warnings, paths: [rosterPath, ...(o.units ? [o.units] : []), ...policyFile(o.policy)] };
}

/** The policy file named by --policy, an input like any other; a built-in id names none. */
export function policyFile(ref: string | undefined): string[] {
  return ref === undefined || builtinIds().includes(ref) ? [] : [ref];
}

/** What a command hands back to be delivered. */
export interface Outcome {
  readonly presentation: Presentation;
  readonly policy: Policy;
  readonly rejected: readonly Rejection[];
  readonly warnings: readonly Warning[];
  /** something is non-compliant (for --check) */
  readonly findings: boolean;
  readonly inputs: readonly string[];
}

function formatFor(o: CommonOptions, rt: Runtime): Format {
  if (o.format !== undefined) return formatOption(o.format);
  if (o.out !== undefined && o.out !== STDOUT) {
    const ext = o.out.toLowerCase().split(".").pop();
    if (ext === "json") return "json";
    if (ext === "md") return "md";
    if (ext === "txt") return "table";
    return "csv";
  }
  return rt.stdoutIsTTY ? "table" : "csv";
}

/** Formats written for a person to read on the terminal, which a pager may show. */
export function isHuman(format: Format): boolean {
  return format === "table" || format === "md";
}

/** The output text in pieces, made as they are written, so a report of any length is never held whole. */
export function render(p: Presentation, format: Format, o: CommonOptions, color: boolean): Iterable<string> {
  switch (format) {
    case "json":
      return renderJson(p);
    case "csv":
      return renderCsvChunks(p, o.bom);
    case "md":
      return renderMarkdown(p);
    default:
      return renderTable(p, color);
  }
}

/**
 * Every ID-shaped run of an output masked, piece by piece: each piece is cut after its last
 * line break and the rest carried over, so an ID is never split between two pieces.
 */
export function maskOutput(text: string | Iterable<string>): string | Iterable<string> {
  if (typeof text === "string") return maskText(text);
  return {
    *[Symbol.iterator]() {
      let carry = "";
      for (const piece of text) {
        const all = carry + piece;
        const cut = all.lastIndexOf("\n") + 1;
        carry = all.slice(cut);
        if (cut > 0) yield maskText(all.slice(0, cut));
      }
      if (carry !== "") yield maskText(carry);
    },
  };
}

/** Problems and warnings each print this many lines at most on stderr; JSON and --rejects carry all. */
const MAX_STDERR_LINES = 50;

/** Up to MAX_STDERR_LINES lines, one per item, then one line saying how many more and where they are. */
function printCapped<T>(rt: Runtime, items: readonly T[], line: (item: T) => string, more: (n: number) => string): void {
  const shown = Math.min(items.length, MAX_STDERR_LINES);
  for (let i = 0; i < shown; i++) rt.stderr(oneLine(line(items[i]!)));
  if (items.length > shown) rt.stderr(more(items.length - shown));
}

/** Writes the output and the messages; returns the exit code. */
export async function deliver(outcome: Outcome, o: CommonOptions, rt: Runtime, lang: Lang): Promise<0 | 1 | 3> {
  const format = formatFor(o, rt);
  const allInputs = [...outcome.inputs];
  const out = o.out ?? STDOUT;
  checkNotInput(rt, out, allInputs);
  if (o.rejects !== undefined) {
    checkNotInput(rt, o.rejects, allInputs, "--rejects");
    if (o.rejects === STDOUT && out === STDOUT) {
      throw new UsageError("--rejects - and the report would both go to standard output: give --out FILE, or --rejects FILE");
    }
    if (sameOutput(rt, o.rejects, out)) throw new UsageError(`--rejects and --out name the same file ${o.out}: give each its own`);
  }
  const color = format === "table" && out === STDOUT && rt.stdoutIsTTY && !rt.env.NO_COLOR;
  const rendered = render(outcome.presentation, format, o, color);
  // an ID typed into a unit name, a role or a note is masked too, in every format (SPEC.md Privacy)
  const text = o.mask ? maskOutput(rendered) : rendered;
  const show = cellShown(o);
  const v = outcome.policy.vocabulary;

  const words = runWords(lang);
  if (!o.quiet) {
    printCapped(rt, outcome.warnings, (w) => words.warning(maskWarning(warningText(w, lang, v), o)), words.moreWarnings);
  }
  printCapped(
    rt,
    outcome.rejected,
    (r) =>
      words.problem({
        file: r.file,
        row: r.row,
        column: r.column && r.column !== r.field ? `${r.column} (${r.field})` : r.field,
        value: show(r.value),
        reason: reasonText(r, lang, v),
      }),
    words.moreProblems,
  );
  if (o.rejects !== undefined) {
    const header = [...words.rejectsHeader];
    const rows = outcome.rejected.map((r) => [r.file, r.row, r.field, show(r.value), reasonText(r, lang, v)]);
    const csv = renderCsvChunks({ json: null, sections: [], csv: { header, rows } }, o.bom);
    await writeOutput(rt, o.rejects, o.mask ? maskOutput(csv) : csv, "--rejects");
  }
  if (out === STDOUT) await writePaged(rt, text, o.pager !== false && isHuman(format));
  else await writeOutput(rt, out, text);

  if (outcome.rejected.length > 0 && !o.allowRejects) {
    const rows = new Set(outcome.rejected.map((r) => `${r.file}:${r.row}`)).size;
    rt.stderr(words.rowsRejected(rows));
    return 3;
  }
  return o.check && outcome.findings ? 1 : 0;
}

export { formatDay };
