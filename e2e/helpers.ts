// What the browser tests share: the demo accounts, the real server on a free port over a data directory with
// the demo data, Debian's Chromium, signing in, opening a round, and waits with a finite timeout that fail
// with what was awaited. Used by e2e/round.e2e.ts and e2e/mail.e2e.ts (and any further browser test).
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { chromiumArgs, findChromium } from "../src/core/pdf/chromium.ts";
import { gyokakuInProcess } from "../src/testing/cli.ts";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** How long any one wait may take: long enough for a busy shared machine, short enough to fail with a reason. */
export const WAIT_MS = 60_000;

export type Account = { email: string; password: string };

/** The demo accounts that `gyokaku user demo` makes (public demo passwords). */
export const DEMO = {
  admin: { email: "admin@demo.example.jp", password: "demo-admin-2026" },
  office: { email: "office@demo.example.jp", password: "demo-office-2026" },
  shokuin: { email: "shokuin@demo.example.jp", password: "demo-shokuin-2026" },
} satisfies Record<string, Account>;

export type E2e = {
  base: string;
  server: ChildProcess;
  /** the folder of screenshots: docs/screenshots with GYOKAKU_SCREENSHOTS=1, a temporary one otherwise */
  shots: string;
  /** the data directory the server runs on */
  data: string;
  /** a fresh browser context (its own cookies) and page; every wait in it gives up after WAIT_MS */
  newPage(): Promise<Page>;
  close(): Promise<void>;
};

/**
 * Demo data in a temporary data directory (as `gyokaku user demo` makes it), then the real server on a free
 * port with `env` added to the environment, and Chromium. `onRequest` sees every URL any page requests.
 */
export async function startE2e(
  name: string,
  options: {
    env?: Record<string, string>;
    onRequest?: (url: string) => void;
    /** more set-up of the data directory (e.g. accounts added by the CLI) before the server starts */
    prepare?: (data: string) => Promise<void>;
  } = {},
): Promise<E2e> {
  const dir = mkdtempSync(join(tmpdir(), `gyokaku-e2e-${name}-`));
  const data = join(dir, "data");
  const shots = process.env.GYOKAKU_SCREENSHOTS === "1" ? join(root, "docs/screenshots") : join(dir, "shots");
  mkdirSync(shots, { recursive: true });
  const demo = await gyokakuInProcess(["user", "demo", "--data", data]);
  assert.equal(demo.code, 0, demo.err);
  await options.prepare?.(data);
  const server = spawn(
    process.execPath,
    [join(root, "bin/gyokaku.js"), "serve", "--port", "0", "--no-demo", "--data", data],
    { env: { ...process.env, DATABASE_URL: "", GYOKAKU_DATA: "", ...options.env } },
  );
  const base = await new Promise<string>((ok, fail) => {
    let out = "";
    const timer = setTimeout(
      () => fail(new Error(`the server did not say its address within ${WAIT_MS / 1000} s: ${out}`)),
      WAIT_MS,
    );
    server.stdout!.on("data", (b) => {
      out += String(b);
      const m = /gyokaku: (http:\/\/[^/\s]+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    server.stderr!.on("data", (b) => {
      out += String(b);
    });
    server.on("exit", () => {
      clearTimeout(timer);
      fail(new Error(`the server exited: ${out}`));
    });
  });
  const found = findChromium();
  assert.ok(found.ok, "Chromium");
  const browser: Browser = await chromium.launch({ executablePath: found.path, args: chromiumArgs() });
  const contexts: BrowserContext[] = [];
  return {
    base,
    server,
    shots,
    data,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
      // Playwright's timeout errors name the locator or URL that was awaited.
      context.setDefaultTimeout(WAIT_MS);
      context.setDefaultNavigationTimeout(WAIT_MS);
      contexts.push(context);
      const page = await context.newPage();
      if (options.onRequest) page.on("request", (r) => options.onRequest!(r.url()));
      return page;
    },
    async close() {
      for (const c of contexts) await c.close();
      await browser.close();
      if (server.exitCode === null) {
        server.kill("SIGTERM");
        await new Promise((r) => server.once("exit", r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in on the login page; a department lands on its inbox, the others on the list of plans. */
export async function login(page: Page, base: string, who: Account): Promise<void> {
  // the demo has four municipalities: the login page then asks which; 江別市 (012173) is the demo accounts'
  await page.goto(`${base}/login?municipality=012173`);
  await page.getByLabel("メールアドレス").fill(who.email);
  await page.getByLabel("パスワード").fill(who.password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.waitForURL((u) => u.origin === base && !u.pathname.startsWith("/login"));
}

/**
 * The reform office (signed in on `page`) opens a round of 江別市's plan for a fiscal year with a deadline
 * (YYYY-MM-DD). Returns the plan's id and the round's path.
 */
export async function openRoundInBrowser(
  page: Page,
  o: { fiscalYear: string; deadline: string },
): Promise<{ planId: string; roundPath: string }> {
  await page.getByRole("link", { name: "照会", exact: true }).click();
  const option = page.locator('select[name="planId"] option', { hasText: "江別" });
  const planId = (await option.getAttribute("value"))!;
  await page.getByLabel("計画").selectOption(planId);
  await page.getByLabel("対象の年度").selectOption(o.fiscalYear);
  await page.getByLabel("回答期限").fill(o.deadline);
  await page.getByRole("button", { name: "照会を開始する" }).click();
  await page.getByText("照会を開始しました").waitFor();
  return { planId, roundPath: new URL(page.url()).pathname };
}

/**
 * Polls `probe` until it gives a value; fails after `timeoutMs` naming `what` was awaited. `alive` is
 * asked each turn (e.g. that the server is still running) and ends the wait with its message.
 */
export async function waitUntil<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  options: { timeoutMs?: number; alive?: () => string | null } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? WAIT_MS);
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    const dead = options.alive?.();
    if (dead) throw new Error(`${dead} while waiting for ${what}`);
    if (Date.now() > deadline)
      throw new Error(`gave up after ${(options.timeoutMs ?? WAIT_MS) / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
