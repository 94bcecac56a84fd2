/**
 * Reading a PDF in tests with PDF.js (pdfjs-dist): its pages' sizes, the fonts it embeds and its text — what
 * a reader of the printed report gets, checked without any system program.
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export type PdfContent = {
  pages: number;
  /** Width × height of each page in points (A4 landscape: 841.89 × 595.28). */
  sizes: [number, number][];
  /** The embedded fonts' names without the subset prefix ("BIZUDPGothic", "BIZUDPGothic-Bold"). */
  fonts: string[];
  /** All text, page after page. */
  text: string;
};

export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    // Keeps each font's name (as the PDF gives it) on the font objects.
    fontExtraProperties: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const sizes: [number, number][] = [];
    const fonts = new Set<string>();
    const text: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      sizes.push([x1 - x0, y1 - y0]);
      const content = await page.getTextContent();
      text.push(content.items.map((i) => ("str" in i ? i.str : "")).join(""));
      // The operator list loads the page's fonts; their objects carry the names the PDF gives them.
      await page.getOperatorList();
      for (const id of Object.keys(content.styles)) {
        const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string }) : undefined;
        if (font?.name) fonts.add(font.name.replace(/^[A-Z]{6}\+/, ""));
      }
    }
    return { pages: doc.numPages, sizes, fonts: [...fonts].sort(), text: text.join("\n") };
  } finally {
    await task.destroy();
  }
}

/** Whether a page is A4 (210 × 297 mm), portrait or landscape, to Chromium's rounding (about a point). */
export function isA4([w, h]: [number, number], landscape: boolean): boolean {
  const [long, short] = [841.89, 595.28];
  const [ew, eh] = landscape ? [long, short] : [short, long];
  return Math.abs(w - ew) < 1.5 && Math.abs(h - eh) < 1.5;
}
