/**
 * Answering and reviewing one item of a round: a department (or the office) saves a draft or submits the
 * year's actuals and narrative; the office approves or returns it. Every write is checked against the
 * item-year's version so that nothing is silently overwritten, and recorded in the history.
 */
import { type AuditEntry, record } from "../audit/audit.service.ts";
import { authorize, invalid, notFound } from "../core/errors.ts";
import {
  type Actor,
  canApproveRoundItem,
  canEditRoundItem,
  canReturnRoundItem,
  canReview,
  partIn,
} from "../core/policy.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { nextState as next } from "../domain/rounds/machine.ts";
import { checkActual, errorsOf, warningsOf } from "../domain/rounds/plausibility.ts";
import { type ItemState, STATE_LABELS } from "../domain/rounds/states.ts";
import { insertMessage } from "./conversation.repository.ts";
import { recordRoundEvent } from "./outbox.repository.ts";
import {
  conflictError,
  entriesOf,
  type ItemDetail,
  itemRef,
  loadItem,
  lockedError,
  type SeriesEntry,
} from "./rounds.context.ts";
import * as repo from "./rounds.repository.ts";
import { reviewSchema, type SaveItemInput, saveItemSchema } from "./rounds.schema.ts";
import { type Understood, understand } from "./understood.ts";

export type SaveResult =
  | { kind: "checked"; understood: Understood[] }
  | { kind: "saved"; state: ItemState; changes: number };

/**
 * One entry read and checked against its plausibility rule: the reader's warnings, then the rule's warnings
 * (a jump from last year, text in a draft) and errors (impossible values; text on submitting).
 */
export function checkEntry(e: SeriesEntry, text: string, submitting: boolean): Understood {
  const u = understand(text, { unit: e.indicator.unit, stages: e.indicator.stages }, e.series);
  const findings = checkActual(e.rule, u.reading, {
    unit: e.indicator.unit,
    previous: e.lastYear,
    submitting,
  });
  // The reader already says that a word is not a number; the rule's words say what to do about it.
  const replaced = u.reading.kind === "text" && e.rule.numeric;
  return {
    ...u,
    warnings: [
      ...(replaced ? u.warnings.filter((w) => !w.includes("数値でない")) : u.warnings),
      ...warningsOf(findings).map((f) => f.message),
    ],
    errors: errorsOf(findings).map((f) => f.message),
  };
}

/** How each entry of a form would be (or was) read and checked, in the form's order. */
export function understandEntries(
  detail: Pick<ItemDetail, "entries">,
  input: Pick<SaveItemInput, "actuals">,
  submitting = false,
): (Understood | undefined)[] {
  return input.actuals.map((a) => {
    if (a.text.trim() === "") return undefined;
    const e = detail.entries.find((x) => x.indicator.key === a.indicator && (x.series ?? "") === a.series);
    if (!e) return understand(a.text, {}, undefined);
    return checkEntry(e, a.text, submitting);
  });
}

export type OpenFindings = { warnings: string[]; errors: string[] };

/** What a reviewer must look at before approving the saved answer: each entry's warnings and errors, named. */
export function openFindings(entries: readonly SeriesEntry[]): OpenFindings {
  const out: OpenFindings = { warnings: [], errors: [] };
  for (const e of entries) {
    if (!e.current || e.current.text.trim() === "") continue;
    const u = checkEntry(e, e.current.text, true);
    const name = `${e.indicator.name}${e.series ? `（${e.series}）` : ""}「${e.current.text}」`;
    out.warnings.push(...u.warnings.map((w) => `${name}: ${w}`));
    out.errors.push(...u.errors.map((w) => `${name}: ${w}`));
  }
  return out;
}

/**
 * Saves a draft, submits, or only reads the entries back (action "check"). Refused with a conflict when the
 * item-year changed since the form was made (its version), so that the second of two editors does not
 * overwrite the first; the page then keeps their text.
 */
