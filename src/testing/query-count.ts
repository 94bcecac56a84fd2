/**
 * Counts the SQL statements a piece of work sends to the database: a Kysely plugin that sees every result
 * coming back (query builder and raw `sql` alike, in and out of transactions). For the tests that guard
 * the number of queries per page, and for the scale benchmark's queries per request.
 */
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryId,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";
import type { DB } from "../db/database.ts";

export type LoggedQuery = { node: RootOperationNode; queryId: QueryId; ms: number };

export class QueryCounter implements KyselyPlugin {
  count = 0;
  /** When set, every query's tree and time (from being built to its result) is added here. */
  log: LoggedQuery[] | null = null;
  readonly #started = new WeakMap<QueryId, { node: RootOperationNode; t0: number }>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.log) this.#started.set(args.queryId, { node: args.node, t0: performance.now() });
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count++;
    const s = this.log ? this.#started.get(args.queryId) : undefined;
    if (s) this.log!.push({ node: s.node, queryId: args.queryId, ms: performance.now() - s.t0 });
    return args.result;
  }
  /** The number of queries `work` sent. */
  async measure(work: () => Promise<unknown>): Promise<number> {
    const before = this.count;
    await work();
    return this.count - before;
  }
}

/** The database with a counter on it: pass the returned `db` to the code under test. */
export function countingDb(db: DB): { db: DB; counter: QueryCounter } {
  const counter = new QueryCounter();
  return { db: db.withPlugin(counter), counter };
}
