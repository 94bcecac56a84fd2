/**
 * SQL for the lists of what is published (the public list page, the API's list): the latest version of every
 * published plan and fiscal year, whole or a page at a time. Across municipalities on purpose: publications are
 * public.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { scopedOrAll } from "../db/tenant.ts";
import { base, type PublicationRow } from "./publish.repository.ts";

type Q = Kysely<Database> | Transaction<Database>;

/** The latest version of every published plan and fiscal year, by municipality, plan and year (newest first). */
export async function listLatest(q: Q): Promise<PublicationRow[]> {
  return base(q)
    .where(({ eb, ref, selectFrom }) =>
      eb(
        "p.version",
        "=",
        selectFrom("publications as p2")
          .select((e) => e.fn.max("p2.version").as("v"))
          .whereRef("p2.municipality_code", "=", ref("p.municipality_code"))
          .whereRef("p2.plan_id", "=", ref("p.plan_id"))
          .whereRef("p2.fiscal_year", "=", ref("p.fiscal_year")),
      ),
    )
    .orderBy("p.municipality_code")
    .orderBy("pl.key")
    .orderBy("p.fiscal_year", "desc")
    .execute();
}

/** Where a page of the list of latest versions starts: after this publication, in the list's order. */
export type ListCursor = { municipalityCode: string; planKey: string; fiscalYear: number };

/**
 * One page of listLatest's list (same order: municipality, plan key, fiscal year newest first): at most `limit`
 * rows after `after`, of one municipality or of all. Keyset paging whose work is bounded by the page: the plans
 * of the page are found first (at most `limit` plans with a publication after the cursor's own, in the order of the unique index on
 * municipality and key, from the cursor on), and only their publications are joined, checked for being the
 * latest version and sorted. So a page costs the same wherever it is and however many municipalities there are.
 */
export async function listLatestPage(
  q: Q,
  page: { municipalityCode?: string | undefined; after?: ListCursor | undefined; limit: number },
): Promise<PublicationRow[]> {
  const after = page.after;
  let plans = scopedOrAll(q, page.municipalityCode, "published versions are public")
    .selectFrom("plans as pp")
    .select(["pp.municipality_code", "pp.id"])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("publications as p0")
          .select("p0.version")
          .whereRef("p0.municipality_code", "=", "pp.municipality_code")
          .whereRef("p0.plan_id", "=", "pp.id"),
      ),
    );
  if (after)
    plans = plans.where(({ eb, refTuple, tuple }) =>
      eb(refTuple("pp.municipality_code", "pp.key"), ">=", tuple(after.municipalityCode, after.planKey)),
    );
  // Each plan with a publication gives at least one row; the cursor's own plan may have none left.
  const pagePlans = plans
    .orderBy("pp.municipality_code")
    .orderBy("pp.key")
    .limit(after ? page.limit + 1 : page.limit);
  let query = base(q)
    .where(({ eb, refTuple }) =>
      eb(refTuple("p.municipality_code", "p.plan_id"), "in", pagePlans.$asTuple("municipality_code", "id")),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("publications as p2")
            .select("p2.version")
            .whereRef("p2.municipality_code", "=", "p.municipality_code")
            .whereRef("p2.plan_id", "=", "p.plan_id")
            .whereRef("p2.fiscal_year", "=", "p.fiscal_year")
            .whereRef("p2.version", ">", "p.version"),
        ),
      ),
    );
  if (after)
    query = query.where(({ eb, or, and, refTuple, tuple }) =>
      or([
        eb(refTuple("p.municipality_code", "pl.key"), ">", tuple(after.municipalityCode, after.planKey)),
        and([
          eb("p.municipality_code", "=", after.municipalityCode),
          eb("pl.key", "=", after.planKey),
          eb("p.fiscal_year", "<", after.fiscalYear),
        ]),
      ]),
    );
  return query
    .orderBy("p.municipality_code")
    .orderBy("pl.key")
    .orderBy("p.fiscal_year", "desc")
    .limit(page.limit)
    .execute();
}
