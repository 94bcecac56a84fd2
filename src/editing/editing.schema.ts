/** Inputs of plan editing, one zod schema each. */
import { z } from "zod";
import { versionField as version } from "../core/validation.ts";
import { FISCAL_EFFECT_KINDS, FISCAL_EFFECT_UNITS } from "../domain/evaluation/fiscal-effect.ts";
import { type ReadValue, readValue, TARGET_BASES } from "../domain/values/index.ts";

const title = z
  .string()
  .trim()
  .min(1, "名称を入力してください。")
  .max(300, "名称は300文字以内にしてください。");
const number = z.string().trim().max(20, "番号は20文字以内にしてください。");
const description = z.string().trim().max(4000, "取組内容は4000文字以内にしてください。");

export const addItemSchema = z.object({
  version,
  parent: z.string(),
  number,
  title,
  description,
  departments: z.array(z.string()),
});

export const updateItemSchema = z.object({ version, number, title, description });

/** 上へ・下へ: one place among the siblings. */
export const moveStepSchema = z.object({ version, direction: z.enum(["up", "down"]) });

/** To another parent, at a place among its children (1 = first). */
export const moveToSchema = z.object({
  version,
  parent: z.string(),
  position: z.coerce
    .number("順番を数字で入力してください。")
    .int("順番を数字で入力してください。")
    .min(1, "順番は1以上です。"),
});

export const renumberSchema = z.object({
  version,
  parent: z.string(),
  style: z.enum(["circled", "paren", "arabic", "roman", "fullwidth"], "番号の形式を選んでください。"),
});

export const addIndicatorSchema = z.object({
  version,
  action: z.enum(["preview", "save"]),
  indicatorName: z
    .string()
    .trim()
    .min(1, "指標の名称を入力してください。")
    .max(300, "指標の名称は300文字以内です。"),
  indicatorUnit: z.string().trim().max(20, "単位は20文字以内です。"),
  indicatorSeries: z.string().trim().max(200, "系列は200文字以内です。"),
  indicatorTarget: z.string().trim().max(200, "目標は200文字以内です。"),
});

export const addTargetSchema = z.object({
  version,
  action: z.enum(["preview", "save"]),
  targetFor: z.string().min(1, "指標を選んでください。"),
  targetText: z.string().trim().min(1, "目標を入力してください。").max(200, "目標は200文字以内です。"),
  targetBasis: z
    .enum(["", ...TARGET_BASES], "集計方法を選んでください。")
    .optional()
    .transform((b) => (b === "" ? undefined : b)),
});

/**
 * 財政効果額: an amount as typed (1,200 / １２．５ / 30百万円 when it says the chosen unit), or blank for "not
 * known". Refused with the field named: text that is not one number, a unit other than the one chosen, a
 * negative amount (the money an item saves or earns; 0 for a year it brought nothing).
 */
function amount(what: string) {
  return z
    .string()
    .trim()
    .max(30, `${what}は30文字以内で入力してください。`)
    .transform((s, ctx): { text: string; value: ReadValue | undefined } => {
      if (s === "") return { text: s, value: undefined };
      const v = readValue(s);
      if (v.kind === "empty") return { text: s, value: undefined };
      if (v.kind !== "number" || v.number === undefined || v.unreadable !== undefined) {
        ctx.addIssue({
          code: "custom",
          message: `${what}は数値で入力してください（例: 1,200、12.5）。「${s}」は数値として読めません。`,
        });
        return z.NEVER;
      }
      if (v.number < 0) {
        ctx.addIssue({
          code: "custom",
          message: `${what}は0以上で入力してください（効果がなかった年度は0、まだ分からない実績は空欄）。`,
        });
        return z.NEVER;
      }
      return { text: s, value: v };
    });
}

export const fiscalEffectSchema = z
  .object({
    version,
    effectYear: z
      .string()
      .trim()
      .regex(/^\d{4}$/, "財政効果額の年度を選んでください。")
      .transform(Number),
    effectKind: z.enum(FISCAL_EFFECT_KINDS, "財政効果額の種別（歳出削減・歳入確保）を選んでください。"),
    effectPlanned: amount("財政効果額の計画額"),
    effectActual: amount("財政効果額の実績額"),
    effectUnit: z.enum(FISCAL_EFFECT_UNITS, "財政効果額の単位は 円・千円・百万円 から選んでください。"),
    effectNote: z.string().trim().max(1000, "財政効果額の備考は1000文字以内で入力してください。"),
  })
  .superRefine((v, ctx) => {
    if (!v.effectPlanned.value && !v.effectActual.value)
      ctx.addIssue({
        code: "custom",
        path: ["effectPlanned"],
        message:
          "財政効果額の計画額か実績額のどちらかを入力してください（まだ分からない実績は空欄のままにします）。",
      });
    for (const f of ["effectPlanned", "effectActual"] as const) {
      const unit = v[f].value?.unit;
      if (unit && unit !== v.effectUnit)
        ctx.addIssue({
          code: "custom",
          path: [f],
          message: `${f === "effectPlanned" ? "財政効果額の計画額" : "財政効果額の実績額"}に単位「${unit}」が書かれていますが、単位欄は「${v.effectUnit}」です。数値だけを入力し、単位は単位欄で選んでください。`,
        });
    }
  });

export const removeFiscalEffectSchema = z.object({
  version,
  effectYear: z
    .string()
    .regex(/^\d{4}$/, "財政効果額の年度がありません。")
    .transform(Number),
  effectKind: z.enum(FISCAL_EFFECT_KINDS, "財政効果額の種別がありません。"),
});
