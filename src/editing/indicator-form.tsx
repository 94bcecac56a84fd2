/** The form that adds an indicator to an item, with its target read back before it is stored. */

import { CsrfField, type FieldErrors, TextField } from "../core/ui/forms.tsx";
import type { Preview } from "./editing.service.ts";
import { PreviewLines } from "./target-form.tsx";

export function IndicatorForm(props: {
  action: string;
  version: number;
  values: Record<string, string>;
  errors: FieldErrors;
  preview: Preview | undefined;
}) {
  const { errors } = props;
  const v = (k: string) => props.values[k] ?? "";
  return (
    <section class="panel" aria-labelledby="indicator-title">
      <h2 id="indicator-title">指標を追加</h2>
      <form method="post" action={props.action} novalidate>
        <CsrfField />
        <input type="hidden" name="version" value={String(props.version)} />
        <TextField
          name="indicatorName"
          label="指標の名称"
          value={v("indicatorName")}
          error={errors.indicatorName}
        />
        <TextField
          name="indicatorUnit"
          label="単位（任意）"
          hint="例: 件、%、千円、時間"
          value={v("indicatorUnit")}
          error={errors.indicatorUnit}
          size={8}
        />
        <TextField
          name="indicatorSeries"
          label="系列（任意）"
          hint="例: 男性、女性（読点で区切る）"
          value={v("indicatorSeries")}
          error={errors.indicatorSeries}
        />
        <TextField
          name="indicatorTarget"
          label="目標（任意）"
          hint="系列があれば、すべての系列に同じ目標を付けます（系列ごとの目標は後から追加できます）。"
          value={v("indicatorTarget")}
          error={errors.indicatorTarget}
          describedBy={props.preview ? ["indicator-preview"] : []}
        />
        <PreviewLines preview={props.preview} id="indicator-preview" />
        <div class="actions">
          <button type="submit" name="action" value="preview" class="button button-secondary">
            読み取り結果を確認
          </button>
          <button type="submit" name="action" value="save" class="button button-primary">
            指標を追加する
          </button>
        </div>
      </form>
    </section>
  );
}
