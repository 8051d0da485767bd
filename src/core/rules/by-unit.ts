/**
 * People a unit at a time, for rules that judge or pay unit by unit (the audit, the payroll):
 * from a list, or from a roster's table, where each unit's Person objects are made only when
 * that unit is asked for, so a million of them are never held at once.
 */
import type { PersonTable } from "../records/person-table.js";
import type { Person } from "../records/types.js";
import { groupByNumber, groupByUnit } from "./group.js";

export interface PeopleByUnit {
  /** the units anyone is in, in the order their first person was read */
  readonly names: readonly string[];
  /** the people of the unit named, in the order read; each unit is asked for once */
  of(unit: string): Person[];
  /** the people of every unit not asked for yet, a unit at a time */
  rest(): Iterable<Person[]>;
}

/** PeopleByUnit from a list of people. */
export function byUnitOf(people: readonly Person[]): PeopleByUnit {
  const groups = groupByUnit(people);
  return {
    names: [...groups.keys()],
    of(unit) {
      const list = groups.get(unit) ?? [];
      groups.delete(unit);
      return list;
    },
    rest: () => groups.values(),
  };
}

/**
 * PeopleByUnit from the people at the places `kept` of a roster's table, those `keep` says
 * (all, when not given): the places sorted by unit once, in the order read.
 */
export function byUnitOfTable(table: PersonTable, kept: Int32Array, keep?: (i: number) => boolean): PeopleByUnit {
  const units = table.unitNames.length;
  const unitOf = (i: number) => table.unitAt(i);
  const { starts, order } = groupByNumber(kept, units, unitOf, keep);
  // the units in the order their first person kept was read
  const firstSeen: number[] = [];
  const seen = new Uint8Array(units);
  for (const i of kept) {
    if (keep && !keep(i)) continue;
    const u = unitOf(i);
    if (seen[u] === 0) {
      seen[u] = 1;
      firstSeen.push(u);
    }
  }
  const numberOf = new Map(table.unitNames.map((name, u) => [name, u]));
  const asked = new Uint8Array(units);
  const peopleOf = (u: number): Person[] => {
    asked[u] = 1;
    const list: Person[] = [];
    for (let k = starts[u]!; k < starts[u + 1]!; k++) list.push(table.get(order[k]!));
    return list;
  };
  return {
    names: firstSeen.map((u) => table.unitNames[u]!),
    of(unit) {
      const u = numberOf.get(unit);
      return u === undefined || asked[u] ? [] : peopleOf(u);
    },
    *rest() {
      for (let u = 0; u < units; u++) if (!asked[u] && starts[u + 1]! > starts[u]!) yield peopleOf(u);
    },
  };
}
