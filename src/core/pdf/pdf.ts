/**
 * PDF by printing our own HTML in the system's Chromium (driven by playwright-core; no browser is ever
 * downloaded, see chromium.ts). The font is the one the project ships: the page gets the same @font-face
 * rules as the app's pages, and the font files are handed to Chromium from the npm package, so the PDF
 * embeds BIZ UDPGothic whether or not the system has it.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { PDFDocument as PDFDocumentT } from "pdf-lib";
import type { Browser, Page } from "playwright-core";
import { AppError } from "../errors.ts";
import { fontDir } from "../ui/assets.ts";
import { FONT_FAMILY, FONT_FILES, fontFaceCss } from "../ui/fonts.tsx";
import { chromiumArgs, findChromium, PDF_UNAVAILABLE_MESSAGE, sandboxDecision } from "./chromium.ts";

/** Refused, not failed: the server lacks Chromium. The page says so in plain words (503, never 500). */
export class PdfUnavailableError extends AppError {
  constructor(readonly problem: string) {
    super("unavailable", PDF_UNAVAILABLE_MESSAGE);
    this.name = "PdfUnavailableError";
  }
}

/** The Chromium to print with; throws PdfUnavailableError when there is none. */
export function chromiumPath(): string {
  const found = findChromium();
  if (!found.ok) throw new PdfUnavailableError(found.problem);
  return found.path;
}

let browser: Promise<Browser> | null = null;

async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  const { sandbox } = sandboxDecision();
  // Loaded on the first PDF only: playwright-core costs about a second of CPU to load, which every start
  // of the server and every command would pay otherwise.
  const { chromium } = await import("playwright-core");
  try {
    return await warm(await chromium.launch({ executablePath, args: chromiumArgs(sandbox) }));
  } catch (e) {
    if (!sandbox) throw e;
    // A policy that forbids the sandbox to this program only (e.g. Ubuntu's AppArmor restriction on user
    // namespaces) shows only here: start without it rather than fail every PDF, and say so in the log.
    console.error(
      `Chromium がサンドボックスありで起動できなかったため、サンドボックスなしで起動します: ${(e as Error).message.split("\n")[0]}`,
    );
    return warm(await chromium.launch({ executablePath, args: chromiumArgs(false) }));
  }
}

/**
 * The browser with as many pages ready to print as print at once (readyPage), made while it starts; pdf-lib (which
 * joins long documents printed in parts, ~0.2 s to load) is loaded meanwhile too.
 */
async function warm(b: Browser): Promise<Browser> {
  await Promise.all([
    import("pdf-lib").catch(() => undefined),
    ...Array.from({ length: PARALLEL_PARTS }, () =>
      readyPage(b).then(
        (page) => keepPage(b, page),
        () => undefined,
      ),
    ),
  ]);
  return b;
}

/**
 * One warm browser per process, started on first use and kept for every later PDF; started again on the next
 * use if it crashed or was closed.
 */
export function sharedBrowser(): Promise<Browser> {
  if (!browser) {
    const started = launch();
    browser = started;
    started.then(
      (b) =>
        b.on("disconnected", () => {
          if (browser === started) browser = null;
        }),
      () => {
        if (browser === started) browser = null;
      },
    );
  }
  return browser;
}

export async function closeBrowser(): Promise<void> {
  const b = browser;
  browser = null;
  if (b) await (await b).close();
}

export type PdfOptions = {
  landscape?: boolean;
  /** Printed at the foot of every page beside the page number. */
  footerTitle?: string;
  /** Where relative links in the HTML point (to load CSS and images); the HTML should be self-contained otherwise. */
  baseUrl?: string;
};

/** The made-up address the page finds the font files at; answered from the font package, never the network. */
const FONT_ORIGIN = "https://fonts.gyokaku.invalid";
const FONT_BASE = `${FONT_ORIGIN}/`;

/** A CSS string literal. */
function cssString(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r]+/g, " ")}"`;
}

/**
 * The page's footer (title, page number of total) as CSS page-margin boxes: part of the document, so they are
 * drawn in the document's own font. (Chromium's separate footer template cannot use the page's fonts and
 * would print in whatever the system has.)
 */
function footerCss(title: string): string {
  const box = `font-family:"${FONT_FAMILY}",sans-serif;font-size:8px;color:#444`;
  return `@page{@bottom-left{content:${cssString(title)};${box};vertical-align:middle}@bottom-right{content:counter(page) " / " counter(pages);${box};vertical-align:middle}}`;
}

