import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ESM module without types, shared with the benchmark
import { benchOptions, checkTargets, median, parseCount, planFigures, resultsMarkdown, spread, summarise } from "../../bench/lib.mjs";

describe("bench sizes", () => {
  it.each([
    ["200000", 200000],
    ["200,000", 200000],
    ["200_000", 200000],
    ["100k", 100000],
    ["1m", 1000000],
    ["1.5M", 1500000],
    ["0.0001k", NaN],
    ["lots", NaN],
    ["-5", NaN],
    ["", NaN],
  ])("%s people is %d", (text, n) => {
    expect(parseCount(text)).toBe(n);
  });

  it("defaults to the 1M-people district with 4M training records and 3 runs", () => {
    expect(benchOptions({}, {})).toEqual({ people: 1000000, records: 4000000, runs: 3 });
  });

  it("a quick run needs only the people: records follow at 4 per person", () => {
    expect(benchOptions({ people: "100k" }, {})).toEqual({ people: 100000, records: 400000, runs: 3 });
  });

  it("takes the sizes from BENCH_PEOPLE, BENCH_RECORDS and BENCH_RUNS too; an argument wins", () => {
    expect(benchOptions({}, { BENCH_PEOPLE: "100k", BENCH_RUNS: "1" })).toEqual({ people: 100000, records: 400000, runs: 1 });
    expect(benchOptions({ people: "20000", records: "50000" }, { BENCH_PEOPLE: "100k", BENCH_RECORDS: "9" })).toEqual({
      people: 20000,
      records: 50000,
      runs: 3,
    });
  });

  it.each([
    [{ people: "0" }, /--people \(or BENCH_PEOPLE\) takes a whole number of people .* not "0"/],
    [{ people: "1e6" }, /--people .* not "1e6"/],
    [{ people: "10", records: "3" }, /--records .* at least 4, not "3"/],
    [{ runs: "0" }, /--runs .* at least 1, not "0"/],
  ])("refuses %j with one line saying what to give", (values, message) => {
    const r = benchOptions(values, {});
    expect(r.error).toMatch(message);
    expect(r.error).not.toContain("\n");
  });
});

const paths = { roster: "d/roster.csv", units: "d/units.csv", training: "d/training.csv", trainingFirst: "d/training-first.csv" };
const plan = planFigures({ bin: "bin/swtalent", bareParse: "bench/bare-parse.mjs", paths, outDir: "o", sizes: { trainingFirst: 1000000, training: 4000000 } });
const byKey = (key: string) => plan.find((f: any) => f.key === key);

describe("the figures a round measures", () => {
  it("audit, validate, allowance 1 and 12 months, training at 1M and 4M records, in CSV, and audit, allowance and training in JSON too", () => {
    expect(plan.filter((f: any) => f.format).map((f: any) => `${f.name} (${f.format})`)).toEqual([
      "validate (csv)",
      "audit (csv)",
      "audit (json)",
      "allowance 1 month (csv)",
      "allowance 1 month (json)",
      "allowance 12 months (csv)",
      "training 1,000,000 records (csv)",
      "training 1,000,000 records (json)",
      "training 4,000,000 records (csv)",
      "training 4,000,000 records (json)",
    ]);
  });

  it("each command passes its format and writes its own file", () => {
    const audit = byKey("audit json").args;
    expect(audit.slice(0, 3)).toEqual(["bin/swtalent", "audit", "d/roster.csv"]);
    expect(audit.slice(audit.indexOf("--format"), audit.indexOf("--format") + 4)).toEqual(["--format", "json", "--out", "o/audit.json"]);
    const outs = plan.filter((f: any) => f.format).map((f: any) => f.args[f.args.indexOf("--out") + 1]);
    expect(new Set(outs).size).toBe(outs.length);
  });

  it("every command is held against a bare pass over exactly the files it reads, run before it in the round", () => {
    for (const [i, f] of plan.entries()) {
      if (!f.format) continue;
      const floor = byKey(f.floor);
      const read = f.args.filter((a: string) => Object.values(paths).includes(a));
      expect(floor.args, f.key).toEqual(["bench/bare-parse.mjs", ...floor.inputs]);
      expect([...floor.inputs].sort(), f.key).toEqual([...read].sort());
      expect(f.inputs, f.key).toEqual(floor.inputs);
      expect(plan.indexOf(floor), f.key).toBeLessThan(i);
    }
  });

  it("training's floor reads the roster, the units and the training file", () => {
    expect(byKey(byKey("training csv").floor).inputs).toEqual(["d/roster.csv", "d/units.csv", "d/training.csv"]);
    expect(byKey(byKey("training-first json").floor).inputs).toEqual(["d/roster.csv", "d/units.csv", "d/training-first.csv"]);
    expect(byKey(byKey("audit csv").floor).inputs).toEqual(["d/roster.csv", "d/units.csv"]);
  });
});

