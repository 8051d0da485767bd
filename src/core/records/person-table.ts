/**
 * The people of a roster kept in columns: typed arrays of numbers and codes, one string per
 * unit and per role text, the names in one array of UTF-16 code units. A million Person
 * objects each holding its own id and name strings cost the garbage collector more than
 * reading the file did; here a person costs about 55 bytes and no object at all.
 *
 * `add` takes a Person and `get` gives back one equal to it, field for field and in the
 * same order (a property test holds the two to each other), so code that wants objects
 * has them, one unit or one person at a time.
 */
import type { Day } from "../dates.js";
import { DEGREES, type Degree, GRADES, type Grade, ROLES, type Role, TIERS, type Tier } from "../policy/schema.js";
import { hashText } from "./index-table.js";
import { idHigh, idLow } from "./ids.js";
import type { Person } from "./types.js";

/** null in a column of days or post levels (no day or level comes near it) */
const NONE = -0x80000000;

const GRADE_CODE = new Map(GRADES.map((g, i) => [g, i]));
const ROLE_CODE = new Map(ROLES.map((r, i) => [r, i]));
const DEGREE_CODE = new Map(DEGREES.map((d, i) => [d, i]));
const TIER_CODE = new Map(TIERS.map((t, i) => [t, i]));

const orNone = (n: number | null): number => (n === null ? NONE : n);
const orNull = (n: number): number | null => (n === NONE ? null : n);

/** The character codes of an id being made (idAt): 18 of them, written over each time. */
const ID_CODES: number[] = new Array<number>(18).fill(48);

/** Writes the digits of `n` into ID_CODES[from, to), zero-padded. */
function writeDigits(n: number, from: number, to: number): void {
  for (let k = to - 1; k >= from; k--) {
    const d = n % 10;
    ID_CODES[k] = 48 + d;
    n = (n - d) / 10;
  }
}

/** Code units as a string, made at once (no concatenation, which would leave a tree of parts). */
function textOf(codes: ArrayLike<number>): string {
  return String.fromCharCode.apply(null, codes as number[]);
}

/** Strings each given a number, in the order first seen. */
class Strings {
  readonly list: string[] = [];
  private readonly numbers = new Map<string, number>();

  numberOf(s: string): number {
    let n = this.numbers.get(s);
    if (n === undefined) {
      n = this.list.length;
      this.numbers.set(s, n);
      this.list.push(s);
    }
    return n;
  }
}

/**
 * The columns of the table: a typed array of one kind each, person i at place i. An
 * 18-character resident ID is two numbers (ids.ts idHigh and idLow: its first nine digits,
 * and the other eight with the check character); any other id has -1 in idHi and its text in
 * otherIds. nameAt[i] is where person i's name starts in the table's characters (one more
 * place than people, for where the last ends). fullTimeOf: 1 yes, 0 no, -1 not said;
 * tierOf: -1 for none; days and levels: NONE for none.
 */
const COLUMNS = {
  idHi: Int32Array,
  idLo: Int32Array,
  nameAt: Int32Array,
  unitOf: Int32Array,
  rowOf: Int32Array,
  roleOf: Uint8Array,
  roleTextOf: Int32Array,
  gradeOf: Uint8Array,
  certDateOf: Int32Array,
  degreeOf: Uint8Array,
  fullTimeOf: Int8Array,
  startOf: Int32Array,
  endOf: Int32Array,
  birthOf: Int32Array,
  tierOf: Int8Array,
  levelOf: Int32Array,
} as const;

type Columns = { readonly [K in keyof typeof COLUMNS]: InstanceType<(typeof COLUMNS)[K]> };

/** Columns for `capacity` people, holding what `from` holds. */
function columns(capacity: number, from?: Columns): Columns {
  const made: Record<string, Int32Array | Uint8Array | Int8Array> = {};
  for (const [name, Kind] of Object.entries(COLUMNS)) {
    const column = new Kind(name === "nameAt" ? capacity + 1 : capacity);
    if (from) column.set(from[name as keyof Columns]);
    made[name] = column;
  }
  return made as unknown as Columns;
}

/** One string, and its number, for each unit name and role text: what PersonTable keeps of them. */
export interface SharedStrings {
  unitNumber(name: string): number;
  roleTextNumber(text: string): number;
  readonly unitNames: readonly string[];
  readonly roleTexts: readonly string[];
}

