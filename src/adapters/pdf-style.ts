/** Colours, dash patterns and markers that stay apart in greyscale print as well as in colour. */
export const SERIES = [
  { color: "#1f3b73", dash: undefined, marker: "circle" },
  { color: "#d9822b", dash: [6, 3], marker: "square" },
  { color: "#3a8a4f", dash: [1.5, 2.5], marker: "triangle" },
  { color: "#9b3d8f", dash: [8, 3, 2, 3], marker: "diamond" },
  { color: "#b83232", dash: [12, 4], marker: "cross" },
  { color: "#6b6b6b", dash: [3, 3], marker: "ring" },
] as const;

/** Answer distributions: light to dark along the scale, so order reads without colour; "ved ikke" hatched grey. */
export const scaleShades = (steps: number): string[] =>
  Array.from({ length: steps }, (_, i) => {
    const t = steps === 1 ? 1 : i / (steps - 1);
    const channel = (from: number, to: number) => Math.round(from + (to - from) * t).toString(16).padStart(2, "0");
    return `#${channel(0xdd, 0x12)}${channel(0xe6, 0x2e)}${channel(0xf2, 0x5c)}`;
  });

export const DONT_KNOW_COLOR = "#c8c8c8";
export const INK = "#1a1a1a";
export const MUTED = "#6b6b6b";
export const RULE = "#d0d0d0";

export const PAGE = { width: 595.28, height: 841.89, margin: 56 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
