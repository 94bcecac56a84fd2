/** The page of one item of a round: the department's answer form, the read-only answer, the review panel. */

import type { Child } from "hono/jsx";
import type { Value } from "../core/plan-document/schema.ts";
import { fiscalYearLabel, shortYearLabel } from "../core/ui/era.ts";
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  fieldId,
  Notice,
  TextArea,
  TextField,
} from "../core/ui/forms.tsx";
import { HistoryList } from "../core/ui/history.tsx";
import { Layout } from "../core/ui/layout.tsx";
import { precisionOf, printFigure } from "../domain/values/figure.ts";
import { Deadline, ItemTitle, itemHref, roundsCrumb, roundTitle, StateBadge } from "./round-common.tsx";
import { PartsTable } from "./round-parts.pages.tsx";
import { ReviewPanel } from "./round-review.pages.tsx";
import type { ItemDetail, SeriesEntry } from "./rounds.service.ts";
import { understandEntries } from "./rounds.service.ts";
import type { Understood } from "./understood.ts";
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
  const flagged = u.warnings.length > 0 || u.errors.length > 0;
  return (
    <p class={`understood${flagged ? " flagged" : ""}`} id={id}>
      読み取り結果: <strong>{u.description}</strong>
      {u.errors.map((w) => (
        <>
          <br />✖ {w}
        </>
      ))}
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
      <dd>{printFigure(e.baseline, e.indicator.unit)}</dd>
      <dt>目標</dt>
      <dd>{e.targets.length > 0 ? e.targets.map((t) => t.text).join("、") : "—"}</dd>
      {last.length > 0 && (
        <>
          <dt>これまでの実績</dt>
          <dd>
            {last
              .map(
                (p) =>
                  `${shortYearLabel(p.fiscalYear)}: ${printFigure(p.value, e.indicator.unit, precisionOf(e.targets))}`,
              )
              .join("　")}
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
  const shared = d.parts.length > 1;
  const partName = d.deptName(d.part.departmentKey);
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
        <dt>{shared ? "項目の状態" : "状態"}</dt>
        <dd>
          {r.status === "locked" ? <StateBadge state="locked" /> : <StateBadge state={s.state} />}
          {!shared && s.updatedBy && ` 最終更新: ${s.updatedBy}`}
        </dd>
        {shared && (
          <>
            <dt>表示中の回答</dt>
            <dd>
              {partName}の回答 <StateBadge state={d.part.state} />
              {d.part.updatedBy && ` 最終更新: ${d.part.updatedBy}`}
            </dd>
          </>
        )}
      </dl>
      {shared && <PartsTable d={d} />}
      {d.part.returnComment && (d.part.state === "returned" || d.part.state === "draft") && (
        <div class="comment" role="note" aria-label="差戻しのコメント">
          <strong>行革担当からの差戻しコメント{shared ? `（${partName}の回答へ）` : ""}:</strong>
          <p style="white-space: pre-line; margin: 0.25rem 0 0">{d.part.returnComment}</p>
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
          <input type="hidden" name="version" value={String(d.part.version)} />
          {shared && <input type="hidden" name="part" value={d.part.departmentKey} />}
          {shared && <h2 class="part-title">{partName}の回答</h2>}
          <h2>実績値（{fiscalYearLabel(fy)}）</h2>
          {d.entries.length === 0 && (
            <p class="empty">
              {shared
                ? `${partName}が回答する指標はありません（取組状況を回答してください）。`
                : "この項目には指標がありません。"}
            </p>
          )}
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
            label={`${fiscalYearLabel(fy)}の取組状況${shared ? `（${partName}）` : ""}`}
            hint={
              shared
                ? "この年度に行ったこと、成果、課題のうち、あなたの課の分。項目の取組状況は各課の分を課名を付けてまとめたものになります。"
                : "この年度に行ったこと、成果、課題。"
            }
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
              <td>{printFigure(e.baseline, e.indicator.unit)}</td>
              <td>{e.targets.map((t) => t.text).join("、") || "—"}</td>
              <td class="num">{valueText(e.current)}</td>
              <td>
                {understood?.[i]?.description ?? "—"}
                {understood?.[i]?.errors.map((w) => (
                  <span class="flag"> ✖ {w}</span>
                ))}
                {understood?.[i]?.warnings.map((w) => (
                  <span class="flag"> ⚠ {w}</span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>取組状況{d.parts.length > 1 ? `（${d.deptName(d.part.departmentKey)}の回答）` : ""}</h2>
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
