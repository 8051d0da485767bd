/**
 * A typed workbook cell as the text the row readers take (SPEC.md "Typed cells"): a date cell
 * is its calendar day, a number stays the number it is, rich text is its plain text.
 */

/** What a workbook reader gives for one cell. */
export type CellValue = string | number | boolean | Date | null | undefined;

/**
 * Excel keeps 15 significant digits: a number this large (16 digits or more) has lost the
 * rest in the file itself, so it is shown as Excel's General format shows it (5.00222E+17),
 * which the id reader rejects and no other reader takes for a value.
 */
const EXACT_LIMIT = 1e15;

/** How Excel's General format shows a number too large to hold exactly: 5.00222E+17. */
function generalScientific(n: number): string {
  const [mantissa, exponent] = n.toExponential(5).split("e") as [string, string];
  const trimmed = mantissa.replace(/\.?0+$/, "");
  return `${trimmed}E${exponent.startsWith("-") ? exponent : `+${exponent.replace("+", "")}`}`;
}

/**
 * A date cell is read in UTC, the frame workbook readers build their dates in (midnight UTC
 * of the day the serial number names), so the day never moves with the machine's time zone.
 */
function dayText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, "0");
  const day = String(d.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${day}`;
}

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return dayText(value);
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= EXACT_LIMIT) return generalScientific(value);
  if (Number.isInteger(value)) return String(value);
  // 0.1 + 0.2 is stored as 0.30000000000000004; Excel shows (and means) 0.3
  return String(Number(value.toPrecision(15)));
}
