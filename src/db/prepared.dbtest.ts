// Marked queries (src/db/prepared.ts) give the same rows as unmarked ones on both databases, and on PostgreSQL
// they are prepared once per connection.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { CompiledQuery, sql } from "kysely";
import { openTestDatabase, testDatabaseKind } from "../testing/db.ts";
import type { OpenDatabase } from "./database.ts";
import { compiledOnce, PREPARED_MARK, prepared } from "./prepared.ts";
import { scoped } from "./tenant.ts";

let open: OpenDatabase;
before(async () => {
  open = await openTestDatabase();
});
after(async () => open.close());

test("a marked query answers as the unmarked one, and is prepared on PostgreSQL", async () => {
  const query = CompiledQuery.raw("select $1::int + 1 as n, $2::text as t", [41, "一"]);
  await open.db.connection().execute(async (c) => {
    const plain = (await c.executeQuery(query)).rows;
    for (let i = 0; i < 3; i++) assert.deepEqual((await c.executeQuery(prepared(query))).rows, plain);
    assert.deepEqual((await c.executeQuery(prepared(CompiledQuery.raw(query.sql, [1, "二"])))).rows, [
      { n: 2, t: "二" },
    ]);
    if (testDatabaseKind() !== "postgres") return;
    const statements = (
      await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(c)
    ).rows.map((r) => r.statement);
    assert.deepEqual(statements, [PREPARED_MARK + query.sql], "one statement for every call of the query");
  });
});

test("a query compiled once is given each call's municipality and arguments, strings and numbers alike", async () => {
  const build = (code: string, planKey: string, year: number) =>
    scoped(open.db, code)
      .selectFrom("plans")
      .select("key")
      .where("key", "=", planKey)
      .where(sql<boolean>`${year}::int > 0`);
  const compiledA = compiledOnce("test:plansByKey", build, "012173", "計画A", 2025);
  const compiledB = compiledOnce("test:plansByKey", build, "011002", "計画B", 2026);
  assert.equal(compiledA.sql, compiledB.sql, "one text");
  assert.deepEqual(compiledA.parameters, build("012173", "計画A", 2025).compile().parameters);
  assert.deepEqual(compiledB.parameters, build("011002", "計画B", 2026).compile().parameters);
  assert.deepEqual((await open.db.executeQuery(compiledB)).rows, []);
});

test("a query whose text an argument changes cannot be compiled once", () => {
  assert.throws(
    () =>
      compiledOnce(
        "test:inlined",
        (code: string, key: string) => scoped(open.db, code).selectFrom("plans").select(sql.lit(key).as("k")),
        "012173",
        "x",
      ),
    /argument 0 is not a parameter/,
  );
  assert.throws(
    () =>
      compiledOnce("test:unscoped", (_code: string) => open.db.selectFrom("plans").select("key"), "012173"),
    /the municipality is not a parameter/,
  );
});
