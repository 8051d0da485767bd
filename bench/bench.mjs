/**
 * npm run bench [-- --people N] [--records M] [--skip-generate]
 *
 * Generates a synthetic district into bench/out/ (seeded: the same bytes every time), then
 * times each command as a child process, side by side with a bare csv-parse pass over the
 * same roster (the floor), and writes the table to bench/results.md.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateDistrict } from "./generate.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..");
const OUT = join(HERE, "out");
const BIN = join(ROOT, "bin", "swtalent");

const { values } = parseArgs({
  options: {
    people: { type: "string", default: "1000000" },
    records: { type: "string", default: "4000000" },
    "skip-generate": { type: "boolean", default: false },
  },
});
const people = Number(values.people);
const records = Number(values.records);
if (!Number.isInteger(people) || people < 1 || !Number.isInteger(records) || records < 4) {
  console.error("--people and --records take whole numbers (records at least 4)");
  process.exit(2);
}
const quarter = Math.floor(records / 4);
const data = join(OUT, "data");
const paths = {
  roster: join(data, "roster.csv"),
  units: join(data, "units.csv"),
  training: join(data, "training.csv"),
  trainingFirst: join(data, "training-first.csv"),
};

const mb = (bytes) => (bytes / 1048576).toFixed(0);
const lines = (path) => {
  let n = -1; // the header
  const buf = readFileSync(path);
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
  return n;
};

if (values["skip-generate"] && existsSync(paths.roster)) {
  console.log(`using the data in ${relative(ROOT, data)}`);
} else {
  const t0 = performance.now();
  process.stdout.write(`generating ${people.toLocaleString("en")} people, ${records.toLocaleString("en")} training records ... `);
  await generateDistrict({ dir: data, people, records, firstRecords: quarter });
  console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const size = {
  roster: lines(paths.roster),
  units: lines(paths.units),
  training: lines(paths.training),
  trainingFirst: lines(paths.trainingFirst),
};
for (const [k, p] of Object.entries(paths)) console.log(`  ${relative(ROOT, p)}: ${size[k].toLocaleString("en")} rows, ${mb(statSync(p).size)} MB`);

const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/** Runs `node args` and returns wall seconds and peak RSS in MB. */
function measure(args) {
  const scratch = mkdtempSync(join(tmpdir(), "swtalent-bench-"));
  const rssFile = join(scratch, "rss");
  const timeFile = join(scratch, "time");
  const env = { PATH: process.env.PATH ?? "", LANG: "C", SWTALENT_TODAY: "2022-01-10", BENCH_RSS_FILE: rssFile };
  const [cmd, argv] = TIME
    ? [TIME, ["-v", "-o", timeFile, process.execPath, ...args]]
    : [process.execPath, ["--import", join(HERE, "peak-rss.mjs"), ...args]];
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
      if (code !== 0) reject(new Error(`node ${args.join(" ")} exited ${code}:\n${stderr.slice(0, 2000)}`));
      else resolve({ seconds, rssMB: kb / 1024 });
    });
  });
}

const hasTraining = existsSync(join(ROOT, "dist", "commands", "training.js"));
const common = ["--allow-rejects", "--quiet", "--format", "csv"];
const out = (name) => join(OUT, `${name}.csv`);
const rosterUnits = size.roster + size.units;
const runs = [
  { name: "bare csv-parse (floor)", args: [join(HERE, "bare-parse.mjs"), paths.roster], rows: size.roster },
  { name: "validate", args: [BIN, "validate", paths.roster, "--units", paths.units, ...common, "--out", out("validate")], rows: rosterUnits },
  { name: "audit", args: [BIN, "audit", paths.roster, "--units", paths.units, "--as-of", "2021-12-31", ...common, "--out", out("audit")], rows: rosterUnits },
  { name: "allowance 1 month", args: [BIN, "allowance", paths.roster, "--units", paths.units, "--month", "2021-06", ...common, "--out", out("allowance-month")], rows: rosterUnits },
  {
    name: "allowance 12 months",
    args: [BIN, "allowance", paths.roster, "--units", paths.units, "--from", "2021-01", "--to", "2021-12", ...common, "--out", out("allowance-year")],
    rows: rosterUnits,
  },
  ...(hasTraining
    ? [
        {
          name: `training ${size.trainingFirst.toLocaleString("en")} records`,
          key: "training-first",
          args: [BIN, "training", paths.roster, paths.trainingFirst, "--units", paths.units, "--as-of", "2021-12-31", ...common, "--out", out("training-first")],
          rows: rosterUnits + size.trainingFirst,
        },
        {
          name: `training ${size.training.toLocaleString("en")} records`,
          key: "training",
          args: [BIN, "training", paths.roster, paths.training, "--units", paths.units, "--as-of", "2021-12-31", ...common, "--out", out("training")],
          rows: rosterUnits + size.training,
        },
      ]
    : []),
];
if (!hasTraining) console.log("the training command is not built: skipping it");

