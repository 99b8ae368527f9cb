import { input, select } from "@inquirer/prompts";
import { answerPrompt, terminalWidth } from "./answer-prompt.ts";
import { wrapWords } from "../../core/text.ts";
import type { Level } from "../../core/questionnaire/questionnaire.ts";
import type { Answer } from "../../core/scoring/scoring.ts";
import { BACK, type Back, type CommentQuestion, type ItemQuestion, type StepContext, type SurveyPorts } from "../../core/conduct/survey.ts";
import type { Lang } from "../../core/text.ts";

/** A prompt's message wrapped as inquirer shows it, after "? " and before the default in brackets. */
const message = (text: string, after = ""): string => wrapWords(`? ${text}${after}`, terminalWidth()).slice(2, after ? -after.length : undefined);

const KEY_WORDS: Record<string, string> = { navigate: "flyt", select: "vælg" };

/** Danish key hints; the layout stays inquirer's, one prompt at a time, which screen readers follow. */
const theme = (lang: Lang) => ({
  style: {
    keysHelpTip: (keys: [string, string][]) =>
      wrapWords(
        keys.map(([key, action]) => `${key} ${lang === "da" ? (KEY_WORDS[action] ?? action) : action}`).join(" • ") +
          (lang === "da" ? " • 1-9 hop til svar • Ctrl-C afbryd (svar gemmes)" : " • 1-9 jump to answer • Ctrl-C stop (answers are kept)"),
        terminalWidth(),
      ),
  },
});

/** What the respondent types in a comment to go back (a comment is free text, so a key cannot be used). */
export const COMMENT_BACK = "<";

/** The survey's questions as inquirer prompts: the only place that uses @inquirer/* (with answer-prompt.ts). */
export function inquirerPorts(lang: Lang): Pick<SurveyPorts, "askItem" | "askComment"> {
  const da = lang === "da";
  return {
    askItem: (question: ItemQuestion, { previous, canGoBack }: StepContext<Answer>) =>
      answerPrompt<Answer | Back>({
        message: `[${question.index}/${question.total}] ${question.elementLabel}: ${question.text}`,
        options: question.choices.map((choice, i) => ({
          value: choice.value,
          name: typeof choice.value === "number" ? `${choice.value}  ${choice.label}` : `${i + 1}  ${choice.label}`,
        })),
        ...(previous !== undefined ? { default: previous } : {}),
        ...(canGoBack ? { back: { value: BACK, name: da ? "← Tilbage til forrige spørgsmål" : "← Back to the previous question" } } : {}),
        texts: {
          choose: da ? "Vælg et svar med ↑↓ eller et tal, og tryk Enter." : "Choose an answer with ↑↓ or a number, then press Enter.",
          help: da
            ? `↑↓ flyt • 1-${question.choices.length} hop til svar • ⏎ vælg${canGoBack ? " • ← tilbage" : ""} • Ctrl-C afbryd (svar gemmes)`
            : `↑↓ move • 1-${question.choices.length} jump to answer • ⏎ select${canGoBack ? " • ← back" : ""} • Ctrl-C stop (answers are kept)`,
        },
      }),
    askComment: async (question: CommentQuestion, { previous, canGoBack }: StepContext<string>) => {
      const back = canGoBack ? (da ? `; ${COMMENT_BACK} og Enter går tilbage` : `; ${COMMENT_BACK} and Enter goes back`) : "";
      const text = await input({
        message: message(da
          ? `Kommentar til ${question.elementLabel} (valgfri, Enter springer over${back}):`
          : `Comment on ${question.elementLabel} (optional, Enter skips${back}):`),
        ...(previous ? { default: previous, prefill: "editable" as const } : {}),
      });
      return canGoBack && text.trim() === COMMENT_BACK ? BACK : text;
    },
  };
}

export const askLevel = (levels: Level[], lang: Lang): Promise<string> =>
  select<string>({
    message: message(lang === "da" ? "Hvilket ledelsesniveau er du på?" : "Which leadership level are you at?"),
    choices: levels.map((level) => {
      const label = lang === "en" ? (level.label_en ?? level.label) : level.label;
      const description = lang === "en" ? (level.description_en ?? level.description) : level.description;
      return { value: level.id, name: label, ...(description ? { description: wrapWords(description, terminalWidth()) } : {}) };
    }),
    loop: false,
    theme: theme(lang),
  });

/**
 * On a shared laptop an unfinished response may be someone else's: ask before continuing it, j/n in
 * Danish. A bare Enter starts a new response — the safe answer, and the question says so — so the
 * next person never lands in someone else's answers by pressing Enter.
 */
export async function askResume(description: string, lang: Lang): Promise<boolean> {
  const da = lang === "da";
  const answer = await input({
    message: message(da
      ? `Der er en ufærdig besvarelse (${description}). Er det din, og vil du fortsætte den? (j/n — Enter starter en ny besvarelse)`
      : `There is an unfinished response (${description}). Is it yours, and do you want to continue it? (y/n — Enter starts a new response)`, " (n)"),
    default: "n",
    validate: (value) => (da ? /^(j|ja|n|nej)$/i : /^(y|yes|n|no)$/i).test(value.trim()) || (da ? "Svar j (ja) eller n (nej)." : "Answer y (yes) or n (no)."),
  });
  return da ? /^j/i.test(answer.trim()) : /^y/i.test(answer.trim());
}

/** Several unfinished responses: start a new one (first, the safe choice on a shared laptop) or pick one's own. */
export const askWhichUnfinished = (descriptions: string[], lang: Lang): Promise<number | undefined> =>
  select<number | undefined>({
    message: message(lang === "da" ? "Der er flere ufærdige besvarelser. Vælg din, eller start en ny:" : "There are several unfinished responses. Pick yours, or start a new one:"),
    choices: [
      { value: undefined, name: lang === "da" ? "Start en ny besvarelse" : "Start a new response" },
      ...descriptions.map((name, i) => ({ value: i, name: lang === "da" ? `Fortsæt ${name}` : `Continue ${name}` })),
    ],
    loop: false,
    theme: theme(lang),
  });

/** A pause that only Enter ends (Ctrl-C rejects, as in every prompt): used between participants at one machine. */
export const waitForEnter = (text: string): Promise<void> => input({ message: message(text) }).then(() => undefined);
