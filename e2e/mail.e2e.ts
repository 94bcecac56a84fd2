// Mail, notifications, comments and evidence in a real browser against the real server (issue 13): the
// server sends through a real SMTP server started here (smtp-server); the department gets the opening and
// the reminder mail, follows the link, attaches a PDF and writes a comment; the office is told by mail and
// in the app, and the history shows it all. GYOKAKU_SCREENSHOTS=1 writes the screenshots into docs/screenshots/.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { addDays, japanDate } from "../src/domain/rounds/reminders.ts";
import { type ReceivedMail, type SmtpSink, startSmtpSink } from "../src/testing/smtp-sink.ts";
import { needs } from "../src/testing/system.ts";
import {
  type Account,
  DEMO,
  type E2e,
  openRoundInBrowser,
  login as signIn,
  startE2e,
  waitUntil,
} from "./helpers.ts";

const skip = needs("chromium");
const APP_URL = "http://gyokaku.city.example.lg.jp";

describe("mail, notifications, comments and evidence in the browser", { skip }, () => {
  let sink: SmtpSink;
  let e2e: E2e;
  let base = "";
  let roundPath = "";
  let itemPath = "";
  /** the items the department submitted (paths), for the bulk approval */
  const submitted: string[] = [];

  /** Waits for the server's timer (every 200 ms here) to hand a mail to the SMTP server. */
  const mailTo = (address: string, subject: RegExp): Promise<ReceivedMail> =>
    waitUntil(
      `a mail to ${address} with the subject ${subject}`,
      () => sink.to(address).find((x) => subject.test(x.subject)),
      { alive: () => (e2e.server.exitCode !== null ? "the server exited" : null) },
    );
  const newPage = () => e2e.newPage();
  const login = (page: Page, who: Account) => signIn(page, base, who);
  const shots = () => e2e.shots;

  before(async () => {
    sink = await startSmtpSink();
    e2e = await startE2e("mail", {
      env: {
        GYOKAKU_SMTP_HOST: "127.0.0.1",
        GYOKAKU_SMTP_PORT: String(sink.port),
        GYOKAKU_SMTP_FROM: "gyokaku@city.example.lg.jp",
        GYOKAKU_APP_URL: APP_URL,
        GYOKAKU_NOTIFY_INTERVAL_MS: "200",
      },
    });
    base = e2e.base;
  });

  after(async () => {
    await e2e?.close();
    await sink?.close();
  });

  test("the office opens a round due in 3 days: the department gets the opening and the reminder mail", async () => {
    const page = await newPage();
    await login(page, DEMO.office);
    ({ roundPath } = await openRoundInBrowser(page, {
      fiscalYear: "2023",
      deadline: addDays(japanDate(new Date()), 3),
    }));

    const opening = await mailTo(DEMO.shokuin.email, /照会が始まりました/);
    assert.match(opening.subject, /【gyokaku】照会が始まりました: .*令和5年度/);
    assert.ok(opening.text.includes(`${APP_URL}${roundPath}`), "the link to the round");
    const reminder = await mailTo(DEMO.shokuin.email, /回答期限まであと3日/);
    assert.match(reminder.text, /まだ提出していない項目が 8 件あります/);
  });

  test("the department follows the link, attaches a PDF and writes a comment; the history shows them", async () => {
    const opening = await mailTo(DEMO.shokuin.email, /照会が始まりました/);
    const path = /gyokaku\.city\.example\.lg\.jp(\/rounds\/[0-9a-f-]+)/.exec(opening.text)![1]!;
    const page = await newPage();
    await login(page, DEMO.shokuin);
    assert.match((await page.textContent("header"))!, /通知（未読 2）/);
    await page.goto(`${base}${path}`);
    await page.getByRole("link", { name: /職員の仕事・子育て・女性活躍推進/ }).click();
    itemPath = new URL(page.url()).pathname;
    await page.getByLabel("根拠資料を添付").setInputFiles({
      name: "育児休業取得状況（令和5年度）.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
    });
    await page.getByRole("button", { name: "添付する" }).click();
    await page.getByText("根拠資料を添付しました").waitFor();
    await page.getByLabel("コメントを書く").fill("取得率の根拠として人事システムの集計表を添付しました。");
    await page.getByRole("button", { name: "コメントを送る" }).click();
    await page.getByText("コメントを送りました").waitFor();
    const history = (await page.locator(".history").textContent())!;
    assert.match(history, /根拠資料を追加/);
    assert.match(history, /コメント/);
    assert.ok(await page.getByRole("link", { name: "育児休業取得状況（令和5年度）.pdf" }).isVisible());
    await page.evaluate(() => document.getElementById("evidence-title")?.scrollIntoView());
    await page.screenshot({ path: join(shots(), "item-evidence-comments.png"), fullPage: false });

    // it answers the item and submits it; gyokaku takes it to its next unanswered item, which it answers too
    await page.getByLabel("令和5年度の実績値（男性）").fill("25.4%");
    await page.getByLabel("令和5年度の実績値（女性）").fill("100%");
    await page.getByLabel("令和5年度の実績値", { exact: true }).fill("13.5日");
    await page.getByLabel("令和5年度の取組状況").fill("男性職員の育児休業取得を促す研修を行った。");
    await page.getByLabel("取組の状況").fill("実施");
    await page.getByRole("button", { name: "提出する" }).click();
    await page.getByText("提出しました").waitFor();
    submitted.push(itemPath);
    for (let n = 0; n < 2; n++) {
      const path = new URL(page.url()).pathname;
      assert.ok(!submitted.includes(path), `taken to an unanswered item, not ${path} again`);
      for (const input of await page.locator('input[name$=".text"]').all()) await input.fill("—");
      await page.getByLabel("令和5年度の取組状況").fill("予定どおり実施した。");
      await page.getByRole("button", { name: "提出する" }).click();
      await page.getByText("提出しました").waitFor();
      submitted.push(path);
    }
  });

  test("the office is told by mail and in the app, and answers in the conversation", async () => {
    const mail = await mailTo(DEMO.office.email, /コメントが届きました/);
    assert.ok(mail.text.includes(`${APP_URL}${itemPath}#conversation-title`));
    const page = await newPage();
    await login(page, DEMO.office);
    await page.getByRole("link", { name: /通知（未読 1）/ }).click();
    await page.screenshot({ path: join(shots(), "notifications.png"), fullPage: false });
    await page.getByRole("link", { name: /コメントが届きました/ }).click();
    await page
      .locator(".conversation")
      .getByText("取得率の根拠として人事システムの集計表を添付しました。")
      .waitFor();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "育児休業取得状況（令和5年度）.pdf" }).click();
    assert.equal((await download).suggestedFilename(), "育児休業取得状況（令和5年度）.pdf");
    await page.getByLabel("コメントを書く").fill("確認しました。");
    await page.getByRole("button", { name: "コメントを送る" }).click();
    await page.getByText("コメントを送りました").waitFor();
    await mailTo(DEMO.shokuin.email, /コメントが届きました/);
    await page.goto(`${base}/admin/mail`);
    assert.match((await page.textContent("main"))!, /送信済 \d+ 件/);
  });

  test("the office filters by department and approves three items at once; the department is told; the history shows it all", async () => {
    const page = await newPage();
    await login(page, DEMO.office);
    await page.goto(`${base}${roundPath}`);
    const department = page.locator("#filter-department option", { hasText: "職員課" });
    await page.getByLabel("所管課").selectOption((await department.getAttribute("value"))!);
    await page.getByRole("button", { name: "絞り込む" }).click();
    await page.waitForURL((u) => u.searchParams.has("department"));
    const boxes = page.locator('input[type="checkbox"][name="items"]');
    assert.equal(await boxes.count(), 3, "the three submitted items can be selected");
    for (const box of await boxes.all()) await box.check();
    await page.getByRole("button", { name: "選んだ項目をまとめて承認する" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots(), "round-bulk-approve.png"), fullPage: true });
    await page.getByRole("button", { name: "選んだ項目をまとめて承認する" }).click();
    await page.getByText("3 件を承認しました").waitFor();
    assert.doesNotMatch((await page.textContent("main"))!, /承認しなかった項目/);

    // the approval mails to the department: one per bulk (listing the items), or one per item if the
    // server's timer took the approvals in two turns; together they name all three, each with its link
    const approvals = () => sink.to(DEMO.shokuin.email).filter((m) => /承認されました/.test(m.subject));
    const counted = (mails: ReceivedMail[]) =>
      mails.reduce((n, m) => n + Number(/(\d+) 件の項目が承認されました/.exec(m.subject)?.[1] ?? 1), 0);
    const mails = await waitUntil("approval mails to the department naming three items", () => {
      const got = approvals();
      return counted(got) >= 3 ? got : undefined;
    });
    assert.equal(counted(mails), 3);
    for (const m of mails) {
      const bulk = /件の項目が承認されました/.test(m.subject);
      const link = bulk ? `${APP_URL}${roundPath}?state=approved` : undefined;
      if (link) assert.ok(m.text.includes(link), `the round's approved items: ${m.text}`);
      else
        assert.ok(
          submitted.some((p) => m.text.includes(`${APP_URL}${p}\n`)),
          `the item: ${m.text}`,
        );
      assert.match(m.text, /^職員課 太郎 様\n/);
      assert.match(m.text, /行革 花子さんが/);
    }
    assert.equal(
      sink.to(DEMO.office.email).filter((m) => /承認されました/.test(m.subject)).length,
      0,
      "not to the approver",
    );

    // the department follows the link of a mail: its approved items
    const dept = await newPage();
    await login(dept, DEMO.shokuin);
    const link = /http:\/\/gyokaku\.city\.example\.lg\.jp(\/\S+)/.exec(mails[0]!.text)![1]!;
    await dept.goto(`${base}${link}`);
    assert.match((await dept.textContent("main"))!, /承認済/);

    // the history of the first item shows the whole journey
    await page.goto(`${base}${itemPath}`);
    const history = (await page.locator(".history").textContent())!;
    for (const what of ["根拠資料を追加", "コメント", "提出", "承認"])
      assert.ok(history.includes(what), `the history shows ${what}: ${history}`);
  });

  test("the admin sends a test mail from the mail page: it arrives, the page says so, the history keeps it", async () => {
    const page = await newPage();
    await login(page, DEMO.admin);
    await page.goto(`${base}/admin/mail`);
    await page.getByRole("button", { name: "テストメールを送信" }).click();
    await page.getByText(`テストメールを ${DEMO.admin.email} に送信しました`).waitFor();
    const mail = await mailTo(DEMO.admin.email, /テストメール/);
    assert.equal(mail.subject, "【gyokaku】テストメール");
    assert.ok(mail.text.includes(`${APP_URL}/admin/mail`));
    assert.match(
      (await page.locator("#mail-history ~ .history").textContent())!,
      /テストメールを送信[\s\S]*送信しました/,
    );
    await page.locator("#test-mail").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots(), "admin-mail-test.png"), fullPage: true });
  });
});
