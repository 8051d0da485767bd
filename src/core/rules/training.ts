/**
 * Training (继续教育), e.g. QJ-TRAINING, 綦江民发〔2020〕60号 二（二）: each person's training
 * days inside their window against the days their grade requires, with a status and a
 * deadline, and per-unit compliance rates.
 *
 * Pure: people, a policy and an as-of date in; records are folded one at a time into
 * per-person tallies (memory grows with people, not records); verdicts out.
 * Arithmetic is exact in integers: day hundredths and hour hundredths are kept apart and
 * only combined in "ticks" (see `Ticks`), never summed as floats.
 */
import { type Day, addYears, partsOf } from "../dates.js";
import type { Grade, TrainingPolicy } from "../policy/schema.js";
import type { TrainingRecord } from "../records/training.js";
import type { Person, Unit } from "../records/types.js";
import { groupBy } from "./group.js";
import { compareText, compareTown } from "./order.js";
import { inServiceOn } from "./predicates.js";

export type WindowKind = TrainingPolicy["window"];
export const WINDOW_KINDS: readonly WindowKind[] = ["rolling", "certificate"];

export type TrainingStatus = "compliant" | "noncompliant" | "in_progress" | "not_applicable";

/** The days whose training counts, both included. */
export interface Window {
  readonly start: Day;
  readonly end: Day;
}

/** The `years` ending on the as-of date: from as-of minus `years` (exclusive) to as-of (inclusive). */
export function rollingWindow(asOf: Day, years: number): Window {
  // addYears takes a 29 February as-of back to 28 February
  return { start: addYears(asOf, -years) + 1, end: asOf };
}

/**
 * Consecutive cycles of `years` starting on the certificate date; the cycle that contains
 * the as-of date is judged, counting its days up to the as-of date. On a cycle's last day,
 * cert + k × years, that cycle is complete and is the one judged (POLICY.md §2 "Status": on
 * cert_date + 3 years itself the window is complete), not the cycle that starts that day.
 */
export function certificateCycle(cert: Day, asOf: Day, years: number): Window {
  let k = Math.max(0, Math.floor((partsOf(asOf).year - partsOf(cert).year) / years));
  while (k > 0 && addYears(cert, k * years) >= asOf) k--;
  return { start: addYears(cert, k * years), end: asOf };
}

/**
 * A person's window. Under `certificate`, a person with no certificate date (which counts
 * as an old certificate, POLICY.md §1) has no cycles to place: their rolling window is used.
 */
export function trainingWindow(p: Person, kind: WindowKind, asOf: Day, years: number): Window {
  return kind === "certificate" && p.certDate !== null ? certificateCycle(p.certDate, asOf, years) : rollingWindow(asOf, years);
}

/** The day on which the first window after the certificate is complete; null for an old (or undated) certificate. */
export function windowCompleteOn(p: Person, years: number): Day | null {
  return p.certDate === null ? null : addYears(p.certDate, years);
}

/**
 * Exact amounts of training. One day is 100 × `perDay` ticks, where `perDay` is the
 * policy's hours_per_day in hundredths (6 -> 600): a day hundredth is `perDay` ticks and
 * an hour hundredth is 100 ticks, so days, hours and whole days add up exactly.
 */
export class Ticks {
  readonly perDay: number;
  constructor(hoursPerDay: number) {
    this.perDay = Math.round(hoursPerDay * 100);
  }
  of(days100: number, hours100: number, wholeDays: number): number {
    return days100 * this.perDay + hours100 * 100 + wholeDays * 100 * this.perDay;
  }
  /** whole days of a requirement (given in days, possibly fractional) */
  required(days: number): number {
    return Math.round(days * 100) * this.perDay;
  }
  /** ticks as day hundredths, rounded down (training done is never overstated) */
  floor100(ticks: number): number {
    return (ticks - (ticks % this.perDay)) / this.perDay;
  }
  /** ticks as day hundredths, rounded up (a shortfall is never understated) */
  ceil100(ticks: number): number {
    const rest = ticks % this.perDay;
    return (ticks - rest) / this.perDay + (rest === 0 ? 0 : 1);
  }
}

