// Room core/disclosure/ — the one disclosure engine (SPEC §4): which cells are hidden and why, its exact rational arithmetic, and the item breakdowns it judges.
import type { Why } from "./disclosure.ts";
import { t, type Text } from "../text.ts";

/** Why a figure is hidden, in words a reader understands (SPEC §4 rule 4). */
export function hiddenReason(why: Why, k: number): Text {
  switch (why) {
    case "small":
      return t(`færre end ${k} besvarelser`, `fewer than ${k} responses`);
    case "complement":
      return t("skjult, så tallet for en lille gruppe ikke kan regnes ud", "hidden so that the figure for a small group cannot be worked out");
    case "empty":
      return t("ingen besvarelser", "no responses");
  }
}

/** The rule in two plain sentences, for the first place a figure is hidden. */
export const anonymityRule = (k: number): Text =>
  t(
    `Tal vises kun for grupper med mindst ${k} besvarelser. Er en gruppe for lille, skjules også det tal, den ellers kunne regnes ud af.`,
    `Figures are shown only for groups with at least ${k} responses. Where a group is too small, the figure it could be worked out from is hidden as well.`,
  );
