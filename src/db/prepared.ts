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
const standIn = (i: number) => `\u0000arg${i}`;
const compiledTexts = new Map<string, CompiledQuery>();

/**
 * A query built and compiled once per process (under `name`) for stand-in parameters, then given the real
 * municipality code and arguments, and prepared: building, compiling and planning such a query took longer than
 * running it (the rounds' pages, the reports' and the item's pages). The query is still built by the caller's code
 * (from scoped(): the tenant test reads it). Every stand-in must end up a parameter of the query (an argument
 * that changed the query's text, e.g. a list of varying length, cannot be given this way: it throws).
 * Arguments may be strings or numbers: their stand-ins are strings, which the builder only passes on.
 */
export function compiledOnce<R, A extends (string | number)[]>(
  name: string,
  build: (code: string, ...args: A) => { compile(): CompiledQuery<R> },
  code: string,
  ...args: A
): CompiledQuery<R> {
  return given(name, build, code, args, true);
}

/**
 * The same for a query not scoped by municipality (a plan by its id, whose municipality the caller checks
 * against the user's).
 */
export function compiledOnceAcross<R, A extends (string | number)[]>(
  name: string,
  build: (...args: A) => { compile(): CompiledQuery<R> },
  ...args: A
): CompiledQuery<R> {
  return given(name, (_code: string, ...a: A) => build(...a), "", args, false);
}

function given<R, A extends (string | number)[]>(
  name: string,
  build: (code: string, ...args: A) => { compile(): CompiledQuery<R> },
  code: string,
  args: A,
  scopedByCode: boolean,
): CompiledQuery<R> {
  let c = compiledTexts.get(name) as CompiledQuery<R> | undefined;
  if (!c) {
    const standIns = args.map((_, i) => standIn(i)) as unknown as A;
    c = prepared(build(STAND_IN_CODE, ...standIns).compile());
    if (scopedByCode && !c.parameters.includes(STAND_IN_CODE))
      throw new Error(`${name}: the municipality is not a parameter`);
    for (let i = 0; i < args.length; i++)
      if (!c.parameters.includes(standIn(i))) throw new Error(`${name}: argument ${i} is not a parameter`);
    compiledTexts.set(name, c);
  }
  const values = new Map<unknown, unknown>(args.map((a, i) => [standIn(i), a]));
  values.set(STAND_IN_CODE, code);
  return CompiledQuery.raw(
    c.sql,
    c.parameters.map((p) => (values.has(p) ? values.get(p) : p)),
  ) as CompiledQuery<R>;
}
