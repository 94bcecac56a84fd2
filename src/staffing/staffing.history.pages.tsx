/** The staffing data's history, with 「この値を戻す」 under each import's removals for the reform office. */
import { CsrfField, Notice } from "../core/ui/forms.tsx";
import { HistoryList } from "../core/ui/history.tsx";
import { Layout } from "../core/ui/layout.tsx";
import type { StaffingHistory } from "./staffing.history.service.ts";
import { STAFFING_BASE } from "./staffing.page-parts.tsx";

export function StaffingHistoryPage({
  code,
  history,
  restored,
}: {
  code: string;
  history: StaffingHistory;
  restored: boolean;
}) {
  return (
    <Layout
      title="定数管理のデータの履歴"
      breadcrumbs={[
        { href: STAFFING_BASE, label: "定数管理" },
        { href: `${STAFFING_BASE}/${code}`, label: code },
      ]}
    >
      <h1>定数管理のデータの履歴</h1>
      {restored && <Notice>記録を戻しました。戻したことも履歴に残しています。</Notice>}
      <HistoryList
        events={history.events}
        extra={(e) => {
          if (e.place?.kind !== "staffing") return null;
          if (history.restored.has(e.id)) return <div class="change">（履歴から戻しました）</div>;
          if (history.digest === null) return null;
          return (
            <form
              method="post"
              action={`${STAFFING_BASE}/${code}/history/${e.id}/restore`}
              class="inline-form"
            >
              <CsrfField />
              <input type="hidden" name="version" value={history.digest} />
              <button type="submit" class="button button-secondary">
                この値を戻す
              </button>
            </form>
          );
        }}
      />
    </Layout>
  );
}
