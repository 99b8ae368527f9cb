import { describe, expect, it } from "vitest";
import type { Command } from "commander";
import { memoryIo } from "../../src/cli/io.ts";
import { buildProgram } from "../../src/cli/program.ts";
import { cliIn } from "../helpers/cli-in.ts";
import { tmpDir } from "../helpers/paths.ts";

/** Every command path of the program, e.g. ["workshop", "status"]. */
const paths = (command: Command, prefix: string[] = []): string[][] =>
  command.commands.flatMap((sub) => [[...prefix, sub.name()], ...paths(sub, [...prefix, sub.name()])]);

const all = paths(buildProgram(memoryIo("/").io, async () => undefined)).filter(([name]) => name !== "help");

describe("--help examples work outside the clone", () => {
  it("finds the commands, the workshop's subcommands included", () => {
    expect(all).toContainEqual(["workshop", "status"]);
    expect(all.length).toBeGreaterThan(15);
  });

  it.each(["da", "en"] as const)("no --help output (%s) says npx ledelsestjek; every example starts with ledelsestjek", async (lang) => {
    const dir = tmpDir();
    for (const path of [[], ...all]) {
      const { stdout } = await cliIn(dir, [...path, "--help"], lang);
      expect(stdout, path.join(" ")).not.toContain("npx ledelsestjek");
      for (const example of stdout.split("\n").filter((line) => line.startsWith("  $ "))) expect(example, path.join(" ")).toMatch(/^ {2}\$ ([A-Z_]+=\S+ )*ledelsestjek /);
    }
  });
});

describe("--help shows each default once", () => {
  it.each(["da", "en"] as const)("no option (%s) states its default in its text and again through commander's default", (lang) => {
    const twice = (command: Command): string[] => [
      ...command.options.filter((o) => o.defaultValue !== undefined && /\((standard|default)\b/.test(o.description)).map((o) => `${command.name()} ${o.long}`),
      ...command.commands.flatMap(twice),
    ];
    expect(twice(buildProgram(memoryIo("/", lang).io, async () => undefined))).toEqual([]);
  });

  it.each([["da", "standard"], ["en", "default"]] as const)("workshop serve --help (%s) names port 8080 and host 0.0.0.0 once each", async (lang, word) => {
    const { stdout } = await cliIn(tmpDir(), ["workshop", "serve", "--help"], lang);
    const options = stdout.split(/\n(Eksempler|Examples):/)[0]!;
    expect(options).toContain(`(${word} 8080; 0 = `);
    expect(options.match(/8080/g)).toHaveLength(1);
    expect(options.match(/0\.0\.0\.0/g)).toHaveLength(1);
  });
});
