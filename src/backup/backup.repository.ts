/**
 * The SQL of backup and restore. Tables, columns, keys and foreign keys are read from the database's own
 * catalogue, so a table added by a later migration is backed up and restored without a change here. Rows are
 * read as PostgreSQL writes them as JSON (`row_to_json`): numerics, timestamps and JSON exactly as stored,
 * never through JavaScript numbers or dates; bytea as base64. They are read through a cursor in batches and
 * written back with `json_to_recordset`, which parses the same text in the database.
 *
 * Every query names its tables from the catalogue, never from input; identifiers go through sql.id / sql.ref.
 * Rows are chosen by `municipality_code` (every table carries it: src/db/schema-types.dbtest.ts).
 */
import { sql } from "kysely";
import type { Q } from "../db/tenant.ts";

/** Kysely's migration bookkeeping: part of the schema, not of the data. */
export const BOOKKEEPING = ["kysely_migration", "kysely_migration_lock"] as const;

export type CatalogueColumn = { name: string; type: string; bytea: boolean };
export type CatalogueTable = { name: string; columns: CatalogueColumn[]; key: string[] };

/**
 * Every table of the schema the application uses (current_schema()), bookkeeping left out, by name; generated
 * columns left out (the database computes them again).
 */
export async function catalogue(q: Q): Promise<CatalogueTable[]> {
  const r = await sql<{ table: string; column: string; type: string; bytea: boolean; key: number | null }>`
    select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type,
           a.atttypid = 'bytea'::regtype as bytea,
           array_position(i.indkey::int2[], a.attnum) as key
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      left join pg_index i on i.indrelid = c.oid and i.indisprimary
     where c.relkind in ('r', 'p') and not (c.relname = any(${[...BOOKKEEPING]}::text[]))
     order by c.relname, a.attnum`.execute(q);
  const tables = new Map<string, CatalogueTable & { keyAt: Map<string, number> }>();
  for (const row of r.rows) {
    let t = tables.get(row.table);
    if (!t) {
      t = { name: row.table, columns: [], key: [], keyAt: new Map() };
      tables.set(row.table, t);
    }
    t.columns.push({ name: row.column, type: row.type, bytea: row.bytea });
    if (row.key !== null) t.keyAt.set(row.column, Number(row.key));
  }
  return [...tables.values()].map(({ keyAt, ...t }) => ({
    ...t,
    key: [...keyAt.entries()].sort((a, b) => a[1] - b[1]).map(([name]) => name),
  }));
}

/** The migrations this database has had, by name (in order). */
export async function executedMigrations(q: Q): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(q);
  return r.rows.map((row) => row.name);
}

export async function municipalityList(q: Q): Promise<{ code: string; name: string }[]> {
  const r = await sql<{ code: string; name: string }>`
    select municipality_code as code, name from municipalities order by municipality_code`.execute(q);
  return r.rows;
}

/** The server, as it names itself ("PostgreSQL 15.8 on …"; PGlite answers as the PostgreSQL it is built from). */
export async function serverVersion(q: Q): Promise<string> {
  const r = await sql<{ v: string }>`select version() as v`.execute(q);
  return r.rows[0]?.v ?? "";
}

/** Timestamps written in UTC, whatever the server's setting: the backup is the same text on both databases. */
export async function useUtc(q: Q): Promise<void> {
  await sql`set local timezone = 'UTC'`.execute(q);
}

/** `municipality_code = any(codes)`, or every row when codes is null. */
const inScope = (codes: readonly string[] | null) =>
  codes === null ? sql`true` : sql`municipality_code = any(${[...codes]}::text[])`;

