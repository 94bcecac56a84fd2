/** The mail settings of a municipality: the admin page's when set, the environment's otherwise. */
import { z } from "zod";
import { record } from "../audit/audit.service.ts";
import { authorize } from "../core/errors.ts";
import { type Actor, canManageMail } from "../core/policy.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { type MailSettings, mailSettingsFromEnv } from "./mail.ts";
import * as repo from "./notifications.repository.ts";

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
    password: row.password,
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

/** Saves the admin page's settings; an empty password keeps the stored one. */
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
      password: input.password !== "" ? input.password : input.username ? (old?.password ?? null) : null,
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
