/**
 * Rounds to two decimals, halves away from zero as Excel and most readers expect (65.625 → 65.63).
 * Going through a 10-decimal string first removes float noise, so 1.005 (really 1.00499999…)
 * still rounds up, and the same score always prints the same way.
 */
export function round2(value: number): number {
  const clean = Number(value.toFixed(10));
  return (Math.sign(clean) * Math.round(Number(`${Math.abs(clean)}e2`))) / 100;
}
