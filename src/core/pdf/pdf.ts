/**
 * PDF by printing our own HTML in Chromium (Debian's `chromium`, driven by playwright-core; no browser
 * is ever downloaded). Fonts: the pages name "BIZ UDPGothic", which Chromium finds among the system fonts
 * (Debian fonts-morisawa-bizud-*) and embeds in the PDF.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `Chromium が見つかりません（${path}）。Debian では apt-get install chromium、別の場所なら CHROMIUM_PATH を設定してください`,
    );
  }
  return path;
}

let browser: Promise<Browser> | null = null;

/** One browser per process, started on first use. */
export function sharedBrowser(): Promise<Browser> {
  if (!browser) {
    browser = chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    browser.catch(() => {
      browser = null;
    });
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

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Prints a whole HTML document to an A4 PDF with page numbers. Requests to other hosts are refused. */
export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const b = await sharedBrowser();
  const context = await b.newContext({ offline: false });
  try {
    const page = await context.newPage();
    const allowed = options.baseUrl ? new URL(options.baseUrl).origin : null;
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("data:") || url === "about:blank" || (allowed && url.startsWith(allowed)))
        return route.continue();
      return route.abort();
    });
    if (options.baseUrl) {
      await page.goto(options.baseUrl, { waitUntil: "commit" }).catch(() => undefined);
    }
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    const footer = `<div style="font-family:'BIZ UDPGothic',sans-serif;font-size:8px;width:100%;padding:0 12mm;display:flex;justify-content:space-between;color:#444"><span>${escapeHtml(options.footerTitle ?? "")}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
    return await page.pdf({
      format: "A4",
      landscape: options.landscape ?? true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: footer,
      margin: { top: "12mm", bottom: "14mm", left: "10mm", right: "10mm" },
      preferCSSPageSize: false,
    });
  } finally {
    await context.close();
  }
}
