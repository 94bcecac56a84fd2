/**
 * HTTP adapter of the administrator's backup page: the page, the download (a backup of the municipality,
 * written to a temporary file and sent from it, so that the database is not held while the browser reads),
 * and the restore from an uploaded file. Plain HTML forms: works without JavaScript.
 */
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { Hono } from "hono";
import { type AppError, isAppError } from "../core/errors.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import type { DB } from "../db/database.ts";
import { BACKUP_PATH, BackupPage } from "./backup.pages.tsx";
import { backupForAdmin, backupPage, checkBackupBytes, restoreFromBytes } from "./backup.service.ts";

/** The largest backup the page takes (app.tsx lets a body this large through on the restore path only). */
export const MAX_RESTORE_MEGABYTES = 200;
export const RESTORE_PATH = `${BACKUP_PATH}/restore`;

/** A file that could not be read is logged with what the reader said (Z_DATA_ERROR …); the page says it plainly. */
function logRefusal(e: AppError) {
  const cause = e.cause as NodeJS.ErrnoException | undefined;
  if (cause) console.error(`restore refused: ${e.message} (${cause.code ?? cause.message})`);
}

export function backupRoutes(db: DB) {
  const app = new Hono<AuthEnv>();

  app.get(BACKUP_PATH, async (c) => {
    const municipality = await backupPage(db, currentUser(c));
    return c.html(<BackupPage municipality={municipality} maxMegabytes={MAX_RESTORE_MEGABYTES} />);
  });

  app.post(`${BACKUP_PATH}/download`, async (c) => {
    const user = currentUser(c);
    await backupPage(db, user);
    const dir = mkdtempSync(join(tmpdir(), "gyokaku-backup-"));
    const path = join(dir, "backup.jsonl.gz");
    try {
      const header = await backupForAdmin(db, user, path);
      const stream = createReadStream(path);
      stream.on("close", () => rmSync(dir, { recursive: true, force: true }));
      const stamp = header.created.slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
      return new Response(Readable.toWeb(stream) as ReadableStream, {
        headers: {
          "Content-Type": "application/gzip",
          "Content-Disposition": `attachment; filename="gyokaku-${user.municipalityCode}-${stamp}.jsonl.gz"`,
          "Cache-Control": "no-store",
        },
      });
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  });

  app.post(RESTORE_PATH, async (c) => {
    const user = currentUser(c);
    const municipality = await backupPage(db, user);
    const page = (props: Partial<Parameters<typeof BackupPage>[0]>, status: 200 | 400 = 200) =>
      c.html(
        <BackupPage municipality={municipality} maxMegabytes={MAX_RESTORE_MEGABYTES} {...props} />,
        status,
      );
    const body = await c.req.parseBody();
    const file = body.file;
    const errors: Record<string, string> = {};
    if (typeof file === "string" || !file || file.size === 0)
      errors.file = "バックアップファイルを選んでください。";
    else if (file.size > MAX_RESTORE_MEGABYTES * 1024 * 1024)
      errors.file = `${MAX_RESTORE_MEGABYTES} MB を超えるファイルは画面から復元できません（gyokaku restore を使ってください）。`;
    const bytes =
      errors.file || typeof file === "string" || !file ? null : new Uint8Array(await file.arrayBuffer());
    if (body.confirm !== "yes") {
      // Not confirmed: what is wrong with the file is said as well, not only after it is chosen again.
      if (bytes) {
        try {
          await checkBackupBytes(db, bytes, { actor: user });
        } catch (e) {
          if (!isAppError(e, "invalid_document", "conflict")) throw e;
          logRefusal(e);
          errors.file = e.message.endsWith("。") ? e.message : `${e.message}。`;
        }
      }
      errors.confirm = `置き換えることを確認してください。${errors.file ? "" : "ファイルはもう一度選んでください。"}`;
    }
    if (Object.keys(errors).length > 0 || !bytes) return page({ errors }, 400);
    try {
      const result = await restoreFromBytes(db, bytes, { actor: user });
      return page({
        restored: {
          created: result.header.created,
          gyokaku: result.header.gyokaku,
          rows: result.rows,
          tables: result.tables,
        },
      });
    } catch (e) {
      if (!isAppError(e, "invalid_document", "conflict")) throw e;
      logRefusal(e);
      return page({ refused: e.message }, 400);
    }
  });

  return app;
}
