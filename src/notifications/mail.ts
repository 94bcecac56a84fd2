/**
 * Mail through the municipality's own SMTP server (LGWAN has internal mail; nothing outside is contacted):
 * the settings (the admin page's, else the environment's), the message in Japanese (plain text and a
 * simple HTML part, with the link to the item), and sending it with nodemailer.
 */
import nodemailer from "nodemailer";

export type MailSettings = {
  host: string;
  port: number;
  /** require STARTTLS (port 465 is TLS from the start) */
  starttls: boolean;
  username: string | null;
  password: string | null;
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

export type SendMail = (settings: MailSettings, mail: Mail) => Promise<void>;

/** Sends one mail through the settings' server; throws what the server answered. */
export const sendWithNodemailer: SendMail = async (settings, mail) => {
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
