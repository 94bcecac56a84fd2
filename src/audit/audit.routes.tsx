/** HTTP adapter for the audit trail: the history pages of an item and of a plan. */
import { Hono } from "hono";
import { type AuthEnv, currentUser } from "../core/request.ts";
import type { DB } from "../db/database.ts";
import { HistoryPage } from "./audit.pages.tsx";
import { itemHistoryPage, planHistoryPage } from "./audit.service.ts";

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
        restore={h.restore}
        restored={c.req.query("restored")}
      />,
    );
  });
  app.get("/plans/:planId/history", async (c) => {
    const { planId } = c.req.param();
    const h = await planHistoryPage(db, currentUser(c), planId);
    return c.html(
      <HistoryPage
        title={h.title}
        events={h.events}
        back={{ href: `/plans/${planId}`, label: h.title }}
        restore={h.restore}
        from="plan"
        restored={c.req.query("restored")}
      />,
    );
  });
  return app;
}
