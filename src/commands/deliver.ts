/**
 * Delivering a command's presentation: the output format resolved once, the output rendered
 * and written (atomic file or stdout), rejections and warnings on stderr, and the exit code.
 */
import { UsageError } from "../core/errors.js";
import type { Policy } from "../core/policy/schema.js";
import { hasFifteenDigits, maskText } from "../core/records/ids.js";
import type { Rejection, Warning } from "../core/records/types.js";
import {
  type Format,
  type Mask,
  type Presentation,
  TRAITS,
  formatOption,
  renderCsvChunks,
  renderJson,
  renderMarkdown,
  renderTable,
  DEFAULT_WIDTH,
} from "../render/format.js";
import { type Row, id, num, text } from "../render/model.js";
import { type Lang, oneLine, reasonText, runWords, warningText } from "../render/messages.js";
import { type Output, STDOUT, checkNotInput, sameOutput, writeOutput } from "../io/write.js";
import { writePaged } from "../io/pager.js";
import { workbookBytes } from "../io/xlsx.js";
import { renderHtml } from "../render/html.js";
import { workbookOf } from "../render/xlsx.js";
import { cellShown, maskWarning } from "./envelope.js";
import { type CommonOptions, tableWidth } from "./options.js";
import type { Runtime } from "./runtime.js";

/** What a command hands back to be delivered. */
export interface Outcome {
  readonly presentation: Presentation;
  /** the format resolved once, by outputFormat(), before the command made its presentation */
  readonly format: Format;
  readonly policy: Policy;
  readonly rejected: readonly Rejection[];
  readonly warnings: readonly Warning[];
  /** something is non-compliant (for --check) */
  readonly findings: boolean;
  readonly inputs: readonly string[];
}

/** The format an --out file's extension names; anything else is CSV. */
const BY_EXTENSION: Readonly<Record<string, Format>> = { json: "json", md: "md", txt: "table", html: "html", htm: "html", xlsx: "xlsx" };

/**
 * The output format, decided once for the whole run: --format; else the extension of --out;
 * else a table on a terminal and CSV down a pipe or into a file. A document (html, xlsx) is
 * never written to a terminal.
 */
export function outputFormat(o: Pick<CommonOptions, "format" | "out">, rt: Pick<Runtime, "stdoutIsTTY">): Format {
  let format: Format;
  if (o.format !== undefined) format = formatOption(o.format);
  else if (o.out !== undefined && o.out !== STDOUT) format = BY_EXTENSION[o.out.toLowerCase().split(".").pop() ?? ""] ?? "csv";
  else format = rt.stdoutIsTTY ? "table" : "csv";
  if (TRAITS[format].document && (o.out ?? STDOUT) === STDOUT && rt.stdoutIsTTY) {
    throw new UsageError(
      `--format ${format} writes a document, not text for a terminal: give --out FILE (e.g. --out report.${format}), or redirect standard output`,
    );
  }
  return format;
}

/**
 * The output text in pieces, made as they are written, so a report of any length is never
 * held whole. With `mask`, every ID-shaped run is masked (SPEC.md Privacy): CSV and JSON
 * record by record and value by value as they are made, the other formats line by line.
 */
export function render(p: Presentation, format: Format, o: Pick<CommonOptions, "bom">, color: boolean, width = DEFAULT_WIDTH, mask?: Mask): Iterable<string> {
  const lines = (text: Iterable<string>) => (mask ? (maskOutput(text) as Iterable<string>) : text);
  switch (format) {
    case "json":
      return renderJson(p, mask);
    case "csv":
      return renderCsvChunks(p, o.bom, mask);
    case "md":
      return lines(renderMarkdown(p));
    case "table":
      return lines(renderTable(p, color, width));
    case "html":
      return lines(renderHtml(p));
    case "xlsx":
      throw new Error("a workbook is bytes, not text: see outputOf()");
  }
}

/**
 * The output: a workbook's bytes (resident IDs masked cell by cell, SPEC.md Privacy), or the
 * text in pieces, every ID-shaped run masked as it is made.
 */
async function outputOf(p: Presentation, format: Format, o: CommonOptions, color: boolean, width: number): Promise<Output> {
  if (format === "xlsx") return workbookBytes(workbookOf(p, o.mask ? maskText : (s) => s));
  // an ID typed into a unit name, a role or a note is masked too, in every format
  return render(p, format, o, color, width, o.mask ? maskText : undefined);
}

