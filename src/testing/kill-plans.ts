/**
 * The two plans of the kill-during-import test: same municipality and key, a small one and a larger one
 * (200 items of 2 indicators: about a hundred statements, each a point where the test kills the import).
 */
import type { PlanDocumentInput } from "../core/plan-document/schema.ts";
import { syntheticPlan } from "./synthetic-plan.ts";

export function killPlans(): { small: PlanDocumentInput; large: PlanDocumentInput } {
  const small = syntheticPlan({ items: 6, indicatorsPerItem: 1 });
  const large = syntheticPlan({ items: 200, indicatorsPerItem: 2 });
  large.plan.key = small.plan.key;
  return { small, large };
}