export async function countRows(q: Q, table: string, codes: readonly string[] | null): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from ${sql.id(table)} where ${inScope(codes)}`.execute(q);
  return Number(r.rows[0]?.n ?? 0);
}

/** A cursor over a table's rows as JSON text, in key order; read with fetchRows, inside the transaction. */
export async function openRowCursor(
  q: Q,
  cursor: string,
  table: CatalogueTable,
  codes: readonly string[] | null,
): Promise<void> {
  const columns = table.columns.map((c) =>
    c.bytea
      ? sql`translate(encode(${sql.ref(c.name)}, 'base64'), E'\n', '') as ${sql.id(c.name)}`
      : sql.ref(c.name),
  );
  const order = table.key.length > 0 ? table.key : table.columns.map((c) => c.name);
  await sql`declare ${sql.id(cursor)} no scroll cursor for
    select row_to_json(x)::text as j from (
      select ${sql.join(columns)} from ${sql.id(table.name)} where ${inScope(codes)}
       order by ${sql.join(order.map((c) => sql.ref(c)))}) x`.execute(q);
}

export async function fetchRows(q: Q, cursor: string, n: number): Promise<string[]> {
  const r = await sql<{
    j: string;
  }>`fetch forward ${sql.raw(String(Math.trunc(n)))} from ${sql.id(cursor)}`.execute(q);
  return r.rows.map((row) => row.j);
}

export async function closeCursor(q: Q, cursor: string): Promise<void> {
  await sql`close ${sql.id(cursor)}`.execute(q);
}

export type ForeignKey = { table: string; name: string; definition: string };

/** The foreign keys between the tables: dropped while a restore deletes and inserts, then added back (checked). */
export async function foreignKeys(q: Q): Promise<ForeignKey[]> {
  const r = await sql<ForeignKey>`
    select c.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
     where k.contype = 'f'
     order by c.relname, k.conname`.execute(q);
  return r.rows;
}

/**
 * Deferred triggers (the municipalities' state versions, migration 2026-12-07T1440-municipality-state-versions) fire
 * at each statement for the rest of the transaction: ALTER TABLE (the foreign keys dropped and added back) refuses
 * a table with trigger events still pending.
 */
export async function triggersAtOnce(q: Q): Promise<void> {
  await sql`set constraints all immediate`.execute(q);
}

export async function dropForeignKey(q: Q, fk: ForeignKey): Promise<void> {
  await sql`alter table ${sql.id(fk.table)} drop constraint ${sql.id(fk.name)}`.execute(q);
}

/** Adds a foreign key back; the database checks every row against it. */
export async function addForeignKey(q: Q, fk: ForeignKey): Promise<void> {
  await sql`alter table ${sql.id(fk.table)} add constraint ${sql.id(fk.name)} ${sql.raw(fk.definition)}`.execute(
    q,
  );
}

export async function deleteRows(q: Q, table: string, codes: readonly string[] | null): Promise<void> {
  await sql`delete from ${sql.id(table)} where ${inScope(codes)}`.execute(q);
}

/** Sessions whose account is no longer there after a restore (the sessions are not in a backup). */
export async function deleteOrphanSessions(q: Q): Promise<void> {
  await sql`delete from sessions s where not exists (
    select 1 from users u where u.municipality_code = s.municipality_code and u.id = s.user_id)`.execute(q);
}

/** Inserts rows given as JSON objects (the text of a JSON array), typed by the table's catalogue columns. */
export async function insertJsonRows(
  q: Q,
  table: string,
  columns: readonly CatalogueColumn[],
  jsonArray: string,
): Promise<void> {
  const names = sql.join(columns.map((c) => sql.id(c.name)));
  const values = sql.join(
    columns.map((c) => (c.bytea ? sql`decode(${sql.ref(c.name)}, 'base64')` : sql.ref(c.name))),
  );
  const types = sql.join(columns.map((c) => sql`${sql.id(c.name)} ${sql.raw(c.bytea ? "text" : c.type)}`));
  // Identity columns keep their values ("generated always" ones too).
  await sql`insert into ${sql.id(table)} (${names}) overriding system value
    select ${values} from json_to_recordset(${jsonArray}::json) as x(${types})`.execute(q);
}

/** Sequences behind columns (serial, identity) set past the restored rows. */
export async function resetSequences(q: Q, table: CatalogueTable): Promise<void> {
  for (const c of table.columns) {
    const r = await sql<{ seq: string | null }>`
      select pg_get_serial_sequence(${table.name}, ${c.name}) as seq`.execute(q);
    const seq = r.rows[0]?.seq;
    if (!seq) continue;
    await sql`select setval(${seq}, coalesce((select max(${sql.ref(c.name)}) from ${sql.id(table.name)}), 0) + 1, false)`.execute(
      q,
    );
  }
}
