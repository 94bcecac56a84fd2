/**
 * The database itself refuses parent links in a loop of any length (migration
 * 2026-12-07T0214-hostile-no-parent-cycles), on PGlite and on PostgreSQL: SQL written by hand cannot make
 * departments or plan items that would hang a walk up the tree.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { importDocuments } from "../plans/plans.service.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import type { OpenDatabase } from "./database.ts";
import * as migration from "./migrations/2026-12-07T0214-hostile-no-parent-cycles.ts";

const CODE = "012173";

describe("parent links in a loop are refused by the database", () => {
  let open: OpenDatabase;
  let planId: string;
  before(async () => {
    open = await openTestDatabase();
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
  });
  after(async () => open.close());

  test("three departments inserted as A → B → C → A in one statement: refused, nothing stored", async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    await assert.rejects(
      sql`insert into departments (municipality_code, id, key, parent_id) values
            (${CODE}, ${a}::uuid, 'loop-a', ${b}::uuid),
            (${CODE}, ${b}::uuid, 'loop-b', ${c}::uuid),
            (${CODE}, ${c}::uuid, 'loop-c', ${a}::uuid)`.execute(open.db),
      /parent links in a loop/,
    );
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from departments where key like 'loop-%'`.execute(open.db);
    assert.equal(left.rows[0]!.n, 0);
  });

  test("an UPDATE closing a 3-loop of stored departments is refused; a chain stays allowed", async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    // a chain C → B → A (A top-level) is a tree: accepted
    await sql`insert into departments (municipality_code, id, key, parent_id) values
            (${CODE}, ${a}::uuid, 'chain-a', null),
            (${CODE}, ${b}::uuid, 'chain-b', ${a}::uuid),
            (${CODE}, ${c}::uuid, 'chain-c', ${b}::uuid)`.execute(open.db);
    await assert.rejects(
      sql`update departments set parent_id = ${c}::uuid where municipality_code = ${CODE} and id = ${a}::uuid`.execute(
        open.db,
      ),
      /parent links in a loop/,
    );
    const row = await sql<{
      parent_id: string | null;
    }>`select parent_id from departments where municipality_code = ${CODE} and id = ${a}::uuid`.execute(
      open.db,
    );
    assert.equal(row.rows[0]!.parent_id, null, "the refused update left the row as it was");
  });

  test("plan items: re-parenting three items into a loop inside one transaction is refused, all of it rolled back", async () => {
    const items = await open.db
      .selectFrom("plan_items")
      .select(["id", "parent_id"])
      .where("plan_id", "=", planId)
      .orderBy("id")
      .execute();
    assert.ok(items.length >= 3, "the sample plan has at least three items");
    const [x, y, z] = items as [(typeof items)[0], (typeof items)[0], (typeof items)[0]];
    const reparent = (child: string, parent: string) =>
      sql`update plan_items set parent_id = ${parent}::uuid where municipality_code = ${CODE} and id = ${child}::uuid`;
    await assert.rejects(
      open.db.transaction().execute(async (trx) => {
        await reparent(x.id, y.id).execute(trx);
        await reparent(y.id, z.id).execute(trx);
        await reparent(z.id, x.id).execute(trx);
      }),
      /parent links in a loop/,
    );
    const now = await open.db
      .selectFrom("plan_items")
      .select(["id", "parent_id"])
      .where("plan_id", "=", planId)
      .orderBy("id")
      .execute();
    assert.deepEqual(now, items, "the whole transaction was rolled back");
  });

  test("moving an item under another one (no loop) still works, and importing the plan again too", async () => {
    const items = await open.db
      .selectFrom("plan_items")
      .select(["id", "parent_id"])
      .where("plan_id", "=", planId)
      .where("parent_id", "is not", null)
      .execute();
    const leaf = items[0]!;
    await sql`update plan_items set parent_id = ${leaf.parent_id}::uuid where municipality_code = ${CODE} and id = ${leaf.id}::uuid`.execute(
      open.db,
    );
    const again = await importDocuments(open.db, [samplePlanDocument()]);
    assert.equal(again[0]!.planId, planId);
  });

  test("the migration breaks a loop stored before it at its smallest id, then refuses new ones", async () => {
    await migration.down(open.db);
    const ids = [randomUUID(), randomUUID(), randomUUID()].sort();
    const [a, b, c] = ids as [string, string, string];
    await sql`insert into departments (municipality_code, id, key, parent_id) values
            (${CODE}, ${a}::uuid, 'old-a', ${b}::uuid),
            (${CODE}, ${b}::uuid, 'old-b', ${c}::uuid),
            (${CODE}, ${c}::uuid, 'old-c', ${a}::uuid)`.execute(open.db);
    await migration.up(open.db);
    const rows = await sql<{
      key: string;
      parent_id: string | null;
    }>`select key, parent_id from departments where key like 'old-%' order by key`.execute(open.db);
    assert.deepEqual(rows.rows, [
      { key: "old-a", parent_id: null },
      { key: "old-b", parent_id: c },
      { key: "old-c", parent_id: a },
    ]);
    await assert.rejects(
      sql`update departments set parent_id = ${c}::uuid where municipality_code = ${CODE} and id = ${a}::uuid`.execute(
        open.db,
      ),
      /parent links in a loop/,
    );
  });
});
