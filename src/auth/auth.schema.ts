/** Inputs of the account capability, one zod schema each. */
import { z } from "zod";
import { ROLES } from "../core/policy.ts";
import type { Role } from "../domain/roles.ts";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "メールアドレスを入力してください。")
  .pipe(z.email("メールアドレスの形式が正しくありません（例: taro@city.example.lg.jp）。"));

export const newUserSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1, "氏名を入力してください。").max(100, "氏名は100文字以内にしてください。"),
    role: z.enum(ROLES as [Role, ...Role[]], "役割を選んでください（admin, office, department, viewer）。"),
    departments: z.array(z.string().trim().min(1)).default([]),
    municipalityCode: z.string().trim().optional(),
    municipalityName: z.string().trim().optional(),
  })
  .refine((u) => u.role !== "department" || u.departments.length > 0, {
    path: ["departments"],
    message: "所管課の利用者には担当する部署を一つ以上指定してください。",
  })
  .refine((u) => u.role === "department" || u.departments.length === 0, {
    path: ["departments"],
    message: "部署を指定できるのは所管課の利用者だけです。",
  });
export type NewUserInput = z.input<typeof newUserSchema>;

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "パスワードを入力してください。").max(200, "パスワードが長すぎます。"),
  /** the municipality's code; empty when the instance has one municipality (the page then asks nothing) */
  municipality: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(
      z
        .string()
        .regex(/^\d{6}$/, "団体を選んでください。")
        .optional(),
    ),
});
