/** The floor: one csv-parse pass over each file in turn as plain string arrays, counting rows. */
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

let rows = 0;
for (const file of process.argv.slice(2)) {
  const parser = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parse({ bom: true, cast: false, relax_column_count: true }));
  for await (const _ of parser) rows++;
}
console.log(rows);
