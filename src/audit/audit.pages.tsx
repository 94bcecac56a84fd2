/**
 * The history page of an item or a plan, with 「この値を戻す」 under removed values (「この項目を戻す」 under
 * removed items) for those who may edit.
 */
import { CsrfField, Notice } from "../core/ui/forms.tsx";
import { HistoryList } from "../core/ui/history.tsx";
import { Layout } from "../core/ui/layout.tsx";
import type { AuditEvent, RestoreOffer } from "./audit.service.ts";

const isItem = (e: AuditEvent) => e.place?.kind === "plan" && e.place.target === "item";

function RestoreButton({ e, offer, from }: { e: AuditEvent; offer: RestoreOffer; from: "item" | "plan" }) {
  if (offer.restored.has(e.id)) return <div class="change">（履歴から戻しました）</div>;
  if (!offer.restorable.has(e.id) || !e.planId) return null;
  return (
    <form method="post" action={`/plans/${e.planId}/history/${e.id}/restore`} class="inline-form">
      <CsrfField />
      <input type="hidden" name="version" value={String(offer.version)} />
      <input type="hidden" name="from" value={from} />
      <button type="submit" class="button button-secondary">
        {isItem(e) ? "この項目を戻す" : "この値を戻す"}
      </button>
    </form>
  );
}

export function HistoryPage({
  title,
  events,
  back,
  restore = null,
  from = "item",
  restored,
}: {
  title: string;
  events: AuditEvent[];
  back: { href: string; label: string };
  restore?: RestoreOffer | null;
  from?: "item" | "plan";
  /** just put a value ("1") or an item ("item") back */
  restored?: string | undefined;
}) {
  return (
    <Layout title={`履歴: ${title}`} breadcrumbs={[{ href: "/", label: "計画の一覧" }, back]}>
      <h1>履歴: {title}</h1>
      {from === "item" && (
        <p>
          <a href={`${back.href}/history`}>計画全体の履歴（削除された項目を含む）</a>
        </p>
      )}
      {restored === "1" && <Notice>値を戻しました。戻したことも履歴に残しています。</Notice>}
      {restored === "item" && (
        <Notice>項目を指標・値とともに戻しました。戻したことも履歴に残しています。</Notice>
      )}
      {restore && restore.restorable.size > 0 && (
        <p>
          取込で削除された値は「この値を戻す」、削除された項目は「この項目を戻す」で元の場所に戻せます（今その場所に値があるとき、項目の親がないときは戻しません）。
        </p>
      )}
      <HistoryList
        events={events}
        extra={restore ? (e) => <RestoreButton e={e} offer={restore} from={from} /> : undefined}
      />
    </Layout>
  );
}
