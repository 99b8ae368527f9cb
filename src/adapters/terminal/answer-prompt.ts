// Room adapters/terminal/ — the terminal: inquirer prompts (with Danish key hints), the answer prompt, and the join QR code in block characters.
import {
  createPrompt,
  isBackspaceKey,
  isDownKey,
  isEnterKey,
  isNumberKey,
  isUpKey,
  makeTheme,
  useKeypress,
  usePrefix,
  useState,
  type KeypressEvent,
} from "@inquirer/core";
import { wrapWords } from "../../core/text.ts";

export type AnswerOption<V> = { value: V; name: string };

export type AnswerPromptConfig<V> = {
  message: string;
  options: AnswerOption<V>[];
  /** The answer given before; preselected. Without it nothing is, so a stray Enter records nothing. */
  default?: V;
  /** Adds a "Tilbage" entry (and ← / Backspace) that returns `back`. */
  back?: AnswerOption<V>;
  texts: { choose: string; help: string };
};

const isLeftKey = (key: KeypressEvent) => key.name === "left";

/** The terminal's width less one, so a line that fills it never makes the terminal wrap it itself. */
export const terminalWidth = (): number => (process.stdout.columns || 80) - 1;

/** The one word wrapper (core/text.ts) at the terminal's width. */
const wrapText = (text: string, hanging?: string): string => wrapWords(text, terminalWidth(), hanging);

/**
 * A single-choice prompt for one questionnaire item, like inquirer's select but with no answer
 * preselected: the cursor starts on nothing (or on the previous answer when the respondent goes
 * back), and Enter on nothing asks for a choice instead of recording the first option. One plain
 * list, one prompt at a time, so a screen reader reads it as before.
 */
export const answerPrompt = createPrompt(<V>(config: AnswerPromptConfig<V>, done: (value: V) => void) => {
  const theme = makeTheme({});
  const entries = config.back ? [...config.options, config.back] : config.options;
  const initial = "default" in config ? config.options.findIndex((o) => o.value === config.default) : -1;
  const [active, setActive] = useState(initial);
  const [status, setStatus] = useState<"idle" | "done">("idle");
  const [error, setError] = useState<string | undefined>(undefined);
  const prefix = usePrefix({ status, theme });

  useKeypress((key, rl) => {
    setError(undefined);
    if (isEnterKey(key)) {
      const chosen = entries[active];
      if (!chosen) {
        setError(config.texts.choose);
        return;
      }
      setStatus("done");
      done(chosen.value);
    } else if (config.back && (isLeftKey(key) || isBackspaceKey(key))) {
      setActive(entries.length - 1);
      setStatus("done");
      done(config.back.value);
    } else if (isUpKey(key)) {
      setActive(active <= 0 ? entries.length - 1 : active - 1);
    } else if (isDownKey(key)) {
      setActive(active < 0 || active >= entries.length - 1 ? 0 : active + 1);
    } else if (isNumberKey(key)) {
      // 1-9 jump to that answer; Enter then records it.
      const index = Number(key.name) - 1;
      if (index >= 0 && index < config.options.length) setActive(index);
      rl.clearLine(0);
    } else rl.clearLine(0);
  });

  if (status === "done") {
    // Wrapped as plain text first, then styled, so escape codes never count towards the width.
    const answer = entries[active]?.name ?? "";
    const lines = wrapText(`? ${config.message}`).split("\n");
    const fits = [...lines[lines.length - 1]!].length + 1 + [...answer].length <= terminalWidth();
    return `${prefix} ${theme.style.message(lines.join("\n").slice(2), status)}${fits ? " " : "\n"}${theme.style.answer(answer)}`;
  }
  const message = theme.style.message(wrapText(`? ${config.message}`).slice(2), status);
  const lines = entries.map((entry, i) => {
    // A long answer label continues under its own text, not under the cursor mark.
    const line = wrapText(`${i === active ? "❯" : " "} ${entry.name}`, "     ");
    return i === active ? theme.style.highlight(line) : line;
  });
  if (config.back) lines.splice(config.options.length, 0, "");
  return [`${prefix} ${message}`, ...lines, ...(error ? [theme.style.error(error)] : []), theme.style.help(wrapText(config.texts.help))].join("\n");
});
