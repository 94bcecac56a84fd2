/**
 * HTTP adapter of 「この値を戻す」/「この項目を戻す」 on a history page: a removed value or item put back
 * (POST, CSRF, version-checked).
 */
import { Hono } from "hono";
import { z } from "zod";
import { type AuthEnv, currentUser } from "../core/request.ts";
import { parseInput, versionField } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { mayRestore, restoreRemovedValue } from "./restore.service.ts";

const FORM = z.object({ version: versionField, from: z.enum(["item", "plan"]).default("plan") });

export function restoreRoutes(db: DB) {
  const app = new Hono<AuthEnv>();
  app.post("/plans/:planId/history/:eventId/restore", async (c) => {
    const { planId, eventId } = c.req.param();
    // who may is checked before the form is read: a reader who may not gets 403 whatever was sent
    mayRestore(currentUser(c));
    const form = parseInput(FORM, await c.req.parseBody());
    const { itemKey, item } = await restoreRemovedValue(db, currentUser(c), {
      planId,
      eventId,
      version: form.version,
    });
    const back =
      form.from === "item" && itemKey
        ? `/plans/${planId}/items/${encodeURIComponent(itemKey)}/history`
        : `/plans/${planId}/history`;
    return c.redirect(`${back}?restored=${item ? "item" : "1"}`, 303);
  });
  return app;
}
