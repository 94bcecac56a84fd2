/**
 * Adding indicators and targets to an item: the target typed in Japanese notation is read back ("preview")
 * before it is stored.
 */
import { randomUUID } from "node:crypto";
import type { AuditEntry } from "../audit/audit.service.ts";
import { invalid, notFound } from "../core/errors.ts";
import type { Actor } from "../core/policy.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import * as repo from "./editing.repository.ts";
import { addIndicatorSchema, addTargetSchema } from "./editing.schema.ts";
import { edit, findWithPath, getPlanEditor, labelOf, planOf, uniqueKey } from "./plan-editor.service.ts";
import { readTargetText, type TargetReading } from "./target-reading.ts";

export type Preview = { kind: "preview"; readings: { series: string; reading: TargetReading }[] };

function targetColumns(r: TargetReading["reading"]): repo.TargetColumns {
  return {
    text: r.text.trim(),
    kind: r.kind,
    number: r.number ?? null,
    unit: r.unit ?? null,
    stage: r.stage ?? null,
    unreadable: r.unreadable ?? null,
    fiscal_year: r.fiscalYear ?? null,
    from_fiscal_year: r.fromFiscalYear ?? null,
    direction: r.direction ?? null,
    relative_to_fiscal_year: r.relativeToFiscalYear ?? null,
    change_amount: r.change?.amount ?? null,
    change_unit: r.change?.unit ?? null,
    basis: r.basis ?? null,
  };
}

/** 「男性、女性」 → ["男性", "女性"]. */
export function splitSeries(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,，・/／\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** Adds an indicator (and, when given, its target for every series); "preview" only reads the target back. */
export async function addIndicator(
  db: DB,
  user: Actor,
  planId: string,
  itemKey: string,
  raw: unknown,
): Promise<Preview | { kind: "saved"; key: string }> {
  const plan = await planOf(db, user, planId);
  const input = parseInput(addIndicatorSchema, raw);
  const series = splitSeries(input.indicatorSeries);
  const reading = input.indicatorTarget
    ? readTargetText(input.indicatorTarget, input.indicatorUnit || undefined)
    : undefined;
  if (input.action === "preview")
    return { kind: "preview", readings: reading ? [{ series: series.join("・"), reading }] : [] };
  return edit(db, user, plan.id, input.version, async (trx, rows) => {
    const row = rows.find((r) => r.key === itemKey);
    if (!row) throw notFound("指定された項目は見つかりません。");
    const existing = await repo.indicatorsOfItem(trx, user.municipalityCode, row.id);
    const key = uniqueKey(await repo.indicatorKeys(trx, user.municipalityCode, plan.id), `${itemKey}-i`);
    const id = randomUUID();
    await repo.insertIndicator(trx, {
      municipality_code: user.municipalityCode,
      id,
      plan_id: plan.id,
      item_id: row.id,
      key,
      position: existing.length,
      name: input.indicatorName,
      unit: input.indicatorUnit || null,
      series,
    });
    const audit: AuditEntry[] = [
      {
        action: "indicator.add",
        itemKey,
        subject: `${labelOf(row)} / ${input.indicatorName}`,
        after: { name: input.indicatorName, unit: input.indicatorUnit, series },
      },
    ];
    if (reading) {
      for (const s of series.length > 0 ? series : [""]) {
        await repo.insertTarget(trx, user.municipalityCode, id, s, targetColumns(reading.reading));
        audit.push({
          action: "target.add",
          itemKey,
          subject: `${labelOf(row)} / ${input.indicatorName}${s ? `（${s}）` : ""}`,
          after: { text: reading.reading.text.trim() },
        });
      }
    }
    return { result: { kind: "saved" as const, key }, audit };
  });
}

/** Adds a target to an indicator series of the item; "preview" only reads it back. */
/** The indicator and series of a target choice: a JSON pair (a form field may not carry control characters). */
function targetChoice(value: string): [string, string] {
  try {
    const v: unknown = JSON.parse(value);
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "string"))
      return [String(v[0]), String(v[1])];
  } catch {}
  return ["", ""];
}

export async function addTarget(
  db: DB,
  user: Actor,
  planId: string,
  itemKey: string,
  raw: unknown,
): Promise<Preview | { kind: "saved" }> {
  const plan = await planOf(db, user, planId);
  const input = parseInput(addTargetSchema, raw);
  const [indicatorKey, series = ""] = targetChoice(input.targetFor);
  const editor = await getPlanEditor(db, user, plan.id);
  const found = findWithPath(editor.doc.items, itemKey);
  const indicator = found?.item.indicators.find((i) => i.key === indicatorKey);
  if (!indicator || (series !== "" && !indicator.series.includes(series)))
    throw invalid({ targetFor: "指標が見つかりません。ページを読み込み直してください。" });
  const reading = readTargetText(input.targetText, indicator.unit, input.targetBasis);
  if (reading.basisProblem) throw invalid({ targetBasis: reading.basisProblem });
  if (input.action === "preview") return { kind: "preview", readings: [{ series, reading }] };
  return edit(db, user, plan.id, input.version, async (trx, rows) => {
    const row = rows.find((r) => r.key === itemKey);
    if (!row) throw notFound("指定された項目は見つかりません。");
    const ind = (await repo.indicatorsOfItem(trx, user.municipalityCode, row.id)).find(
      (i) => i.key === indicatorKey,
    );
    if (!ind) throw notFound("指定された指標は見つかりません。");
    await repo.insertTarget(trx, user.municipalityCode, ind.id, series, targetColumns(reading.reading));
    return {
      result: { kind: "saved" as const },
      audit: [
        {
          action: "target.add",
          itemKey,
          subject: `${labelOf(row)} / ${indicator.name}${series ? `（${series}）` : ""}`,
          after: { text: reading.reading.text.trim() },
        },
      ],
    };
  });
}
