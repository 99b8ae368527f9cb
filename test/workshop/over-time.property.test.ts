import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openWorkshop, type Workshop } from "../../src/adapters/workshop-store/workshop-folder.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { workshopNew } from "../../src/cli/commands/workshop/new.ts";
import { workshopReportModel } from "../../src/cli/commands/workshop/report-model.ts";
import { folderRoom, workshopView } from "../../src/cli/commands/workshop/room-store.ts";
import { folderStore } from "../../src/cli/commands/workshop/store.ts";
import type { RoomView } from "../../src/core/workshop/room.ts";
import type { Report } from "../../src/core/report/report.ts";
import { fixture, tmpDir } from "../helpers/paths.ts";
import { derivableSmallSets } from "../helpers/span.ts";

/**
 * SPEC §6.1, rule 5 over time: random rooms and random days — submissions, reveals, second rounds,
 * status, export and the report — and an independent check (test/helpers/span.ts, its own exact
 * arithmetic) over every figure published along the way: no set of fewer than k respondents is a
 * combination of published sets of the same quantity. The sets are worked out here from the
 * questionnaire's rules, not by the engine, and each is checked against the n the output printed.
 */
const MIRROR = fixture("questionnaires", "valid", "mirror.yaml");
const LEVELS = ["chef", "afdelingsleder", "teamleder", "medarbejder"] as const;
type Level = (typeof LEVELS)[number];
const ITEMS: Record<string, { element: string; levels: Level[] }> = {
  t1: { element: "e1", levels: ["chef", "afdelingsleder", "teamleder"] },
  t2: { element: "e1", levels: ["afdelingsleder", "teamleder"] },
  m1: { element: "e1", levels: ["medarbejder"] },
  t3: { element: "e2", levels: ["chef", "afdelingsleder", "teamleder"] },
  t4: { element: "e2", levels: ["teamleder"] },
  m2: { element: "e2", levels: ["medarbejder"] },
};
const MIRROR_OF: Record<string, string> = { m1: "t2", m2: "t4" };
type Answers = Record<string, number | "ved_ikke">;

/** min_answered 0.5 (mirror.yaml): an element has a score when at least half its items for the level are answered on the scale. */
const hasScore = (level: Level, answers: Answers, element: string): boolean => {
  const asked = Object.entries(ITEMS).filter(([, it]) => it.element === element && it.levels.includes(level));
  const valid = asked.filter(([id]) => typeof answers[id] === "number").length;
  return asked.length > 0 && valid >= Math.max(1, Math.ceil(0.5 * asked.length));
};
const hasDimension = (level: Level, answers: Answers, dimension: string): boolean => {
  if (dimension === "e1" || dimension === "e2") return hasScore(level, answers, dimension);
  const applicable = ["e1", "e2"].filter((e) => Object.values(ITEMS).some((it) => it.element === e && it.levels.includes(level)));
  const scored = applicable.filter((e) => hasScore(level, answers, e)).length;
  return applicable.length > 0 && scored >= Math.max(1, Math.ceil(0.5 * applicable.length));
};

type Step =
  | { kind: "submit"; level: Level; answers: Answers }
  | { kind: "reveal"; element: "e1" | "e2" }
  | { kind: "status" | "report" | "export" }
  | { kind: "round"; element: "e1" | "e2"; share: number; seed: number };

const answer = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constant("ved_ikke" as const) }, { weight: 1, arbitrary: fc.constant(undefined) });
const answersFor = fc.record(Object.fromEntries(Object.keys(ITEMS).map((id) => [id, answer]))) as fc.Arbitrary<Record<string, number | "ved_ikke" | undefined>>;
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant("submit" as const), level: fc.constantFrom(...LEVELS), answers: answersFor }).map((s) => ({ ...s, answers: Object.fromEntries(Object.entries(s.answers).filter(([id, v]) => v !== undefined && ITEMS[id]!.levels.includes(s.level))) as Answers })) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("reveal" as const), element: fc.constantFrom("e1" as const, "e2" as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom("status" as const, "report" as const, "export" as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("round" as const), element: fc.constantFrom("e1" as const, "e2" as const), share: fc.double({ min: 0.3, max: 1, noNaN: true }), seed: fc.nat() }) },
);
const room = fc.record({ k: fc.integer({ min: 3, max: 6 }), merge: fc.boolean(), steps: fc.array(step, { minLength: 10, maxLength: 40 }) });

