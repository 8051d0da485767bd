/**
 * The clean roster row, read on the short path. Most rows of a roster are typed as they should
 * be: an 18-digit resident ID with its check digit, a grade and a role from the vocabulary,
 * ISO dates, nothing to trim. Such a row is read here straight from its cells, each coded cell
 * remembered by its text, with no RowReader and no rejection built. Anything else about a row
 * (a cell to trim, a control character, a staff number, an unknown word, a date to reject, a
 * row of the wrong width) makes `read` return null, and the checked path (roster.ts) reads the
 * row as it reads every row, so each message and row number is that path's own. The person
 * built here is the one the checked path would build, field for field: a differential test
 * (tests/property/clean-row.property.test.ts) holds the two paths to the same output.
 */
import { type Day, dayOf, excelDay, parseDay } from "../dates.js";
import { visible } from "../text.js";
import type { Degree, Grade, Role, Tier } from "../policy/schema.js";
import { RowReader } from "./cells.js";
import { residentIdBirth } from "./ids.js";
import type { SharedStrings } from "./person-table.js";
import type { Person, Unit, UnitAttributes } from "./types.js";
import { UNIT_FIELDS, readUnitAttributes } from "./unit-attributes.js";
import { type Normalisers, parsePostLevel, remembered } from "./vocab.js";

/** A cell the short path does not read: the row goes the checked way. */
export const NOT_CLEAN: unique symbol = Symbol("not clean");
export type Read<T> = T | typeof NOT_CLEAN;

/** Whitespace String.prototype.trim removes, beyond the control characters (below U+0020). */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Whether a cell reads as it is: nothing to trim and no character `visible` would write out
 * (C0 and C1 controls, DEL, the line and paragraph separators), so its text is the cell itself.
 */
export function isPlain(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(n - 1))) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return false;
  }
  return true;
}

/**
 * The digit at i, or a number so far below zero that a sum of digits with it in it stays
 * below zero, whatever the other digits (2, 9, 9 and a letter must not make a year 1990).
 */
function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1e9;
}

const YEAR_MARK = 0x5e74; // 年
const MONTH_MARK = 0x6708; // 月
const DAY_MARK = 0x65e5; // 日

function isSeparator(c: number): boolean {
  return c === 45 || c === 47 || c === 46; // - / .
}

/**
 * An optional date cell, read as parseDay reads it. The forms rosters hold most (2021-06-01,
 * 2021/6/1, 2021.6.1, 2021年6月1日, an Excel serial such as 44348) are read from their
 * character codes; any other plain cell goes to parseDay.
 */
export function dateCell(s: string): Read<Day | null> {
  if (s === "") return null;
  const n = s.length;
  if (n >= 8 && n <= 11) {
    // four digits, a separator or 年, one or two digits, the same kind of mark (月), one or two, 日 or nothing
    const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
    const c4 = s.charCodeAt(4);
    const chinese = c4 === YEAR_MARK;
    if (year >= 0 && (chinese || isSeparator(c4))) {
      let i = 5;
      let month = digit(s, i++);
      if (i < n && digit(s, i) >= 0) month = month * 10 + digit(s, i++);
      const mark = s.charCodeAt(i++);
      let day = digit(s, i++);
      if (i < n && digit(s, i) >= 0) day = day * 10 + digit(s, i++);
      if (chinese && i < n && s.charCodeAt(i) === DAY_MARK) i++;
      if (month >= 0 && day >= 0 && i === n && (chinese ? mark === MONTH_MARK : isSeparator(mark))) return dayOf(year, month, day) ?? NOT_CLEAN;
    }
  } else if (n === 5 || n === 6) {
    let serial = 0;
    for (let i = 0; i < n; i++) serial = serial * 10 + digit(s, i);
    if (serial >= 0) return excelDay(serial) ?? NOT_CLEAN;
  }
  return isPlain(s) ? (parseDay(s) ?? NOT_CLEAN) : NOT_CLEAN;
}

/** A text cell as the checked path reads it (RowReader.text): trimmed, control characters made visible. */
export function textCell(s: string): string {
  return isPlain(s) ? s : visible(s.trim());
}

/** A coded cell as the checked path reads it (trimmed, made visible), remembered by the cell as typed. */
function coded<T>(read: (text: string) => Read<T>): (cell: string) => Read<T> {
  return remembered((cell) => read(visible(cell.trim())));
}

/** An optional coded cell: empty is null, an unknown word is not clean (RowReader.coded). */
export function optional<T>(parse: (text: string) => T | null): (cell: string) => Read<T | null> {
  return coded((text) => (text === "" ? null : (parse(text) ?? NOT_CLEAN)));
}

/** A reader of a cell of a column the roster may lack: where it does, every row reads "", answered once. */
function orAbsent<T>(column: number, read: (cell: string) => T): (cell: string) => T {
  if (column >= 0) return read;
  const value = read("");
  return () => value;
}

/** How many units' names and attribute cells are remembered (a national roster has about 50,000 units). */
const UNITS_REMEMBERED = 1 << 20;

/** The fields a roster row is read for, each with its column, or -1 where the roster has none. */
const FIELDS = [
  "id",
  "name",
  "unit",
  "grade",
  "role",
  "cert_date",
  "sw_degree",
  "full_time",
  "start_date",
  "end_date",
  "birth_date",
  "post_tier",
  "post_level",
] as const;

export interface CleanRowOptions {
  readonly columns: ReadonlyMap<string, number>;
  readonly width: number;
  readonly norm: Normalisers;
  readonly latestCertDate: Day;
  readonly knownUnits: ReadonlyMap<string, Unit> | null;
  /** the attributes of a row of a roster with no unit columns */
  readonly noAttributes: UnitAttributes;
  /** the roster's one string, and its number, for each unit name and role text (its PersonTable), found once per cell */
  readonly strings: SharedStrings;
}

