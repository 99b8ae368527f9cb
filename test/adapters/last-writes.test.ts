import { describe, expect, it } from "vitest";
import { holdSignal, lastWrites } from "../../src/adapters/files/last-writes.ts";

describe("a command's last writes hold a signal back until they end", () => {
  it("outside them a signal is not held", () => {
    expect(holdSignal(() => undefined)).toBe(false);
  });

  it("during them the signal waits, and is told they finished", async () => {
    const events: string[] = [];
    await lastWrites(async () => {
      events.push("output renamed");
      expect(holdSignal((finished) => events.push(`signal acted on (finished: ${finished})`))).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push("provenance written");
    });
    expect(events).toEqual(["output renamed", "provenance written", "signal acted on (finished: true)"]);
    expect(holdSignal(() => undefined)).toBe(false);
  });

  it("when they fail, the held signal is told so and the error still comes out", async () => {
    let told: boolean | undefined;
    const failing = lastWrites(async () => {
      holdSignal((finished) => (told = finished));
      throw new Error("drevet er fuldt");
    });
    await expect(failing).rejects.toThrow("drevet er fuldt");
    expect(told).toBe(false);
  });
});
