// The whole reporting round (照会) in a real browser against the real server, with the demo users:
// a department fills in and submits, the reform office returns one item, the department fixes it, the
// office approves and locks, and the summary table shows the new figures. Also: keyboard use, visible focus,
// nothing loaded from outside the server, and screenshots of the main pages.
//
// Runs Debian's Chromium through playwright-core (never a downloaded browser); skipped when it is absent.
// GYOKAKU_SCREENSHOTS=1 writes the screenshots into docs/screenshots/ (otherwise into a temporary folder).
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { needs } from "../src/testing/system.ts";
import { DEMO, type E2e, openRoundInBrowser, login as signIn, startE2e } from "./helpers.ts";

const skip = needs("chromium");

describe("the reporting round in the browser", { skip }, () => {
  let e2e: E2e;
  let base = "";
  const requested: string[] = [];
  let planId = "";
  let roundUrl = "";

  const newPage = () => e2e.newPage();
  const login = (page: Page, who: { email: string; password: string }) => signIn(page, base, who);

  async function shot(page: Page, name: string) {
    await page.screenshot({ path: join(e2e.shots, `${name}.png`), fullPage: true });
  }

  before(async () => {
    e2e = await startE2e("round", { onRequest: (u) => requested.push(u) });
    base = e2e.base;
  });

  after(async () => {
    await e2e?.close();
  });

  test("login works with the keyboard alone, and focus is visible", async () => {
    const page = await newPage();
    // this browser logged in to 江別市 before: the login page preselects it (the demo has four municipalities)
    await page
      .context()
      .addCookies([
        { name: "gyokaku_municipality", value: "012173", domain: new URL(base).hostname, path: "/login" },
      ]);
    await page.goto(`${base}/rounds`);
    assert.match(page.url(), /\/login\?next=%2Frounds/);
    await shot(page, "login");
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.id)) === "f-email") break;
    }
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      "f-email",
      "the address field is reachable by Tab",
    );
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, "none", "the focused field shows a focus outline");
    await page.keyboard.type(DEMO.office.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(DEMO.office.password);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${base}/rounds`);
    assert.match((await page.textContent("header")) ?? "", /行革 花子（行革担当）/);
  });

  test("a wrong password is announced next to the field and in the summary", async () => {
    const page = await newPage();
    await page.goto(`${base}/login?municipality=012173`);
    await page.getByLabel("メールアドレス").fill(DEMO.office.email);
    await page.getByLabel("パスワード").fill("not-the-password");
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.getByRole("alert").waitFor();
    assert.match((await page.getByRole("alert").textContent())!, /メールアドレスまたはパスワードが違います/);
    const described = await page.getByLabel("メールアドレス").getAttribute("aria-describedby");
    assert.match(described!, /f-email-error/);
    await shot(page, "login-error");
  });

  test("the reform office opens the round for 令和5年度", async () => {
    const page = await newPage();
    await login(page, DEMO.office);
    const opened = await openRoundInBrowser(page, { fiscalYear: "2023", deadline: "2027-06-30" });
    planId = opened.planId;
    roundUrl = `${base}${opened.roundPath}`;
    assert.match((await page.locator("h1").textContent()) ?? "", /令和5年度/);
  });

  test("the department fills in its items in Japanese notation, checks the reading, and submits", async () => {
    const page = await newPage();
    await login(page, DEMO.shokuin);
    await page.getByRole("link", { name: "照会（回答）" }).click();
    await page.getByRole("link", { name: /令和5年度/ }).click();
    assert.match((await page.locator("h2").first().textContent())!, /あなたの部署が回答する項目（8件）/);
    await shot(page, "department-inbox");

    await page.getByRole("link", { name: /職員の仕事・子育て・女性活躍推進/ }).click();
    await page.getByLabel("令和5年度の実績値（男性）").fill("２５．３％");
    await page.getByLabel("令和5年度の実績値（女性）").fill("100%");
    await page.getByLabel("令和5年度の実績値", { exact: true }).fill("13.5日");
    await page.getByLabel("令和5年度の取組状況").fill("男性職員の育児休業取得を促す研修を行った。");
    await page.getByLabel(/令和6年度の取組内容/).fill("管理職向けの研修を続ける。");
    await page.getByLabel("取組の状況").fill("実施");
    await page.getByRole("button", { name: "読み取り結果を確認（保存しない）" }).click();
    await page.getByText("数値 25.3（%）").waitFor();
    assert.ok(await page.getByText("数値 13.5（日）").isVisible());
    await shot(page, "item-understood");
    await page.getByRole("button", { name: "提出する" }).click();
    await page.getByText("提出しました").waitFor();

    await page.goto(roundUrl);
    await page.getByRole("link", { name: /人材育成基本方針/ }).click();
    await page.getByLabel("令和5年度の実績値").fill("検討・実施");
    await page.getByLabel("令和5年度の取組状況").fill("キャリア面談の様式を見直した。");
    await page.getByRole("button", { name: "提出する" }).click();
    await page.getByText("提出しました").waitFor();
    // after a submit the department is taken to its next unanswered item; the submitted one reads back
    await page.goto(roundUrl);
    await page.getByRole("link", { name: /人材育成基本方針/ }).click();
    assert.ok(await page.getByText("段階「検討・実施」").isVisible());
  });

  test("the reform office sees completion by department, returns one item and approves the other", async () => {
    const page = await newPage();
    await login(page, DEMO.office);
    await page.goto(roundUrl);
    const row = page.locator("tr", { has: page.locator("th", { hasText: "職員課" }) });
    assert.match((await row.textContent())!, /25%/, "2 of 8 submitted");
    await shot(page, "round-office");

    await page.getByRole("link", { name: /職員の仕事・子育て・女性活躍推進/ }).click();
    await page
      .getByLabel(/差し戻す理由/)
      .fill("男性の取得率は人事システムの最終値（25.4%）を確認してください。");
    await shot(page, "review");
    await page.getByRole("button", { name: "差し戻す" }).click();
    await page.getByText("所管課に差し戻しました").waitFor();

    await page.goto(roundUrl);
    await page.getByRole("link", { name: /人材育成基本方針/ }).click();
    await page.getByRole("button", { name: "承認する" }).click();
    await page.getByText("承認しました").waitFor();
  });

  test("the department sees the comment and fixes the returned item", async () => {
    const page = await newPage();
    await login(page, DEMO.shokuin);
    // the round page filters by state (a GET form: the same as choosing 差戻し and 絞り込む)
    await page.goto(`${roundUrl}?state=returned`);
    await page.getByRole("link", { name: /職員の仕事・子育て・女性活躍推進/ }).click();
    assert.ok(
      await page
        .locator(".comment")
        .getByText(/人事システムの最終値/)
        .isVisible(),
    );
    await page.getByLabel("令和5年度の実績値（男性）").fill("25.4%");
    await page.getByRole("button", { name: "提出する" }).click();
    await page.getByText("提出しました").waitFor();
  });

  test("the office approves and locks; the year becomes read-only", async () => {
    const office = await newPage();
    await login(office, DEMO.office);
    await office.goto(roundUrl);
    await office.getByRole("link", { name: /職員の仕事・子育て・女性活躍推進/ }).click();
    await office.getByRole("button", { name: "承認する" }).click();
    await office.getByText("承認しました").waitFor();
    await shot(office, "item-history");
    await office.goto(roundUrl);
    await office.getByRole("button", { name: "照会をロックする" }).click();
    await office.getByText("照会をロックしますか").waitFor();
    await office.getByRole("button", { name: "ロックを確定する" }).click();
    await office.getByText("照会をロックしました").waitFor();
    assert.ok(await office.getByText("ロック中").first().isVisible());

    const dept = await newPage();
    await login(dept, DEMO.shokuin);
    await dept.goto(roundUrl);
    await dept.getByRole("link", { name: /時間外勤務等の縮減/ }).click();
    assert.equal(
      await dept.getByRole("button", { name: "下書き保存" }).count(),
      0,
      "no editing in a locked round",
    );
  });

  test("the summary table shows the new figures", async () => {
    const page = await newPage();
    await login(page, DEMO.office);
    const summary = await page.goto(`${base}/plans/${planId}/reports/summary?fy=2023`);
    if (summary?.status() !== 200) await page.goto(`${base}/plans/${planId}`);
    const text = (await page.textContent("main"))!;
    assert.ok(text.includes("25.4%"), "the corrected actual");
    assert.ok(text.includes("13.5日"));
    assert.ok(text.includes("検討・実施"));
    // The rows of the item that went through the round, not the whole (long) page.
    const table = page.locator("table", { hasText: "25.4%" }).first();
    await table.scrollIntoViewIfNeeded();
    await table.screenshot({ path: join(e2e.shots, "summary-after-round.png") });
  });

  test("the office previews what citizens will see, publishes it, and the public page prints the figures read", async () => {
    const office = await newPage();
    await login(office, DEMO.office);
    await office.goto(`${base}/plans/${planId}/publish`);
    await office.getByLabel("公表する年度").selectOption("2023");
    await office.getByRole("button", { name: "プレビューを見る" }).click();
    await office.getByText("プレビュー（まだ公表していません）").waitFor();
    await office
      .getByRole("link", { name: /職員の仕事・子育て・女性活躍推進/ })
      .first()
      .click();
    await office.getByText("プレビュー（まだ公表していません）").waitFor();
    const previewed = (await office.textContent("main"))!;
    assert.ok(previewed.includes("25.4%"), "the preview shows the approved actual as read");
    await shot(office, "publish-preview-item");
    // Confirming without the tick box publishes nothing and says why.
    await office.getByRole("button", { name: "この内容で公表する" }).click();
    await office.getByText("公表してよいことを確認して、チェックを入れてください").waitFor();
    await office.getByLabel("この内容を公表し、取り消せないことを確認しました").check();
    await office.getByRole("button", { name: "この内容で公表する" }).click();
    await office.getByText(/令和5年度.*を第\d+版として公表しました/).waitFor();

    // A citizen, not signed in: the published item prints what was read, half-width with its unit, never the
    // full-width text the department first typed (「２５．３％」) nor a value it corrected.
    const citizen = await newPage();
    await citizen.goto(`${base}/public/`);
    await citizen
      .getByRole("link", { name: /令和5年度/ })
      .first()
      .click();
    await citizen
      .getByRole("link", { name: /職員の仕事・子育て・女性活躍推進/ })
      .first()
      .click();
    const text = (await citizen.textContent("main"))!;
    assert.ok(text.includes("25.4%"), "the corrected actual, as read");
    assert.ok(text.includes("13.5日"), "a figure with its unit");
    assert.doesNotMatch(text, /[０-９]/, "no full-width digits on a public page");
    assert.ok(!text.includes("25.3"), "the value the office returned is not published");
    assert.equal(await citizen.getByText("プレビュー").count(), 0, "the published page is not a preview");
    await shot(citizen, "public-item-after-round");
  });

  test("dashboard, plan editing with a target preview, and the 西暦 switch", async () => {
    const page = await newPage();
    await login(page, DEMO.office);
    await page.goto(`${base}/dashboard?plan=${planId}&fy=2023`);
    assert.ok(await page.getByRole("heading", { name: /令和5年度の達成状況/ }).isVisible());
    await shot(page, "dashboard");
    await page.getByRole("button", { name: /西暦/ }).click();
    await page.getByRole("heading", { name: /2023年度の達成状況/ }).waitFor();

    await page.goto(`${base}/plans/${planId}/edit`);
    await shot(page, "plan-edit");
    await page.getByRole("link", { name: "① 職員の定員管理" }).click();
    await page.getByLabel("指標の名称").fill("会計年度任用職員数");
    await page.getByLabel("単位（任意）").fill("人");
    await page.getByLabel("目標（任意）").fill("(R5)1,200人");
    await page.getByRole("button", { name: "読み取り結果を確認" }).last().click();
    await page
      .getByText("2023年度までに 1,200人 に達する")
      .or(page.getByText("令和5年度までに 1,200人 に達する"))
      .waitFor();
    await shot(page, "item-edit-preview");
  });

  test("nothing was loaded from outside the server, and every page had the CSP", async () => {
    assert.ok(requested.length > 20);
    const outside = requested.filter((u) => !u.startsWith(base) && !u.startsWith("data:"));
    assert.deepEqual(outside, []);
    const res = await fetch(`${base}/login`);
    assert.match(res.headers.get("content-security-policy")!, /default-src 'self'/);
  });
});
