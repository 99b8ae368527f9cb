import { spawn, type ChildProcess } from "node:child_process";
import { BIN } from "../helpers/spawn.ts";

export type Served = { child: ChildProcess; participants: string[]; facilitator: string; screen: string; stderr: () => string };

/** Starts the built CLI's server on 127.0.0.1 and a free port, and reads its one JSON line. */
export function serveBuilt(dir: string, env: Record<string, string> = {}, extra: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [BIN, "workshop", "serve", dir, "--host", "127.0.0.1", "--port", "0", "--json", ...extra], {
    env: { ...process.env, NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 15_000);
    child.stdout!.on("data", (d) => {
      stdout += d;
      const line = stdout.split("\n")[0];
      if (stdout.includes("\n") && line) {
        clearTimeout(timer);
        resolve({ child, ...(JSON.parse(line) as { participants: string[]; facilitator: string; screen: string }), stderr: () => stderr });
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited ${code}: ${stderr}`)));
  });
}

export const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.on("exit", (code) => resolve(code)));

/** A participant over real HTTP: keeps the cookie, sends the page's origin as a browser does, follows no redirects. */
export class HttpParticipant {
  cookie = "";
  /** Sent with every request, e.g. a User-Agent the test looks for afterwards. */
  headers: Record<string, string> = {};
  constructor(readonly url: string) {}

  async post(path: string, fields: Record<string, string>): Promise<Response> {
    const res = await fetch(new URL(path, this.url), {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams(fields),
      headers: { ...this.headers, "Content-Type": "application/x-www-form-urlencoded", Origin: new URL(this.url).origin, ...(this.cookie ? { Cookie: this.cookie } : {}) },
    });
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0]!;
    await res.arrayBuffer();
    return res;
  }

  async get(path: string): Promise<Response> {
    return fetch(new URL(path, this.url), { redirect: "manual", headers: { ...this.headers, ...(this.cookie ? { Cookie: this.cookie } : {}) } });
  }
}
