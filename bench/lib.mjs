/**
 * The benchmark's pure parts: its options, the figures it measures, the summary of
 * repeated samples and the results page. No files, no processes, no clock: bench.mjs
 * does the I/O, and tests/unit/bench.test.ts holds these to their word.
 */

export const DEFAULT_PEOPLE = 1_000_000;
/** training records per person: 4M records for the default 1M people */
export const RECORDS_PER_PERSON = 4;
export const DEFAULT_RUNS = 3;

/** A count as people type one: 200000, 200,000, 200_000, 200k, 1m, 1.5M. NaN otherwise. */
export function parseCount(text) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([km]?)\s*$/i.exec(String(text).replace(/[,_]/g, ""));
  if (!m) return NaN;
  const n = Number(m[1]) * { "": 1, k: 1e3, m: 1e6 }[m[2].toLowerCase()];
  return Number.isInteger(n) ? n : NaN;
}

/**
 * The run's sizes from the command line (`values` of parseArgs) and the environment
 * (BENCH_PEOPLE, BENCH_RECORDS, BENCH_RUNS); an argument wins over the environment.
 * Returns { people, records, runs } or { error } with one line saying what to do.
 */
export function benchOptions(values, env = {}) {
  const given = (name) => values[name] ?? env[`BENCH_${name.toUpperCase()}`];
  const people = parseCount(given("people") ?? DEFAULT_PEOPLE);
  const records = given("records") === undefined ? RECORDS_PER_PERSON * people : parseCount(given("records"));
  const runs = parseCount(given("runs") ?? DEFAULT_RUNS);
  if (!(people >= 1)) return { error: `--people (or BENCH_PEOPLE) takes a whole number of people such as 100000 or 100k, not "${given("people")}"` };
  if (!(records >= 4)) return { error: `--records (or BENCH_RECORDS) takes a whole number of training records, at least 4, not "${given("records")}"` };
  if (!(runs >= 1)) return { error: `--runs (or BENCH_RUNS) takes a whole number of runs per figure, at least 1, not "${given("runs")}"` };
  return { people, records, runs };
}

/**
 * Every figure of one round, in the order they run. A floor is a bare csv-parse pass over
 * some inputs; every command names the floor over exactly its own inputs, so its ratio
 * compares like with like (the roster read from .xlsx, when `paths.rosterXlsx` is given, is
 * held against the bare pass over the same roster as CSV). `args` are node's arguments;
 * `out` the file a command writes.
 */
export function planFigures({ bin, bareParse, paths, outDir, sizes }) {
  const count = (n) => n.toLocaleString("en");
  const at = (name) => `${outDir}/${name}`;
  const roster = [paths.roster, paths.units];
  const first = [...roster, paths.trainingFirst];
  const all = [...roster, paths.training];
  const floor = (key, name, inputs) => ({ key, name, format: null, floor: null, inputs, args: [bareParse, ...inputs] });
  const command = (key, name, format, floorKey, inputs, argv) => ({
    key: `${key} ${format}`,
    name,
    format,
    floor: floorKey,
    inputs,
    args: [bin, ...argv, "--units", paths.units, "--allow-rejects", "--quiet", "--format", format, "--out", at(`${key}.${format}`)],
  });
  const audit = ["audit", paths.roster, "--as-of", "2021-12-31"];
  const month = ["allowance", paths.roster, "--month", "2021-06"];
  const year = ["allowance", paths.roster, "--from", "2021-01", "--to", "2021-12"];
  const training = (file) => ["training", paths.roster, file, "--as-of", "2021-12-31"];
  const firstName = `training ${count(sizes.trainingFirst)} records`;
  const allName = `training ${count(sizes.training)} records`;
  return [
    floor("floor roster", "bare csv-parse: roster + units", roster),
    command("validate", "validate", "csv", "floor roster", roster, ["validate", paths.roster]),
    // the same roster read from a workbook (streamed, as a large .xlsx is), beside its CSV
    ...(paths.rosterXlsx
      ? [command("validate-xlsx", "validate, roster as .xlsx", "csv", "floor roster", [paths.rosterXlsx, paths.units], ["validate", paths.rosterXlsx])]
      : []),
    command("audit", "audit", "csv", "floor roster", roster, audit),
    command("audit", "audit", "json", "floor roster", roster, audit),
    command("allowance-month", "allowance 1 month", "csv", "floor roster", roster, month),
    command("allowance-month", "allowance 1 month", "json", "floor roster", roster, month),
    command("allowance-year", "allowance 12 months", "csv", "floor roster", roster, year),
    floor("floor training-first", `bare csv-parse: roster + units + ${count(sizes.trainingFirst)} records`, first),
    command("training-first", firstName, "csv", "floor training-first", first, training(paths.trainingFirst)),
    command("training-first", firstName, "json", "floor training-first", first, training(paths.trainingFirst)),
    floor("floor training", `bare csv-parse: roster + units + ${count(sizes.training)} records`, all),
    command("training", allName, "csv", "floor training", all, training(paths.training)),
    command("training", allName, "json", "floor training", all, training(paths.training)),
  ];
}

