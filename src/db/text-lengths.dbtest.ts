/**
 * The database holds the plan's main free-text columns to the plan document's length limits (migration
 * 2026-12-07T0600-hostile-text-lengths): a longer text written by hand is refused, one at the limit is kept.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Migrator, sql } from "kysely";
import { TEXT_LIMITS } from "../domain/text.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { migrate, type OpenDatabase, openDatabase } from "./database.ts";
import { TEXT_COLUMN_LIMITS } from "./migrations/2026-12-07T0600-hostile-text-lengths.ts";
import { migrationProvider } from "./migrations/index.ts";

describe("length limits of the free-text columns in the database", () => {
  let open: OpenDatabase;
  before(async () => {
    open = await openTestDatabase();
    await importDocuments(open.db, [samplePlanDocument()]);
  });
  after(async () => open.close());

  test("the limits are the plan document's (src/domain/text.ts)", () => {
    assert.equal(TEXT_COLUMN_LIMITS.plans!.title, TEXT_LIMITS.name);
    assert.equal(TEXT_COLUMN_LIMITS.plan_items!.description, TEXT_LIMITS.long);
    assert.equal(TEXT_COLUMN_LIMITS.actual_values!.text, TEXT_LIMITS.value);
  });

  for (const [table, column, max] of [
    ["plans", "title", TEXT_LIMITS.name],
    ["plan_items", "title", TEXT_LIMITS.name],
    ["plan_items", "description", TEXT_LIMITS.long],
    ["indicators", "name", TEXT_LIMITS.name],
    ["actual_values", "text", TEXT_LIMITS.value],
    ["department_names", "name", TEXT_LIMITS.name],
    ["municipalities", "name", TEXT_LIMITS.name],
  ] as const) {
    test(`${table}.${column}: ${max.toLocaleString("en-US")} characters kept, one more refused`, async () => {
      const set = (n: number) =>
        sql`update ${sql.table(table)} set ${sql.ref(column)} = repeat('長', ${n}::int)`.execute(open.db);
      await assert.rejects(set(max + 1), (e: unknown) => {
        assert.match(String((e as Error).message), new RegExp(`${table}_${column}_length`));
        return true;
      });
      await set(max);
      const longest = await sql<{ n: number }>`select max(char_length(${sql.ref(column)}))::int as n
        from ${sql.table(table)}`.execute(open.db);
      assert.equal(longest.rows[0]!.n, max);
    });
  }

  test("a longer text stored before the limits is kept: the migration runs, later writes are checked", async () => {
    const old = await openDatabase({ kind: "pglite-memory" }, { migrate: false });
    try {
      const r = await new Migrator({ db: old.db, provider: migrationProvider }).migrateTo(
        "2026-12-07T0238-effect-plan-target",
      );
      assert.equal(r.error, undefined);
      const long = "長".repeat(TEXT_LIMITS.name + 5);
      await sql`insert into municipalities (municipality_code, name) values ('012173', ${long})`.execute(
        old.db,
      );
      await migrate(old.db);
      const kept = await sql<{ name: string }>`select name from municipalities`.execute(old.db);
      assert.equal(kept.rows[0]!.name, long);
      await assert.rejects(
        sql`insert into municipalities (municipality_code, name) values ('012025', ${long})`.execute(old.db),
        /municipalities_name_length/,
      );
      // the other columns, without longer rows, were checked in full
      const valid = await sql<{ conname: string; convalidated: boolean }>`select conname, convalidated
        from pg_constraint where conname in ('municipalities_name_length', 'plans_title_length')
        order by conname`.execute(old.db);
      assert.deepEqual(valid.rows, [
        { conname: "municipalities_name_length", convalidated: false },
        { conname: "plans_title_length", convalidated: true },
      ]);
    } finally {
      await old.close();
    }
  });
});
