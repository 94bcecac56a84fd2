// Every table a plan's document or evaluation is read from changes the plan's data version
// (src/db/data-version.ts). A table added later with a plan_id, item_id, indicator_id, round_id or department_id column
// fails here until its migration calls coverPlanData() or it is listed below as not feeding evaluation.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { importDocuments } from "../plans/plans.service.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { triggerNames } from "./data-version.ts";
import type { OpenDatabase } from "./database.ts";

/** Tables that lead to a plan but whose rows are not in the plan document or its evaluation, and why. */
const NOT_FEEDING: Readonly<Record<string, string>> = {
  plan_data_versions: "the versions themselves",
  round_state_versions:
    "the rounds' state versions (migration 2026-12-07T0820-round-state-versions), not evaluated",
  municipality_state_versions:
    "the municipalities' state versions (migration 2026-12-07T1440-municipality-state-versions), not evaluated",
  plan_versions: "the editor's counter against stale forms (the edits it guards change covered tables)",
  audit_events: "the history, read by its own pages",
  publications: "published snapshots never change; src/publish/publication-cache.ts keys them by version",
  publication_files: "evidence files copied into a published version; they never change once published",
  rounds: "a round's state and deadline, read by the round pages and the report's caveats, not evaluated",
  indicator_rules: "plausibility rules of round answers, not used by the evaluation",
  round_items: "each item's state in a round (the answers themselves are saved into covered tables)",
  round_parts:
    "each department's part of a round item (its texts are composed into item_progress, which is covered)",
  round_events: "the outbox of round events",
  round_reminders: "reminder days of a round",
  item_comments: "a round item's conversation",
  evidence_files: "evidence attached in a round",
  user_departments: "accounts' departments",
};

/** Tables that feed every plan of their municipality, without a column leading to one plan. */
const MUNICIPALITY_WIDE = ["municipalities", "departments"];

describe("data versions", () => {
  let open: OpenDatabase;
  before(async () => {
    open = await openTestDatabase();
  });
  after(async () => open.close());

  test("every table leading to a plan is covered by the triggers or said not to feed evaluation", async () => {
    const leading = await sql<{ table: string }>`
      select distinct table_name as table from information_schema.columns
       where table_schema = current_schema()
         and column_name in ('plan_id', 'item_id', 'indicator_id', 'round_id', 'department_id')
       order by 1`.execute(open.db);
    const triggers = await sql<{ table: string; name: string }>`
      select c.relname as table, t.tgname as name from pg_trigger t
        join pg_class c on c.oid = t.tgrelid
        join pg_proc p on p.oid = t.tgfoid
       where p.proname = 'gyokaku_plan_data_changed' and not t.tgisinternal`.execute(open.db);
    const covered = new Map<string, string[]>();
    for (const t of triggers.rows) covered.set(t.table, [...(covered.get(t.table) ?? []), t.name]);
    const tables = [...new Set([...leading.rows.map((r) => r.table), ...MUNICIPALITY_WIDE, "plans"])];
    const missing = tables.filter((t) => !(t in NOT_FEEDING) && !covered.has(t));
    assert.deepEqual(missing, [], "covered by coverPlanData() in a migration, or listed in NOT_FEEDING");
    for (const [table, names] of covered)
      assert.deepEqual(
        names.sort(),
        triggerNames(table).sort(),
        `${table}: insert, update, delete, truncate`,
      );
    const both = Object.keys(NOT_FEEDING).filter((t) => covered.has(t));
    assert.deepEqual(both, [], "a table is either covered or said not to feed evaluation");
  });

  test("a change gives the plan a new version; the version goes with its plan", async () => {
    const [stored] = await importDocuments(open.db, [samplePlanDocument()]);
    const version = async () =>
      (
        await sql<{
          v: string;
        }>`select version::text as v from plan_data_versions where plan_id = ${stored!.planId}`.execute(
          open.db,
        )
      ).rows[0]?.v;
    const first = await version();
    assert.ok(first);
    await sql`update plans set title = title where id = ${stored!.planId}`.execute(open.db);
    const second = await version();
    assert.ok(second && second !== first);
    // A statement that changes nothing leaves the version alone (statement triggers see no rows).
    await sql`update actual_values set text = text where false`.execute(open.db);
    assert.equal(await version(), second);
    // Another municipality's department does not touch this plan.
    await sql`update departments set position = position where municipality_code <> '012173'`.execute(
      open.db,
    );
    assert.equal(await version(), second);
    await sql`delete from plans where id = ${stored!.planId}`.execute(open.db);
    assert.equal(await version(), undefined);
  });
});
