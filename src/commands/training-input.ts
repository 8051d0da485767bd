/** Reading a training records file through the shared table reader, record by record. */
import type { Policy } from "../core/policy/schema.js";
import { TRAINING_REQUIRED, type TrainingRecord, TrainingReader } from "../core/records/training.js";
import type { FileCount, Rejection, Warning } from "../core/records/types.js";
import { readMappedTable } from "../io/records.js";
import { type CommonOptions, readOptions } from "./options.js";
import type { Runtime } from "./runtime.js";

export interface TrainingFileResult {
  readonly count: FileCount;
  readonly rejected: Rejection[];
  readonly warnings: Warning[];
}

export async function readTrainingFile(
  path: string,
  policy: Policy,
  o: CommonOptions,
  rt: Pick<Runtime, "cwd" | "stdin">,
  /** the roster's ids (a record of anyone else is rejected) */
  known: { has(id: string): boolean },
  sink: { fold: ((r: TrainingRecord) => void) | null; onProgress?: (rows: number) => void },
): Promise<TrainingFileResult> {
  const t = await readMappedTable(
    path,
    { ...readOptions(o, rt), ...(sink.onProgress ? { onProgress: sink.onProgress } : {}) },
    {
      aliases: policy.vocabulary.columns.training,
      required: TRAINING_REQUIRED,
      build(file, columns, width) {
        const reader = new TrainingReader(file, policy, columns, width, known);
        return {
          reader,
          add(cells: readonly string[], row: number, unsaved?: readonly number[]) {
            const rec = reader.read(cells, row, unsaved);
            if (rec && sink.fold) sink.fold(rec);
          },
        };
      },
    },
  );
  const r = t.builder.reader;
  return { count: r.count, rejected: r.rejected, warnings: [...t.headerWarnings, ...t.blankWarnings] };
}
