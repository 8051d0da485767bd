/** Units file rows -> units (SPEC.md "Units"): one row per unit; a unit listed twice must agree. */
import type { Policy } from "../policy/schema.js";
import { RowReader } from "./cells.js";
import { readUnitAttributes, unitFromAttributes } from "./unit-attributes.js";
import type { FileCount, Rejection, Unit, Warning } from "./types.js";
import { type Normalisers, normalisers } from "./vocab.js";

export const UNITS_REQUIRED = ["unit", "unit_type"] as const;

export interface UnitsResult {
  readonly units: Map<string, Unit>;
  readonly rejected: Rejection[];
  readonly warnings: Warning[];
  readonly count: FileCount;
}

function sameUnit(a: Unit, b: Unit): boolean {
  return (Object.keys(a) as (keyof Unit)[]).every((k) => a[k] === b[k]);
}

export class UnitsBuilder {
  private readonly norm: Normalisers;
  private readonly units = new Map<string, { unit: Unit; rows: number[] }>();
  private readonly conflicting = new Map<string, number[]>();
  private readonly rejected: Rejection[] = [];
  private readonly warnings: Warning[] = [];
  private readonly count: FileCount;

  constructor(
    private readonly file: string,
    policy: Policy,
    private readonly columns: ReadonlyMap<string, number>,
    private readonly width: number,
  ) {
    this.norm = normalisers(policy.vocabulary);
    this.count = { file, rows: 0, accepted: 0, rejected: 0 };
  }

  add(cells: readonly string[], row: number, unsaved?: readonly number[]): void {
    this.count.rows++;
    const r = new RowReader(this.file, this.columns, cells, row, this.width, unsaved);
    const name = r.problems.length > 0 ? null : r.required("unit");
    const attrs = readUnitAttributes(r, this.norm);
    if (attrs.unit_type === undefined && r.text("unit_type") === "") r.reject("unit_type", "", "missing");
    const unit = name === null ? null : unitFromAttributes(name, attrs);
    if (unit === null || r.problems.length > 0) {
      this.rejected.push(...r.problems);
      this.count.rejected++;
      return;
    }
    const clash = this.conflicting.get(unit.name);
    if (clash) {
      clash.push(row);
      return;
    }
    const first = this.units.get(unit.name);
    if (!first) {
      this.units.set(unit.name, { unit, rows: [row] });
      this.count.accepted++;
    } else if (sameUnit(first.unit, unit)) {
      first.rows.push(row);
      this.count.accepted++;
    } else {
      this.units.delete(unit.name);
      this.count.accepted -= first.rows.length;
      this.conflicting.set(unit.name, [...first.rows, row]);
    }
  }

  finish(): UnitsResult {
    for (const [name, rows] of this.conflicting) {
      for (const row of rows) {
        this.rejected.push({ file: this.file, row, field: "unit", value: name, code: "duplicate_unit", params: { rows: rows.join(", ") } });
      }
      this.count.rejected += rows.length;
    }
    const units = new Map<string, Unit>();
    for (const [name, { unit, rows }] of this.units) {
      if (rows.length > 1) this.warnings.push({ code: "identical_units", params: { file: this.file, unit: name, rows: rows.join(", ") } });
      units.set(name, unit);
    }
    this.rejected.sort((a, b) => a.row - b.row);
    return { units, rejected: this.rejected, warnings: this.warnings, count: this.count };
  }
}
