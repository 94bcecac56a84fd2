/** HTTP adapter for reporting rounds: reads the form, calls the service, renders or redirects (Post/Redirect/Get). */
import type { Context } from "hono";
import { Hono } from "hono";
import { AppError, conflict, forbidden } from "../core/errors.ts";
import { canReview as canReviewItems } from "../core/policy.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import { htmlWithKeptPart, KEPT_CSRF, KEPT_PART } from "../core/ui/kept-part.ts";
import { type FormBody, field } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { EXTRA_NOTICES, itemExtras } from "./item-extras.routes.tsx";
import { LockPage } from "./round-lock.pages.tsx";
import { keptBody, listKey, readerVariant, roundKey } from "./round-page.ts";
import * as review from "./round-review.service.ts";
import { RulesPage } from "./round-rules.pages.tsx";
import * as rules from "./round-rules.service.ts";
import {
  formFromDetail,
  type ItemForm,
  ItemPage,
  RoundBody,
  RoundFrame,
  RoundPage,
  RoundsFrame,
  RoundsPage,
  RoundsTable,
  unapprovedOf,
} from "./rounds.pages.tsx";
import * as service from "./rounds.service.ts";

const NOTICES: Record<string, string> = {
  opened: "照会を開始しました。所管課の利用者には、担当する項目が「照会（回答）」に表示されます。",
  locked: "照会をロックしました。この年度の値は読み取り専用になりました。",
  unlocked: "ロックを解除しました。理由は履歴に残りました。",
  deadline: "回答期限を変更しました。",
  draft: "下書きを保存しました。各欄の下に、どう読み取ったかを表示しています。",
  submitted: "提出しました。行革担当の確認を待っています。",
  next: "前の項目を提出しました。次の未回答の項目です。",
  approved: "承認しました。",
  rule: "確認ルールを保存しました。変更は履歴に残りました。",
  returned: "所管課に差し戻しました。",
  ...EXTRA_NOTICES,
};

async function form(c: Context): Promise<FormBody> {
  return (await c.req.parseBody({ all: true })) as FormBody;
}

/** The item form as posted: actuals.N.indicator / .series / .text, in N's order. */
export function itemInput(body: FormBody): ItemForm & { version: string; action: string; part: string } {
  const rows = new Map<number, { indicator: string; series: string; text: string }>();
  for (const key of Object.keys(body)) {
    const m = /^actuals\.(\d+)\.(indicator|series|text)$/.exec(key);
    if (!m) continue;
    const i = Number(m[1]);
    const row = rows.get(i) ?? { indicator: "", series: "", text: "" };
    row[m[2] as "indicator" | "series" | "text"] = field(body, key);
    rows.set(i, row);
  }
  return {
    version: field(body, "version"),
    action: field(body, "action") || "save",
    part: field(body, "part"),
    actuals: [...rows.entries()].sort(([a], [b]) => a - b).map(([, r]) => r),
    narrative: field(body, "narrative"),
    nextYearPlan: field(body, "nextYearPlan"),
    status: field(body, "status"),
  };
}

/** The part of a page's address (an item with several departments), or nothing. */
/** A JSX element as its HTML. */
const htmlOf = async (el: { toString(): string | Promise<string> }) => String(await el.toString());

function partQuery(part: string): string {
  return part ? `&part=${encodeURIComponent(part)}` : "";
}

