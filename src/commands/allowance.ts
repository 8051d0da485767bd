/**
 * swtalent allowance ROSTER [--units F] [--policy P] (--month M | --from M --to M) [--paid LEDGER] [--explain ID]
 * The month-end allowance payroll: each payee with grade and amount, totals per town and in
 * all, everyone not paid with the reason; against a ledger, what is still owed and overpaid.
 */
import type { Command } from "commander";
import { type Month, firstDayOf, formatMonth, monthIndex, monthRange, parseMonth } from "../core/dates.js";
import { UsageError } from "../core/errors.js";
import { maskId, normaliseId } from "../core/records/ids.js";
import type { Person, Warning } from "../core/records/types.js";
import { PersonIndex } from "../core/records/person-index.js";
import { allowanceFor, payrollUnits, roleDecides } from "../core/rules/allowance.js";
import { byUnitOfTable } from "../core/rules/by-unit.js";
import { TRAITS } from "../render/format.js";
import { lazyPresentation } from "../render/lazy.js";
import { loadPolicy } from "../io/policies.js";
import { explainDocument, payrollCsv, payrollDocument, payrollJson, payrollSections, payrollView, presentExplain } from "./allowance-report.js";
import { deliver, outputFormat } from "./deliver.js";
import { documentParts } from "./document.js";
import { envelope, idShown } from "./envelope.js";
import { readInputs } from "./inputs.js";
import { readLedger } from "./ledger-input.js";
import { monthsName, withOutNamed } from "./out-name.js";
import { type CommonOptions, addCommonOptions, langOf } from "./options.js";
import { requirePart } from "./policy-parts.js";
import type { Runtime } from "./runtime.js";
import type { CommandSpec } from "./spec.js";

interface AllowanceOptions extends CommonOptions {
  month?: string;
  from?: string;
  to?: string;
  paid?: string;
  explain?: string;
}

const MAX_MONTHS = 120;

function monthArg(flag: string, value: string, today: number): Month {
  const m = parseMonth(value, today);
  if (!m) throw new UsageError(`${flag} "${value}" is not a month: write it as 2021-06, 2021年6月, last or current`);
  return m;
}

export function monthsOf(o: AllowanceOptions, today: number): Month[] {
  if (o.month !== undefined && (o.from !== undefined || o.to !== undefined)) {
    throw new UsageError("give either --month M, or --from M --to M, not both");
  }
  if (o.month !== undefined) return [monthArg("--month", o.month, today)];
  if (o.from === undefined || o.to === undefined) {
    throw new UsageError("allowance needs the month to pay: --month 2021-06 (or last, current), or a range --from 2021-01 --to 2021-12");
  }
  const from = monthArg("--from", o.from, today);
  const to = monthArg("--to", o.to, today);
  if (monthIndex(from) > monthIndex(to)) throw new UsageError(`--from ${formatMonth(from)} is after --to ${formatMonth(to)}`);
  if (monthIndex(to) - monthIndex(from) >= MAX_MONTHS) throw new UsageError(`a range covers at most ${MAX_MONTHS} months`);
  return monthRange(from, to);
}

/**
 * The person --explain names (SPEC.md): an id in any spelling the roster accepts, a masked id,
 * or a name when only one accepted person has it; several matches are listed.
 */
function explainee(people: readonly Person[], asked: string, show: (id: string) => string): Person {
  const id = normaliseId(asked);
  const byId = people.find((p) => p.id === id);
  if (byId) return byId;
  const name = asked.trim();
  // a masked id is a resident ID's: its check digit X is written as reports write it
  const masked = id.includes("*") ? id.toUpperCase() : null;
  const matches = masked !== null ? people.filter((p) => maskId(p.id) === masked) : people.filter((p) => p.name === name);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    const list = matches.map((p) => `${show(p.id)} ${p.name} (${p.unit})`);
    const choose = masked !== null ? "give the full id (--no-mask shows them)" : "give one of their ids";
    throw new UsageError(`--explain ${show(name)}: ${matches.length} people match; ${choose}`, list);
  }
  throw new UsageError(`--explain ${show(name)}: no accepted person in the roster has this id or name (a rejected row is listed with its reason by validate)`);
}

