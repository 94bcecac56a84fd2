/** What the pages of the reporting round share: the breadcrumb, the state badge, the deadline, titles and links. */
import { dateLabel, fiscalYearLabel } from "../core/ui/era.ts";
import type { ItemState } from "../domain/rounds/states.ts";
import type { ItemStatus, RoundView } from "./rounds.service.ts";
import { STATE_LABELS } from "./rounds.service.ts";

export const roundsCrumb = { href: "/rounds", label: "照会" };

export function StateBadge({ state }: { state: ItemState | "locked" }) {
  return <span class={`state state-${state}`}>{state === "locked" ? "ロック中" : STATE_LABELS[state]}</span>;
}

export function Deadline({ round }: { round: RoundView }) {
  const left = round.daysLeft;
  return (
    <>
      {dateLabel(round.deadline)}
      {round.status === "open" &&
        (left < 0 ? (
          <strong class="overdue">（期限を{-left}日過ぎています）</strong>
        ) : (
          <span>（あと{left}日）</span>
        ))}
    </>
  );
}

export function roundTitle(r: { planTitle: string; fiscalYear: number }) {
  return `${r.planTitle} ${fiscalYearLabel(r.fiscalYear)}`;
}

export function itemHref(roundId: string, key: string) {
  return `/rounds/${roundId}/items/${encodeURIComponent(key)}`;
}

export function ItemTitle({ item }: { item: ItemStatus }) {
  return (
    <>
      {item.path.length > 0 && (
        <span class="fy">{item.path.map((p) => `${p.number ?? ""} ${p.title}`.trim()).join(" › ")}</span>
      )}
      {item.item.number ? `${item.item.number} ` : ""}
      {item.item.title}
    </>
  );
}
