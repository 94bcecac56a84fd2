import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "kysely";
import { createDemoUsers } from "../auth/demo-users.service.ts";
import type { Actor } from "../core/policy.ts";
import type { DB, OpenDatabase } from "../db/database.ts";
import { loadDemoIfEmpty } from "../demo/demo.service.ts";
import { openRound } from "../rounds/rounds.service.ts";
import { signIn } from "../testing/auth.ts";
import { openPostgresTestDatabase, openTestDatabase, postgresAvailable } from "../testing/db.ts";
import { EXCLUDED } from "./backup.format.ts";
import {
  BOOKKEEPING,
  catalogue,
  closeCursor,
  fetchRows,
  openRowCursor,
  useUtc,
} from "./backup.repository.ts";
import { backupToFile, FORMAT_VERSION, restoreFromBytes, restoreFromFile } from "./backup.service.ts";

const dir = mkdtempSync(join(tmpdir(), "gyokaku-backup-"));

/** A table of the kinds of values the application's tables do not all have yet: files, exact numbers, arrays. */
async function addProbeTable(db: DB, withRows: boolean): Promise<void> {
  await sql`create table backup_probe (
    municipality_code char(6) not null references municipalities(municipality_code),
    id integer generated always as identity, file bytea, n numeric, d double precision,
    twice numeric generated always as (n * 2) stored,
    t timestamptz, ts timestamp, day date, tags text[], j jsonb, note text,
    primary key (municipality_code, id))`.execute(db);
  if (!withRows) return;
  await sql`insert into backup_probe (municipality_code, file, n, d, t, ts, day, tags, j, note) values
    ('012173', decode('00ff10806162', 'hex'), 12345678901234567890.123456789012, 0.1,
     '2026-12-07 01:02:03.456789+09', '2026-12-07 01:02:03.456789', '2028-02-29'::date,
     array['a', 'b,"c"', null], '{"x": [1, 2.50, "三"], "y": null}', E'改行\\nタブ\\t"引用"\\\\'),
    ('012173', ${Buffer.alloc(100_000, 7)}, null, 'NaN', null, null, null, '{}', 'null', null)`.execute(db);
}

/** Every table's rows as PostgreSQL writes them as JSON, in key order, timestamps in UTC. */
async function snapshot(db: DB): Promise<Map<string, string[]>> {
  return db.transaction().execute(async (trx) => {
    await useUtc(trx);
    const out = new Map<string, string[]>();
    for (const t of await catalogue(trx)) {
      if (t.name in EXCLUDED) continue; // not in a backup (sessions, the data versions the triggers make)
      await openRowCursor(trx, "snap", t, null);
      out.set(t.name, await fetchRows(trx, "snap", 1_000_000));
      await closeCursor(trx, "snap");
    }
    return out;
  });
}

function assertSame(a: Map<string, string[]>, b: Map<string, string[]>): void {
  assert.deepEqual([...b.keys()], [...a.keys()], "the same tables");
  for (const [table, rows] of a) assert.deepEqual(b.get(table), rows, `the rows of ${table}`);
}

let source: OpenDatabase;
let admin: Actor;

before(async () => {
  source = await openTestDatabase("pglite");
  await loadDemoIfEmpty(source.db);
  await createDemoUsers(source.db);
  const s = await signIn(source.db, "admin", { municipalityCode: "012173", name: "管理 太郎" });
  admin = {
    id: s.userId,
    municipalityCode: "012173",
    email: s.email,
    name: "管理 太郎",
    role: "admin",
    departmentIds: [],
  };
  const plan = await sql<{
    id: string;
  }>`select id from plans where municipality_code = '012173' limit 1`.execute(source.db);
  await openRound(
    source.db,
    { ...admin, role: "office" },
    {
      planId: plan.rows[0]!.id,
      fiscalYear: "2022",
      deadline: "2030-06-30",
    },
  );
  await addProbeTable(source.db, true);
});
after(async () => source.close());

