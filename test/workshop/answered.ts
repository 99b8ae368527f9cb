import { readFileSync } from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";
import { newWorkshop, Participant, testApp } from "./helpers.ts";

// e1: leder 4,4,2(rev → 4) = 75 → 4.0; medarbejder 2,2,4(rev → 2) = 25 → 2.0.
const LEDER: Record<string, string>[] = [{ i1: "4", i2: "4", i3: "2" }, { i4: "3" }, { i6: "3" }];
const MEDARBEJDER: Record<string, string>[] = [{ i1: "2", i2: "2", i3: "4" }, { i5: "3" }, { i6: "3" }];

/** A mini workshop in which `leaders` and `employees` have answered through the participant pages. */
export async function answered(leaders: number, employees: number, leder = LEDER, medarbejder = MEDARBEJDER) {
  const made = await newWorkshop();
  const { app } = await testApp(made.w);
  for (let i = 0; i < leaders; i++) await new Participant(app).answerAll("leder", leder);
  for (let i = 0; i < employees; i++) await new Participant(app).answerAll("medarbejder", medarbejder);
  return made;
}

/** The PDF's text, all pages. */
export const pdfText = async (file: string) => (await extractText(await getDocumentProxy(new Uint8Array(readFileSync(file))), { mergePages: true })).text;