export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** { median, min, max } of samples. */
export function spread(xs) {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

/**
 * One row per figure from its samples (one { seconds, rssMB } per round, rounds in the
 * same order for every figure). A command's ratio is taken round by round against its
 * floor of that round (a slow spell of the machine then slows both), then summarised.
 */
export function summarise(figures, samples, rowsOf) {
  return figures.map((f) => {
    const own = samples.get(f.key);
    const floor = samples.get(f.floor ?? f.key);
    const rows = f.inputs.reduce((n, p) => n + rowsOf(p), 0);
    const seconds = spread(own.map((s) => s.seconds));
    return {
      ...f,
      rows,
      seconds,
      ratio: spread(own.map((s, i) => s.seconds / floor[i].seconds)),
      rowsPerSecond: rows / seconds.median,
      rssMB: spread(own.map((s) => s.rssMB)),
    };
  });
}

/** The targets the README states, judged on medians; memory on the largest sample. */
export function checkTargets(results) {
  const by = (key) => results.find((r) => r.key === key);
  const checks = [];
  const check = (what, ok, detail) => checks.push({ what, ok, detail });
  const x = (n) => `${n.toFixed(2)}x`;
  const mbOf = (r) => `${r.rssMB.max.toFixed(0)} MB`;
  for (const format of ["csv", "json"]) {
    const audit = by(`audit ${format}`);
    if (!audit) continue;
    check(`audit (${format}) <= 1.0x the bare pass`, audit.ratio.median <= 1, x(audit.ratio.median));
    check(`audit (${format}) peak RSS <= 400 MB`, audit.rssMB.max <= 400, mbOf(audit));
  }
  const year = by("allowance-year csv");
  if (year) check("allowance 12 months <= 1.5x the bare pass", year.ratio.median <= 1.5, x(year.ratio.median));
  const m1 = by("allowance-month csv");
  if (m1 && year) check("allowance 12 months < 2x one month", year.seconds.median < 2 * m1.seconds.median, x(year.seconds.median / m1.seconds.median));
  for (const format of ["csv", "json"]) {
    const a = by(`training-first ${format}`);
    const b = by(`training ${format}`);
    if (b) check(`training, all records (${format}) <= 1.0x the bare pass over both files`, b.ratio.median <= 1, x(b.ratio.median));
    if (a && b) {
      const r = b.rssMB.median / a.rssMB.median;
      check(
        `training peak RSS at 4x the records <= 1.25x (${format})`,
        r <= 1.25,
        `${b.rssMB.median.toFixed(0)} MB vs ${a.rssMB.median.toFixed(0)} MB: ${x(r)}`,
      );
    }
  }
  const trainingJson = by("training json");
  if (trainingJson) check("training, all records (json) peak RSS <= 600 MB", trainingJson.rssMB.max <= 600, mbOf(trainingJson));
  const worst = results.reduce((a, b) => (b.rssMB.max > a.rssMB.max ? b : a));
  check(
    "every command < 1 GiB peak RSS in every run",
    worst.rssMB.max < 1024,
    `largest ${worst.rssMB.max.toFixed(0)} MB, ${worst.name}${worst.format ? ` (${worst.format})` : ""}`,
  );
  return checks;
}

const range = (s, digits) => `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

export const HEADER = ["figure", "output", "input rows", "seconds", "x bare pass", "rows/s", "peak RSS MB"];

/** The table's cells, one array of strings per result. */
export function tableRows(results) {
  return results.map((r) => [
    r.name,
    r.format ?? "",
    r.rows.toLocaleString("en"),
    range(r.seconds, 2),
    range(r.ratio, 2),
    Math.round(r.rowsPerSecond).toLocaleString("en"),
    range(r.rssMB, 0),
  ]);
}

/** bench/results.md. `machine` and `when` come from the caller: this module reads no clock. */
export function resultsMarkdown({ results, checks, sizes, options, machine, when }) {
  const n = (v) => v.toLocaleString("en");
  const isDefault = options.people === DEFAULT_PEOPLE && options.records === RECORDS_PER_PERSON * DEFAULT_PEOPLE && options.runs === DEFAULT_RUNS;
  return [
    "# Benchmark results",
    "",
    `Measured ${when} on ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, peak RSS from ${machine.rssFrom}. ` +
      `The machine is shared with other work and noisy: load average ${machine.loadBefore} at the start, ${machine.loadAfter} at the end.`,
    "",
    `Input (generated by bench/generate.mjs, seeded): roster ${n(sizes.roster)} people, units ${n(sizes.units)}, ` +
      `training ${n(sizes.training)} records (and its first ${n(sizes.trainingFirst)}). ` +
      "Each command reads the roster and the units file (training also its records), writes its output to a file with " +
      "`--allow-rejects --quiet`; rows/s counts every input row read, at the median time.",
    "",
    `Each figure is the median of ${options.runs} run${options.runs === 1 ? "" : "s"}, with the smallest and largest in brackets; ` +
      "the runs go round by round (every figure once, then again), so a slow spell of the machine touches every figure alike. " +
      "A ratio compares a command with the bare csv-parse pass (bench/bare-parse.mjs: plain arrays, no cast) over the same " +
      "input files in the same round, and is the median of those per-round ratios.",
    "",
    `| ${HEADER.join(" | ")} |`,
    `|${HEADER.map((_, i) => (i < 2 ? "---" : "---:")).join("|")}|`,
    ...tableRows(results).map((row) => `| ${row.join(" | ")} |`),
    "",
    "Targets:",
    "",
    ...checks.map((c) => `- ${c.ok ? "holds" : "MISSED"}: ${c.what} (${c.detail})`),
    "",
    `Reproduce: \`npm run bench\` (defaults: --people 1000000, --records 4 per person, --runs 3` +
      (isDefault ? "" : `; these figures: \`npm run bench -- --people ${options.people} --records ${options.records} --runs ${options.runs}\``) +
      "). Data of the same size is reused from bench/out/data.",
    "",
  ].join("\n");
}