/**
 * The footer's CSS (or none) as the first thing in the document's head, with the @font-face rules where the
 * page has not got the fonts already. Printing lays the document out for paper only: on the screen (which
 * nobody sees) it is not laid out at all, for a long table a second of layout saved.
 */
function withFooter(html: string, footer: string, fontFaces: boolean): string {
  const fonts = fontFaces ? `${fontFaceCss(FONT_BASE)}\n` : "";
  const style = `<style>${fonts}@media screen{html{display:none}}\n${footer}</style>`;
  const head = /<head[^>]*>/i.exec(html);
  return head
    ? `${html.slice(0, head.index + head[0].length)}${style}${html.slice(head.index + head[0].length)}`
    : `${style}${html}`;
}

/** Prints a whole HTML document to an A4 PDF with page numbers. Requests to other hosts are refused. */
export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  return printOne(html, footerCss(options.footerTitle ?? ""), options);
}

/** How many parts Chromium prints at once (each in a context, and so a renderer process, of its own). */
const PARALLEL_PARTS = 3;

/**
 * Prints the parts of one long document (each a whole HTML document that starts on a new page, e.g. a run of
 * 個票) in parallel and joins them into one PDF, with the footer and page numbers running across the parts
 * as if it had been printed in one piece: the parts are printed without a footer, and a document of as many
 * empty pages carrying only the footer (page n of all) is printed once and laid over them.
 */
export async function htmlPartsToPdf(parts: string[], options: PdfOptions = {}): Promise<Buffer> {
  if (parts.length === 1) return htmlToPdf(parts[0]!, options);
  const lib = await import("pdf-lib");
  // Each part is read by pdf-lib as soon as it is printed, while Chromium prints the others.
  const loaded: Promise<PDFDocumentT>[] = new Array(parts.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < parts.length; i = next++) {
      const bytes = await printOne(parts[i]!, "", options);
      loaded[i] = lib.PDFDocument.load(bytes);
      loaded[i]!.catch(() => undefined); // awaited below; a failure is reported there
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, parts.length) }, worker));
  const printed = await Promise.all(loaded);
  const count = printed.reduce((n, part) => n + part.getPageCount(), 0);
  // Chromium prints the footers while the parts are joined here.
  const footers = printOne(footerPages(count), footerCss(options.footerTitle ?? ""), options).then((bytes) =>
    lib.PDFDocument.load(bytes),
  );
  footers.catch(() => undefined);
  const joined = await lib.PDFDocument.create();
  for (const part of printed)
    for (const page of await joined.copyPages(part, part.getPageIndices())) joined.addPage(page);
  await overlay(joined, await footers, lib);
  return Buffer.from(await joined.save());
}

type PdfLib = typeof import("pdf-lib");

/**
 * Lays page i of `over` on page i of `doc` (the same size). Each page of `over` is copied once into `doc` and its
 * content stream, as Chromium wrote it (compressed), becomes a form XObject drawn at the end of the page's content:
 * nothing is decoded or compressed again. (pdf-lib's embedPdf + drawPage decode and deflate two streams a page:
 * about a second of CPU for 581 pages, most of it in setting up the deflater.) A page of `over` whose content is
 * not one stream is laid with embedPdf instead.
 */
async function overlay(doc: PDFDocumentT, over: PDFDocumentT, lib: PdfLib): Promise<void> {
  const { PDFName, PDFRawStream, PDFRef } = lib;
  const ctx = doc.context;
  const copied = await doc.copyPages(over, over.getPageIndices());
  // one "q", one "Q" and one "draw the footer" stream, shared by every page
  const push = ctx.register(ctx.stream("q"));
  const pop = ctx.register(ctx.stream("Q"));
  const name = PDFName.of("GyokakuFooter");
  const draw = ctx.register(ctx.stream("q /GyokakuFooter Do Q"));
  const pages = doc.getPages();
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    const footer = copied[i]!;
    const contents = footer.node.get(PDFName.of("Contents"));
    const stream = contents instanceof PDFRef ? ctx.lookup(contents) : undefined;
    if (!(contents instanceof PDFRef) || !(stream instanceof PDFRawStream)) {
      const [embedded] = await doc.embedPdf(over, [i]);
      page.drawPage(embedded!, { x: 0, y: 0 });
      continue;
    }
    const box = footer.getMediaBox();
    stream.dict.set(PDFName.of("Type"), PDFName.of("XObject"));
    stream.dict.set(PDFName.of("Subtype"), PDFName.of("Form"));
    stream.dict.set(PDFName.of("BBox"), ctx.obj([box.x, box.y, box.x + box.width, box.y + box.height]));
    stream.dict.set(PDFName.of("Resources"), footer.node.Resources() ?? ctx.obj({}));
    page.node.normalize();
    page.node.wrapContentStreams(push, pop);
    page.node.setXObject(name, contents);
    page.node.addContentStream(draw);
  }
}

