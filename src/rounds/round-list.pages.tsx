/** The items of a round page: filters (department, state, warnings, order) and the table, with approving in bulk. */
import { dateLabel } from "../core/ui/era.ts";
import { CsrfField } from "../core/ui/forms.tsx";
import { itemHref, StateBadge } from "./round-common.tsx";
import { type ItemFilter, partValue } from "./round-review.service.ts";
import type { ItemStatus, RoundOverview } from "./rounds.service.ts";
import { STATE_LABELS, STATES, todayInJapan } from "./rounds.service.ts";

export function FilterForm({ o, f }: { o: RoundOverview; f: ItemFilter }) {
  return (
    <form
      method="get"
      action={`/rounds/${o.round.id}`}
      class="actions filter-form"
      aria-label="項目の絞り込み"
    >
      {!o.inbox && (
        <>
          <label for="filter-department">所管課</label>
          <select id="filter-department" name="department">
            <option value="">すべて</option>
            {o.byDepartment.map((d) => (
              <option value={d.key} selected={f.department === d.key}>
                {d.name}
              </option>
            ))}
          </select>
        </>
      )}
      <label for="filter-state">状態</label>
      <select id="filter-state" name="state">
        <option value="">すべて</option>
        {STATES.map((s) => (
          <option value={s} selected={f.state === s}>
            {STATE_LABELS[s]}（{o.counts[s]}）
          </option>
        ))}
      </select>
      <input id="filter-warnings" type="checkbox" name="warnings" value="1" checked={f.warnings === true} />
      <label for="filter-warnings">注意のある項目だけ</label>
      <label for="filter-sort">並び順</label>
      <select id="filter-sort" name="sort">
        <option value="plan">計画の順</option>
        <option value="updated" selected={f.sort === "updated"}>
          最終更新の新しい順
        </option>
      </select>
      <button type="submit" class="button button-secondary">
        絞り込む
      </button>
    </form>
  );
}

function ItemRows({
  o,
  shown,
  warnings,
  bulk,
}: {
  o: RoundOverview;
  shown: ItemStatus[];
  warnings: ReadonlyMap<string, number>;
  bulk: boolean;
}) {
  const r = o.round;
  return (
    <table>
      <caption class="visually-hidden">項目と回答の状態</caption>
      <thead>
        <tr>
          {bulk && <th scope="col">選択</th>}
          <th scope="col">項目</th>
          <th scope="col">所管</th>
          <th scope="col">状態</th>
          <th scope="col">注意</th>
          <th scope="col">最終更新</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((i) => {
          const n = warnings.get(i.item.key) ?? 0;
          const id = `pick-${i.item.key}`;
          return (
            <tr>
              {bulk && (
                <td>
                  {i.parts
                    .filter((p) => p.state === "submitted")
                    .map((p) => {
                      const value = partValue(i, p.departmentKey);
                      const pid = i.parts.length > 1 ? `${id}-${p.departmentKey}` : id;
                      return (
                        <div>
                          <input type="checkbox" id={pid} name="items" value={value} />
                          <label for={pid} class={i.parts.length > 1 ? undefined : "visually-hidden"}>
                            {i.parts.length > 1 ? o.deptName(p.departmentKey) : `${i.item.title}を選ぶ`}
                          </label>
                          <input type="hidden" name={`version.${value}`} value={String(p.version)} />
                        </div>
                      );
                    })}
                </td>
              )}
              <td>
                {i.path.length > 0 && (
                  <span class="fy">
                    {i.path.map((p) => `${p.number ?? ""} ${p.title}`.trim()).join(" › ")}
                  </span>
                )}
                <a href={itemHref(r.id, i.item.key)}>
                  {i.item.number ? `${i.item.number} ` : ""}
                  {i.item.title}
                </a>
              </td>
              <td>{i.departmentKeys.map(o.deptName).join("、")}</td>
              <td>
                <StateBadge state={i.state} />
                {i.parts.length > 1 && (
                  <ul class="parts-states" aria-label="課ごとの状態">
                    {i.parts.map((p) => (
                      <li>
                        {o.deptName(p.departmentKey)}: <StateBadge state={p.state} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{n > 0 ? <span class="flag">⚠ {n}件</span> : "—"}</td>
              <td>
                {i.updatedBy
                  ? `${i.updatedBy}${i.updatedAt ? `（${dateLabel(todayInJapan(i.updatedAt))}）` : ""}`
                  : "—"}
              </td>
            </tr>
          );
        })}
        {shown.length === 0 && (
          <tr>
            <td colspan={bulk ? 6 : 5} class="empty">
              該当する項目はありません。
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** The table; for a reviewer in an open round, inside a form that approves the selected submitted items. */
export function ItemTable({
  o,
  shown,
  warnings,
  canReview,
  csrf,
}: {
  o: RoundOverview;
  shown: ItemStatus[];
  warnings: ReadonlyMap<string, number>;
  canReview: boolean;
  /** the CSRF token of the form (KEPT_CSRF in a kept body); the request's without one */
  csrf?: string | undefined;
}) {
  const bulk = canReview && shown.some((i) => i.parts.some((p) => p.state === "submitted"));
  if (!bulk) return <ItemRows o={o} shown={shown} warnings={warnings} bulk={false} />;
  return (
    <form method="post" action={`/rounds/${o.round.id}/approve`} novalidate>
      <CsrfField token={csrf} />
      <ItemRows o={o} shown={shown} warnings={warnings} bulk />
      <div class="panel narrow">
        <label for="bulk-reason">注意のある項目を承認する理由（注意のある項目に必要。履歴に残ります）</label>
        <div>
          <textarea id="bulk-reason" name="reason" rows={2} cols={50} />
        </div>
        <button type="submit" class="button button-primary">
          選んだ項目をまとめて承認する
        </button>
      </div>
    </form>
  );
}
