import type { Kysely } from "kysely";

// The target for the plan's total 財政効果額 (plan.fiscalEffectTarget of the plan document: a numeric target in
// 円・千円・百万円 such as 「5年間で累計500百万円」), kept whole as one JSON value with the plan. NULL: none.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("plans").addColumn("fiscal_effect_target", "jsonb").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("plans").dropColumn("fiscal_effect_target").execute();
}
