/**
 * Roster rows -> people and the units they work in (SPEC.md "Inputs", "Bad input").
 * Rows are fed one at a time; `finish` applies the rules that need every row (duplicate ids,
 * in duplicates.ts; unit attributes gathered from several rows, read by unit-attributes.ts)
 * and returns records and rejections as data.
 */
import { type Day, formatDay } from "../dates.js";
import type { Policy } from "../policy/schema.js";
import { RowReader } from "./cells.js";
import { CleanRows } from "./clean-row.js";
import { DuplicateIds, samePerson } from "./duplicates.js";
import { birthDateOf } from "./ids.js";
import { IndexTable } from "./index-table.js";
import { PersonTable } from "./person-table.js";
import type { FileCount, Person, Rejection, Unit, UnitAttributes, Warning } from "./types.js";
import { UNIT_FIELDS, readUnitAttributes, sameAttributes, unitAttribute, unitFromAttributes } from "./unit-attributes.js";
import { type Normalisers, normalisers, parsePostLevel } from "./vocab.js";

export const ROSTER_REQUIRED = ["id", "name", "unit", "grade"] as const;

/**
 * The roster's required columns (SPEC.md "Inputs"): the unit type too when no units file gives
 * it. The town never is: a unit at district or city level has none.
 */
export function rosterColumnsRequired(unitsFile: boolean, more: readonly string[] = []): string[] {
  return [...ROSTER_REQUIRED, ...(unitsFile ? [] : ["unit_type"]), ...more];
}

export interface RosterResult {
  /**
   * The people kept, in the order first read, each made from the table when first asked
   * for. A command that can work from the table (the audit) reads `table` and `kept`
   * instead, and a million Person objects are never held at once.
   */
  readonly people: Person[];
  /** every person kept, at the places `kept` lists */
  readonly table: PersonTable;
  readonly kept: Int32Array;
  readonly units: Map<string, Unit>;
  readonly rejected: Rejection[];
  readonly warnings: Warning[];
  readonly count: FileCount;
}

/**
 * What a certificate dated after the latest day calls for: a later --as-of (audit, training),
 * or, where that day is today, a corrected date (allowance: the month is the reference; validate).
 */
export type FutureCertAdvice = "as_of" | "month" | "check_date";

export interface RosterOptions {
  readonly file: string;
  readonly policy: Policy;
  readonly columns: ReadonlyMap<string, number>;
  /** the number of header cells */
  readonly width: number;
  /** certificates dated after this day are rejected */
  readonly latestCertDate: Day;
  /** what that day is, so the rejection can say what to do (default: an --as-of date) */
  readonly futureCertAdvice?: FutureCertAdvice;
  /**
   * whose role texts the vocabulary does not know are warned about (POLICY.md §1 Roles): only
   * people whose role decides something, as the command judges it; absent, nobody's
   */
  readonly roleMatters?: (p: Person, unit: Unit) => boolean;
  /** units from a units file, which win over roster columns */
  readonly knownUnits: ReadonlyMap<string, Unit> | null;
  /**
   * read every row through the checked path, clean ones too (clean-row.ts): the reference
   * the short path is tested against; the output is the same either way
   */
  readonly checkedOnly?: boolean;
}

/** A row read into its person and the unit attributes it carries. */
interface ParsedRow {
  readonly person: Person;
  readonly attrs: UnitAttributes;
}

/** `bytes`, longer: at least `size`, twice as long at least. */
function growBytes(bytes: Uint8Array, size: number): Uint8Array {
  const longer = new Uint8Array(Math.max(size, bytes.length * 2));
  longer.set(bytes);
  return longer;
}

/** The attributes of every row of a roster with no unit columns: one object, never changed. */
const NO_ATTRS: UnitAttributes = Object.freeze({});

