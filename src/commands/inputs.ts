/** Reading the roster and the units file through one path, with progress on a terminal. */
import type { Day } from "../core/dates.js";
import { UsageError } from "../core/errors.js";
import type { Policy } from "../core/policy/schema.js";
import { type FutureCertAdvice, RosterBuilder, type RosterResult, rosterColumnsRequired } from "../core/records/roster.js";
import type { FileCount, Person, Rejection, Unit, Warning } from "../core/records/types.js";
import { UNITS_REQUIRED, UnitsBuilder } from "../core/records/units.js";
import { builtinIds, loadPolicy } from "../io/policies.js";
import { readMappedTable } from "../io/records.js";
import { type ReadOptions, displayName } from "../io/table.js";
import { type CommonOptions, checkColumnFields, readOptions } from "./options.js";
import { type Runtime, progressFor } from "./runtime.js";

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
