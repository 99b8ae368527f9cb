import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convert } from "../../src/cli/commands/convert.ts";
import { gaps } from "../../src/cli/commands/gaps.ts";
import { merge } from "../../src/cli/commands/merge.ts";
import { report } from "../../src/cli/commands/report.ts";
import { score } from "../../src/cli/commands/score.ts";
import { show } from "../../src/cli/commands/show.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { loadQuestionnaireFile } from "../../src/adapters/files/questionnaire-file.ts";
import { captureStream } from "../helpers/capture.ts";
import { fixture, MINI, ROOT, tmpDir } from "../helpers/paths.ts";
import { missing, missingPythonModule, PYTHON } from "../helpers/system.ts";

const MIRROR_Q = fixture("questionnaires", "valid", "mirror.yaml");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
// Data rows counted by hand (and with Python's csv module): mini-utf8.csv has 6 respondents (one
// quoted comment spans two lines), mirror.csv has 17.
const ROWS: Record<string, number> = { "mini-utf8.csv": 6, "mirror.csv": 17 };

/** The real sha256sum binary's answer for a file. */
const sha256sum = (path: string) => execFileSync("sha256sum", [path], { encoding: "utf8" }).split(" ")[0]!;

/** A fresh folder holding copies of the fixtures, so the names in the provenance are plain file names. */
function folderWith(...names: string[]): string {
  const dir = tmpDir();
  for (const name of names) copyFileSync(fixture("responses", name), join(dir, name));
  return dir;
}

async function questionnaireFingerprint(file: string): Promise<string> {
  const loaded = await loadQuestionnaireFile(file);
  if (!loaded.ok) throw new Error("fixture invalid");
  return loaded.hash;
}

