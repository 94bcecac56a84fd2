/** The history page of an item or a plan. */
import { HistoryList } from "../core/ui/history.tsx";
import { Layout } from "../core/ui/layout.tsx";
import type { AuditEvent } from "./audit.service.ts";

export function HistoryPage({
  title,
  events,
  back,
}: {
  title: string;
  events: AuditEvent[];
  back: { href: string; label: string };
}) {
  return (
    <Layout title={`履歴: ${title}`} breadcrumbs={[{ href: "/", label: "計画の一覧" }, back]}>
      <h1>履歴: {title}</h1>
      <HistoryList events={events} />
    </Layout>
  );
}
