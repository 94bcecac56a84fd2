import { chromium } from "playwright-core";
const base = "http://localhost:3111";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
page.setDefaultTimeout(60000);
await page.goto(`${base}/login`);
await page.getByLabel("メールアドレス").fill("office@demo.example.jp");
await page.getByLabel("パスワード").fill("demo-office-2026");
await page.getByRole("button", { name: "ログイン" }).click();
await page.waitForLoadState("networkidle");
await page.goto(`${base}/`);
const href = await page.locator('a[href^="/plans/"]').filter({ hasText: "行政改革推進計画" }).first().getAttribute("href");
const planId = href!.split("/")[2];
console.log("plan", planId);
const item = process.argv[2] ?? "1-1-1";
const url = `${base}/plans/${planId}/items/${item}/edit`;
await page.goto(url);
const mode = process.argv[3] ?? "view";
if (mode === "fill") {
  await page.getByLabel("年度", { exact: true }).selectOption("2022");
  await page.getByLabel("種別").selectOption("expenditure_reduction");
  await page.getByLabel("計画額").fill("1,200");
  await page.getByLabel("実績額").fill("1,350");
  await page.getByLabel("単位", { exact: true }).selectOption("千円");
  await page.getByLabel("備考（任意）").fill("窓口業務の委託化による人件費の削減");
  await page.getByRole("button", { name: "財政効果額を保存する" }).click();
  await page.waitForLoadState("networkidle");
  await page.getByLabel("年度", { exact: true }).selectOption("2021");
  await page.getByLabel("計画額").fill("800");
  await page.getByLabel("実績額").fill("");
  await page.getByRole("button", { name: "財政効果額を保存する" }).click();
  await page.waitForLoadState("networkidle");
  // a refused one, to see the message
  await page.getByLabel("年度", { exact: true }).selectOption("2023");
  await page.getByLabel("計画額").fill("▲300");
  await page.getByLabel("単位", { exact: true }).selectOption("千円");
  await page.getByRole("button", { name: "財政効果額を保存する" }).click();
  await page.waitForLoadState("networkidle");
}
if (mode === "target") {
  await page.goto(`${url}?effect=2021-expenditure_reduction`);
  await page.getByLabel("実績額").fill("1,100");
  await page.getByRole("button", { name: "財政効果額を保存する" }).click();
  await page.waitForLoadState("networkidle");
  await page.goto(`${base}/plans/${planId}/edit`);
  await page.getByLabel("目標", { exact: true }).fill("5年間で累計3,000千円");
  await page.getByRole("button", { name: "読み取り結果を確認" }).click();
  await page.waitForLoadState("networkidle");
  await page.locator('section[aria-labelledby="effect-target-title"]').screenshot({ path: "/tmp/shots/target-preview.png" });
  await page.getByRole("button", { name: "保存する" }).click();
  await page.waitForLoadState("networkidle");
  await page.goto(`${base}/plans/${planId}/reports/tally?fy=2022`);
  await page.locator("section.fiscal-effects").screenshot({ path: "/tmp/shots/target-tally.png" });
  await page.goto(`${base}/dashboard?plan=${planId}&fy=2022`);
  await page.locator(".effect-total").first().screenshot({ path: "/tmp/shots/target-dashboard.png" });
}
if (mode === "planned") {
  const form = page.locator("form.planned-form").first();
  const inputs = form.locator("input[name^=planned_]");
  const cum = form.locator("input[name^=cumulative_]");
  const n = await inputs.count();
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = 100 * (i + 1);
    sum += v;
    await inputs.nth(i).fill(`${v}`);
    await cum.nth(i).fill(`${i === n - 2 ? sum * 10 : sum}`);
  }
  await form.getByRole("button").click();
  await page.waitForLoadState("networkidle");
}
await page.screenshot({ path: `/tmp/shots/${mode}-full.png`, fullPage: true });
for (const sel of process.argv.slice(4)) {
  const el = page.locator(sel).first();
  await el.screenshot({ path: `/tmp/shots/${mode}-${sel.replace(/[^a-z]/gi, "")}.png` });
}
console.log(page.url());
await browser.close();
