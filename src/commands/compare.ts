/**
 * swtalent compare ROSTER --policy A --with B [--units F] [--as-of DATE] [--month M | --from M --to M] [--training F] [--paid LEDGER]
 * What changes when policy B replaces policy A, the one in force: units compliant and every
 * unit whose verdict changes, the allowance's cost and every person-month whose amount
 * changes, and everyone whose training requirement or status changes.
 */
import type { Command } from "commander";
import { firstDayOf, formatDay, formatMonth } from "../core/dates.js";
import { UsageError } from "../core/errors.js";
import { PersonIndex } from "../core/records/person-index.js";
import { type Paid, roleDecides } from "../core/rules/allowance.js";
import { TrainingPair, anythingChanges, compare, lacking, readingDiffers } from "../core/rules/compare.js";
import type { Person, Unit, Warning } from "../core/records/types.js";
import { lazyPresentation } from "../render/lazy.js";
import { loadPolicy } from "../io/policies.js";
import { displayName } from "../io/table.js";
import { monthsOf } from "./allowance.js";
import { readLedger } from "./ledger-input.js";
import { presentCompare } from "./compare-report.js";
import type { CommandSpec } from "./spec.js";
import { monthsName, withOutNamed } from "./out-name.js";
import { envelope } from "./envelope.js";
import { type CommonOptions, addCommonOptions, langOf, parseAsOf } from "./options.js";
import { deliver, outputFormat } from "./deliver.js";
import { documentParts } from "./document.js";
import { appendAll, policyFile, readInputs } from "./inputs.js";
import { type Runtime, progressFor } from "./runtime.js";
import { readTrainingFile } from "./training-input.js";

interface CompareOptions extends CommonOptions {
  with?: string;
  asOf?: string;
  month?: string;
  from?: string;
  to?: string;
  training?: string;
  paid?: string;
}

export const compareCommand: CommandSpec = {
  name: "compare",
  define: (cmd: Command, w) =>
    addCommonOptions(
      cmd
        .description(w.compare.description)
        .argument("<roster>", w.common.roster)
        .option("--with <id|file>", w.compare.with)
        .option("--as-of <date>", w.compare.asOf)
        .option("--month <month>", w.compare.month)
        .option("--from <month>", w.compare.from)
        .option("--to <month>", w.compare.to)
        .option("--training <file>", w.compare.training)
        .option("--paid <ledger>", w.compare.paid)
        .addHelpText(
          "after",
          `\n${w.compare.after}\n` +
            `\n${w.examples}\n  swtalent compare fixtures/人员名册.csv --units fixtures/单位信息.csv --policy qijiang-2020 \\\n` +
            "      --with fixtures/草案-提高津贴.yaml --from 2021-01 --to 2021-12\n" +
            "  swtalent compare roster.csv --units units.csv --with ningbo-2018 --as-of 2021-12-31 --format md\n" +
            "  swtalent compare roster.csv --units units.csv --with draft.yaml --month 2021-06 --training training.csv --format json --check",
        ),
      w,
    ),
  async run(args, rt: Runtime) {
    const [roster, given] = args as [string, CompareOptions];
    const lang = langOf(given, rt.env);
    if (given.with === undefined) {
      throw new UsageError("compare needs the policy to compare with: --with ID|FILE, a built-in profile or a draft policy file (e.g. --with ningbo-2018)");
    }
    const asOf = parseAsOf(given.asOf, rt.today);
    const asked = given.month !== undefined || given.from !== undefined || given.to !== undefined;
    const months = asked ? monthsOf(given, rt.today) : null;
    const o = withOutNamed(given, { as_of: formatDay(asOf), ...(months ? { month: monthsName(months.map(formatMonth)) } : {}) }, "compare");
    const format = outputFormat(o, rt);
    if (o.paid !== undefined && months === null) throw new UsageError("--paid needs the months to compare: --month M, or --from M --to M");
    const a = loadPolicy(o.policy, rt.cwd);
    const b = loadPolicy(given.with, rt.cwd);
    const differs = readingDiffers(a, b);
    if (differs.length > 0) {
      throw new UsageError(
        `policy ${b.id} reads the inputs with other words than ${a.id} (vocabulary.${differs.join(", vocabulary.")}): the inputs are read once, so compare needs both to read them alike; keep ${a.id}'s vocabulary in ${b.id}`,
      );
    }
    const allowance = months !== null && lacking(a, b, "allowance").length === 0;
    const others = [o.training, o.paid].filter((p) => p !== undefined);
    if (others.includes("-") && (roster === "-" || o.units === "-" || others.filter((p) => p === "-").length > 1)) {
      throw new UsageError("only one input can be read from stdin (-)");
    }

    // a role is warned about where it decides the allowance under either policy
    const firstDays = (months ?? []).map(firstDayOf);
    const roleMatters = (p: Person, unit: Unit) => [a, b].some((x) => x.allowance !== null && roleDecides(p, unit, x.allowance, firstDays));
    const inputs = await readInputs(roster, o, rt, asOf, allowance ? { required: ["role"], roleMatters } : {});
    const { people, units } = inputs.roster;
    const into = { files: [...inputs.files], rejected: [...inputs.rejected], warnings: [...inputs.warnings] as Warning[] };
    const paths = [...inputs.paths, ...policyFile(o.with), ...others];

    let paid: Paid | null = null;
    let held: ReadonlySet<string> | undefined;
    if (o.paid !== undefined && allowance) {
      const l = await readLedger(o.paid, a, new PersonIndex(inputs.roster.table, inputs.roster.kept), months!, o, rt, into);
      paid = l.paid;
      held = l.held;
    }

    let training: TrainingPair | null = null;
    if (o.training !== undefined) {
      training = new TrainingPair(a, b, people, asOf);
      const pair = training;
      if (pair.tallies) {
        const progress = progressFor(rt, o, displayName(o.training));
        const read = await readTrainingFile(o.training, a, o, rt, pair, {
          fold: (r) => pair.add(r),
          ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
        }).finally(() => progress.end());
        into.files.push(read.count);
        appendAll(into.rejected, read.rejected);
        appendAll(into.warnings, read.warnings);
        const [ta, tb] = pair.tallies;
        for (const x of ta.repeats) into.warnings.push({ code: "repeated_training", params: { file: read.count.file, row: x.row, first: x.first, id: x.id } });
        // a certificate window falls back to rolling for people with no certificate date: said once, under A's or B's
        const undated = new Map<string, Warning>();
        for (const [tally, policy] of [
          [ta, a],
          [tb, b],
        ] as const) {
          const w: Warning = { code: "training_undated_certificate", params: { people: tally.undated, years: policy.training!.years } };
          if (tally.undated > 0) undated.set(JSON.stringify(w), w);
        }
        appendAll(into.warnings, [...undated.values()]);
      }
    }

    const c = compare(a, b, people, units, { asOf, months, paid, ...(held ? { held } : {}), training });
    const day = formatDay(asOf);
    const p = presentCompare(c, [a, b], day, lang, o);
    const { files, rejected, warnings } = into;
    return deliver(
      {
        presentation: lazyPresentation({
          json: () => ({ ...envelope("compare", a, files, rejected, warnings, lang, o), ...p.json() }),
          sections: p.sections,
          csv: p.csv,
          document: () => documentParts({ policy: a, files, rejected, lang, o }, p.document()),
        }),
        format,
        policy: a,
        rejected,
        warnings,
        findings: anythingChanges(c),
        inputs: paths,
      },
      o,
      rt,
      lang,
    );
  },
};
