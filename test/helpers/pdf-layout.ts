import { execFileSync } from "node:child_process";

export type Box = { word: string; x0: number; y0: number; x1: number; y1: number };
export type PageBoxes = { page: number; width: number; height: number; words: Box[] };

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Every word's box on every page, as poppler's `pdftotext -bbox` sees them. */
export function wordBoxes(pdf: string): PageBoxes[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const pages: PageBoxes[] = [];
  for (const [, w, h, body] of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...body!.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([\s\S]*?)<\/word>/g)].map(
      ([, x0, y0, x1, y1, word]) => ({ word: unescape(word!), x0: Number(x0), y0: Number(y0), x1: Number(x1), y1: Number(y1) }),
    );
    pages.push({ page: pages.length + 1, width: Number(w), height: Number(h), words });
  }
  return pages;
}

/**
 * Pairs of words that overlap, and words that leave the page. A word's box spans the font's full
 * ascent and descent, so lines set solid touch; boxes are shrunk by a fifth of their height (and
 * 0.3 pt across) before comparing, which still catches a line printed over another line.
 */
export function layoutFaults(pages: PageBoxes[]): string[] {
  const faults: string[] = [];
  for (const p of pages) {
    const shrunk = p.words.map((b) => {
      const dy = (b.y1 - b.y0) / 5;
      return { ...b, x0: b.x0 + 0.3, x1: b.x1 - 0.3, y0: b.y0 + dy, y1: b.y1 - dy };
    });
    for (const b of p.words) {
      if (b.x0 < -0.5 || b.y0 < -0.5 || b.x1 > p.width + 0.5 || b.y1 > p.height + 0.5) faults.push(`p${p.page}: "${b.word}" leaves the page`);
    }
    // Sweep by x so that pages with thousands of words stay fast.
    const order = [...shrunk].sort((a, b) => a.x0 - b.x0);
    for (let i = 0; i < order.length; i++) {
      const a = order[i]!;
      for (let j = i + 1; j < order.length && order[j]!.x0 < a.x1; j++) {
        const b = order[j]!;
        if (b.y0 < a.y1 && a.y0 < b.y1) faults.push(`p${p.page}: "${a.word}" overlaps "${b.word}" at (${a.x0.toFixed(0)}, ${a.y0.toFixed(0)})`);
      }
    }
  }
  return faults;
}

type StructNode = { role?: string; type?: string; id?: string; children?: StructNode[] };

/** Per page, the structure role (H2, P, Figure …) of the last tagged text on it — a heading there ends a page. */
export async function lastRoles(pdf: string): Promise<string[]> {
  const { getDocumentProxy } = await import("unpdf");
  const { readFileSync } = await import("node:fs");
  const doc = await getDocumentProxy(new Uint8Array(readFileSync(pdf)));
  const roles: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const roleOf = new Map<string, string>();
    const walk = (n: StructNode | null, role: string) => {
      if (!n) return;
      if (n.type === "content" && n.id) roleOf.set(n.id, role);
      n.children?.forEach((c) => walk(c, n.role ?? role));
    };
    walk((await page.getStructTree()) as StructNode, "");
    let current: string | undefined;
    let last = "";
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items as { type?: string; id?: string; str?: string }[]) {
      if (item.type === "beginMarkedContentProps") current = item.id ?? undefined;
      else if (item.type === "endMarkedContent") current = undefined;
      else if (item.str?.trim() && current) last = roleOf.get(current) ?? last;
    }
    roles.push(last);
  }
  return roles;
}

/** Per page, every piece of tagged text with the structure role it sits in (H1, P, TD …). */
export async function taggedTexts(pdf: string): Promise<{ role: string; text: string }[][]> {
  const { getDocumentProxy } = await import("unpdf");
  const { readFileSync } = await import("node:fs");
  const doc = await getDocumentProxy(new Uint8Array(readFileSync(pdf)));
  const pages: { role: string; text: string }[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const roleOf = new Map<string, string>();
    const walk = (n: StructNode | null, role: string) => {
      if (!n) return;
      if (n.type === "content" && n.id) roleOf.set(n.id, role);
      n.children?.forEach((c) => walk(c, n.role ?? role));
    };
    walk((await page.getStructTree()) as StructNode, "");
    let current: string | undefined;
    const found: { role: string; text: string }[] = [];
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items as { type?: string; id?: string; str?: string }[]) {
      if (item.type === "beginMarkedContentProps") current = item.id ?? undefined;
      else if (item.type === "endMarkedContent") current = undefined;
      else if (item.str?.trim() && current) found.push({ role: roleOf.get(current) ?? "", text: item.str });
    }
    pages.push(found);
  }
  return pages;
}
