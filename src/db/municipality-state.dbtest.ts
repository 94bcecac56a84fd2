// A municipality's state version (migration 2026-12-07T1440-municipality-state-versions) changes with every change
// to its plans, their data, its rounds, their items and its history, as the transaction commits: never for a
// change rolled back, never for another municipality. Its triggers are deferred to the commit so that two
// transactions of one municipality cannot deadlock on its row (checked on PostgreSQL, where two connections run
// at once).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { importDocuments } from "../plans/plans.service.ts";
import { openRound } from "../rounds/rounds.service.ts";
import { actorOf, signIn } from "../testing/auth.ts";
import { openTestDatabase, testDatabaseKind } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import type { OpenDatabase } from "./database.ts";
import { MUNICIPALITY_STATE_TABLES } from "./migrations/2026-12-07T1440-municipality-state-versions.ts";

const CODE = "012173";
const OTHER = "011002";

describe("a municipality's state version", () => {
  let open: OpenDatabase;
  let planId: string;
  let roundId: string;
  const version = async (code = CODE) =>
    (
      await sql<{
        version: string;
      }>`select version from municipality_state_versions where municipality_code = ${code}`.execute(open.db)
    ).rows[0]?.version;

  before(async () => {
    open = await openTestDatabase();
    const other = samplePlanDocument();
    other.municipality = { code: OTHER, name: "札幌市" };
    planId = (await importDocuments(open.db, [samplePlanDocument(), other]))[0]!.planId;
    const office = await actorOf(open.db, await signIn(open.db, "office", { municipalityCode: CODE }));
    roundId = await openRound(open.db, office, { planId, fiscalYear: "2021", deadline: "2099-06-30" });
  });
  after(async () => open.close());

  /** The change gives this municipality, and no other, a new version. */
  async function changes(what: string, change: () => Promise<unknown>) {
    const [mine, others] = [await version(), await version(OTHER)];
    assert.ok(mine && others, "both municipalities have a version");
    await change();
    assert.notEqual(await version(), mine, `${what}: a new version`);
    assert.equal(await version(OTHER), others, `${what}: another municipality's stays`);
  }

  test("every covered table is named by the migration's list", async () => {
    const triggers = (
      await sql<{ table: string }>`select event_object_table as table from information_schema.triggers
        where trigger_name like '%_municipality_state' group by event_object_table order by 1`.execute(
        open.db,
      )
    ).rows.map((r) => r.table);
    assert.deepEqual(triggers, [...MUNICIPALITY_STATE_TABLES].sort());
  });

  test("changes by SQL typed by hand to each covered table, and through the tables that feed the versions", async () => {
    await changes("a plan's title", () =>
      sql`update plans set title = title || '（改）' where municipality_code = ${CODE} and id = ${planId}`.execute(
        open.db,
      ),
    );
    await changes("an indicator (the plan's data version)", () =>
      sql`update indicators set name = name || '（改）' where municipality_code = ${CODE} and plan_id = ${planId}
           and key = '1-1-1-i1'`.execute(open.db),
    );
    await changes("a round's deadline", () =>
      sql`update rounds set deadline = '2099-07-31' where municipality_code = ${CODE} and id = ${roundId}`.execute(
        open.db,
      ),
    );
    await changes("a round part's state (the round's state version)", () =>
      sql`update round_parts set state = 'returned' where municipality_code = ${CODE} and round_id = ${roundId}
           and item_key = '1-1-1'`.execute(open.db),
    );
    await changes("an audit event", () =>
      sql`insert into audit_events (municipality_code, id, at, actor_id, actor_name, action, subject)
          values (${CODE}, gen_random_uuid(), now(), null, '手入力', 'plan.import', '記録')`.execute(open.db),
    );
    await changes("an audit event deleted", () =>
      sql`delete from audit_events where municipality_code = ${CODE} and subject = '記録'`.execute(open.db),
    );
  });

  test("within a transaction the version changes as it commits; a rollback leaves it", async () => {
    const before = await version();
    await assert.rejects(
      open.db.transaction().execute(async (trx) => {
        await sql`update rounds set deadline = '2099-08-31' where municipality_code = ${CODE}`.execute(trx);
        throw new Error("rolled back");
      }),
      /rolled back/,
    );
    assert.equal(await version(), before, "nothing committed, nothing changed");
    const inside = await open.db.transaction().execute(async (trx) => {
      await sql`update rounds set deadline = '2099-08-31' where municipality_code = ${CODE}`.execute(trx);
      return (
        await sql<{
          version: string;
        }>`select version from municipality_state_versions where municipality_code = ${CODE}`.execute(trx)
      ).rows[0]?.version;
    });
    assert.equal(inside, before, "deferred: not yet changed inside the transaction");
    assert.notEqual(await version(), before, "changed by the commit");
  });

  test("two transactions of one municipality taking a round's version and the history in opposite orders both commit", async () => {
    if (testDatabaseKind() !== "postgres") return; // one connection on PGlite: transactions never overlap
    const audit = sql`insert into audit_events (municipality_code, id, at, actor_id, actor_name, action, subject)
      values (${CODE}, gen_random_uuid(), now(), null, '手入力', 'plan.import', '順序の確認')`;
    const part = sql`update round_parts set return_comment = 'x' where municipality_code = ${CODE}
      and round_id = ${roundId} and item_key = '1-1-1'`;
    let release!: () => void;
    const partTaken = new Promise<void>((done) => {
      release = done;
    });
    let auditWritten!: () => void;
    const auditDone = new Promise<void>((done) => {
      auditWritten = done;
    });
    // A guard, not a timing: had the municipality's row been taken at the statement, the second would wait for it
    // behind the first, which waits for the second: the lock timeout ends that wait with an error (the test fails)
    // instead of a hang.
    const guard = sql`set local lock_timeout = '30s'`;
    // second: the round's part first (its state version locked), then the history, then commit
    const second = open.db.transaction().execute(async (trx) => {
      await guard.execute(trx);
      await auditDone;
      await part.execute(trx);
      release();
      await audit.execute(trx);
    });
    second.catch(() => release());
    // first: the history, then the round's part (waits for the second's lock on the round's state version)
    const first = open.db.transaction().execute(async (trx) => {
      await guard.execute(trx);
      await audit.execute(trx);
      auditWritten();
      await partTaken;
      await part.execute(trx);
    });
    await Promise.all([first, second]);
  });
});
