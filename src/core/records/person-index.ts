/**
 * The roster's people numbered by id, for the files that name people by id (training
 * records, the ledger of what was paid).
 */
import type { Day } from "../dates.js";
import { idHigh, idLow } from "./ids.js";
import { IndexTable } from "./index-table.js";
import { PersonTable, idHashOf } from "./person-table.js";
import type { Person } from "./types.js";

/**
 * The roster's people numbered by id: one table that both says whether a training record's
 * id is known and finds the person's running totals (a hash table of positions: a Map keyed
 * by a million ids costs more than the lookups it serves). A person's number is their place
 * in `kept`; the people themselves stay in the roster's table, made as they are asked for.
 */
/** The hash of an id from its two numbers (idHigh, idLow; high -1 for an id of another shape) and its text. */
export type IdHash = (high: number, low: number, id: string) => number;

export class PersonIndex {
  private readonly byId: IndexTable<string>;
  /** the id being looked up, as two numbers */
  private wantHigh = -1;
  private wantLow = 0;

  /** `hash`: how ids are hashed (tests make every id collide, so that the comparison is what finds them) */
  constructor(
    private readonly table: PersonTable,
    private readonly kept: Int32Array,
    private readonly hash: IdHash = idHashOf,
  ) {
    // each person's id as two numbers (ids.ts idHigh, idLow), by number: a lookup compares
    // these, read side by side, not the id in the table at the person's place
    const high = Int32Array.from(kept, (i) => table.idHighAt(i));
    const low = Int32Array.from(kept, (i) => table.idLowAt(i));
    this.byId = new IndexTable(
      (at, id) => (this.wantHigh >= 0 ? high[at] === this.wantHigh && low[at] === this.wantLow : high[at] === -1 && table.idAt(kept[at]!) === id),
      kept.length,
    );
    const first = new IndexTable<number>((at, i) => table.sameId(kept[at]!, kept[i]!), kept.length);
    for (let i = 0; i < kept.length; i++) {
      const hash = this.hash(high[i]!, low[i]!, high[i] === -1 ? table.idAt(kept[i]!) : "");
      // the first person of an id is the one found (a roster keeps one person per id)
      if (first.find(hash, i) < 0) {
        first.add(hash, i);
        this.byId.add(hash, i);
      }
    }
  }

  /** An index of a list of people, numbered in its order. */
  static of(people: readonly Person[], hash?: IdHash): PersonIndex {
    const table = new PersonTable(people.length);
    return new PersonIndex(
      table,
      Int32Array.from(people, (p) => table.add(p)),
      hash,
    );
  }

  /** How many people are numbered. */
  get size(): number {
    return this.kept.length;
  }

  /** Person number i, made from the table. */
  person(i: number): Person {
    return this.table.get(this.kept[i]!);
  }

  idAt(i: number): string {
    return this.table.idAt(this.kept[i]!);
  }

  unitNameAt(i: number): string {
    return this.table.unitNameAt(this.kept[i]!);
  }

  /** The number of person i's unit in unitNames. */
  unitAt(i: number): number {
    return this.table.unitAt(this.kept[i]!);
  }

  /** Every unit name, by its number (unitAt). */
  get unitNames(): readonly string[] {
    return this.table.unitNames;
  }

  /** idHigh of person i's id: -1 for an id that is not an 18-character resident ID. */
  idHighAt(i: number): number {
    return this.table.idHighAt(this.kept[i]!);
  }

  /** idLow of person i's id, where idHighAt is not -1. */
  idLowAt(i: number): number {
    return this.table.idLowAt(this.kept[i]!);
  }

  inServiceOn(i: number, day: Day): boolean {
    return this.table.inServiceOn(this.kept[i]!, day);
  }

  /** the id looked up last and what it gave: a record's id is asked for twice, by the reader and by the tally */
  private lastId: string | null = null;
  private lastIndex = -1;

  has(id: string): boolean {
    return this.indexOf(id) !== -1;
  }

  /** the person's number, or -1 */
  indexOf(id: string): number {
    if (id !== this.lastId) {
      const high = idHigh(id);
      this.wantHigh = high;
      this.wantLow = high >= 0 ? idLow(id) : 0;
      this.lastIndex = this.byId.find(this.hash(high, this.wantLow, id), id);
      this.lastId = id;
    }
    return this.lastIndex;
  }
}
