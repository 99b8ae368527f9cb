import { addMaybeBinary, floatRows } from "./float-filter.ts";
import { add, isOne, isZero, mul, ONE, rref, sub, ZERO, type Q } from "./rational.ts";

/**
 * The disclosure engine (SPEC §4): the one place that decides which aggregated figures may be
 * published. Every output — score --by, --item-stats, report and its CSV, gaps, the workshop —
 * describes its breakdown here and shows only what comes back unhidden.
 *
 * A breakdown is a set of disjoint atoms (the finest groups, with their respondent counts) and
 * the published cells, each a union of atoms. Since every published figure (count, sum, answer
 * count) is a sum over a cell's respondents, a set of respondents is derivable exactly when its
 * indicator lies in the span of the shown cells' indicators; the engine checks that exactly.
 */
export type Why = "small" | "complement" | "empty";
export type Decision = { hidden: boolean; why: Why | undefined };
export type BreakdownCell = { atoms: readonly number[]; fixed?: Decision };
export type Slice = { cells: readonly number[]; total: number };
export type Breakdown = { sizes: readonly number[]; cells: readonly BreakdownCell[]; slices: readonly Slice[] };

const SHOWN: Decision = { hidden: false, why: undefined };
/** Beyond this many candidate sets the search stops and hides conservatively instead. */
const MAX_COMBINATIONS = 20_000;

export function disclose(b: Breakdown, k: number, exact = true): Decision[] {
  const size = b.cells.map((c) => c.atoms.reduce((sum, a) => sum + b.sizes[a]!, 0));
  const decisions: Decision[] = b.cells.map((c, i) =>
    c.fixed ?? (size[i] === 0 ? { hidden: true, why: "empty" } : size[i]! < k ? { hidden: true, why: "small" } : SHOWN),
  );
  const hideable = (i: number) => b.cells[i]!.fixed === undefined && !decisions[i]!.hidden && size[i]! > 0;
  const hide = (i: number) => (decisions[i] = { hidden: true, why: "complement" });

  for (;;) {
    while (applySlices(b, k, size, decisions, hideable, hide) || hideEqualSets(b, decisions, hideable, hide));
    const cell = exact ? findViolation(b, k, size, decisions, hideable) : undefined;
    if (cell === undefined) return decisions;
    hide(cell);
  }
}

/** Rule 2 in every one-column slice: hidden cells together under k take the smallest shown one with them. */
function applySlices(b: Breakdown, k: number, size: number[], decisions: Decision[], hideable: (i: number) => boolean, hide: (i: number) => void): boolean {
  let changed = false;
  for (const slice of b.slices) {
    for (;;) {
      const withRespondents = slice.cells.filter((c) => size[c]! > 0);
      const hidden = withRespondents.filter((c) => decisions[c]!.hidden);
      const together = hidden.reduce((sum, c) => sum + size[c]!, 0);
      if (hidden.length === 0 || together >= k) break;
      const next = withRespondents.filter(hideable).sort((x, y) => size[x]! - size[y]! || x - y)[0];
      if (next !== undefined) hide(next);
      else if (hideable(slice.total)) hide(slice.total);
      else break;
      changed = true;
    }
  }
  return changed;
}

/** A shown cell with exactly the respondents of a hidden one (a total over one group) is hidden too. */
function hideEqualSets(b: Breakdown, decisions: Decision[], hideable: (i: number) => boolean, hide: (i: number) => void): boolean {
  const signature = (i: number) => b.cells[i]!.atoms.filter((a) => b.sizes[a]! > 0).sort((x, y) => x - y).join(",");
  const hiddenSets = new Set(b.cells.flatMap((_, i) => (decisions[i]!.hidden && decisions[i]!.why !== "empty" ? [signature(i)] : [])));
  let changed = false;
  b.cells.forEach((_, i) => {
    if (hideable(i) && hiddenSets.has(signature(i))) {
      hide(i);
      changed = true;
    }
  });
  return changed;
}

/** The vector of a cell over the atoms that have respondents. */
const vectorOf = (cell: BreakdownCell, column: Map<number, number>): Q[] => {
  const v = new Array<Q>(column.size).fill(ZERO);
  for (const a of cell.atoms) if (column.has(a)) v[column.get(a)!] = ONE;
  return v;
};

function inSpan(x: readonly Q[], rows: Q[][]): boolean {
  const basis = rows.map((r) => [...r]);
  const pivots = rref(basis, x.map((_, i) => i));
  let rest = [...x];
  pivots.forEach((p, i) => {
    const f = rest[p]!;
    if (!isZero(f)) rest = rest.map((v, j) => sub(v, mul(f, basis[i]![j]!)));
  });
  return rest.every(isZero);
}

