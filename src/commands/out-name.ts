/**
 * `--out` with placeholders (SPEC.md "Commands"): `{month}` and `{as_of}` are filled from what
 * the report is about, so a cron line names each file after what it holds.
 */
import { UsageError } from "../core/errors.js";
import type { CommonOptions } from "./options.js";

/** What a command's report is about; a command without such a value leaves it out. */
export interface OutNames {
  /** the month paid (2021-06), or the range as first_last (2021-01_2021-06) */
  readonly month?: string;
  /** the as-of date (2021-12-31) */
  readonly as_of?: string;
}

const PLACEHOLDER = /\{([A-Za-z_]+)\}/g;

const WHAT: Readonly<Record<keyof OutNames, string>> = {
  month: "a month (allowance)",
  as_of: "an as-of date (audit, training)",
};

/**
 * The --out path with its placeholders filled in. A placeholder the command has no value for,
 * or one that is not a placeholder at all ({date}), is a usage error: a cron line must never
 * write every month over one file literally named `payroll-{date}.csv`.
 */
export function outPath(out: string, names: OutNames, command: string): string {
  return out.replace(PLACEHOLDER, (_whole, key: string) => {
    if (!Object.hasOwn(WHAT, key)) {
      throw new UsageError(`--out ${out}: {${key}} is not a placeholder: use {month} (allowance) or {as_of} (audit, training)`);
    }
    const value = names[key as keyof OutNames];
    if (value === undefined) {
      throw new UsageError(`--out ${out}: ${command} has no value for {${key}}, which stands for ${WHAT[key as keyof OutNames]}: name the file without it`);
    }
    return value;
  });
}

/** The options with --out's placeholders filled in (a new object; the options given are left as they are). */
export function withOutNamed<O extends Pick<CommonOptions, "out">>(o: O, names: OutNames, command: string): O {
  return o.out === undefined ? o : { ...o, out: outPath(o.out, names, command) };
}

/** `{month}` of a payroll: the month paid, or the range as its first and last month joined by `_`. */
export function monthsName(months: readonly string[]): string {
  const first = months[0] ?? "";
  const last = months.at(-1) ?? first;
  return first === last ? first : `${first}_${last}`;
}
