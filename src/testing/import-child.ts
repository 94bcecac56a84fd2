/**
 * A process for the kill-during-import test (src/plans/kill-import.dbtest.ts): opens the database named by
 * its argument (DatabaseOptions as JSON), stores a small plan, says "importing", then replaces it by a large
 * one, saying "statement N" before each statement the import sends (the points where the test kills it with
 * SIGKILL), and "done" if it is not killed. Writes to a pipe are synchronous on Linux and macOS: the line is
 * out before the statement is sent.
 */
import type { KyselyPlugin } from "kysely";
import { openDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { killPlans } from "./kill-plans.ts";

const open = await openDatabase(JSON.parse(process.argv[2]!));
const { small, large } = killPlans();
await importDocuments(open.db, [small]);
let statements = 0;
const progress: KyselyPlugin = {
  transformQuery: (args) => {
    process.stdout.write(`statement ${++statements}\n`);
    return args.node;
  },
  transformResult: async (args) => args.result,
};
process.stdout.write("importing\n");
await importDocuments(open.db.withPlugin(progress), [large]);
process.stdout.write(`done ${statements}\n`);
await open.close();
