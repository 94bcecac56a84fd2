/**
 * The plausibility rules of a round's indicators, for the reform office to see and change: each rule is
 * derived from the indicator's unit and kind (src/domain/rounds/plausibility.ts); the office may raise a
 * percentage's upper limit, drop the jump check, set its own factor … Changes are kept per plan and
 * indicator key and recorded in the history.
 */
import { record } from "../audit/audit.service.ts";
import { authorize, invalid } from "../core/errors.ts";
import type { Indicator } from "../core/plan-document/schema.ts";
import { type Actor, canEditPlan } from "../core/policy.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import {
  derivedRule,
  describeRule,
  effectiveRule,
  indicatorKind,
  type PlausibilityRule,
  type RuleOverride,
} from "../domain/rounds/plausibility.ts";
import { deleteRuleOverride, ruleOverrides, saveRuleOverride } from "./round-rules.repository.ts";
import { loadContext, type RoundView } from "./rounds.context.ts";
import { ruleSchema } from "./rounds.schema.ts";

export type IndicatorRule = {
  indicator: Indicator;
  itemLabel: string;
  derived: PlausibilityRule;
  override: RuleOverride | undefined;
  rule: PlausibilityRule;
  derivedText: string;
  ruleText: string;
};

export type RulesView = { round: RoundView; rules: IndicatorRule[]; canEdit: boolean };

/** Every indicator the round asks about, with its derived rule and the one in force. */
export async function getRules(db: DB, user: Actor, roundId: string): Promise<RulesView> {
  const ctx = await loadContext(db, user, roundId);
  const overrides = await ruleOverrides(db, user.municipalityCode, ctx.round.plan_id);
  const rules = ctx.items.flatMap(({ item }) =>
    item.indicators.map((indicator) => {
      const derived = derivedRule({ unit: indicator.unit, kind: indicatorKind(indicator) });
      const override = overrides.get(indicator.key);
      const rule = effectiveRule(derived, override);
      return {
        indicator,
        itemLabel: `${item.number ?? ""} ${item.title}`.trim(),
        derived,
        override,
        rule,
        derivedText: describeRule(derived, indicator.unit),
        ruleText: describeRule(rule, indicator.unit),
      };
    }),
  );
  return {
    round: ctx.view,
    rules,
    canEdit: canEditPlan(user, { municipalityCode: ctx.round.municipality_code }),
  };
}

/** Sets (or, with action "reset", drops) the office's changes to one indicator's rule. */
export async function saveRule(
  db: DB,
  user: Actor,
  roundId: string,
  indicatorKey: string,
  raw: unknown,
): Promise<void> {
  const ctx = await loadContext(db, user, roundId);
  authorize(
    canEditPlan(user, { municipalityCode: ctx.round.municipality_code }),
    "妥当性の確認ルールを変えられるのは行革担当と管理者です。",
  );
  const input = parseInput(ruleSchema, raw);
  const indicator = ctx.items.flatMap(({ item }) => item.indicators).find((i) => i.key === indicatorKey);
  if (!indicator) throw invalid({ _form: `指標「${indicatorKey}」はこの照会の対象にありません。` });
  const derived = derivedRule({ unit: indicator.unit, kind: indicatorKind(indicator) });
  if (!derived.numeric) throw invalid({ _form: "数値の指標ではないため、確認ルールはありません。" });
  const before = effectiveRule(
    derived,
    (await ruleOverrides(db, user.municipalityCode, ctx.round.plan_id)).get(indicatorKey),
  );
  const override: RuleOverride | undefined =
    input.action === "reset"
      ? undefined
      : { min: input.min, max: input.max, integer: input.integer, jumpFactor: input.jumpFactor };
  const after = effectiveRule(derived, override);
  await db.transaction().execute(async (trx) => {
    if (override)
      await saveRuleOverride(
        trx,
        user.municipalityCode,
        ctx.round.plan_id,
        indicatorKey,
        override,
        user.name,
      );
    else await deleteRuleOverride(trx, user.municipalityCode, ctx.round.plan_id, indicatorKey);
    await record(trx, user, [
      {
        action: "indicator_rule.set",
        planId: ctx.round.plan_id,
        subject: `指標 ${indicator.name} の確認ルール`,
        before: { rule: describeRule(before, indicator.unit) },
        after: { rule: describeRule(after, indicator.unit) },
        note: input.action === "reset" ? "単位から決まる既定のルールに戻しました" : undefined,
      },
    ]);
  });
}
