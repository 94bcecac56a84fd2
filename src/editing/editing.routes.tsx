/** HTTP adapter for plan editing (reform office and admin). */
import type { Context } from "hono";
import { Hono } from "hono";
import { AppError } from "../core/errors.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import { type FormBody, field, fields } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { ItemEditPage, type ItemPosted, PlanEditPage } from "./editing.pages.tsx";
import * as service from "./editing.service.ts";
import { setEffectTarget } from "./effect-target.service.ts";
import * as effects from "./effects.service.ts";

const NOTICES: Record<string, string> = {
  added: "項目を追加しました。",
  moved: "項目を移動しました。",
  renumbered: "番号を振り直しました。",
  updated: "保存しました。",
  indicator: "指標を追加しました。",
  target: "目標を追加しました。",
  effect: "財政効果額を保存しました。",
  "effect-removed": "財政効果額を削除しました。",
  planned: "年度別計画値を保存しました。",
  "effect-target": "財政効果額の目標を保存しました。",
  "planned-check":
    "年度別計画値を保存しました。累計の計画値に、単年度の合計と合わないセルがあります（下の確認を見てください。直さずに保存しています）。",
};

async function form(c: Context): Promise<FormBody> {
  return (await c.req.parseBody({ all: true })) as FormBody;
}

function plain(body: FormBody): Record<string, string> {
  return Object.fromEntries(
    Object.keys(body)
      .filter((k) => k !== "_csrf")
      .map((k) => [k, field(body, k)]),
  );
}

/** Field errors of a refused form, or the message of a stale one (409), shown above the user's text. */
function errorsOf(e: AppError): Record<string, string> {
  return Object.keys(e.fields).length > 0 ? e.fields : { _form: e.message };
}