describe("summaries of repeated runs", () => {
  it("the median is the middle sample, or the mean of the middle two", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([10, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(spread([5.5, 4.25, 9])).toEqual({ median: 5.5, min: 4.25, max: 9 });
  });

  const figures = [
    { key: "floor", name: "bare", format: null, floor: null, inputs: ["r", "u"] },
    { key: "audit csv", name: "audit", format: "csv", floor: "floor", inputs: ["r", "u"] },
  ];
  const rows: Record<string, number> = { r: 1000, u: 50 };
  const sample = (seconds: number, rssMB: number) => ({ seconds, rssMB });
  const samples = new Map([
    ["floor", [sample(2, 100), sample(4, 104), sample(3, 102)]],
    // the second round was slow for both: its ratio is still 5
    ["audit csv", [sample(8, 500), sample(20, 620), sample(18, 560)]],
  ]);
  const [floor, audit] = summarise(figures, samples, (p: string) => rows[p]);

  it("times and peak RSS are each a median with the smallest and largest run", () => {
    expect(audit.seconds).toEqual({ median: 18, min: 8, max: 20 });
    expect(audit.rssMB).toEqual({ median: 560, min: 500, max: 620 });
    expect(floor.seconds).toEqual({ median: 3, min: 2, max: 4 });
  });

  it("a ratio is taken round by round against the floor of that round", () => {
    expect(audit.ratio).toEqual({ median: 5, min: 4, max: 6 });
    expect(floor.ratio).toEqual({ median: 1, min: 1, max: 1 });
  });

  it("rows/s counts every input row at the median time", () => {
    expect(audit.rows).toBe(1050);
    expect(audit.rowsPerSecond).toBeCloseTo(1050 / 18);
  });

  it("the results page shows each figure with its range, the size run and the machine's load", () => {
    const md = resultsMarkdown({
      results: [floor, audit],
      checks: [{ what: "audit <= 1.5x the bare pass", ok: false, detail: "5.00x" }],
      sizes: { roster: 1000, units: 50, training: 4000, trainingFirst: 1000 },
      options: { people: 1000, records: 4000, runs: 3 },
      machine: { cores: 2, cpu: "AMD EPYC", node: "v20.20.2", rssFrom: "/usr/bin/time -v", loadBefore: "3.1", loadAfter: "4.0" },
      when: "2026-12-01",
    });
    expect(md).toContain("| audit | csv | 1,050 | 18.00 (8.00–20.00) | 5.00 (4.00–6.00) | 58 | 560 (500–620) |");
    expect(md).toContain("| bare |  | 1,050 | 3.00 (2.00–4.00) | 1.00 (1.00–1.00) | 350 | 102 (100–104) |");
    expect(md).toContain("median of 3 runs");
    expect(md).toContain("load average 3.1 at the start, 4.0 at the end");
    expect(md).toContain("roster 1,000 people, units 50, training 4,000 records (and its first 1,000)");
    expect(md).toContain("`npm run bench -- --people 1000 --records 4000 --runs 3`");
    expect(md).toContain("- MISSED: audit <= 1.5x the bare pass (5.00x)");
  });
});

describe("targets", () => {
  const result = (key: string, seconds: number, ratio: number, rss: number[]) => ({
    key,
    name: key.split(" ")[0],
    format: key.split(" ")[1] ?? null,
    seconds: { median: seconds, min: seconds, max: seconds },
    ratio: { median: ratio, min: ratio, max: ratio },
    rssMB: { median: rss[1], min: rss[0], max: rss[2] },
  });
  const checks = checkTargets([
    result("audit csv", 10, 1.0, [380, 390, 400]),
    result("audit json", 10, 1.4, [380, 390, 401]),
    result("allowance-month csv", 10, 4, [500, 500, 500]),
    result("allowance-year csv", 21, 1.5, [500, 500, 500]),
    result("training-first csv", 30, 8, [700, 800, 900]),
    result("training csv", 40, 9, [900, 1000, 1100]),
    result("training-first json", 30, 0.9, [500, 500, 500]),
    result("training json", 40, 1.0, [600, 600, 600]),
  ]);
  const verdict = (what: string) => checks.find((c: any) => c.what.startsWith(what));

  it("judges time and the training memory ratio on medians, at their edges", () => {
    expect(verdict("audit (csv) <=")).toMatchObject({ ok: true, detail: "1.00x" });
    expect(verdict("audit (json) <=")).toMatchObject({ ok: false, detail: "1.40x" });
    expect(verdict("allowance 12 months <=")).toMatchObject({ ok: true, detail: "1.50x" });
    expect(verdict("allowance 12 months < 2x")).toMatchObject({ ok: false, detail: "2.10x" });
    expect(verdict("training, all records (csv)")).toMatchObject({ ok: false, detail: "9.00x" });
    expect(verdict("training, all records (json) <=")).toMatchObject({ ok: true, detail: "1.00x" });
    expect(verdict("training peak RSS at 4x the records <= 1.25x (csv)")).toMatchObject({ ok: true, detail: "1000 MB vs 800 MB: 1.25x" });
    expect(verdict("training peak RSS at 4x the records <= 1.25x (json)")).toMatchObject({ ok: true, detail: "600 MB vs 500 MB: 1.20x" });
  });

  it("judges peak RSS on the largest run", () => {
    expect(verdict("audit (csv) peak RSS")).toMatchObject({ ok: true, detail: "400 MB" });
    expect(verdict("audit (json) peak RSS")).toMatchObject({ ok: false, detail: "401 MB" });
    expect(verdict("training, all records (json) peak RSS")).toMatchObject({ ok: true, detail: "600 MB" });
  });

  it("judges the 1 GiB limit on the largest run of any figure", () => {
    expect(verdict("every command")).toMatchObject({ ok: false, detail: "largest 1100 MB, training (csv)" });
  });
});
