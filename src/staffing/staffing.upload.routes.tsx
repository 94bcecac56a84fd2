/**
 * HTTP adapter of the staffing upload (the same reading and storing as `gyokaku staffing import`, for the
 * user's own municipality). Mounted before staffing.routes.tsx, whose /staffing/:code would take the path.
 */
import { Hono } from "hono";
import { z } from "zod";
import { authorize, isAppError } from "../core/errors.ts";
import { canImportStaffing } from "../core/policy.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import type { DB } from "../db/database.ts";
import { STAFFING_CONFIRM_PATH, StaffingPreviewPage } from "./staffing.preview.pages.tsx";
import {
  confirmStaffingAs,
  keptStaffingPreview,
  previewStaffingFilesAs,
} from "./staffing.preview.service.ts";
import { STAFFING_IMPORT_PATH, StaffingUploadPage } from "./staffing.upload.pages.tsx";

/** The confirmation of a preview: the kept upload's token and hash, and the consent to removals. */
const CONFIRM = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  upload: z.string().regex(/^[0-9a-f]{64}$/),
  allowRemovals: z.literal("yes").optional(),
});

/** The largest upload (app.tsx lets bodies of the import paths this large through). */
const MAX_BYTES = 20 * 1024 * 1024;

export function staffingUploadRoutes(db: DB) {
  const app = new Hono<AuthEnv>();

  app.get(STAFFING_IMPORT_PATH, (c) => {
    const user = currentUser(c);
    authorize(canImportStaffing(user, user), "定数管理のデータを取り込めるのは行革担当と管理者です。");
    return c.html(<StaffingUploadPage municipalityCode={user.municipalityCode} />);
  });

  app.post(STAFFING_IMPORT_PATH, async (c) => {
    const user = currentUser(c);
    authorize(canImportStaffing(user, user), "定数管理のデータを取り込めるのは行革担当と管理者です。");
    const body = await c.req.parseBody({ all: true });
    const raw = body.files;
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (f): f is File => typeof f !== "string" && f.size > 0,
    );
    const page = (props: Partial<Parameters<typeof StaffingUploadPage>[0]>, status: 200 | 400 = 200) =>
      c.html(<StaffingUploadPage municipalityCode={user.municipalityCode} {...props} />, status);
    if (list.length === 0) return page({ errors: { files: "取り込むファイルを選んでください。" } }, 400);
    if (list.some((f) => f.size > MAX_BYTES))
      return page({ errors: { files: "20 MB を超えるファイルは取り込めません。" } }, 400);
    const files = await Promise.all(
      list.map(async (f) => ({ path: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    try {
      // Nothing is stored yet: what would be removed and changed is shown for confirmation.
      const preview = await previewStaffingFilesAs(db, user, files);
      return c.html(<StaffingPreviewPage preview={preview} />);
    } catch (e) {
      if (isAppError(e, "invalid_document", "invalid"))
        return page({ refused: { message: e.message, findings: [...e.findings] } }, 400);
      throw e;
    }
  });

  app.post(STAFFING_CONFIRM_PATH, async (c) => {
    const user = currentUser(c);
    authorize(canImportStaffing(user, user), "定数管理のデータを取り込めるのは行革担当と管理者です。");
    const form = CONFIRM.safeParse(await c.req.parseBody());
    const token = form.data?.token ?? "";
    const upload = form.data?.upload ?? "";
    const page = (props: Partial<Parameters<typeof StaffingUploadPage>[0]>, status: 200 | 400 = 200) =>
      c.html(<StaffingUploadPage municipalityCode={user.municipalityCode} {...props} />, status);
    try {
      const { stored, findings } = await confirmStaffingAs(db, user, {
        token,
        upload,
        allowRemovals: form.data?.allowRemovals === "yes",
      });
      return page({ stored, findings });
    } catch (e) {
      const kept =
        isAppError(e, "invalid") && e.fields.allowRemovals && keptStaffingPreview(user, token, upload);
      if (kept) return c.html(<StaffingPreviewPage preview={kept} errors={{ ...e.fields }} />, 400);
      if (isAppError(e, "invalid_document", "invalid", "conflict"))
        return page({ refused: { message: e.message, findings: [...e.findings] } }, 400);
      throw e;
    }
  });

  return app;
}
