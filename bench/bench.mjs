/**
 * npm run bench [-- --people N] [--records M] [--runs R] [--skip-generate] [--out-dir DIR] [--results FILE]
 *
 * Generates a synthetic district into bench/out/data (seeded: the same bytes every time;
 * reused while its size and generator are unchanged), then times each command as a child
 * process, R rounds of every figure (default 3), each command beside a bare csv-parse pass
 * over the same input files, and writes the medians with their ranges to bench/results.md.
 * The roster is also read as an .xlsx (bench/xlsx.mjs) beside its CSV: time and peak RSS.
 * Sizes may also come from BENCH_PEOPLE, BENCH_RECORDS and BENCH_RUNS; `--people 100k`
 * makes a quick run (records default to 4 per person).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateDistrict } from "./generate.mjs";
import { writeRosterXlsx } from "./xlsx.mjs";
import { HEADER, benchOptions, checkTargets, planFigures, resultsMarkdown, summarise, tableRows } from "./lib.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..");
const BIN = join(ROOT, "bin", "swtalent");

/** One line on stderr and the exit code: 2 for a bad argument, 1 for a failed run. */
function fail(message, code) {
  console.error(`bench: ${message}`);
  process.exit(code);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      people: { type: "string" },
      records: { type: "string" },
      runs: { type: "string" },
      "skip-generate": { type: "boolean", default: false },
      "out-dir": { type: "string", default: join(HERE, "out") },
      results: { type: "string", default: join(HERE, "results.md") },
    },
  }));
} catch (e) {
  fail(`${e.message} (see the top of bench/bench.mjs for the options)`, 2);
}
const options = benchOptions(values, process.env);
if (options.error) fail(options.error, 2);
const { people, records, runs } = options;
const OUT = resolve(values["out-dir"]);
const RESULTS = resolve(values.results);
const data = join(OUT, "data");
const paths = {
  roster: join(data, "roster.csv"),
  units: join(data, "units.csv"),
  training: join(data, "training.csv"),
  trainingFirst: join(data, "training-first.csv"),
};
const shown = (p) => relative(process.cwd(), p) || ".";

const mb = (bytes) => (bytes / 1048576).toFixed(0);
const lines = (path) => {
  let n = -1; // the header
  const buf = readFileSync(path);
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
  return n;
};

/** What the data was made from: reused only while all of it is the same. */
const recipe = JSON.stringify({
  people,
  records,
  firstRecords: Math.floor(records / 4),
  generator: createHash("sha256")
    .update(readFileSync(join(HERE, "generate.mjs")))
    .digest("hex"),
});
const recipeFile = join(data, "recipe.json");
const haveData = Object.values(paths).every((p) => existsSync(p));
if (values["skip-generate"] && haveData) {
  console.log(`using the data in ${shown(data)} as it is`);
} else if (haveData && existsSync(recipeFile) && readFileSync(recipeFile, "utf8") === recipe) {
  console.log(`reusing the data in ${shown(data)} (same size, same generator)`);
} else {
  const t0 = performance.now();
  process.stdout.write(`generating ${people.toLocaleString("en")} people, ${records.toLocaleString("en")} training records ... `);
  rmSync(recipeFile, { force: true });
  await generateDistrict({ dir: data, people, records, firstRecords: Math.floor(records / 4) });
  writeFileSync(recipeFile, recipe);
  console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const rosterXlsx = join(data, "roster.xlsx");
if (!existsSync(rosterXlsx) || statSync(rosterXlsx).mtimeMs < statSync(paths.roster).mtimeMs) {
  const t0 = performance.now();
  process.stdout.write("writing the roster as .xlsx ... ");
  await writeRosterXlsx(paths.roster, rosterXlsx);
  console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const rowsByPath = new Map(Object.values(paths).map((p) => [p, lines(p)]));
rowsByPath.set(rosterXlsx, rowsByPath.get(paths.roster));
console.log(`  ${shown(rosterXlsx)}: the same rows, ${mb(statSync(rosterXlsx).size)} MB`);
const sizes = Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, rowsByPath.get(p)]));
for (const p of Object.values(paths)) console.log(`  ${shown(p)}: ${rowsByPath.get(p).toLocaleString("en")} rows, ${mb(statSync(p).size)} MB`);

const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/** Runs `node args` and returns wall seconds and peak RSS in MB. */
function measure(args) {
  const scratch = mkdtempSync(join(tmpdir(), "swtalent-bench-"));
  const rssFile = join(scratch, "rss");
  const timeFile = join(scratch, "time");
  const env = { PATH: process.env.PATH ?? "", LANG: "C", SWTALENT_TODAY: "2022-01-10", BENCH_RSS_FILE: rssFile };
  const [cmd, argv] = TIME ? [TIME, ["-v", "-o", timeFile, process.execPath, ...args]] : [process.execPath, ["--import", join(HERE, "peak-rss.mjs"), ...args]];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - t0) / 1000;
      let kb;
      if (TIME) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, "utf8"));
        kb = m ? Number(m[1]) : NaN;
      } else {
        kb = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) : NaN;
      }
      rmSync(scratch, { recursive: true, force: true });
      // no run passes --check, so anything but 0 is a failure (an uncaught error exits 1 too)
      if (code !== 0) reject(new Error(`node ${args.join(" ")} exited ${code}: ${stderr.trim().split("\n")[0] ?? ""}`));
      else resolve({ seconds, rssMB: kb / 1024 });
    });
  });
}

const figures = planFigures({ bin: BIN, bareParse: join(HERE, "bare-parse.mjs"), paths: { ...paths, rosterXlsx }, outDir: OUT, sizes });
const label = (f) => `${f.name}${f.format ? ` (${f.format})` : ""}`;
const loadBefore = loadavg()[0].toFixed(1);
const samples = new Map(figures.map((f) => [f.key, []]));
mkdirSync(OUT, { recursive: true });
for (let round = 1; round <= runs; round++) {
  console.log(`round ${round} of ${runs}`);
  for (const f of figures) {
    process.stdout.write(`  ${label(f)} ... `);
    const m = await measure(f.args).catch((e) => fail(e.message, 1));
    console.log(`${m.seconds.toFixed(2)} s, ${m.rssMB.toFixed(0)} MB`);
    samples.get(f.key).push(m);
  }
}
const loadAfter = loadavg()[0].toFixed(1);

const results = summarise(figures, samples, (p) => rowsByPath.get(p));
const checks = checkTargets(results);
const table = tableRows(results);
const widths = HEADER.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (row) => row.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(`\n${line(HEADER)}\n${table.map(line).join("\n")}\n`);
for (const c of checks) console.log(`- ${c.ok ? "holds" : "MISSED"}: ${c.what} (${c.detail})`);

const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model.trim() || "unknown CPU",
  node: process.version,
  rssFrom: TIME ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS",
  loadBefore,
  loadAfter,
};
const when = new Date().toISOString().slice(0, 10);
writeFileSync(RESULTS, resultsMarkdown({ results, checks, sizes, options, machine, when }));
console.log(`\nwritten to ${shown(RESULTS)}`);
