/**
 * `gyokaku doctor`: what gyokaku needs on this machine, checked one by one, with what is missing and how to
 * get it in plain Japanese. Only looks: the database is opened without migrating it.
 *   ✓ fine   ! works, but something optional is missing (PDF, mail) or weaker than it could be
 *   ✗ missing something needed: exit code 1
 */
import { accessSync, constants, existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { listUsers } from "../../auth/auth.service.ts";
import { isAppError } from "../../core/errors.ts";
import { findChromium, installHint, sandboxDecision } from "../../core/pdf/chromium.ts";
import { closeBrowser, htmlToPdf, sharedBrowser } from "../../core/pdf/pdf.ts";
import { inspectSecretKey } from "../../core/secrets.ts";
import { fontDir } from "../../core/ui/assets.ts";
import { FONT_FILES } from "../../core/ui/fonts.tsx";
import {
  databaseOptionsFromEnv,
  openDatabase,
  pendingMigrations,
  serverMajorVersion,
} from "../../db/database.ts";
import { isNewDataDir } from "../../db/pglite-start.ts";
import { mailSettingsFromEnv } from "../../notifications/settings.service.ts";
import { listPlans } from "../../plans/plans.service.ts";
import { parse } from "../args.ts";
import type { CommandIo } from "../io.ts";

type Status = "ok" | "warn" | "fail";
type Check = { status: Status; label: string; detail: string; fix?: string };

const MARK: Record<Status, string> = { ok: "✓", warn: "!", fail: "✗" };

/** Returns the exit code: 1 when something needed is missing. */
export async function doctorCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parse(argv, { data: { type: "string" }, "no-pdf": { type: "boolean" } });
  const options = databaseOptionsFromEnv(values.data);
  const checks: Check[] = [nodeCheck()];
  const dataDir = options.kind === "pglite" ? dataDirectoryCheck(options.dataDir) : null;
  if (dataDir) checks.push(dataDir);
  checks.push(
    dataDir?.status === "fail"
      ? { status: "fail", label: "データベース", detail: "データディレクトリを直してから確かめます" }
      : await databaseCheck(options),
  );
  checks.push(fontCheck());
  checks.push(...(await pdfChecks(!values["no-pdf"])));
  checks.push(mailCheck());
  checks.push(secretKeyCheck(options.kind === "pglite-memory" ? null : (options.dataDir ?? null)));

  io.log("gyokaku doctor — 動かすのに必要なものの確認");
  for (const c of checks) {
    io.log(`  ${MARK[c.status]} ${c.label}: ${c.detail}`);
    if (c.fix) io.log(`      → ${c.fix}`);
  }
  const failed = checks.filter((c) => c.status === "fail").length;
  const warned = checks.filter((c) => c.status === "warn").length;
  io.log(
    failed > 0
      ? `結果: 必要なものが ${failed} 件欠けています（✗ の行の → を見てください）。`
      : `結果: 必要なものはそろっています${warned > 0 ? `（注意 ${warned} 件: ! の行）` : ""}。`,
  );
  return failed > 0 ? 1 : 0;
}

function nodeCheck(): Check {
  const major = Number(process.versions.node.split(".")[0]);
  return major >= 24
    ? { status: "ok", label: "Node.js", detail: process.version }
    : {
        status: "warn",
        label: "Node.js",
        detail: `${process.version}（gyokaku は Node.js 24 で動かしています）`,
        fix: "npm ci で入る Node.js 24（node_modules/.bin/node）か npm start を使ってください",
      };
}

