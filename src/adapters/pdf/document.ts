import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

const require = createRequire(import.meta.url);
const FONT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const FONT_BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

export type PdfSetup = {
  size: "A4" | [number, number];
  margins: PDFKit.PDFDocumentOptions["margins"];
  autoFirstPage?: boolean;
  lang: "da" | "en";
  info: { Title: string; Subject: string; Keywords?: string; toolVersion: string };
  created: Date;
};

/**
 * A tagged PDF (PDF/UA) with the DejaVu fonts embedded ("Sans", "Sans-Bold") and fixed dates, so
 * the same input gives the same bytes: the one setup the report and the workshop report share.
 */
export function openTaggedPdf(setup: PdfSetup): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: setup.size,
    margins: setup.margins,
    bufferPages: true,
    autoFirstPage: setup.autoFirstPage ?? true,
    pdfVersion: "1.7",
    // @types/pdfkit lists only the PDF/A subsets; pdfkit itself supports PDF/UA (XMP pdfuaid, title shown).
    subset: "PDF/UA" as unknown as "PDF/A-1",
    tagged: true,
    lang: setup.lang === "da" ? "da-DK" : "en-GB",
    displayTitle: true,
    info: {
      Title: setup.info.Title,
      Subject: setup.info.Subject,
      ...(setup.info.Keywords ? { Keywords: setup.info.Keywords } : {}),
      Author: "ledelsestjek",
      Creator: `ledelsestjek ${setup.info.toolVersion}`,
      Producer: "ledelsestjek (pdfkit)",
      CreationDate: setup.created,
      ModDate: setup.created,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("Sans", FONT);
  doc.registerFont("Sans-Bold", FONT_BOLD);
  doc.font("Sans");
  return { doc, done };
}
