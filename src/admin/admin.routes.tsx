/** HTTP adapter of 管理 and the municipality's settings. */
import { Hono } from "hono";
import { isAppError } from "../core/errors.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import { type FormBody, field } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { ADMIN_PATH, AdminPage, MUNICIPALITY_PATH, MunicipalityPage } from "./admin.pages.tsx";
import { changeMunicipalitySettings, municipalitySettings } from "./admin.service.ts";

export function adminRoutes(db: DB) {
  const app = new Hono<AuthEnv>();

  app.get(ADMIN_PATH, async (c) =>
    c.html(<AdminPage municipality={await municipalitySettings(db, currentUser(c))} />),
  );

  app.get(MUNICIPALITY_PATH, async (c) =>
    c.html(
      <MunicipalityPage
        municipality={await municipalitySettings(db, currentUser(c))}
        saved={c.req.query("saved") === "1"}
      />,
    ),
  );

  app.post(MUNICIPALITY_PATH, async (c) => {
    const user = currentUser(c);
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const input = { name: field(body, "name") };
    try {
      await changeMunicipalitySettings(db, user, input);
    } catch (e) {
      if (!isAppError(e, "invalid")) throw e;
      const municipality = await municipalitySettings(db, user);
      return c.html(
        <MunicipalityPage municipality={municipality} errors={{ ...e.fields }} value={input.name} />,
        400,
      );
    }
    return c.redirect(`${MUNICIPALITY_PATH}?saved=1`, 303);
  });

  return app;
}
