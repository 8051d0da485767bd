/**
 * Knowing an exact repeat of a training record (same person, dates, days/hours and course),
 * so it is counted once and the row it repeats is named: a hash of a record, and a compact
 * table of the (person, hash) pairs seen, people numbered by PersonIndex (records/person-index.ts).
 */
import type { PersonIndex } from "../../records/person-index.js";
import type { TrainingRecord } from "../../records/training.js";

export { PersonIndex } from "../../records/person-index.js";

export interface Repeat {
  readonly id: string;
  readonly row: number;
  /** the row of the record it repeats */
  readonly first: number;
}

/**
 * The in-window records seen so far, to know an exact repeat: (person, record hash) -> the
 * row first seen, in an open-addressing table of three typed arrays. A record costs 16
 * bytes here and nothing else is kept of it: no object per record, no map per person.
 */
export class SeenRecords {
  private people = new Int32Array(1024); // person index + 1; 0 is an empty slot
  private hashes = new Float64Array(1024);
  private rows = new Int32Array(1024);
  private size = 0;

  get count(): number {
    return this.size;
  }

  /** The row this record was first seen on; or, the first time, -1 (and it is remembered). */
  firstOrAdd(person: number, hash: number, row: number): number {
    if ((this.size + 1) * 2 > this.people.length) this.grow();
    const mask = this.people.length - 1;
    const key = person + 1;
    let i = slotOf(key, hash) & mask;
    for (;;) {
      const k = this.people[i]!;
      if (k === 0) {
        this.people[i] = key;
        this.hashes[i] = hash;
        this.rows[i] = row;
        this.size++;
        return -1;
      }
      if (k === key && this.hashes[i] === hash) return this.rows[i]!;
      i = (i + 1) & mask;
    }
  }

  /** Forgets every record seen: the memory is given back (16 bytes a slot, two slots a record or more). */
  clear(): void {
    this.people = new Int32Array(1024);
    this.hashes = new Float64Array(1024);
    this.rows = new Int32Array(1024);
    this.size = 0;
  }

  private grow(): void {
    const { people, hashes, rows } = this;
    const capacity = people.length * 2;
    this.people = new Int32Array(capacity);
    this.hashes = new Float64Array(capacity);
    this.rows = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let j = 0; j < people.length; j++) {
      const key = people[j]!;
      if (key === 0) continue;
      let i = slotOf(key, hashes[j]!) & mask;
      while (this.people[i] !== 0) i = (i + 1) & mask;
      this.people[i] = key;
      this.hashes[i] = hashes[j]!;
      this.rows[i] = rows[j]!;
    }
  }
}

function slotOf(key: number, hash: number): number {
  const h = Math.imul((hash >>> 0) ^ Math.imul(key, 0x9e3779b1), 0x85ebca6b);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * A 53-bit hash of what makes two records "the same" (POLICY.md: same person, dates,
 * days/hours and course), from two independent 32-bit hashes (FNV-1a, and a
 * multiply-xorshift one). Kept per person instead of the records themselves; two different
 * records of one person share a hash with odds of about n² / 2⁵⁴ for n records.
 */
export function recordHash(r: TrainingRecord): number {
  const key = `${r.start}|${r.end}|${r.days100 ?? ""}|${r.hours100 ?? ""}|${r.course}`;
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 11) * 0x1_0000_0000 + (b >>> 0);
}

/**
 * Exact repeats among training records (same person, dates, days/hours and course), for
 * reading a file without judging it: the row each record repeats, or -1.
 */
export class RepeatFinder {
  private readonly seen = new SeenRecords();
  constructor(private readonly index: PersonIndex) {}

  firstRow(r: TrainingRecord): number {
    const i = this.index.indexOf(r.id);
    return i === -1 ? -1 : this.seen.firstOrAdd(i, recordHash(r), r.row);
  }
}
