/** Inputs of plan editing, one zod schema each. */
import { z } from "zod";
import { versionField as version } from "../core/validation.ts";
import { TARGET_BASES } from "../domain/values/index.ts";

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