export function editingRoutes(db: DB) {
  const app = new Hono<AuthEnv>();
  const editable = (e: unknown): e is AppError =>
    e instanceof AppError && (e.code === "invalid" || e.code === "conflict");

  app.get("/plans/:planId/edit", async (c) => {
    const e = await service.getPlanEditor(db, currentUser(c), c.req.param("planId"));
    return c.html(<PlanEditPage e={e} notice={NOTICES[c.req.query("done") ?? ""]} />);
  });

  app.post("/plans/:planId/items", async (c) => {
    const user = currentUser(c);
    const planId = c.req.param("planId");
    const body = await form(c);
    const input = { ...plain(body), departments: fields(body, "departments") };
    try {
      const key = await service.addItem(db, user, planId, input);
      return c.redirect(`/plans/${planId}/items/${encodeURIComponent(key)}/edit?done=added`, 303);
    } catch (e) {
      if (!editable(e)) throw e;
      const editor = await service.getPlanEditor(db, user, planId);
      return c.html(
        <PlanEditPage e={editor} errors={errorsOf(e)} values={input} posted="add" />,
        e.status as 400,
      );
    }
  });

  app.post("/plans/:planId/renumber", async (c) => {
    const user = currentUser(c);
    const planId = c.req.param("planId");
    const body = plain(await form(c));
    try {
      await service.renumberChildren(db, user, planId, { ...body, parent: body.renumberParent ?? "" });
      return c.redirect(`/plans/${planId}/edit?done=renumbered`, 303);
    } catch (e) {
      if (!editable(e)) throw e;
      const editor = await service.getPlanEditor(db, user, planId);
      return c.html(
        <PlanEditPage e={editor} errors={errorsOf(e)} values={body} posted="renumber" />,
        e.status as 400,
      );
    }
  });

  app.post("/plans/:planId/effect-target", async (c) => {
    const user = currentUser(c);
    const planId = c.req.param("planId");
    const body = plain(await form(c));
    try {
      const preview = await setEffectTarget(db, user, planId, body);
      if (!preview) return c.redirect(`/plans/${planId}/edit?done=effect-target#effect-target-title`, 303);
      const editor = await service.getPlanEditor(db, user, planId);
      return c.html(<PlanEditPage e={editor} values={body} posted="effect-target" targetPreview={preview} />);
    } catch (e) {
      if (!editable(e)) throw e;
      const editor = await service.getPlanEditor(db, user, planId);
      return c.html(
        <PlanEditPage e={editor} errors={errorsOf(e)} values={body} posted="effect-target" />,
        e.status as 400,
      );
    }
  });

  app.get("/plans/:planId/items/:itemKey/edit", async (c) => {
    const { planId, itemKey } = c.req.param();
    const e = await service.getItemEditor(db, currentUser(c), planId, itemKey);
    return c.html(
      <ItemEditPage e={e} notice={NOTICES[c.req.query("done") ?? ""]} effect={c.req.query("effect")} />,
    );
  });

  /** Runs one item form; on refusal the item page comes back with the user's values and the errors. */
  const itemForm =
    (
      name: ItemPosted["form"],
      run: (
        input: Record<string, string>,
        user: ReturnType<typeof currentUser>,
        planId: string,
        itemKey: string,
      ) => Promise<ItemPosted["preview"] | string>,
    ) =>
    async (c: Context<AuthEnv>) => {
      const user = currentUser(c);
      const { planId, itemKey } = c.req.param() as { planId: string; itemKey: string };
      const values = plain(await form(c));
      try {
        const r = await run(values, user, planId, itemKey);
        if (typeof r !== "string") {
          const e = await service.getItemEditor(db, user, planId, itemKey);
          return c.html(<ItemEditPage e={e} posted={{ form: name, values, errors: {}, preview: r }} />);
        }
        const back =
          name === "move"
            ? `/plans/${planId}/edit`
            : `/plans/${planId}/items/${encodeURIComponent(itemKey)}/edit`;
        return c.redirect(`${back}?done=${r}`, 303);
      } catch (e) {
        if (!editable(e)) throw e;
        const editor = await service.getItemEditor(db, user, planId, itemKey);
        return c.html(
          <ItemEditPage e={editor} posted={{ form: name, values, errors: errorsOf(e) }} />,
          e.status as 400,
        );
      }
    };

  app.post(
    "/plans/:planId/items/:itemKey",
    itemForm("update", async (input, user, planId, key) => {
      await service.updateItem(db, user, planId, key, input);
      return "updated";
    }),
  );
  app.post(
    "/plans/:planId/items/:itemKey/move",
    itemForm("move", async (input, user, planId, key) => {
      await service.moveItem(db, user, planId, key, input);
      return "moved";
    }),
  );
  app.post(
    "/plans/:planId/items/:itemKey/indicators",
    itemForm("indicator", async (input, user, planId, key) => {
      const r = await service.addIndicator(db, user, planId, key, input);
      return r.kind === "preview" ? r : "indicator";
    }),
  );
  app.post(
    "/plans/:planId/items/:itemKey/targets",
    itemForm("target", async (input, user, planId, key) => {
      const r = await service.addTarget(db, user, planId, key, input);
      return r.kind === "preview" ? r : "target";
    }),
  );

  app.post(
    "/plans/:planId/items/:itemKey/effects",
    itemForm("effect", async (input, user, planId, key) => {
      await effects.setFiscalEffect(db, user, planId, key, input);
      return "effect";
    }),
  );
  app.post(
    "/plans/:planId/items/:itemKey/effects/remove",
    itemForm("effect", async (input, user, planId, key) => {
      await effects.removeFiscalEffect(db, user, planId, key, input);
      return "effect-removed";
    }),
  );
  app.post(
    "/plans/:planId/items/:itemKey/planned",
    itemForm("planned", async (input, user, planId, key) => {
      const mismatches = await effects.setPlannedValues(db, user, planId, key, input);
      return mismatches.length > 0 ? "planned-check" : "planned";
    }),
  );

  return app;
}
