/**
 * Evidence files (根拠資料) on an item's answer: uploaded by whoever may edit the answer, checked (size, type
 * by extension and first bytes, a safe name), stored in the database, listed with who and when, removable by
 * their uploader until the item is approved, and in the history. Internal unless the office makes one public.
 */
import { randomUUID } from "node:crypto";
import { record } from "../audit/audit.service.ts";
import { AppError, authorize, invalid, notFound } from "../core/errors.ts";
import { type Actor, canAttachEvidence, canPublishEvidence, canRemoveEvidence } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import { checkEvidence, MAX_EVIDENCE_BYTES } from "../domain/evidence.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import * as repo from "./evidence.repository.ts";
import { roundStatusForShare } from "./rounds.repository.ts";
import { type LoadedItem, loadItem } from "./rounds.service.ts";

export { MAX_EVIDENCE_BYTES };

export type EvidenceFile = {
  id: string;
  fileName: string;
  size: number;
  uploadedBy: string;
  uploadedAt: Date;
  public: boolean;
  canRemove: boolean;
};

export type EvidenceList = { files: EvidenceFile[]; canAttach: boolean; canPublish: boolean };

async function itemContext(db: DB, user: Actor, roundId: string, itemKey: string, loaded?: LoadedItem) {
  const { ctx, status } = loaded ?? (await loadItem(db, user, roundId, itemKey));
  const ref = {
    round: { municipalityCode: ctx.round.municipality_code, status: ctx.round.status },
    state: status.state,
    departmentIds: status.departmentIds,
  };
  const fy = ctx.round.fiscal_year;
  const base = { planId: ctx.round.plan_id, itemKey, fiscalYear: fy };
  const label = `${status.item.number ?? ""} ${status.item.title}`.trim();
  return { ctx, ref, base, subject: (name: string) => `${label} ${warekiFiscalYear(fy)} / ${name}` };
}

export async function evidenceOf(
  db: DB,
  user: Actor,
  roundId: string,
  itemKey: string,
  /** the item as the page read it */
  loaded: LoadedItem,
  /** its files as the page read them (item-extras.service.ts) */
  rows: repo.FileRow[],
): Promise<EvidenceList> {
  const { ref } = await itemContext(db, user, roundId, itemKey, loaded);
  return {
    files: rows.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      size: r.size,
      uploadedBy: r.uploaded_by_name,
      uploadedAt: r.uploaded_at,
      public: r.public,
      canRemove: canRemoveEvidence(user, ref, { uploadedById: r.uploaded_by_id }),
    })),
    canAttach: canAttachEvidence(user, ref),
    canPublish: canPublishEvidence(user, ref),
  };
}

const lockedError = () =>
  new AppError("locked", "この照会はロックされているため、根拠資料は変更できません。何も保存していません。");

/** Stores one file after checking it; a refused file stores nothing. */
export async function attachEvidence(
  db: DB,
  user: Actor,
  roundId: string,
  itemKey: string,
  file: { name: string; bytes: Uint8Array } | undefined,
): Promise<string> {
  const { ctx, ref, base, subject } = await itemContext(db, user, roundId, itemKey);
  if (ctx.round.status === "locked") throw lockedError();
  authorize(
    canAttachEvidence(user, ref),
    "この項目に根拠資料を添付する権限がありません（提出済・承認済の項目には添付できません）。",
  );
  if (!file) throw invalid({ file: "ファイルを選んでください。" });
  const checked = checkEvidence(file.name, file.bytes);
  if (!checked.ok) throw invalid({ file: checked.message });
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    if ((await roundStatusForShare(trx, user.municipalityCode, roundId)) !== "open") throw lockedError();
    await repo.insertFile(trx, {
      municipality_code: user.municipalityCode,
      id,
      round_id: roundId,
      item_key: itemKey,
      file_name: checked.fileName,
      content_type: checked.contentType,
      size: checked.size,
      data: file.bytes,
      uploaded_by_id: user.id,
      uploaded_by_name: user.name,
    });
    await record(trx, user, [
      {
        ...base,
        action: "evidence.add",
        subject: subject(checked.fileName),
        after: {
          name: checked.fileName,
          size: `${Math.ceil(checked.size / 1024).toLocaleString("ja-JP")} KB`,
        },
      },
    ]);
  });
  return id;
}

async function fileOf(db: DB, user: Actor, roundId: string, itemKey: string, fileId: string) {
  const f = /^[0-9a-f-]{36}$/i.test(fileId)
    ? await repo.findFile(db, user.municipalityCode, fileId)
    : undefined;
  if (!f || f.round_id !== roundId || f.item_key !== itemKey)
    throw notFound("この根拠資料は見つかりません。");
  return f;
}

export async function removeEvidence(db: DB, user: Actor, roundId: string, itemKey: string, fileId: string) {
  const { ctx, ref, base, subject } = await itemContext(db, user, roundId, itemKey);
  const f = await fileOf(db, user, roundId, itemKey, fileId);
  if (ctx.round.status === "locked") throw lockedError();
  authorize(
    canRemoveEvidence(user, ref, { uploadedById: f.uploaded_by_id }),
    "根拠資料を削除できるのは、添付した本人だけです（承認の後は削除できません）。",
  );
  await db.transaction().execute(async (trx) => {
    if ((await roundStatusForShare(trx, user.municipalityCode, roundId)) !== "open") throw lockedError();
    await repo.deleteFile(trx, user.municipalityCode, f.id);
    await record(trx, user, [
      { ...base, action: "evidence.remove", subject: subject(f.file_name), before: { name: f.file_name } },
    ]);
  });
}

export async function setEvidencePublic(
  db: DB,
  user: Actor,
  roundId: string,
  itemKey: string,
  fileId: string,
  isPublic: boolean,
) {
  const { ref, base, subject } = await itemContext(db, user, roundId, itemKey);
  const f = await fileOf(db, user, roundId, itemKey, fileId);
  authorize(canPublishEvidence(user, ref), "根拠資料を公開にできるのは行革担当と管理者です。");
  if (f.public === isPublic) return;
  await db.transaction().execute(async (trx) => {
    await repo.setPublic(trx, user.municipalityCode, f.id, isPublic);
    await record(trx, user, [
      {
        ...base,
        action: "evidence.public",
        subject: subject(f.file_name),
        before: { public: f.public ? "公開" : "内部のみ" },
        after: { public: isPublic ? "公開" : "内部のみ" },
      },
    ]);
  });
}

/** A file to download: any user of the municipality who may see the round. */
export async function downloadEvidence(
  db: DB,
  user: Actor,
  roundId: string,
  itemKey: string,
  fileId: string,
) {
  await loadItem(db, user, roundId, itemKey);
  const f = await fileOf(db, user, roundId, itemKey, fileId);
  const data = await repo.fileData(db, user.municipalityCode, f.id);
  if (!data) throw notFound("この根拠資料は見つかりません。");
  return { fileName: f.file_name, contentType: f.content_type, data };
}

/** A file the office made public, for the public pages (no login); anything else is not found. */
export async function publicEvidence(db: DB, municipalityCode: string, fileId: string) {
  const ok = /^\d{6}$/.test(municipalityCode) && /^[0-9a-f-]{36}$/i.test(fileId);
  const f = ok ? await repo.findFile(db, municipalityCode, fileId) : undefined;
  if (!f?.public) throw notFound("この資料は公開されていません。");
  const data = await repo.fileData(db, municipalityCode, f.id);
  if (!data) throw notFound("この資料は公開されていません。");
  return { fileName: f.file_name, contentType: f.content_type, data };
}
