import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { isA4, readPdf } from "../../testing/pdf.ts";
import { needs } from "../../testing/system.ts";
import { chromiumArgs, chromiumForPages, findChromium, sandboxDecision } from "./chromium.ts";
import { closeBrowser, htmlPartsToPdf, htmlToPdf, PdfUnavailableError } from "./pdf.ts";

const skip = needs("chromium");

describe("printing to PDF", { skip }, () => {
  // The system's BIZ UD fonts are hidden from Chromium (fontconfig: the usual configuration, BIZ UD fonts
  // rejected), as on a machine without the Debian font packages: what is embedded comes from the npm package.
  const dir = mkdtempSync(join(tmpdir(), "gyokaku-pdf-"));
  const saved = process.env.FONTCONFIG_FILE;
  before(() => {
    const conf = join(dir, "fonts.conf");
    writeFileSync(
      conf,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><selectfont><rejectfont><glob>*bizud*</glob><glob>*BIZUD*</glob><pattern><patelt name="family"><string>BIZ UDPGothic</string></patelt></pattern></rejectfont></selectfont></fontconfig>`,
    );
    process.env.FONTCONFIG_FILE = conf;
  });
  after(async () => {
    await closeBrowser();
    if (saved === undefined) delete process.env.FONTCONFIG_FILE;
    else process.env.FONTCONFIG_FILE = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  test("prints Japanese HTML to A4 with the shipped BIZ UD font embedded, footer included", async () => {
    const rows = Array.from(
      { length: 80 },
      (_, i) => `<tr><td>${i + 1}</td><td>職員提案数</td><td>1,483</td></tr>`,
    ).join("");
    const pdf = await htmlToPdf(
      `<!DOCTYPE html><html lang="ja"><head><style>body{font-family:"BIZ UDPGothic"} thead{display:table-header-group}</style></head><body><h1>取組状況一覧（令和4年度）</h1><table><thead><tr><th>番号</th><th>指標</th><th>初期値</th></tr></thead><tbody>${rows}</tbody></table><img src="https://example.invalid/x.png"></body></html>`,
      { footerTitle: "江別市 取組状況一覧" },
    );
    assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
    const read = await readPdf(pdf);
    assert.ok(read.pages >= 2, "a long table runs over several pages");
    assert.ok(
      read.sizes.every((s) => isA4(s, true)),
      `A4 landscape: ${JSON.stringify(read.sizes)}`,
    );
    // Only the project's font: body (regular), heading (bold) and the footer, in every page.
    assert.deepEqual(read.fonts, ["BIZUDPGothic-Bold", "BIZUDPGothic-Regular"]);
    assert.match(read.text, /取組状況一覧（令和4年度）/);
    assert.match(read.text, /江別市 取組状況一覧/);
    assert.match(read.text, /2 \/ \d/);
  });

  test("parts printed apart are joined with the footer and page numbers running across them", async () => {
    // Parts of 2, 1 and 3 pages (each page says which it is), printed in parallel.
    const part = (pages: number[]) =>
      `<!DOCTYPE html><html lang="ja"><head><style>body{font-family:"BIZ UDPGothic"} section{break-after:page} section:last-child{break-after:auto}</style></head><body>${pages.map((n) => `<section><h1>個票 ${n}</h1><p>取組内容</p></section>`).join("")}</body></html>`;
    const pdf = await htmlPartsToPdf([part([1, 2]), part([3]), part([4, 5, 6])], {
      footerTitle: "江別市 個票",
    });
    const read = await readPdf(pdf);
    assert.equal(read.pages, 6);
    assert.ok(read.sizes.every((s) => isA4(s, true)));
    assert.deepEqual(read.fonts, ["BIZUDPGothic-Bold", "BIZUDPGothic-Regular"]);
    const pages = read.text.split("\n");
    assert.equal(pages.length, 6);
    pages.forEach((text, i) => {
      assert.match(text, new RegExp(`個票 ${i + 1}(?!\\d)`), `page ${i + 1}: ${text}`);
      assert.match(text, new RegExp(`(?<!\\d)${i + 1} / 6(?!\\d)`), `page ${i + 1}: ${text}`);
      assert.match(text, /江別市 個票/);
    });
  });
});

test("without Chromium: PDF is refused in plain words, and nothing else is asked of the system", () => {
  const missing = join(tmpdir(), "gyokaku-no-chromium", "chromium");
  const found = findChromium({ ...process.env, CHROMIUM_PATH: missing });
  assert.equal(found.ok, false);
  if (!found.ok) assert.match(found.problem, /CHROMIUM_PATH/);
  const error = new PdfUnavailableError("x");
  assert.equal(error.status, 503);
  assert.match(error.message, /^PDF を作るには/);
  assert.doesNotMatch(error.message, /apt-get|Error|undefined/);
});

test("pages ask the disk for Chromium at most every 30 seconds, and at once for another CHROMIUM_PATH", () => {
  const saved = process.env.CHROMIUM_PATH;
  const dir = mkdtempSync(join(tmpdir(), "gyokaku-chromium-"));
  try {
    const browser = join(dir, "chromium");
    writeFileSync(browser, "");
    process.env.CHROMIUM_PATH = join(dir, "missing");
    assert.equal(chromiumForPages(1_000_000), false);
    process.env.CHROMIUM_PATH = browser;
    assert.equal(chromiumForPages(1_000_001), true, "another path is checked at once");
    rmSync(browser);
    assert.equal(chromiumForPages(1_020_000), true, "kept for 30 seconds");
    assert.equal(chromiumForPages(1_030_001), false, "checked again after 30 seconds");
  } finally {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the sandbox stays on unless Chromium cannot start with it", () => {
  const decision = sandboxDecision();
  if (process.platform === "linux" && process.getuid?.() === 0) assert.equal(decision.sandbox, false);
  assert.equal(chromiumArgs(true).includes("--no-sandbox"), false);
  assert.equal(chromiumArgs(false).includes("--no-sandbox"), true);
});
