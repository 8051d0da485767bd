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
