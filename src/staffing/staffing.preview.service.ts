/**
 * The browser's staffing upload in two steps, like the plan import: the upload shows what storing it would
 * remove and change (nothing stored yet); the confirmation stores exactly the previewed upload (kept on the
 * server under a token, its bytes hashed), only if the stored staffing data is still what the preview saw
 * (its digest), and removals only with the box ticked.
 */
import { createHash, randomBytes } from "node:crypto";
import { authorize, invalid } from "../core/errors.ts";
import type { Finding } from "../core/findings.ts";
import { type Actor, canImportStaffing } from "../core/policy.ts";
import {
  type StaffingChange,
  type StaffingRemoval,
  staffingChanges,
  staffingRemovals,
} from "../core/staffing-document/removals.ts";
import type { DB } from "../db/database.ts";
import { staffingDigest } from "./staffing.removals.ts";
import {
  type FileBytes,
  getStaffing,
  importStaffingDocuments,
  readOwnStaffingFiles,
  type StoredStaffing,
} from "./staffing.service.ts";

export type StaffingPreview = {
  municipalityCode: string;
  municipalityName: string;
  file: string;
  /** nothing stored yet for the municipality: all is added */
  isNew: boolean;
  units: number;
  headcounts: number;
  removals: StaffingRemoval[];
  changes: StaffingChange[];
  /** the stored data the preview saw */
  digest: string;
};

export type StaffingPreviewResult = {
  documents: StaffingPreview[];
  findings: Finding[];
  token: string;
  upload: string;
};

type Kept = {
  userId: string;
  files: FileBytes[];
  upload: string;
  expected: Map<string, string>;
  preview: StaffingPreviewResult;
  at: number;
};

const KEEP_MS = 30 * 60 * 1000;
const KEEP_MAX = 20;
const KEEP_BYTES = 200 * 1024 * 1024;
const kept = new Map<string, Kept>();
const EXPIRED = "確認画面の有効期限が切れました。もう一度ファイルを選んでください。";

function uploadHash(files: readonly FileBytes[]): string {
  const h = createHash("sha256");
  for (const f of files) h.update(`\u0000${f.path}\u0000${f.bytes.length}\u0000`).update(f.bytes);
  return h.digest("hex");
}

const keptBytes = () =>
  [...kept.values()].reduce((n, k) => n + k.files.reduce((m, f) => m + f.bytes.length, 0), 0);

/** Forgets expired uploads, then the oldest while too many or too large together. */
function forget(now: number, adding: number): void {
  for (const [token, k] of kept) if (now - k.at > KEEP_MS) kept.delete(token);
  while (kept.size > 0 && (kept.size >= KEEP_MAX || keptBytes() + adding > KEEP_BYTES))
    kept.delete(kept.keys().next().value!);
}

/** Reads the upload and compares it with the stored data; stores nothing, keeps the files for the confirmation. */
export async function previewStaffingFilesAs(
  db: DB,
  user: Actor,
  files: FileBytes[],
): Promise<StaffingPreviewResult> {
  const { documents, findings } = await readOwnStaffingFiles(user, files);
  const previews: StaffingPreview[] = [];
  for (const d of documents) {
    const stored = await getStaffing(db, d.document.municipality.code);
    previews.push({
      municipalityCode: d.document.municipality.code,
      municipalityName: d.document.municipality.name,
      file: d.file,
      isNew: stored === null,
      units: d.document.units.length,
      headcounts: d.document.headcounts.length,
      removals: stored ? staffingRemovals(stored, d.document) : [],
      changes: stored ? staffingChanges(stored, d.document) : [],
      digest: staffingDigest(stored),
    });
  }
  const now = Date.now();
  forget(
    now,
    files.reduce((n, f) => n + f.bytes.length, 0),
  );
  const token = randomBytes(24).toString("base64url");
  const upload = uploadHash(files);
  const preview = { documents: previews, findings, token, upload };
  kept.set(token, {
    userId: user.id,
    files,
    upload,
    expected: new Map(previews.map((p) => [p.municipalityCode, p.digest])),
    preview,
    at: now,
  });
  return preview;
}

function keptFor(user: Actor, token: string, upload: string): Kept {
  const k = kept.get(token);
  if (!k || k.userId !== user.id || k.upload !== upload || Date.now() - k.at > KEEP_MS)
    throw invalid({ files: EXPIRED }, EXPIRED);
  return k;
}

/** The preview of a kept upload again (the confirmation page shown once more with an error). */
export function keptStaffingPreview(
  user: Actor,
  token: string,
  upload: string,
): StaffingPreviewResult | null {
  try {
    return keptFor(user, token, upload).preview;
  } catch {
    return null;
  }
}

/**
 * The confirmation: stores the previewed upload of this user; removals only with `allowRemovals` (else an
 * `invalid` error on that field), and only over the stored data the preview saw (else conflict).
 */
export async function confirmStaffingAs(
  db: DB,
  user: Actor,
  form: { token: string; upload: string; allowRemovals: boolean },
): Promise<{ stored: StoredStaffing[]; findings: Finding[] }> {
  authorize(canImportStaffing(user, user), "定数管理のデータを取り込めるのは行革担当と管理者です。");
  const k = keptFor(user, form.token, form.upload);
  const removals = k.preview.documents.reduce((n, d) => n + d.removals.length, 0);
  if (removals > 0 && !form.allowRemovals)
    throw invalid(
      { allowRemovals: "削除される内容を確認し、チェックを入れてください。" },
      "保存されているデータを削除するため、削除の確認が必要です。何も保存していません。",
    );
  const { documents, findings } = await readOwnStaffingFiles(user, k.files);
  const stored = await importStaffingDocuments(db, documents, {
    actor: user,
    allowRemovals: form.allowRemovals,
    expected: k.expected,
  });
  kept.delete(form.token);
  return { stored, findings: [...findings, ...stored.flatMap((s) => s.findings)] };
}
