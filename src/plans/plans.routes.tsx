/** HTTP adapter for plans: validates the path, calls the service, renders. */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { writeBlankTemplate } from "../core/plan-workbook/index.ts";
import { writePlanWorkbookOffThread } from "../core/plan-workbook/off-thread.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import { NotFoundPage } from "../core/ui/error-pages.tsx";
import { htmlWithKeptPart } from "../core/ui/kept-part.ts";
import type { DB } from "../db/database.ts";
import { canEditThisPlan, PlanBody, PlanListPage, PlanPage } from "./plans.pages.tsx";
import { cachedPlanPart, findPlanFor, getPlanFor, listPlansFor } from "./plans.service.ts";

const planId = z.uuid();

export function planRoutes(db: DB) {
  const app = new Hono<AuthEnv>();
  app.get("/", async (c) => c.html(<PlanListPage plans={await listPlansFor(db, currentUser(c))} />));
  app.get("/plans/:id", async (c) => {
    const id = planId.safeParse(c.req.param("id"));
    const found = id.success ? await findPlanFor(db, currentUser(c), id.data) : null;
    if (!found) return c.html(<NotFoundPage message="指定された計画は見つかりません。" />, 404);
    const { doc, ref } = found;
    const canEdit = canEditThisPlan(doc);
    // The body is the same for every reader who may (or may not) edit, until the plan changes.
    const body = await cachedPlanPart(ref, `plan-page|${canEdit}|${c.get("era")}`, async () =>
      String(await (<PlanBody doc={doc} planId={ref.id} canEdit={canEdit} />).toString()),
    );
    return htmlWithKeptPart(c, <PlanPage doc={doc} />, body);
  });
  app.get("/plans/:id/export.json", async (c) => {
    const id = planId.safeParse(c.req.param("id"));
    const doc = id.success ? await getPlanFor(db, currentUser(c), id.data) : null;
    if (!doc) return c.json({ error: "plan not found" }, 404);
    c.header(
      "Content-Disposition",
      `attachment; filename="${doc.municipality.code}-${encodeURIComponent(doc.plan.key)}.json"`,
    );
    return c.json(doc);
  });
  app.get("/plans/:id/export.xlsx", async (c) => {
    const id = planId.safeParse(c.req.param("id"));
    const doc = id.success ? await getPlanFor(db, currentUser(c), id.data) : null;
    if (!doc) return c.html(<NotFoundPage message="指定された計画は見つかりません。" />, 404);
    return xlsx(c, await writePlanWorkbookOffThread(doc), `${doc.municipality.code}-${doc.plan.key}.xlsx`);
  });
  app.get("/templates/plan.xlsx", async (c) =>
    xlsx(c, await writeBlankTemplate(), "gyokaku-plan-template.xlsx"),
  );
  return app;
}

function xlsx(c: Context, body: Buffer, filename: string) {
  return c.body(new Uint8Array(body), 200, {
    "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Content-Disposition": `attachment; filename="${encodeURIComponent(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  });
}
