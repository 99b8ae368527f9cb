/**
 * npm run bench: `score --by level` on a synthetic national export against pandas doing the same
 * computation, both measured in this run on this machine. Prints rows/s, the ratio and peak memory,
 * and checks that both arrive at the same means.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundledPath, DEFAULT_QUESTIONNAIRE, PACKAGE_ROOT } from "../src/adapters/files/bundled.ts";
import { loadQuestionnaireFile } from "../src/adapters/files/yaml-source.ts";
import { elementItems } from "../src/core/questionnaire/levels.ts";
import { generateExport } from "./generate.ts";

const ROWS = Number(process.env.BENCH_ROWS ?? 400_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DATA = join(PACKAGE_ROOT, "bench", "data");
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

const loaded = await loadQuestionnaireFile(process.env.BENCH_QUESTIONNAIRE ?? bundledPath(DEFAULT_QUESTIONNAIRE));
if (!loaded.ok) throw new Error("the default questionnaire does not load");
const q = loaded.questionnaire;

mkdirSync(DATA, { recursive: true });
const csv = join(DATA, `export-${q.id}-${loaded.hash}-${ROWS}.csv`);
if (!existsSync(csv)) {
  console.log(`Generating ${ROWS.toLocaleString("da-DK")} rows → ${csv}`);
  await generateExport(q, ROWS, csv);
}
const sizeMb = statSync(csv).size / 1e6;

// The questionnaire's structure for the pandas script: P(e, L), reverse keys, areas per level.
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

const hasPandas = spawnSync(PYTHON, ["-c", "import pandas"]).status === 0;
if (!hasPandas) {
  console.log("pandas is missing; trying: apt-get install -y python3-pandas");
  spawnSync("apt-get", ["install", "-y", "-qq", "python3-pandas"], { stdio: "ignore" });
}
const baseline = spawnSync(PYTHON, ["-c", "import pandas"]).status === 0;
if (!baseline) console.log("NOTE: pandas could not be installed; the baseline is skipped and no ratio is printed.");

execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: PACKAGE_ROOT, stdio: "inherit" });

type Measured = { code: number; wall_s: number; max_rss_mb: number; stdout: string; stderr: string };
const measure = (command: string[]): Measured =>
  JSON.parse(execFileSync(PYTHON, [join(PACKAGE_ROOT, "bench", "measure.py"), ...command], { encoding: "utf8", maxBuffer: 1 << 28 }));

const ours: Measured[] = [];
const theirs: Measured[] = [];
for (let run = 0; run < RUNS; run++) {
  const out = join(DATA, "ours.json");
  const m = measure([process.execPath, join(PACKAGE_ROOT, "bin", "ledelsestjek.js"), "score", csv, "--questionnaire", process.env.BENCH_QUESTIONNAIRE ?? DEFAULT_QUESTIONNAIRE, "--by", "level", "--format", "json", "--out", out]);
  if (m.code !== 0) throw new Error(`ledelsestjek failed: ${m.stderr}`);
  ours.push({ ...m, stdout: readFileSync(out, "utf8") });
  if (baseline) {
    const p = measure([PYTHON, join(PACKAGE_ROOT, "bench", "pandas_baseline.py"), csv, specPath]);
    if (p.code !== 0) throw new Error(`pandas failed: ${p.stderr}`);
    theirs.push(p);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const row = (name: string, runs: Measured[]) => {
  const wall = median(runs.map((r) => r.wall_s));
  return { name, wall, rowsPerSecond: ROWS / wall, rss: Math.max(...runs.map((r) => r.max_rss_mb)) };
};
const results = [row("ledelsestjek score --by level", ours), ...(baseline ? [row("pandas read_csv + element scores", theirs)] : [])];

console.log(`\n${ROWS.toLocaleString("da-DK")} rows, ${sizeMb.toFixed(1)} MB, ${RUNS} runs each (median wall time, whole process)\n`);
console.log("| tool | wall s | rows/s | peak RSS MB |\n|---|---|---|---|");
for (const r of results) console.log(`| ${r.name} | ${r.wall.toFixed(2)} | ${Math.round(r.rowsPerSecond).toLocaleString("da-DK")} | ${r.rss.toFixed(0)} |`);

if (baseline) {
  const ratio = results[1]!.wall / results[0]!.wall;
  const inside = theirs.map((t) => JSON.parse(t.stdout) as { read_s: number; compute_s: number; means: Record<string, Record<string, number | null>> });
  console.log(`\nspeed ratio (pandas time / ours): ${ratio.toFixed(2)}× — ${ratio >= 1 ? "at least as fast as pandas" : "SLOWER than pandas"}`);
  console.log(`pandas inside Python: read_csv ${median(inside.map((i) => i.read_s)).toFixed(2)} s, scoring ${median(inside.map((i) => i.compute_s)).toFixed(2)} s`);
  // Same computation? Compare every level × dimension mean.
  const groups = JSON.parse(ours[0]!.stdout).groups as { by: { level: string }; dimension: string; mean: number | null }[];
  let worst = 0;
  for (const g of groups) {
    const expected = inside[0]!.means[g.by.level]?.[g.dimension];
    if (expected === undefined || expected === null || g.mean === null) continue;
    worst = Math.max(worst, Math.abs(expected - g.mean));
  }
  console.log(`largest difference between the two sets of means: ${worst.toExponential(2)} (${worst < 1e-9 ? "same results" : "RESULTS DIFFER"})`);
}

// The report must take at most twice as long as `score --by` on the same 100 000 respondents.
const REPORT_ROWS = Math.min(ROWS, 100_000);
const reportCsv = join(DATA, `export-${q.id}-${loaded.hash}-${REPORT_ROWS}.csv`);
if (!existsSync(reportCsv)) await generateExport(q, REPORT_ROWS, reportCsv);
const cli = (args: string[]) => measure([process.execPath, join(PACKAGE_ROOT, "bin", "ledelsestjek.js"), ...args, "--questionnaire", process.env.BENCH_QUESTIONNAIRE ?? DEFAULT_QUESTIONNAIRE]);
const scoreRuns: Measured[] = [];
const reportRuns: Measured[] = [];
for (let run = 0; run < RUNS; run++) {
  scoreRuns.push(cli(["score", reportCsv, "--by", "level", "--out", join(DATA, "by-level.csv")]));
  reportRuns.push(cli(["report", reportCsv, "--by", "level", "--out", join(DATA, "rapport.pdf"), "--force"]));
}
for (const m of [...scoreRuns, ...reportRuns]) if (m.code !== 0) throw new Error(m.stderr);
const scoreTime = median(scoreRuns.map((r) => r.wall_s));
const reportTime = median(reportRuns.map((r) => r.wall_s));
console.log(`\n${REPORT_ROWS.toLocaleString("da-DK")} rows: score --by level ${scoreTime.toFixed(2)} s, report --by level ${reportTime.toFixed(2)} s, ratio ${(reportTime / scoreTime).toFixed(2)} (limit 2.00), report peak RSS ${Math.max(...reportRuns.map((r) => r.max_rss_mb)).toFixed(0)} MB`);
