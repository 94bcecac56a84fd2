/**
 * Tenant scoping: every table carries the municipality (municipality_code), and every query of a
 * municipality's rows goes through `scoped(q, code)`, which binds the municipality once, so that a query
 * cannot forget it. Joins add `sameMunicipality(join, a, b)`. A static test (src/db/tenant.test.ts) refuses
 * repositories that query a tenant table without it.
 *
 *   scoped(db, "012173").selectFrom("plans").select(["id", "title"]).where("key", "=", key)
 */
import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from "kysely";
import type { Database } from "./schema.ts";

export type Q = Kysely<Database> | Transaction<Database>;

/** The tables that belong to one municipality (all of them: every table carries the tenant key). */
export type TenantTable = {
  [T in keyof Database]: Database[T] extends { municipality_code: unknown } ? T : never;
}[keyof Database] &
  string;

/** `table.municipality_code = code`, as an expression any query builder takes. */
function belongs(table: string, code: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${table}.municipality_code`)} = ${code}`;
}

/** A tenant table, or one with an alias: "plans" or "indicators as i". */
export type TenantTableExpression = TenantTable | `${TenantTable} as ${string}`;

// Kysely's own result types for a table expression, taken from its methods (a type-only declaration).
declare const kysely: Kysely<Database>;
type SelectFromTable<TE extends TenantTableExpression> = ReturnType<typeof kysely.selectFrom<TE>>;
type UpdateTableOf<TE extends TenantTableExpression> = ReturnType<typeof kysely.updateTable<TE>>;
type DeleteFromTable<TE extends TenantTableExpression> = ReturnType<typeof kysely.deleteFrom<TE>>;

type Filterable = { where(e: Expression<SqlBool>): unknown };

/** "indicators as i" → "i"; "plans" → "plans": the name the query refers to the table by. */
function refName(table: string): string {
  return table.includes(" as ") ? table.slice(table.lastIndexOf(" as ") + 4) : table;
}

/** The municipality's rows only, for reading, updating and deleting; inserts name the municipality in the row. */
export function scoped(q: Q, code: string) {
  return tables(q, code);
}

/**
 * Rows of every municipality, on purpose: the reason is said at the call (the CLI's list of every plan, a
 * login that finds its account by e-mail address, the public list of publications). The tenant test lets no
 * other unscoped query through.
 */
export function acrossMunicipalities(q: Q, _why: string) {
  return tables(q, null);
}

/** One municipality's rows when a code is given, every municipality's otherwise (the reason said at the call). */
export function scopedOrAll(q: Q, code: string | undefined, why: string) {
  return code === undefined ? acrossMunicipalities(q, why) : scoped(q, code);
}

function tables(q: Q, code: string | null) {
  // A Transaction is a Kysely; one type keeps Kysely's overloads from being a union.
  const k = q as Kysely<Database>;
  const only = <R>(builder: unknown, table: string): R =>
    (code === null ? builder : (builder as Filterable).where(belongs(refName(table), code))) as R;
  return {
    selectFrom<TE extends TenantTableExpression>(table: TE): SelectFromTable<TE> {
      return only(k.selectFrom(table as TenantTable), table);
    },
    updateTable<TE extends TenantTableExpression>(table: TE): UpdateTableOf<TE> {
      return only(k.updateTable(table as TenantTable), table);
    },
    deleteFrom<TE extends TenantTableExpression>(table: TE): DeleteFromTable<TE> {
      return only(k.deleteFrom(table as TenantTable), table);
    },
  };
}

export type Scoped = ReturnType<typeof scoped>;

/**
 * The join condition that keeps a joined table in the same municipality:
 * `.innerJoin("plans", (j) => sameMunicipality(j, "plans", "rounds").onRef("plans.id", "=", "rounds.plan_id"))`
 */
export function sameMunicipality<J extends { on(e: Expression<SqlBool>): J }>(
  join: J,
  a: TenantTable,
  b: TenantTable,
): J {
  return join.on(sql<SqlBool>`${sql.ref(`${a}.municipality_code`)} = ${sql.ref(`${b}.municipality_code`)}`);
}