/** What became of one accepted record; every accepted record gets exactly one. */
export type FoldOutcome =
  /** inside the window, counted in full (a span may still add no new calendar day) */
  | "counted"
  /** crossing a window edge: only its days inside were counted */
  | "clipped"
  /** an exact repeat of an earlier record of the person: not counted again */
  | "repeat"
  /** entirely outside the person's window */
  | "outside_window"
  /** the person is not in service on the as-of date, so is not reported */
  | "not_in_service";

export const FOLD_OUTCOMES: readonly FoldOutcome[] = ["counted", "clipped", "repeat", "outside_window", "not_in_service"];

export interface Repeat {
  readonly id: string;
  readonly row: number;
  /** the row of the record it repeats */
  readonly first: number;
}

export interface PersonVerdict {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly town: string | null;
  readonly grade: Grade;
  readonly window: Window;
  /** hundredths of a day; null when the grade has no requirement */
  readonly required100: number | null;
  /** hundredths of a day, rounded down */
  readonly days100: number;
  /** hundredths of a day, rounded up; 0 when compliant, null when not applicable */
  readonly shortfall100: number | null;
  readonly status: TrainingStatus;
  /** certificate date + years while that first window is still running; null once complete */
  readonly deadline: Day | null;
  /** the window is complete, so the person is judged for the unit's rate */
  readonly judged: boolean;
}

export interface UnitRate {
  readonly unit: string;
  readonly town: string | null;
  /** people with a requirement whose window is complete */
  readonly judged: number;
  /** of those, the compliant */
  readonly compliant: number;
}

export interface TrainingResult {
  readonly people: PersonVerdict[];
  readonly units: UnitRate[];
  /** with a warning horizon: people still short whose deadline falls within it */
  readonly dueSoon: PersonVerdict[] | null;
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
 * Adds the days [s, e] to sorted disjoint intervals, merging what overlaps or touches, so
 * a calendar day covered twice is counted once.
 */
export function addInterval(spans: number[], s: Day, e: Day): void {
  // first interval ending on or after the day before s
  let lo = 0;
  let hi = spans.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[2 * mid + 1]! < s - 1) lo = mid + 1;
    else hi = mid;
  }
  const i = 2 * lo;
  let j = i;
  let start = s;
  let end = e;
  while (j < spans.length && spans[j]! <= e + 1) {
    start = Math.min(start, spans[j]!);
    end = Math.max(end, spans[j + 1]!);
    j += 2;
  }
  spans.splice(i, j - i, start, end);
}

export function intervalDays(spans: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < spans.length; i += 2) n += spans[i + 1]! - spans[i]! + 1;
  return n;
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
 * The roster's people numbered by id: one map that both says whether a training record's
 * id is known and finds the person's running totals.
 */
export class PersonIndex {
  private readonly byId = new Map<string, number>();

