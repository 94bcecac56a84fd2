/**
 * The target for the plan's total 財政効果額 (plan.fiscalEffectTarget), set on the plan editor: typed in the
 * plan's words (「5年間で累計500百万円」), read back before it is stored, refused unless it is an amount in
 * 円・千円・百万円; an empty field removes it. Checked against the plan's version, recorded in the history.
 */
import { z } from "zod";
import { invalid } from "../core/errors.ts";
import { effectTargetProblems } from "../core/plan-document/fiscal-effect.ts";
import type { Target } from "../core/plan-document/schema.ts";
import type { Actor } from "../core/policy.ts";
import { parseInput, versionField } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { TARGET_BASES } from "../domain/values/index.ts";
import * as repo from "./effects.repository.ts";
import { edit, planOf } from "./plan-editor.service.ts";
import { readTargetText, type TargetReading } from "./target-reading.ts";

const schema = z.object({
  version: versionField,
  action: z.enum(["preview", "save"], "「読み取り結果を確認」か「保存する」を押してください。"),
  effectTarget: z.string().trim().max(200, "財政効果額の目標は200文字以内で入力してください。"),
  effectTargetBasis: z
    .enum(["", ...TARGET_BASES], "財政効果額の目標の集計方法を選んでください。")
    .optional()
    .transform((b) => (b === "" ? undefined : b)),
});

/** What will be stored, or why not (the field named). */
function targetOf(input: z.output<typeof schema>): { target: Target | null; reading?: TargetReading } {
  if (input.effectTarget === "") return { target: null };
  const reading = readTargetText(input.effectTarget, undefined, input.effectTargetBasis);
  if (reading.basisProblem) throw invalid({ effectTargetBasis: `財政効果額の目標: ${reading.basisProblem}` });
  const r = reading.reading;
  const target: Target = { text: input.effectTarget, kind: r.kind };
  for (const k of ["number", "unit", "fiscalYear", "fromFiscalYear", "basis", "unreadable"] as const)
    if (r[k] !== undefined) Object.assign(target, { [k]: r[k] });
  const problem = effectTargetProblems(target)[0];
  if (problem) throw invalid({ effectTarget: problem.message });
  return { target, reading };
}

export type EffectTargetPreview = { description: string };

/** Previews ("preview") or stores the target; returns the preview, or null when stored. */
export async function setEffectTarget(
  db: DB,
  user: Actor,
  planId: string,
  raw: unknown,
): Promise<EffectTargetPreview | null> {
  const plan = await planOf(db, user, planId);
  const input = parseInput(schema, raw);
  const { target, reading } = targetOf(input);
  if (input.action === "preview")
    return { description: reading ? reading.description : "目標なし（保存すると目標を削除します）" };
  return edit(db, user, plan.id, input.version, async (trx) => {
    const before = await repo.effectTargetOf(trx, user.municipalityCode, plan.id);
    if ((before?.text ?? null) === (target?.text ?? null) && before?.basis === target?.basis)
      return { result: null, audit: [] };
    await repo.setEffectTarget(trx, user.municipalityCode, plan.id, target);
    return {
      result: null,
      audit: [
        {
          action: "plan.effect_target",
          subject: `計画「${plan.title}」の財政効果額の目標`,
          before: before ? before.text : null,
          after: target ? target.text : null,
        },
      ],
    };
  });
}
