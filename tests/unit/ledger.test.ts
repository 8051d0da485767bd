/**
 * The ledger of allowance already paid (--paid, SPEC.md allowance): amounts as offices write
 * them, ids read by the roster's id reader, and a rejected row holding that person's payment.
 */
import { describe, expect, it } from "vitest";
import { mapHeader } from "../../src/core/records/header.js";
import { LEDGER_REQUIRED, LedgerReader, parseFen } from "../../src/core/records/ledger.js";
import { PersonIndex } from "../../src/core/records/person-index.js";
import { payroll } from "../../src/core/rules/allowance.js";
import { parseMonth } from "../../src/core/dates.js";
import { loadPolicy } from "../../src/io/policies.js";
import { person, unit } from "../helpers/records.js";

describe("ledger amounts (parseFen): whole yuan or yuan and fen, exactly", () => {
  it.each([
    ["200", 20000],
    ["200.00", 20000],
    ["200.5", 20050],
    ["0.01", 1],
    ["0", 0],
    ["200元", 20000],
    ["200.00元", 20000],
    ["¥200", 20000],
    ["￥1,000.00", 100000],
    ["1,000", 100000],
    ["12,345,678.90", 1234567890],
    ["２００", 20000],
    [" 200 ", 20000],
    ["+50", 5000],
  ])("%s is %i fen", (cell, fen) => expect(parseFen(cell)).toBe(fen));

  it.each([
    ["-200", "a negative amount"],
    ["-0.50", "a negative amount"],
    ["200.005", "a fraction of a fen"],
    ["二百", "Chinese numerals"],
    ["1,00", "a misplaced thousands separator"],
    ["1,0000", "a misplaced thousands separator"],
    ["", "nothing"],
    ["200 元 整", "words after the amount"],
    ["1e3", "an exponent"],
  ])("%s is rejected (%s)", (cell) => expect(parseFen(cell)).toBeNull());
});

const ID_A = "500222196903039374";
const ID_B = "500222197810100134";
const HEADER = ["身份证号", "月份", "金额"];

function ledger(rows: string[][], months = ["2021-06"]) {
  const policy = loadPolicy("qijiang-2020");
  const h = mapHeader("paid.csv", HEADER, policy.vocabulary.columns.ledger, LEDGER_REQUIRED);
  const people = [
    person({ id: ID_A, unit: "东溪社区", role: "committee", grade: "senior" }),
    person({ id: ID_B, unit: "东溪社区", role: "committee", grade: "intermediate" }),
  ];
  const l = new LedgerReader("paid.csv", h.columns, HEADER.length, PersonIndex.of(people), new Set(months));
  rows.forEach((cells, i) => {
    l.add(cells, i + 2);
  });
  return { l, people, policy };
}

const codes = (l: LedgerReader) => l.rejected.map((r) => `${r.row} ${r.field} ${r.code}`);

describe("ledger rows", () => {
  it("an id typed with spaces, dashes, full-width digits or masked is the roster's person", () => {
    const { l } = ledger([
      ["500222 196903039374", "2021-06", "100"],
      ["５００２２２１９６９０３０３９３７４", "2021-06", "50元"],
      ["500222********0134", "2021-06", "100.00"],
    ]);
    expect(codes(l)).toEqual([]);
    expect(l.paid.get(ID_A)?.get("2021-06")).toBe(15000);
    expect(l.paid.get(ID_B)?.get("2021-06")).toBe(10000);
    expect(l.held.size).toBe(0);
  });

  it.each([
    ["a negative amount", [ID_A, "2021-06", "-200"], "3 amount negative_amount"],
    ["an amount in words", [ID_A, "2021-06", "二百"], "3 amount bad_amount"],
    ["an impossible month", [ID_A, "2021-13", "200"], "3 month bad_month"],
    ["an empty amount", [ID_A, "2021-06", ""], "3 amount missing"],
  ])("%s is rejected and holds that person's payment", (_what, cells, code) => {
    const { l } = ledger([[ID_B, "2021-06", "100"], cells]);
    expect(codes(l)).toEqual([code]);
    expect([...l.held]).toEqual([ID_A]);
    expect(l.count).toEqual({ file: "paid.csv", rows: 2, accepted: 1, rejected: 1 });
  });

  it("a row of the wrong width still names its person, who is held", () => {
    const { l } = ledger([[ID_A, "2021-06"]]);
    expect(codes(l)).toEqual(["2 (row) cell_count"]);
    expect([...l.held]).toEqual([ID_A]);
  });

  it("a row for a month outside the range is ignored, whoever it names", () => {
    const { l } = ledger([["G9999", "2020-01", "200"]]);
    expect(codes(l)).toEqual([]);
    expect(l.outside).toBe(1);
  });
});

describe("the payroll against a ledger: no person-month is owed more than its due", () => {
  const month = parseMonth("2021-06")!;
  const units = new Map([["东溪社区", unit({ name: "东溪社区", type: "urban_community", swOffice: true })]]);

  it("a held person is listed as not paid (ledger_rejected), neither owed nor overpaid", () => {
    const { l, people, policy } = ledger([
      [ID_A, "2021-06", "-200"],
      [ID_B, "2021-06", "300"],
    ]);
    const r = payroll(policy.allowance!, people, units, [month], l.paid, { notPaid: true, held: l.held });
    expect(r.payees).toEqual([]);
    expect(r.notPaid.map((n) => [n.id, n.reason])).toEqual([[ID_A, "ledger_rejected"]]);
    expect(r.overpaid.map((o) => [o.id, o.fen])).toEqual([[ID_B, 20000]]);
    expect(r.totalFen).toBe(0);
  });
});
