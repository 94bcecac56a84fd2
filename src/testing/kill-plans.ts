/** The two plans of the kill-during-import test: same municipality and key, a small one and a large one. */
import type { PlanDocumentInput } from "../core/plan-document/schema.ts";
import { syntheticPlan } from "./synthetic-plan.ts";

export function killPlans(): { small: PlanDocumentInput; large: PlanDocumentInput } {
  const small = syntheticPlan({ items: 6, indicatorsPerItem: 1 });
  const large = syntheticPlan({ items: 600, indicatorsPerItem: 3 });
  large.plan.key = small.plan.key;
  return { small, large };
}
