/** The JSON envelope every command's output opens with (SPEC.md "JSON output"), ids masked as everywhere. */
import type { Policy } from "../core/policy/schema.js";
import { maskCell, maskId, maskText } from "../core/records/ids.js";
import type { FileCount, Rejection, Warning } from "../core/records/types.js";
import { type Lang, reasonText, warningText } from "../render/messages.js";
import type { CommonOptions } from "./options.js";

export interface Envelope {
  command: string;
  policy: { id: string; document: string };
  input: { rows: number; accepted: number; rejected: number };
  files: FileCount[];
  rejected: { file: string; row: number; field: string; value: string; reason: string }[];
  warnings: string[];
}

export function idShown(o: CommonOptions): (id: string) => string {
  return o.mask ? maskId : (id) => id;
}

/** A rejected cell as every output shows it: any resident ID in it masked, in any column. */
export function cellShown(o: Pick<CommonOptions, "mask">): (value: string) => string {
  return o.mask ? maskCell : (value) => value;
}

export function envelope(
  command: string,
  policy: Policy,
  files: readonly FileCount[],
  rejected: readonly Rejection[],
  warnings: readonly Warning[],
  lang: Lang,
  o: CommonOptions,
): Envelope {
  const show = cellShown(o);
  const main = files[0] ?? { rows: 0, accepted: 0, rejected: 0 };
  return {
    command,
    policy: { id: policy.id, document: policy.document },
    input: { rows: main.rows, accepted: main.accepted, rejected: main.rejected },
    files: files.map((f) => ({ ...f })),
    rejected: rejected.map((r) => ({
      file: r.file,
      row: r.row,
      field: r.field,
      value: show(r.value),
      reason: reasonText(r, lang, policy.vocabulary),
    })),
    warnings: warnings.map((w) => maskWarning(warningText(w, lang, policy.vocabulary), o)),
  };
}

/** Resident IDs inside a warning's words are masked like any other output. */
export function maskWarning(text: string, o: CommonOptions): string {
  return o.mask ? maskText(text) : text;
}