export class PersonTable implements SharedStrings {
  private count = 0;
  private capacity: number;
  /** the columns, grown together */
  private c: Columns;
  /** the text of each id that is not an 18-character resident ID, by place */
  private readonly otherIds = new Map<number, string>();
  /** the names, one after another; person i's is chars[nameAt[i], nameAt[i + 1]) */
  private chars = new Uint16Array(1 << 16);
  private readonly units = new Strings();
  private readonly roleTextStrings = new Strings();

  constructor(capacity = 1024) {
    this.capacity = Math.max(16, capacity);
    this.c = columns(this.capacity);
  }

  /** People in the table. */
  get size(): number {
    return this.count;
  }

  /** Every unit name a person has, numbered in the order first added. */
  get unitNames(): readonly string[] {
    return this.units.list;
  }

  /** Every role text, numbered likewise. */
  get roleTexts(): readonly string[] {
    return this.roleTextStrings.list;
  }

  /** The number of a unit name in unitNames, given it now if it has none. */
  unitNumber(name: string): number {
    return this.units.numberOf(name);
  }

  /** The number of a role text, given it now if it has none. */
  roleTextNumber(text: string): number {
    return this.roleTextStrings.numberOf(text);
  }

  /**
   * Adds a person; returns its place. `unitNumber` and `roleTextNumber`, when not -1, are
   * what unitNumber(p.unit) and roleTextNumber(p.roleText) gave: a row read on the short
   * path found them once per cell, not once per row.
   */
  add(p: Person, unitNumber = -1, roleTextNumber = -1): number {
    const i = this.count;
    if (i === this.capacity) this.grow();
    const c = this.c;
    const hi = idHigh(p.id);
    c.idHi[i] = hi;
    if (hi === -1) {
      c.idLo[i] = 0;
      this.otherIds.set(i, p.id);
    } else c.idLo[i] = idLow(p.id);
    const name = p.name;
    let at = c.nameAt[i]!;
    if (at + name.length > this.chars.length) this.growChars(at + name.length);
    const chars = this.chars;
    for (let k = 0; k < name.length; k++) chars[at++] = name.charCodeAt(k);
    c.nameAt[i + 1] = at;
    c.unitOf[i] = unitNumber === -1 ? this.units.numberOf(p.unit) : unitNumber;
    c.rowOf[i] = p.row;
    c.roleOf[i] = ROLE_CODE.get(p.role)!;
    c.roleTextOf[i] = roleTextNumber === -1 ? this.roleTextStrings.numberOf(p.roleText) : roleTextNumber;
    c.gradeOf[i] = GRADE_CODE.get(p.grade)!;
    c.certDateOf[i] = orNone(p.certDate);
    c.degreeOf[i] = DEGREE_CODE.get(p.degree)!;
    c.fullTimeOf[i] = p.fullTime === null ? -1 : p.fullTime ? 1 : 0;
    c.startOf[i] = orNone(p.start);
    c.endOf[i] = orNone(p.end);
    c.birthOf[i] = orNone(p.birth);
    c.tierOf[i] = p.tier === null ? -1 : TIER_CODE.get(p.tier)!;
    c.levelOf[i] = orNone(p.level);
    this.count++;
    return i;
  }

  /** Takes back the person added last. */
  pop(): void {
    const i = --this.count;
    if (this.c.idHi[i] === -1) this.otherIds.delete(i);
  }

  /** The person at place i, as it was added. */
  get(i: number): Person {
    const c = this.c;
    const fullTime = c.fullTimeOf[i]!;
    const tier = c.tierOf[i]!;
    return {
      id: this.idAt(i),
      name: this.nameOf(i),
      unit: this.units.list[c.unitOf[i]!]!,
      row: c.rowOf[i]!,
      role: ROLES[c.roleOf[i]!]! as Role,
      roleText: this.roleTextStrings.list[c.roleTextOf[i]!]!,
      grade: GRADES[c.gradeOf[i]!]! as Grade,
      certDate: orNull(c.certDateOf[i]!) as Day | null,
      degree: DEGREES[c.degreeOf[i]!]! as Degree,
      fullTime: fullTime === -1 ? null : fullTime === 1,
      start: orNull(c.startOf[i]!),
      end: orNull(c.endOf[i]!),
      birth: orNull(c.birthOf[i]!),
      tier: tier === -1 ? null : (TIERS[tier]! as Tier),
      level: orNull(c.levelOf[i]!),
    };
  }

