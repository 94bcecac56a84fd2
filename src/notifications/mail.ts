/**
 * Mail through the municipality's own SMTP server (LGWAN has internal mail; nothing outside is contacted):
 * the settings (the admin page's, else the environment's), the message in Japanese (plain text and a
 * simple HTML part, with the link to the item), and sending it with nodemailer.
 */
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";

export type MailSettings = {
  host: string;
  port: number;
  /** require STARTTLS (port 465 is TLS from the start) */
  starttls: boolean;
  username: string | null;
  password: string | null;
  /** the stored password cannot be read (encrypted with another key): why, in Japanese */
  passwordProblem?: string | undefined;
  from: string;
  /** gyokaku's address as users reach it, for the links */
  appUrl: string;
  source: "environment" | "admin";
};

/**
 * GYOKAKU_SMTP_HOST, GYOKAKU_SMTP_PORT (25), GYOKAKU_SMTP_STARTTLS (1/0), GYOKAKU_SMTP_USER,
 * GYOKAKU_SMTP_PASSWORD, GYOKAKU_SMTP_FROM, GYOKAKU_APP_URL. Without a host and a sender: no mail.
 */
export function mailSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MailSettings | null {
  const host = env.GYOKAKU_SMTP_HOST?.trim();
  const from = env.GYOKAKU_SMTP_FROM?.trim();
  if (!host || !from) return null;
  const port = Number(env.GYOKAKU_SMTP_PORT ?? "25");
  return {
    host,
    port: Number.isInteger(port) && port > 0 && port < 65536 ? port : 25,
    starttls: env.GYOKAKU_SMTP_STARTTLS === "1" || env.GYOKAKU_SMTP_STARTTLS === "true",
    username: env.GYOKAKU_SMTP_USER?.trim() || null,
    password: env.GYOKAKU_SMTP_PASSWORD ?? null,
    from,
    appUrl: (env.GYOKAKU_APP_URL?.trim() || "http://localhost:3000").replace(/\/+$/, ""),
    source: "environment",
  };
}

export type Mail = { to: string; subject: string; text: string; html: string };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The mail of one notification: the greeting, the text, the link, and where to turn such mails off. */
export function composeMail(
  settings: Pick<MailSettings, "appUrl">,
  n: { to: string; userName: string; title: string; body: string; link: string },
): Mail {
  const url = `${settings.appUrl}${n.link}`;
  const prefs = `${settings.appUrl}/notifications/settings`;
  const text = [
    `${n.userName} 様`,
    "",
    n.body,
    "",
    `開く: ${url}`,
    "",
    "--",
    "このメールは gyokaku（行政改革の進行管理）から自動で送信しています。返信しないでください。",
    `通知メールの設定: ${prefs}`,
    "",
  ].join("\n");
  const html = `<!doctype html><html lang="ja"><body style="font-family: sans-serif; line-height: 1.6">
<p>${escapeHtml(n.userName)} 様</p>
<p style="white-space: pre-line">${escapeHtml(n.body)}</p>
<p><a href="${escapeHtml(url)}">${escapeHtml(n.title)} を開く</a></p>
<hr><p style="font-size: 0.9em; color: #444">このメールは gyokaku（行政改革の進行管理）から自動で送信しています。返信しないでください。<br>
<a href="${escapeHtml(prefs)}">通知メールの設定</a></p>
</body></html>`;
  return { to: n.to, subject: `【gyokaku】${n.title}`, text, html };
}

/** A problem of the settings themselves (the stored password cannot be read), written by us for the admin. */
export class MailSettingsProblem extends Error {}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the server's answer is shown without them
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]+/g;

export type SendMail = (settings: MailSettings, mail: Mail) => Promise<void>;

/** Sends one mail through the settings' server; throws what the server answered. */
export const sendWithNodemailer: SendMail = async (settings, mail) => {
  if (settings.passwordProblem) throw new MailSettingsProblem(settings.passwordProblem);
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.port === 465,
    requireTLS: settings.starttls,
    ignoreTLS: !settings.starttls && settings.port !== 465,
    ...(settings.username ? { auth: { user: settings.username, pass: settings.password ?? "" } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  try {
    await transport.sendMail({
      from: settings.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  } finally {
    transport.close();
  }
};

/**
 * What went wrong with the SMTP server, in plain Japanese for the admin page (no stack, no internals): the
 * kind of failure from nodemailer's error code, and the server's own answer when it gave one. Any other error
 * (its message may be internal) gives a plain message with a reference; the detail goes to the server's log.
 */
export function describeSmtpError(err: unknown, settings: Pick<MailSettings, "host" | "port">): string {
  if (err instanceof MailSettingsProblem) return err.message;
  const e = (err instanceof Error ? err : new Error(String(err))) as Error & {
    code?: string;
    response?: string;
    responseCode?: number;
  };
  const server = `${settings.host}:${settings.port}`;
  // the SMTP server's own answer (its reply line), shown short and without control characters
  const response =
    typeof e.response === "string" ? e.response.replace(CONTROLS, " ").trim().slice(0, 300) : "";
  const answer = response ? ` サーバーの応答: ${response}` : "";
  const text = `${e.code ?? ""} ${e.message}`;
  if (e.code === "EAUTH")
    return `SMTP サーバー（${server}）がログインを拒否しました。ユーザー名とパスワードを確認してください。${answer}`;
  if (e.code === "ENOAUTH")
    return `SMTP サーバー（${server}）がログインを求めていますが、ユーザー名とパスワードが設定されていません。${answer}`;
  if (/ECONNREFUSED/.test(text))
    return `SMTP サーバー（${server}）に接続できません（接続を拒否されました）。サーバー名・ポート番号と、サーバーが動いているかを確認してください。`;
  if (/ENOTFOUND|EAI_AGAIN|EDNS/.test(text))
    return `SMTP サーバーの名前（${settings.host}）が見つかりません。サーバー名を確認してください。`;
  if (/ETIMEDOUT|ETIMEOUT|timeout/i.test(text))
    return `SMTP サーバー（${server}）から時間内に応答がありません。サーバー名・ポート番号と、途中のファイアウォールを確認してください。`;
  if (e.code === "ETLS" || /STARTTLS|TLS|SSL|certificate/i.test(text))
    return `SMTP サーバー（${server}）と暗号化（STARTTLS / TLS）で接続できません。「STARTTLS を必須にする」とポート番号を確認してください。${answer}`;
  if (e.code === "EENVELOPE")
    return `SMTP サーバー（${server}）が送信元か宛先のアドレスを受け付けませんでした。送信元アドレスを確認してください。${answer}`;
  if (e.code === "ECONNECTION" || e.code === "ESOCKET")
    return `SMTP サーバー（${server}）との接続が切れました。${answer}`;
  if (response) return `SMTP サーバー（${server}）が送信を断りました。${answer}`;
  // Anything else is not for the page (it may be internal): logged with a reference the admin can quote.
  const reference = randomUUID().slice(0, 8);
  console.error(`[${reference}] sending mail through ${server}:`, err);
  return `SMTP サーバー（${server}）にメールを送信できませんでした。設定を確認してください。続く場合は、管理者にこの番号をお知らせください: ${reference}`;
}