export class RosterBuilder {
  private readonly norm: Normalisers;
  /** whether the roster has any unit column: most have none, and their rows read no attributes */
  private readonly unitColumns: boolean;
  // Memory here grows with people, so a person costs one record and one map entry: the
  // unit attributes of a row are kept once per unit (firstAttrs), and only a row whose
  // attributes differ from its unit's first row keeps its own (ownAttrs).
  private readonly ids: DuplicateIds;
  private readonly table = new PersonTable();
  /** by the table's number of a unit: 1 once a person of the unit is kept (rosters with no unit columns) */
  private unitSeen: Uint8Array = new Uint8Array(1024);
  private readonly firstAttrs = new Map<string, UnitAttributes>();
  private readonly ownAttrs = new Map<string, UnitAttributes>();
  private readonly unitAttrs = new Map<string, UnitAttributes>();
  private readonly conflictsWarned = new Set<string>();
  private readonly rejected: Rejection[] = [];
  private readonly warnings: Warning[] = [];
  private readonly count: FileCount;
  /** the short path for clean rows; null when every row is read the checked way */
  private readonly clean: CleanRows | null;

  constructor(private readonly o: RosterOptions) {
    this.norm = normalisers(o.policy.vocabulary);
    this.clean = o.checkedOnly
      ? null
      : new CleanRows({
          columns: o.columns,
          width: o.width,
          norm: this.norm,
          latestCertDate: o.latestCertDate,
          knownUnits: o.knownUnits,
          noAttributes: NO_ATTRS,
          strings: this.table,
        });
    this.unitColumns = UNIT_FIELDS.some((f) => o.columns.has(f));
    this.count = { file: o.file, rows: 0, accepted: 0, rejected: 0 };
    this.ids = new DuplicateIds(o.file, this.warnings, this.table);
  }

  add(cells: readonly string[], row: number, unsaved?: readonly number[]): void {
    this.count.rows++;
    const clean = this.clean && (unsaved === undefined || unsaved.length === 0) ? this.clean.read(cells, row) : null;
    const parsed = clean ?? this.checked(cells, row, unsaved);
    if (parsed === null) return;
    const { person, attrs } = parsed;
    const i = clean ? this.table.add(person, clean.unitNumber, clean.roleTextNumber) : this.table.add(person);
    const outcome = this.ids.add(i, (first) => samePerson(this.table.get(first), person) && sameAttributes(this.attrsOf(first), attrs));
    if (outcome === "duplicate") this.ownAttrs.delete(person.id);
    if (outcome !== "kept") return;
    if (!this.unitColumns) {
      // every row reads no attributes: only a unit's first person has anything to record
      const u = this.table.unitAt(i);
      if (u >= this.unitSeen.length) this.unitSeen = growBytes(this.unitSeen, u + 1);
      if (this.unitSeen[u] === 1) return;
      this.unitSeen[u] = 1;
    }
    const unitFirst = this.firstAttrs.get(person.unit);
    if (!unitFirst) this.firstAttrs.set(person.unit, attrs);
    else if (!sameAttributes(unitFirst, attrs)) this.ownAttrs.set(person.id, attrs);
    this.mergeUnit(person.unit, attrs);
  }

  /** A row read cell by cell through RowReader: its person, or null with its rejections recorded. */
  private checked(cells: readonly string[], row: number, unsaved?: readonly number[]): ParsedRow | null {
    const r = new RowReader(this.o.file, this.o.columns, cells, row, this.o.width, unsaved);
    const parsed = r.problems.length > 0 ? null : this.parse(r);
    if (parsed !== null && r.problems.length === 0) return parsed;
    // the id of a row rejected for another cell still names a person: remembered, so that
    // another row of theirs is not kept as if it were the only one (SPEC.md "Bad input")
    const known = r.problems.length;
    const id = r.problems.some((p) => p.field === "id") ? null : r.id();
    // a row of the wrong width was not read further: its id is looked at, not judged again
    r.problems.length = known;
    if (id !== null) this.ids.rejectedRow(id, row);
    this.rejected.push(...r.problems);
    this.count.rejected++;
    return null;
  }

