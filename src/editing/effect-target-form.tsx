/** The plan editor's form for the target of the plan's total 財政効果額, with its reading shown before saving. */

import type { Target } from "../core/plan-document/schema.ts";
import { CsrfField, type FieldErrors, SelectField, TextField } from "../core/ui/forms.tsx";
import { BASIS_LABELS, TARGET_BASES } from "../domain/values/index.ts";
import type { EffectTargetPreview } from "./effect-target.service.ts";

const BASIS_OPTIONS = [
  { value: "", label: "目標の文言から読む（「累計」「5年間で」「毎年度」など）" },
  ...TARGET_BASES.map((b) => ({ value: b, label: BASIS_LABELS[b] })),
];

export function EffectTargetForm(props: {
  planId: string;
  version: number;
  stored: Target | undefined;
  /** the user's input when the form comes back (a preview or a refusal) */
  values?: Record<string, string> | undefined;
  errors: FieldErrors;
  preview?: EffectTargetPreview | undefined;
}) {
  const { values, errors, preview } = props;
  const text = values ? (values.effectTarget ?? "") : (props.stored?.text ?? "");
  const basis = values ? (values.effectTargetBasis ?? "") : (props.stored?.basis ?? "");
  return (
    <section aria-labelledby="effect-target-title">
      <h2 id="effect-target-title">財政効果額の目標</h2>
      <p class="hint">
        計画全体の財政効果額（すべての項目の歳出削減と歳入確保の合計）の目標です。指標の目標と同じように、累計・計画期間の合計なら
        初年度からの実績の合計と比べて評価し、集計表とダッシュボードに示します。空欄で保存すると目標を削除します。
      </p>
      <form method="post" action={`/plans/${props.planId}/effect-target`} novalidate class="narrow">
        <CsrfField />
        <input type="hidden" name="version" value={String(props.version)} />
        <TextField
          name="effectTarget"
          label="目標"
          hint="金額で、単位は円・千円・百万円（例: 5年間で累計500百万円、(R9)累計300,000千円、毎年度100百万円以上）"
          value={text}
          error={errors.effectTarget}
          describedBy={preview ? ["effect-target-preview"] : []}
        />
        <SelectField
          name="effectTargetBasis"
          label="集計方法"
          value={basis}
          options={BASIS_OPTIONS}
          error={errors.effectTargetBasis}
        />
        {preview && (
          <p class="understood" id="effect-target-preview">
            読み取り結果: <strong>{preview.description}</strong>（まだ保存していません）
          </p>
        )}
        <div class="actions">
          <button type="submit" name="action" value="preview" class="button button-secondary">
            読み取り結果を確認
          </button>
          <button type="submit" name="action" value="save" class="button button-primary">
            保存する
          </button>
        </div>
      </form>
    </section>
  );
}
