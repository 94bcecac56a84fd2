// Takes full-page screenshots of pages of a running server with Debian's Chromium:
//   npx tsx scripts/screenshot.ts http://localhost:3000/ docs/screenshots/plans.png [width]
import { chromium } from "playwright-core";

const [url, out, width = "1280"] = process.argv.slice(2);
if (!url || !out) {
  console.error("usage: screenshot.ts URL OUT.png [width]");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(url, { waitUntil: "networkidle" });
await page.screenshot({ path: out, fullPage: process.env.FULL !== "0" });
await browser.close();
console.log(`saved ${out}`);
