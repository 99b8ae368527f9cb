import { screen } from "@inquirer/testing/vitest";

/** Waits until the active prompt shows `text` (the flow awaits file I/O between prompts). */
export async function until(text: string): Promise<void> {
  for (let waited = 0; !screen.getScreen().includes(text); waited += 5) {
    if (waited > 3000) throw new Error(`prompt never showed "${text}"; screen:\n${screen.getScreen()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
