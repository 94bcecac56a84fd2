/**
 * The plan's own scales (issue 10.5), kept in the plan document under `plan.scales`:
 * - `outcome`: the grades the plan gives an indicator or item (S/A/B/C, ◎/○/△/×), best first, each with a
 *   rule: an achievement-rate threshold (達成率 ≥ X %), "everything below the thresholds", or "set by the reviewer";
 * - `implementation`: the plan's implementation vocabulary (検討中・部分実施・達成), lowest first, with the
 *   states that count as done.
 * Without `scales` gyokaku's own scale is used, so the seeds are graded as before.
 */
import { z } from "zod";

export const gradeRuleSchema = z
  .object({
    atLeast: z
      .number()
      .min(0)
      .max(10000)
      .optional()
      .describe("the grade is given from this achievement rate on, in percent (達成率 ≥ 80 % → 80)"),
    otherwise: z
      .literal(true)
      .optional()
      .describe("the grade for every rate below the lowest threshold (the last threshold grade)"),
    reviewer: z.literal(true).optional().describe("the grade is set by the reviewer, never computed"),
  })
  .strict()
  .describe("exactly one of atLeast, otherwise, reviewer");

export const gradeSchema = z
  .object({
    label: z.string().trim().min(1).max(40).describe("the grade as the plan prints it: S, A, 達成"),
    symbol: z.string().trim().min(1).max(4).optional().describe("the mark printed with it: ◎, ○, △"),
    rule: gradeRuleSchema.optional(),
  })
  .strict();

export const implementationStateSchema = z
  .object({
    label: z.string().trim().min(1).max(40).describe("the word as the plan writes it: 検討中, 部分実施"),
    done: z.boolean().optional().describe("true when this state counts as done (完了 in the tallies)"),
  })
  .strict();

export const scalesSchema = z
  .object({
    outcome: z
      .object({ grades: z.array(gradeSchema).min(2).max(12).describe("best grade first") })
      .strict()
      .optional()
      .describe("the plan's outcome scale; without it gyokaku's 達成・順調・遅れ・未達成"),
    implementation: z
      .object({ states: z.array(implementationStateSchema).min(2).max(12).describe("lowest state first") })
      .strict()
      .optional()
      .describe("the plan's implementation vocabulary; without it gyokaku's 未着手・取組中・完了"),
  })
  .strict()
  .superRefine((s, ctx) => {
    for (const [i, g] of (s.outcome?.grades ?? []).entries()) {
      const path = ["outcome", "grades", i];
      const rules = [g.rule?.atLeast !== undefined, g.rule?.otherwise, g.rule?.reviewer].filter(Boolean);
      if (rules.length !== 1)
        ctx.addIssue({
          code: "custom",
          path: [...path, "rule"],
          message:
            rules.length === 0
              ? `評価「${g.label}」に基準がありません（atLeast・otherwise・reviewer のいずれか一つ）`
              : `評価「${g.label}」の基準は一つだけにしてください`,
        });
    }
    const grades = s.outcome?.grades ?? [];
    let previous: { at: number; label: string } | undefined;
    let otherwiseAt: number | undefined;
    for (const [i, g] of grades.entries()) {
      const at = g.rule?.atLeast;
      if (at !== undefined && g.rule?.otherwise === undefined && g.rule?.reviewer === undefined) {
        if (otherwiseAt !== undefined)
          ctx.addIssue({
            code: "custom",
            path: ["outcome", "grades", i, "rule", "atLeast"],
            message: `基準値の評価は「それ未満」の評価（grades[${otherwiseAt}]）より前に並べてください`,
          });
        if (previous && at >= previous.at)
          ctx.addIssue({
            code: "custom",
            path: ["outcome", "grades", i, "rule", "atLeast"],
            message: `基準値は上の評価から順に小さくしてください（「${previous.label}」${previous.at}% の次に ${at}%）`,
          });
        previous = { at, label: g.label };
      }
      if (g.rule?.otherwise) {
        if (otherwiseAt !== undefined)
          ctx.addIssue({
            code: "custom",
            path: ["outcome", "grades", i, "rule", "otherwise"],
            message: "「それ未満」の評価は一つだけです",
          });
        else if (!previous)
          ctx.addIssue({
            code: "custom",
            path: ["outcome", "grades", i, "rule", "otherwise"],
            message: "「それ未満」の評価の前に基準値（atLeast）の評価が必要です",
          });
        otherwiseAt = i;
      }
    }
    duplicates(
      grades.map((g) => g.label),
      ["outcome", "grades"],
      ctx,
    );
    const states = s.implementation?.states ?? [];
    duplicates(
      states.map((st) => st.label),
      ["implementation", "states"],
      ctx,
    );
    if (states.length && !states.some((st) => st.done))
      ctx.addIssue({
        code: "custom",
        path: ["implementation", "states"],
        message: "完了とみなす状態（done: true）が一つ以上必要です",
      });
  });

function duplicates(labels: readonly string[], path: (string | number)[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const [i, l] of labels.entries()) {
    if (seen.has(l))
      ctx.addIssue({ code: "custom", path: [...path, i, "label"], message: `「${l}」が重複しています` });
    seen.add(l);
  }
}

export type PlanScales = z.output<typeof scalesSchema>;
export type OutcomeGrade = z.output<typeof gradeSchema>;
export type ImplementationState = z.output<typeof implementationStateSchema>;
