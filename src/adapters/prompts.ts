import { confirm, input, select } from "@inquirer/prompts";
import type { Level } from "../core/questionnaire.ts";
import type { Answer } from "../core/scoring.ts";
import type { CommentQuestion, ItemQuestion, SurveyPorts } from "../core/survey.ts";
import type { Lang } from "../core/text.ts";

const KEY_WORDS: Record<string, string> = { navigate: "flyt", select: "vælg" };

/** Danish key hints; the layout stays inquirer's, one prompt at a time, which screen readers follow. */
const theme = (lang: Lang) => ({
  style: {
    keysHelpTip: (keys: [string, string][]) =>
      keys.map(([key, action]) => `${key} ${lang === "da" ? (KEY_WORDS[action] ?? action) : action}`).join(" • ") +
      (lang === "da" ? " • 1-9 hop til svar • Ctrl-C afbryd (svar gemmes)" : " • 1-9 jump to answer • Ctrl-C stop (answers are kept)"),
  },
});

/** The survey's questions as inquirer prompts: the only place that imports @inquirer/*. */
export function inquirerPorts(lang: Lang): Pick<SurveyPorts, "askItem" | "askComment"> {
  return {
    askItem: (question: ItemQuestion) =>
      select<Answer>({
        message: `[${question.index}/${question.total}] ${question.elementLabel}: ${question.text}`,
        choices: question.choices.map((choice) => ({
          value: choice.value,
          name: typeof choice.value === "number" ? `${choice.value}  ${choice.label}` : choice.label,
        })),
        pageSize: question.choices.length,
        loop: false,
        theme: theme(lang),
      }),
    askComment: (question: CommentQuestion) =>
      input({
        message:
          lang === "da"
            ? `Kommentar til ${question.elementLabel} (valgfri, Enter springer over):`
            : `Comment on ${question.elementLabel} (optional, Enter skips):`,
      }),
  };
}

export const askLevel = (levels: Level[], lang: Lang): Promise<string> =>
  select<string>({
    message: lang === "da" ? "Hvilket ledelsesniveau er du på?" : "Which leadership level are you at?",
    choices: levels.map((level) => {
      const label = lang === "en" ? (level.label_en ?? level.label) : level.label;
      const description = lang === "en" ? (level.description_en ?? level.description) : level.description;
      return { value: level.id, name: label, ...(description ? { description } : {}) };
    }),
    loop: false,
    theme: theme(lang),
  });

/** On a shared laptop an unfinished response may be someone else's: ask before continuing it. */
export const askResume = (respondent: string, answered: number, total: number, lang: Lang): Promise<boolean> =>
  confirm({
    message:
      lang === "da"
        ? `Der er en ufærdig besvarelse (${respondent}, ${answered} af ${total} besvaret). Er det din, og vil du fortsætte den?`
        : `There is an unfinished response (${respondent}, ${answered} of ${total} answered). Is it yours, and do you want to continue it?`,
    default: true,
  });

/** A pause that only Enter ends (Ctrl-C rejects, as in every prompt): used between participants at one machine. */
export const waitForEnter = (message: string): Promise<void> => input({ message }).then(() => undefined);
