/**
 * A unit's attributes (SPEC.md "Units"): type, town, district, social service, social-work
 * office and post counts, read the same way from a units file row or a roster row.
 */
import type { RowReader } from "./cells.js";
import type { Unit, UnitAttributes } from "./types.js";
import type { Normalisers } from "./vocab.js";

export const UNIT_FIELDS = [
  "unit_type",
  "town",
  "district",
  "social_service",
  "sw_office",
  "professional_posts",
  "sw_posts",
  "total_posts",
] as const satisfies readonly (keyof UnitAttributes)[];

export type UnitField = (typeof UNIT_FIELDS)[number];

/** Reads the unit attributes a row carries (roster or units file); problems go to `r`. */
export function readUnitAttributes(r: RowReader, norm: Normalisers): UnitAttributes {
  const a: UnitAttributes = {};
  if (!UNIT_FIELDS.some((f) => r.has(f))) return a;
  const unitType = r.coded("unit_type", norm.unitType, "bad_unit_type");
  if (unitType !== null) a.unit_type = unitType;
  const town = r.text("town");
  if (town !== "") a.town = town;
  // a street or town office belongs to itself (POLICY.md §1, unit attributes)
  else if (unitType === "town" && r.text("unit") !== "") a.town = r.text("unit");
  const district = r.text("district");
  if (district !== "") a.district = district;
  const social = r.coded("social_service", norm.yesNo, "bad_yes_no");
  if (social !== null) a.social_service = social;
  const office = r.coded("sw_office", norm.yesNo, "bad_yes_no");
  if (office !== null) a.sw_office = office;
  for (const f of ["professional_posts", "sw_posts", "total_posts"] as const) {
    const n = r.count(f);
    if (n !== null) a[f] = n;
  }
  return a;
}

/** A unit from its attributes: the type is needed; a unit with no town is at district or city level. */
export function unitFromAttributes(name: string, a: UnitAttributes): Unit | null {
  if (a.unit_type === undefined) return null;
  return {
    name,
    type: a.unit_type,
    town: a.town ?? null,
    district: a.district ?? null,
    socialService: a.social_service ?? null,
    swOffice: a.sw_office ?? null,
    professionalPosts: a.professional_posts ?? null,
    swPosts: a.sw_posts ?? null,
    totalPosts: a.total_posts ?? null,
  };
}

export function sameAttributes(a: UnitAttributes, b: UnitAttributes): boolean {
  return a === b || UNIT_FIELDS.every((f) => a[f] === b[f]);
}

/** A unit's attribute as a row would give it; undefined where the unit has none. */
export function unitAttribute(u: Unit, f: UnitField): string | number | boolean | undefined {
  const v = {
    unit_type: u.type,
    town: u.town,
    district: u.district,
    social_service: u.socialService,
    sw_office: u.swOffice,
    professional_posts: u.professionalPosts,
    sw_posts: u.swPosts,
    total_posts: u.totalPosts,
  }[f];
  return v ?? undefined;
}
