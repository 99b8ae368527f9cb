import { networkInterfaces } from "node:os";
import { loadGoodPractice } from "../../../adapters/files/good-practice-file.ts";
import { terminalQr } from "../../../adapters/terminal/qr.ts";
import { createApp } from "../../../adapters/web/app.ts";
import { newAccess, validAccess, type Access } from "../../../adapters/web/security.ts";
import { listen } from "../../../adapters/web/server.ts";
import { rebuildPlan } from "../../../adapters/workshop-store/consensus-file.ts";
import { loadAccess, recoverFolder, saveHeadcount } from "../../../adapters/workshop-store/workshop-folder.ts";
import { listParticipants } from "../../../adapters/workshop-store/workshop-progress.ts";
import { titleOf } from "../../../core/questionnaire/levels.ts";
import { t } from "../../../core/text.ts";
import { isoWithOffset } from "../../clock.ts";
import { EXIT, UserError } from "../../errors.ts";
import type { Io } from "../../io.ts";
import { asUserError, openOrFail } from "./open.ts";
import { roomSettings } from "./room-store.ts";

export type ServeOptions = { dir: string; port?: string; host?: string; json?: boolean };

/** Like `vite --host`: one address per network interface when bound to all of them. */
export function participantHosts(host: string): string[] {
  if (host !== "0.0.0.0" && host !== "::") return [host.includes(":") ? `[${host}]` : host];
  const found = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((a) => a.family === "IPv4" && !a.internal).map((a) => a.address));
  return found.length > 0 ? found : ["127.0.0.1"];
}

export async function workshopServe(options: ServeOptions, io: Io): Promise<number> {
  const port = Number(options.port ?? "8080");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(2, t(`--port skal være 0-65535, ikke "${options.port}".`, `--port must be 0-65535, not "${options.port}".`));
  const host = options.host ?? "0.0.0.0";
  const w = await openOrFail(options.dir, io);
  let known: string[];
  let access: Access;
  try {
    await recoverFolder(w);
    // A crash between konsensus.yaml and handleplan.csv: the plan is rebuilt from the consensus.
    await rebuildPlan(w);
    known = (await listParticipants(w)).map((p) => p.respondent_id);
    access = await loadAccess(w, newAccess, validAccess);
  } catch (err) {
    throw asUserError(err, w.dir, io);
  }
  let urls: string[] = [];
  const { app, drain } = createApp({
    q: w.questionnaire,
    hash: w.hash,
    workshop: { title: w.config.title, k: w.config.k, language: w.config.language, maxParticipants: w.config.max_participants },
    access,
    store: (await import("./store.ts")).folderStore(w),
    known,
    now: () => isoWithOffset(new Date()),
    practice: await loadGoodPractice(w.questionnaire.id),
    participantUrl: () => urls[0] ?? "",
    room: (await import("./room-store.ts")).folderRoom(w),
    merges: roomSettings(w).merges.map((m) => ({ levels: [...m.levels], label: m.label })),
    headcount: { get: () => w.config.deltagere, set: (expected) => saveHeadcount(w, expected) },
  });
  // main() exits at once on Ctrl-C; a server must first let answers being written land whole.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  const stopped = new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  const server = await listen(app.fetch, port, host).catch((err: NodeJS.ErrnoException) => {
    throw new UserError(1, t(`Serveren kunne ikke starte på ${host}:${port} (${err.code ?? err.message}). Prøv en anden --port.`, `The server could not start on ${host}:${port} (${err.code ?? err.message}). Try another --port.`));
  });
  urls = participantHosts(host).map((h) => `http://${h}:${server.port}/${access.join}/`);
  const local = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : participantHosts(host)[0]!;
  const facilitator = `http://${local}:${server.port}/f/${access.secret}`;
  // The projector may be another machine on the room's network: the screen's address uses the participants' host.
  const screen = `${new URL(urls[0]!).origin}/s/${access.screen}`;
  if (options.json) io.out(JSON.stringify({ participants: urls, facilitator, screen }));
  else {
    const da = io.lang === "da";
    io.out(`${io.color.bold(w.config.title)} — ${titleOf(w.questionnaire, io.lang)}\n`);
    io.out(`${da ? "Deltagerne åbner" : "Participants open"}:\n${urls.map((u) => `  ${io.color.bold(u)}`).join("\n")}\n`);
    io.out(await terminalQr(urls[0]!));
    io.out(`${da ? "Skærmen — åbn den på projektoren (deltagernes QR-kode og de viste tal; den kan ikke ændre noget)" : "The screen — open it on the projector (the participants' QR code and the revealed figures; it cannot change anything)"}:\n  ${io.color.bold(screen)}\n`);
    io.out(`${da ? "Facilitatorens side — kun på din egen computer eller tablet; adressen er hemmelig" : "The facilitator's page — on your own laptop or tablet only; the address is secret"}:\n  ${facilitator}\n`);
    io.out(da
      ? "Kan telefonerne ikke åbne adressen? Gæste-wifi holder ofte enhederne adskilt. Brug i stedet din telefons hotspot eller en rejserouter, og forbind både computeren og deltagerne til den; start så serveren igen, så adressen passer.\n"
      : "Can the phones not open the address? Guest Wi-Fi often keeps devices apart. Use your phone's hotspot or a travel router instead, connect the computer and the participants to it, and start the server again so the address matches.\n");
    io.out(da ? "Svarene gemmes i besvarelser.csv; Ctrl-C stopper serveren, når igangværende svar er skrevet." : "Answers are saved in besvarelser.csv; Ctrl-C stops the server once answers under way are written.");
  }
  await stopped;
  await server.close(drain);
  io.err(io.lang === "da" ? "\nServeren er stoppet; alle svar er gemt." : "\nThe server has stopped; every answer is saved.");
  return EXIT.cancelled;
}
