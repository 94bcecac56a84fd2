/**
 * Answering and reviewing one item of a round: a department (or the office) saves a draft or submits the
 * year's actuals and narrative; the office approves or returns it. Every write is checked against the
 * item-year's version so that nothing is silently overwritten, and recorded in the history.
 */
import { type AuditEntry, record } from "../audit/audit.service.ts";
import { authorize, invalid, notFound } from "../core/errors.ts";
import { type Actor, canEditRoundItem, isResponsibleFor, partIn } from "../core/policy.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { nextState as next } from "../domain/rounds/machine.ts";
import { composeStatus, composeText, itemStateOf } from "../domain/rounds/parts.ts";
import { checkActual, errorsOf, warningsOf } from "../domain/rounds/plausibility.ts";
import { type ItemState, STATE_LABELS } from "../domain/rounds/states.ts";
import * as parts from "./round-parts.repository.ts";
import * as values from "./round-values.repository.ts";
import {
  type Context,
  conflictError,
  entriesOfPart,
  type ItemDetail,
  type ItemStatus,
  loadItem,
  lockedError,
  type PartStatus,
  partRef,
  type SeriesEntry,
} from "./rounds.context.ts";
import * as repo from "./rounds.repository.ts";
import { type SaveItemInput, saveItemSchema } from "./rounds.schema.ts";
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

/** The part (department key) a form names, read before the form is checked. */
export function askedPart(raw: unknown): string | undefined {
  const p = typeof raw === "object" && raw !== null ? (raw as { part?: unknown }).part : undefined;
  return typeof p === "string" && p !== "" ? p : undefined;
}

/** The subject of a history entry: the item, and the part's department when the item has several. */
export function partLabel(ctx: Context, status: ItemStatus, part: PartStatus): string {
  const label = `${status.item.number ?? ""} ${status.item.title}`.trim();
  return status.parts.length > 1 ? `${label}（${ctx.deptName(part.departmentKey)}の回答）` : label;
}

/** Why a user may not change this part: another department's part, or its state. */
export function editRefusal(ctx: Context, user: Actor, status: ItemStatus, part: PartStatus): string {
  if (isResponsibleFor(user, status) && !isResponsibleFor(user, partRef(ctx, part)))
    return `この部分は${ctx.deptName(part.departmentKey)}の回答です。ほかの課の回答は変更できません。`;
  if (part.state === "submitted" || part.state === "approved")
    return `この${status.parts.length > 1 ? "回答部分" : "項目"}は${STATE_LABELS[part.state]}のため変更できません。`;
  return "この項目を編集する権限がありません。";
}

/**
 * Saves a draft, submits, or only reads the entries back (action "check") — of one department's part of the
 * item (the form's `part`; an item with one department has one part). Refused with a conflict when the part
 * changed since the form was made (its version), so that the second of two editors does not overwrite the
 * first; the page then keeps their text. A department never changes another department's part.
 */
export async function saveItem(
  db: DB,
  user: Actor,
  roundId: string,
  itemKey: string,
  raw: unknown,
): Promise<SaveResult> {
  const { ctx, status, part, rules } = await loadItem(db, user, roundId, itemKey, askedPart(raw));
  if (ctx.round.status === "locked") throw lockedError();
  authorize(canEditRoundItem(user, partRef(ctx, part)), editRefusal(ctx, user, status, part));
  const input = parseInput(saveItemSchema, raw);
  const matched = matchEntries(input, entriesOfPart(status, part, ctx.round.fiscal_year, rules));
  const understood = input.actuals.map((a, i) => checkEntry(matched[i]!, a.text, input.action === "submit"));
  if (input.action === "check") return { kind: "checked", understood };
  refuseImpossible(understood);
  if (input.action === "submit") refuseMissing(input, matched);

  const code = user.municipalityCode;
  const answer: Answer = { ctx, status, part, input, matched, understood };
  return db.transaction().execute(async (trx) => {
    if ((await repo.roundStatusForShare(trx, code, roundId)) !== "open") throw lockedError();
    await repo.ensureRoundItems(trx, code, roundId, [itemKey]);
    await parts.ensureParts(
      trx,
      code,
      roundId,
      status.parts.map((p) => ({ itemKey, departmentKey: p.departmentKey })),
    );
    const nextState: ItemState =
      next(
        ctx.round.status,
        part.state,
        partIn(user, partRef(ctx, part)),
        input.action === "submit" ? "submit" : "save",
      ) ?? part.state;
    const now = new Date();
    const ok = await parts.updatePart(trx, code, roundId, itemKey, part.departmentKey, input.version, {
      state: nextState,
      updated_by: user.name,
      updated_at: now,
      ...(input.action === "submit" ? { submitted_at: now } : {}),
      ...(status.parts.length > 1
        ? {
            narrative: input.narrative.trim() || null,
            next_year_plan: input.nextYearPlan.trim() || null,
            status: input.status.trim() || null,
          }
        : {}),
    });
    if (!ok) throw await conflictError(trx, code, roundId, itemKey, part.departmentKey);
    const audit = [
      ...(await storeActuals(trx, code, answer)),
      ...(await storeTexts(trx, code, answer)),
      ...(await storeState(trx, code, answer, nextState, now, user.name)),
    ];
    await record(trx, user, audit);
    return { kind: "saved" as const, state: nextState, changes: audit.length };
  });
}

