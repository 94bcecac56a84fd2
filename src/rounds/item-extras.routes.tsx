/** HTTP adapter for an item's conversation and evidence files (issue 13). */
import { Hono } from "hono";
import { AppError } from "../core/errors.ts";
import type { Actor } from "../core/policy.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import { type FormBody, field } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { contentDisposition } from "../domain/evidence.ts";
import { addComment } from "./conversation.service.ts";
import {
  attachEvidence,
  downloadEvidence,
  publicEvidence,
  removeEvidence,
  setEvidencePublic,
} from "./evidence.service.ts";
import { ItemExtras } from "./item-extras.pages.tsx";
import { itemExtrasOf } from "./item-extras.service.ts";
import { formFromDetail, ItemPage } from "./rounds.pages.tsx";
import { getItem, type LoadedItem } from "./rounds.service.ts";

const itemHref = (roundId: string, itemKey: string) =>
  `/rounds/${roundId}/items/${encodeURIComponent(itemKey)}`;

/** The conversation and the evidence of an item, for the item page. */
export async function itemExtras(
  db: DB,
  user: Actor,
  roundId: string,
  itemKey: string,
  options: { errors?: Record<string, string>; draft?: string; loaded?: LoadedItem } = {},
) {
  // The item as the page read it: the plan is not read again for these parts; messages and files in one query.
  const { conversation, evidence } = await itemExtrasOf(db, user, roundId, itemKey, options.loaded);
  return (
    <ItemExtras
      href={itemHref(roundId, itemKey)}
      conversation={conversation}
      evidence={evidence}
      errors={options.errors}
      draft={options.draft}
    />
  );
}

const NOTICES = {
  comment: "コメントを送りました。相手に通知されます。",
  attached: "根拠資料を添付しました。",
  removed: "根拠資料を削除しました。",
  public: "根拠資料の公開設定を変えました。",
};

/** The item page again, with an error by a field, and the user's text kept. */
async function withError(db: DB, user: Actor, roundId: string, itemKey: string, e: AppError, draft?: string) {
  const d = await getItem(db, user, roundId, itemKey);
  const errors = Object.keys(e.fields).length > 0 ? e.fields : { _form: e.message };
  return (
    <ItemPage
      d={d}
      form={formFromDetail(d)}
      errors={errors}
      extras={
        await itemExtras(db, user, roundId, itemKey, {
          errors,
          loaded: d.loaded,
          ...(draft ? { draft } : {}),
        })
      }
    />
  );
}

const SHOWN = ["invalid", "forbidden", "locked", "conflict"];

export function itemExtrasRoutes(db: DB) {
  const app = new Hono<AuthEnv>();
  const done = (roundId: string, itemKey: string, what: keyof typeof NOTICES, anchor: string) =>
    `${itemHref(roundId, itemKey)}?done=${what}#${anchor}`;

  app.post("/rounds/:roundId/items/:itemKey/comments", async (c) => {
    const user = currentUser(c);
    const { roundId, itemKey } = c.req.param();
    const body = field((await c.req.parseBody({ all: true })) as FormBody, "body");
    try {
      await addComment(db, user, roundId, itemKey, { body });
      return c.redirect(done(roundId, itemKey, "comment", "conversation-title"), 303);
    } catch (e) {
      if (!(e instanceof AppError) || !SHOWN.includes(e.code)) throw e;
      return c.html(await withError(db, user, roundId, itemKey, e, body), e.status as 400);
    }
  });

  app.post("/rounds/:roundId/items/:itemKey/evidence", async (c) => {
    const user = currentUser(c);
    const { roundId, itemKey } = c.req.param();
    const body = await c.req.parseBody({ all: true });
    const f = body.file;
    const file =
      f instanceof File && f.name !== ""
        ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }
        : undefined;
    try {
      await attachEvidence(db, user, roundId, itemKey, file);
      return c.redirect(done(roundId, itemKey, "attached", "evidence-title"), 303);
    } catch (e) {
      if (!(e instanceof AppError) || !SHOWN.includes(e.code)) throw e;
      return c.html(await withError(db, user, roundId, itemKey, e), e.status as 400);
    }
  });

  app.get("/rounds/:roundId/items/:itemKey/evidence/:fileId", async (c) => {
    const { roundId, itemKey, fileId } = c.req.param();
    const f = await downloadEvidence(db, currentUser(c), roundId, itemKey, fileId);
    return c.body(f.data as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": f.contentType,
      "Content-Disposition": contentDisposition(f.fileName),
      "Cache-Control": "private, no-store",
    });
  });

  app.post("/rounds/:roundId/items/:itemKey/evidence/:fileId/delete", async (c) => {
    const { roundId, itemKey, fileId } = c.req.param();
    await removeEvidence(db, currentUser(c), roundId, itemKey, fileId);
    return c.redirect(done(roundId, itemKey, "removed", "evidence-title"), 303);
  });

  app.post("/rounds/:roundId/items/:itemKey/evidence/:fileId/public", async (c) => {
    const { roundId, itemKey, fileId } = c.req.param();
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    await setEvidencePublic(db, currentUser(c), roundId, itemKey, fileId, field(body, "public") === "1");
    return c.redirect(done(roundId, itemKey, "public", "evidence-title"), 303);
  });

  // Only files the office made public; served to anyone, as the public pages are.
  app.get("/public/evidence/:municipalityCode/:fileId", async (c) => {
    const f = await publicEvidence(db, c.req.param("municipalityCode"), c.req.param("fileId"));
    return c.body(f.data as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": f.contentType,
      "Content-Disposition": contentDisposition(f.fileName),
    });
  });

  return app;
}

export { NOTICES as EXTRA_NOTICES };
