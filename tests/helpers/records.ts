/** Small builders for typed records, so rule tests read like the rule book. */
import { parseDay } from "../../src/core/dates.js";
import type { Person, Unit } from "../../src/core/records/types.js";

let seq = 0;

/** A person's fields, with dates written as text ("2021-06-01"). */
export type PersonOver = Partial<Omit<Person, "certDate" | "start" | "end" | "birth">> & { cert?: string; start?: string; end?: string; birth?: string };

export function person(over: PersonOver = {}): Person {
  const { cert, start, end, birth, ...rest } = over;
  seq++;
  return {
    id: `P${String(seq).padStart(5, "0")}`,
    name: `人员${seq}`,
    unit: "U",
    row: seq + 1,
    role: "other",
    roleText: "",
    grade: "none",
    certDate: cert ? parseDay(cert) : null,
    degree: "none",
    fullTime: null,
    start: start ? parseDay(start) : null,
    end: end ? parseDay(end) : null,
    birth: birth ? parseDay(birth) : null,
    tier: null,
    level: null,
    ...rest,
  };
}

/** n people of the unit, the first `certified` of them holding `grade`. */
export function staffOf(unit: string, n: number, certified: number, grade: Person["grade"] = "assistant", extra: PersonOver = {}): Person[] {
  return Array.from({ length: n }, (_, i) => person({ unit, grade: i < certified ? grade : "none", ...extra }));
}

export function unit(over: Partial<Unit> & Pick<Unit, "type">): Unit {
  return {
    name: "U",
    town: "古南街道",
    district: null,
    socialService: null,
    swOffice: null,
    professionalPosts: null,
    swPosts: null,
    totalPosts: null,
    ...over,
  };
}
