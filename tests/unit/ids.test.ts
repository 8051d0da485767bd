import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayOf, formatDay } from "../../src/core/dates.js";
import { birthDateOf, checkDigit, idHigh, idLow, isResidentId, maskId, maskMatches, maskText, normaliseId, readId } from "../../src/core/records/ids.js";

/** A well-formed 18-digit resident ID from its first 17 digits. */
const id18 = (first17: string) => first17 + checkDigit(first17);

describe("check digit: GB 11643, ISO 7064 MOD 11-2", () => {
  it.each([
    // the worked example of GB 11643-1999
    ["11010519491231002", "X"],
    ["50022219800101001", "0"],
    ["44052418800101001", "4"], // the sample 440524188001010014
    ["44010619900307123", "1"],
    ["11010119900307803", "X"],
    ["00000000000000000", "1"], // sum 0 -> "1"
  ])("%s -> %s", (first17, digit) => expect(checkDigit(first17)).toBe(digit));

  it("agrees with the standard's formula: weights 2^(i-1) mod 11, digit (12 - S mod 11) mod 11", () => {
    for (let n = 0; n < 2000; n++) {
      const first17 = String((n * 7919 + 104729) * 48271)
        .padStart(17, "3")
        .slice(-17);
      const sum = [...first17].reduce((s, c, i) => s + Number(c) * (2 ** (17 - i) % 11), 0);
      const r = (12 - (sum % 11)) % 11;
      expect(checkDigit(first17)).toBe(r === 10 ? "X" : String(r));
    }
  });

  it("every residue 0..10 maps to its own digit (10X98765432)", () => {
    const seen = new Set<string>();
    for (let n = 0; n < 200 && seen.size < 11; n++) seen.add(checkDigit(String(n).padStart(17, "0")));
    expect([...seen].sort()).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "X"]);
  });
});

describe("isResidentId: 18 digits (last may be X) or 15 digits", () => {
  it.each([id18("50022219800101001"), "11010519491231002X", "110105491231002"])("%s is a resident ID", (id) => {
    expect(isResidentId(id)).toBe(true);
  });
  it.each(["G0012", "11010519491231002x", "1101051949123100", "1101051949123100234", "", "A10105194912310021"])(
    "%j is not (a 工号 or a malformed number)",
    (id) => expect(isResidentId(id)).toBe(false),
  );
});

describe("birth date inside the ID", () => {
  it.each([
    ["11010519491231002X", "1949-12-31"],
    [id18("50022220000229001"), "2000-02-29"],
    ["110105491231002", "1949-12-31"], // 15-digit old style: 19YYMMDD
    ["500222800101001", "1980-01-01"],
  ])("%s -> %s", (id, birth) => expect(formatDay(birthDateOf(id)!)).toBe(birth));

  it.each([id18("50022219810229001"), id18("50022219801301001"), "500222801301001", "G0012"])("%s holds no valid birth date", (id) => {
    expect(birthDateOf(id)).toBeNull();
  });
});

describe("masking: first 6 and last 4 with * between (SPEC.md Privacy)", () => {
  it.each([
    ["500222198001010010", "500222********0010"],
    ["11010519491231002X", "110105********002X"],
    ["110105491231002", "110105*****1002"],
    ["G0012", "G0012"], // 工号 shown as they are
    ["", ""],
    // as a rejected cell may hold it: a lower-case x (even with a wrong check digit), full-width digits, spaces
    ["50022219900101003x", "500222********003X"],
    ["５００２２２１９８００１０１００１０", "500222********0010"],
    [" 500222198001010010 ", "500222********0010"],
    ["１１０１０５４９１２３１００２", "110105*****1002"],
    ["g0012", "g0012"],
  ])("%j -> %j", (id, masked) => expect(maskId(id)).toBe(masked));

  it("a masked id matches the id it came from and no other of the same shape", () => {
    expect(maskMatches("500222********0010", "500222198001010010")).toBe(true);
    expect(maskMatches("500222********0010", "500222198501010010")).toBe(true); // same ends: ambiguous by design
    expect(maskMatches("500222********0010", "500223198001010010")).toBe(false);
    expect(maskMatches("500222*******0010", "500222198001010010")).toBe(false);
  });
});

