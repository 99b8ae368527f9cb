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
