/** Reading back a workbook the CLI wrote, with exceljs's reader: each sheet's cells with their values and number formats. */
import ExcelJS from "exceljs";

export interface ReadCell {
  readonly value: ExcelJS.CellValue;
  readonly numFmt: string | undefined;
  readonly formula: boolean;
}

export interface ReadSheet {
  readonly name: string;
  readonly frozenRows: number;
  readonly autoFilter: string | null;
  readonly widths: (number | undefined)[];
  readonly landscape: boolean;
  /** rows from the first, each cell from column A; an empty row is [] */
  readonly rows: ReadCell[][];
}

export async function readWorkbook(bytes: Buffer): Promise<ReadSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: ReadCell[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: ReadCell[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.getCell(c);
        cells.push({ value: cell.value, numFmt: cell.numFmt, formula: cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined });
      }
      rows.push(cells);
    }
    const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
    return {
      name: ws.name,
      frozenRows: view?.state === "frozen" ? (view.ySplit ?? 0) : 0,
      autoFilter: typeof ws.autoFilter === "string" ? ws.autoFilter : ws.autoFilter ? JSON.stringify(ws.autoFilter) : null,
      widths: ws.columns?.map((c) => c.width) ?? [],
      landscape: ws.pageSetup.orientation === "landscape",
      rows,
    };
  });
}

/** The values of a sheet's rows, for comparing to what JSON says. */
export const values = (s: ReadSheet): ExcelJS.CellValue[][] => s.rows.map((r) => r.map((c) => c.value));

/** A date cell's value as the day it stands for (exceljs reads a date serial as a Date at midnight UTC). */
export const dayOf = (v: ExcelJS.CellValue): string => (v instanceof Date ? v.toISOString().slice(0, 10) : `not a date: ${String(v)}`);
