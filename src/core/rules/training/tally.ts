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
import type { Day } from "../../dates.js";
import type { Grade, TrainingPolicy } from "../../policy/schema.js";
import type { TrainingRecord } from "../../records/training.js";
import type { Person, Unit } from "../../records/types.js";
import { groupByNumber } from "../group.js";
import { compareIdsOf, compareText, compareTown } from "../order.js";
import { addInterval, intervalDays } from "./intervals.js";
import { PersonIndex } from "../../records/person-index.js";
import { type Repeat, SeenRecords, recordHash } from "./seen.js";
import { Ticks } from "./ticks.js";
import { type Window, type WindowKind, rollingWindow, trainingWindow, windowCompleteOn } from "./window.js";

export type TrainingStatus = "compliant" | "noncompliant" | "in_progress" | "not_applicable";

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
 * Folds training records into per-person tallies and gives the verdicts. Construct it with
 * the roster's people (a PersonIndex over the roster's table, or a list), `add` every
 * accepted record (in any order), then `finish` once: it gives back the records seen.
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
    const index = people instanceof PersonIndex ? people : PersonIndex.of(people);
    this.index = index;
    const n = index.size;
    this.ticks = new Ticks(policy.hours_per_day);
    // everyone's rolling window is the same: one object for all
    this.rolling = rollingWindow(asOf, policy.years);
    this.inService = new Uint8Array(n);
    this.days100 = new Float64Array(n);
    this.hours100 = new Float64Array(n);
    this.starts = kind === "rolling" ? null : new Int32Array(n);
    for (let i = 0; i < n; i++) {
      if (!index.inServiceOn(i, asOf)) continue;
      this.inService[i] = 1;
      if (this.starts) this.starts[i] = trainingWindow(index.person(i), kind, asOf, policy.years).start;
    }
  }

  /** Whether a record's id is one of the roster's people (in service or not). */
  has(id: string): boolean {
    return this.index.has(id);
  }

  /** each window start's window, made once: the verdicts of people whose windows start on one day share it */
  private readonly windows = new Map<number, Window>();

  private windowOf(i: number): Window {
    if (this.starts === null) return this.rolling;
    const start = this.starts[i]!;
    let w = this.windows.get(start);
    if (w === undefined) {
      w = { start, end: this.asOf };
      this.windows.set(start, w);
    }
    return w;
  }

  /** People in service whose window had to fall back to rolling (certificate window, no certificate date). */
  get undated(): number {
    if (this.kind !== "certificate") return 0;
    let n = 0;
    for (let i = 0; i < this.index.size; i++) {
      if (this.inService[i] !== 1) continue;
      const p = this.index.person(i);
      if (p.certDate === null && this.requirement(p.grade) !== null) n++;
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
      this.days100[i]! += clipped ? Math.min(r.days100, inside * 100) : r.days100;
    } else if (r.hours100 !== null) {
      if (!clipped || this.ticks.of(0, r.hours100, 0) <= this.ticks.of(0, 0, inside)) this.hours100[i]! += r.hours100;
      else this.days100[i]! += inside * 100;
    } else {
      let spans = this.spans.get(i);
      if (!spans) {
        spans = [];
        this.spans.set(i, spans);
      }
      addInterval(spans, from, to);
    }
    return clipped ? "clipped" : "counted";
  }

  private requirement(grade: Grade): number | null {
    const days = grade === "none" ? undefined : this.policy.days[grade];
    return days === undefined ? null : days;
  }

  /** The verdicts, sorted by town, unit and id; `warnDays` adds the due-soon list. */
  finish(units: ReadonlyMap<string, Unit>, warnDays: number | null = null): TrainingResult {
    // every record is folded: the records seen, a table the size of the records, are not needed
    // for the verdicts, and its memory goes back before a verdict is made for everyone
    this.seen.clear();
    const { index } = this;
    const townOf = (unit: string) => units.get(unit)?.town ?? null;
    // the people in service, a unit at a time: each unit's person numbers in roster order
    const everyone = Int32Array.from({ length: this.inService.length }, (_, i) => i);
    const { starts, order } = groupByNumber(
      everyone,
      index.unitNames.length,
      (i) => index.unitAt(i),
      (i) => this.inService[i] === 1,
    );
    const numberOf = new Map(index.unitNames.map((name, u) => [name, u]));
    // every unit of the units, with people in service or not, and every unit someone in service is in
    const names = new Set(units.keys());
    for (let u = 0; u < index.unitNames.length; u++) if (starts[u + 1]! > starts[u]!) names.add(index.unitNames[u]!);
    // by town, unit and id: the units sorted once, each unit's people among themselves
    const unitRates: UnitRate[] = Array.from(names, (unit) => ({ unit, town: townOf(unit), judged: 0, compliant: 0 })).sort(
      (a, b) => compareTown(a.town, b.town) || compareText(a.unit, b.unit),
    );
    const byId = compareIdsOf(index);
    const people: PersonVerdict[] = [];
    for (const rate of unitRates as { unit: string; town: string | null; judged: number; compliant: number }[]) {
      const u = numberOf.get(rate.unit);
      if (u === undefined) continue;
      for (const i of order.subarray(starts[u]!, starts[u + 1]!).sort(byId)) {
        const v = this.verdict(i, rate.town);
        people.push(v);
        if (v.judged) {
          rate.judged++;
          if (v.status === "compliant") rate.compliant++;
        }
      }
    }

    const dueSoon = warnDays === null ? null : people.filter((v) => v.status === "in_progress" && v.deadline !== null && v.deadline - this.asOf <= warnDays);
    return { people, units: unitRates, dueSoon };
  }

  private verdict(i: number, town: string | null): PersonVerdict {
    const p = this.index.person(i);
    const spans = this.spans.get(i);
    const ticks = this.ticks.of(this.days100[i]!, this.hours100[i]!, spans === undefined ? 0 : intervalDays(spans));
    const days100 = this.ticks.floor100(ticks);
    const required = this.requirement(p.grade);
    const window = this.windowOf(i);
    // one object literal of one shape for every person: a million of them stay compact
    if (required === null) {
      return {
        id: p.id,
        name: p.name,
        unit: p.unit,
        town,
        grade: p.grade,
        window,
        required100: null,
        days100,
        shortfall100: null,
        status: "not_applicable",
        deadline: null,
        judged: false,
      };
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
