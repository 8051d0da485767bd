/**
 * Resident identity numbers (居民身份证号码, GB 11643): the check digit (ISO 7064 MOD 11-2),
 * the birth date inside, and the mask every output applies.
 */
import { type Day, dayOf } from "../dates.js";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

export const RESIDENT_ID_18 = /^\d{17}[\dX]$/;
export const RESIDENT_ID_15 = /^\d{15}$/;

export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function isResidentId(id: string): boolean {
  return isResidentId18(id) || RESIDENT_ID_15.test(id);
}

/** Whether `s` is 17 ASCII digits and a digit or X, as RESIDENT_ID_18 tests, read from character codes. */
export function isResidentId18(s: string): boolean {
  if (s.length !== 18) return false;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const last = s.charCodeAt(17);
  return (last >= 48 && last <= 57) || last === 88;
}

/** The number the ASCII digits of `s` from `from` up to `to` write. */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

/**
 * An 18-character resident ID as two numbers, so that ids can be compared without reading
 * their strings: the first 9 digits, and the next 8 with the check character (X as 10).
 * `idHigh` is -1 for any other id, whose `idLow` is then not used.
 */
export function idHigh(s: string): number {
  return isResidentId18(s) ? digitsAt(s, 0, 9) : -1;
}

export function idLow(s: string): number {
  const last = s.charCodeAt(17);
  return digitsAt(s, 9, 17) * 11 + (last === 88 ? 10 : last - 48);
}

/** The birth date inside a resident ID (18-digit, or 15-digit old style 19YYMMDD); null if none. */
export function birthDateOf(id: string): Day | null {
  if (isResidentId18(id)) return dayOf(digitsAt(id, 6, 10), digitsAt(id, 10, 12), digitsAt(id, 12, 14));
  if (RESIDENT_ID_15.test(id)) return dayOf(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
  return null;
}

/**
 * The birth date inside a cell that is an 18-character resident ID exactly as it should be
 * typed: nothing around it, the check digit right, the birth date a real day. null for any
 * other cell, which `readId` then reads.
 */
export function residentIdBirth(cell: string): Day | null {
  if (!isResidentId18(cell) || cell[17] !== checkDigit(cell)) return null;
  return birthDateOf(cell);
}

/**
 * What an id cell holds besides the id itself, removed before ids are compared in any file
 * (SPEC.md "Bad input"): whitespace of any width, dashes, invisible and control characters.
 */
const ID_NOISE = /[\s\u00AD\u180E\u200B-\u200F\u2028-\u202F\u205F-\u206F\uFEFF\u0000-\u001F\u007F-\u009F\-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * The one normalisation of a person id, in every file (roster, training, ledger, --explain):
 * noise removed, full-width forms made half-width, a resident ID's final x made X.
 */
export function normaliseId(cell: string): string {
  const half = cell.normalize("NFKC").replace(ID_NOISE, "");
  return /^\d{17}x$/.test(half) ? half.toUpperCase() : half;
}

/** A run of digits as long as a resident ID inside an id that is not one (500222196903039374号). */
const ID_WITH_EXTRA = /\d{17}[\dXx]|\d{15}/;

export type IdReading =
  | { readonly id: string }
  | { readonly problem: "id_stored_as_number" | "bad_check_digit" | "bad_id_birth" | "id_extra_chars"; readonly expected?: string };

/**
 * Reads a person id cell: a resident ID (15 or 18 digits after normalisation) must carry a
 * valid check digit and birth date; a resident ID with something else around it is not taken
 * for a staff number (工号). An ID stored as a number (SPEC.md "IDs stored as numbers") has
 * lost its last digits in the file itself, as Excel keeps 15: it shows as 5.00222E+17, or as
 * 18 digits ending in 000 whose check digit is then wrong. It is never guessed.
 */
export function readId(cell: string): IdReading {
  // most cells are a resident ID as it should be typed, which normalising leaves as it is
  if (isResidentId18(cell)) return readResidentId18(cell);
  const id = normaliseId(cell);
  if (/^\d+(\.\d+)?[eE]\+?\d+$/.test(id)) return { problem: "id_stored_as_number" };
  if (isResidentId18(id)) return readResidentId18(id);
  if (RESIDENT_ID_15.test(id)) return birthDateOf(id) === null ? { problem: "bad_id_birth" } : { id };
  if (ID_WITH_EXTRA.test(id) && !id.includes("*")) return { problem: "id_extra_chars" };
  return { id };
}

/** An 18-character resident ID's check digit and birth date. */
function readResidentId18(id: string): IdReading {
  const expected = checkDigit(id);
  if (id[17] !== expected) return id.endsWith("000") ? { problem: "id_stored_as_number" } : { problem: "bad_check_digit", expected };
  if (birthDateOf(id) === null) return { problem: "bad_id_birth" };
  return { id };
}

/** First 6 and last 4 characters with `*` between, for resident IDs; other ids as they are. */
export function maskId(id: string): string {
  if (isResidentId(id)) return id.slice(0, 6) + "*".repeat(id.length - 10) + id.slice(-4);
  // a resident ID as typed in a rejected cell: a lower-case x, full-width digits, spaces
  const half = normaliseId(id).toUpperCase();
  return half !== id && isResidentId(half) ? maskId(half) : id;
}

/** Whether `masked` (as `maskId` writes it) could be `id`. */
export function maskMatches(masked: string, id: string): boolean {
  return masked.length === id.length && maskId(id) === masked;
}

/** An ID-shaped run in any text: 18 characters (the last may be X) or 15 digits, half- or full-width. */
const ID_RUN = /(?<![\dXx０-９Ｘｘ])[\d０-９]{17}[\dXx０-９Ｘｘ](?![\dXx０-９Ｘｘ])|(?<![\d０-９])[\d０-９]{15}(?![\d０-９])/g;

/**
 * Whether a text has 15 digits in a row (half- or full-width), which every ID-shaped run
 * does: the many texts with none (a report's pieces) skip the slower ID regex.
 */
const FIFTEEN_DIGITS = /[0-9０-９]{15}/;

export function hasFifteenDigits(text: string): boolean {
  // most values written are shorter than that: a name, a unit, a month, an amount
  return text.length >= 15 && FIFTEEN_DIGITS.test(text);
}

/** Every ID-shaped run in a text masked (SPEC.md Privacy): messages, unit names, role texts. */
export function maskText(text: string): string {
  if (!hasFifteenDigits(text)) return text;
  ID_RUN.lastIndex = 0;
  return ID_RUN.test(text) ? text.replace(ID_RUN, (m) => maskId(m)) : text;
}

/**
 * A cell as a rejection shows it: a resident ID typed with spaces, dashes or invisible
 * characters in it, in whatever column, is masked in its normalised form, so no spelling of
 * an ID slips past the mask.
 */
export function maskCell(value: string): string {
  const masked = maskText(value);
  if (masked !== value) return masked;
  const n = normaliseId(value);
  return n !== value && maskText(n) !== n ? maskText(n) : value;
}
