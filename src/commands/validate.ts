/**
 * swtalent validate ROSTER [--units F] [--training F]
 * Reads and checks the inputs only, and reports every problem found.
 */
import type { Command } from "commander";
import type { Person, Unit, Warning } from "../core/records/types.js";
import { roleDecides } from "../core/rules/allowance.js";
import { PersonIndex, RepeatFinder } from "../core/rules/training.js";
import { loadPolicy } from "../io/policies.js";
import { displayName } from "../io/table.js";
import { VALIDATE_WORDS } from "../render/catalogs/validate.js";
import { lazyPresentation } from "../render/lazy.js";
import { type Lang, reasonText } from "../render/messages.js";
import { type Row, type Section, id, num, text } from "../render/model.js";
import { deliver, outputFormat } from "./deliver.js";
import { documentParts } from "./document.js";
import { cellShown, envelope } from "./envelope.js";
import { appendAll, readInputs } from "./inputs.js";
import { withOutNamed } from "./out-name.js";
import { type CommonOptions, addCommonOptions, langOf } from "./options.js";
import type { Runtime } from "./runtime.js";
import type { CommandSpec } from "./spec.js";
import { readTrainingFile } from "./training-input.js";

interface ValidateOptions extends CommonOptions {
  training?: string;
}

export const validateCommand: CommandSpec = {
  name: "validate",
  define: (cmd: Command, w) =>
    addCommonOptions(
      cmd
        .description(w.validate.description)
        .argument("<roster>", w.common.roster)
        .option("--training <file>", w.validate.training)
        .addHelpText("after", `\n${w.example}\n  swtalent validate fixtures/人员名册.csv --units fixtures/单位信息.csv --training fixtures/培训记录.csv`),
      w,
    ),
  async run(args, rt: Runtime) {
    const [roster, given] = args as [string, ValidateOptions];
    const o = withOutNamed(given, {}, "validate");
    const lang: Lang = langOf(o, rt.env);
    const format = outputFormat(o, rt);
    // validate has no --as-of: a certificate dated after today is a date to check, and a role
    // is warned about where it would decide today's allowance
    const a = loadPolicy(o.policy, rt.cwd).allowance;
    const inputs = await readInputs(roster, o, rt, rt.today, {
      futureCert: "check_date",
      ...(a ? { roleMatters: (p: Person, unit: Unit) => roleDecides(p, unit, a, [rt.today]) } : {}),
    });
    const files = [...inputs.files];
    const rejected = [...inputs.rejected];
    const warnings = [...inputs.warnings];
    const paths = [...inputs.paths];
    if (o.training !== undefined) {
      // an exact repeat of a record is counted once by training: say so here too
      const index = new PersonIndex(inputs.roster.table, inputs.roster.kept);
      const repeats = new RepeatFinder(index);
      const file = displayName(o.training);
      const repeated: Warning[] = [];
      const t = await readTrainingFile(o.training, inputs.policy, o, rt, index, {
        fold: (r) => {
          const first = repeats.firstRow(r);
          if (first !== -1) repeated.push({ code: "repeated_training", params: { file, row: r.row, first, id: r.id } });
        },
      });
      files.push(t.count);
      appendAll(rejected, t.rejected);
      appendAll(warnings, t.warnings);
      appendAll(warnings, repeated);
      paths.push(o.training);
    }
    const w = VALIDATE_WORDS[lang];
    const h = w.head;
    const show = cellShown(o);
    const v = inputs.policy.vocabulary;
    const problemRows = rejected.map((r): Row => [text(r.file), num(r.row), id(r.field), text(show(r.value)), text(reasonText(r, lang, v))]);
    const sections = (): Section[] => [
      {
        title: w.title,
        header: [h.file, h.rows, h.accepted, h.rejected],
        rows: files.map((f) => [text(f.file), num(f.rows), num(f.accepted), num(f.rejected, f.rejected > 0 ? "bad" : undefined)]),
      },
      problemRows.length > 0
        ? { title: w.problems, header: [h.file, h.row, h.field, h.value, h.reason], rows: problemRows }
        : { header: [], rows: [], notes: [w.allValid] },
    ];
    const sum = (k: "rows" | "accepted" | "rejected") => files.reduce((a, f) => a + f[k], 0);
    return deliver(
      {
        presentation: lazyPresentation({
          json: () => envelope("validate", inputs.policy, files, rejected, warnings, lang, o),
          sections,
          csv: () => ({ header: [h.file, h.row, h.field, h.value, h.reason], rows: problemRows }),
          document: () =>
            documentParts(
              { policy: inputs.policy, files, rejected, lang, o },
              {
                title: w.title,
                facts: [],
                figures: [
                  { label: w.figures.files, value: num(files.length) },
                  { label: w.figures.rows, value: num(sum("rows")) },
                  { label: w.figures.accepted, value: num(sum("accepted")) },
                  { label: w.figures.rejected, value: num(sum("rejected")) },
                ],
                charts: [
                  {
                    title: w.charts.byFile,
                    series: [
                      { label: w.charts.accepted, tone: "good" },
                      { label: w.charts.rejected, tone: "bad" },
                    ],
                    bars: files.map((f) => ({ label: f.file, values: [f.accepted, f.rejected] })),
                  },
                ],
                day: null,
                // the problems are the document's rejected rows: the input check alone besides
                sections: sections().slice(0, 1),
              },
            ),
        }),
        format,
        policy: inputs.policy,
        rejected,
        warnings,
        findings: rejected.length > 0,
        inputs: paths,
      },
      o,
      rt,
      lang,
    );
  },
};
