/**
 * The preview of an import: what storing the files would change in each plan, before anything is stored
 * (the browser's confirmation page, `gyokaku import --dry-run`). The browser keeps the previewed upload on
 * the server under a token for a while; the confirmation stores exactly that upload, and only if the stored
 * plan has not changed since (the digest of the changes).
 */
import { createHash, randomBytes } from "node:crypto";
import { authorize, invalid } from "../core/errors.ts";
import type { Finding } from "../core/findings.ts";
import { diffPlans, isRemoval, type PlanChange, tally } from "../core/plan-diff/diff.ts";
import { changesDigest } from "../core/plan-diff/digest.ts";
import { type Actor, canEditPlan } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import { countDocument, findPlansByKey, loadPlanDocument } from "../plans/plans.service.ts";
import * as repo from "./import.repository.ts";
import {
  type FileBytes,
  type ImportFileOptions,
  type ImportOutcome,
  importFiles,
  readImport,
} from "./import.service.ts";

export type PlanPreview = {
  municipalityCode: string;
  municipalityName: string;
  key: string;
  title: string;
  /** the stored plan this import replaces; null for a new plan */
  planId: string | null;
  counts: { items: number; indicators: number; actuals: number };
  /** for a new plan: its items, added; otherwise every change */
  changes: PlanChange[];
  removals: number;
  tally: { added: number; changed: number; removed: number };
  lockedYears: number[];
  publishedYears: number[];
  /** what the confirmation must find again when it stores */
  digest: string;
};

export type ImportPreview = { plans: PlanPreview[]; findings: Finding[] };

/** Reads the files and compares each plan with the stored one; stores nothing. */
export async function previewImport(
  db: DB,
  files: FileBytes[],
  options: ImportFileOptions = {},
): Promise<ImportPreview> {
  const { documents, findings } = await readImport(db, files, options);
  const plans: PlanPreview[] = [];
  for (const doc of documents) {
    const code = doc.municipality.code;
    const row = (await findPlansByKey(db, doc.plan.key, code))[0];
    const before = row ? await loadPlanDocument(db, code, row.id) : null;
    const changes = before ? diffPlans(before, doc) : [];
    plans.push({
      municipalityCode: code,
      municipalityName: doc.municipality.name,
      key: doc.plan.key,
      title: doc.plan.title,
      planId: row?.id ?? null,
      counts: countDocument(doc),
      changes: before ? changes : diffPlans(null, doc).filter((c) => c.target === "item"),
      removals: changes.filter(isRemoval).length,
      tally: tally(changes),
      lockedYears: row ? await repo.lockedYears(db, code, row.id) : [],
      publishedYears: row ? await repo.publishedYears(db, code, row.id) : [],
      digest: changesDigest(changes),
    });
  }
  return { plans, findings };
}

/** Whether a change touches a year in the list (a published or locked year). */
export function touchesYears(change: PlanChange, years: readonly number[]): boolean {
  return change.years.some((y) => years.includes(y));
}

// ---- The browser's previewed uploads, kept in memory for a while ----

type Kept = {
  userId: string;
  municipalityCode: string;
  files: FileBytes[];
  format: string | undefined;
  /** a hash of the uploaded bytes, shown in the form and checked on confirmation */
  upload: string;
  expected: Map<string, string>;
  at: number;
};

const KEEP_MS = 30 * 60 * 1000;
const KEEP_MAX = 20;
const kept = new Map<string, Kept>();

function uploadHash(files: readonly FileBytes[], format: string | undefined): string {
  const h = createHash("sha256").update(format ?? "");
  for (const f of files) h.update(`\u0000${f.path}\u0000${f.bytes.length}\u0000`).update(f.bytes);
  return h.digest("hex");
}

/** All kept uploads together: the oldest are forgotten first (their confirmation then asks to upload again). */
const KEEP_BYTES = 200 * 1024 * 1024;
const keptBytes = () =>
  [...kept.values()].reduce((n, k) => n + k.files.reduce((m, f) => m + f.bytes.length, 0), 0);

function forget(now: number, adding: number): void {
  for (const [token, k] of kept) if (now - k.at > KEEP_MS) kept.delete(token);
  while (kept.size > 0 && (kept.size >= KEEP_MAX || keptBytes() + adding > KEEP_BYTES))
    kept.delete(kept.keys().next().value!);
}

/** The browser's preview: the files are kept under a token for the confirmation (30 minutes). */
export async function previewImportAs(
  db: DB,
  user: Actor,
  files: FileBytes[],
  format?: string,
): Promise<ImportPreview & { token: string; upload: string }> {
  authorize(canEditPlan(user, user), "計画を取り込めるのは行革担当と管理者です。");
  if (files.length === 0)
    throw invalid({ files: "取り込むファイルを選んでください。" }, "取り込むファイルを選んでください。");
  const preview = await previewImport(db, files, { format, municipalityCode: user.municipalityCode });
  const now = Date.now();
  forget(
    now,
    files.reduce((n, f) => n + f.bytes.length, 0),
  );
  const token = randomBytes(24).toString("base64url");
  const upload = uploadHash(files, format);
  kept.set(token, {
    userId: user.id,
    municipalityCode: user.municipalityCode,
    files,
    format,
    upload,
    expected: new Map(preview.plans.map((p) => [`${p.municipalityCode}/${p.key}`, p.digest])),
    at: now,
  });
  return { ...preview, token, upload };
}

/** The confirmation: stores the previewed upload of this user, only as previewed (else conflict). */
export async function confirmImportAs(
  db: DB,
  user: Actor,
  form: { token: string; upload: string; allowRemovals: boolean },
): Promise<ImportOutcome> {
  authorize(canEditPlan(user, user), "計画を取り込めるのは行革担当と管理者です。");
  const k = kept.get(form.token);
  if (!k || k.userId !== user.id || k.upload !== form.upload || Date.now() - k.at > KEEP_MS)
    throw invalid(
      { files: "確認画面の有効期限が切れました。もう一度ファイルを選んでください。" },
      "確認画面の有効期限が切れました。もう一度ファイルを選んでください。",
    );
  const outcome = await importFiles(db, k.files, {
    format: k.format,
    municipalityCode: k.municipalityCode,
    actor: user,
    allowRemovals: form.allowRemovals,
    expected: k.expected,
  });
  kept.delete(form.token);
  return outcome;
}
