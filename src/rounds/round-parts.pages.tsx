/** The parts of an item answered by several departments (issue 12.3): each part's state and what it answers. */
import { dateLabel } from "../core/ui/era.ts";
import { itemHref, StateBadge } from "./round-common.tsx";
import type { ItemDetail } from "./rounds.service.ts";
import { todayInJapan } from "./rounds.service.ts";

export function partHref(d: Pick<ItemDetail, "round" | "status">, departmentKey: string): string {
  return `${itemHref(d.round.id, d.status.item.key)}?part=${encodeURIComponent(departmentKey)}`;
}

export function PartsTable({ d }: { d: ItemDetail }) {
  return (
    <section aria-labelledby="parts-title">
      <h2 id="parts-title">課ごとの回答</h2>
      <p class="hint">
        この項目は {d.parts.length} 課で回答します。各課は自分の指標と取組状況を回答し、別々に提出します。
        すべての課の回答が承認されると、項目は承認済になります。
      </p>
      <table>
        <caption class="visually-hidden">課ごとの回答の状態</caption>
        <thead>
          <tr>
            <th scope="col">課</th>
            <th scope="col">回答する指標</th>
            <th scope="col">状態</th>
            <th scope="col">最終更新</th>
          </tr>
        </thead>
        <tbody>
          {d.parts.map((p) => {
            const here = p.part.departmentKey === d.part.departmentKey;
            return (
              <tr class={here ? "current" : undefined}>
                <th scope="row">
                  {here ? (
                    <strong aria-current="true">{p.name}（表示中）</strong>
                  ) : (
                    <a href={partHref(d, p.part.departmentKey)}>{p.name}</a>
                  )}
                  {p.mine && "（あなたの課）"}
                </th>
                <td>{p.indicators.length > 0 ? p.indicators.join("、") : "取組状況のみ"}</td>
                <td>
                  <StateBadge state={p.part.state} />
                </td>
                <td>
                  {p.part.updatedBy
                    ? `${p.part.updatedBy}${p.part.updatedAt ? `（${dateLabel(todayInJapan(p.part.updatedAt))}）` : ""}`
                    : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
