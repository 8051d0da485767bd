import { describe, expect, it } from "vitest";
import { formatDay } from "../../src/core/dates.js";
import { RowReader } from "../../src/core/records/cells.js";
import { checkDigit } from "../../src/core/records/ids.js";

const FIELDS = ["id", "name", "start_date", "posts"];
const COLUMNS = new Map(FIELDS.map((f, i) => [f, i]));
const GOOD_ID = `50022219800101001${checkDigit("50022219800101001")}`;

/** A reader over one row whose cells are given by field; the rest are empty. */
function reader(cells: Partial<Record<string, string>>, width = FIELDS.length): RowReader {
  return new RowReader(
    "roster.csv",
    COLUMNS,
    FIELDS.map((f) => cells[f] ?? ""),
    7,
    width,
  );
}

const codes = (r: RowReader) => r.problems.map((p) => `${p.field}:${p.code}`);

describe("id: a resident ID is checked, other ids (工号) are kept as they are", () => {
  it.each([
    [GOOD_ID, GOOD_ID],
    ["11010519491231002X", "11010519491231002X"],
    ["11010519491231002x", "11010519491231002X"], // lower-case x is the same ID
    [" 11010519491231002X ", "11010519491231002X"],
    ["110105491231002", "110105491231002"], // 15-digit old style
    ["G0012", "G0012"],
    ["00123", "00123"], // leading zeros kept
    ["１１０１０５１９４９１２３１００２ｘ", "11010519491231002X"], // full-width, typed with a Chinese input method
    ["Ｇ００１２", "G0012"],
  ])("%j -> %j", (cell, id) => {
    const r = reader({ id: cell });
    expect(r.id()).toBe(id);
    expect(r.problems).toEqual([]);
  });

  it.each([
    ["110105194912310023", "bad_check_digit"],
    [GOOD_ID.slice(0, 17) + (GOOD_ID[17] === "1" ? "2" : "1"), "bad_check_digit"],
    ["110105194912310029", "bad_check_digit"],
    [`50022219810229001${checkDigit("50022219810229001")}`, "bad_id_birth"], // 1981-02-29 does not exist
    ["500222811301001", "bad_id_birth"], // 15 digits, month 13
    ["1.10105E+17", "id_stored_as_number"], // Excel turned it into a number
    ["5.00222E17", "id_stored_as_number"],
    ["", "missing"],
    ["   ", "missing"],
  ])("%j is rejected: %s", (cell, code) => {
    const r = reader({ id: cell });
    expect(r.id()).toBeNull();
    expect(codes(r)).toEqual([`id:${code}`]);
  });

  it("a wrong check digit names the expected one", () => {
    const r = reader({ id: "110105194912310021" });
    r.id();
    expect(r.problems[0]!.params).toEqual({ expected: "X" });
    expect(r.problems[0]).toMatchObject({ file: "roster.csv", row: 7, value: "110105194912310021" });
  });
});

describe("dates and counts: empty is absent, anything else must parse", () => {
  it.each([
    ["2021/6/1", "2021-06-01"],
    ["44348", "2021-06-01"],
    ["2021年6月1日", "2021-06-01"],
  ])("date %j -> %s", (cell, day) => expect(formatDay(reader({ start_date: cell }).date("start_date")!)).toBe(day));

  it("an empty date is null without a problem", () => {
    const r = reader({});
    expect(r.date("start_date")).toBeNull();
    expect(r.problems).toEqual([]);
  });

  it.each(["2021-02-29", "明年", "2021/13/1", "0", "-3"])("date %j is rejected as bad_date", (cell) => {
    const r = reader({ start_date: cell });
    expect(r.date("start_date")).toBeNull();
    expect(codes(r)).toEqual(["start_date:bad_date"]);
  });

  it.each(["-1", "abc", "1.5", "三"])("count %j is rejected as bad_count", (cell) => {
    const r = reader({ posts: cell });
    expect(r.count("posts")).toBeNull();
    expect(codes(r)).toEqual(["posts:bad_count"]);
  });

  it.each(["99999999999999999999", "9007199254740992", "9007199254740993"])(
    "count %j is beyond 2^53 - 1, where it would be rounded: rejected as count_too_large",
    (cell) => {
      const r = reader({ posts: cell });
      expect(r.count("posts")).toBeNull();
      expect(r.problems).toMatchObject([{ field: "posts", value: cell, code: "count_too_large", params: { max: 9007199254740991 } }]);
    },
  );

  it("count 9007199254740991 (Number.MAX_SAFE_INTEGER) is read exactly", () => {
    const r = reader({ posts: "9007199254740991" });
    expect(r.count("posts")).toBe(9007199254740991);
    expect(r.problems).toEqual([]);
  });

  it("a column the file does not have reads as empty", () => {
    const r = reader({});
    expect(r.has("grade")).toBe(false);
    expect(r.text("grade")).toBe("");
  });
});

describe("cell count: the row must have as many cells as the header", () => {
  it("fewer cells than the header: rejected", () => {
    const r = new RowReader("roster.csv", COLUMNS, ["A1", "张三"], 3, 4);
    expect(r.problems).toMatchObject([{ field: "(row)", code: "cell_count", params: { cells: 2, expected: 4 }, row: 3 }]);
  });
  it("extra cells holding data: rejected (a delimiter inside a cell was not quoted)", () => {
    const r = new RowReader("roster.csv", COLUMNS, ["A1", "张三", "2021-01-01", "3", "多余"], 3, 4);
    expect(codes(r)).toEqual(["(row):cell_count"]);
  });
  it("extra cells that are empty (trailing delimiters Excel leaves): accepted", () => {
    const r = new RowReader("roster.csv", COLUMNS, ["A1", "张三", "2021-01-01", "3", "", " "], 3, 4);
    expect(r.problems).toEqual([]);
  });
});
