/** SQL for the departments' parts of a round's items (issue 12.3) and the item state derived from them. */
import type { Kysely, Transaction } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { compiledOnce } from "../db/prepared.ts";
import type { Database } from "../db/schema.ts";
import { scoped } from "../db/tenant.ts";
import type { ItemState } from "../domain/rounds/states.ts";

type Q = Kysely<Database> | Transaction<Database>;

export type PartRow = {
  item_key: string;
  department_key: string;
  state: ItemState;
  version: number;
  return_comment: string | null;
  narrative: string | null;
  next_year_plan: string | null;
  status: string | null;
  updated_by: string | null;
  updated_at: Date | null;
  submitted_at: Date | null;
  reviewed_at: Date | null;
};

const COLUMNS = [
  "item_key",
  "department_key",
  "state",
  "version",
  "return_comment",
  "narrative",
  "next_year_plan",
  "status",
  "updated_by",
  "updated_at",
  "submitted_at",
  "reviewed_at",
] as const;

/** The parts of a round (of one item when given). */
export async function roundParts(q: Q, code: string, roundId: string, itemKey?: string): Promise<PartRow[]> {
  let query = scoped(q, code).selectFrom("round_parts").select(COLUMNS).where("round_id", "=", roundId);
  if (itemKey !== undefined) query = query.where("item_key", "=", itemKey);
  return query.execute();
}

/** Parts for these items and departments, unless they exist (their items' rows must exist). */
export async function ensureParts(
  q: Q,
  code: string,
  roundId: string,
  parts: readonly { itemKey: string; departmentKey: string }[],
): Promise<void> {
  if (parts.length === 0) return;
  await q
    .insertInto("round_parts")
    .values(
      parts.map((p) => ({
        municipality_code: code,
        round_id: roundId,
        item_key: p.itemKey,
        department_key: p.departmentKey,
        state: "not_started" as const,
      })),
    )
    .onConflict((oc) =>
      oc.columns(["municipality_code", "round_id", "item_key", "department_key"]).doNothing(),
    )
    .execute();
}

/** Compare-and-set on the part's version, as updateRoundItem does for an item. */
export async function updatePart(
  q: Q,
  code: string,
  roundId: string,
  itemKey: string,
  departmentKey: string,
  expectedVersion: number,
  patch: Partial<Omit<PartRow, "item_key" | "department_key" | "version">>,
): Promise<boolean> {
  const r = await scoped(q, code)
    .updateTable("round_parts")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("round_id", "=", roundId)
    .where("item_key", "=", itemKey)
    .where("department_key", "=", departmentKey)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Writes a part's texts without a version check (the first part taking over the item's earlier texts). */
export async function setPartTexts(
  q: Q,
  code: string,
  roundId: string,
  itemKey: string,
  departmentKey: string,
  texts: { narrative: string | null; next_year_plan: string | null; status: string | null },
): Promise<void> {
  await scoped(q, code)
    .updateTable("round_parts")
    .set(texts)
    .where("round_id", "=", roundId)
    .where("item_key", "=", itemKey)
    .where("department_key", "=", departmentKey)
    .execute();
}

/** The item's row follows its parts: the derived state, a new version, who and when. */
export async function setItemState(
  q: Q,
  code: string,
  roundId: string,
  itemKey: string,
  patch: {
    state: ItemState;
    updated_by: string;
    updated_at: Date;
    return_comment?: string | null;
    submitted_at?: Date;
    reviewed_at?: Date;
  },
): Promise<void> {
  await scoped(q, code)
    .updateTable("round_items")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("round_id", "=", roundId)
    .where("item_key", "=", itemKey)
    .execute();
}

export type ItemRowOfRound = {
  item_key: string;
  state: ItemState;
  version: number;
  return_comment: string | null;
  updated_by: string | null;
  updated_at: Date | null;
  submitted_at: Date | null;
  reviewed_at: Date | null;
};

/** A part as json_agg gives it back: its timestamps as text. */
type PartJson = Omit<PartRow, "item_key" | "updated_at" | "submitted_at" | "reviewed_at"> & {
  updated_at: string | null;
  submitted_at: string | null;
  reviewed_at: string | null;
};

const dateOf = (s: string | null) => (s === null ? null : new Date(s));

function itemsQuery(q: Q, code: string, roundIds: readonly string[], itemKey?: string) {
  const query = scoped(q, code)
    .selectFrom("round_items as i")
    .select((eb) => [
      "i.round_id",
      "i.item_key",
      "i.state",
      "i.version",
      "i.return_comment",
      "i.updated_by",
      "i.updated_at",
      "i.submitted_at",
      "i.reviewed_at",
      jsonArrayFrom(
        eb
          .selectFrom("round_parts as p")
          .select([
            "p.department_key",
            "p.state",
            "p.version",
            "p.return_comment",
            "p.narrative",
            "p.next_year_plan",
            "p.status",
            "p.updated_by",
            "p.updated_at",
            "p.submitted_at",
            "p.reviewed_at",
          ])
          .whereRef("p.municipality_code", "=", "i.municipality_code")
          .whereRef("p.round_id", "=", "i.round_id")
          .whereRef("p.item_key", "=", "i.item_key"),
      ).as("parts"),
    ])
    .where("i.round_id", "in", roundIds);
  return itemKey === undefined ? query : query.where("i.item_key", "=", itemKey);
}

/**
 * The items and their parts of several rounds in one query. Each item's parts are gathered by a subquery on the
 * parts' whole primary key (an index lookup per item, whatever the planner guesses): a plain join was planned as
 * a nested loop that read every part of the round once per item (the planner multiplies the selectivities of the
 * municipality and the round, which go together, and expects one row; 84 ms for a 150-item round).
 */
export async function itemsWithParts(
  q: Q,
  code: string,
  roundIds: readonly string[],
  /** one item only */
  itemKey?: string,
): Promise<Map<string, { items: ItemRowOfRound[]; parts: PartRow[] }>> {
  const out = new Map(roundIds.map((id) => [id, { items: [] as ItemRowOfRound[], parts: [] as PartRow[] }]));
  if (roundIds.length === 0) return out;
  // one item of one round (every item page): compiled once and prepared (src/db/prepared.ts)
  const rows =
    itemKey !== undefined && roundIds.length === 1
      ? (
          await q.executeQuery(
            compiledOnce(
              "itemWithParts",
              (c, round: string, item: string) => itemsQuery(q, c, [round], item),
              code,
              roundIds[0]!,
              itemKey,
            ),
          )
        ).rows
      : await itemsQuery(q, code, roundIds, itemKey).execute();
  for (const r of rows) {
    const round = out.get(r.round_id);
    if (!round) continue;
    round.items.push({
      item_key: r.item_key,
      state: r.state,
      version: r.version,
      return_comment: r.return_comment,
      updated_by: r.updated_by,
      updated_at: r.updated_at,
      submitted_at: r.submitted_at,
      reviewed_at: r.reviewed_at,
    });
    for (const p of r.parts as unknown as PartJson[])
      round.parts.push({
        ...p,
        item_key: r.item_key,
        updated_at: dateOf(p.updated_at),
        submitted_at: dateOf(p.submitted_at),
        reviewed_at: dateOf(p.reviewed_at),
      });
  }
  return out;
}
