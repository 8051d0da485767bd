/**
 * The CSV tokenizer reads what csv-parse (the reference) reads, with the options the table
 * reader used to give it: the same rows, the same cells, the same row numbers, on random
 * text full of quotes, quotes in quotes, line breaks in quotes, CRLF / CR / LF mixed, blank
 * lines and a BOM, cut into pieces at every place, inside a multi-byte character included.
 * SWTALENT_FUZZ_RUNS sets the number of cases (default 200 here: each case is cheap).
 */
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvTokenError, CsvTokenizer } from "../../src/io/csv-tokens.js";

const RUNS = Number(process.env.SWTALENT_FUZZ_RUNS ?? 40) * 5;

type Result = { rows: [string[], number][] } | { error: true };

function reference(text: string, delimiter: string): Result {
  try {
    const records = parse(text, {
      delimiter,
      bom: true,
      cast: false,
      relax_column_count: true,
      relax_quotes: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { records: number; empty_lines: number } }[];
    return { rows: records.map((r) => [r.record, r.info.records + r.info.empty_lines]) };
  } catch {
    return { error: true };
  }
}

function tokenize(pieces: readonly string[], delimiter: string): Result {
  const rows: [string[], number][] = [];
  const t = new CsvTokenizer(delimiter);
  const sink = (cells: string[], row: number) => rows.push([cells, row]);
  try {
    for (const p of pieces) t.write(p, sink);
    t.end(sink);
  } catch (e) {
    if (e instanceof CsvTokenError) return { error: true };
    throw e;
  }
  return { rows };
}

/** Bytes cut at the given places and decoded as a stream, as the table reader does. */
function decodedPieces(text: string, cuts: readonly number[]): string[] {
  const bytes = new TextEncoder().encode(text);
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const out: string[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    out.push(decoder.decode(bytes.subarray(from, c), { stream: true }));
    from = c;
  }
  out.push(decoder.decode());
  return out;
}

const bits = ["a", "b", "中", "文", " ", "1", "😀", '"', '""', ",", ";", "\t", "\n", "\r", "\r\n"];
const cellText = fc.array(fc.constantFrom(...bits, "x"), { maxLength: 6 }).map((a) => a.join(""));
const lineEnd = fc.constantFrom("\n", "\r\n", "\r");

/** Well-formed CSV: every cell with a delimiter, quote or line end is quoted, quotes doubled. */
const wellFormed = (d: string) =>
  fc
    .tuple(fc.boolean(), fc.array(fc.tuple(fc.array(cellText, { minLength: 1, maxLength: 5 }), lineEnd, fc.nat(2)), { maxLength: 8 }), fc.boolean())
    .map(([bom, lines, lastEnd]) => {
      let s = bom ? "\uFEFF" : "";
      lines.forEach(([cells, end, blanks], k) => {
        s += cells.map((c) => (/[",;\t\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(d);
        if (k < lines.length - 1 || lastEnd) s += end + end.repeat(blanks);
      });
      return s;
    });

/** Anything at all from the same pieces: stray quotes, quotes after text, unclosed quotes. */
const anyText = fc.array(fc.constantFrom(...bits, "\uFEFF"), { maxLength: 40 }).map((a) => a.join(""));

const delimiters = fc.constantFrom(",", ";", "\t");
const cuts = fc.array(fc.nat(400), { maxLength: 6 });

describe("the CSV tokenizer reads what csv-parse reads", () => {
  it("well-formed CSV, in pieces cut at any byte", () => {
    fc.assert(
      fc.property(
        delimiters.chain((d) => fc.tuple(fc.constant(d), wellFormed(d), cuts)),
        ([d, text, at]) => {
          expect(tokenize(decodedPieces(text, at), d)).toEqual(reference(text, d));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("any text, malformed quotes included, in pieces cut at any byte", () => {
    fc.assert(
      fc.property(delimiters, anyText, cuts, (d, text, at) => {
        expect(tokenize(decodedPieces(text, at), d)).toEqual(reference(text, d));
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ["a,b\n", [[["a", "b"], 1]]],
    ["\n\na\n", [[["a"], 3]]],
    [
      '"a\nb",c\n\n\nx\n',
      [
        [["a\nb", "c"], 1],
        [["x"], 4],
      ],
    ],
    ['"ab"c,d\n', [[['"ab"c', "d"], 1]]],
    ['a,"b"c"",d', [[["a", '"b"c""', "d"], 1]]],
    [
      "x\n\r\n\ry",
      [
        [["x"], 1],
        [["y"], 4],
      ],
    ],
    [
      "\uFEFFid,name\r\n1,张三",
      [
        [["id", "name"], 1],
        [["1", "张三"], 2],
      ],
    ],
  ])("%j", (text, rows) => {
    expect(tokenize([text], ",")).toEqual({ rows });
    expect(reference(text, ",")).toEqual({ rows });
  });

  it("says where an unclosed quote leaves the text, and stops a record that never ends", () => {
    const t = new CsvTokenizer(",", 10);
    expect(() => t.write("a,b,c,d,e,f,g", () => {})).toThrow(CsvTokenError);
    const u = new CsvTokenizer(",");
    u.write('a\n"b\n\nc', () => {});
    try {
      u.end(() => {});
      expect.unreachable();
    } catch (e) {
      expect((e as CsvTokenError).detail).toEqual({ kind: "unclosed_quote", line: 4 });
    }
  });

  it("keeps no long cell as a slice of the piece it came from", () => {
    const id = "110105199001011234";
    const rows: string[][] = [];
    new CsvTokenizer(",").write(`${id},张三\n`, (c) => rows.push(c));
    expect(rows[0]![0]).toBe(id);
  });
});
