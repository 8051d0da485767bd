/**
 * A presentation whose forms are built on first use and kept: a CSV run never builds the
 * sections of a table, and a form read twice is built once.
 */
import type { Presentation } from "./format.js";

export function lazyPresentation(make: { json: () => unknown; sections: () => Presentation["sections"]; csv: () => Presentation["csv"] }): Presentation {
  const made: Partial<Record<keyof Presentation, unknown>> = {};
  const get = <K extends keyof Presentation>(k: K): Presentation[K] => {
    if (!(k in made)) made[k] = make[k]();
    return made[k] as Presentation[K];
  };
  return {
    get json() {
      return get("json");
    },
    get sections() {
      return get("sections");
    },
    get csv() {
      return get("csv");
    },
  };
}
