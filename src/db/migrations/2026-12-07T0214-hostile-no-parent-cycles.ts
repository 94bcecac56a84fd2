import { type Kysely, sql } from "kysely";

// No loop of any length in the parent links of departments and plan items (issue 17): the importers and the
// editor refuse them and 2026-12-07T0020 refused a row that is its own parent; now the database refuses a
// longer loop too (A → B → C → A), however the rows get there (a hand-written UPDATE, a restored backup).
//
// A constraint trigger per table walks up from each inserted or re-parented row at the end of the statement and
// raises check_violation when the walk comes back to the row. Immediate, not deferred to the commit: a deferred
// trigger leaves pending events that make a later ALTER TABLE in the same transaction fail (the restore of a
// backup adds its foreign keys back so); it is DEFERRABLE, so a transaction that must move rows through a moment
// that looks like a loop can say `set constraints ... deferred`. The walk is a recursive query with UNION, which stops at a row it has seen, so even a
// loop made before this migration cannot make it run forever. Loops already stored are broken first: the
// member with the smallest id becomes top-level.

const TABLES = ["departments", "plan_items"] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    const t = sql.table(table);
    // Rows on a loop, with the smallest id of their loop (every member reaches every other).
    await sql`
      with recursive walk(start, municipality_code, id) as (
        select id, municipality_code, parent_id from ${t} where parent_id is not null
        union
        select w.start, w.municipality_code, p.parent_id
          from walk w join ${t} p on p.municipality_code = w.municipality_code and p.id = w.id
         where p.parent_id is not null
      ),
      on_loop as (select start, municipality_code from walk where id = start),
      smallest as (
        select o.municipality_code, min(w.id::text) as id
          from on_loop o join walk w on w.start = o.start and w.municipality_code = o.municipality_code
         group by o.municipality_code, o.start
      )
      update ${t} set parent_id = null
       where (municipality_code, id::text) in (select municipality_code, id from smallest)`.execute(db);
    await sql
      .raw(`
      create function ${table}_refuse_parent_cycle() returns trigger language plpgsql as $fn$
      declare
        looped boolean;
      begin
        with recursive up(id) as (
          select parent_id from ${table} where municipality_code = new.municipality_code and id = new.id
          union
          select p.parent_id from ${table} p join up on p.municipality_code = new.municipality_code and p.id = up.id
        )
        select exists (select 1 from up where id = new.id) into looped;
        if looped then
          raise exception '${table}: parent links in a loop (%)', new.id
            using errcode = 'check_violation', constraint = '${table}_no_parent_cycle';
        end if;
        return null;
      end
      $fn$`)
      .execute(db);
    await sql
      .raw(`
      create constraint trigger ${table}_no_parent_cycle
        after insert or update of parent_id on ${table}
        deferrable initially immediate
        for each row when (new.parent_id is not null)
        execute function ${table}_refuse_parent_cycle()`)
      .execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql.raw(`drop trigger ${table}_no_parent_cycle on ${table}`).execute(db);
    await sql.raw(`drop function ${table}_refuse_parent_cycle()`).execute(db);
  }
}
