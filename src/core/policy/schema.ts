/**
 * The shape of a policy profile. Built-in profiles (policies/*.yaml) and users' custom
 * files are validated against it; every threshold, amount, date and alias the tool uses
 * comes from here, never from literals in the rule code. Dates and fractions are parsed
 * here, once: the rules get calendar days and exact fractions, never the text.
 * One file though long: it is the grammar of a policy file, read top to bottom (POLICY.md §7).
 */
import { z } from "zod";
import { type Day, formatDay, parseDay } from "../dates.js";

export const GRADES = ["senior", "intermediate", "assistant", "staff", "none"] as const;
export const UNIT_TYPES = [
  "urban_community",
  "village",
  "town",
  "organ",
  "institution",
  "sw_agency",
  "social_org",
  "school",
  "hospital",
  "enterprise",
  "other",
] as const;
export const ROLES = ["committee", "community_staff", "other"] as const;
export const DEGREES = ["none", "associate", "bachelor", "master", "doctor"] as const;
export const TIERS = ["senior", "intermediate", "junior"] as const;
export const POST_FIELDS = ["professional_posts", "sw_posts", "total_posts"] as const;

export type Grade = (typeof GRADES)[number];
export type UnitType = (typeof UNIT_TYPES)[number];
export type Role = (typeof ROLES)[number];
export type Degree = (typeof DEGREES)[number];
export type Tier = (typeof TIERS)[number];
export type PostField = (typeof POST_FIELDS)[number];

const text = z.string({ error: "expected text" }).min(1, { error: "expected non-empty text" });
const aliases = z.array(text, { error: "expected a list of texts" });

/** A date written YYYY-MM-DD in the file; a calendar day in the policy. */
const isoDate = z.codec(
  z.string({ error: "expected a date as YYYY-MM-DD" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "expected a date as YYYY-MM-DD" }),
  z.int(),
  {
    decode: (text, ctx): Day => {
      const day = parseDay(text);
      if (day !== null) return day;
      ctx.issues.push({ code: "custom", message: `${text} is not a date`, input: text });
      return z.NEVER;
    },
    encode: (day) => formatDay(day),
  },
);

/** An exact fraction such as 1/3, compared by cross-multiplication (POLICY.md §1). */
export interface Fraction {
  readonly num: number;
  readonly den: number;
}

export function formatFraction(f: Fraction): string {
  return `${f.num}/${f.den}`;
}

const FRACTION = /^\s*(\d+)\s*\/\s*([1-9]\d*)\s*$/;
/** Keeps people × denominator exact in cross-multiplication, with room for millions of people. */
const MAX_DENOMINATOR = 1_000_000;
/** A share written "1/3" in the file, at most 1; a {num, den} pair in the policy. */
const fraction = z.codec(
  z.string({ error: 'expected a fraction such as "1/3"' }).regex(FRACTION, { error: 'expected a fraction such as "1/3"' }),
  z.strictObject({ num: z.int().min(0), den: z.int().min(1).max(MAX_DENOMINATOR) }),
  {
    decode: (text, ctx): Fraction => {
      const [, num, den] = FRACTION.exec(text)!;
      const f = { num: Number(num), den: Number(den) };
      const problem =
        f.num > f.den ? "expected a fraction of at most 1" : f.den > MAX_DENOMINATOR ? `expected a denominator of at most ${MAX_DENOMINATOR}` : null;
      if (problem === null) return f;
      ctx.issues.push({ code: "custom", message: `${problem}, got "${text}"`, input: text });
      return z.NEVER;
    },
    encode: formatFraction,
  },
);
const count = z.number({ error: "expected a whole number" }).int({ error: "expected a whole number" }).min(0, { error: "expected a whole number, 0 or more" });
const yuan = z
  .number({ error: "expected a whole number of yuan" })
  .int({ error: "expected a whole number of yuan" })
  .min(0, { error: "expected a whole number of yuan, 0 or more" });
