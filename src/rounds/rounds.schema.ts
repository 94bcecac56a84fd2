/** Inputs of the reporting round, one zod schema each. Messages name the field, in Japanese. */
import { z } from "zod";
import { versionField } from "../core/validation.ts";

const version = versionField;
const text = (max: number, label: string) => z.string().max(max, `${label}は${max}文字以内にしてください。`);

const deadline = z
  .string()
  .refine((s) => s.trim() !== "", "回答期限を入力してください（例: 2026-06-30）。")
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "回答期限を 2026-06-30 の形で入力してください。")
      .refine(
        (s) =>
          !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
          new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
        {
          message: "回答期限の日付がありません（例: 2026-06-30）。",
        },
      ),
  );

export const openRoundSchema = z.object({
  planId: z.uuid("計画を選んでください。"),
  fiscalYear: z.coerce.number("年度を選んでください。").int("年度を選んでください。").min(1990).max(2200),
  deadline,
});

export const deadlineSchema = z.object({ version, deadline });

export const saveItemSchema = z.object({
  version,
  action: z.enum(["check", "save", "submit"], "操作を選んでください。"),
  actuals: z.array(
    z.object({
      indicator: z.string().min(1),
      series: z.string(),
      text: text(200, "実績値"),
    }),
  ),
  narrative: text(4000, "取組状況"),
  nextYearPlan: text(4000, "次年度の取組内容"),
  status: text(50, "状況"),
});
export type SaveItemInput = z.infer<typeof saveItemSchema>;

export const reviewSchema = z
  .object({
    version,
    decision: z.enum(["approve", "return"], "承認か差戻しかを選んでください。"),
    comment: text(2000, "コメント"),
  })
  .refine((r) => r.decision !== "return" || r.comment.trim() !== "", {
    path: ["comment"],
    message: "差し戻す理由をコメントに書いてください。",
  });

export const lockSchema = z.object({ version });

export const unlockSchema = z.object({
  version,
  reason: text(1000, "理由").refine((s) => s.trim() !== "", "ロックを解除する理由を書いてください。"),
});
