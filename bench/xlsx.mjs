/**
 * The generated roster as an .xlsx, row for row the same cells as its CSV, written as a
 * stream by hucre (the tool's own workbook library, so the bench installs nothing more):
 * constant memory at any size, text cells throughout, as an office's export would hold them.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { Writable } from "node:stream";
import { parse } from "csv-parse";
import { writeXlsxStream } from "hucre";

export async function writeRosterXlsx(csvPath, xlsxPath) {
  const rows = createReadStream(csvPath, { highWaterMark: 1 << 20 }).pipe(parse({ bom: true, cast: false, relax_column_count: true }));
  const stream = writeXlsxStream(rows, { name: "人员名册" });
  await stream.pipeTo(Writable.toWeb(createWriteStream(xlsxPath)));
}
