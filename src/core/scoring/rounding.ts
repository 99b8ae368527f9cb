/**
 * Rounds to two decimals, halves away from zero as Excel and most readers expect (65.625 → 65.63).
 * Going through a 10-decimal string first removes float noise, so 1.005 (really 1.00499999…)
 * still rounds up, and the same score always prints the same way.
 *
 * That detour through strings costs about 0.8 µs, and every figure written goes through here
 * (8 per respondent in `score`). Away from a half, the noise cannot change which whole number of
 * hundredths is nearest, so only values within a millionth of a hundredth of a half take it. (Taken
 * by every value, it also printed NaN for 5·10^-11 ≤ |x| < 10^-6 — a gap between two equal means with
 * float noise — because such a number is written "5e-7", and "5e-7e2" is not a number.)
 */
export function round2(value: number): number {
  const scaled = Math.abs(value) * 100;
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (scaled < 1e9 && Math.abs(fraction - 0.5) > 1e-6) return (Math.sign(value) * (fraction > 0.5 ? whole + 1 : whole)) / 100;
  return viaDecimals(value);
}

function viaDecimals(value: number): number {
  const clean = Number(value.toFixed(10));
  // From 10^15 up a double has no hundredths to round, and from 10^21 up `${clean}` is written with an exponent, which "e2" cannot follow.
  if (!(Math.abs(clean) < 1e15)) return clean;
  return (Math.sign(clean) * Math.round(Number(`${Math.abs(clean)}e2`))) / 100;
}