function expectProvenance(p: any, dir: string, names: string[], q: { id: string; version: string; fingerprint: string }) {
  expect(p.tool).toBe("ledelsestjek");
  expect(p.version).toBe(VERSION);
  expect(p.questionnaire).toMatchObject({ id: q.id, version: q.version });
  // The full SHA-256 of the questionnaire's content; the report prints its first 12 characters.
  expect(p.questionnaire.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(p.questionnaire.sha256.slice(0, 12)).toBe(q.fingerprint);
  expect(p.inputs).toEqual(names.map((name) => ({ name, sha256: sha256sum(join(dir, name)), rows: ROWS[name] })));
}

describe.skipIf(missing("sha256sum"))("provenance in every JSON output", () => {
  it.each([
    ["score per respondent", { format: "json" }],
    ["score --by level", { format: "json", by: "level" }],
    ["score --item-stats", { format: "json", itemStats: true }],
  ])("%s carries the tool, the questionnaire and each input with sha256sum's hash and its rows", async (_, extra) => {
    const dir = folderWith("mini-utf8.csv");
    const out = captureStream();
    expect(await score({ questionnaire: MINI, files: ["mini-utf8.csv"], ...extra }, memoryIo(dir).io, out.stream)).toBe(0);
    const json = JSON.parse(out.text());
    expectProvenance(json.provenance, dir, ["mini-utf8.csv"], { id: "mini", version: "2", fingerprint: await questionnaireFingerprint(MINI) });
  });

  it("gaps --format json names both files of a two-file run, in the order given", async () => {
    const dir = folderWith("mirror.csv", "mini-utf8.csv");
    copyFileSync(join(dir, "mirror.csv"), join(dir, "mirror-copy.csv"));
    ROWS["mirror-copy.csv"] = 17;
    const out = captureStream();
    expect(await gaps({ questionnaire: MIRROR_Q, files: ["mirror.csv", "mirror-copy.csv"], format: "json" }, memoryIo(dir).io, out.stream)).toBe(0);
    expectProvenance(JSON.parse(out.text()).provenance, dir, ["mirror.csv", "mirror-copy.csv"], { id: "spejl", version: "1", fingerprint: await questionnaireFingerprint(MIRROR_Q) });
  });

  it("show --json names the questionnaire (it rests on no data file)", async () => {
    const { io, stdout } = memoryIo(ROOT);
    await show({ questionnaire: MINI, json: true }, io);
    const p = JSON.parse(stdout()).provenance;
    expect(p).toMatchObject({ tool: "ledelsestjek", version: VERSION, questionnaire: { id: "mini", version: "2" }, inputs: [] });
    expect(p.questionnaire.sha256.slice(0, 12)).toBe(await questionnaireFingerprint(MINI));
  });
});

describe.skipIf(missing("sha256sum"))("CSV outputs written with --out: a sidecar beside them", () => {
  const cases: [string, (dir: string) => Promise<number>, string][] = [
    ["score", (dir) => score({ questionnaire: MINI, files: ["mini-utf8.csv"], out: "scores.csv" }, memoryIo(dir).io), "scores.csv"],
    ["score --by", (dir) => score({ questionnaire: MINI, files: ["mini-utf8.csv"], by: "level", out: "scores.csv" }, memoryIo(dir).io), "scores.csv"],
    ["score --item-stats", (dir) => score({ questionnaire: MINI, files: ["mini-utf8.csv"], itemStats: true, out: "scores.csv" }, memoryIo(dir).io), "scores.csv"],
    ["gaps", (dir) => gaps({ questionnaire: MINI, files: ["mini-utf8.csv"], out: "gaps.csv" }, memoryIo(dir).io), "gaps.csv"],
    ["merge", (dir) => merge({ questionnaire: MINI, files: ["mini-utf8.csv"], out: "samlet.csv" }, memoryIo(dir).io), "samlet.csv"],
    ["report --csv", (dir) => report({ questionnaire: MINI, files: ["mini-utf8.csv"], out: "r.pdf", csv: "tal.csv" }, memoryIo(dir, "da", { SOURCE_DATE_EPOCH: "1767225600" }).io), "tal.csv"],
    ["convert", (dir) => convert({ questionnaire: MINI, files: ["mini-utf8.csv"], to: "long", out: "lang.csv" }, memoryIo(dir).io), "lang.csv"],
  ];

  it.each(cases)("%s writes <out>.provenance.json naming the CSV with its hash", async (_, run, out) => {
    const dir = folderWith("mini-utf8.csv");
    expect(await run(dir)).toBe(0);
    const sidecar = JSON.parse(readFileSync(join(dir, `${out}.provenance.json`), "utf8"));
    expect(sidecar.output).toEqual({ name: out, sha256: sha256sum(join(dir, out)) });
    expectProvenance(sidecar.provenance, dir, ["mini-utf8.csv"], { id: "mini", version: "2", fingerprint: await questionnaireFingerprint(MINI) });
  });

  it("writes no sidecar when the CSV goes to standard output, nor beside a JSON file", async () => {
    const dir = folderWith("mini-utf8.csv");
    await score({ questionnaire: MINI, files: ["mini-utf8.csv"] }, memoryIo(dir).io, captureStream().stream);
    await score({ questionnaire: MINI, files: ["mini-utf8.csv"], format: "json", out: "s.json" }, memoryIo(dir).io);
    expect(existsSync(join(dir, "s.json.provenance.json"))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, "s.json"), "utf8")).provenance.inputs[0].name).toBe("mini-utf8.csv");
  });

  it.skipIf(missingPythonModule("pandas", "python3-pandas"))("the CSVs still read in pandas with the expected columns", async () => {
    const dir = folderWith("mini-utf8.csv");
    for (const [, run] of cases.filter(([name]) => !["score --by", "score --item-stats", "report --csv"].includes(name))) await run(dir);
    await score({ questionnaire: MINI, files: ["mini-utf8.csv"], by: "level", out: "by.csv" }, memoryIo(dir).io);
    const script = [
      "import pandas as pd, sys, json",
      "out = {}",
      "for f in sys.argv[1:]:",
      "    d = pd.read_csv(f, dtype=str, keep_default_na=False)",
      "    out[f] = {'columns': list(d.columns), 'rows': len(d)}",
      "print(json.dumps(out))",
    ].join("\n");
    const read = JSON.parse(execFileSync(PYTHON, ["-c", script, "scores.csv", "gaps.csv", "samlet.csv", "lang.csv", "by.csv"], { cwd: dir, encoding: "utf8" }));
    expect(read["scores.csv"]).toEqual({ columns: ["respondent_id", "level", "group", "e1", "e2", "e3", "a1", "a2", "total", "kommune"], rows: 6 });
    expect(read["gaps.csv"].columns).toEqual(["population", "dimension", "kind", "group_a", "group_b", "n_a", "n_b", "mean_a", "mean_b", "diff", "flagged", "suppressed", "mirror_item"]);
    expect(read["samlet.csv"]).toEqual({ columns: readFileSync(join(dir, "mini-utf8.csv"), "utf8").split("\n")[0]!.split(","), rows: 6 });
    expect(read["lang.csv"].columns.slice(0, 3)).toEqual(["respondent_id", "item_id", "value"]);
    expect(read["by.csv"].columns.slice(0, 3)).toEqual(["level", "population", "dimension"]);
  });
});