export const allowanceCommand: CommandSpec = {
  name: "allowance",
  define: (cmd: Command, w) =>
    addCommonOptions(
      cmd
        .description(w.allowance.description)
        .argument("<roster>", w.common.roster)
        .option("--month <month>", w.allowance.month)
        .option("--from <month>", w.allowance.from)
        .option("--to <month>", w.allowance.to)
        .option("--paid <ledger>", w.allowance.paid)
        .option("--explain <id|name>", w.allowance.explain)
        .addHelpText(
          "after",
          `\n${w.examples}\n  swtalent allowance fixtures/人员名册.csv --units fixtures/单位信息.csv --month 2021-06\n` +
            "  swtalent allowance roster.csv --units units.csv --month last --out payroll-{month}.csv\n" +
            "  swtalent allowance roster.csv --units units.csv --from 2021-01 --to 2021-06 --paid paid.csv\n" +
            "  swtalent allowance roster.csv --units units.csv --month 2021-06 --explain 500222198602113955",
        ),
      w,
    ),
  async run(args, rt: Runtime) {
    const [roster, given] = args as [string, AllowanceOptions];
    const lang = langOf(given, rt.env);
    const months = monthsOf(given, rt.today);
    const o = withOutNamed(given, { month: monthsName(months.map(formatMonth)) }, "allowance");
    const format = outputFormat(o, rt);
    const policy = loadPolicy(o.policy, rt.cwd);
    const a = requirePart(policy, "allowance");
    // allowance has no --as-of: a certificate dated after today is an error in the roster
    const firstDays = months.map(firstDayOf);
    const inputs = await readInputs(roster, o, rt, rt.today, {
      required: ["role"],
      futureCert: "month",
      roleMatters: (p, unit) => roleDecides(p, unit, a, firstDays),
    });
    const { table, kept, units } = inputs.roster;
    const files = [...inputs.files];
    const rejected = [...inputs.rejected];
    const warnings: Warning[] = [...inputs.warnings];
    const paths = [...inputs.paths];

    if (o.explain !== undefined) {
      const person = explainee(inputs.roster.people, o.explain, idShown(o));
      const unit = units.get(person.unit)!;
      const verdicts = months.map((m) => allowanceFor(person, unit, m, a));
      const p = presentExplain(verdicts, { ...person, town: unit.town }, policy, lang, o);
      const title = p.sections[0]!.title!;
      return deliver(
        {
          presentation: {
            json: { ...envelope("allowance", policy, files, rejected, warnings, lang, o), months: months.map(formatMonth), ...p.json },
            sections: p.sections,
            csv: p.csv,
            document: documentParts({ policy, files, rejected, lang, o }, explainDocument(months.map(formatMonth), title, lang)),
          },
          format,
          policy,
          rejected,
          warnings,
          findings: false,
          inputs: paths,
        },
        o,
        rt,
        lang,
      );
    }

    let paid: Map<string, Map<string, number>> | null = null;
    let held: ReadonlySet<string> | undefined;
    if (o.paid !== undefined) {
      const l = await readLedger(o.paid, policy, new PersonIndex(table, kept), months, o, rt, { files, rejected, warnings });
      paths.push(o.paid);
      paid = l.paid;
      held = l.held;
    }

    // the not-paid list is left unmade only where the format shows the flat table alone (CSV)
    const r = payrollUnits(a, byUnitOfTable(table, kept), units, months, paid, { notPaid: !TRAITS[format].flatOnly, ...(held ? { held } : {}) });
    const withLedger = paid !== null;
    return deliver(
      {
        presentation: lazyPresentation({
          json: () => ({ ...envelope("allowance", policy, files, rejected, warnings, lang, o), ...payrollJson(r, policy, lang, o, withLedger) }),
          sections: () => payrollView(r, policy, lang, o, withLedger, TRAITS[format].forSigning),
          csv: () => payrollCsv(r, lang, o),
          document: () =>
            documentParts(
              { policy, files, rejected, lang, o },
              { ...payrollDocument(r, lang), sections: payrollSections(r, policy, lang, o, withLedger, TRAITS[format].forSigning) },
            ),
        }),
        format,
        policy,
        rejected,
        warnings,
        findings: r.overpaid.length > 0,
        inputs: paths,
      },
      o,
      rt,
      lang,
    );
  },
};
