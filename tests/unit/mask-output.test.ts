import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskOutput } from "../../src/commands/deliver.js";
import { checkDigit, maskText } from "../../src/core/records/ids.js";
import { renderCsvChunks, renderJson } from "../../src/render/format.js";
import { JsonList, num, text } from "../../src/render/model.js";

describe("maskOutput: an output masked piece by piece", () => {
  it("gives the bytes of the whole output masked at once, wherever the pieces are cut", () => {
    const id = `11010519491231002${checkDigit("11010519491231002")}`;
    const unit = fc.constantFrom("1", "0", "7", "５", "X", "x", "\n", ",", "号", " ");
    const text = fc.oneof(fc.string({ unit, maxLength: 40 }), fc.constantFrom(id, `${id}\n`, `单位${id.slice(0, 9)}`, `${id.slice(9)}号\n`, "\n"));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), (pieces) => {
        expect([...(maskOutput(pieces) as Iterable<string>)].join("")).toBe(maskText(pieces.join("")));
      }),
      { numRuns: 5000 },
    );
  });

  it("masks an ID cut between two pieces", () => {
    const id = `11010519491231002${checkDigit("11010519491231002")}`;
    const out = [...(maskOutput(["a,b\nc,", id.slice(0, 8), `${id.slice(8)},d\n`]) as Iterable<string>)].join("");
    expect(out).toBe("a,b\nc,110105********002X,d\n");
  });
});

describe("CSV and JSON masked as they are made", () => {
  const id = `11010519491231002${checkDigit("11010519491231002")}`;
  const textArb = fc.oneof(
    fc.string({ unit: fc.constantFrom("1", "0", "７", "X", "\n", ",", '"', "号"), maxLength: 24 }),
    fc.constantFrom(id, `单位${id}`, id.slice(0, 9), id.slice(9), `${id}\n${id}`),
  );
  const cellArb = fc.oneof(textArb, fc.integer(), fc.constantFrom(123456789012345, 1234567890123456));

  it("JSON: the bytes of the whole text masked at once, long lists and nesting included", () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: "small" }, cellArb, fc.array(tie("v"), { maxLength: 3 }), fc.dictionary(textArb, tie("v"), { maxKeys: 3 })),
    })).v;
    fc.assert(
      fc.property(value, fc.array(value, { minLength: 60, maxLength: 70 }), (small, long) => {
        const data = { small, long, list: new JsonList(long, (x) => ({ x })) };
        const presentation = { json: data, sections: [], csv: { header: [], rows: [] } };
        const whole = [...renderJson(presentation)].join("");
        expect([...renderJson(presentation, maskText)].join("")).toBe(maskText(whole));
      }),
      { numRuns: 300 },
    );
  });

  it("CSV: the bytes of the whole text masked at once", () => {
    fc.assert(
      fc.property(
        fc.array(textArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(cellArb, { minLength: 4, maxLength: 4 }), { maxLength: 20 }),
        (header, rows) => {
          const presentation = { json: null, sections: [], csv: { header, rows: rows.map((r) => r.map((c) => (typeof c === "number" ? num(c) : text(c)))) } };
          const whole = [...renderCsvChunks(presentation, true)].join("");
          expect([...renderCsvChunks(presentation, true, maskText)].join("")).toBe(maskText(whole));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
