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

/** Wraps at spaces to the terminal's width, so a long item never breaks mid-word (also once answered). */
function wrapWords(text: string, width = (process.stdout.columns || 80) - 1): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && [...line].length + 1 + [...word].length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join("\n");
}

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
    const lines = wrapWords(`? ${config.message}`).split("\n");
    const fits = [...lines[lines.length - 1]!].length + 1 + [...answer].length <= (process.stdout.columns || 80) - 1;
    return `${prefix} ${theme.style.message(lines.join("\n").slice(2), status)}${fits ? " " : "\n"}${theme.style.answer(answer)}`;
  }
  const message = theme.style.message(wrapWords(`? ${config.message}`).slice(2), status);
  const lines = entries.map((entry, i) => {
    const line = `${i === active ? "❯" : " "} ${entry.name}`;
    return i === active ? theme.style.highlight(line) : line;
  });
  if (config.back) lines.splice(config.options.length, 0, "");
  return [`${prefix} ${message}`, ...lines, ...(error ? [theme.style.error(error)] : []), theme.style.help(config.texts.help)].join("\n");
});