export async function saveItem(
  db: DB,
  user: Actor,
  roundId: string,
  itemKey: string,
  raw: unknown,
): Promise<SaveResult> {
  const { ctx, status, rules } = await loadItem(db, user, roundId, itemKey);
  if (ctx.round.status === "locked") throw lockedError();
  authorize(
    canEditRoundItem(user, itemRef(ctx, status)),
    status.state === "submitted" || status.state === "approved"
      ? `この項目は${STATE_LABELS[status.state]}のため変更できません。`
      : "この項目を編集する権限がありません。",
  );
  const input = parseInput(saveItemSchema, raw);
  const fy = ctx.round.fiscal_year;
  const entries = entriesOf(status.item, fy, rules);
  const matched = input.actuals.map((a) =>
    entries.find((e) => e.indicator.key === a.indicator && (e.series ?? "") === a.series),
  );
  if (matched.some((m) => m === undefined) || new Set(matched).size !== matched.length)
    throw invalid({
      _form: "指標が変更されたため、このフォームは使えません。ページを読み込み直してください。",
    });
  const understood = input.actuals.map((a, i) => checkEntry(matched[i]!, a.text, input.action === "submit"));
  if (input.action === "check") return { kind: "checked", understood };
  const impossible: Record<string, string> = {};
  understood.forEach((u, i) => {
    if (u.errors.length > 0) impossible[`actuals.${i}.text`] = u.errors.join(" ");
  });
  if (Object.keys(impossible).length > 0)
    throw invalid(
      impossible,
      "受け付けられない値があるため、保存していません。各欄の理由を確かめてください。",
    );
  if (input.action === "submit") {
    const missing: Record<string, string> = {};
    input.actuals.forEach((a, i) => {
      if (a.text.trim() === "") {
        const e = matched[i]!;
        missing[`actuals.${i}.text`] =
          `${e.indicator.name}${e.series ? `（${e.series}）` : ""}の実績値を入力してください（値がなければ「—」）。`;
      }
    });
    if (input.narrative.trim() === "") missing.narrative = "取組状況を入力してください。";
    if (Object.keys(missing).length > 0)
      throw invalid(
        missing,
        "提出するには、すべての欄を埋めてください（下書きなら空欄のまま保存できます）。",
      );
  }

  const code = user.municipalityCode;
  const planId = ctx.round.plan_id;
  const label = `${status.item.number ?? ""} ${status.item.title}`.trim();
  return db.transaction().execute(async (trx) => {
    if ((await repo.roundStatusForShare(trx, code, roundId)) !== "open") throw lockedError();
    await repo.ensureRoundItems(trx, code, roundId, [itemKey]);
    const nextState: ItemState =
      next(
        ctx.round.status,
        status.state,
        partIn(user, itemRef(ctx, status)),
        input.action === "submit" ? "submit" : "save",
      ) ?? status.state;
    const now = new Date();
    const ok = await repo.updateRoundItem(trx, code, roundId, itemKey, input.version, {
      state: nextState,
      updated_by: user.name,
      updated_at: now,
      ...(input.action === "submit" ? { submitted_at: now } : {}),
    });
    if (!ok) throw await conflictError(trx, code, roundId, itemKey);

    const audit: AuditEntry[] = [];
    const base = { planId, itemKey, fiscalYear: fy };
    const ids = await repo.indicatorIds(
      trx,
      code,
      planId,
      matched.map((m) => m!.indicator.key),
    );
    const saved = await repo.actualsOf(trx, code, [...ids.values()], fy);
    for (const [i, a] of input.actuals.entries()) {
      const e = matched[i]!;
      const id = ids.get(e.indicator.key);
      if (!id) throw invalid({ _form: "指標が見つかりません。ページを読み込み直してください。" });
      const series = e.series ?? "";
      const before = saved.find((s) => s.indicator_id === id && s.series === series);
      const text = a.text.trim();
      if ((before?.text ?? "") === text) continue;
      const r = understood[i]!.reading;
      if (text === "") await repo.deleteActual(trx, code, id, series, fy);
      else
        await repo.upsertActual(trx, code, fy, {
          indicator_id: id,
          series,
          text,
          kind: r.kind,
          number: r.kind === "number" ? (r.number ?? null) : null,
          unit: r.kind === "number" ? (r.unit ?? null) : null,
          stage: r.kind === "stage" ? (r.stage ?? null) : null,
          unreadable: r.unreadable ?? null,
        });
      audit.push({
        ...base,
        action: "actual.set",
        subject: `${label} / ${e.indicator.name}${e.series ? `（${e.series}）` : ""} ${warekiFiscalYear(fy)}`,
        before: before ? { text: before.text } : null,
        after:
          text === "" ? null : { text, kind: r.kind, ...(r.unreadable ? { unreadable: r.unreadable } : {}) },
      });
    }

    const itemId = await repo.findItemId(trx, code, planId, itemKey);
    if (!itemId) throw notFound("項目が見つかりません。");
    const old = await repo.progressOf(trx, code, itemId, fy);
    const now3 = {
      narrative: input.narrative.trim(),
      nextYearPlan: input.nextYearPlan.trim(),
      status: input.status.trim(),
    };
    const was = {
      narrative: old?.narrative ?? "",
      nextYearPlan: old?.next_year_plan ?? "",
      status: old?.status ?? "",
    };
    const changed = (Object.keys(now3) as (keyof typeof now3)[]).filter((k) => now3[k] !== was[k]);
    if (changed.length > 0) {
      await repo.upsertProgress(trx, code, itemId, fy, {
        narrative: now3.narrative || null,
        next_year_plan: now3.nextYearPlan || null,
        status: now3.status || null,
      });
      audit.push({
        ...base,
        action: "progress.set",
        subject: `${label} ${warekiFiscalYear(fy)}`,
        before: Object.fromEntries(changed.map((k) => [k, was[k]])),
        after: Object.fromEntries(changed.map((k) => [k, now3[k]])),
      });
    }
    if (nextState !== status.state) {
      audit.push({
        ...base,
        action: input.action === "submit" ? "round_item.submit" : "round_item.save",
        subject: `${label} ${warekiFiscalYear(fy)}`,
        before: { state: STATE_LABELS[status.state] },
        after: { state: STATE_LABELS[nextState] },
      });
    }
    await record(trx, user, audit);
    return { kind: "saved" as const, state: nextState, changes: audit.length };
  });
}
/** Approves a submitted item or returns it to its department with a comment. */
export async function reviewItem(
  db: DB,
  user: Actor,
  roundId: string,
  itemKey: string,
  raw: unknown,
): Promise<ItemState> {
  const { ctx, status, rules } = await loadItem(db, user, roundId, itemKey);
  if (ctx.round.status === "locked") throw lockedError();
  const ref = itemRef(ctx, status);
  authorize(
    canApproveRoundItem(user, ref) || canReturnRoundItem(user, ref),
    reviewRefusal(user, status.state),
  );
  const input = parseInput(reviewSchema, raw);
  const approve = input.decision === "approve";
  authorize(
    approve ? canApproveRoundItem(user, ref) : canReturnRoundItem(user, ref),
    reviewRefusal(user, status.state),
  );
  const next: ItemState = approve ? "approved" : "returned";
  const fy = ctx.round.fiscal_year;
  const findings = openFindings(entriesOf(status.item, fy, rules));
  if (approve) approvable(findings, input.comment);
  const label = `${status.item.number ?? ""} ${status.item.title}`.trim();
  await db.transaction().execute(async (trx) => {
    if ((await repo.roundStatusForShare(trx, user.municipalityCode, roundId)) !== "open") throw lockedError();
    const now = new Date();
    const ok = await repo.updateRoundItem(trx, user.municipalityCode, roundId, itemKey, input.version, {
      state: next,
      reviewed_at: now,
      updated_by: user.name,
      updated_at: now,
      return_comment: approve ? null : input.comment.trim(),
    });
    if (!ok) throw await conflictError(trx, user.municipalityCode, roundId, itemKey);
    await record(trx, user, [
      {
        action: approve ? "round_item.approve" : "round_item.return",
        planId: ctx.round.plan_id,
        itemKey,
        fiscalYear: fy,
        subject: `${label} ${warekiFiscalYear(fy)}`,
        before: { state: STATE_LABELS[status.state] },
        after: { state: STATE_LABELS[next] },
        note: reviewNote(approve, findings, input.comment),
        ...(approve && findings.warnings.length > 0
          ? { after: { state: STATE_LABELS[next], warnings: findings.warnings } }
          : {}),
      },
    ]);
    const comment = input.comment.trim();
    if (comment)
      await insertMessage(trx, user, {
        roundId,
        itemKey,
        kind: approve ? "comment" : "return",
        body: comment,
      });
    await recordRoundEvent(trx, user, { roundId, itemKey, kind: next, note: comment || undefined });
  });
  return next;
}

/**
 * Whether an answer can be approved: never with an impossible value (it must be returned), and over open
 * warnings only with a reason, which the history keeps.
 */
export function approvable(findings: OpenFindings, reason: string): void {
  if (findings.errors.length > 0)
    throw invalid({
      _form: `受け付けられない値があるため承認できません。差し戻してください: ${findings.errors.join(" / ")}`,
    });
  if (findings.warnings.length > 0 && reason.trim() === "")
    throw invalid({
      reason: `注意が ${findings.warnings.length} 件あります。注意を確認したうえで承認する理由を書いてください（履歴に残ります）。`,
    });
}

function reviewNote(approve: boolean, findings: OpenFindings, comment: string): string | undefined {
  const c = comment.trim();
  if (approve && findings.warnings.length > 0)
    return `注意 ${findings.warnings.length} 件を確認のうえ承認: ${c}`;
  return c || undefined;
}

function reviewRefusal(user: Actor, state: ItemState): string {
  if (!canReview(user)) return "承認と差戻しは行革担当と管理者が行います。";
  return `この項目は${STATE_LABELS[state]}のため、いまは承認・差戻しできません。`;
}
