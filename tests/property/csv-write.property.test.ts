/** The CSV writer (render/format.ts) against csv-stringify, the reference: the same bytes for any cells. */
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvRecord } from "../../src/render/format.js";

const text = fc.string({ unit: fc.constantFrom("a", "王", ",", '"', "\r", "\n", " ", "\t", ";", "'", "=", "\u3000", "😀", "\\"), maxLength: 8 });
const cell = fc.oneof(text, fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

describe("csvRecord", () => {
  it("writes each record as csv-stringify does with CRLF records and line breaks quoted", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (rows) => {
        const reference = stringify(rows, { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
        expect(rows.map(csvRecord).join("")).toBe(reference);
      }),
      { numRuns: 3000 },
    );
  });

  it("quotes what must be quoted, and nothing else", () => {
    expect(csvRecord(["a", 'say "hi"', "x,y", "two\nlines", "lone\rCR", "", 12, -0.5])).toBe('a,"say ""hi""","x,y","two\nlines","lone\rCR",,12,-0.5\r\n');
  });
});