/**
 * Rule 5, checked exactly: is some set of 1 … k−1 respondents a combination of shown cells? Such a
 * set is a 0/1 vector over the atoms that uses only atoms smaller than k, so the search runs in
 * the span's part that vanishes on the large atoms. Returns the shown cell to hide next, if any.
 *
 * An atom of k or more shown on its own (a table's cell of one combination) is in no small set,
 * and any combination may add or take it freely: a set is derivable exactly when it is derivable
 * from the other shown cells with that atom left out. So such atoms and their cells are left out
 * of the elimination — a table of 4 000 combinations shrinks to its hidden ones and its margins
 * (a minute and 3 GB → well under a second on `score --by group,kommune` of 100 000 rows). The
 * search and its answer are the same as over every atom (test/core/disclosure-projection.test.ts
 * holds it to the engine as it was).
 */
function findViolation(b: Breakdown, k: number, size: number[], decisions: Decision[], hideable: (i: number) => boolean): number | undefined {
  const atoms = b.sizes.flatMap((s, a) => (s > 0 ? [a] : []));
  const small = atoms.filter((a) => b.sizes[a]! < k);
  if (small.length === 0) return undefined;
  const shown = b.cells.flatMap((_, i) => (!decisions[i]!.hidden && size[i]! > 0 ? [i] : []));
  const unitOf = (i: number): number | undefined => {
    const own = b.cells[i]!.atoms.filter((a) => b.sizes[a]! > 0);
    return own.length === 1 ? own[0] : undefined;
  };
  // The atoms of k or more that some shown cell shows on its own, and how many cells do.
  const alone = new Map<number, number>();
  for (const i of shown) {
    const a = unitOf(i);
    if (a !== undefined && b.sizes[a]! >= k) alone.set(a, (alone.get(a) ?? 0) + 1);
  }
  const kept = atoms.filter((a) => !alone.has(a));
  const column = new Map(kept.map((a, i) => [a, i]));
  const others = shown.filter((i) => !alone.has(unitOf(i) ?? -1));
  const reduced = others.map((i) => vectorOf(b.cells[i]!, column));
  const large = kept.filter((a) => b.sizes[a]! >= k).map((a) => column.get(a)!);
  const smallColumns = small.map((a) => column.get(a)!);
  const pivots = rref(reduced, [...large, ...smallColumns]);
  const inW = pivots.flatMap((p, i) => (b.sizes[kept[p]!]! < k ? [i] : []));
  const candidates = shown.filter(hideable).sort((x, y) => size[x]! - size[y]! || x - y);
  // The rare checks of a set found run over every atom: the set is zero on the atoms left out.
  const every = new Map(atoms.map((a, i) => [a, i]));
  const whole = (x: readonly Q[]): Q[] => atoms.map((a) => (column.has(a) ? x[column.get(a)!]! : ZERO));
  const fixedRows = shown.filter((i) => !hideable(i)).map((i) => vectorOf(b.cells[i]!, every));
  /** Whether `x` stays derivable without shown cell `c`. */
  const without = (x: readonly Q[], c: number): boolean => {
    const a = unitOf(c);
    if (a !== undefined && alone.get(a) === 1) {
      // Hiding c brings its atom back into the elimination.
      const back = new Map([...kept, a].map((atom, i) => [atom, i]));
      return inSpan([...x, ZERO], others.map((i) => vectorOf(b.cells[i]!, back)));
    }
    return inSpan(x, others.filter((i) => i !== c).map((i) => vectorOf(b.cells[i]!, column)));
  };

  let tried = 0;
  let verdict: number | undefined | "none" = "none";
  // Each set is summed in floats first, exactly only where it may be a 0/1 vector (float-filter.ts): the same sets and verdict.
  const floats = floatRows(reduced);
  const sums: Float64Array[] = [new Float64Array(column.size)];
  /** The rows of the set being tried, a stack: copied only for the exact check. */
  const chosen: number[] = [];
  const search = (from: number, weight: number): boolean => {
    const depth = chosen.length;
    const sum = (sums[depth + 1] ??= new Float64Array(column.size));
    const base = sums[depth]!;
    for (let j = from; j < inW.length; j++) {
      const w = weight + b.sizes[kept[pivots[inW[j]!]!]!]!;
      if (w >= k) continue;
      if (++tried > MAX_COMBINATIONS) {
        verdict = candidates.find((c) => b.cells[c]!.atoms.some((a) => small.includes(a)));
        return true;
      }
      const maybeBinary = addMaybeBinary(base, floats.rows[inW[j]!]!, sum);
      chosen.push(inW[j]!);
      if (((maybeBinary || !floats.trusted) && found(chosen)) || search(j + 1, w)) return true;
      chosen.pop();
    }
    return false;
  };
  /** The exact check of the set of rows `next`: a 0/1 vector of 1 … k−1 respondents that the fixed cells do not give already. */
  const found = (next: number[]): boolean => {
    const x = reduced[next[0]!]!.map((_, col) => next.reduce((sum, r) => add(sum, reduced[r]![col]!), ZERO));
    const binary = x.every((v) => isZero(v) || isOne(v));
    const total = x.reduce((sum, v, col) => sum + (isOne(v) ? b.sizes[kept[col]!]! : 0), 0);
    if (!binary || total === 0 || total >= k || inSpan(whole(x), fixedRows)) return false;
    verdict = candidates.find((c) => !without(x, c)) ?? candidates[0];
    return true;
  };
  search(0, 0);
  return verdict === "none" ? undefined : verdict;
}

