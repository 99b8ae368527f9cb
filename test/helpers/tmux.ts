import { execFileSync } from "node:child_process";

/** Drives a real terminal: a detached tmux session, keys sent in, the screen read back. */
export class Tmux {
  private constructor(readonly session: string) {}

  static start(command: string, cwd: string, env: Record<string, string> = {}, columns = 120): Tmux {
    const session = `lt-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const exports = Object.entries(env).map(([k, v]) => `export ${k}='${v}';`).join(" ");
    execFileSync("tmux", ["new-session", "-d", "-s", session, "-x", String(columns), "-y", "40", "-c", cwd, `${exports} ${command}; echo EXIT=$?; sleep 30`]);
    return new Tmux(session);
  }

  screen(): string {
    return execFileSync("tmux", ["capture-pane", "-p", "-J", "-S", "-200", "-t", this.session], { encoding: "utf8" });
  }

  /** The screen's rows as the terminal shows them (no -J): a row the terminal itself wrapped fills the full width. */
  rows(): string[] {
    return execFileSync("tmux", ["capture-pane", "-p", "-t", this.session], { encoding: "utf8" }).split("\n");
  }

  /** The screen with its escape sequences, to check for colour. */
  rawScreen(): string {
    return execFileSync("tmux", ["capture-pane", "-p", "-e", "-t", this.session], { encoding: "utf8" });
  }

  keys(...keys: string[]): void {
    execFileSync("tmux", ["send-keys", "-t", this.session, ...keys]);
  }

  async waitFor(pattern: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.screen();
      if (typeof pattern === "string" ? text.includes(pattern) : pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`terminal never showed ${String(pattern)}; screen:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  kill(): void {
    try {
      execFileSync("tmux", ["kill-session", "-t", this.session], { stdio: "ignore" });
    } catch {
      // already gone
    }
  }
}
