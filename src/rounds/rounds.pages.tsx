/** Pages of the reporting round: the list of rounds, a round (office view or department inbox), one item. */

import type { Child } from "hono/jsx";
import type { Value } from "../core/plan-document/schema.ts";
import { dateLabel, fiscalYearLabel, otherFiscalYearLabel, shortYearLabel } from "../core/ui/era.ts";
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  fieldId,
  Notice,
  PostButton,
  SelectField,
  TextArea,
  TextField,
} from "../core/ui/forms.tsx";
import { HistoryList } from "../core/ui/history.tsx";
import { Layout } from "../core/ui/layout.tsx";
import type { ItemState } from "../domain/rounds/states.ts";
import type {
  ItemDetail,
  ItemStatus,
  PlanChoice,
  RoundListEntry,
  RoundOverview,
  RoundView,
  SeriesEntry,
} from "./rounds.service.ts";
import { STATE_LABELS, STATES, understandEntries } from "./rounds.service.ts";
import type { Understood } from "./understood.ts";

const roundsCrumb = { href: "/rounds", label: "照会" };

export function StateBadge({ state }: { state: ItemState | "locked" }) {
  return <span class={`state state-${state}`}>{state === "locked" ? "ロック中" : STATE_LABELS[state]}</span>;
}

function Deadline({ round }: { round: RoundView }) {
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

function roundTitle(r: { planTitle: string; fiscalYear: number }) {
  return `${r.planTitle} ${fiscalYearLabel(r.fiscalYear)}`;
}

export function RoundsPage({
  rounds,
  plans,
  errors = {},
  values = {},
}: {
  rounds: RoundListEntry[];
  plans: PlanChoice[];
  errors?: FieldErrors;
  values?: { planId?: string; fiscalYear?: string; deadline?: string };
}) {
  const years = [...new Set(plans.flatMap((p) => range(p.periodStart, p.periodEnd)))].sort((a, b) => b - a);
  return (
    <Layout title="照会">
      <h1>照会（進捗状況の調査）</h1>
      <p class="lead">年度ごとに、各所管課が担当する項目の実績値と取組状況を回答します。</p>
      {rounds.length === 0 ? (
        <p>照会はまだありません。</p>
      ) : (
        <table>
          <caption>照会の一覧</caption>
          <thead>
            <tr>
              <th scope="col">計画と年度</th>
              <th scope="col">回答期限</th>
              <th scope="col">状態</th>
              <th scope="col">提出・承認</th>
              {rounds.some((r) => r.mine !== null) && <th scope="col">あなたの未回答</th>}
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr>
                <td>
                  <a href={`/rounds/${r.id}`}>{roundTitle(r)}</a>
                </td>
                <td>
                  <Deadline round={r} />
                </td>
                <td>{r.status === "locked" ? <StateBadge state="locked" /> : "受付中"}</td>
                <td class="num">
                  {r.counts.submitted + r.counts.approved} / {r.total}（承認 {r.counts.approved}）
                </td>
                {r.mine !== null && <td class="num">{r.mine} 項目</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plans.length > 0 && (
        <section aria-labelledby="open-round">
          <h2 id="open-round">照会を開始する</h2>
          <ErrorSummary errors={errors} />
          <form method="post" action="/rounds" novalidate class="narrow">
            <CsrfField />
            <SelectField
              name="planId"
              label="計画"
              value={values.planId}
              error={errors.planId}
              options={plans.map((p) => ({ value: p.id, label: p.title }))}
            />
            <SelectField
              name="fiscalYear"
              label="対象の年度"
              hint="この年度の実績と取組状況を尋ねます。"
              value={values.fiscalYear}
              error={errors.fiscalYear}
              options={years.map((y) => ({
                value: String(y),
                label: `${fiscalYearLabel(y)}（${otherFiscalYearLabel(y)}）`,
              }))}
            />
            <TextField
              name="deadline"
              label="回答期限"
              hint="例: 2026-06-30"
              type="date"
              value={values.deadline}
              error={errors.deadline}
            />
            <button type="submit" class="button button-primary">
              照会を開始する
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

function itemHref(roundId: string, key: string) {
  return `/rounds/${roundId}/items/${encodeURIComponent(key)}`;
}

function ItemTitle({ item }: { item: ItemStatus }) {
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

export function RoundPage({
  o,
  filter,
  notice,
  errors = {},
}: {
  o: RoundOverview;
  filter?: ItemState | undefined;
  notice?: string | undefined;
  errors?: FieldErrors;
}) {
  const r = o.round;
  const shown = filter ? o.items.filter((i) => i.state === filter) : o.items;
  return (
    <Layout title={roundTitle(r)} breadcrumbs={[roundsCrumb]}>
      <ErrorSummary errors={errors} />
      <h1>{roundTitle(r)}</h1>
      {notice && <Notice>{notice}</Notice>}
      <dl class="meta">
        <dt>回答期限</dt>
        <dd>
          <Deadline round={r} />
        </dd>
        <dt>状態</dt>
        <dd>
          {r.status === "locked" ? (
            <>
              <StateBadge state="locked" /> {r.lockedBy}さんがロックしました。この年度の値は変更できません。
            </>
          ) : (
            "受付中"
          )}
        </dd>
      </dl>
      {o.inbox ? (
        <h2>あなたの部署が回答する項目（{o.items.length}件）</h2>
      ) : (
        <>
          <h2>所管課ごとの回答状況</h2>
          <DepartmentTable o={o} />
          <h2>項目</h2>
        </>
      )}
      <nav aria-label="状態で絞り込む" class="actions">
        <a href={`/rounds/${r.id}`} aria-current={filter ? undefined : "page"}>
          すべて（{o.items.length}）
        </a>
        {STATES.map((s) => (
          <a href={`/rounds/${r.id}?state=${s}`} aria-current={filter === s ? "page" : undefined}>
            {STATE_LABELS[s]}（{o.counts[s]}）
          </a>
        ))}
      </nav>
      <table>
        <caption class="visually-hidden">項目と回答の状態</caption>
        <thead>
          <tr>
            <th scope="col">項目</th>
            <th scope="col">所管</th>
            <th scope="col">状態</th>
            <th scope="col">最終更新</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((i) => (
            <tr>
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
              </td>
              <td>{i.updatedBy ? `${i.updatedBy}` : "—"}</td>
            </tr>
          ))}
          {shown.length === 0 && (
            <tr>
              <td colspan={4} class="empty">
                該当する項目はありません。
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {o.can.lock && (
        <form method="post" action={`/rounds/${r.id}/deadline`} class="panel narrow" novalidate>
          <h2>回答期限の変更</h2>
          <CsrfField />
          <input type="hidden" name="version" value={String(r.version)} />
          <TextField
            name="deadline"
            label="新しい回答期限"
            hint="例: 2026-06-30。変更は履歴に残ります。"
            type="date"
            value={r.deadline}
            error={errors.deadline}
          />
          <button type="submit" class="button button-secondary">
            期限を変更する
          </button>
        </form>
      )}
      {o.can.lock && (
        <div class="panel">
          <h2>締切（ロック）</h2>
          <p>
            ロックすると、この年度の実績値と取組状況はだれも変更できなくなります。
            {o.counts.approved < o.items.length && (
              <strong> 未承認の項目が {o.items.length - o.counts.approved} 件あります。</strong>
            )}
          </p>
          <PostButton
            action={`/rounds/${r.id}/lock`}
            label="照会をロックする"
            hidden={{ version: r.version }}
            kind="warning"
          />
        </div>
      )}
      {o.can.unlock && (
        <form method="post" action={`/rounds/${r.id}/unlock`} class="panel narrow" novalidate>
          <h2>ロックの解除</h2>
          <CsrfField />
          <input type="hidden" name="version" value={String(r.version)} />
          <TextArea
            name="reason"
            label="解除する理由"
            hint="理由は履歴に残ります。"
            rows={3}
            error={errors.reason}
          />
          <button type="submit" class="button button-secondary">
            ロックを解除する
          </button>
        </form>
      )}
    </Layout>
  );
}

function DepartmentTable({ o }: { o: RoundOverview }) {
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">所管課ごとの回答状況（件数）</caption>
        <thead>
          <tr>
            <th scope="col">所管課</th>
            {STATES.map((s) => (
              <th scope="col">{STATE_LABELS[s]}</th>
            ))}
            <th scope="col">提出率</th>
          </tr>
        </thead>
        <tbody>
          {o.byDepartment.map((d) => {
            const done = d.counts.submitted + d.counts.approved;
            const rate = d.total === 0 ? 0 : Math.round((done / d.total) * 100);
            return (
              <tr>
                <th scope="row">
                  {d.name}
                  {d.overdue > 0 && <span class="overdue">（期限超過 {d.overdue}件）</span>}
                </th>
                {STATES.map((s) => (
                  <td class="num">{d.counts[s]}</td>
                ))}
                <td class="num">
                  <span class="bar" style={`width:${rate / 2}px`} aria-hidden="true" /> {rate}%
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** What the form shows in each field: the user's text after a failed save, else what is saved. */
export type ItemForm = {
  actuals: { indicator: string; series: string; text: string }[];
  narrative: string;
  nextYearPlan: string;
  status: string;
};

export function formFromDetail(d: ItemDetail): ItemForm {
  return {
    actuals: d.entries.map((e) => ({
      indicator: e.indicator.key,
      series: e.series ?? "",
      text: e.current?.text ?? "",
    })),
    narrative: d.progress.narrative,
    nextYearPlan: d.progress.nextYearPlan,
    status: d.progress.status,
  };
}

function valueText(v: Value | undefined): string {
  return !v || v.kind === "empty" ? "—" : v.text;
}

function UnderstoodLine({ id, u }: { id: string; u: Understood | undefined }) {
  if (!u) return null;
  const flagged = u.warnings.length > 0;
  return (
    <p class={`understood${flagged ? " flagged" : ""}`} id={id}>
      読み取り結果: <strong>{u.description}</strong>
      {u.warnings.map((w) => (
        <>
          <br />⚠ {w}
        </>
      ))}
    </p>
  );
}

function EntryContext({ e, fy }: { e: SeriesEntry; fy: number }) {
  const last = e.previous.slice(-3);
  return (
    <dl class="meta">
      <dt>初期値</dt>
      <dd>{valueText(e.baseline)}</dd>
      <dt>目標</dt>
      <dd>{e.targets.length > 0 ? e.targets.map((t) => t.text).join("、") : "—"}</dd>
      {last.length > 0 && (
        <>
          <dt>これまでの実績</dt>
          <dd>
            {last.map((p) => `${shortYearLabel(p.fiscalYear)}: ${valueText(p.value)}`).join("　")}
            {last.length < e.previous.length && " ほか"}
            {last.length === 0 && fy}
          </dd>
        </>
      )}
    </dl>
  );
}

export function ItemPage({
  d,
  form,
  errors = {},
  understood,
  notice,
  conflictWith,
  unsaved,
  extras,
}: {
  d: ItemDetail;
  form: ItemForm;
  errors?: FieldErrors;
  /** how the entries were read (after check or save) */
  understood?: (Understood | undefined)[] | undefined;
  notice?: string | undefined;
  /** after a refused save: what is saved now, to show under the user's text */
  conflictWith?: ItemForm | undefined;
  /** the user's text that could not be saved and can no longer be edited here (locked, submitted meanwhile) */
  unsaved?: ItemForm | undefined;
  /** the evidence files and the conversation (item-extras.pages.tsx) */
  extras?: Child;
}) {
  const r = d.round;
  const s = d.status;
  const fy = r.fiscalYear;
  const title = `${s.item.number ?? ""} ${s.item.title}`.trim();
  const savedNow = (i: number) => conflictWith?.actuals[i]?.text;
  return (
    <Layout title={title} breadcrumbs={[roundsCrumb, { href: `/rounds/${r.id}`, label: roundTitle(r) }]}>
      <ErrorSummary
        errors={errors}
        title={errors._form && Object.keys(errors).length === 1 ? "保存できませんでした" : undefined}
      />
      {notice && <Notice>{notice}</Notice>}
      <h1>
        <ItemTitle item={s} />
      </h1>
      <dl class="meta">
        <dt>照会</dt>
        <dd>
          {roundTitle(r)}（回答期限 <Deadline round={r} />）
        </dd>
        <dt>所管</dt>
        <dd>{s.departmentKeys.map(d.deptName).join("、")}</dd>
        <dt>状態</dt>
        <dd>
          {r.status === "locked" ? <StateBadge state="locked" /> : <StateBadge state={s.state} />}
          {s.updatedBy && ` 最終更新: ${s.updatedBy}`}
        </dd>
      </dl>
      {s.returnComment && (s.state === "returned" || s.state === "draft") && (
        <div class="comment" role="note" aria-label="差戻しのコメント">
          <strong>行革担当からの差戻しコメント:</strong>
          <p style="white-space: pre-line; margin: 0.25rem 0 0">{s.returnComment}</p>
        </div>
      )}
      {s.item.description && (
        <details>
          <summary>取組内容</summary>
          <p style="white-space: pre-line">{s.item.description}</p>
        </details>
      )}
      {(d.can.approve || d.can.return) && <ReviewPanel d={d} errors={errors} />}
      {d.can.edit ? (
        <form method="post" action={itemHref(r.id, s.item.key)} novalidate>
          <CsrfField />
          <input type="hidden" name="version" value={String(s.version)} />
          <h2>実績値（{fiscalYearLabel(fy)}）</h2>
          {d.entries.length === 0 && <p class="empty">この項目には指標がありません。</p>}
          {groupByIndicator(d.entries).map((group) => (
            <fieldset class="panel">
              <legend>
                <strong>
                  指標{group.indicator.number ?? ""} {group.indicator.name}
                </strong>
                {group.indicator.unit && `（単位: ${group.indicator.unit}）`}
              </legend>
              {group.entries.map(({ e, i }) => {
                const name = `actuals.${i}.text`;
                const uid = `${fieldId(name)}-understood`;
                const saved = savedNow(i);
                return (
                  <div class="series-entry">
                    {e.series && <h3 class="series-name">{e.series}</h3>}
                    <EntryContext e={e} fy={fy} />
                    <input type="hidden" name={`actuals.${i}.indicator`} value={e.indicator.key} />
                    <input type="hidden" name={`actuals.${i}.series`} value={e.series ?? ""} />
                    <TextField
                      name={name}
                      label={`${fiscalYearLabel(fy)}の実績値${e.series ? `（${e.series}）` : ""}`}
                      hint={`数値（例: 12.5、1,483、81,571千円、▲10）、段階（例: 検討、実施）、該当なしは「—」。${e.indicator.unit ? `単位は省略できます（${e.indicator.unit}）。` : ""}`}
                      value={form.actuals[i]?.text ?? ""}
                      error={errors[name]}
                      describedBy={understood?.[i] || saved !== undefined ? [uid] : []}
                      size={30}
                    />
                    {understood?.[i] && <UnderstoodLine id={uid} u={understood[i]} />}
                    {saved !== undefined && saved !== (form.actuals[i]?.text ?? "") && (
                      <p class="understood flagged" id={uid}>
                        いま保存されている値: <strong>{saved === "" ? "（空欄）" : saved}</strong>
                      </p>
                    )}
                  </div>
                );
              })}
            </fieldset>
          ))}
          <h2>取組状況</h2>
          <TextArea
            name="narrative"
            label={`${fiscalYearLabel(fy)}の取組状況`}
            hint="この年度に行ったこと、成果、課題。"
            value={form.narrative}
            error={errors.narrative}
            rows={6}
            describedBy={conflictWith && conflictWith.narrative !== form.narrative ? ["narrative-saved"] : []}
          />
          {conflictWith && conflictWith.narrative !== form.narrative && (
            <div class="understood flagged" id="narrative-saved">
              いま保存されている取組状況:{" "}
              <span style="white-space: pre-line">{conflictWith.narrative || "（空欄）"}</span>
            </div>
          )}
          <TextArea
            name="nextYearPlan"
            label={`${fiscalYearLabel(fy + 1)}の取組内容（次年度の予定）`}
            value={form.nextYearPlan}
            error={errors.nextYearPlan}
            rows={4}
          />
          <TextField
            name="status"
            label="取組の状況"
            hint="例: 実施、一部実施、検討、完了（候補から選ぶか、書き込んでください）"
            value={form.status}
            error={errors.status}
            list="status-words"
            size={20}
          />
          <datalist id="status-words">
            {d.statusWords.map((w) => (
              <option value={w} />
            ))}
          </datalist>
          <div class="actions">
            <button type="submit" name="action" value="save" class="button button-primary">
              下書き保存
            </button>
            <button type="submit" name="action" value="check" class="button button-secondary">
              読み取り結果を確認（保存しない）
            </button>
            <button type="submit" name="action" value="submit" class="button button-secondary">
              提出する
            </button>
          </div>
        </form>
      ) : (
        <>
          {unsaved && <UnsavedText d={d} form={unsaved} />}
          <ReadOnlyAnswer d={d} />
        </>
      )}
      {extras}
      <h2 id="history">履歴</h2>
      <HistoryList events={d.history} within={title} />
    </Layout>
  );
}

function ReadOnlyAnswer({ d }: { d: ItemDetail }) {
  const fy = d.round.fiscalYear;
  const understood = understandEntries(d, formFromDetail(d));
  return (
    <>
      <h2>実績値（{fiscalYearLabel(fy)}）</h2>
      {d.round.status === "locked" && <p>この照会はロックされているため、変更できません。</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">指標</th>
            <th scope="col">初期値</th>
            <th scope="col">目標</th>
            <th scope="col">{fiscalYearLabel(fy)}の実績値</th>
            <th scope="col">読み取り結果</th>
          </tr>
        </thead>
        <tbody>
          {d.entries.map((e, i) => (
            <tr>
              <th scope="row">
                {e.indicator.name}
                {e.series ? `（${e.series}）` : ""}
              </th>
              <td>{valueText(e.baseline)}</td>
              <td>{e.targets.map((t) => t.text).join("、") || "—"}</td>
              <td class="num">{valueText(e.current)}</td>
              <td>
                {understood?.[i]?.description ?? "—"}
                {understood?.[i]?.warnings.map((w) => (
                  <span class="flag"> ⚠ {w}</span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>取組状況</h2>
      <dl class="meta">
        <dt>{fiscalYearLabel(fy)}の取組状況</dt>
        <dd style="white-space: pre-line">{d.progress.narrative || "—"}</dd>
        <dt>{fiscalYearLabel(fy + 1)}の取組内容</dt>
        <dd style="white-space: pre-line">{d.progress.nextYearPlan || "—"}</dd>
        <dt>取組の状況</dt>
        <dd>{d.progress.status || "—"}</dd>
      </dl>
    </>
  );
}

function ReviewPanel({ d, errors }: { d: ItemDetail; errors: FieldErrors }) {
  const action = `${itemHref(d.round.id, d.status.item.key)}/review`;
  return (
    <section class="panel" aria-labelledby="review-title">
      <h2 id="review-title">確認（行革担当）</h2>
      {d.can.approve && (
        <PostButton
          action={action}
          label="承認する"
          hidden={{ version: d.status.version, decision: "approve" }}
          kind="primary"
        />
      )}
      {d.can.return && (
        <form method="post" action={action} novalidate>
          <CsrfField />
          <input type="hidden" name="version" value={String(d.status.version)} />
          <input type="hidden" name="decision" value="return" />
          <TextArea
            name="comment"
            label="差し戻す理由（所管課に表示されます）"
            error={errors.comment}
            rows={3}
          />
          <button type="submit" class="button button-warning">
            差し戻す
          </button>
        </form>
      )}
    </section>
  );
}

/** The text a refused save carried, shown so that it can be copied rather than lost. */
function UnsavedText({ d, form }: { d: ItemDetail; form: ItemForm }) {
  return (
    <section class="panel" aria-labelledby="unsaved-title">
      <h2 id="unsaved-title">保存されなかったあなたの入力</h2>
      <p class="hint">必要なら、ここからコピーしてください。</p>
      <dl class="meta">
        {form.actuals.map((a) => {
          const e = d.entries.find((x) => x.indicator.key === a.indicator && (x.series ?? "") === a.series);
          return (
            <>
              <dt>
                {e?.indicator.name ?? a.indicator}
                {a.series ? `（${a.series}）` : ""}
              </dt>
              <dd>{a.text || "（空欄）"}</dd>
            </>
          );
        })}
        <dt>取組状況</dt>
        <dd style="white-space: pre-line">{form.narrative || "（空欄）"}</dd>
        <dt>次年度の取組内容</dt>
        <dd style="white-space: pre-line">{form.nextYearPlan || "（空欄）"}</dd>
        <dt>取組の状況</dt>
        <dd>{form.status || "（空欄）"}</dd>
      </dl>
    </section>
  );
}

/** The entries of one indicator together (its series), keeping each entry's index in the form. */
function groupByIndicator(entries: SeriesEntry[]) {
  const groups: { indicator: SeriesEntry["indicator"]; entries: { e: SeriesEntry; i: number }[] }[] = [];
  entries.forEach((e, i) => {
    const last = groups[groups.length - 1];
    if (last && last.indicator.key === e.indicator.key) last.entries.push({ e, i });
    else groups.push({ indicator: e.indicator, entries: [{ e, i }] });
  });
  return groups;
}
