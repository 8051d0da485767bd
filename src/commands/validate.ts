/**
 * swtalent validate ROSTER [--units F] [--training F]
 * Reads and checks the inputs only, and reports every problem found.
 */
import type { Command } from "commander";
import type { Warning } from "../core/records/types.js";
import { PersonIndex, RepeatFinder } from "../core/rules/training.js";
import { displayName } from "../io/table.js";
import { type Lang, reasonText } from "../render/messages.js";
import type { Section } from "../render/format.js";
import type { CommandSpec } from "./index.js";
import { cellShown, envelope } from "./envelope.js";
import { type CommonOptions, addCommonOptions, langOf } from "./options.js";
import { type Runtime, appendAll, deliver, readInputs } from "./shared.js";
import { readTrainingFile } from "./training-input.js";

interface ValidateOptions extends CommonOptions {
  training?: string;
}

const H = {
  en: { file: "file", rows: "rows", accepted: "accepted", rejected: "rejected", row: "row", field: "column", value: "value", reason: "problem" },
  zh: { file: "文件", rows: "行数", accepted: "有效", rejected: "拒收", row: "行号", field: "列", value: "内容", reason: "问题" },
};

export const validateCommand: CommandSpec = {
  name: "validate",
  define: (cmd: Command) =>
    addCommonOptions(
      cmd
        .description("read and check the inputs only, and report every problem found")
        .argument("<roster>", "roster (人员名册): a CSV file, a workbook (.xlsx, .xls, .et), or - for stdin")
        .option("--training <file>", "training records file (培训记录) to check as well")
        .addHelpText("after", "\nExample:\n  swtalent validate fixtures/人员名册.csv --units fixtures/单位信息.csv --training fixtures/培训记录.csv"),
    ),
  async run(args, rt: Runtime) {
    const [roster, o] = args as [string, ValidateOptions];
    const lang: Lang = langOf(o, rt.env);
    // validate has no --as-of: a certificate dated after today is a date to check
    const inputs = await readInputs(roster, o, rt, rt.today, { futureCert: "check_date", roleWarnings: true });
    const files = [...inputs.files];
    const rejected = [...inputs.rejected];
    const warnings = [...inputs.warnings];
    const paths = [...inputs.paths];
    if (o.training !== undefined) {
      // an exact repeat of a record is counted once by training: say so here too
      const index = new PersonIndex(inputs.roster.people);
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
    const h = H[lang];
    const show = cellShown(o);
    const v = inputs.policy.vocabulary;
    const problemRows = rejected.map((r) => [r.file, r.row, r.field, show(r.value), reasonText(r, lang, v)]);
    const sections: Section[] = [
      {
        title: lang === "zh" ? "输入检查" : "Input check",
        header: [h.file, h.rows, h.accepted, h.rejected],
        rows: files.map((f) => [f.file, f.rows, f.accepted, f.rejected > 0 ? { text: String(f.rejected), tone: "bad" } : 0]),
      },
      problemRows.length > 0
        ? { title: lang === "zh" ? "问题" : "Problems", header: [h.file, h.row, h.field, h.value, h.reason], rows: problemRows }
        : { header: [], rows: [], notes: [lang === "zh" ? "全部行均有效。" : "Every row is valid."] },
    ];
    return deliver(
      {
        presentation: {
          json: envelope("validate", inputs.policy, files, rejected, warnings, lang, o),
          sections,
          csv: { header: [h.file, h.row, h.field, h.value, h.reason], rows: problemRows },
        },
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
