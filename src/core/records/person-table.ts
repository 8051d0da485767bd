/**
 * The people of a roster kept in columns: typed arrays of numbers and codes, one string per
 * unit and per role text, the names in one array of UTF-16 code units. A million Person
 * objects each holding its own id and name strings cost the garbage collector more than
 * reading the file did; here a person costs about sixty bytes and no object at all.
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

export class PersonTable {
  private count = 0;
  private capacity: number;
  /**
   * An 18-character resident ID as two numbers (ids.ts idHigh and idLow): its first nine
   * digits, and the other eight with the check character. Any other id has -1 in idHi and
   * its text in otherIds.
   */
  private idHi: Int32Array;
  private idLo: Int32Array;
  private readonly otherIds = new Map<number, string>();
  /** the names, one after another; person i's is chars[nameAt[i], nameAt[i + 1]) */
  private chars = new Uint16Array(1 << 16);
  private nameAt: Int32Array;
  private unitOf: Int32Array;
  private rowOf: Int32Array;
  private roleOf: Uint8Array;
  private roleTextOf: Int32Array;
  private gradeOf: Uint8Array;
  private certDateOf: Int32Array;
  private degreeOf: Uint8Array;
  /** 1 yes, 0 no, -1 not said */
  private fullTimeOf: Int8Array;
  private startOf: Int32Array;
  private endOf: Int32Array;
  private birthOf: Int32Array;
  /** -1 for none */
  private tierOf: Int8Array;
  private levelOf: Int32Array;
  private readonly units = new Strings();
  private readonly roleTextStrings = new Strings();

  constructor(capacity = 1024) {
    this.capacity = Math.max(16, capacity);
    const n = this.capacity;
    this.idHi = new Int32Array(n);
    this.idLo = new Int32Array(n);
    this.nameAt = new Int32Array(n + 1);
    this.unitOf = new Int32Array(n);
    this.rowOf = new Int32Array(n);
    this.roleOf = new Uint8Array(n);
    this.roleTextOf = new Int32Array(n);
    this.gradeOf = new Uint8Array(n);
    this.certDateOf = new Int32Array(n);
    this.degreeOf = new Uint8Array(n);
    this.fullTimeOf = new Int8Array(n);
    this.startOf = new Int32Array(n);
    this.endOf = new Int32Array(n);
    this.birthOf = new Int32Array(n);
    this.tierOf = new Int8Array(n);
    this.levelOf = new Int32Array(n);
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
    const hi = idHigh(p.id);
    this.idHi[i] = hi;
    if (hi === -1) {
      this.idLo[i] = 0;
      this.otherIds.set(i, p.id);
    } else this.idLo[i] = idLow(p.id);
    const name = p.name;
    let at = this.nameAt[i]!;
    if (at + name.length > this.chars.length) this.growChars(at + name.length);
    const chars = this.chars;
    for (let k = 0; k < name.length; k++) chars[at++] = name.charCodeAt(k);
    this.nameAt[i + 1] = at;
    this.unitOf[i] = unitNumber === -1 ? this.units.numberOf(p.unit) : unitNumber;
    this.rowOf[i] = p.row;
    this.roleOf[i] = ROLE_CODE.get(p.role)!;
    this.roleTextOf[i] = roleTextNumber === -1 ? this.roleTextStrings.numberOf(p.roleText) : roleTextNumber;
    this.gradeOf[i] = GRADE_CODE.get(p.grade)!;
    this.certDateOf[i] = orNone(p.certDate);
    this.degreeOf[i] = DEGREE_CODE.get(p.degree)!;
    this.fullTimeOf[i] = p.fullTime === null ? -1 : p.fullTime ? 1 : 0;
    this.startOf[i] = orNone(p.start);
    this.endOf[i] = orNone(p.end);
    this.birthOf[i] = orNone(p.birth);
    this.tierOf[i] = p.tier === null ? -1 : TIER_CODE.get(p.tier)!;
    this.levelOf[i] = orNone(p.level);
    this.count++;
    return i;
  }

  /** Takes back the person added last. */
  pop(): void {
    const i = --this.count;
    if (this.idHi[i] === -1) this.otherIds.delete(i);
  }

  /** The person at place i, as it was added. */
  get(i: number): Person {
    const fullTime = this.fullTimeOf[i]!;
    const tier = this.tierOf[i]!;
    return {
      id: this.idAt(i),
      name: this.nameOf(i),
      unit: this.units.list[this.unitOf[i]!]!,
      row: this.rowOf[i]!,
      role: ROLES[this.roleOf[i]!]! as Role,
      roleText: this.roleTextStrings.list[this.roleTextOf[i]!]!,
      grade: GRADES[this.gradeOf[i]!]! as Grade,
      certDate: orNull(this.certDateOf[i]!) as Day | null,
      degree: DEGREES[this.degreeOf[i]!]! as Degree,
      fullTime: fullTime === -1 ? null : fullTime === 1,
      start: orNull(this.startOf[i]!),
      end: orNull(this.endOf[i]!),
      birth: orNull(this.birthOf[i]!),
      tier: tier === -1 ? null : (TIERS[tier]! as Tier),
      level: orNull(this.levelOf[i]!),
    };
  }

  idAt(i: number): string {
    const hi = this.idHi[i]!;
    if (hi === -1) return this.otherIds.get(i)!;
    const lo = this.idLo[i]!;
    const check = lo % 11;
    writeDigits(hi, 0, 9);
    writeDigits((lo - check) / 11, 9, 17);
    ID_CODES[17] = check === 10 ? 88 : 48 + check;
    return textOf(ID_CODES);
  }

  /** idHigh of person i's id: -1 for an id that is not an 18-character resident ID. */
  idHighAt(i: number): number {
    return this.idHi[i]!;
  }

  /** idLow of person i's id, where idHighAt is not -1. */
  idLowAt(i: number): number {
    return this.idLo[i]!;
  }

  /** The hash of person i's id: idHash of its text. */
  idHashAt(i: number): number {
    const hi = this.idHi[i]!;
    return hi === -1 ? hashText(this.otherIds.get(i)!) : idPairHash(hi, this.idLo[i]!);
  }

  /** Whether person i's id is `id`, given as idHigh(id) and idLow(id) too (any low when high is -1). */
  hasId(i: number, high: number, low: number, id: string): boolean {
    if (this.idHi[i] !== high) return false;
    return high === -1 ? this.otherIds.get(i) === id : this.idLo[i] === low;
  }

  /** Whether persons i and j have one id. */
  sameId(i: number, j: number): boolean {
    const hi = this.idHi[i]!;
    if (hi !== this.idHi[j]) return false;
    return hi === -1 ? this.otherIds.get(i) === this.otherIds.get(j) : this.idLo[i] === this.idLo[j];
  }

  nameOf(i: number): string {
    const from = this.nameAt[i]!;
    const to = this.nameAt[i + 1]!;
    // made from its code units as they are; a long one in pieces, each passed as arguments
    if (to - from <= 4096) return textOf(this.chars.subarray(from, to));
    const pieces: string[] = [];
    for (let k = from; k < to; k += 4096) pieces.push(textOf(this.chars.subarray(k, Math.min(to, k + 4096))));
    return pieces.join("");
  }

  /** The hash of person i's name, mixed with seed: hashText of the name. */
  nameHashAt(i: number, seed: number): number {
    const to = this.nameAt[i + 1]!;
    let h = (0x811c9dc5 ^ seed) | 0;
    for (let k = this.nameAt[i]!; k < to; k++) h = Math.imul(h ^ this.chars[k]!, 0x01000193);
    return h ^ (h >>> 15);
  }

  sameName(i: number, j: number): boolean {
    const a = this.nameAt[i]!;
    const b = this.nameAt[j]!;
    const n = this.nameAt[i + 1]! - a;
    if (n !== this.nameAt[j + 1]! - b) return false;
    for (let k = 0; k < n; k++) if (this.chars[a + k] !== this.chars[b + k]) return false;
    return true;
  }

  /** The number of person i's unit in unitNames. */
  unitAt(i: number): number {
    return this.unitOf[i]!;
  }

  unitNameAt(i: number): string {
    return this.units.list[this.unitOf[i]!]!;
  }

  rowAt(i: number): number {
    return this.rowOf[i]!;
  }

  roleTextAt(i: number): string {
    return this.roleTextStrings.list[this.roleTextOf[i]!]!;
  }

  /** The number of person i's role text in roleTexts. */
  roleTextNumberAt(i: number): number {
    return this.roleTextOf[i]!;
  }

  /** Whether person i is in service on day (predicates.ts inServiceOn). */
  inServiceOn(i: number, day: Day): boolean {
    const start = this.startOf[i]!;
    const end = this.endOf[i]!;
    return (start === NONE || start <= day) && (end === NONE || end >= day);
  }

  private grow(): void {
    const n = this.capacity * 2;
    const wider = <A extends Int32Array | Uint8Array | Int8Array>(a: A, size = n): A => {
      const b = new (a.constructor as new (size: number) => A)(size);
      b.set(a);
      return b;
    };
    this.idHi = wider(this.idHi);
    this.idLo = wider(this.idLo);
    this.nameAt = wider(this.nameAt, n + 1);
    this.unitOf = wider(this.unitOf);
    this.rowOf = wider(this.rowOf);
    this.roleOf = wider(this.roleOf);
    this.roleTextOf = wider(this.roleTextOf);
    this.gradeOf = wider(this.gradeOf);
    this.certDateOf = wider(this.certDateOf);
    this.degreeOf = wider(this.degreeOf);
    this.fullTimeOf = wider(this.fullTimeOf);
    this.startOf = wider(this.startOf);
    this.endOf = wider(this.endOf);
    this.birthOf = wider(this.birthOf);
    this.tierOf = wider(this.tierOf);
    this.levelOf = wider(this.levelOf);
    this.capacity = n;
  }

  private growChars(need: number): void {
    let n = this.chars.length * 2;
    while (n < need) n *= 2;
    const chars = new Uint16Array(n);
    chars.set(this.chars);
    this.chars = chars;
  }
}

/** The hash of a resident ID from its two numbers (idHigh, idLow). */
export function idPairHash(hi: number, lo: number): number {
  let h = Math.imul(hi ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ lo ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The hash of an id as PersonTable.idHashAt gives it for a person with this id. */
export function idHash(id: string): number {
  const hi = idHigh(id);
  return hi === -1 ? hashText(id) : idPairHash(hi, idLow(id));
}
