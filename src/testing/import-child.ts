/**
 * A process for the kill-during-import test (src/plans/kill-import.dbtest.ts): opens the database named by
 * its argument (DatabaseOptions as JSON), stores a small plan, says "importing", then replaces it by a large
 * one — and is killed with SIGKILL somewhere in that import.
 */
import { openDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { killPlans } from "./kill-plans.ts";

const open = await openDatabase(JSON.parse(process.argv[2]!));
const { small, large } = killPlans();
await importDocuments(open.db, [small]);
process.stdout.write("importing\n");
await importDocuments(open.db, [large]);
process.stdout.write("done\n");
await open.close();
