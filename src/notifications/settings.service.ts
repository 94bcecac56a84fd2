/** The mail settings of a municipality: the admin page's when set, the environment's otherwise. */
import { z } from "zod";
import { record } from "../audit/audit.service.ts";
import { authorize } from "../core/errors.ts";
import { type Actor, canManageMail } from "../core/policy.ts";
import { openSecret, SecretUnreadableError, sealSecret } from "../core/secrets.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import {
  composeMail,
  describeSmtpError,
  type MailSettings,
  mailSettingsFromEnv,
  type SendMail,
  sendWithNodemailer,
} from "./mail.ts";
import * as repo from "./notifications.repository.ts";

/** The stored password in clear for the SMTP login, or why it cannot be read (a backup from another server). */
function unseal(sealed: string | null): { password: string | null; passwordProblem?: string } {
  if (sealed === null) return { password: null };
  try {
    return { password: openSecret(sealed) };
  } catch (e) {
    if (!(e instanceof SecretUnreadableError)) throw e;
    return {
      password: null,
      passwordProblem: `保存されている SMTP のパスワードを読めません: ${e.message} 管理者が「メールの設定」でパスワードを入力し直してください。`,
    };
  }
}

export async function mailSettingsFor(
  db: DB,
  code: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<MailSettings | null> {
  const row = await repo.mailSettingsRow(db, code);
  if (!row) return mailSettingsFromEnv(env);
  return {
    host: row.host,
    port: row.port,
    starttls: row.starttls,
    username: row.username,
    ...unseal(row.password_sealed),
    from: row.from_address,
    appUrl: row.app_url,
    source: "admin",
  };
}

const settingsSchema = z.object({
  host: z
    .string()
    .trim()
    .min(1, "SMTP サーバーの名前を入力してください（例: mail.city.example.lg.jp）。")
    .max(253)
    .regex(/^[A-Za-z0-9.-]+$/, "SMTP サーバーは名前か IP アドレスで入力してください。"),
  port: z.coerce
    .number("ポート番号を数字で入力してください。")
    .int("ポート番号を数字で入力してください。")
    .min(1, "ポート番号は 1〜65535 です。")
    .max(65535, "ポート番号は 1〜65535 です。"),
  starttls: z.boolean(),
  username: z.string().trim().max(200),
  password: z.string().max(500),
  from: z
    .string()
    .trim()
    .min(1, "送信元のアドレスを入力してください。")
    .max(300)
    .refine(
      (s) => /^[^\s@<>]+@[^\s@<>]+$/.test(s) || /<[^\s@<>]+@[^\s@<>]+>$/.test(s),
      "送信元のアドレスの形が正しくありません（例: gyokaku@city.example.lg.jp）。",
    ),
  appUrl: z
    .string()
    .trim()
    .regex(
      /^https?:\/\/[^\s/]+(\/[^\s]*)?$/,
      "gyokaku のアドレスを http:// か https:// で始めて入力してください。",
    ),
});

/** Saves the admin page's settings; an empty password keeps the stored one; the password is stored encrypted. */
export async function saveMailSettings(db: DB, user: Actor, raw: unknown): Promise<void> {
  authorize(canManageMail(user, user), "メールの設定を変えられるのは管理者です。");
  const input = parseInput(settingsSchema, raw);
  const old = await repo.mailSettingsRow(db, user.municipalityCode);
  const describe = (x: {
    host: string;
    port: number;
    starttls: boolean;
    username: string | null;
    from: string;
    appUrl: string;
  }) => ({
    host: `${x.host}:${x.port}${x.starttls ? "（STARTTLS）" : ""}`,
    user: x.username ?? "",
    from: x.from,
    url: x.appUrl,
  });
  await db.transaction().execute(async (trx) => {
    await repo.saveMailSettings(trx, {
      municipality_code: user.municipalityCode,
      host: input.host,
      port: input.port,
      starttls: input.starttls,
      username: input.username || null,
      password_sealed:
        input.password !== ""
          ? sealSecret(input.password)
          : input.username
            ? (old?.password_sealed ?? null)
            : null,
      from_address: input.from,
      app_url: input.appUrl.replace(/\/+$/, ""),
      updated_by: user.name,
    });
    await record(trx, user, [
      {
        action: "mail.settings",
        subject: "メールの設定（SMTP サーバー）",
        before: old ? describe({ ...old, from: old.from_address, appUrl: old.app_url }) : null,
        after: describe({ ...input, username: input.username || null }),
      },
    ]);
  });
}
export { mailSettingsFromEnv } from "./mail.ts";

export type TestMailResult = { ok: true; to: string } | { ok: false; to: string; error: string };

/**
 * Sends a test mail to the signed-in admin's own address with the saved settings (the admin page's, else the
 * environment's); the outcome, in plain Japanese, is in the history either way.
 */
export async function sendTestMail(
  db: DB,
  user: Actor,
  options: { send?: SendMail; env?: NodeJS.ProcessEnv } = {},
): Promise<TestMailResult> {
  authorize(canManageMail(user, user), "テストメールを送れるのは管理者です。");
  const { send = sendWithNodemailer, env = process.env } = options;
  const settings = await mailSettingsFor(db, user.municipalityCode, env);
  let result: TestMailResult;
  if (!settings) {
    result = {
      ok: false,
      to: user.email,
      error: "メールの設定がありません。先に SMTP サーバーを設定して保存してください。",
    };
  } else {
    const mail = composeMail(settings, {
      to: user.email,
      userName: user.name,
      title: "テストメール",
      body: `gyokaku のメールの設定を確かめるためのテストメールです。\nSMTP サーバー: ${settings.host}:${settings.port}${settings.starttls ? "（STARTTLS）" : ""}\n送信元: ${settings.from}\n\nこのメールが届いていれば、通知メールも届きます。`,
      link: "/admin/mail",
    });
    try {
      await send(settings, mail);
      result = { ok: true, to: user.email };
    } catch (e) {
      result = { ok: false, to: user.email, error: describeSmtpError(e, settings) };
    }
  }
  await db.transaction().execute(async (trx) => {
    await record(trx, user, [
      {
        action: "mail.test",
        subject: "テストメール",
        before: null,
        after: {
          to: result.to,
          result: result.ok ? "送信しました" : `送信できませんでした: ${result.error}`,
        },
      },
    ]);
  });
  return result;
}
