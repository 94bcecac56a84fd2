/** HTTP adapter for accounts: login, logout and the admin's page of users. */

import type { Context } from "hono";
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { AppError } from "../core/errors.ts";
import { clientIp, isHttps, safeNext } from "../core/http.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import { type FormBody, field, fields } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { SESSION_COOKIE } from "./auth.middleware.ts";
import { LoginPage, PasswordPage, UsersPage } from "./auth.pages.tsx";
import * as service from "./auth.service.ts";
import { LOGIN_CSRF_COOKIE, newToken } from "./csrf.ts";
import { generatePassword } from "./password.ts";
import { LoginLimiter } from "./rate-limit.ts";

/** The municipality of this browser's last login, to preselect it on the login page. */
const MUNICIPALITY_COOKIE = "gyokaku_municipality";

export function authRoutes(db: DB, limiter = new LoginLimiter()) {
  const app = new Hono<AuthEnv>();

  const loginForm = (
    c: Context<AuthEnv>,
    props: Omit<Parameters<typeof LoginPage>[0], "csrfToken">,
    status: 200 | 400 | 429 = 200,
  ) => {
    // Keep the token of an earlier login page (another tab, a favicon request), so that forms stay valid.
    const existing = getCookie(c, LOGIN_CSRF_COOKIE);
    const token = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : newToken();
    setCookie(c, LOGIN_CSRF_COOKIE, token, {
      path: "/login",
      httpOnly: true,
      sameSite: "Lax",
      secure: isHttps(c),
      maxAge: 60 * 60,
    });
    return c.html(<LoginPage csrfToken={token} {...props} />, status);
  };

  /** The municipality to preselect: ?municipality=, else the one this browser last logged in to. */
  const remembered = (c: Context<AuthEnv>): string | undefined => {
    const v = c.req.query("municipality") ?? getCookie(c, MUNICIPALITY_COOKIE);
    return v && /^\d{6}$/.test(v) ? v : undefined;
  };

  app.get("/login", async (c) => {
    const next = safeNext(c.req.query("next"));
    if (c.get("user")) return c.redirect(next, 303);
    return loginForm(c, {
      next,
      message: c.req.query("next") ? "続けるにはログインしてください。" : undefined,
      municipalities: await service.loginMunicipalities(db),
      municipality: remembered(c),
    });
  });

  app.post("/login", async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const next = safeNext(field(body, "next"));
    try {
      const { cookie, actor } = await service.login(
        db,
        limiter,
        {
          email: field(body, "email"),
          password: field(body, "password"),
          municipality: field(body, "municipality"),
        },
        clientIp(c),
      );
      // A new session at every login; the one the browser had before ends (no session fixation).
      await service.logout(db, getCookie(c, SESSION_COOKIE));
      deleteCookie(c, LOGIN_CSRF_COOKIE, { path: "/login" });
      // The next login page preselects this municipality (it is shown on the page anyway: no secret).
      setCookie(c, MUNICIPALITY_COOKIE, actor.municipalityCode, {
        path: "/login",
        httpOnly: true,
        sameSite: "Lax",
        secure: isHttps(c),
        maxAge: 365 * 24 * 60 * 60,
      });
      setCookie(c, SESSION_COOKIE, cookie, {
        path: "/",
        httpOnly: true,
        sameSite: "Lax",
        secure: isHttps(c),
      });
      // a department lands on its inbox (its open round's items) unless the login was on the way elsewhere
      const landing = next === "/" && actor.role === "department" ? "/inbox" : next;
      return c.redirect(landing, 303);
    } catch (e) {
      if (!(e instanceof AppError) || (e.code !== "invalid" && e.code !== "rate_limited")) throw e;
      const errors = e.code === "rate_limited" ? { _form: e.message } : e.fields;
      return loginForm(
        c,
        {
          next,
          email: field(body, "email"),
          errors,
          municipalities: await service.loginMunicipalities(db),
          municipality: field(body, "municipality") || undefined,
        },
        e.code === "rate_limited" ? 429 : 400,
      );
    }
  });

  app.post("/logout", async (c) => {
    await service.logout(db, getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c) });
    return c.redirect("/login", 303);
  });

  app.get("/account/password", (c) => {
    currentUser(c);
    return c.html(<PasswordPage done={c.req.query("done") === "1"} />);
  });

  app.post("/account/password", async (c) => {
    const user = currentUser(c);
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    try {
      await service.changeOwnPassword(db, user, getCookie(c, SESSION_COOKIE), {
        current: field(body, "current"),
        password: field(body, "password"),
        confirm: field(body, "confirm"),
      });
      return c.redirect("/account/password?done=1", 303);
    } catch (e) {
      if (e instanceof AppError && e.code === "invalid")
        return c.html(<PasswordPage errors={e.fields} />, 400);
      throw e;
    }
  });

  app.get("/users", async (c) => {
    const user = currentUser(c);
    const [users, departments] = await Promise.all([
      service.listUsersFor(db, user),
      service.departmentsFor(db, user),
    ]);
    return c.html(<UsersPage users={users} departments={departments} />);
  });

  app.post("/users", async (c) => {
    const user = currentUser(c);
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const values = {
      email: field(body, "email"),
      name: field(body, "name"),
      role: field(body, "role") as never,
      departments: fields(body, "departments"),
    };
    const password = generatePassword();
    try {
      await service.createUserAs(db, user, { ...values, password });
      const [users, departments] = await Promise.all([
        service.listUsersFor(db, user),
        service.departmentsFor(db, user),
      ]);
      return c.html(
        <UsersPage
          users={users}
          departments={departments}
          created={{ email: values.email.trim().toLowerCase(), password }}
        />,
      );
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "invalid") throw e;
      const [users, departments] = await Promise.all([
        service.listUsersFor(db, user),
        service.departmentsFor(db, user),
      ]);
      return c.html(
        <UsersPage users={users} departments={departments} errors={e.fields} values={values} />,
        400,
      );
    }
  });

  return app;
}
