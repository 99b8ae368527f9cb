import type { Io } from "./io.ts";

/** A one-line progress bar on stderr, only where stderr is a terminal, redrawn at most 4 times a second. */
export function progressBar(io: Io, label: string) {
  let last = 0;
  let shown = false;
  return {
    update(bytes: number, size: number, rows: number): void {
      if (!io.stderrIsTTY || size < 5_000_000) return;
      const now = performance.now();
      if (now - last < 250) return;
      last = now;
      shown = true;
      const share = Math.min(1, bytes / size);
      const filled = Math.round(share * 30);
      const count = rows.toLocaleString(io.lang === "da" ? "da-DK" : "en-GB");
      process.stderr.write(`\r${label} [${"#".repeat(filled)}${" ".repeat(30 - filled)}] ${Math.round(share * 100)} %  ${count} ${io.lang === "da" ? "rækker" : "rows"} `);
    },
    done(): void {
      if (shown) process.stderr.write("\r\x1b[2K");
    },
  };
}
