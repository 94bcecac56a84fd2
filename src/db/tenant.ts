/**
 * Tenant scoping: every table carries the municipality (municipality_code), and every query of a
 * municipality's rows goes through `scoped(q, code)`, which binds the municipality once, so that a query
 * cannot forget it. Joins add `sameMunicipality(join, a, b)`. A static test (src/db/tenant.test.ts) refuses
 * repositories that query a tenant table without it.
 *
 *   scoped(db, "012173").selectFrom("plans").select(["id", "title"]).where("key", "=", key)
 */
import {
  type DeleteQueryBuilder,
  type DeleteResult,
  type Expression,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
  type Transaction,
  type UpdateQueryBuilder,
  type UpdateResult,
} from "kysely";
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

// biome-ignore lint/complexity/noBannedTypes: Kysely's own type for "nothing selected yet"
type NothingSelected = {};

/** The municipality's rows only, for reading, updating and deleting; inserts name the municipality in the row. */
export function scoped(q: Q, code: string) {
  // A Transaction is a Kysely; one type keeps Kysely's overloads from being a union.
  const k = q as Kysely<Database>;
  return {
    code,
    selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<Database, T, NothingSelected> {
      const b = k.selectFrom(table as TenantTable) as unknown as SelectQueryBuilder<
        Database,
        T,
        NothingSelected
      >;
      return b.where(belongs(table, code));
    },
    updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult> {
      const b = k.updateTable(table as TenantTable) as unknown as UpdateQueryBuilder<
        Database,
        T,
        T,
        UpdateResult
      >;
      return b.where(belongs(table, code));
    },
    deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<Database, T, DeleteResult> {
      const b = k.deleteFrom(table as TenantTable) as unknown as DeleteQueryBuilder<
        Database,
        T,
        DeleteResult
      >;
      return b.where(belongs(table, code));
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
