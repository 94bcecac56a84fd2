/** Confirming the lock of a round: how many items are unanswered or unapproved, then one more click. */
import { CsrfField, ErrorSummary, type FieldErrors } from "../core/ui/forms.tsx";
import { Layout } from "../core/ui/layout.tsx";
import { OPEN_STATES } from "../domain/rounds/states.ts";
import { roundsCrumb, roundTitle } from "./round-common.tsx";
import type { RoundOverview } from "./rounds.service.ts";

export function LockPage({ o, errors = {} }: { o: RoundOverview; errors?: FieldErrors }) {
  const r = o.round;
  const unanswered = OPEN_STATES.reduce((n, s) => n + o.counts[s], 0);
  const unapproved = o.counts.submitted;
  return (
    <Layout
      title={`ロックの確認 ${roundTitle(r)}`}
      breadcrumbs={[roundsCrumb, { href: `/rounds/${r.id}`, label: roundTitle(r) }]}
    >
      <ErrorSummary errors={errors} />
      <h1>照会をロックしますか</h1>
      <p>
        ロックすると、{roundTitle(r)}{" "}
        の実績値と取組状況はだれも変更できなくなります（計画の取込も、この年度を変えるものは断られます）。
        解除には理由が必要で、履歴に残ります。
      </p>
      <table class="narrow">
        <caption>対象 {o.items.length} 項目の状況</caption>
        <tbody>
          <tr>
            <th scope="row">未回答（未着手・下書き・差戻し）</th>
            <td class="num">
              <strong>{unanswered}</strong> 項目
            </td>
          </tr>
          <tr>
            <th scope="row">提出済で未承認</th>
            <td class="num">
              <strong>{unapproved}</strong> 項目
            </td>
          </tr>
          <tr>
            <th scope="row">承認済</th>
            <td class="num">{o.counts.approved} 項目</td>
          </tr>
        </tbody>
      </table>
      {unanswered + unapproved > 0 && (
        <p class="notice notice-warning" role="note">
          未回答・未承認の項目が {unanswered + unapproved}{" "}
          件あります。ロックすると、その項目は回答も承認もできなくなります。
        </p>
      )}
      <form method="post" action={`/rounds/${r.id}/lock`} class="actions">
        <CsrfField />
        <input type="hidden" name="version" value={String(r.version)} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" class="button button-warning">
          ロックを確定する
        </button>
        <a href={`/rounds/${r.id}`}>やめる（照会に戻る）</a>
      </form>
    </Layout>
  );
}