  /** The unit attributes of the row of the person at place i of the table. */
  private attrsOf(i: number): UnitAttributes {
    return this.ownAttrs.get(this.table.idAt(i)) ?? this.firstAttrs.get(this.table.unitNameAt(i))!;
  }

  private parse(r: RowReader): ParsedRow | null {
    const { norm } = this;
    const id = r.id();
    const name = r.required("name");
    const unit = r.required("unit");
    const gradeCell = r.text("grade");
    const grade = norm.grade(gradeCell) ?? r.reject("grade", gradeCell, "bad_grade");
    const attrs = this.unitColumns ? readUnitAttributes(r, norm) : NO_ATTRS;
    const known = unit === null ? undefined : this.o.knownUnits?.get(unit);
    if (!known) {
      if (attrs.unit_type === undefined && r.text("unit_type") === "") r.reject("unit_type", "", "missing_unit_attr");
    }
    const roleText = r.text("role");
    const role = norm.role(roleText);
    const certDate = r.date("cert_date");
    if (certDate !== null && certDate > this.o.latestCertDate) {
      r.reject("cert_date", r.text("cert_date"), "cert_in_future", {
        asOf: formatDay(this.o.latestCertDate),
        advice: this.o.futureCertAdvice ?? "as_of",
      });
    }
    const degree = r.coded("sw_degree", norm.degree, "bad_degree") ?? "none";
    const fullTime = r.coded("full_time", norm.yesNo, "bad_yes_no");
    const start = r.date("start_date");
    const end = r.date("end_date");
    if (start !== null && end !== null && end < start) r.reject("end_date", r.text("end_date"), "end_before_start", { start: r.text("start_date") });
    const birthCell = r.date("birth_date");
    const tier = r.coded("post_tier", norm.tier, "bad_tier");
    const level = r.coded("post_level", parsePostLevel, "bad_level");
    if (id === null || name === null || unit === null || grade === null) return null;
    const person: Person = {
      id,
      name,
      unit,
      row: r.row,
      role: role.role,
      roleText,
      grade,
      certDate,
      degree,
      fullTime,
      start,
      end,
      birth: birthCell ?? birthDateOf(id),
      tier,
      level,
    };
    return { person, attrs };
  }

  private mergeUnit(unit: string, attrs: UnitAttributes): void {
    const seen = this.unitAttrs.get(unit);
    if (!seen) {
      this.unitAttrs.set(unit, { ...attrs });
      return;
    }
    if (attrs === NO_ATTRS) return;
    for (const f of UNIT_FIELDS) {
      const v = attrs[f];
      if (v === undefined) continue;
      if (seen[f] === undefined) (seen as Record<string, unknown>)[f] = v;
      else if (seen[f] !== v) this.warnConflict("unit_attr_conflict_roster", unit, f, String(seen[f]), String(v));
    }
  }

  /**
   * One name in one unit under two ids is most often one person typed twice (a 工号 on one row,
   * a resident ID on the other): each would be paid. Warned, since namesakes exist.
   */
  private warnSameName(kept: Int32Array): void {
    // the first person of each unit and name found by hashing: a map keyed by every
    // person's name costs more than reading the roster
    const { table } = this;
    const firstOf = new IndexTable<number>((at, i) => table.unitAt(kept[at]!) === table.unitAt(i) && table.sameName(kept[at]!, i), kept.length);
    /** the first person of a unit and name (its place in kept) -> every id under it */
    const groups = new Map<number, string[]>();
    for (let k = 0; k < kept.length; k++) {
      const i = kept[k]!;
      const hash = table.nameHashAt(i, Math.imul(table.unitAt(i), 0x9e3779b1));
      const at = firstOf.find(hash, i);
      if (at < 0) firstOf.add(hash, k);
      else groups.get(at)?.push(table.idAt(i)) ?? groups.set(at, [table.idAt(kept[at]!), table.idAt(i)]);
    }
    // units in the order their first person kept was read, and each unit's names likewise
    const rank = new Int32Array(table.unitNames.length).fill(-1);
    let ranked = 0;
    for (const i of kept) if (rank[table.unitAt(i)] === -1) rank[table.unitAt(i)] = ranked++;
    const unitOf = (at: number) => rank[table.unitAt(kept[at]!)]!;
    for (const at of [...groups.keys()].sort((a, b) => unitOf(a) - unitOf(b) || a - b)) {
      const i = kept[at]!;
      this.warnings.push({ code: "same_name_ids", params: { unit: table.unitNameAt(i), name: table.nameOf(i), ids: groups.get(at)!.join(", ") } });
    }
  }

