/**
 * swtalent training ROSTER TRAINING [--units F] [--policy P] [--as-of DATE] [--window rolling|certificate] [--warn-days N]
 * Each person's training days (继续教育) in their window against the days their grade
 * requires, with status and deadline; per-unit compliance rates; with --warn-days, who is
 * still short as a deadline comes near.
 */
import type { Command } from "commander";
import { formatDay } from "../core/dates.js";
import { UsageError } from "../core/errors.js";
import type { TrainingPolicy } from "../core/policy/schema.js";
import type { Warning } from "../core/records/types.js";
import { PersonIndex, TrainingTally, WINDOW_KINDS, type WindowKind } from "../core/rules/training.js";
import { lazyPresentation } from "../render/lazy.js";
import { loadPolicy } from "../io/policies.js";
import { displayName } from "../io/table.js";
import { deliver, outputFormat } from "./deliver.js";
import { documentParts } from "./document.js";
import { envelope } from "./envelope.js";
import { readInputs } from "./inputs.js";
import { withOutNamed } from "./out-name.js";
import { type CommonOptions, addCommonOptions, langOf, parseAsOf } from "./options.js";
import { requirePart } from "./policy-parts.js";
import { type Runtime, progressFor } from "./runtime.js";
import type { CommandSpec } from "./spec.js";
import { readTrainingFile } from "./training-input.js";
import { presentTraining, rateOf, shortfallInWords } from "./training-report.js";

interface TrainingOptions extends CommonOptions {
  asOf?: string;
  window?: string;
  warnDays?: string;
}

export { presentTraining, rateOf, shortfallInWords };

function windowOption(value: string | undefined, t: TrainingPolicy): WindowKind {
  if (value === undefined) return t.window;
  const kind = value.trim().toLowerCase() as WindowKind;
  if (!WINDOW_KINDS.includes(kind)) throw new UsageError(`--window takes rolling or certificate, got "${value}"`);
  return kind;
}

function warnDaysOption(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^\d{1,5}$/.test(value.trim())) throw new UsageError(`--warn-days takes a whole number of days, 0 or more (e.g. 90), got "${value}"`);
  return Number(value.trim());
}

export const trainingCommand: CommandSpec = {
  name: "training",
  define: (cmd: Command, w) =>
    addCommonOptions(
      cmd
        .description(w.training.description)
        .argument("<roster>", w.common.roster)
        .argument("<training>", w.training.training)
        .option("--as-of <date>", w.training.asOf)
        .option("--window <kind>", w.training.window)
        .option("--warn-days <n>", w.training.warnDays)
        .addHelpText(
          "after",
          `\n${w.examples}\n  swtalent training fixtures/人员名册.csv fixtures/培训记录.csv --units fixtures/单位信息.csv --as-of 2021-12-31\n` +
            "  swtalent training roster.csv training.csv --warn-days 90 --format json --out training.json --check\n" +
            "  swtalent training roster.csv training.csv --window certificate --format md --lang zh",
        ),
      w,
    ),
  async run(args, rt: Runtime) {
    const [roster, trainingPath, given] = args as [string, string, TrainingOptions];
    const lang = langOf(given, rt.env);
    const asOf = parseAsOf(given.asOf, rt.today);
    const o = withOutNamed(given, { as_of: formatDay(asOf) }, "training");
    const t = requirePart(loadPolicy(o.policy, rt.cwd), "training");
    const kind = windowOption(o.window, t);
    const warnDays = warnDaysOption(o.warnDays);
    const format = outputFormat(o, rt);
    if (trainingPath === "-" && (roster === "-" || o.units === "-")) throw new UsageError("only one input can be read from stdin (-)");

    const inputs = await readInputs(roster, o, rt, asOf);
    const { policy } = inputs;
    const tally = new TrainingTally(new PersonIndex(inputs.roster.table, inputs.roster.kept), policy.training!, asOf, kind);
    const progress = progressFor(rt, o, displayName(trainingPath));
    const read = await readTrainingFile(trainingPath, policy, o, rt, tally, {
      fold: (r) => tally.add(r),
      ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
    }).finally(() => progress.end());

    const file = read.count.file;
    const warnings: Warning[] = [...inputs.warnings, ...read.warnings];
    for (const x of tally.repeats) warnings.push({ code: "repeated_training", params: { file, row: x.row, first: x.first, id: x.id } });
    if (tally.undated > 0) warnings.push({ code: "training_undated_certificate", params: { people: tally.undated, years: t.years } });
    const files = [...inputs.files, read.count];
    const rejected = [...inputs.rejected, ...read.rejected];

    const result = tally.finish(inputs.roster.units, warnDays);
    const p = presentTraining(result, policy, kind, asOf, warnDays, lang, o);
    return deliver(
      {
        presentation: lazyPresentation({
          json: () => ({ ...envelope("training", policy, files, rejected, warnings, lang, o), ...p.json() }),
          sections: p.sections,
          csv: p.csv,
          document: () => documentParts({ policy, files, rejected, lang, o }, p.document()),
        }),
        format,
        policy,
        rejected,
        warnings,
        findings: result.people.some((v) => v.status === "noncompliant"),
        inputs: [...inputs.paths, trainingPath],
      },
      o,
      rt,
      lang,
    );
  },
};