const trainingDays = z.number({ error: "expected a number of days" }).min(0, { error: "expected a number of days, 0 or more" });
const bilingual = z.strictObject({ zh: text, en: text });

const grade = z.enum(GRADES, { error: `expected one of ${GRADES.join(", ")}` });
const unitType = z.enum(UNIT_TYPES, { error: `expected one of ${UNIT_TYPES.join(", ")}` });
const role = z.enum(ROLES, { error: `expected one of ${ROLES.join(", ")}` });
const degree = z.enum(DEGREES, { error: `expected one of ${DEGREES.join(", ")}` });
const postField = z.enum(POST_FIELDS, { error: `expected one of ${POST_FIELDS.join(", ")}` });

/** Which units a rule applies to: any one selector that matches. */
const selector = z.strictObject({
  unit_types: z.array(unitType).min(1),
  social_service: z.boolean().optional(),
  sw_office: z.boolean().optional(),
});

/**
 * Who counts towards a rule: `holds` names the base predicate of POLICY.md §1;
 * `or_degree` also admits a social-work degree at or above it; `grades` narrows to
 * certificate holders of those grades; `full_time` to full-time staff.
 */
const who = z.strictObject({
  holds: z.enum(["anyone", "certified", "certified_national", "sw_professional"]),
  or_degree: degree.optional(),
  grades: z.array(grade).min(1).optional(),
  full_time: z.boolean().optional(),
});

const among = z.strictObject({ full_time: z.boolean().optional() });

const common = {
  title: bilingual,
  basis: text,
  due: isoDate.optional(),
};

const ratioRule = z.strictObject({
  kind: z.literal("ratio"),
  ...common,
  applies: z.array(selector).min(1),
  who,
  among: among.optional(),
  ratio: fraction,
});

const postRatioRule = z.strictObject({
  kind: z.literal("post_ratio"),
  ...common,
  applies: z.array(selector).min(1),
  numerator: postField,
  denominator: postField,
  ratio: fraction,
});

const countRule = z.strictObject({
  kind: z.literal("count"),
  ...common,
  applies: z.array(selector).min(1),
  who,
  min: count,
  /** a unit attribute that must also hold (e.g. a school's social-work office) */
  also_sw_office: z.boolean().optional(),
});

const attributeRule = z.strictObject({
  kind: z.literal("attribute"),
  ...common,
  applies: z.array(selector).min(1),
  attribute: z.enum(["sw_office"]),
});

const flagRule = z.strictObject({
  kind: z.literal("flag"),
  ...common,
  applies: z.array(selector).min(1),
  who,
  min: count,
});

const postTierRule = z.strictObject({
  kind: z.literal("post_tier"),
  ...common,
  /** for each post tier, the certificate grades that may hold it */
  needs: z.strictObject({
    senior: z.array(grade),
    intermediate: z.array(grade),
    junior: z.array(grade),
  }),
});

const levelRange = z.tuple([z.number().int().min(1).max(13), z.number().int().min(1).max(13)]);
const postLevelRule = z.strictObject({
  kind: z.literal("post_level"),
  ...common,
  /** for each grade, the inclusive range of post levels it matches; other grades match none */
  levels: z.partialRecord(grade, levelRange),
});

export const ruleSchema = z.discriminatedUnion("kind", [ratioRule, postRatioRule, countRule, attributeRule, flagRule, postTierRule, postLevelRule], {
  error: "expected a rule with kind ratio, post_ratio, count, attribute, flag, post_tier or post_level",
});

const peopleTarget = z.strictObject({
  kind: z.literal("people"),
  title: bilingual,
  basis: text,
  who,
  min: count,
  due: isoDate,
});

const unitsTarget = z.strictObject({
  kind: z.literal("units"),
  title: bilingual,
  basis: text,
  unit_types: z.array(unitType).min(1),
  min: count,
  due: isoDate,
});

