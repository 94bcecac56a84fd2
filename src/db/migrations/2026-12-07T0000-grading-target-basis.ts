import { type Kysely, sql } from "kysely";

// 目標の集計方法: a numeric target is one year's value (single_year, also when null), a running sum from the
// plan's first year (cumulative, 累計) or a total over the plan period (period_total, 計画期間の合計).

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("indicator_targets")
    .addColumn("basis", "text", (c) => c.check(sql`basis in ('single_year', 'cumulative', 'period_total')`))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("indicator_targets").dropColumn("basis").execute();
}
