import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT, fixture, tmpDir } from "../helpers/paths.ts";
import { BIN } from "../helpers/spawn.ts";

const PRELOAD = pathToFileURL(join(ROOT, "test", "helpers", "deny-network.mjs")).href;

/** Runs node with the network denied and logged; returns the exit code and the attempts. */
function offline(args: string[], cwd: string) {
  const netlog = join(cwd, `net-${Math.random().toString(36).slice(2)}.log`);
  const r = spawnSync(process.execPath, ["--import", PRELOAD, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", LEDELSESTJEK_NETLOG: netlog },
    encoding: "utf8",
  });
  return { code: r.status, stderr: r.stderr, attempts: existsSync(netlog) ? readFileSync(netlog, "utf8").trim().split("\n") : [] };
}

describe("no network connections", () => {
  it("the guard itself records and refuses an attempt (a fetch, a DNS lookup, a socket)", () => {
    const dir = tmpDir();
    const probe = `
      import dns from "node:dns"; import net from "node:net";
      try { await fetch("http://example.org"); } catch {}
      try { dns.lookup("example.org", () => {}); } catch {}
      try { net.connect(80, "192.0.2.1"); } catch {}`;
    const r = offline(["--input-type=module", "-e", probe], dir);
    expect(r.attempts).toEqual(["fetch", "dns.lookup", "net.connect"]);
  });

  it("every command runs to the end without trying to reach the network", () => {
    const dir = tmpDir();
    const data = fixture("responses", "mini-utf8.csv");
    const mini = fixture("questionnaires", "valid", "mini.yaml");
    writeFileSync(join(dir, "svar.yaml"), "i1: 4\ni2: 3\n");
    const commands = [
      ["--help"],
      ["list"],
      ["show", "--level", "teamleder"],
      ["validate", mini],
      ["run", mini, "--level", "leder", "--answers", "svar.yaml", "--out", "b.csv"],
      ["score", data, "--questionnaire", mini, "--by", "level"],
      ["score", data, "--questionnaire", mini, "--item-stats", "--format", "json"],
      ["report", data, "--questionnaire", mini, "--by", "level", "--out", "r.pdf", "--csv", "r.csv"],
      ["convert", data, "--questionnaire", mini, "--to", "long", "--out", "l.csv"],
      ["gaps", data, "--questionnaire", mini, "--format", "json"],
      ["workshop", "new", "ws", mini, "--title", "Prøve"],
    ];
    for (const args of commands) {
      const r = offline([BIN, ...args], dir);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
      expect(r.attempts, args.join(" ")).toEqual([]);
    }
  });
});
