import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convert } from "../../src/cli/commands/convert.ts";
import { score } from "../../src/cli/commands/score.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { captureStream } from "../helpers/capture.ts";
import { fixture, MINI, tmpDir } from "../helpers/paths.ts";

async function capture(run: (io: ReturnType<typeof memoryIo>["io"], out: NodeJS.WritableStream) => Promise<number>, cwd: string) {
  const { io } = memoryIo(cwd);
  const out = captureStream();
  await run(io, out.stream);
  return out.text();
}

describe("convert", () => {
  it("writes the long format, one row per answered or ved_ikke cell, metadata repeated", async () => {
    const text = await capture((io, out) => convert({ files: [fixture("responses", "mini-utf8.csv")], to: "long", questionnaire: MINI }, io, out), tmpDir());
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("respondent_id,item_id,value,questionnaire_id,questionnaire_version,level,group,submitted_at,kommune");
    expect(lines[1]).toBe("r01,i1,5,mini,2,leder,Ærø,2026-03-02T09:30:00+01:00,A");
    expect(lines).toContain("r01,i7,ved_ikke,mini,2,leder,Ærø,2026-03-02T09:30:00+01:00,A");
    expect(lines.filter((l) => l.startsWith("r05,"))).toHaveLength(3); // i1, i5, i6
  });

  it("round-trips: wide → long → wide scores the same", async () => {
    const dir = tmpDir();
    const long = await capture((io, out) => convert({ files: [fixture("responses", "mini-utf8.csv")], to: "long", questionnaire: MINI }, io, out), dir);
    writeFileSync(join(dir, "long.csv"), long);
    const wide = await capture((io, out) => convert({ files: ["long.csv"], to: "wide", questionnaire: MINI }, io, out), dir);
    writeFileSync(join(dir, "wide.csv"), wide);
    const scored = (file: string) => capture((io, out) => score({ files: [file], questionnaire: MINI }, io, out), dir);
    expect(await scored("wide.csv")).toBe(await scored(fixture("responses", "mini-utf8.csv")));
  });
});
