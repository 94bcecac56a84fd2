/** HTTP adapter for importing from the app: the form, the upload, the outcome. */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { authorize, isAppError } from "../core/errors.ts";
import { canEditPlan } from "../core/policy.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import type { DB } from "../db/database.ts";
import { ImportPage } from "./import.pages.tsx";
import { isUnknownLayout, JSON_FORMAT, XLSX_FORMAT } from "./import.service.ts";
import { ImportPreviewPage } from "./import-preview.pages.tsx";
import { confirmImportAs, previewImportAs } from "./import-preview.service.ts";
import { readers } from "./registry.ts";

const FORMATS = [
  { id: XLSX_FORMAT, label: "gyokaku の計画ワークブック（.xlsx）" },
  { id: JSON_FORMAT, label: "gyokaku の計画文書（.json）" },
  ...readers.map((r) => ({ id: r.id, label: r.label })),
];
/** The confirmation of a preview: the kept upload's token and hash, and the consent to removals. */
const CONFIRM = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  upload: z.string().regex(/^[0-9a-f]{64}$/),
  allowRemovals: z.literal("yes").optional(),
});
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
      // Nothing is stored yet: the changes are shown for confirmation (POST /import/confirm).
      const preview = await previewImportAs(db, user, files, format || undefined);
      return c.html(
        <ImportPreviewPage plans={preview.plans} token={preview.token} upload={preview.upload} />,
      );
    } catch (e) {
      return refusal(c, e, format);
    }
  });

  app.post("/import/confirm", async (c) => {
    const user = currentUser(c);
    const form = CONFIRM.safeParse(await c.req.parseBody());
    try {
      const outcome = await confirmImportAs(db, user, {
        token: form.data?.token ?? "",
        upload: form.data?.upload ?? "",
        allowRemovals: form.data?.allowRemovals === "yes",
      });
      return c.html(<ImportPage formats={FORMATS} done={outcome} />);
    } catch (e) {
      return refusal(c, e);
    }
  });

  /** The page again with why the import was refused; `format` as the user chose it. */
  function refusal(c: Context, e: unknown, format = "") {
    // The service says only that a file's layout could not be told: here the format is chosen in 形式.
    if (isUnknownLayout(e))
      return c.html(
        <ImportPage
          formats={FORMATS}
          errors={{
            format: `${e.message}「形式」で様式を選び、ファイルをもう一度選んで取り込んでください。`,
          }}
        />,
        400,
      );
    if (isAppError(e, "invalid"))
      return c.html(<ImportPage formats={FORMATS} format={format} errors={{ ...e.fields }} />, 400);
    if (isAppError(e, "invalid_document", "locked", "not_found", "conflict", "too_large"))
      return c.html(
        <ImportPage
          formats={FORMATS}
          format={format}
          refused={{ message: e.message, findings: [...e.findings] }}
        />,
        400,
      );
    throw e;
  }

  return app;
}
