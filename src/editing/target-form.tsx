/** The form that adds a target to an indicator series, with the reading shown back before it is stored. */

import { CsrfField, type FieldErrors, SelectField, TextField } from "../core/ui/forms.tsx";
import { BASIS_LABELS, TARGET_BASES } from "../domain/values/index.ts";
import type { Preview } from "./editing.service.ts";

export function PreviewLines({ preview, id }: { preview: Preview | undefined; id: string }) {
  if (!preview || preview.readings.length === 0) return null;
  return (
    <div id={id}>
      {preview.readings.map(({ series, reading }) => (
        <p class={`understood${reading.warnings.length > 0 ? " flagged" : ""}`}>
          読み取り結果{series ? `（${series}）` : ""}: <strong>{reading.description}</strong>
          {reading.warnings.map((w) => (
            <>
              <br />⚠ {w}
            </>
          ))}
        </p>
      ))}
    </div>
  );
}

const BASIS_OPTIONS = [
  { value: "", label: "目標の文言から読む（「累計」「5年間で」「毎年度」など）" },
  ...TARGET_BASES.map((b) => ({ value: b, label: BASIS_LABELS[b] })),
];

export function TargetForm(props: {
  action: string;
  version: number;
  choices: { value: string; label: string }[];
  values: Record<string, string>;
  errors: FieldErrors;
  preview: Preview | undefined;
}) {
  const { values, errors, preview } = props;
  return (
    <section class="panel" aria-labelledby="target-title">
      <h2 id="target-title">目標を追加</h2>
      <form method="post" action={props.action} novalidate>
        <CsrfField />
        <input type="hidden" name="version" value={String(props.version)} />
        <SelectField
          name="targetFor"
          label="指標"
          value={values.targetFor ?? ""}
          options={props.choices}
          error={errors.targetFor}
        />
        <TextField
          name="targetText"
          label="目標"
          hint="例: (R5)6,000、(R1～)13%以上、(初期値より)増加、10%増 (2023年度比)、(R3～)実施、5年間で累計500百万円"
          value={values.targetText ?? ""}
          error={errors.targetText}
          describedBy={preview ? ["target-preview"] : []}
        />
        <SelectField
          name="targetBasis"
          label="集計方法"
          hint="累計: 計画の初年度からの実績の合計と比べます。計画期間の合計: 計画の最終年度までの合計と比べます。"
          value={values.targetBasis ?? ""}
          options={BASIS_OPTIONS}
          error={errors.targetBasis}
        />
        <PreviewLines preview={preview} id="target-preview" />
        <div class="actions">
          <button type="submit" name="action" value="preview" class="button button-secondary">
            読み取り結果を確認
          </button>
          <button type="submit" name="action" value="save" class="button button-primary">
            目標を追加する
          </button>
        </div>
      </form>
    </section>
  );
}