describe("one id normalisation in every file (SPEC.md Bad input)", () => {
  const YIN = "500222196903039374";
  it.each([
    ["a space", "500222 196903039374"],
    ["an ideographic space", "500222\u3000196903039374"],
    ["a zero-width space", "500222\u200B196903039374"],
    ["a NUL", "500222\u0000196903039374"],
    ["a tab and a newline", "\t500222196903039374\n"],
    ["dashes", "500222-19690303-9374"],
    ["a full-width dash and an en dash", "500222－19690303–9374"],
    ["full-width digits", "５００２２２１９６９０３０３９３７４"],
    ["a soft hyphen and a BOM", "\uFEFF500222\u00AD196903039374"],
  ])("%s: the same person as the plain id", (_what, cell) => {
    expect(normaliseId(cell)).toBe(YIN);
    expect(readId(cell)).toEqual({ id: YIN });
  });

  it("a final x is made X, typed half- or full-width", () => {
    const first17 = "11010519491231002";
    expect(checkDigit(first17)).toBe("X");
    expect(readId(`${first17}x`)).toEqual({ id: `${first17}X` });
    expect(readId(`${first17}ｘ`)).toEqual({ id: `${first17}X` });
  });

  it.each([
    ["a trailing 号", "500222196903039374号"],
    ["a name after it", "500222196903039374尹涛"],
    ["a letter before it", "ID500222196903039374"],
    ["a 15-digit ID with a note", "500222690303937（旧）"],
  ])("a resident ID with %s is rejected, never taken for a staff number", (_what, cell) => {
    expect(readId(cell)).toEqual({ problem: "id_extra_chars" });
  });

  it("a wrong check digit after normalisation is still caught", () => {
    expect(readId("500222 196903039375")).toEqual({ problem: "bad_check_digit", expected: "4" });
  });

  it("staff numbers (工号) keep their letters; a masked id keeps its stars", () => {
    expect(readId(" G-0012 ")).toEqual({ id: "G0012" });
    expect(readId("QJ00１２")).toEqual({ id: "QJ0012" });
    expect(readId("500222********9374")).toEqual({ id: "500222********9374" });
  });

  it("a number Excel shortened is rejected", () => {
    expect(readId("5.00222E+17")).toEqual({ problem: "id_stored_as_number" });
  });
});

describe("readId reads a plainly typed 18-digit cell as the same cell with noise around it", () => {
  it("same reading and birth date for ids of every shape a digit string can take", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{17}[0-9Xx]$/), fc.boolean(), (cell, valid) => {
        const id = valid ? id18(cell.slice(0, 17)) : cell;
        // a space and a dash are removed before the id is read: the slow path of the same id
        expect(readId(id)).toEqual(readId(` ${id.slice(0, 6)}-${id.slice(6)} `));
        const upper = id.toUpperCase();
        const y = Number(upper.slice(6, 10));
        const m = Number(upper.slice(10, 12));
        const d = Number(upper.slice(12, 14));
        expect(birthDateOf(upper)).toBe(dayOf(y, m, d));
      }),
      { numRuns: 2000 },
    );
  });

  it("a valid id typed plainly is read as itself, its birth date from its digits", () => {
    const id = id18("50022219800229001");
    expect(readId(id)).toEqual({ id });
    expect(formatDay(birthDateOf(id)!)).toBe("1980-02-29");
    expect(readId(id18("50022219810229001"))).toEqual({ problem: "bad_id_birth" });
    expect(readId(`${"50022219800101001"}9`)).toMatchObject({ problem: "bad_check_digit" });
  });
});

describe("maskText", () => {
  const ID_RUN = /(?<![\dXx０-９Ｘｘ])[\d０-９]{17}[\dXx０-９Ｘｘ](?![\dXx０-９Ｘｘ])|(?<![\d０-９])[\d０-９]{15}(?![\d０-９])/g;
  /** the regex alone, as maskText was before it looked for 15 digits first */
  const reference = (text: string) => text.replace(ID_RUN, (m) => maskId(m));

  it("masks exactly what the ID regex alone masks, in any text", () => {
    const unit = fc.constantFrom("1", "0", "9", "５", "０", "X", "x", "Ｘ", "-", " ", "号", ",", "\n");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => maskText(text) === reference(text)),
      { numRuns: 20000 },
    );
    const id = id18("11010519491231002");
    for (const text of [id, `单位${id}号`, `${id.slice(0, 15)}`, `${id.slice(0, 14)}`, `a,${id},b\r\n`, "１１０１０５１９４９１２３１００２Ｘ"]) {
      expect(maskText(text)).toBe(reference(text));
    }
    expect(maskText(`a,${id}`)).toBe("a,110105********002X");
  });
});

describe("idHigh and idLow: an 18-character resident ID as two numbers", () => {
  const key = (id: string) => `${idHigh(id)}/${idLow(id)}`;

  it("tell apart every id that differs in its last three characters, X included", () => {
    const keys = new Set<string>();
    for (const a of "0123456789") for (const b of "0123456789") for (const c of "0123456789X") keys.add(key(`110105194912310${a}${b}${c}`));
    expect(keys.size).toBe(10 * 10 * 11);
  });

  it("tell apart any two different ids, and give -1 for any other id", () => {
    const id = fc.stringMatching(/^[0-9]{17}[0-9X]$/);
    fc.assert(fc.property(id, id, (a, b) => (a === b) === (key(a) === key(b))));
    for (const other of ["G0001", "110105491231002", "11010519491231002x", "", "1101051949123100211"]) expect(idHigh(other)).toBe(-1);
  });
});
