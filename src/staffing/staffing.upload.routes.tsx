/**
 * HTTP adapter of the staffing upload (the same reading and storing as `gyokaku staffing import`, for the
 * user's own municipality). Mounted before staffing.routes.tsx, whose /staffing/:code would take the path.
 */
import { Hono } from "hono";
import { authorize, isAppError } from "../core/errors.ts";
import { canImportStaffing } from "../core/policy.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import type { DB } from "../db/database.ts";
import { importStaffingFilesAs } from "./staffing.service.ts";
import { STAFFING_IMPORT_PATH, StaffingUploadPage } from "./staffing.upload.pages.tsx";

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
      const { stored, findings } = await importStaffingFilesAs(db, user, files, {
        allowRemovals: body.allowRemovals === "yes",
      });
      return page({ stored, findings: [...findings, ...stored.flatMap((s) => s.findings)] });
    } catch (e) {
      if (isAppError(e, "invalid_document", "invalid"))
        return page({ refused: { message: e.message, findings: [...e.findings] } }, 400);
      throw e;
    }
  });

  return app;
}
