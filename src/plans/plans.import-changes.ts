/**
 * What a re-import changes, as the plan store records and guards it: removals need consent, a previewed
 * import stores only what was previewed, and every change goes into the item's history.
 */
import type { AuditEntry } from "../audit/audit.service.ts";
import { AppError } from "../core/errors.ts";
import { changePlace, describeChange } from "../core/plan-diff/describe.ts";
import type { PlanChange } from "../core/plan-diff/diff.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";

const SHOWN = 20;

/** An import that would remove items, indicators, values or progress entries, without consent: nothing is stored. */
export function removalsRefused(plan: string, removals: readonly PlanChange[]): AppError {
  const shown = removals.slice(0, SHOWN).map((c) => `\n  ${describeChange(c)}`);
  const more = removals.length > SHOWN ? `\n  ほか ${removals.length - SHOWN} 件` : "";
  return new AppError(
    "invalid_document",
    `計画 ${plan} の取込は、保存されている ${removals.length} 件の内容を削除するため、何も保存していません。` +
      `削除してよい場合は、コマンドでは --allow-removals を付け、画面では確認画面で削除に同意してください` +
      `（gyokaku import --dry-run で変更を確認できます）。${shown.join("")}${more}`,
  );
}

/** The stored plan changed between the preview and the confirmation: nothing is stored. */
export function previewOutdated(plan: string): AppError {
  return new AppError(
    "conflict",
    `計画 ${plan} は確認画面を表示した後に変更されました。何も保存していません。もう一度取り込んで、変更内容を確認してください。`,
  );
}

const ACTION = { added: "import.add", changed: "import.change", removed: "import.remove" } as const;

/** One history entry per change, on its item (or the plan), with the whole value before and after. */
export function changeEntries(changes: readonly PlanChange[], planId: string, note: string): AuditEntry[] {
  return changes.map((c) => ({
    action: ACTION[c.kind],
    planId,
    itemKey: c.itemKey,
    fiscalYear: c.fiscalYear,
    subject: changePlace(c, warekiFiscalYear),
    before: c.before,
    after: c.after,
    note,
    // where a removed value belonged, so that it can be put back from the history
    ...(c.kind === "removed"
      ? {
          place: {
            kind: "plan" as const,
            target: c.target,
            indicatorKey: c.indicatorKey,
            series: c.series,
            field: c.field,
            fiscalYear: c.fiscalYear,
            // a whole item: its place in the tree (its indicators, values and texts are in `before`)
            parentKey: c.parentKey,
            position: c.position,
            previousKey: c.previousKey,
          },
        }
      : {}),
  }));
}
