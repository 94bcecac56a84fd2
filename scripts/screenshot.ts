// Takes full-page screenshots of pages of a running server with Debian's Chromium:
//   npx tsx scripts/screenshot.ts [--login EMAIL:PASSWORD] [--municipality 012173] [--width 1280] URL OUT.png [URL OUT.png …]
// With --login, signs in through the login form first (the internal pages need an account).
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    login: { type: "string" },
    // the login page asks for the municipality when the instance has several (the demo has four)
    municipality: { type: "string", default: "012173" },
    width: { type: "string", default: "1280" },
  },
});
if (positionals.length === 0 || positionals.length % 2 !== 0) {
  console.error("usage: screenshot.ts [--login EMAIL:PASSWORD] [--width 1280] URL OUT.png [URL OUT.png …]");
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
const page = await browser.newPage({ viewport: { width: Number(values.width), height: 900 } });
if (values.login) {
  const [email, ...rest] = values.login.split(":");
  await page.goto(new URL(`/login?municipality=${values.municipality}`, positionals[0]).href);
  await page.getByLabel("メールアドレス").fill(email ?? "");
  await page.getByLabel("パスワード").fill(rest.join(":"));
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.waitForLoadState("networkidle");
  if (new URL(page.url()).pathname === "/login") {
    console.error(
      `screenshot.ts: could not sign in as ${email} to ${values.municipality} (--municipality names the account's 団体)`,
    );
    await browser.close();
    process.exit(1);
  }
}
for (let i = 0; i < positionals.length; i += 2) {
  const [url, out] = [positionals[i]!, positionals[i + 1]!];
  await page.goto(url, { waitUntil: "networkidle" });
  // The fonts swap in when loaded: wait for them, or the picture shows the fallback font.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: out, fullPage: process.env.FULL !== "0" });
  console.log(`saved ${out} (${page.url()})`);
}
await browser.close();
