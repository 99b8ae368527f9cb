import type { Lang } from "../text.ts";

/** Wording of the redesigned report (summary, heatmap, item pages, method), Danish first. */
export function reportWords(lang: Lang) {
  const da = lang === "da";
  return {
    responses: da ? "Besvarelser i alt" : "Responses in all",
    period: da ? "Indsamlet" : "Collected",
    keyMessages: da ? "Det vigtigste" : "Key messages",
    heatmapTitle: da ? "Elementerne pr. gruppe (0-100)" : "The elements per group (0-100)",
    heatmapIntro: da
      ? "Hver celle er gruppens score på 0-100; farven er niveauet. Skraverede celler har ingen tal:"
      : "Each cell is the group's score on 0-100; the colour is the band. Hatched cells have no figure:",
    hiddenKey: (k: number) =>
      da
        ? `«<${k}»: færre end ${k} besvarelser · «skjult»: skjult, så et lille tal ikke kan regnes ud · «i.r.»: elementet stilles ikke til niveauet.`
        : `"<${k}": fewer than ${k} responses · "hidden": hidden so that a small figure cannot be worked out · "n/a": the element is not asked of the level.`,
    anonymityRule: (k: number) =>
      da
        ? `Anonymitet: en gruppe vises kun med tal, når mindst ${k} har svaret. Hvis et skjult tal ellers kunne regnes ud af de andre, skjules også det næste.`
        : `Anonymity: a group is shown with figures only when at least ${k} have answered. Where a hidden figure could otherwise be worked out from the others, the next one is hidden too.`,
    cellSmall: (k: number) => `<${k}`,
    cellComplement: da ? "skjult" : "hidden",
    cellNotApplicable: da ? "i.r." : "n/a",
    radarTitle: da ? "Elementerne som radar (0-100)" : "The elements as a radar (0-100)",
    group: da ? "Gruppe" : "Group",
    elementScores: da ? "Elementets score pr. gruppe" : "The element's score per group",
    topTwo: (labels: string[]) => (da ? `% «${labels.join("» + «")}»` : `% "${labels.join('" + "')}"`),
    scoreWord: da ? "score 0-100" : "score 0-100",
    dontKnow: da ? "ved ikke" : "don't know",
    onlyDontKnow: da ? "kun «ved ikke»" : "only \"don't know\"",
    reversed: da ? "Omvendt spørgsmål: her er et højt svar et negativt svar; scoren er vendt." : "Reverse-keyed: a high answer is a negative answer here; the score is turned.",
    continued: da ? "(fortsat)" : "(continued)",
    differencesAbove: (t: number) => (da ? `Forskelle på ${t} point eller mere mellem grupperne` : `Differences of ${t} points or more between groups`),
    noDifferencesAbove: (t: number) => (da ? `Ingen spørgsmål skiller grupperne med ${t} point eller mere (0-100).` : `No item separates the groups by ${t} points or more (0-100).`),
    points: da ? "point" : "points",
    bandsTitle: da ? "Niveauerne" : "The bands",
    bandFrom: da ? "Score fra" : "Score from",
    bandTo: da ? "til" : "to",
    gapsTitle: (levels: boolean) => (levels ? (da ? "Ser niveauerne ledelse forskelligt?" : "Do the levels see leadership differently?") : da ? "Ser grupperne ledelse forskelligt?" : "Do the groups see leadership differently?"),
    largestGap: da ? "største forskel" : "largest difference",
    atOrAbove: (t: number) => (da ? `på eller over tærsklen på ${t} point` : `at or above the threshold of ${t} points`),
    gapsNote: (t: number) =>
      da
        ? `Hvert punkt er en gruppes score (0-100). Elementerne står efter den største forskel mellem to grupper; en forskel på ${t} point eller mere (samme regel som ledelsestjek gaps) er vist med rødt. Skjulte grupper er udeladt.`
        : `Each dot is a group's score (0-100). Elements are ordered by the largest difference between two groups; a difference of ${t} points or more (the rule of ledelsestjek gaps) is shown in red. Hidden groups are left out.`,
    mirrorTitle: (self: string, others: string) => (da ? `${self} om sig selv og ${others} om deres leder` : `${self} on themselves and ${others} on their leader`),
    mirrorNote: (t: number) =>
      da
        ? `Scorer på 0-100 for de parrede spørgsmål; forskel = lederens eget svar − medarbejdernes. Fed: ${t} point eller mere.`
        : `Scores on 0-100 for the paired items; difference = the leaders' own answer − their employees'. Bold: ${t} points or more.`,
    item: da ? "Spørgsmål" : "Item",
    difference: da ? "Forskel" : "Difference",
    comments: da ? "Kommentarer" : "Comments",
    commentsNote: (k: number) =>
      da
        ? `Kommentarerne vises kun for grupper med mindst ${k} besvarelser, uden navn og i alfabetisk rækkefølge, så ingen kan kobles til en person. Teksten er gengivet, som den er skrevet.`
        : `Comments are shown only for groups of at least ${k} responses, without names and in alphabetical order, so none can be linked to a person. The text is as written.`,
    extremesTitle: da ? "Højeste og laveste spørgsmål pr. gruppe (0-100)" : "Highest and lowest item per group (0-100)",
    highest: da ? "Højest" : "Highest",
    lowest: da ? "Lavest" : "Lowest",
    source: da ? "Kilde" : "Source",
    calculation: da ? "Sådan er tallene beregnet" : "How the figures are computed",
    termsTitle: da ? "Begreber" : "Terms",
    terms: da
      ? [
          "«Ved ikke» tæller ikke med i scoren. Svarer mange «ved ikke», mangler der viden om ledelsen — det er i sig selv et fund.",
          "Spejlniveau: medarbejdere, der vurderer deres leders praksis. Deres svar vises for sig og blandes aldrig ind i ledernes tal.",
          "Sammenlagte niveauer (--merge-levels): små niveauer, fx en direktion på tre, kan lægges sammen med et andet niveau, så de kan vises.",
          "Spørgsmålene er forskellige fra niveau til niveau: hvert niveau får de spørgsmål, der passer til dets rolle, ofte med egen formulering. Scorer på tværs af niveauer bygger derfor på delvist forskellige spørgsmål.",
        ]
      : [
          "\"Don't know\" does not count in the score. Where many answer \"don't know\", knowledge about leadership is missing — a finding in itself.",
          "Mirror level: employees who rate their leader's practice. Their answers are shown apart and never mixed into the leaders' figures.",
          "Merged levels (--merge-levels): small levels, such as an executive board of three, can be merged with another level so they can be shown.",
          "The items differ by level: each level gets the items that fit its role, often in its own wording. Scores across levels therefore rest on partly different items.",
        ],
  };
}

export type ReportWords = ReturnType<typeof reportWords>;
