/** HTTP adapter of the staffing data's history (/staffing/:code/history) and 「この値を戻す」 on it. */
import { Hono } from "hono";
import { z } from "zod";
import { type AuthEnv, currentUser } from "../core/request.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { StaffingHistoryPage } from "./staffing.history.pages.tsx";
import { mayRestoreStaffing, restoreStaffingRemoval, staffingHistory } from "./staffing.history.service.ts";
import { STAFFING_BASE } from "./staffing.page-parts.tsx";

const FORM = z.object({ version: z.string().regex(/^[0-9a-f]{64}$/, "ページを読み込み直してください。") });

export function staffingHistoryRoutes(db: DB) {
  const app = new Hono<AuthEnv>();
  app.get(`${STAFFING_BASE}/:code/history`, async (c) => {
    const code = c.req.param("code");
    const h = await staffingHistory(db, currentUser(c), code);
    return c.html(<StaffingHistoryPage code={code} history={h} restored={c.req.query("restored") === "1"} />);
  });
  app.post(`${STAFFING_BASE}/:code/history/:eventId/restore`, async (c) => {
    const { code, eventId } = c.req.param();
    // who may is checked before the form is read: a reader who may not gets 403 whatever was sent
    mayRestoreStaffing(currentUser(c));
    const form = parseInput(FORM, await c.req.parseBody());
    await restoreStaffingRemoval(db, currentUser(c), { eventId, digest: form.version });
    return c.redirect(`${STAFFING_BASE}/${code}/history?restored=1`, 303);
  });
  return app;
}
