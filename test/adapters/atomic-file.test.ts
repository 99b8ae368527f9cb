import { chmodSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { shownTarget } from "../../src/adapters/files/atomic-file.ts";
import { fixture, ROOT, tmpDir } from "../helpers/paths.ts";

describe("errors name the file asked for, not the temporary one", () => {
  it("maps writeFileAtomic's temporary name back to its target", () => {
    expect(shownTarget("/data/ud/.o.csv.18770-d8b98388.tmp")).toBe("/data/ud/o.csv");
    expect(shownTarget("/data/ud/o.csv")).toBe("/data/ud/o.csv");
    expect(shownTarget("/data/ud/.skjult.tmp")).toBe("/data/ud/.skjult.tmp");
  });

  // As root (CI) a folder's permissions stop nothing: the built CLI then runs as the user nobody.
  const asNobody = process.getuid?.() === 0 && spawnSync("su", ["nobody", "-s", "/bin/sh", "-c", "true"]).status === 0;
  it.skipIf(process.getuid?.() === 0 && !asNobody)("score --out into a folder without write permission names o.csv, leaves nothing behind (exit 1)", () => {
    const dir = join(tmpDir(), "laast");
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    chmodSync(join(dir, ".."), 0o755);
    const args = [join(ROOT, "bin", "ledelsestjek.js"), "score", fixture("responses", "alpha-leder.csv"), "--questionnaire", fixture("questionnaires", "valid", "mini.yaml"), "--out", join(dir, "o.csv")];
    const r = asNobody
      ? spawnSync("su", ["nobody", "-s", "/bin/sh", "-c", args.map((a) => `'${a}'`).join(" ").replace(/^/, `'${process.execPath}' `)], { encoding: "utf8" })
      : spawnSync(process.execPath, args, { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, "o.csv")}: ingen adgang (tilladelser)`);
    expect(r.stderr).not.toContain(".tmp");
    expect(readdirSync(dir)).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0 && !asNobody)("--lenient with its rejects file in such a folder stops before writing --out (exit 1)", () => {
    const root = tmpDir();
    const locked = join(root, "laast");
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    chmodSync(root, 0o777);
    const args = [join(ROOT, "bin", "ledelsestjek.js"), "score", fixture("responses", "alpha-leder.csv"), "--questionnaire", fixture("questionnaires", "valid", "mini.yaml"), "--lenient", "--rejects", join(locked, "afviste.csv"), "--out", join(root, "o.csv")];
    const r = asNobody
      ? spawnSync("su", ["nobody", "-s", "/bin/sh", "-c", `'${process.execPath}' ${args.map((a) => `'${a}'`).join(" ")}`], { encoding: "utf8" })
      : spawnSync(process.execPath, args, { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("afviste.csv: ingen adgang (tilladelser)");
    expect(readdirSync(root)).toEqual(["laast"]);
  });
});
