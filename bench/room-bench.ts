/**
 * npm run bench, the room (issue 17): 40 participants pressing through the survey at once over HTTP
 * on loopback against a real `workshop serve`, with the server's CPU time and peak memory; then the
 * facilitator's element page with 100 answers and every element revealed, which must stay under
 * 200 ms at the 95th percentile with the record check (SPEC §6.1). Figures are printed beside a
 * baseline measured in the same run (a static file from the same server; the room's figures computed
 * without the record), so the ratios mean something on any machine.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundledPath, DEFAULT_QUESTIONNAIRE, PACKAGE_ROOT } from "../src/adapters/files/bundled.ts";
import { createApp } from "../src/adapters/web/app.ts";
import { openWorkshop } from "../src/adapters/workshop-store/workshop-folder.ts";
import { memoryIo } from "../src/cli/io.ts";
import { workshopNew } from "../src/cli/commands/workshop/new.ts";
import { folderRoom, roomRespondents, roomSettings } from "../src/cli/commands/workshop/room-store.ts";
import { folderStore } from "../src/cli/commands/workshop/store.ts";
import { allElements } from "../src/core/questionnaire/levels.ts";
import { elementPages } from "../src/core/workshop/participant.ts";
import { roomView } from "../src/core/workshop/room.ts";

const PARTICIPANTS = Number(process.env.BENCH_ROOM_PARTICIPANTS ?? 40);
const FACILITATOR_ANSWERS = 100;
const PAGE_REQUESTS = 60;

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const clock = () => Number(process.hrtime.bigint()) / 1e6;

async function newFolder(title: string) {
  const dir = join(await mkdtemp(join(tmpdir(), "room-bench-")), "ws");
  await workshopNew({ dir, questionnaire: bundledPath(DEFAULT_QUESTIONNAIRE), title }, memoryIo(dir).io);
  return openWorkshop(dir);
}

/** The server's CPU seconds and peak resident memory, from /proc (Linux). */
const cpuOf = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const peakOf = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

// --- 1. 40 phones at once over HTTP -------------------------------------------------------------
const w = await newFolder("Bench");
const child = spawn(process.execPath, ["--import", "tsx", join(PACKAGE_ROOT, "src", "cli", "main.ts"), "workshop", "serve", w.dir, "--host", "127.0.0.1", "--port", "0", "--json"], { stdio: ["ignore", "pipe", "inherit"] });
const urls = await new Promise<{ participants: string[] }>((resolve, reject) => {
  let out = "";
  child.stdout!.on("data", (d) => {
    out += d;
    if (out.includes("\n")) resolve(JSON.parse(out.split("\n")[0]!));
  });
  child.on("exit", (code) => reject(new Error(`server exited ${code}`)));
});
const base = urls.participants[0]!;
const origin = new URL(base).origin;
const level = w.questionnaire.levels[0]!.id;
const pages = elementPages(w.questionnaire, level, "da");
const timed: number[] = [];
const submits: number[] = [];
const staticTimes: number[] = [];
const request = async (path: string, fields?: Record<string, string>, cookie = "") => {
  const start = clock();
  const res = await fetch(new URL(path, base), fields
    ? { method: "POST", redirect: "manual", body: new URLSearchParams(fields), headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) } }
    : { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
  await res.arrayBuffer();
  const took = clock() - start;
  return { res, took };
};
for (let i = 0; i < 20; i++) staticTimes.push((await request("style.css")).took);
const cpuBefore = cpuOf(child.pid!);
const wall = clock();
await Promise.all(Array.from({ length: PARTICIPANTS }, async (_, who) => {
  const started = await request("start", {});
  const cookie = started.res.headers.get("set-cookie")!.split(";")[0]!;
  timed.push(started.took, (await request("niveau", { niveau: level }, cookie)).took);
  for (const page of pages) {
    const fields = Object.fromEntries(page.items.map(({ item }, j) => [item.id, String(((who + j) % 5) + 1)]));
    const last = page.number === pages.length;
    const r = await request(`side/${page.number}`, { ...fields, handling: last ? "indsend" : "naeste" }, cookie);
    if (r.res.status !== 303) throw new Error(`page ${page.number}: ${r.res.status}`);
    timed.push(r.took);
    if (last) submits.push(r.took);
  }
}));
const elapsed = (clock() - wall) / 1000;
const cpu = cpuOf(child.pid!) - cpuBefore;
const peak = peakOf(child.pid!);
child.kill("SIGTERM");
const rows = readFileSync(w.responses, "utf8").trimEnd().split("\r\n").length - 1;
console.log(`\nThe room: ${PARTICIPANTS} participants at once over HTTP (loopback), ${pages.length} pages each, ${timed.length} requests in ${elapsed.toFixed(1)} s; ${rows} rows written`);
console.log(`  p95 per request ${ms(p95(timed))}, p95 Indsend ${ms(p95(submits))}; a static file from the same server p95 ${ms(p95(staticTimes))} (ratio Indsend / static ${(p95(submits) / p95(staticTimes)).toFixed(1)}×)`);
console.log(`  server CPU ${cpu.toFixed(2)} s over ${elapsed.toFixed(1)} s wall (${((cpu / elapsed) * 100).toFixed(0)} % of one core), peak memory ${peak.toFixed(0)} MB`);

