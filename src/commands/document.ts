/** The parts of a document (html, xlsx) every command shares: the policy, the inputs read and the rejected rows. */
import type { Policy } from "../core/policy/schema.js";
import type { FileCount, Rejection } from "../core/records/types.js";
import { DOCUMENT_WORDS } from "../render/catalogs/document.js";
import { type Lang, reasonText } from "../render/messages.js";
import { type Chart, type DocumentParts, type Fact, type Section, id, num, text } from "../render/model.js";
import { cellShown } from "./envelope.js";
import type { CommonOptions } from "./options.js";

export interface Run {
  readonly policy: Policy;
  readonly files: readonly FileCount[];
  readonly rejected: readonly Rejection[];
  readonly lang: Lang;
  readonly o: CommonOptions;
}

export interface Own {
  readonly title: string;
  /** after the policy and its document: the date or the months */
  readonly facts: readonly Fact[];
  readonly figures: readonly Fact[];
  readonly charts: readonly Chart[];
  readonly day: string | null;
  readonly sections?: readonly Section[];
}

/** The rejected rows as a table, each value shown as every output shows it (resident IDs masked). */
export function rejectedSection(run: Run): Section | null {
  if (run.rejected.length === 0) return null;
  const w = DOCUMENT_WORDS[run.lang];
  const show = cellShown(run.o);
  return {
    title: w.rejectedTitle,
    sheet: w.rejectedSheet,
    header: [w.head.file, w.head.row, w.head.field, w.head.value, w.head.reason],
    rows: run.rejected.map((r) => [text(r.file), num(r.row), id(r.field), text(show(r.value)), text(reasonText(r, run.lang, run.policy.vocabulary))]),
  };
}

export function documentParts(run: Run, own: Own): DocumentParts {
  const w = DOCUMENT_WORDS[run.lang];
  return {
    lang: run.lang,
    title: own.title,
    facts: [{ label: w.policy, value: id(run.policy.id) }, { label: w.document, value: text(run.policy.document) }, ...own.facts],
    files: run.files,
    figures: own.figures,
    charts: own.charts,
    rejected: rejectedSection(run),
    day: own.day,
    ...(own.sections ? { sections: own.sections } : {}),
  };
}
