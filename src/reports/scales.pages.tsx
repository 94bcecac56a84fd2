/** The page that edits the plan's own scales: rows of inputs (no JavaScript needed) and a preview. */

import type { PlanScales } from "../core/plan-document/scales.ts";
import { CsrfField, ErrorSummary, type FieldErrors, fieldId, Notice } from "../core/ui/forms.tsx";
import { Layout } from "../core/ui/layout.tsx";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import type { ScalesEditor, ScalesPreview } from "./scales.service.ts";

/** Rows shown: the stored ones and empty ones to add; an empty row is left out when saving. */
export const GRADE_ROWS = 8;
export const STATE_ROWS = 8;

const RULES = [
  { value: "atLeast", label: "達成率が次の値以上" },
  { value: "otherwise", label: "それ未満（最後の基準値より下）" },
  { value: "reviewer", label: "評価者が判定" },
];

function Err({ name, errors }: { name: string; errors: FieldErrors }) {
  const e = errors[name];
  return e ? (
    <p class="field-error" id={`${fieldId(name)}-error`}>
      {e}
    </p>
  ) : null;
}

function Counts({ title, list }: { title: string; list: { label: string; count: number }[] }) {
  return (
    <table class="tally-table">
      <caption>{title}</caption>
      <thead>
        <tr>
          {list.map((c) => (
            <th scope="col">{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {list.map((c) => (
            <td class="num">{c.count}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

function Preview({ p }: { p: ScalesPreview }) {
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{warekiFiscalYear(p.fiscalYear)}の評価の見込み</h2>
      {p.outcome ? (
        <Counts title="指標（系列ごと）の評価" list={p.outcome} />
      ) : (
        <p>評価の基準が未設定のため、gyokaku の既定（達成・順調・遅れ・未達成）で評価します。</p>
      )}
      <Counts title="取組の着手状況" list={p.implementation} />
    </section>
  );
}

export function ScalesPage(props: {
  e: ScalesEditor;
  notice?: string | undefined;
  errors?: FieldErrors;
  /** What the user posted, shown again after a refusal or a preview. */
  scales?: PlanScales | undefined;
  /** The version the user's form was made from, when it is shown again (else the stored scales' version). */
  version?: string | undefined;
  previewed?: boolean;
}) {
  const { e } = props;
  const errors = props.errors ?? {};
  const scales = props.scales ?? e.scales;
  const grades = scales?.outcome?.grades ?? [];
  const states = scales?.implementation?.states ?? [];
  return (
    <Layout
      title={`評価基準 — ${e.title}`}
      breadcrumbs={[
        { href: "/", label: "計画の一覧" },
        { href: `/plans/${e.planId}`, label: e.title },
      ]}
    >
      <h1>評価基準（計画独自の評価と段階）</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      {props.previewed && (
        <Notice kind="warning">まだ保存していません。下の見込みを確かめてから保存してください。</Notice>
      )}
      <ErrorSummary errors={errors} />
      <form method="post" action={`/plans/${e.planId}/scales`}>
        <CsrfField />
        <input type="hidden" name="version" value={props.version ?? e.version} />
        <h2>評価（成果の評価基準）</h2>
        <p class="hint">
          上の評価から順に書きます。基準値（%）は上から順に小さくします。すべて空欄なら gyokaku
          の既定の評価（達成・順調・遅れ・未達成）を使います。
        </p>
        <table class="form-table">
          <thead>
            <tr>
              <th scope="col">順</th>
              <th scope="col">評価</th>
              <th scope="col">記号</th>
              <th scope="col">基準</th>
              <th scope="col">達成率（%）</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: GRADE_ROWS }, (_, i) => {
              const g = grades[i];
              const rule = g?.rule?.reviewer ? "reviewer" : g?.rule?.otherwise ? "otherwise" : "atLeast";
              return (
                <tr>
                  <th scope="row">{i + 1}</th>
                  <td>
                    <input
                      id={fieldId(`g${i}_label`)}
                      name={`g${i}_label`}
                      value={g?.label ?? ""}
                      aria-label={`評価${i + 1}の名称`}
                      size={8}
                    />
                    <Err name={`g${i}_label`} errors={errors} />
                  </td>
                  <td>
                    <input
                      name={`g${i}_symbol`}
                      value={g?.symbol ?? ""}
                      aria-label={`評価${i + 1}の記号`}
                      size={2}
                    />
                  </td>
                  <td>
                    <select id={fieldId(`g${i}_rule`)} name={`g${i}_rule`} aria-label={`評価${i + 1}の基準`}>
                      {RULES.map((r) => (
                        <option value={r.value} selected={r.value === rule}>
                          {r.label}
                        </option>
                      ))}
                    </select>
                    <Err name={`g${i}_rule`} errors={errors} />
                  </td>
                  <td>
                    <input
                      name={`g${i}_atLeast`}
                      inputmode="decimal"
                      value={g?.rule?.atLeast === undefined ? "" : String(g.rule.atLeast)}
                      aria-label={`評価${i + 1}の達成率（%以上）`}
                      size={5}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <h2>着手状況の段階</h2>
        <p class="hint">
          低い段階から順に書き、完了とみなす段階に印を付けます。すべて空欄なら既定（未着手・取組中・完了）です。
        </p>
        <table class="form-table">
          <thead>
            <tr>
              <th scope="col">順</th>
              <th scope="col">段階</th>
              <th scope="col">完了とみなす</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: STATE_ROWS }, (_, i) => {
              const s = states[i];
              return (
                <tr>
                  <th scope="row">{i + 1}</th>
                  <td>
                    <input
                      id={fieldId(`s${i}_label`)}
                      name={`s${i}_label`}
                      value={s?.label ?? ""}
                      aria-label={`段階${i + 1}`}
                      size={12}
                    />
                    <Err name={`s${i}_label`} errors={errors} />
                  </td>
                  <td>
                    <input
                      id={fieldId(`s${i}_done`)}
                      type="checkbox"
                      name={`s${i}_done`}
                      value="1"
                      checked={s?.done === true}
                      aria-label={`段階${i + 1}を完了とみなす`}
                    />
                    <Err name={`s${i}_done`} errors={errors} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p>
          <button type="submit" name="action" value="preview" class="button secondary">
            見込みを表示（保存しない）
          </button>{" "}
          <button type="submit" name="action" value="save" class="button">
            保存する
          </button>
        </p>
      </form>
      <Preview p={e.preview} />
      <p class="small muted">変更は履歴に残ります。公表済みの版は公表時の評価基準のまま変わりません。</p>
    </Layout>
  );
}
