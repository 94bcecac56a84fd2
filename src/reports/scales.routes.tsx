/** HTTP adapter for the plan-scales editor: GET shows it, POST previews or saves (reform office and admin). */
import { Hono } from "hono";
import { AppError, invalid } from "../core/errors.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import { type FormBody, field } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { GRADE_ROWS, ScalesPage, STATE_ROWS } from "./scales.pages.tsx";
import * as service from "./scales.service.ts";

/** The posted rows as plan.scales input; empty rows are left out, no rows at all means gyokaku's default. */
export function scalesFromForm(body: FormBody): unknown {
  const text = (k: string) => field(body, k).trim();
  const grades = [];
  for (let i = 0; i < GRADE_ROWS; i++) {
    const label = text(`g${i}_label`);
    const symbol = text(`g${i}_symbol`);
    const at = text(`g${i}_atLeast`).replace(/[%％]$/, "");
    if (!label && !symbol && !at) continue;
    const kind = text(`g${i}_rule`);
    const rule =
      kind === "reviewer"
        ? { reviewer: true }
        : kind === "otherwise"
          ? { otherwise: true }
          : at === ""
            ? undefined
            : {
                atLeast: Number(
                  at.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)),
                ),
              };
    grades.push({ label, ...(symbol ? { symbol } : {}), ...(rule ? { rule } : {}) });
  }
  const states = [];
  for (let i = 0; i < STATE_ROWS; i++) {
    const label = text(`s${i}_label`);
    if (!label) continue;
    states.push({ label, ...(field(body, `s${i}_done`) ? { done: true } : {}) });
  }
  if (grades.length === 0 && states.length === 0) return undefined;
  return {
    ...(grades.length ? { outcome: { grades } } : {}),
    ...(states.length ? { implementation: { states } } : {}),
  };
}

export function scalesRoutes(db: DB) {
  const app = new Hono<AuthEnv>();
  app.get("/plans/:planId/scales", async (c) => {
    const e = await service.getScalesEditor(db, currentUser(c), c.req.param("planId"));
    return c.html(
      <ScalesPage e={e} notice={c.req.query("done") === "saved" ? "評価基準を保存しました。" : undefined} />,
    );
  });
  app.post("/plans/:planId/scales", async (c) => {
    const user = currentUser(c);
    const planId = c.req.param("planId");
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const input = scalesFromForm(body);
    const action = field(body, "action");
    // The version the user's form was made from: kept through previews and refusals, so that a save after
    // someone else's still meets the check; after a refusal as stale the form carries the current version.
    const version = field(body, "version");
    try {
      // Only the page's two buttons act: a form posted without one (a stray or forged request) changes nothing.
      if (action !== "preview" && action !== "save")
        throw invalid({ _form: "「見込みを表示」か「保存する」を押してください。何も保存していません。" });
      if (action === "preview") {
        const scales = service.checkScales(input);
        const e = await service.getScalesEditor(db, user, planId);
        return c.html(
          <ScalesPage
            e={{ ...e, preview: await service.previewFor(db, user, planId, scales) }}
            scales={scales}
            version={version}
            previewed
          />,
        );
      }
      await service.saveScales(db, user, planId, input, version);
      return c.redirect(`/plans/${planId}/scales?done=saved`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== "invalid" && err.code !== "conflict")) throw err;
      const e = await service.getScalesEditor(db, user, planId);
      const stale = err.code === "conflict";
      const errors = Object.keys(err.fields).length > 0 ? err.fields : { _form: err.message };
      return c.html(
        <ScalesPage
          e={e}
          errors={errors}
          // biome-ignore lint/suspicious/noExplicitAny: the refused input is shown again as typed
          scales={input as any}
          version={stale ? undefined : version}
        />,
        stale ? 409 : 400,
      );
    }
  });
  return app;
}
