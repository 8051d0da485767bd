/**
 * A presentation whose forms are built on first use and kept: a CSV run never builds the
 * sections of a table, and a form read twice is built once.
 */
import type { DocumentParts, Presentation } from "./model.js";

interface Makers {
  json: () => unknown;
  sections: () => Presentation["sections"];
  csv: () => Presentation["csv"];
  document?: () => DocumentParts;
}

export function lazyPresentation(make: Makers): Presentation {
  const made: Partial<Record<keyof Makers, unknown>> = {};
  const get = <K extends keyof Makers>(k: K): ReturnType<NonNullable<Makers[K]>> => {
    if (!(k in made)) made[k] = make[k]!();
    return made[k] as ReturnType<NonNullable<Makers[K]>>;
  };
  const p: Presentation = {
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
  if (!make.document) return p;
  return Object.defineProperty(p, "document", { get: () => get("document"), enumerable: true }) as Presentation;
}