/**
 * One column of groups beside their total (cells: the groups in order, then the total). Here rule 2
 * is already exact: a combination of disjoint shown groups and the total takes on the hidden
 * groups either none of them or all of them together, so the only small set that can be derived
 * is "all hidden groups", which rule 2 keeps at k or more. That is why no search runs here (and
 * why switching rule 2 off makes the property test fail).
 */
export function discloseGroups(sizes: readonly number[], k: number): { groups: Decision[]; total: Decision } {
  const groups = sizes.map((_, a) => ({ atoms: [a] }));
  const all = { atoms: sizes.map((_, a) => a) };
  const decisions = disclose({ sizes, cells: [...groups, all], slices: [{ cells: groups.map((_, i) => i), total: groups.length }] }, k, false);
  return { groups: decisions.slice(0, -1), total: decisions.at(-1)! };
}

/**
 * Several columns (`keys[i]` are atom i's values, one per column). Each column's margins are
 * published by its own one-column breakdown (`score --by level` beside `--by level,group`), so
 * they enter as fixed cells; the table's cells are hidden until no small set is derivable.
 */
export function discloseTable(keys: readonly (readonly string[])[], sizes: readonly number[], k: number): { groups: Decision[]; total: Decision } {
  const columns = keys[0]?.length ?? 0;
  if (columns <= 1) return discloseGroups(sizes, k);
  const cells: BreakdownCell[] = sizes.map((_, a) => ({ atoms: [a] }));
  const slices: Slice[] = [];
  const totalDecision = discloseGroups([sizes.reduce((s, n) => s + n, 0)], k).total;
  const totalIndex = sizes.length;
  cells.push({ atoms: sizes.map((_, a) => a), fixed: totalDecision });
  for (let c = 0; c < columns; c++) {
    // Each value's atoms, in the order values are first met: one pass (a pass per value took seconds on 3 900 combinations).
    const byValue = new Map<string, number[]>();
    keys.forEach((key, a) => (byValue.get(key[c]!) ?? byValue.set(key[c]!, []).get(key[c]!)!).push(a));
    const members = [...byValue.values()];
    const margins = discloseGroups(members.map((m) => m.reduce((s, a) => s + sizes[a]!, 0)), k).groups;
    const first = cells.length;
    members.forEach((m, i) => {
      cells.push({ atoms: m, fixed: margins[i]! });
      slices.push({ cells: m, total: first + i });
    });
  }
  const decisions = disclose({ sizes, cells, slices }, k);
  return { groups: decisions.slice(0, sizes.length), total: decisions[totalIndex]! };
}

/**
 * Item breakdowns publish sums over two sets per cell: the valid answers (mean, counts per value)
 * and everyone who answered, "ved ikke" included. Hiding what either set needs keeps both safe,
 * because hiding more only shrinks what can be combined.
 */
export function discloseAnswers(keys: readonly (readonly string[])[], valid: readonly number[], answered: readonly number[], k: number): { groups: Decision[]; total: Decision } {
  const byValid = discloseTable(keys, valid, k);
  const byAnswered = discloseTable(keys, answered, k);
  const both = (a: Decision, b: Decision): Decision => (a.hidden ? a : b.hidden ? { hidden: true, why: b.why === "empty" ? "small" : b.why } : a);
  return { groups: byValid.groups.map((d, i) => both(d, byAnswered.groups[i]!)), total: both(byValid.total, byAnswered.total) };
}

/**
 * Rule 5 for figures already published (SPEC §6.1): is some set of 1 … k−1 respondents a
 * combination of these cells (each a list of atoms with `sizes`)? The same exact search as within
 * one output, with every cell taken as shown.
 */
export function smallSetDerivable(sizes: readonly number[], cells: readonly (readonly number[])[], k: number): boolean {
  const b: Breakdown = { sizes, cells: cells.map((atoms) => ({ atoms })), slices: [] };
  const size = b.cells.map((c) => c.atoms.reduce((sum, a) => sum + sizes[a]!, 0));
  return findViolation(b, k, size, b.cells.map(() => SHOWN), () => true) !== undefined;
}
