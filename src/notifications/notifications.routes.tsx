/** HTTP adapter for notifications and the mail page. */
import { Hono } from "hono";
import { AppError } from "../core/errors.ts";
import { canSeeMailDeliveries } from "../core/policy.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import { type FormBody, field, fields } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import {
  MailAdminPage,
  type MailForm,
  NotificationSettingsPage,
  NotificationsPage,
} from "./notifications.pages.tsx";
import * as service from "./notifications.service.ts";
import { saveMailSettings, sendTestMail } from "./settings.service.ts";

const NOTICES: Record<string, string> = {
  read: "すべて既読にしました。",
  settings: "通知メールの設定を保存しました。",
  mail: "メールの設定を保存しました。",
  retry: "送信に失敗したメールを再送します（1 分以内）。",
  reminders: "督促の日数を変更しました。",
};

export function notificationRoutes(db: DB) {
  const app = new Hono<AuthEnv>();
  const form = async (c: { req: { parseBody: (o: { all: true }) => Promise<unknown> } }) =>
    (await c.req.parseBody({ all: true })) as FormBody;

  app.get("/notifications", async (c) => {
    const user = currentUser(c);
    return c.html(
      <NotificationsPage
        list={await service.myNotifications(db, user)}
        notice={NOTICES[c.req.query("done") ?? ""]}
        canSeeMail={canSeeMailDeliveries(user, user)}
      />,
    );
  });

  app.get("/notifications/settings", async (c) =>
    c.html(
      <NotificationSettingsPage
        kinds={await service.mailKindsOf(db, currentUser(c))}
        notice={NOTICES[c.req.query("done") ?? ""]}
      />,
    ),
  );

  app.post("/notifications/settings", async (c) => {
    await service.setMailKinds(db, currentUser(c), fields(await form(c), "kinds"));
    return c.redirect("/notifications/settings?done=settings", 303);
  });

  app.get("/notifications/:id/open", async (c) =>
    c.redirect(await service.openNotification(db, currentUser(c), c.req.param("id")), 303),
  );

  app.post("/notifications/read-all", async (c) => {
    await service.markAllRead(db, currentUser(c));
    return c.redirect("/notifications?done=read", 303);
  });

  app.get("/admin/mail", async (c) =>
    c.html(
      <MailAdminPage
        o={await service.mailOverview(db, currentUser(c))}
        notice={NOTICES[c.req.query("done") ?? ""]}
      />,
    ),
  );

  app.post("/admin/mail", async (c) => {
    const user = currentUser(c);
    const body = await form(c);
    const values: MailForm & { password: string } = {
      host: field(body, "host"),
      port: field(body, "port"),
      starttls: field(body, "starttls") === "1",
      username: field(body, "username"),
      password: field(body, "password"),
      from: field(body, "from"),
      appUrl: field(body, "appUrl"),
    };
    try {
      await saveMailSettings(db, user, values);
      return c.redirect("/admin/mail?done=mail", 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "invalid") throw e;
      const o = await service.mailOverview(db, user);
      return c.html(<MailAdminPage o={o} errors={e.fields} form={values} />, 400);
    }
  });

  // The test mail: to the signed-in admin's address with the saved settings; the outcome on the page itself.
  app.post("/admin/mail/test", async (c) => {
    const user = currentUser(c);
    const result = await sendTestMail(db, user);
    const o = await service.mailOverview(db, user);
    if (result.ok)
      return c.html(
        <MailAdminPage
          o={o}
          notice={`テストメールを ${result.to} に送信しました。届いたかどうか、メールソフトで確認してください。`}
        />,
      );
    return c.html(
      <MailAdminPage
        o={o}
        testError={`テストメールを ${result.to} に送信できませんでした。${result.error}`}
      />,
      o.settings ? 502 : 400,
    );
  });

  app.post("/admin/mail/retry", async (c) => {
    await service.retryMails(db, currentUser(c));
    return c.redirect("/admin/mail?done=retry", 303);
  });

  app.post("/admin/mail/reminders/:roundId", async (c) => {
    const user = currentUser(c);
    const roundId = c.req.param("roundId");
    const body = await form(c);
    try {
      await service.setReminderDays(db, user, roundId, field(body, `days.${roundId}`));
      return c.redirect("/admin/mail?done=reminders#reminders", 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "invalid") throw e;
      return c.html(<MailAdminPage o={await service.mailOverview(db, user)} errors={e.fields} />, 400);
    }
  });

  return app;
}
