/** HTTP adapter for the audit trail: the history page of an item. */
import { Hono } from "hono";
import { type AuthEnv, currentUser } from "../core/request.ts";
import type { DB } from "../db/database.ts";
import { HistoryPage } from "./audit.pages.tsx";
import { itemHistoryPage } from "./audit.service.ts";

export function auditRoutes(db: DB) {
  const app = new Hono<AuthEnv>();
  app.get("/plans/:planId/items/:itemKey/history", async (c) => {
    const { planId, itemKey } = c.req.param();
    const h = await itemHistoryPage(db, currentUser(c), planId, itemKey);
    return c.html(
      <HistoryPage
        title={h.title}
        events={h.events}
        back={{ href: `/plans/${planId}`, label: h.planTitle }}
      />,
    );
  });
  return app;
}
