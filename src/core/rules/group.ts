/** Items gathered under a key (a unit, a town), for rules and the reports made of their verdicts. */

/**
 * The items under each key, each list in the items' order; keys in the order they first
 * appear, after those of `seed`, which start with an empty list (a unit with nobody in it).
 */
export function groupBy<K, T>(items: Iterable<T>, keyOf: (item: T) => K, seed: Iterable<K> = []): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const key of seed) groups.set(key, []);
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** People, or their verdicts, by the unit they work in. */
export function groupByUnit<T extends { readonly unit: string }>(items: Iterable<T>): Map<string, T[]> {
  return groupBy(items, (item) => item.unit);
}

/**
 * The items `keep` keeps (all, when not given), grouped by a number from 0 up to `groups`
 * (a unit's number) in one counting sort: group g is order[starts[g]] up to
 * order[starts[g + 1]], its items in the order given.
 */
export function groupByNumber(
  items: Iterable<number>,
  groups: number,
  groupOf: (item: number) => number,
  keep?: (item: number) => boolean,
): { starts: Int32Array; order: Int32Array } {
  const starts = new Int32Array(groups + 1);
  let count = 0;
  for (const item of items) {
    if (keep && !keep(item)) continue;
    starts[groupOf(item) + 1]!++;
    count++;
  }
  for (let g = 0; g < groups; g++) starts[g + 1]! += starts[g]!;
  const order = new Int32Array(count);
  const next = starts.slice(0, groups);
  for (const item of items) if (!keep || keep(item)) order[next[groupOf(item)]!++] = item;
  return { starts, order };
}