/** `count` empty pages with nothing but the footer, in the same font and place as htmlToPdf prints it. */
function footerPages(count: number): string {
  const pages = '<div style="height:1px;break-after:page"></div>'.repeat(count - 1);
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"></head><body>${pages}<div style="height:1px"></div></body></html>`;
}

/** Answers the font files from the font package and refuses every other request but data: and `allowed`. */
async function guard(page: Page, allowed: string | null): Promise<void> {
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(FONT_BASE)) {
      const file = FONT_FILES.find((f) => url === `${FONT_BASE}${f.file}`);
      if (!file) return route.abort();
      return route.fulfill({
        status: 200,
        contentType: "font/woff2",
        headers: { "Access-Control-Allow-Origin": "*" },
        body: await readFile(join(fontDir, file.file)),
      });
    }
    if (url.startsWith("data:") || url === "about:blank" || (allowed && url.startsWith(allowed)))
      return route.continue();
    return route.abort();
  });
}

/**
 * Pages ready to print, kept between PDFs (as many as print at once): each in a context, and so a renderer
 * process, of its own, with both weights of the font already loaded into the page as FontFace objects. They
 * outlive the documents written into the page (setContent), so a PDF pays neither for starting a renderer
 * (about a second of CPU) nor for decoding the 1.3 MB font files again, nor for laying the document out a
 * second time once the font has arrived.
 */
const idle = new WeakMap<Browser, Page[]>();

async function readyPage(b: Browser): Promise<Page> {
  const kept = idle.get(b)?.pop();
  if (kept && !kept.isClosed()) return kept;
  const context = await b.newContext();
  try {
    const page = await context.newPage();
    await guard(page, null);
    await page.evaluate(
      async ({ family, files }) => {
        for (const f of files) {
          const face = new FontFace(family, `url("${f.url}")`, { weight: String(f.weight) });
          document.fonts.add(await face.load());
        }
      },
      {
        family: FONT_FAMILY,
        files: FONT_FILES.map((f) => ({ url: `${FONT_BASE}${f.file}`, weight: f.weight })),
      },
    );
    return page;
  } catch (e) {
    await context.close().catch(() => undefined);
    throw e;
  }
}

function keepPage(b: Browser, page: Page): void {
  const pages = idle.get(b) ?? [];
  idle.set(b, pages);
  if (pages.length < PARALLEL_PARTS && !page.isClosed()) pages.push(page);
  else
    void page
      .context()
      .close()
      .catch(() => undefined);
}

async function printOne(html: string, footer: string, options: PdfOptions): Promise<Buffer> {
  const b = await sharedBrowser();
  // A base URL needs the page to go there first, which would drop the fonts of a kept page: a fresh one.
  const fresh = options.baseUrl !== undefined;
  let page: Page;
  if (fresh) {
    page = await (await b.newContext()).newPage();
    await guard(page, new URL(options.baseUrl!).origin);
    await page.goto(options.baseUrl!, { waitUntil: "commit" }).catch(() => undefined);
  } else {
    page = await readyPage(b);
  }
  let ok = false;
  try {
    await page.setContent(withFooter(html, footer, fresh), { waitUntil: "load" });
    // Both weights are loaded before printing, also where the page itself uses only one.
    await page.evaluate(
      async ({ family, weights }) => {
        await Promise.all(weights.map((w) => document.fonts.load(`${w} 12px "${family}"`, "あ")));
        await document.fonts.ready;
      },
      { family: FONT_FAMILY, weights: FONT_FILES.map((f) => f.weight) },
    );
    const pdf = await page.pdf({
      format: "A4",
      landscape: options.landscape ?? true,
      printBackground: true,
      margin: { top: "12mm", bottom: "14mm", left: "10mm", right: "10mm" },
      preferCSSPageSize: false,
    });
    ok = !fresh;
    return pdf;
  } finally {
    if (ok) keepPage(b, page);
    else
      await page
        .context()
        .close()
        .catch(() => undefined);
  }
}
