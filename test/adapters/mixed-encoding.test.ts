import { writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeWindows1252, hasUtf8Text, lineEncodings } from "../../src/adapters/files/mixed-encoding.ts";
import { detectEncoding } from "../../src/adapters/files/text-source.ts";
import { tmpDir } from "../helpers/paths.ts";

// Telling a Windows-1252 file with UTF-8 text in it from one without, where the file is read in 1 MB pieces.

const MB = 1 << 20;
const windows1252Line = (i: number) => encodeWindows1252(`r${i},Ærø – “Køge”,${i % 5}\n`)!;

async function withFile<T>(bytes: Buffer, use: (path: string) => Promise<T>): Promise<T> {
  const path = join(tmpDir(), "data.csv");
  writeFileSync(path, bytes);
  return use(path);
}
const has = (bytes: Buffer) => withFile(bytes, async (path) => {
  const handle = await open(path, "r");
  try {
    return await hasUtf8Text(handle);
  } finally {
    await handle.close();
  }
});

describe("UTF-8 text in a file that is not UTF-8", () => {
  it("is found when its only letter straddles two of the 1 MB pieces, and not found in Windows-1252 alone", async () => {
    // Windows-1252 filler up to one byte before the 1 MB mark, then "ø" in UTF-8 (C3 B8) across it.
    const filler = Buffer.alloc(MB - 1, 0x61);
    filler[10] = 0xe6; // æ in Windows-1252: the file is not UTF-8
    const straddling = Buffer.concat([filler, Buffer.from("ø\n", "utf8")]);
    expect(straddling[MB - 1]).toBe(0xc3);
    expect(await has(straddling)).toBe(true);
    expect(await has(Buffer.concat([filler, Buffer.from([0xf8, 0x0a])]))).toBe(false);
  });

  it("3 MB of Windows-1252 with two UTF-8 rows at the end (rows added later): mixed, the lines named", async () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => windows1252Line(i));
    const bytes = Buffer.concat([Buffer.from("respondent_id,group,q1\n"), ...rows, Buffer.from("r-a,Ærø,3\nr-b,Køge 👍,4\n", "utf8")]);
    expect(bytes.length).toBeGreaterThan(3 * MB);
    await withFile(bytes, async (path) => {
      expect(await detectEncoding(path)).toBe("mixed");
      const handle = await open(path, "r");
      try {
        const lines = await lineEncodings(handle);
        expect(lines.utf8).toEqual([150_002, 150_003]);
        expect(lines.windows1252).toHaveLength(150_000);
      } finally {
        await handle.close();
      }
    });
  });

  it("the same rows without them: Windows-1252, as before", async () => {
    const bytes = Buffer.concat([Buffer.from("respondent_id,group,q1\n"), ...Array.from({ length: 90_000 }, (_, i) => windows1252Line(i))]);
    await withFile(bytes, async (path) => expect(await detectEncoding(path)).toBe("windows-1252"));
  });
});
