/**
 * node bench/workers.mjs [--parts N] [--runs R] [--data DIR]   (after npm run build and npm run bench)
 *
 * Whether reading the roster across worker threads would pay: the roster of bench/out/data
 * read the way every command reads it (readMappedTable and RosterBuilder from dist/), once in
 * one thread, and once cut into N byte ranges at line breaks, each read by its own worker,
 * which hands its table back (transferred, not copied) to be put together. Each way runs in
 * a child process of its own, so each has its own peak RSS; the medians of R runs are printed.
 *
 * It measures the reading only: the parts are put together (columns one after another, unit
 * numbers made one), but duplicate ids across parts, row numbers and messages are not, and a
 * cut at a line break inside a quoted cell (which the generated roster has none of) is not
 * handled, so the parts way is, if anything, faster here than a whole implementation would be.
 */
import { execFileSync } from "node:child_process";
import { createReadStream, openSync, readSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = join(HERE, "..", "dist");
const { loadPolicy } = await import(join(DIST, "io", "policies.js"));
const { readUnitsFile } = await import(join(DIST, "commands", "inputs.js"));
const { readMappedTable } = await import(join(DIST, "io", "records.js"));
const { RosterBuilder, rosterColumnsRequired } = await import(join(DIST, "core", "records", "roster.js"));

/** Reads bytes [start, end) of the roster, after `header` (the header line, for a part that has none), through the roster's own path. */
async function readPart(roster, units, start, end, header) {
  const policy = loadPolicy(undefined, process.cwd());
  const known = (await readUnitsFile(units, policy, {})).units;
  const input = new PassThrough({ highWaterMark: 1 << 20 });
  if (header) input.write(Buffer.from(header));
  createReadStream(roster, { start, end: end - 1, highWaterMark: 1 << 20 }).pipe(input);
  const began = performance.now();
  const read = await readMappedTable(
    "-",
    { stdin: input },
    {
      aliases: policy.vocabulary.columns.roster,
      required: rosterColumnsRequired(true),
      build: (file, columns, width) => new RosterBuilder({ file, policy, columns, width, latestCertDate: 1e6, knownUnits: known }),
    },
  );
  const result = read.builder.finish();
  return { result, seconds: (performance.now() - began) / 1000 };
}

/**
 * The table's columns and names, as plain typed arrays and strings, and what is transferred.
 * It reads PersonTable's private fields `c` and `chars` (the compiled JavaScript has them):
 * this script measures a transfer, it is not an interface, and fails loudly if they change.
 */
function tableParts(table, kept) {
  if (!table.c || !table.chars) throw new Error("PersonTable no longer has the fields c and chars: update bench/workers.mjs");
  const columns = { ...table.c, chars: table.chars, kept };
  return { message: { columns, unitNames: table.unitNames }, transfer: Object.values(columns).map((a) => a.buffer) };
}

/** The parts' tables as one: each column one after another, every unit numbered once. */
function joinParts(parts) {
  const numbers = new Map();
  let people = 0;
  for (const p of parts) people += p.columns.kept.length;
  const unitOf = new Int32Array(people);
  let at = 0;
  for (const p of parts) {
    const renumber = p.unitNames.map((name) => {
      if (!numbers.has(name)) numbers.set(name, numbers.size);
      return numbers.get(name);
    });
    for (const i of p.columns.kept) unitOf[at++] = renumber[p.columns.unitOf[i]];
  }
  return { people, units: numbers.size };
}

/** Where the line that holds byte `pos` ends (just after its line break). */
function lineEnd(fd, pos) {
  const buf = Buffer.alloc(1 << 16);
  const n = readSync(fd, buf, 0, buf.length, pos);
  const at = buf.subarray(0, n).indexOf(10);
  if (at < 0) throw new Error(`no line break within 64 KB of byte ${pos}`);
  return pos + at + 1;
}

async function child(mode, parts, roster, units) {
  const began = performance.now();
  let out;
  if (mode === "one") {
    const { result, seconds } = await readPart(roster, units, 0, statSync(roster).size, null);
    out = { people: result.kept.length, readSeconds: [seconds] };
  } else {
    const fd = openSync(roster, "r");
    const size = statSync(roster).size;
    const cuts = [lineEnd(fd, 0)];
    for (let k = 1; k < parts; k++) cuts.push(lineEnd(fd, Math.floor((size * k) / parts)));
    cuts.push(size);
    const header = new Uint8Array(cuts[0]);
    readSync(fd, header, 0, cuts[0], 0);
    const got = await Promise.all(
      cuts.slice(0, -1).map(
        (start, k) =>
          new Promise((resolve, reject) => {
            const w = new Worker(new URL(import.meta.url), { workerData: { roster, units, start, end: cuts[k + 1], header } });
            w.once("message", resolve);
            w.once("error", reject);
          }),
      ),
    );
    const joined = joinParts(got);
    out = { people: joined.people, units: joined.units, readSeconds: got.map((g) => g.seconds) };
  }
  out.seconds = (performance.now() - began) / 1000;
  out.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify(out));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!isMainThread) {
  const { roster, units, start, end, header } = workerData;
  const { result, seconds } = await readPart(roster, units, start, end, header);
  const { message, transfer } = tableParts(result.table, result.kept);
  parentPort.postMessage({ ...message, seconds }, transfer);
} else {
  const { values } = parseArgs({
    options: { parts: { type: "string", default: "2" }, runs: { type: "string", default: "3" }, data: { type: "string" }, mode: { type: "string" } },
  });
  const data = values.data ?? join(HERE, "out", "data");
  const roster = join(data, "roster.csv");
  const units = join(data, "units.csv");
  const parts = Number(values.parts);
  if (values.mode) await child(values.mode, parts, roster, units);
  else {
    const runs = { one: [], parts: [] };
    for (let r = 0; r < Number(values.runs); r++) {
      for (const mode of ["one", "parts"]) {
        const line = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--mode", mode, "--parts", String(parts), "--data", data], {
          encoding: "utf8",
        });
        runs[mode].push(JSON.parse(line));
      }
    }
    for (const [mode, list] of Object.entries(runs)) {
      const label = mode === "one" ? "one thread" : `${parts} workers`;
      const slowest = list.map((x) => Math.max(...x.readSeconds));
      console.log(
        `${label}: ${median(list.map((x) => x.seconds)).toFixed(2)} s in all (${list.map((x) => x.seconds.toFixed(2)).join(", ")}), ` +
          `reading ${median(slowest).toFixed(2)} s, peak RSS ${median(list.map((x) => x.peakRssMb))} MB, ${list[0].people} people`,
      );
    }
  }
}
