/** Colours, dash patterns and markers that stay apart in greyscale print as well as in colour. */
export const SERIES = [
  { color: "#1f3b73", dash: undefined, marker: "circle" },
  { color: "#d9822b", dash: [6, 3], marker: "square" },
  { color: "#3a8a4f", dash: [1.5, 2.5], marker: "triangle" },
  { color: "#9b3d8f", dash: [8, 3, 2, 3], marker: "diamond" },
  { color: "#b83232", dash: [12, 4], marker: "cross" },
  { color: "#6b6b6b", dash: [3, 3], marker: "ring" },
  { color: "#2a7f9e", dash: [2, 4], marker: "square-open" },
  { color: "#8c6d1f", dash: [10, 2], marker: "triangle-open" },
  { color: "#5e3c99", dash: [4, 2, 1, 2], marker: "diamond-open" },
  { color: "#1b7837", dash: [6, 6], marker: "plus" },
] as const;

/** ColorBrewer RdBu: red for the negative end, blue for the positive, white-ish in the middle. */
const DIVERGING = ["#b2182b", "#d6604d", "#f4a582", "#f7f7f7", "#92c5de", "#4393c3", "#2166ac"];

/**
 * Answer distributions: a diverging palette, negative answers in the strongest colour so problems
 * stand out; the picks keep every step apart in greyscale too (grey levels 58, 179, 247, 133, 92 for 5).
 */
export const scaleShades = (steps: number): string[] =>
  Array.from({ length: steps }, (_, i) => DIVERGING[steps === 1 ? 6 : Math.round((i * 6) / (steps - 1))]!);

/** Band colours, lowest band red: four bands get grey levels 58, 179, 225, 133, apart in greyscale print. */
export const bandShades = (bands: number): string[] =>
  bands <= 4 ? ["#b2182b", "#f4a582", "#d1e5f0", "#4393c3"].slice(0, bands) : scaleShades(bands);

/** Ink that reads on a fill: white on dark fills, black on light ones. */
export const inkOn = (fill: string): string => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 110 ? "#ffffff" : INK;
};

export const INK = "#1a1a1a";
export const MUTED = "#6b6b6b";
export const RULE = "#d0d0d0";

export const PAGE = { width: 595.28, height: 841.89, margin: 56 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
