import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, cli } from "../helpers/spawn.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";
import { exited, serveBuilt } from "./server.ts";

describe("workshop serve on the command line", () => {
  it("prints the participants' address, a QR code of it, the screen's address for the projector and the facilitator's address; Ctrl-C exits 130", async () => {
    const dir = join(tmpDir(), "ws");
    expect(cli(["workshop", "new", dir, MINI, "--title", "Udskrift"]).code).toBe(0);
    const child = spawn(process.execPath, [BIN, "workshop", "serve", dir, "--host", "127.0.0.1", "--port", "0"], { env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    for (let waited = 0; !out.includes("Ctrl-C stopper serveren"); waited += 20) {
      if (waited > 15_000) throw new Error(`no addresses printed: ${out}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(out).toMatch(/Deltagerne åbner:\n {2}http:\/\/127\.0\.0\.1:\d+\/[0-9a-z]{10}\/\n/);
    expect(out).toMatch(/Skærmen — åbn den på projektoren[^\n]*\n {2}http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{32}\n/);
    expect(out).toMatch(/Facilitatorens side — kun på din egen computer eller tablet; adressen er hemmelig:\n {2}http:\/\/127\.0\.0\.1:\d+\/f\/[A-Za-z0-9_-]{32}\n/);
    const screen = /\/s\/([A-Za-z0-9_-]{32})/.exec(out)![1];
    const secret = /\/f\/([A-Za-z0-9_-]{32})/.exec(out)![1];
    expect(screen).not.toBe(secret);
    // The projector is the screen's place, never the facilitator's page's.
    expect(out).not.toMatch(/[Vv]is (facilitator|den)[^\n]*projektoren/);
    // The QR code: rows of half-block characters between the participants' and the screen's address.
    const qr = out.slice(out.indexOf("/\n"), out.indexOf("Skærmen")).split("\n").filter((l) => /[▀▄█]/.test(l));
    expect(qr.length).toBeGreaterThan(10);
    child.kill("SIGINT");
    expect(await exited(child)).toBe(130);
  });

  it("a port already taken is a clear error with exit 1", async () => {
    const dir = join(tmpDir(), "ws");
    expect(cli(["workshop", "new", dir, MINI, "--title", "Optaget"]).code).toBe(0);
    const first = await serveBuilt(dir);
    const port = new URL(first.participants[0]!).port;
    const second = cli(["workshop", "serve", dir, "--host", "127.0.0.1", "--port", port]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`Serveren kunne ikke starte på 127.0.0.1:${port} (EADDRINUSE)`);
    first.child.kill("SIGINT");
    expect(await exited(first.child)).toBe(130);
  });
});