type Person = { level: Level; answers: Answers };
const keyOf = (merge: boolean, level: Level) => (merge && (level === "chef" || level === "afdelingsleder") ? "chef+afdelingsleder" : level);
const population = (level: Level) => (level === "medarbejder" ? "medarbejder" : "ledere");

async function simulate(k: number, merge: boolean, steps: Step[]): Promise<{ published: Map<string, string[][]>; people: string[] }> {
  const dir = join(tmpDir("ot-"), "ws");
  await workshopNew({ dir, questionnaire: MIRROR, title: "Dag", k: String(k), ...(merge ? { mergeLevels: ["chef+afdelingsleder"] } : {}) }, memoryIo(dir).io, { now: () => new Date("2026-03-02T09:00:00+01:00") });
  const w: Workshop = await openWorkshop(dir);
  const store = folderStore(w);
  const r = folderRoom(w);
  const people = new Map<string, Person>();
  const rounds = new Map<string, Map<string, Answers>>();
  const published = new Map<string, string[][]>();
  const publish = (quantity: string, set: string[], n: number) => {
    // The output's own n must be the size of the set worked out here, or the mapping (or the output) is wrong.
    expect(set.length, quantity).toBe(n);
    if (set.length > 0) (published.get(quantity) ?? published.set(quantity, []).get(quantity)!).push([...set].sort());
  };
  const latest = (scope: string): string[] => {
    const record = JSON.parse(readFileSync(join(dir, "visninger.json"), "utf8")) as { snapshots: { scope: string; respondents: string[] }[] };
    return record.snapshots.filter((s) => s.scope === scope).at(-1)?.respondents ?? [];
  };
  /** What a room view shows of one element, over the answers `data` of the snapshot `scope`. */
  const fromElement = (view: RoomView, element: string, scope: string, data: Map<string, Answers>) => {
    const e = view.elements.find((x) => x.id === element)!;
    const ids = latest(scope).filter((id) => data.has(id));
    const of = (id: string) => ({ level: people.get(id)!.level, answers: data.get(id)! });
    for (const l of e.levels.filter((x) => !x.row.suppressed)) {
      publish(`${scope}:dim:${element}`, ids.filter((id) => keyOf(merge, of(id).level) === l.key && population(of(id).level) === l.population && hasScore(of(id).level, of(id).answers, element)), l.row.n);
    }
    if (!e.room.suppressed) publish(`${scope}:dim:${element}`, ids.filter((id) => population(of(id).level) === "ledere" && hasScore(of(id).level, of(id).answers, element)), e.room.n);
    for (const d of e.items.filter((x) => !x.suppressed)) {
      publish(`${scope}:item:${d.itemId}`, ids.filter((id) => population(of(id).level) === "ledere" && typeof of(id).answers[d.itemId] === "number"), d.n);
      const answered = ids.filter((id) => population(of(id).level) === "ledere" && of(id).answers[d.itemId] !== undefined);
      published.get(`${scope}:item:${d.itemId}:answered`)?.push(answered) ?? published.set(`${scope}:item:${d.itemId}:answered`, [answered]);
    }
    for (const g of e.gaps.filter((x) => x.kind === "mirror" && x.diff !== null)) {
      for (const [key, n] of [[g.group_a, g.n_a], [g.group_b, g.n_b]] as const) {
        const inGroup = ids.filter((id) => keyOf(merge, of(id).level) === key);
        const item = inGroup.length > 0 && of(inGroup[0]!).level === "medarbejder" ? Object.keys(MIRROR_OF).find((m) => MIRROR_OF[m] === g.dimension || m === g.dimension)! : (MIRROR_OF[g.dimension] ?? g.dimension);
        publish(`${scope}:item:${item}`, inGroup.filter((id) => typeof of(id).answers[item] === "number"), n);
      }
    }
  };
  const answersNow = () => new Map([...people].map(([id, p]) => [id, p.answers]));
  const fromReport = (report: Report) => {
    const ids = latest("svar");
    const dims = ["e1", "e2", "a1", "total"];
    for (const row of report.rows.filter((x) => !x.suppressed && dims.includes(x.dimension))) {
      publish(`svar:dim:${row.dimension}`, ids.filter((id) => population(people.get(id)!.level) === row.population && (row.total || keyOf(merge, people.get(id)!.level) === row.by.level) && hasDimension(people.get(id)!.level, people.get(id)!.answers, row.dimension)), row.n);
    }
    for (const row of report.itemRows.filter((x) => !x.suppressed)) {
      publish(`svar:item:${row.itemId}`, ids.filter((id) => population(people.get(id)!.level) === row.population && (row.total || keyOf(merge, people.get(id)!.level) === row.by.level) && typeof people.get(id)!.answers[row.itemId] === "number"), row.n);
    }
  };

  let n = 0;
  for (const s of steps) {
    const state = await r.state();
    if (s.kind === "submit") {
      const id = `w-${(n++).toString(16).padStart(16, "0")}`;
      people.set(id, { level: s.level, answers: s.answers });
      await store.submit({ respondent_id: id, questionnaire_hash: w.hash, level: s.level, page: 2, started_at: "2026-03-02", answers: s.answers, comments: {} });
    } else if (s.kind === "reveal") {
      await r.reveal(s.element);
      const round = state.rounds[s.element] ?? 1;
      const view = await r.view("da");
      fromElement(view, s.element, round < 2 ? "svar" : `runde:${s.element}:${round}`, round < 2 ? answersNow() : rounds.get(`${s.element}:${round}`) ?? new Map());
      for (const other of state.revealed.filter((x) => x !== s.element && (state.rounds[x] ?? 1) < 2)) fromElement(view, other, "svar", answersNow());
    } else if (s.kind === "status" || s.kind === "report") {
      const view = await workshopView(w, "da");
      for (const e of ["e1", "e2"]) fromElement(view, e, "svar", answersNow());
    } else if (s.kind === "export") {
      fromReport(await workshopReportModel(w, "da", "2026-03-02"));
    } else if (s.kind === "round") {
      // A second (third, …) round: some of those who have answered answer the element again.
      await r.nextRound(s.element);
      const round = (await r.state()).rounds[s.element]!;
      const again = new Map<string, Answers>();
      let seed = s.seed;
      for (const [id, p] of people) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        if (seed / 2 ** 31 > s.share) continue;
        const a = Object.fromEntries(Object.entries(p.answers).filter(([item]) => ITEMS[item]!.element === s.element).map(([item, v]) => [item, typeof v === "number" ? ((v + seed) % 5) + 1 : v])) as Answers;
        again.set(id, a);
        await r.revote(s.element, round, { respondent: id, level: p.level, answers: a, at: "2026-03-02" });
      }
      rounds.set(`${s.element}:${round}`, again);
    }
  }
  return { published, people: [...people.keys()] };
}

describe("rule 5 over the whole workshop day (SPEC §6.1)", () => {
  it("no set of fewer than k respondents is derivable from all figures published along the way", async () => {
    await fc.assert(
      fc.asyncProperty(room, async ({ k, merge, steps }) => {
        const { published, people } = await simulate(k, merge, steps);
        const index = new Map(people.map((id, i) => [id, i]));
        for (const [quantity, sets] of published) {
          const found = derivableSmallSets(people.length, sets.map((set) => set.map((id) => index.get(id)!)), k);
          expect(found, `${quantity}: ${JSON.stringify(found.slice(0, 2))}`).toEqual([]);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 25), endOnFailure: true },
    );
  }, 600_000);
});