// --- 2. The facilitator's page with 100 answers and every element revealed -----------------------
const f = await newFolder("Bench facilitator");
const store = folderStore(f);
for (let i = 0; i < FACILITATOR_ANSWERS; i++) {
  const lv = f.questionnaire.levels[i % f.questionnaire.levels.length]!.id;
  const answers = Object.fromEntries(elementPages(f.questionnaire, lv, "da").flatMap((p) => p.items.map(({ item }, j) => [item.id, ((i + j) % 5) + 1])));
  await store.submit({ respondent_id: `w-${i.toString(16).padStart(16, "0")}`, questionnaire_hash: f.hash, level: lv, page: 1, started_at: f.config.date, answers, comments: {} });
}
const room = folderRoom(f);
const elements = allElements(f.questionnaire).map((e) => e.id);
for (const id of elements) await room.reveal(id);
const secret = "S".repeat(32);
const { app } = createApp({
  q: f.questionnaire, hash: f.hash, workshop: { title: f.config.title, k: f.config.k, language: "da", maxParticipants: 200 },
  access: { join: "abcde23456", secret, screen: "V".repeat(32) }, store, known: [], now: () => new Date().toISOString(), participantUrl: () => "http://127.0.0.1/", room,
});
const pageTimes: number[] = [];
for (let i = 0; i < PAGE_REQUESTS; i++) {
  const start = clock();
  const res = await app.request(`/f/${secret}/e/${elements[i % elements.length]}`);
  await res.text();
  pageTimes.push(clock() - start);
}
// Baseline: the room's figures over the same answers, computed directly without the record or the page.
const baseTimes: number[] = [];
for (let i = 0; i < PAGE_REQUESTS; i++) {
  const start = clock();
  roomView(f.questionnaire, roomSettings(f), await roomRespondents(f), "da");
  baseTimes.push(clock() - start);
}
// And a refresh check that cannot be cached: k new answers arrive, and the next page decides against the whole record.
for (let i = 0; i < f.config.k; i++) {
  const n = FACILITATOR_ANSWERS + i;
  await store.submit({ respondent_id: `w-${n.toString(16).padStart(16, "0")}`, questionnaire_hash: f.hash, level: f.questionnaire.levels[0]!.id, page: 1, started_at: f.config.date, answers: {}, comments: {} });
}
const start = clock();
const fresh = await (await app.request(`/f/${secret}/e/${elements[0]}`)).text();
const refreshTook = clock() - start;
const verdict = p95(pageTimes) < 200 ? "under 200 ms: OK" : "OVER 200 ms";
console.log(`\nThe facilitator's element page, ${FACILITATOR_ANSWERS} answers, all ${elements.length} elements revealed: p95 ${ms(p95(pageTimes))} (${verdict})`);
console.log(`  the room's figures alone (no record, no page) p95 ${ms(p95(baseTimes))}; ratio page / figures ${(p95(pageTimes) / p95(baseTimes)).toFixed(2)}×`);
console.log(`  the first page after ${f.config.k} new answers (a full check against the record, not cached): ${ms(refreshTook)}${fresh.includes("Tallene er opdateret") ? ", figures refreshed" : ", figures kept"}`);