/**
 * Every ID-shaped run of an output masked, piece by piece: each piece is cut after its last
 * line break and the rest carried over, so an ID is never split between two pieces. Text
 * with no 15 digits in a row (most of a report: IDs in it are masked already) is passed on
 * as it is, never joined into a new string.
 */
export function maskOutput(text: string | Iterable<string>): string | Iterable<string> {
  if (typeof text === "string") return maskText(text);
  return {
    *[Symbol.iterator]() {
      let carry = "";
      for (const piece of text) {
        const cut = piece.lastIndexOf("\n") + 1;
        if (cut === 0) {
          carry += piece;
          continue;
        }
        const head = cut === piece.length ? piece : piece.slice(0, cut);
        // a run of digits may also cross from the carry into the head
        if (hasFifteenDigits(carry) || hasFifteenDigits(head) || hasFifteenDigits(carry.slice(-16) + head.slice(0, 16))) yield maskText(carry + head);
        else {
          if (carry !== "") yield carry;
          yield head;
        }
        carry = cut === piece.length ? "" : piece.slice(cut);
      }
      if (carry !== "") yield maskText(carry);
    },
  };
}

/** Problems and warnings each print this many lines at most on stderr; JSON and --rejects carry all. */
const MAX_STDERR_LINES = 50;

/** Up to MAX_STDERR_LINES lines, one per item, then one line saying how many more and where they are. */
function printCapped<T>(rt: Runtime, items: readonly T[], line: (item: T) => string, more: (n: number) => string): void {
  const shown = Math.min(items.length, MAX_STDERR_LINES);
  for (let i = 0; i < shown; i++) rt.stderr(oneLine(line(items[i]!)));
  if (items.length > shown) rt.stderr(more(items.length - shown));
}

/** Writes the output and the messages; returns the exit code. */
export async function deliver(outcome: Outcome, o: CommonOptions, rt: Runtime, lang: Lang): Promise<0 | 1 | 3> {
  const format = outcome.format;
  const allInputs = [...outcome.inputs];
  const out = o.out ?? STDOUT;
  checkNotInput(rt, out, allInputs);
  if (o.rejects !== undefined) {
    checkNotInput(rt, o.rejects, allInputs, "--rejects");
    if (o.rejects === STDOUT && out === STDOUT) {
      throw new UsageError("--rejects - and the report would both go to standard output: give --out FILE, or --rejects FILE");
    }
    if (sameOutput(rt, o.rejects, out)) throw new UsageError(`--rejects and --out name the same file ${o.out}: give each its own`);
  }
  const color = format === "table" && out === STDOUT && rt.stdoutIsTTY && !rt.env.NO_COLOR;
  const show = cellShown(o);
  const v = outcome.policy.vocabulary;

  const words = runWords(lang);
  if (!o.quiet) printCapped(rt, outcome.warnings, (w) => words.warning(maskWarning(warningText(w, lang, v), o)), words.moreWarnings);
  printCapped(
    rt,
    outcome.rejected,
    (r) =>
      words.problem({
        file: r.file,
        row: r.row,
        column: r.column && r.column !== r.field ? `${r.column} (${r.field})` : r.field,
        value: show(r.value),
        reason: reasonText(r, lang, v),
      }),
    words.moreProblems,
  );
  if (o.rejects !== undefined) {
    const rows = outcome.rejected.map((r): Row => [text(r.file), num(r.row), id(r.field), text(show(r.value)), text(reasonText(r, lang, v))]);
    const csv = renderCsvChunks({ json: null, sections: [], csv: { header: [...words.rejectsHeader], rows } }, o.bom, o.mask ? maskText : undefined);
    await writeOutput(rt, o.rejects, csv, "--rejects");
  }
  const output = await outputOf(outcome.presentation, format, o, color, tableWidth(o, rt, DEFAULT_WIDTH));
  if (out === STDOUT) await writePaged(rt, output, o.pager !== false && TRAITS[format].paged);
  else await writeOutput(rt, out, output);

  if (outcome.rejected.length > 0 && !o.allowRejects) {
    const rows = new Set(outcome.rejected.map((r) => `${r.file}:${r.row}`)).size;
    rt.stderr(words.rowsRejected(rows));
    return 3;
  }
  return o.check && outcome.findings ? 1 : 0;
}
