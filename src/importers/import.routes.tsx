/** HTTP adapter for importing from the app: the form, the upload, the outcome. */
import { Hono } from "hono";
import { authorize, isAppError } from "../core/errors.ts";
import { canEditPlan } from "../core/policy.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import type { DB } from "../db/database.ts";
import { ImportPage } from "./import.pages.tsx";
import { importFilesAs, JSON_FORMAT, XLSX_FORMAT } from "./import.service.ts";
import { readers } from "./registry.ts";

const FORMATS = [
  { id: XLSX_FORMAT, label: "gyokaku の計画ワークブック（.xlsx）" },
  { id: JSON_FORMAT, label: "gyokaku の計画文書（.json）" },
  ...readers.map((r) => ({ id: r.id, label: r.label })),
];
/** Larger files than this are not plan documents (the seeds are well under 1 MB). */
const MAX_BYTES = 20 * 1024 * 1024;

export function importRoutes(db: DB) {
  const app = new Hono<AuthEnv>();

  app.get("/import", (c) => {
    const user = currentUser(c);
    authorize(canEditPlan(user, user), "計画を取り込めるのは行革担当と管理者です。");
    return c.html(<ImportPage formats={FORMATS} />);
  });

  app.post("/import", async (c) => {
    const user = currentUser(c);
    authorize(canEditPlan(user, user), "計画を取り込めるのは行革担当と管理者です。");
    const body = await c.req.parseBody({ all: true });
    const raw = body.files;
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (f): f is File => typeof f !== "string" && f.size > 0,
    );
    const format =
      typeof body.format === "string" && FORMATS.some((f) => f.id === body.format) ? body.format : "";
    if (list.some((f) => f.size > MAX_BYTES))
      return c.html(
        <ImportPage formats={FORMATS} errors={{ files: "20 MB を超えるファイルは取り込めません。" }} />,
        400,
      );
    const files = await Promise.all(
      list.map(async (f) => ({ path: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    try {
      const outcome = await importFilesAs(db, user, files, format || undefined);
      return c.html(<ImportPage formats={FORMATS} done={outcome} />);
    } catch (e) {
      if (isAppError(e, "invalid"))
        return c.html(<ImportPage formats={FORMATS} errors={{ ...e.fields }} />, 400);
      if (isAppError(e, "invalid_document", "locked", "not_found"))
        return c.html(
          <ImportPage formats={FORMATS} refused={{ message: e.message, findings: [...e.findings] }} />,
          400,
        );
      throw e;
    }
  });

  return app;
}
