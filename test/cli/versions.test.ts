import { describe, expect, it } from "vitest";
import { bundledFor, olderVersions } from "../../src/adapters/files/bundled.ts";
import { list } from "../../src/cli/commands/list.ts";
import { score } from "../../src/cli/commands/score.ts";
import { UserError } from "../../src/cli/errors.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { captureStream } from "../helpers/capture.ts";
import { fixture, ROOT, tmpDir } from "../helpers/paths.ts";

const V1 = fixture("responses", "faglig-ledelse-1.0.csv");
const V20 = fixture("responses", "faglig-ledelse-2.0.csv");

// Expected figures: test/reference/v1_expected.py (SPEC §4 in Python, P(e, L) read from the kept 1.0 file with PyYAML).
const EXPECTED = [
  "respondent_id,level,group,saette-retningen,organisere,understoette,foelge-op,identifikation,indsamling,praesentation,anvendelse,faglig-ledelse,ledelsesinformation,total",
  "v1-team,teamleder,Team A,54.17,41.67,55,56.25,100,41.67,41.67,66.67,51.77,62.5,57.14",
  "v1-chef,chef,Ledelse,80,68.75,75,80,68.75,58.33,81.25,75,75.94,70.83,73.39",
  "v1-medarb,medarbejder,Team A,50,,62.5,87.5,,37.5,,100,66.67,68.75,67.5",
  "v1-dir,direktion,Ledelse,50,50,25,58.33,50,25,41.67,50,45.83,41.67,43.75",
];

// Expected figures: `python3 v1_expected.py 2.0` in test/reference (the same reference, P(e, L) and reverse keys read from
// versions/faglig-ledelse-2.0.yaml). v2-team-sparse answered too few items for some elements, so those stay empty.
const EXPECTED_V20 = [
  "respondent_id,level,group,saette-retningen,organisere,understoette,foelge-op,identifikation,indsamling,praesentation,anvendelse,faglig-ledelse,ledelsesinformation,total",
  "v2-dir,direktion,Ledelse,70.83,56.25,37.5,16.67,50,50,100,66.67,45.31,66.67,55.99",
  "v2-chef,chef,Ledelse,50,40,68.75,40,43.75,33.33,62.5,31.25,49.69,42.71,46.2",
  "v2-afd,afdelingsleder,Familieafdelingen,41.67,50,45,50,37.5,33.33,50,100,46.67,55.21,50.94",
  "v2-team,teamleder,Team A,0,40,100,58.33,75,37.5,58.33,66.67,49.58,59.38,54.48",
  "v2-team-sparse,teamleder,Team B,75,,87.5,,,,75,,81.25,,",
  "v2-medarb,medarbejder,Team A,66.67,25,33.33,66.67,,25,,87.5,47.92,56.25,50.69",
];

describe("responses made with an older bundled version", () => {
  it("score with the version the file names (1.0), not the current one", async () => {
    const { io } = memoryIo(tmpDir());
    const out = captureStream();
    expect(await score({ files: [V1] }, io, out.stream)).toBe(0);
    expect(out.text().trimEnd().split("\r\n")).toEqual(EXPECTED);
  });

  it("score with the version the file names (2.0), kept verbatim when 2.1 became the default", async () => {
    const { io } = memoryIo(tmpDir());
    const out = captureStream();
    expect(await score({ files: [V20] }, io, out.stream)).toBe(0);
    expect(out.text().trimEnd().split("\r\n")).toEqual(EXPECTED_V20);
  });

  it("are refused by the current version when it is asked for explicitly, naming an unknown column", async () => {
    const { io } = memoryIo(tmpDir());
    const err = await score({ files: [V1], questionnaire: "faglig-ledelse" }, io, captureStream().stream).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    const err20 = await score({ files: [V20], questionnaire: "faglig-ledelse" }, io, captureStream().stream).catch((e: unknown) => e);
    expect(err20).toBeInstanceOf(UserError);
  });

  it("find the kept version by id and version, and fall back to the current file otherwise", () => {
    expect(olderVersions("faglig-ledelse")).toEqual(["1.0", "2.0"]);
    expect(bundledFor("faglig-ledelse", "1.0")).toBe("faglig-ledelse@1.0");
    expect(bundledFor("faglig-ledelse", "2.0")).toBe("faglig-ledelse@2.0");
    expect(bundledFor("faglig-ledelse", "2.1")).toBe("faglig-ledelse");
    expect(olderVersions("faglige-ledelsesopgaver")).toEqual(["1.0", "1.1"]);
    expect(bundledFor("faglige-ledelsesopgaver", "1.1")).toBe("faglige-ledelsesopgaver@1.1");
    expect(olderVersions("faglige")).toEqual([]);
  });

  it("are named by list next to the current version", async () => {
    const { io, stdout } = memoryIo(ROOT);
    await list({}, io);
    expect(stdout()).toMatch(/^faglig-ledelse 2\.1 \(standard\) — /m);
    expect(stdout()).toContain("Ældre versioner: 1.0, 2.0");
    expect(stdout()).toContain("Skrevet til: Myndighed for børn og unge med særlige behov");
  });
});

describe("versions in order", () => {
  it("numbers compare as numbers, a shorter version first", async () => {
    const { byVersion } = await import("../../src/adapters/files/bundled.ts");
    expect(["2.0", "1.10", "1.9", "1.0", "1", "1.1"].sort(byVersion)).toEqual(["1", "1.0", "1.1", "1.9", "1.10", "2.0"]);
  });
});
