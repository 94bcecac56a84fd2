/**
 * Finding the Chromium that prints our PDFs, and how to start it. gyokaku never downloads a browser: it uses
 * the one the system has (Debian/Ubuntu `chromium`, RHEL `chromium` from EPEL, Microsoft Edge on Windows,
 * Google Chrome or Chromium on macOS), or the one CHROMIUM_PATH names. Without it everything but PDF works.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Where each platform's package puts the browser, in the order they are tried. */
function candidates(platform = process.platform, env = process.env): string[] {
  if (platform === "win32") {
    const dirs = [env["ProgramFiles(x86)"], env.ProgramFiles, env.LOCALAPPDATA].filter(
      (d): d is string => !!d,
    );
    return dirs.flatMap((d) => [
      join(d, "Microsoft", "Edge", "Application", "msedge.exe"),
      join(d, "Google", "Chrome", "Application", "chrome.exe"),
    ]);
  }
  if (platform === "darwin") {
    return [
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
  }
  return [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
    "/usr/bin/google-chrome-stable",
    "/usr/bin/google-chrome",
  ];
}

/** The one package per platform that PDF needs, said the way the README says it. */
export function installHint(platform = process.platform): string {
  switch (platform) {
    case "win32":
      return "Microsoft Edge（Windows に標準で入っています）を入れ直すか、CHROMIUM_PATH に msedge.exe の場所を設定してください";
    case "darwin":
      return "Google Chrome を入れるか（brew install --cask chromium でも可）、CHROMIUM_PATH に場所を設定してください";
    default:
      return "Debian/Ubuntu では sudo apt-get install chromium、RHEL 系では sudo dnf install chromium（EPEL）で入ります。別の場所にあれば CHROMIUM_PATH に設定してください";
  }
}

export type ChromiumStatus = { ok: true; path: string } | { ok: false; path: string | null; problem: string };

/** Which Chromium PDF would use, or why there is none. Cheap (a few file checks): pages call it per request. */
export function findChromium(env = process.env): ChromiumStatus {
  const named = env.CHROMIUM_PATH;
  if (named) {
    return existsSync(named)
      ? { ok: true, path: named }
      : { ok: false, path: named, problem: `CHROMIUM_PATH の ${named} がありません` };
  }
  const found = candidates(process.platform, env).find((p) => existsSync(p));
  return found
    ? { ok: true, path: found }
    : { ok: false, path: null, problem: `Chromium が見つかりません。${installHint()}` };
}

const PAGE_CHECK_MS = 30_000;
let lastForPages: { named: string | undefined; at: number; ok: boolean } | null = null;

/**
 * Whether PDF links can be offered, for pages: findChromium's answer kept for 30 seconds (it checked up to five
 * paths on the disk for every page with a PDF link; the report pages spent 5 % of their time on it). A Chromium
 * installed or removed while the server runs shows within the 30 seconds; another CHROMIUM_PATH at once.
 */
export function chromiumForPages(now = Date.now()): boolean {
  const named = process.env.CHROMIUM_PATH;
  if (!lastForPages || lastForPages.named !== named || now - lastForPages.at >= PAGE_CHECK_MS)
    lastForPages = { named, at: now, ok: findChromium().ok };
  return lastForPages.ok;
}

/** The words a person sees where a PDF cannot be made: what is missing and that the rest still works. */
export const PDF_UNAVAILABLE_MESSAGE =
  "PDF を作るには、このシステムのサーバーに Chromium（ブラウザー）が入っている必要があります。今は入っていないため PDF は作れません。画面での表示と Excel（xlsx）のダウンロードは使えます。システムの管理者に伝えてください（管理者は gyokaku doctor で確認できます）。";

/** Short form beside a PDF link. */
export const PDF_UNAVAILABLE_SHORT =
  "PDF を作るには、サーバーに Chromium が必要です（管理者にお問い合わせください）";

/**
 * Whether Chromium's own sandbox can be on. It stays on wherever it works; it is turned off only where
 * Chromium cannot start with it:
 * - as root (uid 0), Chromium refuses to start with its sandbox — run gyokaku as an ordinary user to keep it;
 * - on Linux where the kernel forbids unprivileged user namespaces (max_user_namespaces 0, Debian's
 *   unprivileged_userns_clone 0), which the sandbox of Debian's package needs. Where a policy forbids them
 *   for some programs only (Ubuntu's AppArmor restriction), the sandboxed start fails and htmlToPdf starts
 *   Chromium again without it, saying so in the server's log.
 * What Chromium prints is our own HTML, and every request to another host is refused (htmlToPdf), so
 * without the sandbox the browser still never sees a page from elsewhere.
 */
export function sandboxDecision(): { sandbox: boolean; reason: string } {
  if (process.platform !== "linux") return { sandbox: true, reason: "サンドボックスあり" };
  if (process.getuid?.() === 0) {
    return {
      sandbox: false,
      reason:
        "root で動いているため、Chromium はサンドボックスなしで動きます（一般ユーザーで動かすとサンドボックスが使えます）",
    };
  }
  const read = (path: string) => {
    try {
      return readFileSync(path, "utf8").trim();
    } catch {
      return null;
    }
  };
  if (
    read("/proc/sys/user/max_user_namespaces") === "0" ||
    read("/proc/sys/kernel/unprivileged_userns_clone") === "0"
  ) {
    return {
      sandbox: false,
      reason:
        "このカーネルは一般ユーザーの user namespace を許していないため、Chromium はサンドボックスなしで動きます",
    };
  }
  return { sandbox: true, reason: "サンドボックスあり" };
}

/** Chromium's arguments: nothing reaches out (no updates, sync or background requests), no GPU on a server. */
export function chromiumArgs(sandbox = sandboxDecision().sandbox): string[] {
  return [
    ...(sandbox ? [] : ["--no-sandbox"]),
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ];
}
