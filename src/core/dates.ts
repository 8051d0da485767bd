/**
 * Calendar days as integers (days since 1970-01-01, UTC), so that date arithmetic is exact
 * and comparisons are plain numbers. Months are "YYYY-MM" strings at the edges and
 * {year, month} inside.
 */
export type Day = number;

export interface Month {
  readonly year: number;
  readonly month: number; // 1..12
}

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 is 1899-12-30 (its serial 60 is the non-existent 1900-02-29). */
const EXCEL_EPOCH: Day = Date.UTC(1899, 11, 30) / MS_PER_DAY;
/**
 * Serial numbers read as dates: 1927-05-18 .. 2199-12-31. A bare number of four digits or
 * fewer in a date column is a year (2021) or a typo, never a date a roster holds, so it is
 * rejected rather than read as a day in 1905.
 */
const EXCEL_MIN = 10_000;
const EXCEL_MAX = 109_574;

export function dayOf(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Days in a month (1..12) of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

export function partsOf(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * YYYY-MM-DD, computed from the day number (H. Hinnant's civil_from_days, in integers), as
 * toISOString writes it: a report writes millions of dates, and a Date each costs more than
 * the arithmetic. Years outside 1000..9999 (no roster has them) go through Date.
 */
export function formatDay(day: Day): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (year < 1000 || year > 9999) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  return `${year}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/**
 * The same calendar date `years` later (or earlier); 29 February falls back to 28 February
 * in a year without it.
 */
export function addYears(day: Day, years: number): Day {
  const p = partsOf(day);
  const y = p.year + years;
  return Date.UTC(y, p.month - 1, Math.min(p.day, daysInMonth(y, p.month))) / MS_PER_DAY;
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^(\d{1,6})(?:\.\d+)?$/;

/**
 * One parser for every date form a roster may hold: 2021-06-01, 2021/6/1, 2021.6.1,
 * 2021年6月1日, 20210601, and Excel serial day numbers (44348). Returns null when the
 * text is not a real calendar date.
 */
export function parseDay(text: string): Day | null {
  const s = text.trim();
  let m = ISO.exec(s) ?? CHINESE.exec(s) ?? COMPACT.exec(s);
  if (m) return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = SERIAL.exec(s);
  return m ? excelDay(Number(m[1])) : null;
}

/** The day of an Excel serial day number (its whole part), or null outside the serials read as dates. */
export function excelDay(serial: number): Day | null {
  return serial < EXCEL_MIN || serial > EXCEL_MAX ? null : EXCEL_EPOCH + serial;
}

const MONTH_ISO = /^(\d{4})[-/.](\d{1,2})$/;
const MONTH_CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月$/;
const MONTH_COMPACT = /^(\d{4})(\d{2})$/;

/** 2021-06, 2021/6, 2021年6月, 202106; `last` and `current` are relative to `today`. */
export function parseMonth(text: string, today?: Day): Month | null {
  const s = text.trim().toLowerCase();
  if (today !== undefined && (s === "current" || s === "last")) {
    const p = partsOf(today);
    const here = { year: p.year, month: p.month };
    return s === "current" ? here : addMonths(here, -1);
  }
  const m = MONTH_ISO.exec(s) ?? MONTH_CHINESE.exec(s) ?? MONTH_COMPACT.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < 1900 || year > 2199 || month < 1 || month > 12) return null;
  return { year, month };
}

export function addMonths(m: Month, n: number): Month {
  const index = m.year * 12 + (m.month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function monthIndex(m: Month): number {
  return m.year * 12 + (m.month - 1);
}

export function formatMonth(m: Month): string {
  return `${m.year}-${String(m.month).padStart(2, "0")}`;
}

export function firstDayOf(m: Month): Day {
  return Date.UTC(m.year, m.month - 1, 1) / MS_PER_DAY;
}

/** Every month from `from` to `to`, both included. */
export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) {
    out.push({ year: Math.floor(i / 12), month: (i % 12) + 1 });
  }
  return out;
}

/** Whole years of age on `on` for someone born on `birth`. */
export function ageOn(birth: Day, on: Day): number {
  const b = partsOf(birth);
  const o = partsOf(on);
  let age = o.year - b.year;
  if (o.month < b.month || (o.month === b.month && o.day < b.day)) age -= 1;
  return age;
}

/** Today's date in Asia/Shanghai (UTC+8, no daylight saving), from an instant in ms. */
export function shanghaiToday(nowMs: number): Day {
  return Math.floor((nowMs + 8 * 3_600_000) / MS_PER_DAY);
}
