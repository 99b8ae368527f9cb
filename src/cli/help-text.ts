/** Commander speaks English: its help headings and usage errors in Danish, and the examples block of every command. */
import { Command, CommanderError, Help } from "commander";
import type { Lang } from "../core/text.ts";

const DANISH_HELP: [string, string][] = [
  ["Usage:", "Brug:"], ["Arguments:", "Argumenter:"], ["Global Options:", "Globale tilvalg:"], ["Options:", "Tilvalg:"],
  ["Commands:", "Kommandoer:"], ["[options]", "[tilvalg]"], ["[command]", "[kommando]"],
  ["(choices:", "(valg:"], ["default:", "standard:"],
];

/** Commander writes its help in English; Danish users get the headings and hints in Danish. */
export const helpIn = (lang: Lang) => ({
  showGlobalOptions: true,
  formatHelp: (cmd: Command, helper: Help) => {
    const english = Help.prototype.formatHelp.call(helper, cmd, helper);
    return lang === "da" ? DANISH_HELP.reduce((text, [en, da]) => text.split(en).join(da), english) : english;
  },
});

export const examples = (lines: string[], lang: Lang) => `\n${lang === "da" ? "Eksempler" : "Examples"}:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

const COMMANDER_MESSAGES: Record<string, (m: string) => string> = {
  "commander.unknownOption": (m) => `ukendt tilvalg ${quoted(m)}`,
  "commander.unknownCommand": (m) => `ukendt kommando ${quoted(m)}`,
  "commander.missingArgument": (m) => `mangler argumentet ${quoted(m)}`,
  "commander.optionMissingArgument": (m) => `tilvalget ${quoted(m)} mangler en værdi`,
  "commander.missingMandatoryOptionValue": (m) => `det påkrævede tilvalg ${quoted(m)} mangler`,
  "commander.invalidArgument": () => "ugyldig værdi",
  "commander.excessArguments": () => "for mange argumenter",
};

const quoted = (message: string) => message.match(/'([^']+)'/)?.[1] ?? "";

/** Commander speaks English; Danish users get its usage errors in Danish. */
export function usageMessage(err: CommanderError, lang: Lang): string {
  const english = err.message.replace(/^error: /, "");
  const danish = COMMANDER_MESSAGES[err.code];
  const hint = lang === "da" ? " (se --help)" : " (see --help)";
  if (lang === "en" || !danish) return english.replace(/\n/g, " ") + hint;
  if (err.code === "commander.invalidArgument") {
    // "option '--lang <sprog>' argument 'de' is invalid. Allowed choices are da, en." — said wholly in Danish.
    const m = /option '(\S+)[^']*' argument '([^']*)' is invalid\. Allowed choices are ([^.]*)\./.exec(english);
    if (m) return `${m[1]} "${m[2]}" findes ikke; vælg en af: ${m[3]}` + hint;
    return english.replace(/^option/, "tilvalg").replace("Allowed choices are", "tilladte værdier er") + hint;
  }
  // Commander's own "(Did you mean score?)" for a mistyped command or option, in Danish.
  const suggestion = english.match(/Did you mean ([^?]+)\?/)?.[1];
  return danish(english) + (suggestion ? ` — mente du ${suggestion}?` : "") + hint;
}
