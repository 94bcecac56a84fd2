/** The consent a staffing import needs when it would drop stored records, and their history entry. */
import { createHash } from "node:crypto";
import type { AuditEntry } from "../audit/audit.service.ts";
import { AppError } from "../core/errors.ts";
import { content } from "../core/plan-diff/diff.ts";
import type { StaffingDocument } from "../core/staffing-document/index.ts";
import {
  STAFFING_FIELD_LABELS,
  type StaffingChange,
  type StaffingRemoval,
} from "../core/staffing-document/removals.ts";

export const label = (field: string) => STAFFING_FIELD_LABELS[field] ?? field;

const KEY_LABELS: Record<string, string> = {
  key: "キー",
  unit: "組織",
  name: "名称",
  parent: "上位",
  kind: "種類",
  sector: "部門",
  fiscalYear: "年度",
  count: "人数",
  quota: "定数",
  value: "値",
  label: "表示",
  category: "区分",
  population: "人口",
  group: "類型",
  age: "年齢",
  note: "備考",
};

/** A staffing record in words: 「組織: 総務部 / 年度: 2025 / 人数: 52」 (where it was read from left out). */
export function describeRecord(v: unknown): string {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return JSON.stringify(v) ?? "";
  return Object.entries(v as Record<string, unknown>)
    .filter(([k, x]) => k !== "source" && x !== undefined)
    .map(([k, x]) => `${KEY_LABELS[k] ?? k}: ${typeof x === "object" ? JSON.stringify(x) : String(x)}`)
    .join(" / ");
}

/** What the preview saw stored (null: nothing): the confirmation stores only over the same data. */
export function staffingDigest(doc: StaffingDocument | null): string {
  return createHash("sha256")
    .update(doc ? content(doc) : "")
    .digest("hex");
}

/** The stored staffing data changed between the preview and the confirmation: nothing is stored. */
export function staffingPreviewOutdated(municipality: string): AppError {
  return new AppError(
    "conflict",
    `${municipality} の定数管理データは確認画面を表示した後に変更されました。何も保存していません。もう一度取り込んで、変更内容を確認してください。`,
  );
}

export function staffingRemovalsRefused(
  municipality: string,
  removals: readonly StaffingRemoval[],
): AppError {
  const lines = removals.map((r) => `\n  ${label(r.field)}: ${r.removed.length} 件`);
  return new AppError(
    "invalid_document",
    `${municipality} の定数管理データの取込は、保存されているデータを削除するため、何も保存していません。` +
      `削除してよい場合は、コマンドでは --allow-removals を付け、画面では確認画面で削除に同意してください。${lines.join("")}`,
  );
}

/** One history entry per field, holding every removed record in full (to restore them). */
export function staffingRemovalEntries(removals: readonly StaffingRemoval[], note: string): AuditEntry[] {
  return removals.map((r) => ({
    action: "import.remove",
    subject: `定数管理 ${label(r.field)}（${r.removed.length} 件）`,
    before: r.removed,
    place: { kind: "staffing", field: r.field },
    note,
  }));
}

/** One history entry per changed record (before → after). */
export function staffingChangeEntries(changes: readonly StaffingChange[], note: string): AuditEntry[] {
  return changes.map((c) => ({
    action: "import.change",
    subject: `定数管理 ${label(c.field)}`,
    before: c.before,
    after: c.after,
    note,
  }));
}
