import { describe, expect, it } from "vitest";
import { UserError } from "../../src/cli/errors.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { handle } from "../../src/cli/main.ts";
import { t } from "../../src/core/text.ts";

const failing = (err: unknown, debug = false, lang: "da" | "en" = "da") => {
  const { io, stderr } = memoryIo("/", lang);
  return { code: handle(err, io, lang, debug), stderr: stderr() };
};
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

describe("exit codes and what is printed", () => {
  it("a real bug: exit 70, one line saying so and how to report it, no stack trace", () => {
    const r = failing(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(r.code).toBe(70);
    expect(r.stderr).toContain("Intern fejl — dette er en fejl i ledelsestjek, ikke i dine data: TypeError: Cannot read properties of undefined (reading 'x')");
    expect(r.stderr).toContain("Meld fejlen til dem, der vedligeholder ledelsestjek");
    expect(r.stderr).toContain("--debug");
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it("--debug adds the stack trace, for bugs and for user errors", () => {
    expect(failing(new TypeError("boom"), true).stderr).toMatch(STACK_LINE);
    expect(failing(new UserError(1, t("Dårlig fil", "Bad file")), true).stderr).toMatch(STACK_LINE);
    expect(failing(new UserError(1, t("Dårlig fil", "Bad file"))).stderr).toBe("Dårlig fil\n");
  });

  it("a file error nobody foresaw (a full drive, a file locked by Excel) is the user's: exit 1 with the path", () => {
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", path: "/data/scores.csv" });
    expect(failing(full)).toEqual({ code: 1, stderr: "/data/scores.csv: drevet er fuldt\n" });
    const locked = Object.assign(new Error("Timed out waiting for lock"), { code: "ELOCKED", path: "b.csv.lock" });
    expect(failing(locked).stderr).toMatch(/^b\.csv\.lock: er låst af en anden kørsel af ledelsestjek/);
    const busy = Object.assign(new Error("EBUSY"), { code: "EBUSY", path: "C:\\data\\x.csv" });
    expect(failing(busy, false, "en")).toEqual({ code: 1, stderr: "C:\\data\\x.csv: is in use by another program (e.g. Excel); close it and try again\n" });
  });
});
