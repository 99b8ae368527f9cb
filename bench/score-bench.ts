/**
 * npm run bench: `score --by level` on synthetic national exports (400 000, 100 000 and 4 000
 * respondents) against pandas, polars and DuckDB doing the same computation and against the read
 * floor (Node reading the bytes and counting lines), all measured in this run, interleaved, best of
 * BENCH_RUNS. Prints ratios, peak memory (RSS of each child process, threads included), whether the
 * peers arrive at the same means, and the targets of issue 22.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { join } from "node:path";
import { bundledPath, DEFAULT_QUESTIONNAIRE, PACKAGE_ROOT } from "../src/adapters/files/bundled.ts";
import { loadQuestionnaireFile } from "../src/adapters/files/questionnaire-file.ts";
import { elementItems } from "../src/core/questionnaire/levels.ts";
import { parallelSettings } from "../src/adapters/csv/parallel/ranges.ts";
import { generateExport } from "./generate.ts";
import { roomForThreads } from "./together.ts";

const SIZES = (process.env.BENCH_ROWS ?? "400000,100000,4000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DATA = join(PACKAGE_ROOT, "bench", "data");
const SYSTEM_PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const VENV = join(PACKAGE_ROOT, "bench", ".venv");
const PYTHON = join(VENV, "bin", "python");
const QUESTIONNAIRE = process.env.BENCH_QUESTIONNAIRE ?? DEFAULT_QUESTIONNAIRE;
const CLI = join(PACKAGE_ROOT, "bin", "ledelsestjek.js");

const loaded = await loadQuestionnaireFile(process.env.BENCH_QUESTIONNAIRE ?? bundledPath(DEFAULT_QUESTIONNAIRE));
if (!loaded.ok) throw new Error("the default questionnaire does not load");
const q = loaded.questionnaire;
mkdirSync(DATA, { recursive: true });

// The questionnaire's structure for the peers: P(e, L), reverse keys, areas per level.
const spec = {
  min: q.scale.min,
  max: q.scale.max,
  min_answered: q.scoring.min_answered,
  items: q.areas.flatMap((a) => a.elements.flatMap((e) => e.items.map((i) => i.id))),
  levels: Object.fromEntries(q.levels.map((level) => {
    const elements = Object.fromEntries(q.areas.flatMap((a) => a.elements)
      .map((e) => [e.id, elementItems(e, level.id)] as const)
      .filter(([, items]) => items.length > 0)
      .map(([id, items]) => [id, { items: items.map((i) => i.id), reverse: items.filter((i) => i.reverse).map((i) => i.id) }]));
    const areas = Object.fromEntries(q.areas.map((a) => [a.id, a.elements.map((e) => e.id).filter((id) => id in elements)]).filter(([, ids]) => ids!.length > 0));
    return [level.id, { elements, areas, total: Object.keys(elements) }];
  })),
};
const specPath = join(DATA, "spec.json");
writeFileSync(specPath, JSON.stringify(spec));

// The peers live in the bench's own virtual environment (bench/.venv, git-ignored).
if (!existsSync(PYTHON)) {
  console.log("Creating bench/.venv and installing pandas, polars and duckdb with pip …");
  spawnSync(SYSTEM_PYTHON, ["-m", "venv", VENV], { stdio: "inherit" });
  spawnSync(PYTHON, ["-m", "pip", "install", "-q", "pandas", "polars", "duckdb"], { stdio: "inherit" });
}
const has = (module: string) => existsSync(PYTHON) && spawnSync(PYTHON, ["-c", `import ${module}`]).status === 0;
const peers = (["pandas", "polars", "duckdb"] as const).filter((tool) => {
  if (has(tool)) return true;
  console.log(`NOTE: ${tool} is missing from bench/.venv (pip install ${tool} failed?); it is skipped.`);
  return false;
});

execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: PACKAGE_ROOT, stdio: "inherit" });

type Measured = { code: number; wall_s: number; max_rss_mb: number; stdout: string; stderr: string };
const measure = (command: string[], env: Record<string, string> = {}): Measured => {
  const m: Measured = JSON.parse(execFileSync(SYSTEM_PYTHON, [join(PACKAGE_ROOT, "bench", "measure.py"), ...command], { encoding: "utf8", maxBuffer: 1 << 28, env: { ...process.env, ...env } }));
  if (m.code !== 0) throw new Error(`${command.join(" ")} failed: ${m.stderr}`);
  return m;
};
type Means = Record<string, Record<string, number | null>>;
type Contender = { name: string; run: (csv: string) => Measured; means?: (m: Measured) => Means };

const ourMeans = (file: string) => (): Means => {
  const means: Means = {};
  for (const g of JSON.parse(readFileSync(file, "utf8")).groups as { by: { level: string }; dimension: string; mean: number | null; total: boolean }[]) {
    if (!g.total) (means[g.by.level] ??= {})[g.dimension] = g.mean;
  }
  return means;
};
const ours = (name: string, key: string, env: Record<string, string>): Contender => {
  const out = join(DATA, `ours-${key}.json`);
  return { name, run: (csv) => measure([process.execPath, CLI, "score", csv, "--questionnaire", QUESTIONNAIRE, "--by", "level", "--format", "json", "--out", out], env), means: ourMeans(out) };
};
const contenders: Contender[] = [
  ours("ledelsestjek (default: every core from 64 MB)", "default", {}),
  ours("ledelsestjek, one thread (LEDELSESTJEK_THREADS=1)", "one-thread", { LEDELSESTJEK_THREADS: "1" }),
  ours("ledelsestjek, every core at any size (LEDELSESTJEK_PARALLEL_MIN_BYTES=0)", "parallel", { LEDELSESTJEK_PARALLEL_MIN_BYTES: "0" }),
  ...peers.map((tool): Contender => ({
    name: tool,
    run: (csv) => measure(tool === "pandas" ? [PYTHON, join(PACKAGE_ROOT, "bench", "pandas_baseline.py"), csv, specPath] : [PYTHON, join(PACKAGE_ROOT, "bench", "peers.py"), tool, csv, specPath]),
    means: (m) => JSON.parse(m.stdout).means as Means,
  })),
  { name: "read floor (Node: read the bytes, count lines)", run: (csv) => measure([process.execPath, join(PACKAGE_ROOT, "bench", "read-floor.mjs"), csv]) },
];

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(`\nMachine: ${cpu}, ${availableParallelism()} threads available, Node ${process.version}; best of ${RUNS} interleaved runs (whole process wall time, peak RSS of the process)`);
console.log(`Load average at the start: ${loadavg().map((l) => l.toFixed(1)).join(" ")} (other work on the machine makes every figure slower; the ratios are what to read)`);

for (const rows of SIZES) {
  const csv = join(DATA, `export-${q.id}-${loaded.hash}-${rows}.csv`);
  if (!existsSync(csv)) {
    console.log(`Generating ${rows.toLocaleString("da-DK")} rows → ${csv}`);
    await generateExport(q, rows, csv);
  }
  const runs = contenders.map(() => [] as Measured[]);
  for (let run = 0; run < RUNS; run++) contenders.forEach((c, i) => runs[i]!.push(c.run(csv)));
  const best = runs.map((r) => Math.min(...r.map((m) => m.wall_s)));
  const rss = runs.map((r) => Math.max(...r.map((m) => m.max_rss_mb)));
  const [mine, oneThread] = [best[0]!, best[1]!];
  const floor = best[best.length - 1]!;
  console.log(`\n${rows.toLocaleString("da-DK")} rows, ${(statSync(csv).size / 1e6).toFixed(1)} MB\n`);
  console.log("| tool | best wall s | ours ÷ tool | peak RSS MB |\n|---|---|---|---|");
  contenders.forEach((c, i) => console.log(`| ${c.name} | ${best[i]!.toFixed(2)} | ${(mine / best[i]!).toFixed(2)} | ${rss[i]!.toFixed(0)} |`));
  // Same computation? Every level × dimension mean of each peer against ours.
  const reference = contenders[0]!.means!(runs[0]![0]!);
  contenders.slice(1).forEach((c, i) => {
    if (!c.means) return;
    const theirs = c.means(runs[i + 1]![0]!);
    let worst = 0;
    for (const [level, dims] of Object.entries(reference)) {
      for (const [dim, mean] of Object.entries(dims)) {
        const other = theirs[level]?.[dim];
        if (mean !== null && other !== null && other !== undefined) worst = Math.max(worst, Math.abs(mean - other));
      }
    }
    console.log(`${c.name}: largest difference from our means ${worst.toExponential(2)} (${worst < 1e-9 ? "same results" : "RESULTS DIFFER"})`);
  });
  const peerBest = peers.length > 0 ? Math.min(...peers.map((p) => best[contenders.findIndex((c) => c.name === p)]!)) : undefined;
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  if (peerBest !== undefined) console.log(`ours ÷ fastest peer: ${(mine / peerBest).toFixed(2)} (target ≤ 0.80: ${verdict(mine / peerBest <= 0.8)})`);
  console.log(`ours ÷ read floor: ${(mine / floor).toFixed(2)} (target ≤ 2.50: ${verdict(mine / floor <= 2.5)}); peak RSS ${rss[0]!.toFixed(0)} MB (target ≤ 250: ${verdict(rss[0]! <= 250)})`);
  const oneThreadPath = statSync(csv).size < parallelSettings().minBytes;
  console.log(`default ÷ one thread: ${(mine / oneThread).toFixed(2)}${oneThreadPath ? ` (under ${parallelSettings().minBytes / 2 ** 20} MB the default is one thread, so this should be ≈ 1)` : ""}`);
  console.log(`every core ÷ one thread: ${(best[2]! / oneThread).toFixed(2)} (above 1: the workers cost more than they win at this size)`);
  if (rows === SIZES[0] && availableParallelism() > 1) {
    // What the read-floor target asks of a second thread here: the one-thread run, copied, at once.
    const copies = Math.min(availableParallelism(), 8);
    const room = await roomForThreads((copy) => [process.execPath, CLI, "score", csv, "--questionnaire", QUESTIONNAIRE, "--by", "level", "--format", "json", "--out", join(DATA, `ours-together-${copy}.json`)], copies, RUNS, { LEDELSESTJEK_THREADS: "1" });
    console.log(`room for threads on this machine: ${copies} one-thread runs at once took ${room.atOnce.toFixed(2)} s, one alone ${room.alone.toFixed(2)} s, so each ran ${room.slowdown.toFixed(2)}× slower;`);
    console.log(`  spread over ${copies} threads, with nothing lost to splitting, the one-thread work could be at most ${room.bestSpeedup.toFixed(2)}× as fast: ${(oneThread / room.bestSpeedup).toFixed(2)} s, ${(oneThread / room.bestSpeedup / floor).toFixed(2)} × the read floor (target ≤ 2.50)`);
  }
}

// The report must take at most twice as long as `score --by` on the same 100 000 respondents.
const REPORT_ROWS = 100_000;
const reportCsv = join(DATA, `export-${q.id}-${loaded.hash}-${REPORT_ROWS}.csv`);
if (!existsSync(reportCsv)) await generateExport(q, REPORT_ROWS, reportCsv);
const cli = (args: string[]) => measure([process.execPath, CLI, ...args, "--questionnaire", QUESTIONNAIRE]);
const scoreRuns: Measured[] = [];
const reportRuns: Measured[] = [];
for (let run = 0; run < RUNS; run++) {
  scoreRuns.push(cli(["score", reportCsv, "--by", "level", "--out", join(DATA, "by-level.csv")]));
  reportRuns.push(cli(["report", reportCsv, "--by", "level", "--out", join(DATA, "rapport.pdf"), "--force"]));
}
const scoreTime = Math.min(...scoreRuns.map((r) => r.wall_s));
const reportTime = Math.min(...reportRuns.map((r) => r.wall_s));
// A table of many combinations: the disclosure engine's exact check over ~3 900 group × kommune cells per dimension.
const tableRuns: Measured[] = [];
for (let run = 0; run < RUNS; run++) tableRuns.push(cli(["score", reportCsv, "--by", "group,kommune", "--out", join(DATA, "by-group-kommune.csv")]));
const tableTime = Math.min(...tableRuns.map((r) => r.wall_s));
console.log(`\n${REPORT_ROWS.toLocaleString("da-DK")} rows: score --by group,kommune (≈3 900 cells) ${tableTime.toFixed(2)} s, ${(tableTime / scoreTime).toFixed(2)}× score --by level, peak RSS ${Math.max(...tableRuns.map((r) => r.max_rss_mb)).toFixed(0)} MB`);
// Few rows in many combinations (the first 1 200 rows: 40 groups × 98 kommuner, 1 039 of them met): nearly every cell is
// small, the hardest case for the exact check. Against score --by level on the same rows.
const sparseCsv = join(DATA, "first-1200-rows.csv");
writeFileSync(sparseCsv, readFileSync(reportCsv, "utf8").split("\n").slice(0, 1201).join("\n") + "\n");
const sparse = (by: string) => Math.min(...Array.from({ length: RUNS }, () => cli(["score", sparseCsv, "--by", by, "--out", join(DATA, "sparse.csv")]).wall_s));
const [sparseLevel, sparseTable] = [sparse("level"), sparse("group,kommune")];
console.log(`\n1.200 rows in 40 groups × 98 kommuner: score --by group,kommune ${sparseTable.toFixed(2)} s, ${(sparseTable / sparseLevel).toFixed(2)}× score --by level`);
// convert --to long writes more than it reads (4× here): the readers await the output's drain between ranges, so memory stays that of reading.
const convertRss = ([{ LEDELSESTJEK_PARALLEL_MIN_BYTES: "0" }, { LEDELSESTJEK_THREADS: "1" }] as Record<string, string>[]).map((env) => measure([process.execPath, CLI, "convert", reportCsv, "--to", "long", "--questionnaire", QUESTIONNAIRE, "--out", join(DATA, "long.csv")], env).max_rss_mb);
console.log(`\n${REPORT_ROWS.toLocaleString("da-DK")} rows: convert --to long (${(statSync(join(DATA, "long.csv")).size / 1e6).toFixed(0)} MB out) peak RSS with every core ${convertRss[0]!.toFixed(0)} MB, one thread ${convertRss[1]!.toFixed(0)} MB`);
// A researcher's worst file: every third row with an answer out of range, scored with --lenient (the rows skipped and listed).
const badCsv = join(DATA, "every-third-row-bad.csv");
writeFileSync(badCsv, readFileSync(reportCsv, "utf8").split("\n").map((line, i) => (i % 3 === 1 ? line.replace(/^((?:[^,]*,){8})[^,]*/, "$17") : line)).join("\n"));
const lenient = Math.min(...Array.from({ length: RUNS }, () => cli(["score", badCsv, "--by", "level", "--lenient", "--rejects", join(DATA, "rejects.csv"), "--out", join(DATA, "lenient.csv")]).wall_s));
console.log(`\n${REPORT_ROWS.toLocaleString("da-DK")} rows, every third bad: score --by level --lenient ${lenient.toFixed(2)} s, ${(lenient / scoreTime).toFixed(2)}× the clean file`);
console.log(`\n${REPORT_ROWS.toLocaleString("da-DK")} rows: score --by level ${scoreTime.toFixed(2)} s, report --by level ${reportTime.toFixed(2)} s, ratio ${(reportTime / scoreTime).toFixed(2)} (limit 2.00), report peak RSS ${Math.max(...reportRuns.map((r) => r.max_rss_mb)).toFixed(0)} MB`);