export function roundRoutes(db: DB) {
  const app = new Hono<AuthEnv>();

  // The list's body is kept by the rounds' rows and versions (round-page.ts); the form around it per request.
  app.get("/rounds", async (c) => {
    const user = currentUser(c);
    const [read, plans] = await Promise.all([service.roundRows(db, user), service.plansToOpen(db, user)]);
    const body = await keptBody(
      `${user.municipalityCode}|list`,
      listKey(read.rows, read.today),
      readerVariant(user),
      async () => ({
        html: await htmlOf(<RoundsTable rounds={await service.listRounds(db, user, read)} />),
        meta: null,
      }),
    );
    return htmlWithKeptPart(c, <RoundsFrame plans={plans}>{KEPT_PART}</RoundsFrame>, body.pieces);
  });

  app.post("/rounds", async (c) => {
    const user = currentUser(c);
    const body = await form(c);
    const values = {
      planId: field(body, "planId"),
      fiscalYear: field(body, "fiscalYear"),
      deadline: field(body, "deadline"),
    };
    try {
      const id = await service.openRound(db, user, values);
      return c.redirect(`/rounds/${id}?done=opened`, 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "invalid") throw e;
      const [rounds, plans] = await Promise.all([
        service.listRounds(db, user),
        service.plansToOpen(db, user),
      ]);
      return c.html(<RoundsPage rounds={rounds} plans={plans} errors={e.fields} values={values} />, 400);
    }
  });

  app.get("/inbox", async (c) => c.redirect(await review.inboxPath(db, currentUser(c)), 303));

  const roundPage = async (c: Context<AuthEnv>, roundId: string, notice?: string, status = 200) => {
    const filter = review.filterFrom(c.req.query());
    if (c.req.query("done") === "bulk") return wholeRoundPage(c, roundId, filter, notice, status);
    // The body is kept by the round's row, versions and rules as read here (round-page.ts); the frame per request.
    const user = currentUser(c);
    const st = await service.roundPageState(db, user, roundId);
    const canReview = st.row.status === "open" && canReviewItems(user);
    const body = await keptBody(
      `${user.municipalityCode}|${st.row.id}`,
      roundKey(st.row, st.rulesRead, st.today),
      readerVariant(user, filter),
      async () => {
        const o = await service.getRoundOfRow(db, user, st.row, st.today);
        const warnings = await review.warningCounts(db, user, o.round, o.items, st.rules);
        const shown = review.applyFilter(o.items, filter, warnings);
        const html = await htmlOf(
          <RoundBody
            o={o}
            filter={filter}
            shown={shown}
            warnings={warnings}
            canReview={canReview}
            csrf={KEPT_CSRF}
          />,
        );
        return { html, meta: { unapproved: unapprovedOf(o) } };
      },
    );
    return htmlWithKeptPart(
      c,
      <RoundFrame round={st.view} can={st.can} unapproved={body.meta.unapproved} notice={notice}>
        {KEPT_PART}
      </RoundFrame>,
      body.pieces,
      status as 200,
    );
  };

  /** The page with its body made in this request (a bulk approval's result names items of this round). */
  const wholeRoundPage = async (
    c: Context<AuthEnv>,
    roundId: string,
    filter: review.ItemFilter,
    notice: string | undefined,
    status: number,
  ) => {
    const user = currentUser(c);
    const o = await service.getRound(db, user, roundId);
    const warnings = await review.warningCounts(db, user, o.round, o.items);
    const shown = review.applyFilter(o.items, filter, warnings);
    const canReview = o.round.status === "open" && canReviewItems(user);
    const bulk = review.bulkFrom(c.req.queries(), o.items, warnings, o.deptName);
    return c.html(
      <RoundPage
        o={o}
        bulk={bulk}
        filter={filter}
        shown={shown}
        warnings={warnings}
        canReview={canReview}
        notice={notice}
      />,
      status as 200,
    );
  };

  app.get("/rounds/:roundId", async (c) =>
    roundPage(c, c.req.param("roundId"), NOTICES[c.req.query("done") ?? ""]),
  );

  // Post/Redirect/Get: the result is shown by the round's page (a reload does not approve again).
  app.post("/rounds/:roundId/approve", async (c) => {
    const user = currentUser(c);
    const roundId = c.req.param("roundId");
    await service.getRound(db, user, roundId);
    if (!canReviewItems(user)) throw forbidden("承認と差戻しは行革担当と管理者が行います。");
    const body = await form(c);
    const raw = body.items;
    const picked = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (k) => typeof k === "string",
    );
    if (picked.length === 0)
      return roundPage(
        c,
        roundId,
        "承認する項目が選ばれていません。一覧の左のチェックで項目を選んでください。",
        400,
      );
    const selected = picked.map((value) => ({
      ...review.pickedPart(value),
      version: field(body, `version.${value}`),
    }));
    const r = await review.approveMany(db, user, roundId, selected, field(body, "reason"));
    return c.redirect(`/rounds/${roundId}?${review.bulkQuery(r)}`, 303);
  });

  app.get("/rounds/:roundId/items/:itemKey", async (c) => {
    const { roundId, itemKey } = c.req.param();
    const d = await service.getItem(db, currentUser(c), roundId, itemKey, c.req.query("part"));
    const f = formFromDetail(d);
    return c.html(
      <ItemPage
        d={d}
        form={f}
        understood={service.understandEntries(d, f)}
        notice={NOTICES[c.req.query("done") ?? ""]}
        extras={await itemExtras(db, currentUser(c), roundId, itemKey, { loaded: d.loaded })}
      />,
    );
  });

  app.post("/rounds/:roundId/items/:itemKey", async (c) => {
    const user = currentUser(c);
    const { roundId, itemKey } = c.req.param();
    const input = itemInput(await form(c));
    try {
      const r = await service.saveItem(db, user, roundId, itemKey, input);
      const d = await service.getItem(db, user, roundId, itemKey, input.part);
      if (r.kind === "checked")
        return c.html(
          <ItemPage
            d={{ ...d, part: { ...d.part, version: Number(input.version) } }}
            form={input}
            understood={r.understood}
          />,
        );
      if (r.state === "submitted" && input.action === "submit") {
        // the department goes on to its next item still to answer
        const next = await review.nextOpenItem(db, user, roundId, itemKey);
        if (next) return c.redirect(`/rounds/${roundId}/items/${encodeURIComponent(next)}?done=next`, 303);
      }
      return c.redirect(
        `/rounds/${roundId}/items/${encodeURIComponent(itemKey)}?done=${r.state === "submitted" ? "submitted" : "draft"}${partQuery(input.part)}`,
        303,
      );
    } catch (e) {
      if (!(e instanceof AppError) || !["invalid", "conflict", "forbidden", "locked"].includes(e.code))
        throw e;
      // Whatever went wrong, the user's text stays on screen.
      const d = await service.getItem(db, user, roundId, itemKey, input.part);
      const errors =
        e.code === "invalid" && Object.keys(e.fields).length > 0 ? e.fields : { _form: e.message };
      const summary =
        e.code === "invalid" && e.message && !errors._form ? { _form: e.message, ...errors } : errors;
      const keepVersion = e.code === "invalid" && /^\d+$/.test(input.version);
      return c.html(
        <ItemPage
          d={keepVersion ? { ...d, part: { ...d.part, version: Number(input.version) } } : d}
          form={input}
          errors={summary}
          understood={
            input.actuals.length === d.entries.length ? service.understandEntries(d, input) : undefined
          }
          conflictWith={e.code === "conflict" ? formFromDetail(d) : undefined}
          unsaved={d.can.edit ? undefined : input}
          extras={await itemExtras(db, user, roundId, itemKey, { loaded: d.loaded })}
        />,
        e.status as 400,
      );
    }
  });

  app.post("/rounds/:roundId/items/:itemKey/review", async (c) => {
    const user = currentUser(c);
    const { roundId, itemKey } = c.req.param();
    const body = await form(c);
    const input = {
      version: field(body, "version"),
      decision: field(body, "decision"),
      // the reason for approving over warnings, or the comment of a return
      comment: field(body, "decision") === "approve" ? field(body, "reason") : field(body, "comment"),
      part: field(body, "part"),
    };
    try {
      const state = await service.reviewItem(db, user, roundId, itemKey, input);
      return c.redirect(
        `/rounds/${roundId}/items/${encodeURIComponent(itemKey)}?done=${state}${partQuery(input.part)}`,
        303,
      );
    } catch (e) {
      if (!(e instanceof AppError) || !["invalid", "conflict"].includes(e.code)) throw e;
      const d = await service.getItem(db, user, roundId, itemKey, input.part);
      const errors =
        e.code === "invalid" && Object.keys(e.fields).length > 0 ? e.fields : { _form: e.message };
      const extras = await itemExtras(db, user, roundId, itemKey, { loaded: d.loaded });
      return c.html(
        <ItemPage d={d} form={formFromDetail(d)} errors={errors} extras={extras} />,
        e.status as 400,
      );
    }
  });

  app.get("/rounds/:roundId/rules", async (c) => {
    const v = await rules.getRules(db, currentUser(c), c.req.param("roundId"));
    return c.html(<RulesPage v={v} notice={NOTICES[c.req.query("done") ?? ""]} />);
  });

  app.post("/rounds/:roundId/rules/:indicatorKey", async (c) => {
    const user = currentUser(c);
    const { roundId, indicatorKey } = c.req.param();
    const body = await form(c);
    try {
      await rules.saveRule(db, user, roundId, indicatorKey, {
        action: field(body, "action"),
        min: field(body, "min"),
        max: field(body, "max"),
        integer: field(body, "integer"),
        jumpFactor: field(body, "jumpFactor"),
      });
      return c.redirect(`/rounds/${roundId}/rules?done=rule`, 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "invalid") throw e;
      const v = await rules.getRules(db, user, roundId);
      return c.html(<RulesPage v={v} errors={e.fields} />, 400);
    }
  });

  app.get("/rounds/:roundId/lock", async (c) => {
    const user = currentUser(c);
    const o = await service.getRound(db, user, c.req.param("roundId"), { all: true });
    if (!o.can.lock) {
      if (o.can.unlock) throw conflict("この照会はすでにロックされています。");
      throw forbidden("照会をロックできるのは行革担当と管理者です。");
    }
    return c.html(<LockPage o={o} />);
  });

  app.post("/rounds/:roundId/lock", async (c) => {
    const user = currentUser(c);
    const roundId = c.req.param("roundId");
    const body = await form(c);
    try {
      await service.lockRound(db, user, roundId, {
        version: field(body, "version"),
        confirm: field(body, "confirm"),
      });
      return c.redirect(`/rounds/${roundId}?done=locked`, 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "invalid") throw e;
      const o = await service.getRound(db, user, roundId, { all: true });
      return c.html(<LockPage o={o} errors={e.fields} />, 400);
    }
  });

  app.post("/rounds/:roundId/deadline", async (c) => {
    const user = currentUser(c);
    const roundId = c.req.param("roundId");
    const body = await form(c);
    try {
      await service.changeDeadline(db, user, roundId, {
        version: field(body, "version"),
        deadline: field(body, "deadline"),
      });
      return c.redirect(`/rounds/${roundId}?done=deadline`, 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "invalid") throw e;
      const o = await service.getRound(db, user, roundId);
      return c.html(<RoundPage o={o} errors={e.fields} />, 400);
    }
  });

  app.post("/rounds/:roundId/unlock", async (c) => {
    const user = currentUser(c);
    const roundId = c.req.param("roundId");
    const body = await form(c);
    try {
      await service.unlockRound(db, user, roundId, {
        version: field(body, "version"),
        reason: field(body, "reason"),
      });
      return c.redirect(`/rounds/${roundId}?done=unlocked`, 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "invalid") throw e;
      const o = await service.getRound(db, user, roundId);
      return c.html(<RoundPage o={o} errors={e.fields} />, 400);
    }
  });

  return app;
}
