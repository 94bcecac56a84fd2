/** HTTP adapter of the administrator's page of one account (the list and the new-user form: auth.routes.tsx). */
import { type Context, Hono } from "hono";
import { isAppError } from "../core/errors.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import { type FormBody, field, fields } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { type AccountNotice, AccountPage, accountPath } from "./accounts.pages.tsx";
import { accountFor, changeAccount, resetPasswordAs, setDisabledAs } from "./accounts.service.ts";
import { departmentsFor } from "./auth.service.ts";

const NOTICES = new Set<string>(["changed", "disabled", "enabled"]);

export function accountRoutes(db: DB) {
  const app = new Hono<AuthEnv>();

  const show = async (
    c: Context<AuthEnv>,
    props: Omit<Parameters<typeof AccountPage>[0], "account" | "departments"> = {},
    status: 200 | 400 = 200,
  ) => {
    const user = currentUser(c);
    const [account, departments] = await Promise.all([
      accountFor(db, user, c.req.param("id") ?? ""),
      departmentsFor(db, user),
    ]);
    return c.html(<AccountPage account={account} departments={departments} {...props} />, status);
  };

  app.get("/users/:id", (c) => {
    const notice = c.req.query("done");
    return show(c, { notice: notice && NOTICES.has(notice) ? (notice as AccountNotice) : undefined });
  });

  app.post("/users/:id", async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const input = { role: field(body, "role"), departments: fields(body, "departments") };
    try {
      await changeAccount(db, currentUser(c), c.req.param("id"), input);
    } catch (e) {
      if (isAppError(e, "invalid")) return show(c, { errors: { ...e.fields }, values: input }, 400);
      throw e;
    }
    return c.redirect(`${accountPath(c.req.param("id"))}?done=changed`, 303);
  });

  for (const [path, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    app.post(`/users/:id/${path}`, async (c) => {
      await setDisabledAs(db, currentUser(c), c.req.param("id"), disabled);
      return c.redirect(`${accountPath(c.req.param("id"))}?done=${disabled ? "disabled" : "enabled"}`, 303);
    });
  }

  // Answered with the page itself (not a redirect): the password is shown once and never stored in clear.
  app.post("/users/:id/password", async (c) => {
    const password = await resetPasswordAs(db, currentUser(c), c.req.param("id"));
    c.header("Cache-Control", "no-store");
    return show(c, { password });
  });

  return app;
}
