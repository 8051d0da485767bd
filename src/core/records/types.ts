/** Typed records: once a row is one of these, its cells are codes, dates and checked ids. */
import type { Day } from "../dates.js";
import type { Degree, Grade, Role, Tier, UnitType } from "../policy/schema.js";

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  /** the row in the roster, as a spreadsheet numbers it */
  readonly row: number;
  readonly role: Role;
  readonly roleText: string;
  readonly grade: Grade;
  readonly certDate: Day | null;
  readonly degree: Degree;
  /** null when the roster does not say */
  readonly fullTime: boolean | null;
  readonly start: Day | null;
  readonly end: Day | null;
  /** from birth_date, or from the resident ID */
  readonly birth: Day | null;
  readonly tier: Tier | null;
  readonly level: number | null;
}

export interface UnitAttributes {
  unit_type?: UnitType;
  town?: string;
  district?: string;
  social_service?: boolean;
  sw_office?: boolean;
  professional_posts?: number;
  sw_posts?: number;
  total_posts?: number;
}

export interface Unit {
  readonly name: string;
  readonly type: UnitType;
  /** null for a unit at district or city level (区（市）直属), which belongs to no town */
  readonly town: string | null;
  readonly district: string | null;
  readonly socialService: boolean | null;
  readonly swOffice: boolean | null;
  readonly professionalPosts: number | null;
  readonly swPosts: number | null;
  readonly totalPosts: number | null;
}

/** Why a row was rejected: a code and its parameters; the words come from the renderer. */
export interface Rejection {
  readonly file: string;
  readonly row: number;
  readonly field: string;
  /** the header the field was read under, as the file spells it */
  readonly column?: string;
  readonly value: string;
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface Warning {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** What reading one input file gave: counts for the envelope's `files`. */
export interface FileCount {
  readonly file: string;
  rows: number;
  accepted: number;
  rejected: number;
}
