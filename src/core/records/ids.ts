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
  return RESIDENT_ID_18.test(id) || RESIDENT_ID_15.test(id);
}

/** The birth date inside a resident ID (18-digit, or 15-digit old style 19YYMMDD); null if none. */
export function birthDateOf(id: string): Day | null {
  if (RESIDENT_ID_18.test(id)) return dayOf(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)));
  if (RESIDENT_ID_15.test(id)) return dayOf(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
  return null;
}

/** First 6 and last 4 characters with `*` between, for resident IDs; other ids as they are. */
export function maskId(id: string): string {
  if (isResidentId(id)) return id.slice(0, 6) + "*".repeat(id.length - 10) + id.slice(-4);
  // a resident ID as typed in a rejected cell: a lower-case x, full-width digits, spaces
  const half = id.normalize("NFKC").trim().toUpperCase();
  return half !== id && isResidentId(half) ? maskId(half) : id;
}

/** Whether `masked` (as `maskId` writes it) could be `id`. */
export function maskMatches(masked: string, id: string): boolean {
  return masked.length === id.length && maskId(id) === masked;
}
