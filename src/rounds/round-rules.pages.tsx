/** The plausibility rules of a round's indicators: derived from unit and kind, changed by the reform office. */
import { CsrfField, ErrorSummary, type FieldErrors, Notice } from "../core/ui/forms.tsx";
import { Layout } from "../core/ui/layout.tsx";
import { roundsCrumb, roundTitle } from "./round-common.tsx";
import type { IndicatorRule, RulesView } from "./round-rules.service.ts";

const limitText = (n: number | undefined) => (n === undefined ? "" : String(n));

function RuleForm({ roundId, r, i }: { roundId: string; r: IndicatorRule; i: number }) {
  const id = (f: string) => `rule-${i}-${f}`;
  return (
    <form
      method="post"
      action={`/rounds/${roundId}/rules/${encodeURIComponent(r.indicator.key)}`}
      class="actions"
      novalidate
    >
      <CsrfField />
      <label for={id("min")}>下限</label>
      <input id={id("min")} name="min" size={6} value={limitText(r.rule.min)} inputmode="decimal" />
      <label for={id("max")}>上限</label>
      <input id={id("max")} name="max" size={6} value={limitText(r.rule.max)} inputmode="decimal" />
      <label for={id("jump")}>前年度比</label>
      <input
        id={id("jump")}
        name="jumpFactor"
        size={4}
        value={limitText(r.rule.jumpFactor)}
        inputmode="decimal"
      />
      倍
      <input id={id("int")} name="integer" type="checkbox" checked={r.rule.integer} />
      <label for={id("int")}>整数のみ</label>
      <button type="submit" name="action" value="save" class="button button-secondary">
        保存
      </button>
      {r.override && (
        <button type="submit" name="action" value="reset" class="button button-secondary">
          既定に戻す
        </button>
      )}
    </form>
  );
}

export function RulesPage({
  v,
  errors = {},
  notice,
}: {
  v: RulesView;
  errors?: FieldErrors;
  notice?: string | undefined;
}) {
  const r = v.round;
  const numeric = v.rules.filter((x) => x.derived.numeric);
  return (
    <Layout
      title={`確認ルール ${roundTitle(r)}`}
      breadcrumbs={[roundsCrumb, { href: `/rounds/${r.id}`, label: roundTitle(r) }]}
    >
      <ErrorSummary errors={errors} />
      <h1>値の確認ルール</h1>
      {notice && <Notice>{notice}</Notice>}
      <p class="lead">
        実績値を保存するとき、指標の単位から決まるルールで確かめます。人・件・回・円などは0以上の整数、%は0～100。
        範囲外の値（マイナスの人数、100.1%など）は保存できません。前年度から倍率を超えて増減した値は「注意」として所管課と承認する人に示し、
        注意のある項目を承認するには理由が必要です。空欄は「制限なし」です。
      </p>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">数値の指標と確認ルール</caption>
          <thead>
            <tr>
              <th scope="col">項目・指標</th>
              <th scope="col">単位</th>
              <th scope="col">いまのルール</th>
              {v.canEdit && <th scope="col">変更</th>}
            </tr>
          </thead>
          <tbody>
            {numeric.map((x, i) => (
              <tr>
                <th scope="row">
                  <span class="fy">{x.itemLabel}</span>
                  {x.indicator.name}
                </th>
                <td>{x.indicator.unit ?? "—"}</td>
                <td>
                  {x.ruleText}
                  {x.override && <span class="fy">（既定: {x.derivedText}）</span>}
                </td>
                {v.canEdit && (
                  <td>
                    <RuleForm roundId={r.id} r={x} i={i} />
                  </td>
                )}
              </tr>
            ))}
            {numeric.length === 0 && (
              <tr>
                <td colspan={4} class="empty">
                  数値の指標はありません。
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
