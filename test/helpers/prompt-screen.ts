import { screen } from "@inquirer/testing/vitest";

const flat = (text: string) => text.replace(/\s+/g, " ");

/** Waits until the active prompt shows `text` (the flow awaits file I/O between prompts); line breaks from word wrapping count as spaces. */
export async function until(text: string): Promise<void> {
  for (let waited = 0; !flat(screen.getScreen()).includes(flat(text)); waited += 5) {
    if (waited > 3000) throw new Error(`prompt never showed "${text}"; screen:\n${screen.getScreen()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
