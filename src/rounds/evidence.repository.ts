/** SQL for evidence files (evidence_files): the bytes live in the database, keyed by the municipality first. */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { scoped } from "../db/tenant.ts";

type Q = Kysely<Database> | Transaction<Database>;

const META = [
  "id",
  "round_id",
  "item_key",
  "file_name",
  "content_type",
  "size",
  "uploaded_by_id",
  "uploaded_by_name",
  "uploaded_at",
  "public",
] as const;

export async function insertFile(
  q: Q,
  row: Database["evidence_files"] extends infer T ? Omit<T, "uploaded_at" | "public"> : never,
) {
  await q.insertInto("evidence_files").values(row).execute();
}

/** An item's files, oldest first (read with its messages: item-extras.repository.ts). */
export const filesQuery = (q: Q, code: string, roundId: string, itemKey: string) =>
  scoped(q, code)
    .selectFrom("evidence_files")
    .select([...META])
    .where("round_id", "=", roundId)
    .where("item_key", "=", itemKey)
    .orderBy("uploaded_at")
    .orderBy("id");

export type FileRow = Awaited<ReturnType<ReturnType<typeof filesQuery>["execute"]>>[number];

export async function findFile(q: Q, code: string, id: string) {
  return scoped(q, code)
    .selectFrom("evidence_files")
    .select([...META])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function fileData(q: Q, code: string, id: string): Promise<Uint8Array | undefined> {
  const r = await scoped(q, code)
    .selectFrom("evidence_files")
    .select("data")
    .where("id", "=", id)
    .executeTakeFirst();
  return r?.data;
}

export async function deleteFile(q: Q, code: string, id: string): Promise<void> {
  await scoped(q, code).deleteFrom("evidence_files").where("id", "=", id).execute();
}

export async function setPublic(q: Q, code: string, id: string, isPublic: boolean): Promise<void> {
  await scoped(q, code)
    .updateTable("evidence_files")
    .set({ public: isPublic })
    .where("id", "=", id)
    .execute();
}
