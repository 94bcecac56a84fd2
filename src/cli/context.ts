/** Opening the database for a command and closing it whatever happens. */
import { type DB, databaseOptionsFromEnv, type OpenDatabase, openDatabase } from "../db/database.ts";

export async function withDatabase<T>(
  dataDir: string | undefined,
  fn: (db: DB, open: OpenDatabase) => Promise<T>,
): Promise<T> {
  const open = await openDatabase(databaseOptionsFromEnv(dataDir));
  try {
    return await fn(open.db, open);
  } finally {
    await open.close();
  }
}
