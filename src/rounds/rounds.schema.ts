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

export const lockSchema = z.object({
  version,
  confirm: z.literal(
    "yes",
    "ロックする前に、未回答・未承認の件数を確かめて「ロックを確定する」を押してください。",
  ),
});

export const unlockSchema = z.object({
  version,
  reason: text(1000, "理由").refine((s) => s.trim() !== "", "ロックを解除する理由を書いてください。"),
});

/** A limit typed by the office: empty means no limit; half- or full-width digits. */
const limit = (label: string) =>
  z
    .string()
    .transform((s) => s.normalize("NFKC").replace(/,/g, "").trim())
    .refine(
      (s) => s === "" || /^-?\d+(\.\d+)?$/.test(s),
      `${label}は数値で入力してください（制限しないなら空欄）。`,
    )
    .transform((s) => (s === "" ? null : Number(s)));

export const ruleSchema = z
  .object({
    action: z.enum(["save", "reset"], "保存か既定に戻すかを選んでください。"),
    min: limit("下限"),
    max: limit("上限"),
    integer: z
      .string()
      .optional()
      .transform((s) => s === "on" || s === "1"),
    jumpFactor: limit("前年度比の倍率").refine(
      (n) => n === null || n > 1,
      "前年度比の倍率は 1 より大きい数にしてください（確認しないなら空欄）。",
    ),
  })
  .refine((r) => r.min === null || r.max === null || r.min <= r.max, {
    path: ["max"],
    message: "上限は下限以上にしてください。",
  });
