import type { Lang } from "../text.ts";

/** Wording of the redesigned report (summary, heatmap, item pages, method), Danish first. */
export function reportWords(lang: Lang) {
  const da = lang === "da";
  return {
    responses: da ? "Besvarelser i alt" : "Responses in all",
    period: da ? "Indsamlet" : "Collected",
    keyMessages: da ? "Det vigtigste" : "Key messages",
    heatmapTitle: da ? "Elementerne pr. gruppe (0–100)" : "The elements per group (0–100)",
    heatmapIntro: da
      ? "Hver celle er gruppens score på 0–100; farven er niveauet. Skraverede celler har ingen tal:"
      : "Each cell is the group's score on 0–100; the colour is the band. Hatched cells have no figure:",
    hiddenKey: (k: number) =>
      da
        ? `«<${k}»: færre end ${k} besvarelser · «skjult»: skjult, så et lille tal ikke kan regnes ud · «i.r.»: elementet stilles ikke til niveauet.`
        : `\u201c<${k}\u201d: fewer than ${k} responses · \u201chidden\u201d: hidden so that a small figure cannot be worked out · \u201cn/a\u201d: the element is not asked of the level.`,
    anonymityRule: (k: number) =>
      da
        ? `Anonymitet: en gruppe vises kun med tal, når mindst ${k} har svaret. Hvis et skjult tal ellers kunne regnes ud af de andre, skjules også det næste.`
        : `Anonymity: a group is shown with figures only when at least ${k} have answered. Where a hidden figure could otherwise be worked out from the others, the next one is hidden too.`,
    cellSmall: (k: number) => `<${k}`,
    cellComplement: da ? "skjult" : "hidden",
    cellNotApplicable: da ? "i.r." : "n/a",
    radarTitle: da ? "Elementerne som radar (0–100)" : "The elements as a radar (0–100)",
    group: da ? "Gruppe" : "Group",
    elementScores: da ? "Elementets score pr. gruppe" : "The element's score per group",
    topTwo: (labels: string[]) => (da ? `% «${labels.join("» + «")}»` : `% \u201c${labels.join("\u201d + \u201c")}\u201d`),
    scoreWord: da ? "score 0–100" : "score 0–100",
    dontKnow: da ? "ved ikke" : "don't know",
    onlyDontKnow: da ? "kun «ved ikke»" : "only \u201cdon't know\u201d",
    reversed: da ? "Omvendt formuleret: her er uenighed det gode svar. Søjlen, andelen af gode svar og scoren er vendt, så det gode svar står til højre i blåt." : "Reverse-worded: disagreeing is the good answer here. The bar, the share of good answers and the score are turned, so the good answer stands on the right in blue.",
    reversedShort: da ? "omvendt formuleret" : "reverse-worded",
    reversedMethod: da
      ? "Omvendt formulerede udsagn (fx «Jeg er i tvivl om, hvad der forventes af mig») er negativt formuleret: her er «Slet ikke» det gode svar. De vendes overalt i rapporten — i scoren, i andelen af gode svar, i søjlernes farver og i alle rangordninger — og er mærket «omvendt formuleret»."
      : "Reverse-worded statements (e.g. \u201cI am unsure what is expected of me\u201d) are worded negatively: here \u201cNot at all\u201d is the good answer. They are turned everywhere in the report — in the score, the share of good answers, the colours of the bars and every ranking — and are marked \u201creverse-worded\u201d.",
    favourable: da ? "gode svar" : "good answers",
    continued: da ? "(fortsat)" : "(continued)",
    differencesAbove: (t: number) => (da ? `Forskelle på ${t} point eller mere mellem grupperne` : `Differences of ${t} points or more between groups`),
    noDifferencesAbove: (t: number) => (da ? `Ingen spørgsmål skiller grupperne med ${t} point eller mere (0–100).` : `No item separates the groups by ${t} points or more (0–100).`),
    points: da ? "point" : "points",
    bandsTitle: da ? "Niveauerne" : "The bands",
    bandFrom: da ? "Score fra" : "Score from",
    bandTo: da ? "til" : "to",
    gapsTitle: (levels: boolean) => (levels ? (da ? "Ser niveauerne ledelse forskelligt?" : "Do the levels see leadership differently?") : da ? "Ser grupperne ledelse forskelligt?" : "Do the groups see leadership differently?"),
    manyGroupsKey: da ? "Hver lodret streg er en gruppe; ● er den højeste og ■ den laveste, navngivet under linjen." : "Each vertical tick is a group; ● marks the highest and ■ the lowest, named under the line.",
    largestGap: da ? "største forskel" : "largest difference",
    atOrAbove: (t: number) => (da ? `på eller over tærsklen på ${t} point` : `at or above the threshold of ${t} points`),
    gapsNote: (t: number) =>
      da
        ? `Hvert punkt er en gruppes score (0–100). Elementerne står efter den største forskel mellem to grupper; en forskel på ${t} point eller mere (samme regel som ledelsestjek gaps) er vist med rødt. Skjulte grupper er udeladt.`
        : `Each dot is a group's score (0–100). Elements are ordered by the largest difference between two groups; a difference of ${t} points or more (the rule of ledelsestjek gaps) is shown in red. Hidden groups are left out.`,
    mirrorTitle: (self: string, others: string) => (da ? `${self} om sig selv og ${others} om deres leder` : `${self} on themselves and ${others} on their leader`),
    mirrorSection: da ? "Sådan ser medarbejderne deres leder" : "How the employees see their leader",
    mirrorSelfHead: da ? "Lederen selv" : "The leader",
    mirrorOthersHead: da ? "Medarbejderne" : "The employees",
    employeesWording: da ? "Medarbejderne blev spurgt" : "The employees were asked",
    mirrorNote: (t: number) =>
      da
        ? `Scorer på 0–100 for de parrede spørgsmål; forskel = lederens eget svar − medarbejdernes. Fed: ${t} point eller mere.`
        : `Scores on 0–100 for the paired items; difference = the leaders' own answer − their employees'. Bold: ${t} points or more.`,
    item: da ? "Spørgsmål" : "Item",
    difference: da ? "Forskel" : "Difference",
    comments: da ? "Kommentarer" : "Comments",
    commentsNote: (k: number) =>
      da
        ? `Kommentarerne vises kun for grupper med mindst ${k} besvarelser, uden navn og i alfabetisk rækkefølge, så ingen kan kobles til en person. Teksten er gengivet, som den er skrevet.`
        : `Comments are shown only for groups of at least ${k} responses, without names and in alphabetical order, so none can be linked to a person. The text is as written.`,
    extremesTitle: da ? "Højeste og laveste spørgsmål pr. gruppe (0–100)" : "Highest and lowest item per group (0–100)",
    highest: da ? "Højest" : "Highest",
    hiddenItems: (n: number) => (da ? `${n} udsagn med skjulte tal indgår ikke` : `${n} statement${n === 1 ? "" : "s"} with hidden figures take no part`),
    groupsCount: (n: number) => (da ? `${n} grupper` : `${n} groups`),
    perGroupInOverview: da ? "Hver gruppes score på elementet står i oversigten (Elementerne pr. gruppe)." : "Each group's score on the element is in the overview (The elements per group).",
    notCompared: da ? "Ingen udsagn kunne sammenlignes: færre end to grupper har tal, der må vises." : "No statement could be compared: fewer than two groups have figures that may be shown.",
    moreDifferences: (n: number) => (da ? `Og ${n} udsagn mere med så store forskelle (se bilaget).` : `And ${n} more statement${n === 1 ? "" : "s"} with differences that large (see the appendix).`),
    strongestTitle: da ? "Stærkeste og svageste udsagn" : "Strongest and weakest statements",
    statement: da ? "Udsagn" : "Statement",
    appendixTitle: da ? "Bilag: svarfordelingen for hvert udsagn" : "Appendix: the answers to every statement",
    appendixIntro: (k: number) =>
      da
        ? `Hvert udsagn med mindst én vist gruppe, med svarfordelingen pr. gruppe. Udsagn, som ingen vist gruppe er blevet stillet, er udeladt; grupper med færre end ${k} besvarelser vises uden tal.`
        : `Every statement with at least one shown group, with the answers per group. Statements put to no shown group are left out; groups with fewer than ${k} responses are shown without figures.`,
    colophon: da ? "Kolofon" : "Colophon",
    inputFiles: da ? "Inddata" : "Input files",
    rows: da ? "rækker" : "rows",
    allHiddenTitle: da ? "Ingen tal kan vises" : "No figures can be shown",
    allHidden: (k: number) =>
      da
        ? [`Ingen gruppe i data har mindst ${k} besvarelser med en score, og ingen samlet figur kan vises uden at afsløre en lille gruppe. Rapporten viser derfor ingen tal og siger intet om forskelle.`,
          `Sådan kan der komme tal: saml flere besvarelser; lav rapporten uden --by eller med en grovere opdeling; eller læg små niveauer sammen med --merge-levels (fx --merge-levels direktion+chef=Topledelse).`]
        : [`No group in the data has at least ${k} responses with a score, and no overall figure can be shown without revealing a small group. The report therefore shows no figures and says nothing about differences.`,
          `To get figures: collect more responses; make the report without --by or with a coarser breakdown; or merge small levels with --merge-levels (e.g. --merge-levels direktion+chef=Topledelse).`],
    commentsWithheld: (k: number) => (da ? `Kommentarerne er udeladt, fordi de kommer fra grupper med færre end ${k} besvarelser eller fra grupper, der er skjult af hensyn til anonymiteten.` : `The comments are withheld, as they come from groups with fewer than ${k} responses or from groups hidden to protect anonymity.`),
    factsLine: (o: { responses: string | null; period: string | null; groups: number; hidden: number }) =>
      [o.responses ? (da ? `${o.responses} besvarelser` : `${o.responses} responses`) : "",
        o.period ? (da ? `indsamlet ${o.period}` : `collected ${o.period}`) : "",
        o.groups > 0 ? (da ? `${o.groups} grupper, heraf ${o.hidden} uden tal` : `${o.groups} groups, ${o.hidden} without figures`) : ""].filter(Boolean).join(" · "),
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
          "\u201cDon't know\u201d does not count in the score. Where many answer \u201cdon't know\u201d, knowledge about leadership is missing — a finding in itself.",
          "Mirror level: employees who rate their leader's practice. Their answers are shown apart and never mixed into the leaders' figures.",
          "Merged levels (--merge-levels): small levels, such as an executive board of three, can be merged with another level so they can be shown.",
          "The items differ by level: each level gets the items that fit its role, often in its own wording. Scores across levels therefore rest on partly different items.",
        ],
  };
}

export type ReportWords = ReturnType<typeof reportWords>;
