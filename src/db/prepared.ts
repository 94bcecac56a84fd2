/**
 * Prepared statements for the hottest queries on PostgreSQL (the session of every signed-in request, the
 * dashboard's one query): PostgreSQL spends longer planning such a query than running it (about 0.6–1.8 ms
 * against 0.2–0.3 ms for the dashboard's query on a busy machine). A query whose text begins with
 * PREPARED_MARK is sent as a named statement, parsed and planned once per connection of the pool and then only
 * executed with its parameters. Only queries marked in the code are prepared (their text is fixed, so each
 * connection keeps a handful); all others are sent as before. PGlite ignores the mark (an SQL comment).
 *
 * A connection pooler in front of PostgreSQL must keep prepared statements per server connection (PgBouncer:
 * session pooling, or transaction pooling with max_prepared_statements, version 1.21 and later).
 */
import { createHash } from "node:crypto";
import { CompiledQuery } from "kysely";

export const PREPARED_MARK = "/* gyokaku:prepared */ ";

/** The query, marked to be prepared (its text must not vary with the request: parameters only). */
export function prepared<R>(query: CompiledQuery<R>): CompiledQuery<R> {
  return CompiledQuery.raw(PREPARED_MARK + query.sql, [...query.parameters]) as CompiledQuery<R>;
}

type Queryable = { query: (...args: never[]) => unknown };

/** Makes a pg client send the marked queries as named statements (for the pool's "connect" event). */
export function preparingClient(client: Queryable): void {
  const query = client.query.bind(client) as (
    config: unknown,
    values?: unknown,
    callback?: unknown,
  ) => unknown;
  const names = new Map<string, string>();
  client.query = ((config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof config === "string" && config.startsWith(PREPARED_MARK)) {
      let name = names.get(config);
      if (!name) {
        name = `gyokaku_${createHash("sha256").update(config).digest("hex").slice(0, 24)}`;
        names.set(config, name);
      }
      return query({ name, text: config, values }, callback);
    }
    return query(config, values, callback);
  }) as Queryable["query"];
}

const STAND_IN_CODE = "\u0000municipality";
const STAND_IN_ID = "\u0000id";
const compiledTexts = new Map<string, CompiledQuery>();

/**
 * A query built and compiled once per process (under `name`) for stand-in parameters, then given the real
 * municipality code and id, and prepared: building, compiling and planning such a query took longer than running
 * it (the rounds' pages). The query is still built by the caller's code (from scoped(): the tenant test reads it).
 */
export function compiledOnce<R>(
  name: string,
  build: (code: string, id: string) => { compile(): CompiledQuery<R> },
  code: string,
  id = "",
): CompiledQuery<R> {
  let c = compiledTexts.get(name) as CompiledQuery<R> | undefined;
  if (!c) {
    c = prepared(build(STAND_IN_CODE, STAND_IN_ID).compile());
    if (!c.parameters.includes(STAND_IN_CODE))
      throw new Error(`${name}: the municipality is not a parameter`);
    compiledTexts.set(name, c);
  }
  const given = (p: unknown) => (p === STAND_IN_CODE ? code : p === STAND_IN_ID ? id : p);
  return CompiledQuery.raw(c.sql, c.parameters.map(given)) as CompiledQuery<R>;
}
