import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cli } from "../helpers/spawn.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";
import { exited, HttpParticipant, serveBuilt, type Served } from "./server.ts";

/**
 * Loaded into the server process: every way out (a TCP/IPC connect, a UDP send, a DNS lookup) is
 * reported on stderr. Accepting the participants' connections uses none of them.
 */
const SPY = `
const net = require("node:net"), dns = require("node:dns"), dgram = require("node:dgram");
const say = (what) => process.stderr.write("OUTGOING " + what + "\\n");
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) { say("connect " + JSON.stringify(args[0])); return connect.apply(this, args); };
const lookup = dns.lookup;
// listen() "looks up" the address literal it binds to, which goes nowhere; a name would.
dns.lookup = function (host, ...rest) { if (!net.isIP(host)) say("dns " + host); return lookup.call(this, host, ...rest); };
for (const name of ["resolve", "resolve4", "resolve6"]) { const f = dns[name]; dns[name] = function (host, ...rest) { say("dns " + host); return f.call(this, host, ...rest); }; }
const send = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function (...args) { say("udp"); return send.apply(this, args); };
`;

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));

let served: Served | undefined;
afterEach(() => served?.child.kill("SIGKILL"));

describe("the server makes no outgoing connection", () => {
  it("the spy itself sees a connection when one is made", () => {
    const spy = join(tmpDir(), "spy.cjs");
    writeFileSync(spy, SPY);
    const ran = spawnSync(process.execPath, ["--require", spy, "-e", "require('node:net').connect(9, '127.0.0.1').on('error', () => {})"], { encoding: "utf8" });
    expect(ran.stderr).toContain("OUTGOING connect");
    const named = spawnSync(process.execPath, ["--require", spy, "-e", "require('node:dns').lookup('example.invalid', () => {})"], { encoding: "utf8" });
    expect(named.stderr).toContain("OUTGOING dns example.invalid");
  });

  it("through a whole participant's walk, the facilitator page and a stop, nothing leaves", async () => {
    const dir = join(tmpDir(), "ws");
    const spy = join(tmpDir(), "spy.cjs");
    writeFileSync(spy, SPY);
    expect(cli(["workshop", "new", dir, MINI, "--title", "Stille"]).code).toBe(0);
    served = await serveBuilt(dir, { NODE_OPTIONS: `--require ${spy}` });
    const p = new HttpParticipant(served.participants[0]!);
    p.headers = { "User-Agent": "Spion-Agent/7.7", "X-Forwarded-For": "10.9.8.7" };
    for (const [path, fields] of [["start", {}], ["niveau", { niveau: "leder" }], ["side/1", { i1: "4", handling: "naeste" }], ["side/2", { handling: "naeste" }], ["side/3", { handling: "indsend" }]] as const) {
      expect((await p.post(path, fields)).status).toBe(303);
    }
    expect((await p.get("resultat")).status).toBe(200);
    expect((await fetch(served.facilitator)).status).toBe(200);
    served.child.kill("SIGINT");
    expect(await exited(served.child)).toBe(130);
    expect(served.stderr()).not.toContain("OUTGOING");
    // Nothing about the visitor is kept: no address, no user agent, in any file or in the log.
    const everything = [served.stderr(), ...filesUnder(dir).map((f) => readFileSync(f, "utf8"))].join("\n");
    expect(everything).not.toMatch(/Spion-Agent|10\.9\.8\.7|127\.0\.0\.1/);
    served = undefined;
  });
});
