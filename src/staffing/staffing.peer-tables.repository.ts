/**
 * SQL for the national 類似団体別職員数 tables. They live under the shared reference scope
 * (SHARED_REFERENCE_CODE): one table per 類型 and year for the whole instance, read by every municipality of
 * that 類型. Every query goes through scoped(q, SHARED_REFERENCE_CODE), like a municipality's own rows.
 */
import type { PeerTableDocument } from "../core/staffing-document/index.ts";
import { json } from "../db/schema.ts";
import { type Q, scoped } from "../db/tenant.ts";
import { SHARED_REFERENCE_CODE } from "../domain/municipality-code.ts";

const SHARED_NAME = "（全団体共通の参照データ）";

/** Stores a table, replacing the one of the same 類型 and year. Run inside a transaction. */
export async function replacePeerTable(q: Q, t: PeerTableDocument): Promise<void> {
  await q
    .insertInto("municipalities")
    .values({ municipality_code: SHARED_REFERENCE_CODE, name: SHARED_NAME })
    .onConflict((oc) => oc.column("municipality_code").doNothing())
    .execute();
  await scoped(q, SHARED_REFERENCE_CODE)
    .deleteFrom("staffing_peer_tables")
    .where("scheme", "=", t.scheme)
    .where("group_code", "=", t.group)
    .where("fiscal_year", "=", t.fiscalYear)
    .execute();
  await q
    .insertInto("staffing_peer_tables")
    .values({
      municipality_code: SHARED_REFERENCE_CODE,
      scheme: t.scheme,
      group_code: t.group,
      fiscal_year: t.fiscalYear,
      base_date: t.baseDate,
      members: t.members ?? null,
      title: t.title ?? null,
      sector_scheme: t.sectorScheme,
      rows: json(t.rows),
      averages: json(t.averages),
      source: t.source ? json(t.source) : null,
    })
    .execute();
}

/** Every table the instance holds, by scheme, 類型 and year. */
export async function loadPeerTables(q: Q): Promise<PeerTableDocument[]> {
  const rows = await scoped(q, SHARED_REFERENCE_CODE)
    .selectFrom("staffing_peer_tables")
    .selectAll()
    .orderBy("scheme")
    .orderBy("group_code")
    .orderBy("fiscal_year")
    .execute();
  return rows.map((r) => ({
    format: "gyokaku.peer-table/1" as const,
    scheme: r.scheme,
    group: r.group_code,
    fiscalYear: r.fiscal_year,
    baseDate: r.base_date,
    ...(r.members !== null ? { members: r.members } : {}),
    ...(r.title !== null ? { title: r.title } : {}),
    sectorScheme: r.sector_scheme,
    rows: r.rows,
    averages: r.averages,
    ...(r.source ? { source: r.source } : {}),
  }));
}
