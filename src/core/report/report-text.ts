import { hiddenReason } from "../disclosure/disclosure-text.ts";
import type { Lang } from "../text.ts";

/**
 * The report's fixed wording, so the PDF renderer has no language logic of its own: plain strings
 * (`k`, the anonymity threshold, already in), so the report can be sent to the PDF thread.
 */
export function reportLabels(lang: Lang, k: number) {
  const da = lang === "da";
  return {
    reportTitle: da ? "Rapport" : "Report",
    questionnaire: da ? "Spørgeskema" : "Questionnaire",
    version: da ? "Version" : "Version",
    contentHash: da ? "Indholdets fingeraftryk" : "Content hash",
    dataFiles: da ? "Datafiler" : "Data files",
    date: da ? "Dato" : "Date",
    respondents: da ? "Besvarelser" : "Responses",
    group: da ? "Gruppe" : "Group",
    all: da ? "Alle" : "All",
    fewerThan: hiddenReason("small", k)[lang],
    notApplicable: da ? "ikke relevant for niveauet" : "not applicable at this level",
    hiddenComplement: hiddenReason("complement", 0)[lang],
    summary: da ? "Overblik" : "Summary",
    radarTitle: da ? "Elementerne (0–100)" : "The elements (0–100)",
    areasTitle: da ? "Områderne og i alt (0–100)" : "The areas and overall (0–100)",
    tableTitle: da ? "Score, niveau og antal pr. gruppe" : "Score, band and count per group",
    element: da ? "Element" : "Element",
    area: da ? "Område" : "Area",
    total: da ? "I alt" : "Overall",
    score: da ? "Score" : "Score",
    band: da ? "Niveau" : "Band",
    items: da ? "Spørgsmålene" : "The items",
    distribution: da ? "Svarfordeling pr. gruppe" : "Answers per group",
    mean: da ? "Gns." : "Mean",
    reversed: da ? "omvendt" : "reversed",
    differences: da ? "Største forskelle mellem grupperne" : "Largest differences between groups",
    noDifferences: da ? "Der er ikke to grupper med nok besvarelser til at sammenligne." : "There are not two groups with enough responses to compare.",
    points: da ? "point på skalaen" : "scale points",
    goodPractice: da ? "God praksis" : "Good practice",
    source: da ? "Kilde" : "Source",
    definition: da ? "Hvad elementet dækker" : "What the element covers",
    method: da ? "Metode" : "Method",
    page: da ? "Side" : "Page",
    toolVersion: da ? "Værktøj" : "Tool",
    mergedLevels: da ? "Sammenlagte niveauer" : "Merged levels",
  };
}

export type ReportLabels = ReturnType<typeof reportLabels>;

export function methodText(lang: Lang, o: { min: number; max: number; minAnswered: number; k: number; toolVersion: string; hash: string }): string[] {
  const pct = Math.round(o.minAnswered * 100);
  return lang === "da"
    ? [
        `Hvert svar omregnes til 0–100: (svar − ${o.min}) / (${o.max} − ${o.min}) × 100. Omvendte spørgsmål vendes først: svar' = ${o.min} + ${o.max} − svar.`,
        `Et elements score er gennemsnittet af de besvarede spørgsmål, som stilles til respondentens niveau. Den beregnes kun, når mindst ${pct} % af dem er besvaret (min_answered = ${o.minAnswered}, mindst ét). «Ved ikke» og ubesvaret tæller som manglende. Et element uden spørgsmål til et niveau indgår ikke for det niveau.`,
        `Et områdes score er gennemsnittet af dets elementscorer efter samme regel, med de elementer, der gælder niveauet. «I alt» er gennemsnittet af alle elementscorerne efter samme regel.`,
        `En gruppe vises kun med tal, når mindst ${o.k} respondenter har en score (anonymitetsgrænsen); antallet må stå. Er de skjulte grupper tilsammen færre end ${o.k}, skjules også den mindste viste gruppe, så de skjulte tal ikke kan regnes ud ved at trække fra totalen. Ved opdeling på flere kolonner kontrollerer værktøjet desuden eksakt, at intet tal for færre end ${o.k} personer kan regnes ud ved at lægge sammen og trække fra. Det gælder tabeller, figurer, svarfordelinger og forskelle, og score, gaps og rapportens CSV skjuler de samme tal. Medarbejdere, der vurderer deres leder (spejlniveau), indgår aldrig i «Alle»: de vises for sig.`,
        `Spredning er stikprøvens standardafvigelse (n − 1). Tal er afrundet til to decimaler, halve væk fra nul.`,
        `Beregnet med ledelsestjek ${o.toolVersion}. Spørgeskemaets indhold har fingeraftrykket ${o.hash} (SHA-256 af det validerede skema), så resultatet kan genskabes med præcis samme version.`,
      ]
    : [
        `Each answer is converted to 0–100: (answer − ${o.min}) / (${o.max} − ${o.min}) × 100. Reverse-keyed items are turned first: answer' = ${o.min} + ${o.max} − answer.`,
        `An element's score is the mean of the answered items presented to the respondent's level. It is computed only when at least ${pct} % of them are answered (min_answered = ${o.minAnswered}, at least one). “Don't know” and unanswered count as missing. An element with no items for a level does not count for that level.`,
        `An area's score is the mean of its element scores by the same rule, over the elements that apply to the level. “Overall” is the mean of all element scores by the same rule.`,
        `A group is shown with figures only when at least ${o.k} respondents have a score (the anonymity threshold); its count may be shown. Where the hidden groups together number fewer than ${o.k}, the smallest shown group is hidden too, so the hidden figures cannot be worked out by subtraction from the total. With several breakdown columns the tool also checks exactly that no figure for fewer than ${o.k} people can be worked out by adding and subtracting. This applies to tables, charts, answer distributions and differences, and score, gaps and the report's CSV hide the same figures. Employees rating their leader (a mirror level) never enter “All”: they are shown separately.`,
        `Spread is the sample standard deviation (n − 1). Figures are rounded to two decimals, halves away from zero.`,
        `Computed with ledelsestjek ${o.toolVersion}. The questionnaire's content has the fingerprint ${o.hash} (SHA-256 of the validated questionnaire), so the result can be reproduced with exactly the same version.`,
      ];
}
