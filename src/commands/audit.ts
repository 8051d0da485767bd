/**
 * swtalent audit ROSTER [--units F] [--policy P] [--as-of DATE]
 * Per-unit checks of every unit rule of the policy, person rules, region targets, the grade
 * breakdown and the exam mobilisation list.
 */
import type { Command } from "commander";
import { formatDay } from "../core/dates.js";
import { auditUnits, servingFromTable } from "../core/rules/audit.js";
import { TRAITS } from "../render/format.js";
import { lazyPresentation } from "../render/lazy.js";
import { presentAudit } from "./audit-report.js";
import { deliver, outputFormat } from "./deliver.js";
import { documentParts } from "./document.js";
import { envelope } from "./envelope.js";
import { readInputs } from "./inputs.js";
import { withOutNamed } from "./out-name.js";
import { type CommonOptions, addCommonOptions, langOf, parseAsOf } from "./options.js";
import type { Runtime } from "./runtime.js";
import type { CommandSpec } from "./spec.js";

interface AuditOptions extends CommonOptions {
  asOf?: string;
}

export { presentAudit };

export const auditCommand: CommandSpec = {
  name: "audit",
  define: (cmd: Command, w) =>
    addCommonOptions(
      cmd
        .description(w.audit.description)
        .argument("<roster>", w.common.roster)
        .option("--as-of <date>", w.audit.asOf)
        .addHelpText(
          "after",
          `\n${w.examples}\n  swtalent audit fixtures/人员名册.csv --units fixtures/单位信息.csv --as-of 2021-12-31\n` +
            "  swtalent audit fixtures/人员名册.xlsx --sheet 人员名册 --units fixtures/单位信息.csv\n" +
            "  swtalent audit roster.csv --policy ningbo-2018 --format json --out audit-{as_of}.json --check",
        ),
      w,
    ),
  async run(args, rt: Runtime) {
    const [roster, given] = args as [string, AuditOptions];
    const lang = langOf(given, rt.env);
    const asOf = parseAsOf(given.asOf, rt.today);
    const o = withOutNamed(given, { as_of: formatDay(asOf) }, "audit");
    const format = outputFormat(o, rt);
    const inputs = await readInputs(roster, o, rt, asOf);
    // the flat table (CSV) never shows the exam list: not built for it
    const { table, kept, units } = inputs.roster;
    const result = auditUnits(inputs.policy, servingFromTable(table, kept, asOf), units, asOf, { exam: !TRAITS[format].flatOnly });
    const p = presentAudit(result, inputs.policy, formatDay(asOf), lang, o);
    const findings =
      result.units.some((u) => !u.compliant) ||
      result.person_checks.some((c) => c.status === "fail") ||
      // a target not met is not met, due or not: `overdue` says how late, not whether
      result.targets.some((t) => t.status === "fail");
    return deliver(
      {
        presentation: lazyPresentation({
          json: () => ({ ...envelope("audit", inputs.policy, inputs.files, inputs.rejected, inputs.warnings, lang, o), ...p.json() }),
          sections: p.sections,
          csv: p.csv,
          document: () => documentParts({ ...inputs, lang, o }, p.document()),
        }),
        format,
        policy: inputs.policy,
        rejected: inputs.rejected,
        warnings: inputs.warnings,
        findings,
        inputs: inputs.paths,
      },
      o,
      rt,
      lang,
    );
  },
};
