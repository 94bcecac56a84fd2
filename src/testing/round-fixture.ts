/**
 * A database with the sample plan (Ebetsu, 012173), an office user and a 総務課 department user signed in, a
 * reporting round open for a year, and the app on a query-counting handle: what the tests of the kept pages
 * (dashboard, rounds) start from.
 */
import type { Actor } from "../core/policy.ts";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { openRound } from "../rounds/rounds.service.ts";
import { createApp } from "../web/app.tsx";
import { actorOf, signIn, type TestSession } from "./auth.ts";
import { openTestDatabase } from "./db.ts";
import { samplePlanDocument } from "./factories.ts";
import { countingDb, type QueryCounter } from "./query-count.ts";

export type RoundFixture = {
  open: OpenDatabase;
  app: ReturnType<typeof createApp>;
  counter: QueryCounter;
  planId: string;
  office: TestSession;
  somu: TestSession;
  officeActor: Actor;
  somuActor: Actor;
  roundId: string;
};

export async function openRoundFixture(fiscalYear: number, code = "012173"): Promise<RoundFixture> {
  const open = await openTestDatabase();
  const counting = countingDb(open.db);
  const app = createApp({ ...open, db: counting.db });
  const planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
  const office = await signIn(open.db, "office", { municipalityCode: code, name: "行革 花子" });
  const somu = await signIn(open.db, "department", {
    municipalityCode: code,
    departments: ["総務部/総務課"],
  });
  const officeActor = await actorOf(open.db, office);
  const somuActor = await actorOf(open.db, somu);
  const roundId = await openRound(open.db, officeActor, {
    planId,
    fiscalYear: String(fiscalYear),
    deadline: "2099-06-30",
  });
  return { open, app, counter: counting.counter, planId, office, somu, officeActor, somuActor, roundId };
}
