/**
 * How much room this machine has for a second thread. Threads share more than the cores: memory
 * bandwidth, caches, and on a virtual machine whatever the host gives. Running `copies` copies of
 * the same one-thread job at once shows it: when each copy then takes s times as long as one
 * alone, splitting that work over `copies` threads can make it at most copies ÷ s times as fast,
 * however well it is split. The bench prints that bound beside the read-floor target.
 */
import { spawn } from "node:child_process";

/** Wall seconds from starting `copies` copies of a command at once until the last has ended. */
export async function together(command: (copy: number) => string[], copies: number, env: Record<string, string> = {}): Promise<number> {
  const start = performance.now();
  await Promise.all(Array.from({ length: copies }, (_, copy) => new Promise<void>((resolve, reject) => {
    const [program, ...args] = command(copy);
    const child = spawn(program!, args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...env } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command(copy).join(" ")} failed (${code}): ${stderr}`))));
  })));
  return (performance.now() - start) / 1000;
}

/** The best of `runs` of one copy alone and of `copies` at once, interleaved, and what follows from them. */
export async function roomForThreads(command: (copy: number) => string[], copies: number, runs: number, env: Record<string, string> = {}) {
  const alone: number[] = [];
  const atOnce: number[] = [];
  for (let run = 0; run < runs; run++) {
    alone.push(await together(command, 1, env));
    atOnce.push(await together(command, copies, env));
  }
  const [one, all] = [Math.min(...alone), Math.min(...atOnce)];
  const slowdown = all / one;
  return { alone: one, atOnce: all, slowdown, bestSpeedup: copies / slowdown };
}
