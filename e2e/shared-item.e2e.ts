// An item with two responsible departments (issue 12.3) in a real browser against the real server, on the
// demo data: 3-1-2 ふるさと納税の推進など財源確保に向けた取組 is answered by 契約管財課 (ふるさと納税の収納額) and
// 納税課 (市税の収納率). Each department answers and submits its own part; neither can change the other's;
// the office approves both parts and the item becomes complete. Screenshots of the shared item as a
// department and as the office (GYOKAKU_SCREENSHOTS=1 writes them into docs/screenshots/).
//
// Runs Debian's Chromium through playwright-core (never a downloaded browser); skipped when it is absent.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { gyokakuInProcess } from "../src/testing/cli.ts";
import { needs } from "../src/testing/system.ts";
import { type Account, DEMO, type E2e, openRoundInBrowser, login as signIn, startE2e } from "./helpers.ts";

const skip = needs("chromium");

const OFFICE = DEMO.office;
const KEIYAKU = { email: "keiyaku@demo.example.jp", password: "keiyaku-pass-2026", name: "契約 三郎" };
const NOZEI = { email: "nozei@demo.example.jp", password: "nozei-pass-2026", name: "納税 四子" };

describe("an item shared by two departments, in the browser", { skip }, () => {
  let e2e: E2e;
  let base = "";
  let roundUrl = "";
  let itemUrl = "";

  const newPage = () => e2e.newPage();
  const login = (page: Page, who: Account) => signIn(page, base, who);

  async function shot(page: Page, name: string) {
    await page.screenshot({ path: join(e2e.shots, `${name}.png`), fullPage: true });
  }

  before(async () => {
    // two department accounts for the item's two departments, added before the server holds the database
    const prepare = async (data: string) => {
      for (const [who, dept] of [
        [KEIYAKU, "契約管財課"],
        [NOZEI, "納税課"],
      ] as const) {
        const made = await gyokakuInProcess(
          [
            "user",
            "add",
            "--email",
            who.email,
            "--name",
            who.name,
            "--role",
            "department",
            "--department",
            dept,
            "--municipality",
            "012173",
            "--password-stdin",
            "--data",
            data,
          ],
          { input: `${who.password}\n` },
        );
        assert.equal(made.code, 0, made.err);
      }
    };
    e2e = await startE2e("shared", { prepare });
    base = e2e.base;
  });

  after(async () => {
    await e2e?.close();
  });

  test("the office opens the round", async () => {
    const page = await newPage();
    await login(page, OFFICE);
    const opened = await openRoundInBrowser(page, { fiscalYear: "2023", deadline: "2027-06-30" });
    roundUrl = `${base}${opened.roundPath}`;
    itemUrl = `${roundUrl}/items/3-1-2`;
  });

  test("契約管財課 answers its own part only", async () => {
    const page = await newPage();
    await login(page, KEIYAKU);
    await page.goto(roundUrl);
    await page.getByRole("link", { name: /ふるさと納税の推進/ }).click();
    await page.getByRole("heading", { name: "課ごとの回答" }).waitFor();
    await page.getByRole("heading", { name: "契約管財課の回答" }).waitFor();
    assert.equal(
      (await page.getByText("市税の収納率").count()) > 0,
      true,
      "the other part is named in the table",
    );
    assert.equal(
      await page.getByLabel("令和5年度の実績値", { exact: true }).count(),
      1,
      "one indicator to answer: ふるさと納税の収納額",
    );
    await page.getByLabel("令和5年度の実績値", { exact: true }).fill("360,000千円");
    await page.getByLabel(/令和5年度の取組状況/).fill("返礼品を見直し、寄附の受付サイトを増やした。");
    await page.getByRole("button", { name: "提出する" }).click();
    await page.getByText(/提出しました/).waitFor();
  });

  test("契約管財課 cannot change 納税課's part: no form, and a forged post is refused", async () => {
    const page = await newPage();
    await login(page, KEIYAKU);
    await page.goto(`${itemUrl}?part=${encodeURIComponent("納税課")}`);
    await page.getByText("表示中の回答").waitFor();
    assert.equal(await page.getByRole("button", { name: "下書き保存" }).count(), 0);
    const csrf = await page.locator('input[name="_csrf"]').first().getAttribute("value");
    const res = await page.request.post(itemUrl, {
      form: {
        _csrf: csrf ?? "",
        version: "0",
        action: "save",
        part: "納税課",
        "actuals.0.indicator": "3-1-2-i2",
        "actuals.0.series": "",
        "actuals.0.text": "50%",
        narrative: "上書き",
        nextYearPlan: "",
        status: "",
      },
      maxRedirects: 0,
    });
    assert.equal(res.status(), 403);
    assert.match(await res.text(), /この部分は納税課の回答です。ほかの課の回答は変更できません。/);
  });

  test("納税課 answers its part; the item waits for the office", async () => {
    const page = await newPage();
    await login(page, NOZEI);
    await page.goto(itemUrl);
    await page.getByRole("heading", { name: "納税課の回答" }).waitFor();
    await page.getByLabel("令和5年度の実績値", { exact: true }).fill("98.4%");
    await page.getByLabel(/令和5年度の取組状況/).fill("スマートフォン決済を導入し、催告を早めた。");
    await page.getByRole("button", { name: "下書き保存" }).click();
    await page.getByText("下書きを保存しました").waitFor();
    await shot(page, "shared-item-department");
    await page.getByRole("button", { name: "提出する" }).click();
    await page.getByText(/提出しました/).waitFor();
    await page.goto(itemUrl);
    const table = page.locator("table", { has: page.locator("caption", { hasText: "課ごとの回答の状態" }) });
    assert.match((await table.textContent())!, /契約管財課[\s\S]*提出済[\s\S]*納税課[\s\S]*提出済/);
  });

  test("the office approves each part; the item is complete when both are", async () => {
    const page = await newPage();
    await login(page, OFFICE);
    await page.goto(itemUrl);
    await page.getByRole("heading", { name: /確認（行革担当）: 契約管財課の回答/ }).waitFor();
    await shot(page, "shared-item-office");
    // one part in bulk from the round's list: Post/Redirect/Get, the result on the round's page
    await page.goto(roundUrl);
    const row = page.locator("tr", { has: page.getByRole("link", { name: /ふるさと納税の推進/ }) });
    assert.match((await row.textContent())!, /契約管財課: 提出済[\s\S]*納税課: 提出済/);
    await row.getByLabel("契約管財課", { exact: true }).check();
    await page.getByRole("button", { name: "選んだ項目をまとめて承認する" }).click();
    await page.getByText("1 件を承認しました").waitFor();
    assert.match(page.url(), /done=bulk/, "the result is a page of its own: a reload posts nothing");
    await page.reload();
    await page.getByText("1 件を承認しました").waitFor();
    assert.match((await row.textContent())!, /契約管財課: 承認済[\s\S]*納税課: 提出済/);
    // the other part on the item's page
    await page.goto(itemUrl);
    const state = page.locator("dt", { hasText: "項目の状態" }).locator("xpath=following-sibling::dd[1]");
    assert.match((await state.textContent())!, /提出済/, "one part approved, one waiting");
    await page.getByRole("link", { name: "納税課" }).click();
    await page.getByRole("heading", { name: /確認（行革担当）: 納税課の回答/ }).waitFor();
    await page.getByRole("button", { name: "承認する" }).click();
    await page.getByText("承認しました").waitFor();
    assert.match((await state.textContent())!, /承認済/);
    await page.goto(roundUrl);
    assert.match((await row.textContent())!, /承認済[\s\S]*契約管財課: 承認済[\s\S]*納税課: 承認済/);
  });
});
