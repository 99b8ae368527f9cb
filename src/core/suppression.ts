/**
 * The anonymity rule for a breakdown shown beside its total: entries under the threshold are
 * hidden, and where exactly one is hidden, the next smallest shown one is hidden too, so the
 * hidden figure cannot be found by subtracting the others from the total.
 * Returns which entries to hide, in the input's order.
 */
export function hiddenEntries(sizes: readonly number[], minGroupSize: number, withTotal: boolean, alreadyHidden?: readonly boolean[]): boolean[] {
  const hidden = sizes.map((n, i) => n < minGroupSize || (alreadyHidden?.[i] ?? false));
  if (!withTotal || sizes.length < 2) return hidden;
  if (hidden.filter(Boolean).length !== 1) return hidden;
  let next = -1;
  sizes.forEach((n, i) => {
    if (!hidden[i] && (next < 0 || n < sizes[next]!)) next = i;
  });
  if (next >= 0) hidden[next] = true;
  return hidden;
}
