/**
 * Cell normalisers built from a policy's vocabulary (POLICY.md §1). A cell is matched as a
 * whole, after trimming, ignoring case and full-width/half-width forms, never as a
 * substring: 社会工作师 is intermediate, 高级社会工作师 is senior.
 */
import type { Degree, Grade, Role, Tier, UnitType, Vocabulary } from "../policy/schema.js";
import { DEGREES } from "../policy/schema.js";

/** The comparison key of a cell or alias. */
export function cellKey(s: string): string {
  return s.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

function lookup<C extends string>(groups: Partial<Record<C, readonly string[]>>): Map<string, C> {
  const map = new Map<string, C>();
  for (const [code, list] of Object.entries(groups) as [C, readonly string[]][]) {
    for (const alias of list) map.set(cellKey(alias), code);
  }
  return map;
}

export type RoleMatch = { role: Role; recognised: boolean };

export interface Normalisers {
  /** null when the cell is not a known grade; an empty cell is `none` */
  grade(cell: string): Grade | null;
  unitType(cell: string): UnitType | null;
  role(cell: string): RoleMatch;
  /** an empty cell is `none` */
  degree(cell: string): Degree | null;
  tier(cell: string): Tier | null;
  yesNo(cell: string): boolean | null;
  degreeRank(d: Degree): number;
  readonly grades: Vocabulary["grades"];
  readonly unitTypes: Vocabulary["unit_types"];
  readonly degrees: Vocabulary["degrees"];
  readonly tiers: Vocabulary["tiers"];
  readonly yes: readonly string[];
  readonly no: readonly string[];
}

/**
 * A normaliser that remembers its answers: a roster repeats the same few grades, roles and
 * yes/no words a million times. The memory is bounded, so odd cells cannot make it grow.
 */
export function remembered<T>(f: (cell: string) => T, limit = 4096): (cell: string) => T {
  const seen = new Map<string, T>();
  return (cell) => {
    let out = seen.get(cell);
    if (out === undefined && !seen.has(cell)) {
      out = f(cell);
      if (seen.size < limit) seen.set(cell, out);
    }
    return out as T;
  };
}

export function normalisers(v: Vocabulary): Normalisers {
  const grades = lookup(v.grades);
  const unitTypes = lookup(v.unit_types);
  const degrees = lookup(v.degrees);
  const tiers = lookup(v.tiers);
  const committee = new Set(v.roles.committee.map(cellKey));
  const staff = new Set(v.roles.community_staff.map(cellKey));
  const other = new Set(v.roles.other.map(cellKey));
  const suffixes = v.roles.committee_suffixes.map(cellKey);
  const contains = v.roles.community_staff_contains.map(cellKey);
  const excludes = v.roles.community_staff_excludes.map(cellKey);
  const yes = new Set(v.yes.map(cellKey));
  const no = new Set(v.no.map(cellKey));

  return {
    grade: remembered((cell) => {
      const k = cellKey(cell);
      return k === "" ? "none" : (grades.get(k) ?? null);
    }),
    unitType: remembered((cell) => unitTypes.get(cellKey(cell)) ?? null),
    role: remembered((cell): RoleMatch => {
      const k = cellKey(cell);
      if (k === "") return { role: "other", recognised: true };
      if (committee.has(k) || suffixes.some((s) => k.endsWith(s))) return { role: "committee", recognised: true };
      if (staff.has(k) || (contains.some((s) => k.includes(s)) && !excludes.some((s) => k.includes(s)))) {
        return { role: "community_staff", recognised: true };
      }
      return { role: "other", recognised: other.has(k) };
    }),
    degree: remembered((cell) => {
      const k = cellKey(cell);
      return k === "" ? "none" : (degrees.get(k) ?? null);
    }),
    tier: remembered((cell) => tiers.get(cellKey(cell)) ?? null),
    yesNo: remembered((cell) => {
      const k = cellKey(cell);
      if (yes.has(k)) return true;
      if (no.has(k)) return false;
      return null;
    }),
    degreeRank: (d) => DEGREES.indexOf(d),
    grades: v.grades,
    unitTypes: v.unit_types,
    degrees: v.degrees,
    tiers: v.tiers,
    yes: v.yes,
    no: v.no,
  };
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 专业技术岗位等级: 1–13, written 11, 11级 or 十一级. */
export function parsePostLevel(cell: string): number | null {
  const s = cell.normalize("NFKC").trim().replace(/级$/, "");
  let n: number | null = null;
  if (/^\d{1,2}$/.test(s)) n = Number(s);
  else if (/^十?[一二三四五六七八九]?$/.test(s) && s !== "") {
    const tens = s.startsWith("十") ? 10 : 0;
    const unit = s.replace("十", "");
    n = tens + (unit === "" ? 0 : CHINESE_DIGITS[unit]!);
  }
  return n !== null && n >= 1 && n <= 13 ? n : null;
}

/** A non-negative whole count (岗位数); null when the cell is not one. */
export function parseCount(cell: string): number | null {
  const s = cell.normalize("NFKC").trim();
  return /^\d+$/.test(s) ? Number(s) : null;
}
