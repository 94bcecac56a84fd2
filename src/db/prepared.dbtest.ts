// Marked queries (src/db/prepared.ts) give the same rows as unmarked ones on both databases, and on PostgreSQL
// they are prepared once per connection.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { CompiledQuery, sql } from "kysely";
import { openTestDatabase, testDatabaseKind } from "../testing/db.ts";
import type { OpenDatabase } from "./database.ts";
import { PREPARED_MARK, prepared } from "./prepared.ts";

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
