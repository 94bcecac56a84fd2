/**
 * The confirmation page of an import: per plan, what storing the files would change (before → after),
 * what it removes (stored only with consent), and which changes touch a published or locked year.
 */

import { changePlace, KIND_LABELS, shortValue } from "../core/plan-diff/describe.ts";
import type { PlanChange } from "../core/plan-diff/diff.ts";
import { fiscalYearLabel } from "../core/ui/era.ts";
import { CsrfField, ErrorSummary, type FieldErrors } from "../core/ui/forms.tsx";
import { Layout } from "../core/ui/layout.tsx";
import { type PlanPreview, touchesYears } from "./import-preview.service.ts";

/** The page lists this many changes per plan; the command's --dry-run prints them all. */
const SHOWN = 1000;

function ChangeRow({ c, plan }: { c: PlanChange; plan: PlanPreview }) {
  const published = touchesYears(c, plan.publishedYears);
  const locked = touchesYears(c, plan.lockedYears);
  return (
    <tr class={c.kind === "removed" ? "change-removed" : undefined}>
      <td>
        <span class="tag">
          {c.kind === "removed" ? <strong>{KIND_LABELS[c.kind]}</strong> : KIND_LABELS[c.kind]}
        </span>
      </td>
      <td>
        {changePlace(c, (fy) => fiscalYearLabel(fy))}
        {published && <span class="flag"> 公表済みの年度</span>}
        {locked && <span class="flag"> ロック中の年度</span>}
      </td>
      <td>{c.before === undefined ? "" : <del>{shortValue(c.before)}</del>}</td>
      <td>{c.after === undefined ? "" : <ins>{shortValue(c.after)}</ins>}</td>
    </tr>
  );
}

function PlanChanges({ plan }: { plan: PlanPreview }) {
  const published = plan.changes.filter((c) => touchesYears(c, plan.publishedYears)).length;
  const locked = plan.changes.filter((c) => touchesYears(c, plan.lockedYears)).length;
  return (
    <section>
      <h2>
        {plan.title}（{plan.municipalityName}）
      </h2>
      {plan.planId === null ? (
        <p>
          新しい計画として保存します（項目 {plan.counts.items}、指標 {plan.counts.indicators}、実績値{" "}
          {plan.counts.actuals}）。
        </p>
      ) : plan.changes.length === 0 ? (
        <p>保存されている計画と同じです。変更はありません。</p>
      ) : (
        <p>
          保存されている計画に対して、追加 {plan.tally.added} 件、変更 {plan.tally.changed} 件、
          <strong>削除 {plan.tally.removed} 件</strong>。
          {published > 0 && (
            <span class="flag">
              うち {published} 件は公表済みの年度の値を変えます（公表済みの版は変わりません）。
            </span>
          )}
        </p>
      )}
      {locked > 0 && (
        <div class="notice notice-warning" role="alert">
          {locked}{" "}
          件の変更が照会の締め切られた（ロックされた）年度の値を変えるため、このままでは保存できません。
          ロックを解除（理由を記録）してから取り込むか、その年度の値を元に戻してください。
        </div>
      )}
      {plan.changes.length > 0 && (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">区分</th>
                <th scope="col">場所</th>
                <th scope="col">変更前</th>
                <th scope="col">変更後</th>
              </tr>
            </thead>
            <tbody>
              {plan.changes.slice(0, SHOWN).map((c) => (
                <ChangeRow c={c} plan={plan} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {plan.changes.length > SHOWN && (
        <p>ほか {plan.changes.length - SHOWN} 件（gyokaku import --dry-run で全件を表示できます）。</p>
      )}
    </section>
  );
}

export function ImportPreviewPage({
  plans,
  token,
  upload,
  errors = {},
}: {
  plans: PlanPreview[];
  token: string;
  upload: string;
  errors?: FieldErrors;
}) {
  const removals = plans.reduce((n, p) => n + p.removals, 0);
  return (
    <Layout
      title="取り込む内容の確認"
      breadcrumbs={[
        { href: "/", label: "計画の一覧" },
        { href: "/import", label: "計画の取り込み" },
      ]}
    >
      <h1>取り込む内容の確認</h1>
      <p class="lead">まだ何も保存していません。変更の内容を確かめてから「保存する」を押してください。</p>
      {plans.map((p) => (
        <PlanChanges plan={p} />
      ))}
      <form method="post" action="/import/confirm" class="panel narrow" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="upload" value={upload} />
        {removals > 0 && (
          <div class={`field${errors.allowRemovals ? " field-error" : ""}`}>
            {errors.allowRemovals && (
              <p class="error-message" id="f-allowRemovals-error">
                <span class="visually-hidden">エラー: </span>
                {errors.allowRemovals}
              </p>
            )}
            <div class="checkbox">
              <input
                type="checkbox"
                id="f-allowRemovals"
                name="allowRemovals"
                value="yes"
                aria-describedby={errors.allowRemovals ? "f-allowRemovals-error" : undefined}
              />
              <label for="f-allowRemovals">
                上の {removals} 件の削除を確認しました（削除した内容は各項目の履歴に残ります）
              </label>
            </div>
          </div>
        )}
        <button type="submit" class="button button-primary">
          保存する
        </button>{" "}
        <a href="/import">やめる</a>
      </form>
    </Layout>
  );
}