/** The folder PGlite keeps the database in: there and writable, or creatable. */
function dataDirectoryCheck(dir: string): Check {
  const label = "データディレクトリ";
  if (!existsSync(dir)) {
    const parent = dirname(dir);
    return writable(parent)
      ? { status: "ok", label, detail: `${dir} はまだありません（最初の起動で作ります）` }
      : {
          status: "fail",
          label,
          detail: `${dir} がなく、${parent} に作る権限もありません`,
          fix: `${parent} に書き込めるユーザーで動かすか、--data（または GYOKAKU_DATA）で書き込める場所を指定してください`,
        };
  }
  if (!statSync(dir).isDirectory()) {
    return {
      status: "fail",
      label,
      detail: `${dir} はフォルダーではありません`,
      fix: "--data（または GYOKAKU_DATA）でフォルダーを指定してください",
    };
  }
  const blocked = [dir, ...readdirSync(dir).map((f) => join(dir, f))].filter((p) => !writable(p));
  return blocked.length === 0
    ? { status: "ok", label, detail: `${dir}（読み書きできます）` }
    : {
        status: "fail",
        label,
        detail: `${blocked.slice(0, 3).join("、")}${blocked.length > 3 ? ` ほか ${blocked.length - 3} 件` : ""} に書き込めません`,
        fix: `gyokaku を動かすユーザーを持ち主にしてください（例: sudo chown -R $(whoami) ${dir}）`,
      };
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

async function databaseCheck(options: ReturnType<typeof databaseOptionsFromEnv>): Promise<Check> {
  const label = "データベース";
  // Looking must not create: a data directory without a database stays as it is (the first start makes it).
  if (options.kind === "pglite" && isNewDataDir(options.dataDir))
    return {
      status: "ok",
      label,
      detail: `PGlite（${options.dataDir}）。まだ作られていません（最初の起動で作ります）`,
    };
  let open: Awaited<ReturnType<typeof openDatabase>>;
  try {
    open = await openDatabase(options, { migrate: false });
  } catch (e) {
    if (isAppError(e, "in_use")) {
      return {
        status: "ok",
        label,
        detail: `${e.message.split(" / ")[0]} サーバーが動いているなら正常です（中身はサーバーを止めてから確かめられます）`,
      };
    }
    return {
      status: "fail",
      label,
      detail: `開けません: ${(e as Error).message}`,
      fix:
        options.kind === "postgres"
          ? "DATABASE_URL（ホスト・ポート・ユーザー・パスワード・データベース名）とサーバーが動いているかを確かめてください"
          : "データディレクトリの権限と空き容量を確かめてください",
    };
  }
  try {
    const version = await serverMajorVersion(open.db);
    if (options.kind === "postgres" && version < 15) {
      return {
        status: "fail",
        label,
        detail: `${open.describe} は PostgreSQL ${version} です`,
        fix: "PostgreSQL 15 以降を使ってください",
      };
    }
    const pending = await pendingMigrations(open.db);
    if (pending.length > 0) {
      return {
        status: "ok",
        label,
        detail: `${open.describe}、PostgreSQL ${version}。更新（マイグレーション）${pending.length} 件が未適用です（次の起動で自動で適用します）`,
      };
    }
    const [plans, users] = await Promise.all([listPlans(open.db), listUsers(open.db)]);
    return {
      status: "ok",
      label,
      detail: `${open.describe}、PostgreSQL ${version}、計画 ${plans.length} 件、利用者 ${users.length} 人`,
    };
  } catch (e) {
    return { status: "fail", label, detail: `読めません: ${(e as Error).message}` };
  } finally {
    await open.close();
  }
}

function fontCheck(): Check {
  const missing = FONT_FILES.filter((f) => !existsSync(join(fontDir, f.file)));
  return missing.length === 0
    ? {
        status: "ok",
        label: "フォント",
        detail:
          "BIZ UDPゴシック（npm パッケージ @fontsource/biz-udpgothic、画面と PDF で使います。システムのフォントは不要です）",
      }
    : {
        status: "fail",
        label: "フォント",
        detail: `${missing.map((f) => f.file).join("、")} がありません`,
        fix: "プロジェクトのフォルダーで npm ci をやり直してください",
      };
}

async function pdfChecks(tryPrinting: boolean): Promise<Check[]> {
  const found = findChromium();
  if (!found.ok) {
    return [
      {
        status: "warn",
        label: "PDF",
        detail: `PDF を作るには Chromium が必要です。${found.problem}（PDF 以外の機能はそのまま使えます）`,
        fix: installHint(),
      },
    ];
  }
  const sandbox = sandboxDecision();
  const sandboxCheck: Check = sandbox.sandbox
    ? { status: "ok", label: "Chromium のサンドボックス", detail: "使います" }
    : { status: "warn", label: "Chromium のサンドボックス", detail: sandbox.reason };
  if (!tryPrinting) {
    return [
      { status: "ok", label: "PDF", detail: `Chromium: ${found.path}（印刷は試していません）` },
      sandboxCheck,
    ];
  }
  try {
    const version = (await sharedBrowser()).version();
    const pdf = await htmlToPdf(
      `<!DOCTYPE html><html lang="ja"><head><style>body{font-family:"BIZ UDPGothic"}</style></head><body><h1>行政改革 確認用</h1><p>令和4年度</p></body></html>`,
      { footerTitle: "gyokaku doctor" },
    );
    const embedded = pdf.includes("BIZUDPGothic");
    return [
      {
        status: embedded ? "ok" : "warn",
        label: "PDF",
        detail: embedded
          ? `Chromium ${version}（${found.path}）で印刷でき、フォントも埋め込まれます`
          : `Chromium ${version}（${found.path}）で印刷できますが、BIZ UDPゴシックが埋め込まれませんでした`,
      },
      sandboxCheck,
    ];
  } catch (e) {
    return [
      {
        status: "warn",
        label: "PDF",
        detail: `Chromium（${found.path}）で印刷できません: ${(e as Error).message.split("\n")[0]}`,
        fix: `Chromium を入れ直してください。${installHint()}`,
      },
      sandboxCheck,
    ];
  } finally {
    await closeBrowser();
  }
}

function mailCheck(): Check {
  const label = "メール";
  const settings = mailSettingsFromEnv(process.env);
  if (!process.env.GYOKAKU_SMTP_HOST) {
    return {
      status: "warn",
      label,
      detail:
        "環境変数に送信の設定がありません（GYOKAKU_SMTP_HOST など）。管理画面 /admin/mail で設定した団体はそちらで送ります（ここでは確かめていません。画面の「テストメールを送信」で確かめられます）。設定がなければ通知は画面にだけ表示され、ほかの機能は使えます",
      fix: "庁内のメールサーバーを GYOKAKU_SMTP_HOST・GYOKAKU_SMTP_PORT・GYOKAKU_SMTP_FROM・GYOKAKU_APP_URL などで設定してください",
    };
  }
  if (!settings) {
    return {
      status: "warn",
      label,
      detail: `${process.env.GYOKAKU_SMTP_HOST} が設定されていますが、送信元（GYOKAKU_SMTP_FROM）がないためメールは送りません`,
      fix: "GYOKAKU_SMTP_FROM に送信元アドレス（例: gyokaku@city.example.lg.jp）を設定してください",
    };
  }
  const parts = [
    `${settings.host}:${settings.port} に送ります`,
    settings.port === 465 ? "TLS" : settings.starttls ? "STARTTLS 必須" : "STARTTLS なし",
    settings.username
      ? `認証ユーザー ${settings.username}（パスワード${settings.password ? "あり" : "なし"}）`
      : "認証なし",
    `送信元 ${settings.from}`,
    `リンク ${settings.appUrl}`,
  ];
  return {
    status: process.env.GYOKAKU_APP_URL ? "ok" : "warn",
    label,
    detail: `${parts.join("、")}（管理画面 /admin/mail に設定がある自治体はそちらを使います）`,
    ...(process.env.GYOKAKU_APP_URL
      ? {}
      : { fix: "メールのリンクが利用者に届くよう、GYOKAKU_APP_URL に gyokaku のアドレスを設定してください" }),
  };
}

/** The key that seals stored secrets (the SMTP password): where it is, readable, and not open to others. */
function secretKeyCheck(dir: string | null): Check {
  const label = "秘密の鍵";
  const key = inspectSecretKey(dir);
  if (key.problem)
    return {
      status: "fail",
      label,
      detail: key.problem,
      fix: "鍵を直すか、元の鍵に戻してください（鍵を替えると、保存した SMTP パスワードは入れ直しになります）",
    };
  if (!key.exists)
    return {
      status: "ok",
      label,
      detail: `${key.where}（まだありません。管理画面で SMTP のパスワードを最初に保存したときに作ります）`,
    };
  if (key.loose)
    return {
      status: "warn",
      label,
      detail: `${key.where} をほかの利用者も読めます`,
      fix: `chmod 600 ${key.where}`,
    };
  return {
    status: "ok",
    label,
    detail: `${key.where}（バックアップには含まれません。サーバーを移すときは鍵も移してください）`,
  };
}
