import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { workshopAgree } from "../../src/cli/commands/workshop/agree.ts";
import { workshopReport } from "../../src/cli/commands/workshop/report.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { answered, pdfText } from "./answered.ts";

const EPOCH = { SOURCE_DATE_EPOCH: "1772443800" };
const OLD = `elements:
  e1:
    score: 3
    rationale: Sidste år.
    actions:
      - { what: Tre stabile mål, who: Chefgruppen, when: "2026-06-01", success: Alle kender målene, outcome: Gennemført i alle teams }
      - { what: Teammøder, who: Teamlederne, when: "2026-09-01", success: Referater }
`;

describe("workshop report --baseline", () => {
  it("shows each element then and now, per level where both years are shown, and the old plan with what became of it", async () => {
    const old = await answered(3, 3);
    writeFileSync(join(old.dir, "k.yaml"), OLD);
    await workshopAgree({ dir: old.dir, consensus: "k.yaml" }, memoryIo(old.dir).io);
    // A year later the leaders answer e1 with 5, 5, 1 (reverse → 5): 100 = 5.0; employees unchanged (2.0); e3 unchanged.
    const now = await answered(3, 3, [{ i1: "5", i2: "5", i3: "1" }, { i4: "3" }, { i6: "3" }]);
    writeFileSync(join(now.dir, "k.yaml"), "elements:\n  e1:\n    score: 4\n    rationale: I år.\n");
    await workshopAgree({ dir: now.dir, consensus: "k.yaml" }, memoryIo(now.dir).io);
    const { io } = memoryIo(now.dir, "da", EPOCH);
    expect(await workshopReport({ dir: now.dir, out: "r.pdf", baseline: old.dir }, io)).toBe(0);
    const text = (await pdfText(join(now.dir, "r.pdf"))).replace(/\s+/g, " ");
    expect(text).toContain("Opfølgning: Testdag (2026-03-02) og nu");
    // e1: room (75·3 + 25·3)/6 = 50 → 3.0 then; (100·3 + 25·3)/6 = 62.5 → 3.5 now; agreed 3 then, 4 now
    expect(text).toContain("Element 1 3,0 (n = 6) 3,5 (n = 6) +0,5 3 4");
    // e3 is answered alike: only the employees have a score (the leaders answer 1 of 3 items), 3.0 both years
    expect(text).toContain("Element 3 3,0 (n = 3) 3,0 (n = 3) 0,0 – –");
    expect(text).toContain("Element 1 Leder 4,0 5,0 +1,0");
    expect(text).toContain("Element 1 Medarbejder 2,0 2,0 0,0");
    expect(text).toContain("Sidste handleplan, og hvad der blev af den");
    expect(text).toContain("Tre stabile mål Chefgruppen 2026-06-01 Gennemført i alle teams");
    expect(text).toContain("Teammøder Teamlederne 2026-09-01 (ikke udfyldt)");
  });

  it("compares per level only where both years show the level", async () => {
    const old = await answered(3, 1); // the single employee hides both levels (complement)
    const now = await answered(3, 3);
    const { io } = memoryIo(now.dir, "da", EPOCH);
    await workshopReport({ dir: now.dir, out: "r.pdf", baseline: old.dir }, io);
    const text = (await pdfText(join(now.dir, "r.pdf"))).replace(/\s+/g, " ");
    expect(text).not.toMatch(/Element 1 Leder \d/);
    expect(text).toContain("færre end 3 besvarelser");
  });
});
