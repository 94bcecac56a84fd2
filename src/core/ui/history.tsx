/** The history of an item, as a list: when, who, what, before → after. */
import type { JSX } from "hono/jsx/jsx-runtime";

/** One change as the list shows it (the audit trail's events have this shape). */
export type HistoryEvent = {
  at: Date;
  actorName: string;
  actionLabel: string;
  subject: string;
  before: unknown;
  after: unknown;
  note: string | null;
};

const TIME = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** 2026/11/22 14:05 (Japan time, whatever the server's zone). */
export function formatTime(d: Date): string {
  return TIME.format(d);
}

const FIELD_LABELS: Record<string, string> = {
  text: "値",
  narrative: "取組状況",
  nextYearPlan: "次年度の取組内容",
  status: "状況",
  state: "状態",
  itemState: "項目の状態",
  title: "名称",
  number: "番号",
  description: "取組内容",
  parent: "親項目",
  position: "順番",
  deadline: "回答期限",
  name: "名称",
  unit: "単位",
  series: "系列",
  grade: "評価",
  reason: "理由",
  judgedBy: "判定者",
  planned: "計画額",
  actual: "実績額",
  note: "備考",
  // the mail page (mail.settings, mail.test, round.reminders)
  host: "サーバー",
  user: "ユーザー",
  from: "送信元",
  url: "gyokaku のアドレス",
  to: "宛先",
  result: "結果",
  days: "期限の何日前",
};

/** A nested value (an imported item's indicators, a source): its JSON, cut short. */
function short(x: unknown): string {
  if (typeof x !== "object" || x === null) return String(x);
  if (Array.isArray(x) && x.every((v) => typeof v !== "object")) return x.join("・");
  const text = JSON.stringify(x);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** A value as a short text: the text as written, or field: value pairs. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return "（なし）";
  if (typeof v !== "object") return String(v);
  const o = v as Record<string, unknown>;
  if (
    typeof o.text === "string" &&
    Object.keys(o).every((k) => ["text", "kind", "number", "unit", "stage", "unreadable"].includes(k))
  )
    return o.text === "" ? "（空欄）" : o.text;
  return Object.entries(o)
    .map(
      ([k, x]) =>
        `${FIELD_LABELS[k] ?? k}: ${x === null || x === undefined || x === "" ? "（なし）" : short(x)}`,
    )
    .join(" / ");
}

export function HistoryList<E extends HistoryEvent>({
  events,
  empty = "まだ変更の記録はありません。",
  within,
  extra,
}: {
  events: readonly E[];
  empty?: string;
  /** the item the list is shown on: its label is left out of each line */
  within?: string | undefined;
  /** more under an event (the history page's 「この値を戻す」) */
  extra?: ((e: E) => JSX.Element | null) | undefined;
}) {
  const subject = (s: string) => {
    if (!within || !s.startsWith(within)) return s;
    return (
      s
        .slice(within.length)
        .replace(/^\s*\/\s*/, "")
        .trim() || s
    );
  };
  if (events.length === 0) return <p class="empty">{empty}</p>;
  return (
    <ol class="history">
      {events.map((e) => (
        <li>
          <div>
            <time datetime={e.at.toISOString()}>{formatTime(e.at)}</time> {e.actorName}:{" "}
            <strong>{e.actionLabel}</strong> {subject(e.subject)}
          </div>
          {(e.before !== null || e.after !== null) && (
            <div class="change">
              {e.before !== null && (
                <>
                  <span class="visually-hidden">変更前</span>
                  <del>{describeValue(e.before)}</del>
                </>
              )}
              {e.before !== null && e.after !== null && " → "}
              {e.after !== null && (
                <>
                  <span class="visually-hidden">変更後</span>
                  <ins>{describeValue(e.after)}</ins>
                </>
              )}
            </div>
          )}
          {e.note && <div class="change">メモ: {e.note}</div>}
          {extra?.(e)}
        </li>
      ))}
    </ol>
  );
}
