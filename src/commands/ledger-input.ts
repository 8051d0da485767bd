/** Reading a ledger of payments already made (--paid) through the shared table reader. */
import { type Month, formatMonth } from "../core/dates.js";
import type { Policy } from "../core/policy/schema.js";
import { LEDGER_REQUIRED, LedgerReader } from "../core/records/ledger.js";
import type { PersonIndex } from "../core/records/person-index.js";
import type { FileCount, Rejection, Warning } from "../core/records/types.js";
import { readMappedTable } from "../io/records.js";
import { type CommonOptions, readOptions } from "./options.js";
import { type Runtime, appendAll } from "./shared.js";

/**
 * The ledger of what was already paid (--paid): its count, rejections and warnings appended to
 * the run's; what it says was paid, and the people held because a row of theirs was rejected.
 */
export async function readLedger(
  path: string,
  policy: Policy,
  people: PersonIndex,
  months: readonly Month[],
  o: CommonOptions,
  rt: Runtime,
  into: { files: FileCount[]; rejected: Rejection[]; warnings: Warning[] },
): Promise<Pick<LedgerReader, "paid" | "held">> {
  const monthSet = new Set(months.map(formatMonth));
  const t = await readMappedTable(path, readOptions(o, rt), {
    aliases: policy.vocabulary.columns.ledger,
    required: LEDGER_REQUIRED,
    build: (file, columns, width) => new LedgerReader(file, columns, width, people, monthSet),
  });
  const l = t.builder;
  appendAll(into.warnings, t.headerWarnings);
  into.files.push(l.count);
  appendAll(into.rejected, l.rejected);
  if (l.outside > 0) into.warnings.push({ code: "ledger_outside", params: { file: t.file, rows: l.outside } });
  appendAll(into.warnings, t.blankWarnings);
  return l;
}
