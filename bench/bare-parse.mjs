/** The floor: one csv-parse pass over a file as plain string arrays, counting rows. */
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

let rows = 0;
const parser = createReadStream(process.argv[2], { highWaterMark: 1 << 20 }).pipe(parse({ bom: true, cast: false, relax_column_count: true }));
for await (const _ of parser) rows++;
console.log(rows);
