/**
 * Writing a workbook (.xlsx): the one place that knows exceljs, so the library can be
 * swapped. Its streaming WorkbookWriter writes each row as it is committed; the workbook
 * comes back as bytes, for the atomic writer. Every timestamp it would take from the clock
 * (the document's created and modified dates, each zip entry's date) is the workbook's own
 * `stamp`, so a rerun writes the same bytes.
 */
import { Writable } from "node:stream";
import ExcelJS from "exceljs";

/** A cell as the workbook stores it: text, a number, or a calendar day (YYYY-MM-DD, written as a date serial). */
export type SheetValue = string | number | { readonly day: string } | null;

export interface SheetCell {
  readonly value: SheetValue;
  /** Excel's number format: "@" text, "yyyy-mm-dd", "#,##0.00" */
  readonly numFmt?: string;
  readonly bold?: boolean;
  /** font colour, RRGGBB */
  readonly color?: string;
}

export interface Sheet {
  /** a valid sheet name (at most 31 characters, none of : \ / ? * [ ]), unique in the workbook */
  readonly name: string;
  /** column widths in characters */
  readonly widths: readonly number[];
  /** the first row is a header: frozen, with an autofilter over its columns */
  readonly header: boolean;
  readonly landscape: boolean;
  readonly rows: Iterable<readonly SheetCell[]>;
}

export interface Workbook {
  /** the document's date, written as its created and modified time and every zip entry's date */
  readonly stamp: Date;
  readonly sheets: readonly Sheet[];
}

/** Column letters: 1 -> A, 27 -> AA. */
export function columnName(n: number): string {
  let name = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  return name;
}

/** A day as exceljs writes a Date: the serial of midnight UTC, so no time zone moves it. */
function dayDate(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function cellValue(v: SheetValue): ExcelJS.CellValue {
  if (v === null || typeof v !== "object") return v;
  return dayDate(v.day);
}

type Zip = { append(source: unknown, data: Record<string, unknown>): unknown };

/**
 * exceljs's streaming writer with every zip entry dated `stamp`. Its constructor already adds
 * two entries (the theme and the package relations): they are held back here until the
 * archiver's append has been given the date, then added.
 */
class StampedWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  private stamped = false;

  constructor(options: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>, stamp: Date) {
    super(options);
    const zip = (this as unknown as { zip: Zip }).zip;
    const append = zip.append.bind(zip);
    zip.append = (source, data) => append(source, { ...data, date: stamp });
    this.created = stamp;
    this.modified = stamp;
    this.stamped = true;
    (this as unknown as { promise: Promise<unknown> }).promise = Promise.all([this.addThemes(), this.addOfficeRels()]);
  }

  override addThemes(): Promise<void> {
    return this.stamped ? super.addThemes() : Promise.resolve();
  }

  override addOfficeRels(): Promise<void> {
    return this.stamped ? super.addOfficeRels() : Promise.resolve();
  }
}

/** The workbook's bytes. */
export async function workbookBytes(book: Workbook): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const finished = new Promise<void>((ok, fail) => {
    sink.on("finish", ok);
    sink.on("error", fail);
  });
  const wb = new StampedWriter({ stream: sink, useSharedStrings: false, useStyles: true }, book.stamp);
  wb.creator = "swtalent";
  wb.lastModifiedBy = "swtalent";

  for (const sheet of book.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      views: sheet.header ? [{ state: "frozen", ySplit: 1 }] : [],
      pageSetup: { paperSize: 9, orientation: sheet.landscape ? "landscape" : "portrait", fitToPage: false },
    });
    ws.columns = sheet.widths.map((width) => ({ width }));
    if (sheet.header && sheet.widths.length > 0) ws.autoFilter = `A1:${columnName(sheet.widths.length)}1`;
    for (const cells of sheet.rows) {
      const row = ws.addRow(cells.map((c) => cellValue(c.value)));
      cells.forEach((c, i) => {
        if (c.numFmt === undefined && !c.bold && c.color === undefined) return;
        const cell = row.getCell(i + 1);
        if (c.numFmt !== undefined) cell.numFmt = c.numFmt;
        if (c.bold || c.color !== undefined) cell.font = { ...(c.bold ? { bold: true } : {}), ...(c.color ? { color: { argb: `FF${c.color}` } } : {}) };
      });
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
  await finished;
  return Buffer.concat(chunks);
}
