/** plans.scales: plan.scales of the plan document as stored (src/core/plan-document/scales.ts validates it). */
export type PlanScalesJson = {
  outcome?:
    | {
        grades: {
          label: string;
          symbol?: string | undefined;
          rule?:
            | { atLeast?: number | undefined; otherwise?: true | undefined; reviewer?: true | undefined }
            | undefined;
        }[];
      }
    | undefined;
  implementation?: { states: { label: string; done?: boolean | undefined }[] } | undefined;
};