const results = [];
for (const r of runs) {
  process.stdout.write(`${r.name} ... `);
  const m = await measure(r.args);
  console.log(`${m.seconds.toFixed(2)} s, ${m.rssMB.toFixed(0)} MB`);
  results.push({ ...r, ...m });
}

const floor = results[0].seconds;
const header = ["command", "seconds", "x bare pass", "rows/s", "peak RSS MB"];
const table = results.map((r) => [
  r.name,
  r.seconds.toFixed(2),
  (r.seconds / floor).toFixed(2),
  Math.round(r.rows / r.seconds).toLocaleString("en"),
  r.rssMB.toFixed(0),
]);

const by = (name) => results.find((r) => r.name === name || r.key === name);
const checks = [];
const check = (what, ok, detail) => checks.push(`- ${ok ? "holds" : "MISSED"}: ${what} (${detail})`);
const audit = by("audit");
check("audit <= 1.5x the bare pass", audit.seconds <= 1.5 * floor, `${(audit.seconds / floor).toFixed(2)}x`);
if (hasTraining) {
  const a = by("training-first");
  const b = by("training");
  check("training peak RSS at 4x the records <= 1.25x", b.rssMB <= 1.25 * a.rssMB, `${b.rssMB.toFixed(0)} MB vs ${a.rssMB.toFixed(0)} MB: ${(b.rssMB / a.rssMB).toFixed(2)}x`);
}
const m1 = by("allowance 1 month");
const m12 = by("allowance 12 months");
check("allowance 12 months < 2x one month", m12.seconds < 2 * m1.seconds, `${(m12.seconds / m1.seconds).toFixed(2)}x`);
const worst = results.reduce((a, b) => (b.rssMB > a.rssMB ? b : a));
check("every command < 1 GiB peak RSS", worst.rssMB < 1024, `largest ${worst.rssMB.toFixed(0)} MB, ${worst.name}`);

const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(`\n${line(header)}\n${table.map(line).join("\n")}\n\n${checks.join("\n")}`);

const md = [
  "# Benchmark results",
  "",
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}, ` +
    `peak RSS from ${TIME ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS"}.`,
  "",
  `Input (generated by bench/generate.mjs, seeded): roster ${size.roster.toLocaleString("en")} people, ` +
    `units ${size.units.toLocaleString("en")}, training ${size.training.toLocaleString("en")} records ` +
    `(and its first ${size.trainingFirst.toLocaleString("en")}). Each command reads the roster and the units file, ` +
    "writes CSV to a file, with `--allow-rejects --quiet`; rows/s counts every input row read.",
  "",
  `| ${header.join(" | ")} |`,
  `|${header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
  ...table.map((row) => `| ${row.join(" | ")} |`),
  "",
  "Targets:",
  "",
  ...checks,
  "",
  `Reproduce: \`npm run bench\` (defaults: --people 1000000 --records 4000000; ${people === 1000000 && records === 4000000 ? "" : `\`npm run bench -- --people ${people} --records ${records}\` for these sizes; `}` +
    "`--skip-generate` reuses bench/out/data).",
  "",
];
writeFileSync(join(HERE, "results.md"), md.join("\n"));
console.log(`\nwritten to ${relative(ROOT, join(HERE, "results.md"))}`);
