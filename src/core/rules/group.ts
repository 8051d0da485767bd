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
