/**
 * Terms the questionnaires and their advice must not use for casework with children and young people, and what to say
 * instead (issue 21). Barnets lov took effect on 1 January 2024 (named in source 002:409-414); the five sources are
 * older (000 is from 2014) and use the vocabulary of serviceloven, so an item may cite them only in current terms.
 * Checked in test/questionnaire-content.test.ts against every item text at every level and every advice text.
 *
 * - handleplan: Barnets lov has "barnets plan" (and an "ungeplan" for the oldest young people); allowed only as the
 *   explanatory "tidl. handleplan".
 * - foranstaltning: Barnets lov speaks of "indsatser" (støttende indsatser); 000 says "foranstaltning" throughout.
 * - børne- og ungepolitik: the statutory name is "sammenhængende børnepolitik"; 000:964-967 says "børne- og ungepolitik".
 * - § 50-undersøgelse / serviceloven: the child assessment is "børnefaglig undersøgelse" under Barnets lov; a
 *   section number of the old act would send the reader to the wrong law.
 * - sagsbehandler: not a statutory term either way (the law addresses "kommunalbestyrelsen"); flagged because the
 *   readers of 2.0 (issue 21, point 1) and the field say "rådgiver"/"socialrådgiver" for the myndighed caseworker, and
 *   2.0 used "sagsbehandler" 29 times. "sagsbehandling" (the casework) stays.
 */
export const FLAGGED_LEGAL_TERMS: { term: RegExp; instead: string; except?: RegExp }[] = [
  { term: /handleplan/i, instead: "barnets plan / ungeplan", except: /tidl\. handleplan/g },
  { term: /foranstaltning/i, instead: "indsats" },
  { term: /børne- og ungepolitik/i, instead: "sammenhængende børnepolitik" },
  { term: /§\s*50|serviceloven/i, instead: "børnefaglig undersøgelse / Barnets lov" },
  { term: /sagsbehandler/i, instead: "rådgiver" },
];

/** The term of FLAGGED_LEGAL_TERMS a text uses, if any. */
export function flaggedTerm(text: string): string | undefined {
  for (const { term, instead, except } of FLAGGED_LEGAL_TERMS) {
    const cleaned = except ? text.replace(except, "") : text;
    const hit = term.exec(cleaned);
    if (hit) return `"${hit[0]}" (say: ${instead})`;
  }
  return undefined;
}