export const targetSchema = z.discriminatedUnion("kind", [peopleTarget, unitsTarget], {
  error: "expected a target with kind people or units",
});

const examSchema = z.strictObject({
  id: text,
  title: bilingual,
  basis: text,
  unit_types: z.array(unitType).min(1),
  /** listed only when aged at most this many whole years on the as-of date */
  max_age: count.optional(),
  /** whether people whose age cannot be told (no birth date, no resident ID) are listed */
  unknown_age: z.enum(["include", "exclude"]).optional(),
});

const allowanceSchema = z.strictObject({
  id: text,
  basis: text,
  /** yuan per month by grade; a grade not named here is paid nothing */
  monthly: z.strictObject({
    senior: yuan.optional(),
    intermediate: yuan.optional(),
    assistant: yuan.optional(),
    staff: yuan.optional(),
  }),
  unit_types: z.array(unitType).min(1),
  require_sw_office: z.boolean(),
  roles: z.array(role).min(1),
  /**
   * `next_month`: a certificate dated on day D is paid from the first month that starts
   * after D (次月起); `same_month`: from the month that contains D.
   */
  paid_from: z.enum(["next_month", "same_month"]),
});

const trainingSchema = z.strictObject({
  id: text,
  basis: text,
  years: z.number().int().min(1).max(10),
  window: z.enum(["rolling", "certificate"], { error: "expected rolling or certificate" }),
  days: z.strictObject({
    senior: trainingDays.optional(),
    intermediate: trainingDays.optional(),
    assistant: trainingDays.optional(),
    staff: trainingDays.optional(),
  }),
  hours_per_day: z.number().positive(),
});

const columnAliases = z.record(text, aliases);

export const vocabularySchema = z.strictObject({
  grades: z.strictObject({
    senior: aliases,
    intermediate: aliases,
    assistant: aliases,
    staff: aliases,
    none: aliases,
  }),
  /** grades issued nationally (全国社会工作者职业水平证书) */
  national_grades: z.array(grade),
  unit_types: z.record(unitType, aliases),
  roles: z.strictObject({
    committee: aliases,
    committee_suffixes: aliases,
    community_staff: aliases,
    community_staff_contains: aliases,
    community_staff_excludes: aliases,
    other: aliases,
  }),
  degrees: z.record(degree, aliases),
  tiers: z.record(z.enum(TIERS), aliases),
  yes: aliases,
  no: aliases,
  columns: z.strictObject({
    roster: columnAliases,
    units: columnAliases,
    training: columnAliases,
    ledger: columnAliases,
  }),
});

export const policySchema = z.strictObject({
  id: text,
  /** the built-in profile a custom file extends: reports name it, so a draft never passes for the profile */
  extends: text.optional(),
  name: bilingual,
  document: text,
  source: text.optional(),
  params: z.strictObject({
    staff_counts_as_certified: z.boolean(),
    professional_degree_min: degree,
    /** how a person with no full-time value counts */
    full_time_default: z.boolean(),
  }),
  vocabulary: vocabularySchema,
  rules: z.record(text, ruleSchema),
  targets: z.record(text, targetSchema),
  exam: examSchema.nullable(),
  allowance: allowanceSchema.nullable(),
  training: trainingSchema.nullable(),
});

export type Policy = z.infer<typeof policySchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Who = z.infer<typeof who>;
export type Selector = z.infer<typeof selector>;
export type Vocabulary = z.infer<typeof vocabularySchema>;
export type AllowancePolicy = NonNullable<Policy["allowance"]>;
export type TrainingPolicy = NonNullable<Policy["training"]>;
export type ExamPolicy = NonNullable<Policy["exam"]>;

/** The policy as a file holds it (dates as YYYY-MM-DD, fractions as "1/3"): what `policy show` prints as JSON. */
export function policyData(p: Policy): z.input<typeof policySchema> {
  return z.encode(policySchema, p);
}
