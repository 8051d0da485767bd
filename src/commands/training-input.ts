/** Reading a training records file through the shared table reader, record by record. */
import type { Policy } from "../core/policy/schema.js";
import { mapHeader } from "../core/records/header.js";
import { TRAINING_REQUIRED, type TrainingRecord, TrainingReader } from "../core/records/training.js";
import type { FileCount, Rejection, Warning } from "../core/records/types.js";
import { displayName, readTable } from "../io/table.js";
import { type CommonOptions, readOptions } from "./shared.js";

export interface TrainingFileResult {
  readonly count: FileCount;
  readonly rejected: Rejection[];
  readonly warnings: Warning[];
}

export async function readTrainingFile(
  path: string,
  policy: Policy,
  o: CommonOptions,
  /** the roster's ids (a record of anyone else is rejected) */
  known: { has(id: string): boolean },
  sink: { fold: ((r: TrainingRecord) => void) | null; onProgress?: (rows: number) => void },
): Promise<TrainingFileResult> {
  const file = displayName(path);
  const warnings: Warning[] = [];
  let reader: TrainingReader | null = null;
  const summary = await readTable(path, { ...readOptions(o), ...(sink.onProgress ? { onProgress: sink.onProgress } : {}) }, {
    header(cells) {
      const h = mapHeader(file, cells, policy.vocabulary.columns.training, TRAINING_REQUIRED);
      warnings.push(...h.warnings);
      reader = new TrainingReader(file, policy, h.columns, cells.length, known);
    },
    row(cells, row) {
      const rec = reader!.read(cells, row);
      if (rec && sink.fold) sink.fold(rec);
    },
  });
  if (summary.blankRows > 0) warnings.push({ code: "blank_rows", params: { file, rows: summary.blankRows } });
  const r = reader!;
  return { count: r.count, rejected: r.rejected, warnings };
}