/** One department's answer to an item, checked: what saveItem's steps store. */
type Answer = {
  ctx: Context;
  status: ItemStatus;
  part: PartStatus;
  input: SaveItemInput;
  /** the entry of each of the form's actuals, in the form's order */
  matched: SeriesEntry[];
  understood: Understood[];
};

/** The entry of each actual in the form; a form made before the indicators changed is refused. */
function matchEntries(input: SaveItemInput, entries: SeriesEntry[]): SeriesEntry[] {
  const matched = input.actuals.map((a) =>
    entries.find((e) => e.indicator.key === a.indicator && (e.series ?? "") === a.series),
  );
  if (matched.some((m) => m === undefined) || new Set(matched).size !== matched.length)
    throw invalid({
      _form: "指標が変更されたため、このフォームは使えません。ページを読み込み直してください。",
    });
  return matched as SeriesEntry[];
}

/** Values that cannot be (an impossible figure by the plan's rules) are never stored, not even in a draft. */
function refuseImpossible(understood: readonly Understood[]): void {
  const impossible: Record<string, string> = {};
  understood.forEach((u, i) => {
    if (u.errors.length > 0) impossible[`actuals.${i}.text`] = u.errors.join(" ");
  });
  if (Object.keys(impossible).length > 0)
    throw invalid(
      impossible,
      "受け付けられない値があるため、保存していません。各欄の理由を確かめてください。",
    );
}

/** A submitted answer fills every field (「—」 where there is no value). */
function refuseMissing(input: SaveItemInput, matched: readonly SeriesEntry[]): void {
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
    throw invalid(missing, "提出するには、すべての欄を埋めてください（下書きなら空欄のまま保存できます）。");
}

const itemLabel = (status: ItemStatus) => `${status.item.number ?? ""} ${status.item.title}`.trim();

/** The year's actuals that changed, stored as read (or removed when emptied), each in the history. */
async function storeActuals(trx: DB, code: string, a: Answer): Promise<AuditEntry[]> {
  const { ctx, input, matched, understood } = a;
  const fy = ctx.round.fiscal_year;
  const base = { planId: ctx.round.plan_id, itemKey: a.status.item.key, fiscalYear: fy };
  const ids = await values.indicatorIds(
    trx,
    code,
    ctx.round.plan_id,
    matched.map((m) => m.indicator.key),
  );
  const saved = await values.actualsOf(trx, code, [...ids.values()], fy);
  const audit: AuditEntry[] = [];
  for (const [i, entry] of input.actuals.entries()) {
    const e = matched[i]!;
    const id = ids.get(e.indicator.key);
    if (!id) throw invalid({ _form: "指標が見つかりません。ページを読み込み直してください。" });
    const series = e.series ?? "";
    const before = saved.find((s) => s.indicator_id === id && s.series === series);
    const text = entry.text.trim();
    if ((before?.text ?? "") === text) continue;
    const r = understood[i]!.reading;
    if (text === "") await values.deleteActual(trx, code, id, series, fy);
    else
      await values.upsertActual(trx, code, fy, {
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
      subject: `${itemLabel(a.status)} / ${e.indicator.name}${e.series ? `（${e.series}）` : ""} ${warekiFiscalYear(fy)}`,
      before: before ? { text: before.text } : null,
      after:
        text === "" ? null : { text, kind: r.kind, ...(r.unreadable ? { unreadable: r.unreadable } : {}) },
    });
  }
  return audit;
}