  constructor(readonly people: readonly Person[]) {
    for (let i = 0; i < people.length; i++) this.byId.set(people[i]!.id, i);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** the person's number, or -1 */
  indexOf(id: string): number {
    return this.byId.get(id) ?? -1;
  }
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

/**
 * Folds training records into per-person tallies and gives the verdicts. Construct it with
 * the roster's people, `add` every accepted record (in any order), then `finish`.
 *
 * The running totals are typed arrays indexed by the person's number (a few bytes a
 * person, no object per person); only people with span-only records get a list of spans.
 */
export class TrainingTally {
  readonly index: PersonIndex;
  private readonly seen = new SeenRecords();
  private readonly ticks: Ticks;
  private readonly rolling: Window;
  /** 1 for a person in service on the as-of date (the only ones reported) */
  private readonly inService: Uint8Array;
  /** under the certificate window, each person's window start; null under rolling (one window for all) */
  private readonly starts: Int32Array | null;
  private readonly days100: Float64Array;
  private readonly hours100: Float64Array;
  /**
   * Calendar days covered by span-only records, clipped to the window, as disjoint,
   * non-touching intervals in order: [start, end, start, end, ...]; by person number.
   */
  private readonly spans = new Map<number, number[]>();
  readonly repeats: Repeat[] = [];
  readonly outcomes: Record<FoldOutcome, number> = { counted: 0, clipped: 0, repeat: 0, outside_window: 0, not_in_service: 0 };

  constructor(
    people: readonly Person[] | PersonIndex,
    private readonly policy: TrainingPolicy,
    private readonly asOf: Day,
    readonly kind: WindowKind = policy.window,
  ) {
    this.index = people instanceof PersonIndex ? people : new PersonIndex(people);
    const all = this.index.people;
    this.ticks = new Ticks(policy.hours_per_day);
    // everyone's rolling window is the same: one object for all
    this.rolling = rollingWindow(asOf, policy.years);
    this.inService = new Uint8Array(all.length);
    this.days100 = new Float64Array(all.length);
    this.hours100 = new Float64Array(all.length);
    this.starts = kind === "rolling" ? null : new Int32Array(all.length);
    for (let i = 0; i < all.length; i++) {
      const p = all[i]!;
      if (!inServiceOn(p, asOf)) continue;
      this.inService[i] = 1;
      if (this.starts) this.starts[i] = trainingWindow(p, kind, asOf, policy.years).start;
    }
  }

  /** Whether a record's id is one of the roster's people (in service or not). */
  has(id: string): boolean {
    return this.index.has(id);
  }

  private windowOf(i: number): Window {
    return this.starts === null ? this.rolling : { start: this.starts[i]!, end: this.asOf };
  }

  /** People in service whose window had to fall back to rolling (certificate window, no certificate date). */
  get undated(): number {
    if (this.kind !== "certificate") return 0;
    const all = this.index.people;
    let n = 0;
    for (let i = 0; i < all.length; i++) {
      const p = all[i]!;
      if (this.inService[i] === 1 && p.certDate === null && this.requirement(p.grade) !== null) n++;
    }
    return n;
  }

  add(r: TrainingRecord): FoldOutcome {
    const outcome = this.fold(r);
    this.outcomes[outcome]++;
    return outcome;
  }

  private fold(r: TrainingRecord): FoldOutcome {
    const i = this.index.indexOf(r.id);
    if (i === -1 || this.inService[i] === 0) return "not_in_service";
    const start = this.starts === null ? this.rolling.start : this.starts[i]!;
    const end = this.asOf;
    if (r.end < start || r.start > end) return "outside_window";
    const first = this.seen.firstOrAdd(i, recordHash(r), r.row);
    if (first !== -1) {
      this.repeats.push({ id: r.id, row: r.row, first });
      return "repeat";
    }
    const from = Math.max(r.start, start);
    const to = Math.min(r.end, end);
    const clipped = from !== r.start || to !== r.end;
    const inside = to - from + 1;
    if (r.days100 !== null) {
      // a record crossing a window edge counts at most its calendar days inside
      this.days100[i] += clipped ? Math.min(r.days100, inside * 100) : r.days100;
    } else if (r.hours100 !== null) {
      if (!clipped || this.ticks.of(0, r.hours100, 0) <= this.ticks.of(0, 0, inside)) this.hours100[i] += r.hours100;
      else this.days100[i] += inside * 100;
    } else {
      let spans = this.spans.get(i);
      if (!spans) this.spans.set(i, (spans = []));
      addInterval(spans, from, to);
    }
    return clipped ? "clipped" : "counted";
  }

  private requirement(grade: Grade): number | null {
    const days = grade === "none" ? undefined : this.policy.days[grade];
    return days === undefined ? null : days;
  }

  /** The numbers of the people in service on the as-of date, in roster order. */
  private *serving(): Generator<number> {
    for (let i = 0; i < this.inService.length; i++) if (this.inService[i] === 1) yield i;
  }

  /** The verdicts, sorted by town, unit and id; `warnDays` adds the due-soon list. */
  finish(units: ReadonlyMap<string, Unit>, warnDays: number | null = null): TrainingResult {
    const all = this.index.people;
    const townOf = (unit: string) => units.get(unit)?.town ?? null;
    // by town, unit and id: the units sorted once, each unit's people among themselves
    const byUnit = groupBy(this.serving(), (i) => all[i]!.unit, Array.from(units.values(), (u) => u.name));
    const unitRates: UnitRate[] = [...byUnit.keys()]
      .map((unit) => ({ unit, town: townOf(unit), judged: 0, compliant: 0 }))
      .sort((a, b) => compareTown(a.town, b.town) || compareText(a.unit, b.unit));
    const people: PersonVerdict[] = [];
    const byId = (a: number, b: number) => compareText(all[a]!.id, all[b]!.id);
    for (const rate of unitRates as { unit: string; town: string | null; judged: number; compliant: number }[]) {
      for (const i of byUnit.get(rate.unit)!.sort(byId)) {
        const v = this.verdict(i, rate.town);
        people.push(v);
        if (v.judged) {
          rate.judged++;
          if (v.status === "compliant") rate.compliant++;
        }
      }
    }

    const dueSoon =
      warnDays === null
        ? null
        : people.filter((v) => v.status === "in_progress" && v.deadline !== null && v.deadline - this.asOf <= warnDays);
    return { people, units: unitRates, dueSoon };
  }

  private verdict(i: number, town: string | null): PersonVerdict {
    const p = this.index.people[i]!;
    const spans = this.spans.get(i);
    const ticks = this.ticks.of(this.days100[i]!, this.hours100[i]!, spans === undefined ? 0 : intervalDays(spans));
    const days100 = this.ticks.floor100(ticks);
    const required = this.requirement(p.grade);
    const window = this.windowOf(i);
    // one object literal of one shape for every person: a million of them stay compact
    if (required === null) {
      return { id: p.id, name: p.name, unit: p.unit, town, grade: p.grade, window, required100: null, days100, shortfall100: null, status: "not_applicable", deadline: null, judged: false };
    }
    const requiredTicks = this.ticks.required(required);
    const completeOn = windowCompleteOn(p, this.policy.years);
    // on cert_date + years itself the window is complete (POLICY.md §2 "Status")
    const complete = completeOn === null || this.asOf >= completeOn;
    const met = ticks >= requiredTicks;
    return {
      id: p.id,
      name: p.name,
      unit: p.unit,
      town,
      grade: p.grade,
      window,
      required100: requiredTicks / this.ticks.perDay,
      days100,
      shortfall100: met ? 0 : this.ticks.ceil100(requiredTicks - ticks),
      status: met ? "compliant" : complete ? "noncompliant" : "in_progress",
      deadline: complete ? null : completeOn,
      judged: complete,
    };
  }
}

/** Folds every record and gives the verdicts: the whole rule in one call, for tests and small inputs. */
export function training(
  policy: TrainingPolicy,
  people: readonly Person[],
  units: ReadonlyMap<string, Unit>,
  records: Iterable<TrainingRecord>,
  asOf: Day,
  options: { window?: WindowKind; warnDays?: number | null } = {},
): TrainingResult & { repeats: Repeat[]; outcomes: Record<FoldOutcome, number> } {
  const tally = new TrainingTally(people, policy, asOf, options.window ?? policy.window);
  for (const r of records) tally.add(r);
  return { ...tally.finish(units, options.warnDays ?? null), repeats: tally.repeats, outcomes: tally.outcomes };
}
