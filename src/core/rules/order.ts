/** The order every list is given in (SPEC.md: town, unit, id, month), so outputs diff cleanly. */

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Towns in order, then the units at district or city level (no town: 区（市）直属) after them (SPEC.md "Units"). */
export function compareTown(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

/** What compareIdsOf reads of the people it orders, by number: each id as its two numbers (ids.ts idHigh, idLow) and as text. */
export interface IdsByNumber {
  idHighAt(i: number): number;
  idLowAt(i: number): number;
  idAt(i: number): string;
}

/**
 * People by number in the order of their ids as text (compareText). Two resident IDs are
 * compared by their two numbers, without making their text: equal-length digit strings with
 * the check X last (as 10), so the numbers' order is the text's.
 */
export function compareIdsOf(ids: IdsByNumber): (i: number, j: number) => number {
  return (i, j) => {
    const hi = ids.idHighAt(i);
    const hj = ids.idHighAt(j);
    if (hi >= 0 && hj >= 0) return hi - hj || ids.idLowAt(i) - ids.idLowAt(j);
    return compareText(ids.idAt(i), ids.idAt(j));
  };
}
