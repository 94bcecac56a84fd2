/**
 * A Kysely dialect that keeps to the time budget of the request it serves (src/core/deadline.ts): once the
 * budget is spent, no further query runs and no transaction commits (Kysely then rolls it back), so a request
 * the web app has already answered with "打ち切りました" leaves nothing half-written behind.
 */
import type {
  CompiledQuery,
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from "kysely";
import { checkDeadline } from "../core/deadline.ts";

class DeadlineConnection implements DatabaseConnection {
  constructor(readonly inner: DatabaseConnection) {}
  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    checkDeadline();
    return this.inner.executeQuery<R>(query);
  }
  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    checkDeadline();
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

const unwrap = (c: DatabaseConnection) => (c instanceof DeadlineConnection ? c.inner : c);

class DeadlineDriver implements Driver {
  constructor(private readonly inner: Driver) {}
  init(): Promise<void> {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new DeadlineConnection(await this.inner.acquireConnection());
  }
  beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    checkDeadline();
    return this.inner.beginTransaction(unwrap(c), settings);
  }
  async commitTransaction(c: DatabaseConnection): Promise<void> {
    // Throwing here makes Kysely roll the transaction back.
    checkDeadline();
    return this.inner.commitTransaction(unwrap(c));
  }
  async savepoint(
    c: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ): Promise<void> {
    checkDeadline();
    await this.inner.savepoint?.(unwrap(c), name, compile);
  }
  async rollbackToSavepoint(
    c: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ): Promise<void> {
    await this.inner.rollbackToSavepoint?.(unwrap(c), name, compile);
  }
  async releaseSavepoint(
    c: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ): Promise<void> {
    checkDeadline();
    await this.inner.releaseSavepoint?.(unwrap(c), name, compile);
  }
  rollbackTransaction(c: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(unwrap(c));
  }
  releaseConnection(c: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(unwrap(c));
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** `dialect`, keeping to the current request's time budget. */
export function withDeadlines(dialect: Dialect): Dialect {
  return {
    createDriver: (): Driver => {
      const inner = dialect.createDriver();
      const driver = new DeadlineDriver(inner);
      // Kysely asks whether the driver has savepoints: the answer stays the inner driver's.
      if (!inner.savepoint)
        Object.assign(driver, {
          savepoint: undefined,
          rollbackToSavepoint: undefined,
          releaseSavepoint: undefined,
        });
      return driver;
    },
    createQueryCompiler: (): QueryCompiler => dialect.createQueryCompiler(),
    createAdapter: (): DialectAdapter => dialect.createAdapter(),
    // biome-ignore lint/suspicious/noExplicitAny: Kysely's own signature
    createIntrospector: (db: Kysely<any>): DatabaseIntrospector => dialect.createIntrospector(db),
  };
}