  idAt(i: number): string {
    const hi = this.c.idHi[i]!;
    if (hi === -1) return this.otherIds.get(i)!;
    const lo = this.c.idLo[i]!;
    const check = lo % 11;
    writeDigits(hi, 0, 9);
    writeDigits((lo - check) / 11, 9, 17);
    ID_CODES[17] = check === 10 ? 88 : 48 + check;
    return textOf(ID_CODES);
  }

  /** idHigh of person i's id: -1 for an id that is not an 18-character resident ID. */
  idHighAt(i: number): number {
    return this.c.idHi[i]!;
  }

  /** idLow of person i's id, where idHighAt is not -1. */
  idLowAt(i: number): number {
    return this.c.idLo[i]!;
  }

  /** The hash of person i's id: idHash of its text. */
  idHashAt(i: number): number {
    const high = this.c.idHi[i]!;
    return idHashOf(high, this.c.idLo[i]!, high === -1 ? this.otherIds.get(i)! : "");
  }

  /** Whether persons i and j have one id. */
  sameId(i: number, j: number): boolean {
    const hi = this.c.idHi[i]!;
    if (hi !== this.c.idHi[j]) return false;
    return hi === -1 ? this.otherIds.get(i) === this.otherIds.get(j) : this.c.idLo[i] === this.c.idLo[j];
  }

  nameOf(i: number): string {
    const from = this.c.nameAt[i]!;
    const to = this.c.nameAt[i + 1]!;
    // made from its code units as they are; a long one in pieces, each passed as arguments
    if (to - from <= 4096) return textOf(this.chars.subarray(from, to));
    const pieces: string[] = [];
    for (let k = from; k < to; k += 4096) pieces.push(textOf(this.chars.subarray(k, Math.min(to, k + 4096))));
    return pieces.join("");
  }

  /** The hash of person i's name, mixed with seed: hashText of the name. */
  nameHashAt(i: number, seed: number): number {
    const to = this.c.nameAt[i + 1]!;
    let h = (0x811c9dc5 ^ seed) | 0;
    for (let k = this.c.nameAt[i]!; k < to; k++) h = Math.imul(h ^ this.chars[k]!, 0x01000193);
    return h ^ (h >>> 15);
  }

  sameName(i: number, j: number): boolean {
    const a = this.c.nameAt[i]!;
    const b = this.c.nameAt[j]!;
    const n = this.c.nameAt[i + 1]! - a;
    if (n !== this.c.nameAt[j + 1]! - b) return false;
    for (let k = 0; k < n; k++) if (this.chars[a + k] !== this.chars[b + k]) return false;
    return true;
  }

  /** The number of person i's unit in unitNames. */
  unitAt(i: number): number {
    return this.c.unitOf[i]!;
  }

  unitNameAt(i: number): string {
    return this.units.list[this.c.unitOf[i]!]!;
  }

  rowAt(i: number): number {
    return this.c.rowOf[i]!;
  }

  /** The number of person i's role text in roleTexts. */
  roleTextNumberAt(i: number): number {
    return this.c.roleTextOf[i]!;
  }

  /** Whether person i is in service on day (predicates.ts inServiceOn). */
  inServiceOn(i: number, day: Day): boolean {
    const start = this.c.startOf[i]!;
    const end = this.c.endOf[i]!;
    return (start === NONE || start <= day) && (end === NONE || end >= day);
  }

  private grow(): void {
    this.capacity *= 2;
    this.c = columns(this.capacity, this.c);
  }

  private growChars(need: number): void {
    let n = this.chars.length * 2;
    while (n < need) n *= 2;
    const chars = new Uint16Array(n);
    chars.set(this.chars);
    this.chars = chars;
  }
}

/**
 * The hash of an id given as its two numbers (idHigh, idLow) and its text: a resident ID's
 * from the numbers, any other id's (high -1) from the text. Every hash of an id is this one.
 */
export function idHashOf(high: number, low: number, id: string): number {
  if (high === -1) return hashText(id);
  let h = Math.imul(high ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ low ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The hash of an id as PersonTable.idHashAt gives it for a person with this id. */
export function idHash(id: string): number {
  const high = idHigh(id);
  return idHashOf(high, high === -1 ? 0 : idLow(id), id);
}
