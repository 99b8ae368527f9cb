import { smallSetDerivable } from "./disclosure.ts";

/**
 * Rule 5 over time (SPEC §6.1): a workshop publishes the same quantities again and again as answers
 * arrive, so the guarantee must hold for the union of everything published so far. A published
 * cell is named by its quantity (what is summed: one dimension's scores, one item's answers) and
 * the respondents it sums over; cells of different quantities can never be combined.
 */
export type PublishedCell = { quantity: string; key: string; members: readonly string[] };

/** The cells of one quantity as disjoint atoms (respondents that lie in exactly the same cells). */
function atomsOf(cells: readonly PublishedCell[]): { sizes: number[]; cells: number[][] } {
  const signature = new Map<string, number[]>();
  cells.forEach((c, i) => {
    for (const m of c.members) {
      const s = signature.get(m);
      if (s) s.push(i);
      else signature.set(m, [i]);
    }
  });
  const atomOf = new Map<string, number>();
  const sizes: number[] = [];
  const members: number[][] = cells.map(() => []);
  for (const list of signature.values()) {
    const key = list.join(",");
    let atom = atomOf.get(key);
    if (atom === undefined) {
      atom = sizes.length;
      atomOf.set(key, atom);
      sizes.push(0);
      for (const c of list) members[c]!.push(atom);
    }
    sizes[atom]!++;
  }
  return { sizes, cells: members };
}

const byQuantity = (cells: readonly PublishedCell[]) => {
  const out = new Map<string, PublishedCell[]>();
  for (const c of cells) (out.get(c.quantity) ?? out.set(c.quantity, []).get(c.quantity)!).push(c);
  return out;
};

/** True when no set of fewer than k respondents can be derived from these cells together, quantity by quantity. */
export function noSmallSetDerivable(cells: readonly PublishedCell[], k: number): boolean {
  for (const group of byQuantity(cells).values()) {
    const { sizes, cells: atoms } = atomsOf(group);
    if (smallSetDerivable(sizes, atoms, k)) return false;
  }
  return true;
}

export type OverTimeVerdict = { safe: true } | { safe: false; reason: "few-new" | "derivable" };

/**
 * May `candidate` be published beside everything in `earlier`? Two conditions, both needed:
 * every cell that changes since it was last shown has at least k new respondents (medians, minima
 * and maxima are not sums, so the exact check alone does not cover them), and no set of fewer
 * than k respondents lies in the span of the earlier cells and the candidate's together. Only the
 * quantities the candidate publishes are checked: the others are not changed by it.
 */
export function safeAgainst(earlier: readonly PublishedCell[], candidate: readonly PublishedCell[], k: number): OverTimeVerdict {
  const last = new Map<string, ReadonlySet<string>>();
  for (const c of earlier) last.set(`${c.quantity}\u0000${c.key}`, new Set(c.members));
  for (const c of candidate) {
    const before = last.get(`${c.quantity}\u0000${c.key}`);
    if (!before) continue;
    const added = c.members.filter((m) => !before.has(m)).length;
    const removed = before.size - (c.members.length - added);
    if ((added > 0 || removed > 0) && (added < k || (removed > 0 && removed < k))) return { safe: false, reason: "few-new" };
  }
  const quantities = new Set(candidate.map((c) => c.quantity));
  const relevant = [...earlier.filter((c) => quantities.has(c.quantity)), ...candidate];
  return noSmallSetDerivable(relevant, k) ? { safe: true } : { safe: false, reason: "derivable" };
}