test("a backup holds every table of the catalogue but the migration bookkeeping, the sessions and the data versions", async () => {
  const file = join(dir, "all.jsonl.gz");
  const header = await backupToFile(source.db, "all", file);
  const tables = (
    await sql<{ name: string }>`
    select table_name as name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(source.db)
  ).rows
    .map((r) => r.name)
    .filter((n) => !(BOOKKEEPING as readonly string[]).includes(n))
    .sort();
  assert.ok(tables.includes("backup_probe") && tables.includes("audit_events") && tables.includes("rounds"));
  assert.deepEqual(
    [...header.tables.map((t) => t.name), ...header.excluded.map((e) => e.table)].sort(),
    tables,
  );
  assert.deepEqual(
    header.excluded.map((e) => e.table),
    ["municipality_state_versions", "plan_data_versions", "round_state_versions", "sessions"],
  );
  assert.equal(header.version, FORMAT_VERSION);
  assert.deepEqual(
    header.municipalities.map((m) => m.code),
    ["012173", "012246", "011002"].sort(),
  );
  const lines = gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n");
  assert.deepEqual(JSON.parse(lines[0]!), JSON.parse(JSON.stringify(header)), "the header is the first line");
  const rows = header.tables.reduce((n, t) => n + t.rows, 0);
  assert.equal(lines.length, 1 + header.tables.length + rows + 1);
  assert.deepEqual(JSON.parse(lines.at(-1)!), { end: true, tables: header.tables.length, rows });
  assert.ok(header.tables.find((t) => t.name === "rounds")!.rows > 0);
  assert.ok(header.tables.find((t) => t.name === "audit_events")!.rows > 0);
});

describe("a PGlite backup restores into PostgreSQL and back, every table row by row", async () => {
  const available = await postgresAvailable();
  test("PGlite → PostgreSQL → PGlite", { skip: available ? false : "no PostgreSQL server" }, async () => {
    const expected = await snapshot(source.db);
    const file1 = join(dir, "from-pglite.jsonl.gz");
    await backupToFile(source.db, "all", file1);
    const pg = await openPostgresTestDatabase();
    try {
      await addProbeTable(pg.db, false);
      const progress: string[] = [];
      const result = await restoreFromFile(pg.db, file1, { onProgress: (p) => progress.push(p.table) });
      assert.ok(progress.includes("plans") && progress.includes("backup_probe"));
      assert.ok(result.rows > 1000);
      assertSame(expected, await snapshot(pg.db));
      const probe = await sql<{ n: string; twice: string; file: Buffer; id: number }>`
        select n::text as n, twice::text as twice, file, id from backup_probe order by id`.execute(pg.db);
      assert.equal(probe.rows[0]!.n, "12345678901234567890.123456789012");
      assert.equal(
        probe.rows[0]!.twice,
        "24691357802469135780.246913578024",
        "generated columns computed again",
      );
      assert.deepEqual([...probe.rows[0]!.file], [0, 255, 16, 128, 97, 98]);
      assert.equal(probe.rows[1]!.file.length, 100_000);
      // The identity's sequence is set past the restored rows.
      await sql`insert into backup_probe (municipality_code) values ('012173')`.execute(pg.db);

      const file2 = join(dir, "from-postgres.jsonl.gz");
      await sql`delete from backup_probe where id > 2`.execute(pg.db);
      await backupToFile(pg.db, "all", file2);
      const back = await openTestDatabase("pglite");
      try {
        await addProbeTable(back.db, false);
        await restoreFromFile(back.db, file2);
        assertSame(expected, await snapshot(back.db));
      } finally {
        await back.close();
      }
    } finally {
      await pg.close();
    }
  });
});

describe("restore refuses what it must not do, and then changes nothing", () => {
  let target: OpenDatabase;
  let file: string;
  before(async () => {
    file = join(dir, "refusals.jsonl.gz");
    await backupToFile(source.db, "all", file);
    target = await openTestDatabase("pglite");
    await addProbeTable(target.db, false);
  });
  after(async () => target.close());

  const edit = (f: (lines: string[]) => string[]) => {
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n");
    return gzipSync(`${f(lines).join("\n")}\n`);
  };

  test("a newer format", async () => {
    const bytes = edit(([h, ...rest]) => [
      JSON.stringify({ ...JSON.parse(h!), version: FORMAT_VERSION + 1 }),
      ...rest,
    ]);
    await assert.rejects(restoreFromBytes(target.db, bytes), /新しい形式（第2版）/);
  });

  test("a migration this database has not had", async () => {
    const bytes = edit(([h, ...rest]) => {
      const header = JSON.parse(h!);
      return [
        JSON.stringify({ ...header, migrations: [...header.migrations, "2099-01-01T0000-later"] }),
        ...rest,
      ];
    });
    await assert.rejects(restoreFromBytes(target.db, bytes), /2099-01-01T0000-later/);
  });

  test("a file cut short or not a backup at all", async () => {
    await assert.rejects(
      restoreFromBytes(
        target.db,
        edit((l) => l.slice(0, -5)),
      ),
      /途中でファイルが終わって/,
    );
    await assert.rejects(restoreFromBytes(target.db, gzipSync("hello\n")), /gyokaku のバックアップ/);
    const notGzip = await restoreFromBytes(target.db, Buffer.from("not gzip")).catch((e: Error) => e);
    assert.ok(notGzip instanceof Error);
    assert.equal(
      notGzip.message,
      "バックアップファイルを読めません: gyokaku のバックアップファイル（.jsonl.gz）ではないか、壊れています",
      "plain words, without the reader's code",
    );
    assert.equal(
      (notGzip.cause as NodeJS.ErrnoException).code,
      "Z_DATA_ERROR",
      "the code is kept for the log",
    );
    const whole = gzipSync(randomBytes(50_000).toString("base64"));
    await assert.rejects(
      restoreFromBytes(target.db, whole.subarray(0, whole.length - 100)),
      /ファイルが途中で切れています/,
    );
    assert.equal((await snapshot(target.db)).get("plans")!.length, 0, "nothing was restored");
  });

  test("a different set of municipalities, unless told to replace", async () => {
    await sql`insert into municipalities (municipality_code, name) values ('131016', '千代田区')`.execute(
      target.db,
    );
    await assert.rejects(restoreFromFile(target.db, file), /--replace/);
    assert.equal((await snapshot(target.db)).get("municipalities")!.length, 1);
    await restoreFromFile(target.db, file, { replace: true });
    assertSame(await snapshot(source.db), await snapshot(target.db));
    // Restoring the same backup again needs no flag: the municipalities are the same.
    await restoreFromFile(target.db, file);
  });
});

test("an administrator backs up and restores their own municipality only, recorded in its history", async () => {
  const { backupForAdmin } = await import("./backup.service.ts");
  const file = join(dir, "ebetsu.jsonl.gz");
  const header = await backupForAdmin(source.db, admin, file);
  assert.deepEqual(header.scope, ["012173"]);
  assert.deepEqual(
    header.municipalities.map((m) => m.code),
    ["012173"],
  );
  const others = (await snapshot(source.db)).get("plans")!.filter((r) => !r.includes('"012173"'));
  await sql`delete from item_progress where municipality_code = '012173'`.execute(source.db);
  const result = await restoreFromFile(source.db, file, { actor: admin });
  assert.ok(result.tables.find((t) => t.name === "item_progress")!.rows > 0);
  const after = await snapshot(source.db);
  assert.deepEqual(
    after.get("plans")!.filter((r) => !r.includes('"012173"')),
    others,
    "other municipalities untouched",
  );
  const events = await sql<{ action: string }>`
    select action from audit_events where municipality_code = '012173' and action like 'backup.%' order by at`.execute(
    source.db,
  );
  assert.deepEqual(
    events.rows.map((r) => r.action),
    ["backup.restore"],
    "the backup's own record came after it, so the restored history ends with the restore",
  );
  // A backup of all municipalities is not restored from the browser, nor by anyone but an administrator.
  const all = join(dir, "all-for-admin.jsonl.gz");
  await backupToFile(source.db, "all", all);
  await assert.rejects(restoreFromFile(source.db, all, { actor: admin }), /自分の団体/);
  await assert.rejects(
    restoreFromFile(source.db, file, { actor: { ...admin, role: "office" } }),
    (e: Error) => /forbidden/.test(String((e as { code?: string }).code)),
  );
});

test("an empty database is not backed up (it is almost always another data directory than the server's)", async () => {
  const open = await openTestDatabase();
  try {
    const out = join(mkdtempSync(join(tmpdir(), "gyokaku-backup-empty-")), "b.jsonl.gz");
    await assert.rejects(backupToFile(open.db, "all", out), /団体がひとつもなく.*--data/);
  } finally {
    await open.close();
  }
});
