// Copies of a loaded municipality made in SQL (--clone): for a load at a large scale, where loading
// 1,741 municipalities through the app's import takes hours on a 2-core machine. Every row of every table that
// carries the municipality key is copied under the new code, with the code and the name replaced in its texts
// (the office's address, the published snapshot), in one statement per table for a batch of municipalities.
// Triggers (data versions, loop checks) and foreign-key checks are off while copying (session_replication_role),
// as for a restore: the source is consistent, so are its copies. Each copy's ids are new (an md5 of the old id and
// the new code, the same for every reference to it). PostgreSQL and PGlite (the setting needs a superuser, which
// PGlite's user is).
import { sql } from "kysely";
import type { OpenDatabase } from "../../src/db/database.ts";

type Column = { table_name: string; column_name: string; data_type: string };

const TEXT_TYPES = new Set(["text", "character varying", "character"]);
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function cloneMunicipalities(
  open: OpenDatabase,
  source: { code: string; name: string },
  targets: readonly { code: string; name: string }[],
): Promise<void> {
  if (targets.length === 0) return;
  const columns = (
    await sql<Column>`select c.table_name, c.column_name, c.data_type from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name not like 'kysely%'
      order by c.table_name, c.ordinal_position`.execute(open.db)
  ).rows;
  const tables = new Map<string, Column[]>();
  for (const c of columns) tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), c]);
  const values = targets.map((t) => `(${lit(t.code)}, ${lit(t.name)})`).join(", ");
  const replaced = (expr: string) =>
    `replace(replace(${expr}, ${lit(source.code)}, v.code), ${lit(source.name)}, v.name)`;
  await open.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    for (const [table, cols] of tables) {
      if (!cols.some((c) => c.column_name === "municipality_code")) continue;
      const select = cols.map((c) => {
        if (c.column_name === "municipality_code") return "v.code";
        if (table === "municipalities" && c.column_name === "name") return "v.name";
        if (TEXT_TYPES.has(c.data_type)) return replaced(`s.${q(c.column_name)}`);
        if (c.data_type === "jsonb") return `${replaced(`s.${q(c.column_name)}::text`)}::jsonb`;
        // ids are unique across municipalities (a plan is found by its id alone): each copy gets new ones, the
        // same function of the old id everywhere, so that every reference still points at its row
        // (made a valid version-4 UUID: the app checks ids with zod's z.uuid(), which refuses other versions)
        if (c.data_type === "uuid")
          return `overlay(overlay(md5(s.${q(c.column_name)}::text || v.code) placing '4' from 13) placing '8' from 17)::uuid`;
        return `s.${q(c.column_name)}`;
      });
      await sql
        .raw(
          `insert into ${q(table)} (${cols.map((c) => q(c.column_name)).join(", ")})
           select ${select.join(", ")} from ${q(table)} s cross join (values ${values}) as v(code, name)
           where s.municipality_code = ${lit(source.code)} on conflict do nothing`,
        )
        .execute(trx);
    }
  });
}