/** The item's texts of the year (取組状況, 次年度の予定, 状況) when they changed, in the history. */
async function storeTexts(trx: DB, code: string, a: Answer): Promise<AuditEntry[]> {
  const { ctx, status, part, input } = a;
  const fy = ctx.round.fiscal_year;
  const itemId = await values.findItemId(trx, code, ctx.round.plan_id, status.item.key);
  if (!itemId) throw notFound("項目が見つかりません。");
  const old = await values.progressOf(trx, code, itemId, fy);
  const was = {
    narrative: old?.narrative ?? "",
    nextYearPlan: old?.next_year_plan ?? "",
    status: old?.status ?? "",
  };
  const texts = {
    narrative: input.narrative.trim(),
    nextYearPlan: input.nextYearPlan.trim(),
    status: input.status.trim(),
  };
  // The item's texts: the part's own with one department; made from every part's with several.
  const now = status.parts.length > 1 ? await composedTexts(trx, ctx, status, part, texts, was) : texts;
  const changed = (Object.keys(now) as (keyof typeof now)[]).filter((k) => now[k] !== was[k]);
  if (changed.length === 0) return [];
  await values.upsertProgress(trx, code, itemId, fy, {
    narrative: now.narrative || null,
    next_year_plan: now.nextYearPlan || null,
    status: now.status || null,
  });
  return [
    {
      planId: ctx.round.plan_id,
      itemKey: status.item.key,
      fiscalYear: fy,
      action: "progress.set",
      subject: `${partLabel(ctx, status, part)} ${warekiFiscalYear(fy)}`,
      before: Object.fromEntries(changed.map((k) => [k, was[k]])),
      after: Object.fromEntries(changed.map((k) => [k, now[k]])),
    },
  ];
}

/** The item's state from its parts' (this part's new one included); the part's change of state in the history. */
async function storeState(
  trx: DB,
  code: string,
  a: Answer,
  nextState: ItemState,
  now: Date,
  /** the user's name, as the item's last writer */
  by: string,
): Promise<AuditEntry[]> {
  const { ctx, status, part, input } = a;
  const itemState = itemStateOf(
    status.parts.map((p) => (p.departmentKey === part.departmentKey ? nextState : p.state)),
  );
  await parts.setItemState(trx, code, ctx.round.id, status.item.key, {
    state: itemState,
    updated_by: by,
    updated_at: now,
    ...(input.action === "submit" && itemState === "submitted" ? { submitted_at: now } : {}),
  });
  if (nextState === part.state) return [];
  return [
    {
      planId: ctx.round.plan_id,
      itemKey: status.item.key,
      fiscalYear: ctx.round.fiscal_year,
      action: input.action === "submit" ? "round_item.submit" : "round_item.save",
      subject: `${partLabel(ctx, status, part)} ${warekiFiscalYear(ctx.round.fiscal_year)}`,
      before: { state: STATE_LABELS[part.state] },
      after: {
        state: STATE_LABELS[nextState],
        ...(status.parts.length > 1 && itemState !== nextState ? { itemState: STATE_LABELS[itemState] } : {}),
      },
    },
  ];
}

type Texts = { narrative: string; nextYearPlan: string; status: string };

/**
 * The item's texts made from its parts' texts, this part's new ones included. The first time a part of an
 * item with several departments writes, the item's earlier texts (imported, or written before the item had
 * parts) become the first part's, so that nothing written before is lost.
 */
async function composedTexts(
  trx: Parameters<typeof parts.roundParts>[0],
  ctx: Context,
  status: ItemStatus,
  part: PartStatus,
  mine: Texts,
  was: Texts,
): Promise<Texts> {
  const code = ctx.round.municipality_code;
  const untouched = status.parts.every(
    (p) => p.texts.narrative === null && p.texts.nextYearPlan === null && p.texts.status === null,
  );
  const first = status.parts[0]!;
  const inherited = untouched && first.departmentKey !== part.departmentKey;
  if (inherited)
    await parts.setPartTexts(trx, code, ctx.round.id, status.item.key, first.departmentKey, {
      narrative: was.narrative || null,
      next_year_plan: was.nextYearPlan || null,
      status: was.status || null,
    });
  const textOf = (p: PartStatus): Texts =>
    p.departmentKey === part.departmentKey
      ? mine
      : inherited && p.departmentKey === first.departmentKey
        ? was
        : {
            narrative: p.texts.narrative ?? "",
            nextYearPlan: p.texts.nextYearPlan ?? "",
            status: p.texts.status ?? "",
          };
  const all = status.parts.map((p) => ({ name: ctx.deptName(p.departmentKey), t: textOf(p) }));
  return {
    narrative: composeText(all.map((x) => ({ name: x.name, text: x.t.narrative }))),
    nextYearPlan: composeText(all.map((x) => ({ name: x.name, text: x.t.nextYearPlan }))),
    status: composeStatus(all.map((x) => x.t.status)),
  };
}