/** A clean row: its person, unit attributes, and the numbers of its unit and role text in `strings`. */
export interface CleanRow {
  readonly person: Person;
  readonly attrs: UnitAttributes;
  readonly unitNumber: number;
  readonly roleTextNumber: number;
}

export class CleanRows {
  private readonly at: Record<(typeof FIELDS)[number], number>;
  /** the columns of the unit attributes, and whether there is any */
  private readonly attrColumns: number[];
  private readonly grade: (cell: string) => Read<Grade>;
  private readonly role: (cell: string) => { role: Role; text: string; number: number };
  private readonly degree: (cell: string) => Read<Degree>;
  private readonly fullTime: (cell: string) => Read<boolean | null>;
  private readonly tier: (cell: string) => Read<Tier | null>;
  private readonly level: (cell: string) => Read<number | null>;
  private readonly unit: (cell: string) => Read<{ name: string; known: boolean; number: number }>;
  /** unit attribute cells (with the unit's) -> what they read as, for rosters that have them */
  private readonly attrsSeen = new Map<string, Read<UnitAttributes>>();

  constructor(private readonly o: CleanRowOptions) {
    const { norm } = o;
    this.at = Object.fromEntries(FIELDS.map((f) => [f, o.columns.get(f) ?? -1])) as CleanRows["at"];
    this.attrColumns = UNIT_FIELDS.map((f) => o.columns.get(f)).filter((i) => i !== undefined);
    const { at } = this;
    this.grade = coded((text) => norm.grade(text) ?? NOT_CLEAN);
    this.role = orAbsent(
      at.role,
      remembered((cell) => {
        const text = visible(cell.trim());
        const number = o.strings.roleTextNumber(text);
        return { role: norm.role(text).role, text: o.strings.roleTexts[number]!, number };
      }),
    );
    this.degree = orAbsent(
      at.sw_degree,
      coded((text) => (text === "" ? "none" : (norm.degree(text) ?? NOT_CLEAN))),
    );
    this.fullTime = orAbsent(at.full_time, optional(norm.yesNo));
    this.tier = orAbsent(at.post_tier, optional(norm.tier));
    this.level = orAbsent(at.post_level, optional(parsePostLevel));
    // remembered for every unit: memory grows with units anyway
    this.unit = remembered((cell) => {
      const text = visible(cell.trim());
      if (text === "") return NOT_CLEAN;
      const number = o.strings.unitNumber(text);
      return { name: o.strings.unitNames[number]!, known: o.knownUnits?.has(text) ?? false, number };
    }, UNITS_REMEMBERED);
  }

  /** A row's unit attributes, read once per different set of cells; frozen, as rows share them. */
  private attributes(unitCell: string, cells: readonly string[]): Read<UnitAttributes> {
    let key = `${unitCell.length}:${unitCell}`;
    for (const i of this.attrColumns) key += `${cells[i]!.length}:${cells[i]}`;
    let a = this.attrsSeen.get(key);
    if (a === undefined) {
      const r = new RowReader("", this.o.columns, cells, 0, this.o.width);
      const read = readUnitAttributes(r, this.o.norm);
      a = r.problems.length > 0 ? NOT_CLEAN : Object.freeze(read);
      if (this.attrsSeen.size < UNITS_REMEMBERED) this.attrsSeen.set(key, a);
    }
    return a;
  }

  /** A clean row's person and unit attributes, or null: the checked path reads the row. */
  read(cells: readonly string[], row: number): CleanRow | null {
    if (cells.length !== this.o.width) return null;
    const { at } = this;
    const cell = (i: number): string => (i < 0 ? "" : cells[i]!);
    const id = cell(at.id);
    const idBirth = residentIdBirth(id);
    if (idBirth === null) return null;
    const name = cell(at.name);
    if (name === "" || !isPlain(name)) return null;
    const unitCell = cell(at.unit);
    const unit = this.unit(unitCell);
    if (unit === NOT_CLEAN) return null;
    const grade = this.grade(cell(at.grade));
    if (grade === NOT_CLEAN) return null;
    let attrs = this.o.noAttributes;
    if (this.attrColumns.length > 0) {
      const read = this.attributes(unitCell, cells);
      if (read === NOT_CLEAN) return null;
      attrs = read;
    }
    // a unit the units file does not know needs its type on the row
    if (!unit.known && attrs.unit_type === undefined) return null;
    const certDate = dateCell(cell(at.cert_date));
    if (certDate === NOT_CLEAN || (certDate !== null && certDate > this.o.latestCertDate)) return null;
    const degree = this.degree(cell(at.sw_degree));
    const fullTime = this.fullTime(cell(at.full_time));
    const start = dateCell(cell(at.start_date));
    const end = dateCell(cell(at.end_date));
    const birth = dateCell(cell(at.birth_date));
    const tier = this.tier(cell(at.post_tier));
    const level = this.level(cell(at.post_level));
    if (degree === NOT_CLEAN || fullTime === NOT_CLEAN || start === NOT_CLEAN || end === NOT_CLEAN || birth === NOT_CLEAN) return null;
    if (tier === NOT_CLEAN || level === NOT_CLEAN) return null;
    if (start !== null && end !== null && end < start) return null;
    const role = this.role(cell(at.role));
    const person: Person = {
      id,
      name,
      unit: unit.name,
      row,
      role: role.role,
      roleText: role.text,
      grade,
      certDate,
      degree,
      fullTime,
      start,
      end,
      birth: birth ?? idBirth,
      tier,
      level,
    };
    return { person, attrs, unitNumber: unit.number, roleTextNumber: role.number };
  }
}