  private warnConflict(code: string, unit: string, field: string, kept: string, other: string): void {
    const key = `${code}\u0000${unit}\u0000${field}`;
    if (this.conflictsWarned.has(key)) return;
    this.conflictsWarned.add(key);
    this.warnings.push({ code, params: { unit, field, kept, other } });
  }

  finish(): RosterResult {
    const { kept, rejected, accepted } = this.ids.finish();
    for (const r of rejected) this.rejected.push(r);
    this.count.accepted = accepted;
    this.count.rejected += rejected.length;
    const units = this.unitsOf(kept);
    this.warnRoles(kept, units);
    this.warnSameName(kept);
    this.rejected.sort((a, b) => a.row - b.row);
    const { table } = this;
    let people: Person[] | null = null;
    return {
      get people() {
        if (people === null) {
          people = new Array<Person>(kept.length);
          for (let k = 0; k < kept.length; k++) people[k] = table.get(kept[k]!);
        }
        return people;
      },
      table,
      kept,
      units,
      rejected: this.rejected,
      warnings: this.warnings,
      count: this.count,
    };
  }

  /** Each role text the vocabulary does not know, once, with the number of people whose role it decides. */
  private warnRoles(kept: Int32Array, units: ReadonlyMap<string, Unit>): void {
    const matters = this.o.roleMatters;
    if (!matters) return;
    // counted over the people kept, so a rejected or duplicate row does not inflate the count
    const unrecognisedRoles = new Map<string, number>();
    // whether the vocabulary knows a role text, asked once per text (by the table's number of it)
    const known = new Int8Array(this.table.roleTexts.length).fill(-1);
    for (const i of kept) {
      const t = this.table.roleTextNumberAt(i);
      if (known[t] === -1) known[t] = this.norm.role(this.table.roleTexts[t]!).recognised ? 1 : 0;
      if (known[t] === 1) continue;
      const roleText = this.table.roleTexts[t]!;
      const unit = units.get(this.table.unitNameAt(i));
      if (unit && matters(this.table.get(i), unit)) unrecognisedRoles.set(roleText, (unrecognisedRoles.get(roleText) ?? 0) + 1);
    }
    for (const [text, n] of [...unrecognisedRoles].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      this.warnings.push({ code: "unrecognised_role", params: { role: text, people: n } });
    }
  }

  /** The units of the units file, and those the roster's rows describe. */
  private unitsOf(kept: Int32Array): Map<string, Unit> {
    // the units a roster row describes but the units file does not: most rosters have none
    let withPeople: Set<string> | null = null;
    const units = new Map<string, Unit>();
    for (const [name, u] of this.o.knownUnits ?? []) {
      const fromRoster = this.unitAttrs.get(name);
      if (fromRoster) {
        for (const f of UNIT_FIELDS) {
          const known = unitAttribute(u, f);
          const v = fromRoster[f];
          if (v !== undefined && known !== undefined && known !== v) {
            this.warnConflict("unit_attr_conflict_units", name, f, String(known), String(v));
          }
        }
      }
      units.set(name, u);
    }
    for (const [name, attrs] of this.unitAttrs) {
      if (units.has(name)) continue;
      withPeople ??= new Set(Array.from(kept, (i) => this.table.unitNameAt(i)));
      if (!withPeople.has(name)) continue;
      const unit = unitFromAttributes(name, attrs);
      if (unit) units.set(name, unit);
    }
    return units;
  }
}
