import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createApp } from "../../src/adapters/web/app.ts";
import { openWorkshop, saveHeadcount, type Workshop } from "../../src/adapters/workshop-store/workshop-folder.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { folderStore } from "../../src/cli/commands/workshop/store.ts";
import { folderRoom } from "../../src/cli/commands/workshop/room-store.ts";
import { workshopNew } from "../../src/cli/commands/workshop/new.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";

export const ACCESS = { join: "abcde23456", secret: "S".repeat(32), screen: "V".repeat(32) };
export const ORIGIN = "http://localhost";

/** A fresh workshop folder with the mini questionnaire (levels leder, medarbejder; 3 element pages each). */
export async function newWorkshop(extra: string[] = [], title = "Testdag"): Promise<{ dir: string; w: Workshop }> {
  const dir = join(tmpDir("ws-"), "ws");
  const { io } = memoryIo(dir);
  const options: { dir: string; questionnaire: string; title: string; maxParticipants?: string } = { dir, questionnaire: MINI, title };
  if (extra[0]) options.maxParticipants = extra[0];
  await workshopNew(options, io, { now: () => new Date("2026-03-02T09:30:00+01:00") });
  return { dir, w: await openWorkshop(dir) };
}

export async function testApp(w: Workshop, known: string[] = [], options: { lockTimeoutMs?: number } = {}) {
  return createApp({
    q: w.questionnaire,
    hash: w.hash,
    workshop: { title: w.config.title, k: w.config.k, language: w.config.language, maxParticipants: w.config.max_participants },
    access: ACCESS,
    store: folderStore(w, options),
    known,
    now: () => "2026-03-02T09:30:00+01:00",
    participantUrl: () => `http://127.0.0.1/${ACCESS.join}/`,
    room: folderRoom(w),
    headcount: { get: () => w.config.deltagere, set: (expected) => saveHeadcount(w, expected) },
  });
}

type App = Awaited<ReturnType<typeof testApp>>["app"];

/** A browser-like participant over app.request(): keeps its cookie, sends its origin, follows nothing by itself. */
export class Participant {
  cookie = "";
  constructor(private readonly app: App, private readonly base = `/${ACCESS.join}`) {}

  async get(path: string) {
    return this.app.request(`${this.base}${path}`, { headers: this.cookie ? { Cookie: this.cookie } : {} });
  }

  async post(path: string, fields: Record<string, string>, headers: Record<string, string> = { Origin: ORIGIN }) {
    const res = await this.app.request(`${this.base}${path}`, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers, ...(this.cookie ? { Cookie: this.cookie } : {}) },
    });
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0]!;
    return res;
  }

  /** Start, choose the level, answer every page as given, submit. */
  async answerAll(level: string, pages: Record<string, string>[]) {
    await this.post("/start", { handling: "start" });
    await this.post("/niveau", { niveau: level, handling: "naeste" });
    for (let i = 0; i < pages.length; i++) {
      await this.post(`/side/${i + 1}`, { ...pages[i], handling: i === pages.length - 1 ? "indsend" : "naeste" });
    }
  }
}

export const csvOf = (dir: string) => readFileSync(join(dir, "besvarelser.csv"), "utf8");
export const dataRows = (dir: string) => csvOf(dir).split("\r\n").filter(Boolean).slice(1);
