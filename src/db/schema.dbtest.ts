import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { sql } from "kysely";
import { exportDocument, importDocuments, listPlans } from "../plans/plans.service.ts";
import { openPostgresTestDatabase, postgresAvailable } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import type { DB } from "./database.ts";
import { openDatabase } from "./database.ts";

async function describeSchema(db: DB) {
  const columns = await sql<Record<string, unknown>>`
    select table_name, column_name, data_type, is_nullable, column_default, ordinal_position
    from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`.execute(
    db,
  );
  const constraints = await sql<Record<string, unknown>>`
    select tc.table_name, tc.constraint_name, tc.constraint_type,
      string_agg(kcu.column_name, ',' order by kcu.ordinal_position) as columns
    from information_schema.table_constraints tc
    left join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_name = tc.table_name and kcu.table_schema = tc.table_schema
    where tc.table_schema = 'public' and tc.constraint_type <> 'CHECK'
    group by tc.table_name, tc.constraint_name, tc.constraint_type
    order by tc.table_name, tc.constraint_name`.execute(db);
  const checks = await sql<Record<string, unknown>>`
    select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(oid) as def
    from pg_constraint where contype = 'c' and connamespace = 'public'::regnamespace order by 1, 2`.execute(
    db,
  );
  const indexes = await sql<Record<string, unknown>>`
    select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by 1, 2`.execute(
    db,
  );
  return { columns: columns.rows, constraints: constraints.rows, checks: checks.rows, indexes: indexes.rows };
}

/** The answers both databases must agree on: the document and the list, without ids and times. */
async function answers(db: DB) {
  await importDocuments(db, [samplePlanDocument()]);
  const list = (await listPlans(db)).map(({ id: _id, updatedAt: _u, ...rest }) => rest);
  const doc = await exportDocument(db, "012173/sample");
  const numbers =
    await sql`select 12::int8 as i, 98.1::numeric as n, '["a"]'::jsonb as j, 'テキスト'::text as t`.execute(
      db,
    );
  return { list, doc, numbers: numbers.rows };
}

describe("PGlite and PostgreSQL", async () => {
  const skip = (await postgresAvailable())
    ? false
    : "no PostgreSQL server answers at GYOKAKU_TEST_POSTGRES_URL";

  test("end with the same schema and give the same answers", { skip }, async () => {
    const lite = await openDatabase({ kind: "pglite-memory" });
    const server = await openPostgresTestDatabase();
    try {
      const [a, b] = [await describeSchema(lite.db), await describeSchema(server.db)];
      assert.ok(a.columns.length > 50, "the schema has its tables");
      assert.deepEqual(a, b);
      assert.deepEqual(await answers(lite.db), await answers(server.db));
    } finally {
      await lite.close();
      await server.close();
    }
  });
});
