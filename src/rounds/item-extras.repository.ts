/**
 * SQL for what an item page shows below the item: its messages and its evidence files, in one query (every round
 * item page read them in two), compiled once and prepared (src/db/prepared.ts).
 */
import type { Kysely, Transaction } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { compiledOnce } from "../db/prepared.ts";
import type { Database } from "../db/schema.ts";
import { type CommentRow, commentsQuery } from "./conversation.repository.ts";
import { type FileRow, filesQuery } from "./evidence.repository.ts";

type Q = Kysely<Database> | Transaction<Database>;

/** A row as json_agg gives it back: its timestamp as text. */
type AsJson<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };

export async function commentsAndFiles(
  q: Q,
  code: string,
  roundId: string,
  itemKey: string,
): Promise<{ comments: CommentRow[]; files: FileRow[] }> {
  const query = compiledOnce(
    "commentsAndFiles",
    (c, round: string, item: string) =>
      q.selectNoFrom([
        jsonArrayFrom(commentsQuery(q, c, round, item)).as("comments"),
        jsonArrayFrom(filesQuery(q, c, round, item)).as("files"),
      ]),
    code,
    roundId,
    itemKey,
  );
  const row = (await q.executeQuery(query)).rows[0] as unknown as {
    comments: AsJson<CommentRow, "created_at">[];
    files: AsJson<FileRow, "uploaded_at">[];
  };
  return {
    comments: row.comments.map((r) => ({ ...r, created_at: new Date(r.created_at) })),
    files: row.files.map((r) => ({ ...r, uploaded_at: new Date(r.uploaded_at) })),
  };
}
