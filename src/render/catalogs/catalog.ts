/** A command's words in both languages, side by side. */
import type { Lang } from "../messages.js";

/**
 * The English words give the shape; the Chinese must have every key and no other (declare
 * `const zh: typeof en`), so a key missing in one language is a type error, not a blank cell.
 */
export type Catalog<W> = Readonly<Record<Lang, W>>;

/** "a, b or c": the items joined, the last one by `last`. */
export function joinList(items: readonly string[], sep: string, last: string): string {
  return items.length > 1 ? `${items.slice(0, -1).join(sep)}${last}${items.at(-1)}` : (items[0] ?? "");
}
