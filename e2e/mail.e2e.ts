// Mail, notifications, comments and evidence in a real browser against the real server (issue 13): the
// server sends through a real SMTP server started here (smtp-server); the department gets the opening and
// the reminder mail, follows the link, attaches a PDF and writes a comment; the office is told by mail and
// in the app, and the history shows it all. GYOKAKU_SCREENSHOTS=1 writes the screenshots into docs/screenshots/.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { chromiumArgs, findChromium } from "../src/core/pdf/chromium.ts";
import { addDays, japanDate } from "../src/domain/rounds/reminders.ts";
import { gyokakuInProcess } from "../src/testing/cli.ts";
import { type ReceivedMail, type SmtpSink, startSmtpSink } from "../src/testing/smtp-sink.ts";
import { needs } from "../src/testing/system.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const skip = needs("chromium");
const APP_URL = "http://gyokaku.city.example.lg.jp";

const DEMO = {
  office: { email: "office@demo.example.jp", password: "demo-office-2026" },
  shokuin: { email: "shokuin@demo.example.jp", password: "demo-shokuin-2026" },
};

describe("mail, notifications, comments and evidence in the browser", { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), "gyokaku-e2e-mail-"));
  const data = join(dir, "data");
  const shots = process.env.GYOKAKU_SCREENSHOTS === "1" ? join(root, "docs/screenshots") : join(dir, "shots");
  let sink: SmtpSink;
  let server: ChildProcess;
  let base = "";
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let itemPath = "";

  /** Waits for the server's timer to hand the mails to the SMTP server (every 200 ms here). */
  async function mailTo(address: string, subject: RegExp): Promise<ReceivedMail> {
    for (;;) {
      const m = sink.to(address).find((x) => subject.test(x.subject));
      if (m) return m;
      if (server.exitCode !== null) throw new Error("the server exited");
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    context.setDefaultTimeout(0);
    contexts.push(context);
    return context.newPage();
  }

  async function login(page: Page, who: { email: string; password: string }) {
    await page.goto(`${base}/login?municipality=012173`);
    await page.getByLabel("メールアドレス").fill(who.email);
    await page.getByLabel("パスワード").fill(who.password);
    await page.getByRole("button", { name: "ログイン" }).click();
    // signed in: the office lands on the start page, a department on its inbox (the round it has to answer)
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  }

  before(async () => {
    mkdirSync(shots, { recursive: true });
    sink = await startSmtpSink();
    const demo = await gyokakuInProcess(["user", "demo", "--data", data]);
    assert.equal(demo.code, 0, demo.err);
    const env = {
      ...process.env,
      DATABASE_URL: "",
      GYOKAKU_DATA: "",
      GYOKAKU_SMTP_HOST: "127.0.0.1",
      GYOKAKU_SMTP_PORT: String(sink.port),
      GYOKAKU_SMTP_FROM: "gyokaku@city.example.lg.jp",
      GYOKAKU_APP_URL: APP_URL,
      GYOKAKU_NOTIFY_INTERVAL_MS: "200",
    };
    server = spawn(
      process.execPath,
      [join(root, "bin/gyokaku.js"), "serve", "--port", "0", "--no-demo", "--data", data],
      { env },
    );
    base = await new Promise<string>((ok, fail) => {
      let out = "";
      server.stdout!.on("data", (b) => {
        out += String(b);
        const m = /gyokaku: (http:\/\/[^/\s]+)\//.exec(out);
        if (m) ok(m[1]!);
      });
      server.stderr!.on("data", (b) => {
        out += String(b);
      });
      server.on("exit", () => fail(new Error(`the server exited: ${out}`)));
    });
    const found = findChromium();
    assert.ok(found.ok);
    browser = await chromium.launch({ executablePath: found.path, args: chromiumArgs() });
  });

  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
    await sink?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("the office opens a round due in 3 days: the department gets the opening and the reminder mail", async () => {
    const page = await newPage();
    await login(page, DEMO.office);
    await page.getByRole("link", { name: "照会", exact: true }).click();
    const option = page.locator('select[name="planId"] option', { hasText: "江別" });
    await page.getByLabel("計画").selectOption((await option.getAttribute("value"))!);
    await page.getByLabel("対象の年度").selectOption("2023");
    await page.getByLabel("回答期限").fill(addDays(japanDate(new Date()), 3));
    await page.getByRole("button", { name: "照会を開始する" }).click();
    await page.getByText("照会を開始しました").waitFor();
    const roundPath = new URL(page.url()).pathname;

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
    await page.screenshot({ path: join(shots, "item-evidence-comments.png"), fullPage: false });
  });

  test("the office is told by mail and in the app, and answers in the conversation", async () => {
    const mail = await mailTo(DEMO.office.email, /コメントが届きました/);
    assert.ok(mail.text.includes(`${APP_URL}${itemPath}#conversation-title`));
    const page = await newPage();
    await login(page, DEMO.office);
    await page.getByRole("link", { name: /通知（未読 1）/ }).click();
    await page.screenshot({ path: join(shots, "notifications.png"), fullPage: false });
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
});
