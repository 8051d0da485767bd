/** The derived predicates of a person (POLICY.md §1 "Derived predicates of a person"). */
import type { Day } from "../dates.js";
import { DEGREES, type Degree, type Fraction, type Policy, type Who } from "../policy/schema.js";
import type { Person } from "../records/types.js";

/** In service on day D: started on or before D (or no start) and not left before D. */
export function inServiceOn(p: Person, day: Day): boolean {
  return (p.start === null || p.start <= day) && (p.end === null || p.end >= day);
}

export function degreeAtLeast(d: Degree, min: Degree): boolean {
  return DEGREES.indexOf(d) >= DEGREES.indexOf(min);
}

export class Predicates {
  private readonly national: ReadonlySet<string>;
  constructor(
    private readonly policy: Policy,
    readonly asOf: Day,
  ) {
    this.national = new Set(policy.vocabulary.national_grades);
  }

  /** A national certificate held on the as-of date (an empty cert_date counts as held). */
  certifiedNational(p: Person): boolean {
    return this.national.has(p.grade) && (p.certDate === null || p.certDate <= this.asOf);
  }

  /** 持证: a national certificate, or 社会工作员 where the profile counts it. */
  certified(p: Person): boolean {
    if (this.certifiedNational(p)) return true;
    return p.grade === "staff" && this.policy.params.staff_counts_as_certified && (p.certDate === null || p.certDate <= this.asOf);
  }

  /** 社会工作专业人才: certified, or a social-work degree at or above the profile's minimum. */
  swProfessional(p: Person): boolean {
    return this.certified(p) || degreeAtLeast(p.degree, this.policy.params.professional_degree_min);
  }

  fullTime(p: Person): boolean {
    return p.fullTime ?? this.policy.params.full_time_default;
  }

  qualifies(who: Who, p: Person): boolean {
    if (who.full_time !== undefined && this.fullTime(p) !== who.full_time) return false;
    let holds: boolean;
    switch (who.holds) {
      case "anyone":
        holds = true;
        break;
      case "certified":
        holds = this.certified(p);
        break;
      case "certified_national":
        holds = this.certifiedNational(p);
        break;
      case "sw_professional":
        holds = this.swProfessional(p);
        break;
    }
    if (holds && who.grades !== undefined) holds = who.grades.includes(p.grade);
    if (!holds && who.or_degree !== undefined) holds = degreeAtLeast(p.degree, who.or_degree);
    return holds;
  }
}

/** Whether `value` of `total` meets the fraction, by cross-multiplication on integers. */
export function meetsRatio(value: number, total: number, f: Fraction): boolean {
  return value * f.den >= total * f.num;
}

/** The least number of additional qualifying people (or posts), out of the same total, to meet it. */
export function ratioShortfall(value: number, total: number, f: Fraction): number {
  const product = total * f.num;
  const rest = product % f.den;
  const needed = (product - rest) / f.den + (rest === 0 ? 0 : 1);
  return Math.max(0, needed - value);
}
