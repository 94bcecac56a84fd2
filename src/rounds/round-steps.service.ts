/**
 * The steps of a round as a whole: opening it for a plan and year, moving its deadline, locking it (the
 * year becomes read-only) and unlocking it with a reason. Each step is recorded in the history.
 */
import { randomUUID } from "node:crypto";
import { record } from "../audit/audit.service.ts";
import { authorize, conflict, forbidden, invalid } from "../core/errors.ts";
import { type Actor, canLockRound, canOpenRound, canUnlockRound } from "../core/policy.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { isPastDeadline } from "../domain/rounds/steps.ts";
import { getPlanDocument, loadDepartments } from "../plans/plans.service.ts";
import { recordRoundEvent } from "./outbox.repository.ts";
import { ensureParts } from "./round-parts.repository.ts";
import { loadContext, roundRef, scopeItems, statusesOf, todayInJapan } from "./rounds.context.ts";
import * as repo from "./rounds.repository.ts";
import { deadlineSchema, lockSchema, openRoundSchema, unlockSchema } from "./rounds.schema.ts";

export async function openRound(db: DB, user: Actor, raw: unknown): Promise<string> {
  authorize(canOpenRound(user, user), "照会を開始できるのは行革担当と管理者です。");
  const input = parseInput(openRoundSchema, raw);
  refusePastDeadline(input.deadline);
  const plan = await repo.findPlan(db, user.municipalityCode, input.planId);
  if (!plan) throw invalid({ planId: "計画が見つかりません。" });
  if (input.fiscalYear < plan.period_start || input.fiscalYear > plan.period_end)
    throw invalid({
      fiscalYear: `年度は計画期間（${warekiFiscalYear(plan.period_start)}～${warekiFiscalYear(plan.period_end)}）から選んでください。`,
    });
  if (await repo.findRoundByPlanYear(db, user.municipalityCode, plan.id, input.fiscalYear))
    throw invalid({ fiscalYear: `${warekiFiscalYear(input.fiscalYear)}の照会はすでにあります。` });
  const doc = await getPlanDocument(db, {
    id: plan.id,
    municipalityCode: plan.municipality_code,
    dataVersion: plan.data_version,
  });
  const depts = await loadDepartments(db, user.municipalityCode);
  const items = scopeItems(doc!, new Map(depts.map((d) => [d.key, d.id])));
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await repo.insertRound(trx, {
      municipality_code: user.municipalityCode,
      id,
      plan_id: plan.id,
      fiscal_year: input.fiscalYear,
      deadline: input.deadline,
      status: "open",
      opened_by: user.name,
    });
    await repo.ensureRoundItems(
      trx,
      user.municipalityCode,
      id,
      items.map((i) => i.item.key),
    );
    await ensureParts(
      trx,
      user.municipalityCode,
      id,
      items.flatMap((i) => i.departmentKeys.map((departmentKey) => ({ itemKey: i.item.key, departmentKey }))),
    );
    await record(trx, user, [
      {
        action: "round.open",
        planId: plan.id,
        fiscalYear: input.fiscalYear,
        subject: `${plan.title} ${warekiFiscalYear(input.fiscalYear)}（対象 ${items.length} 項目）`,
        after: { deadline: input.deadline },
      },
    ]);
    await recordRoundEvent(trx, user, { roundId: id, kind: "opened" });
  });
  return id;
}

/** Locks the round: the year becomes read-only for everyone. */
export async function lockRound(db: DB, user: Actor, roundId: string, raw: unknown): Promise<void> {
  const ctx = await loadContext(db, user, roundId);
  const ref = roundRef(ctx.round);
  if (!canLockRound(user, ref)) {
    if (canUnlockRound(user, ref)) throw conflict("この照会はすでにロックされています。");
    throw forbidden("照会をロックできるのは行革担当と管理者です。");
  }
  const input = parseInput(lockSchema, raw);
  await db.transaction().execute(async (trx) => {
    const ok = await repo.updateRound(trx, user.municipalityCode, roundId, input.version, {
      status: "locked",
      locked_by: user.name,
      locked_at: new Date(),
    });
    if (!ok) throw conflict("ほかの人が先にこの照会を変更しました。ページを読み込み直してください。");
    const open = (await statusesOf(trx, user.municipalityCode, ctx)).filter(
      (i) => i.state !== "approved",
    ).length;
    await record(trx, user, [
      {
        action: "round.lock",
        planId: ctx.round.plan_id,
        fiscalYear: ctx.round.fiscal_year,
        subject: `${ctx.round.plan_title} ${warekiFiscalYear(ctx.round.fiscal_year)}`,
        before: { status: "受付中" },
        after: { status: "ロック" },
        note: open > 0 ? `未承認 ${open} 項目のままロック` : undefined,
      },
    ]);
  });
}

/** Moves the deadline of an open round (a mistake at opening, an extension); kept in the history. */
export async function changeDeadline(db: DB, user: Actor, roundId: string, raw: unknown): Promise<void> {
  const ctx = await loadContext(db, user, roundId);
  const ref = roundRef(ctx.round);
  if (!canLockRound(user, ref)) {
    if (canUnlockRound(user, ref))
      throw conflict("ロックされた照会の期限は変えられません。先にロックを解除してください。");
    throw forbidden("回答期限を変えられるのは行革担当と管理者です。");
  }
  const input = parseInput(deadlineSchema, raw);
  refusePastDeadline(input.deadline);
  await db.transaction().execute(async (trx) => {
    const ok = await repo.updateRound(trx, user.municipalityCode, roundId, input.version, {
      deadline: input.deadline,
    });
    if (!ok) throw conflict("ほかの人が先にこの照会を変更しました。ページを読み込み直してください。");
    await record(trx, user, [
      {
        action: "round.deadline",
        planId: ctx.round.plan_id,
        fiscalYear: ctx.round.fiscal_year,
        subject: `${ctx.round.plan_title} ${warekiFiscalYear(ctx.round.fiscal_year)}`,
        before: { deadline: ctx.round.deadline },
        after: { deadline: input.deadline },
      },
    ]);
  });
}

/** Unlocks a locked round; the reason is required and kept in the history. */
export async function unlockRound(db: DB, user: Actor, roundId: string, raw: unknown): Promise<void> {
  const ctx = await loadContext(db, user, roundId);
  const ref = roundRef(ctx.round);
  if (!canUnlockRound(user, ref)) {
    if (canLockRound(user, ref)) throw conflict("この照会はロックされていません。");
    throw forbidden("ロックを解除できるのは行革担当と管理者です。");
  }
  const input = parseInput(unlockSchema, raw);
  await db.transaction().execute(async (trx) => {
    const ok = await repo.updateRound(trx, user.municipalityCode, roundId, input.version, {
      status: "open",
      locked_by: null,
      locked_at: null,
    });
    if (!ok) throw conflict("ほかの人が先にこの照会を変更しました。ページを読み込み直してください。");
    await record(trx, user, [
      {
        action: "round.unlock",
        planId: ctx.round.plan_id,
        fiscalYear: ctx.round.fiscal_year,
        subject: `${ctx.round.plan_title} ${warekiFiscalYear(ctx.round.fiscal_year)}`,
        before: { status: "ロック" },
        after: { status: "受付中" },
        note: input.reason.trim(),
      },
    ]);
  });
}

function refusePastDeadline(deadline: string): void {
  const today = todayInJapan();
  if (isPastDeadline(deadline, today))
    throw invalid({
      deadline: `回答期限が過ぎた日付です（今日は ${today}）。今日以降の日付にしてください。`,
    });
}
