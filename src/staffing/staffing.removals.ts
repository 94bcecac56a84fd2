/** The consent a staffing import needs when it would drop stored records, and their history entry. */
import type { AuditEntry } from "../audit/audit.service.ts";
import { AppError } from "../core/errors.ts";
import { STAFFING_FIELD_LABELS, type StaffingRemoval } from "../core/staffing-document/removals.ts";

const label = (field: string) => STAFFING_FIELD_LABELS[field] ?? field;

export function staffingRemovalsRefused(
  municipality: string,
  removals: readonly StaffingRemoval[],
): AppError {
  const lines = removals.map((r) => `\n  ${label(r.field)}: ${r.removed.length} 件`);
  return new AppError(
    "invalid_document",
    `${municipality} の定数管理データの取込は、保存されているデータを削除するため、何も保存していません。` +
      `削除してよい場合は、コマンドでは --allow-removals を付け、画面では「削除を認める」にチェックを入れて取り込み直してください。${lines.join("")}`,
  );
}

/** One history entry per field, holding every removed record in full (to restore them). */
export function staffingRemovalEntries(removals: readonly StaffingRemoval[], note: string): AuditEntry[] {
  return removals.map((r) => ({
    action: "import.remove",
    subject: `定数管理 ${label(r.field)}（${r.removed.length} 件）`,
    before: r.removed,
    note,
  }));
}
