/** Exact amounts of training in integers: day and hour hundredths combined only as ticks. */

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
