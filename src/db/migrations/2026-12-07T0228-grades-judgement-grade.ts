import type { Kysely } from "kysely";

// A reviewer may set one of the plan's own grades (plan.scales.outcome, e.g. a grade whose rule is "set by
// the reviewer") for an indicator, series and fiscal year. NULL: the judgement sets gyokaku's status. With a
// grade, `status` holds the status the rule computed when the judgement was made (readers that know only
// gyokaku's statuses keep working); the evaluation uses the grade and leaves the status as computed.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("indicator_judgements").addColumn("grade", "text").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("indicator_judgements").dropColumn("grade").execute();
}
