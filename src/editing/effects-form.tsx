/**
 * The item editor's 財政効果額 panel (the item's amounts per year and kind, with a form to add, change and remove
 * one) and the yearly plan values (年度別計画値) of an indicator series, with the cumulative-row check shown.
 */

import type { FiscalEffect, Indicator } from "../core/plan-document/schema.ts";
import {
  CsrfField,
  type FieldErrors,
  fieldId,
  PostButton,
  SelectField,
  TextField,
} from "../core/ui/forms.tsx";
import {
  FISCAL_EFFECT_KIND_LABELS,
  FISCAL_EFFECT_KINDS,
  FISCAL_EFFECT_UNITS,
} from "../domain/evaluation/fiscal-effect.ts";
import type { PlanRowMismatch } from "../domain/evaluation/plan-rows.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { plannedField, plannedMismatches } from "./effects.service.ts";

const amount = (n: number | undefined) =>
  n === undefined ? "—" : n.toLocaleString("ja-JP", { maximumFractionDigits: 6 });

export const yearsOf = (start: number, end: number) =>
  Array.from({ length: end - start + 1 }, (_, i) => start + i);

/** The form's values for one stored effect (to change it), from `?effect=2025-expenditure_reduction`. */
export function effectValues(
  effects: readonly FiscalEffect[],
  chosen: string | undefined,
): Record<string, string> {
  const e = effects.find((x) => `${x.fiscalYear}-${x.kind}` === chosen);
  if (!e) return {};
  return {
    effectYear: String(e.fiscalYear),
    effectKind: e.kind,
    effectPlanned: e.planned === undefined ? "" : String(e.planned),
    effectActual: e.actual === undefined ? "" : String(e.actual),
    effectUnit: e.unit,
    effectNote: e.note ?? "",
  };
}

export function FiscalEffectPanel(props: {
  base: string;
  itemLabel: string;
  version: number;
  effects: readonly FiscalEffect[];
  period: { start: number; end: number };
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const { values, errors } = props;
  const effects = [...props.effects].sort(
    (a, b) => a.fiscalYear - b.fiscalYear || a.kind.localeCompare(b.kind),
  );
  const years = yearsOf(props.period.start, props.period.end);
  const unit = values.effectUnit ?? effects[0]?.unit ?? "千円";
  return (
    <section class="panel" aria-labelledby="effect-title">
      <h2 id="effect-title">財政効果額</h2>
      <p class="hint">
        この取組で削減する歳出・確保する歳入の額を、年度・種別ごとに計画額と実績額で記録します。
        まだ分からない実績は空欄のままにします（0 とはみなしません）。
      </p>
      {effects.length === 0 ? (
        <p class="empty">財政効果額はまだありません。</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">{props.itemLabel}の財政効果額</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">種別</th>
              <th scope="col">計画額</th>
              <th scope="col">実績額</th>
              <th scope="col">単位</th>
              <th scope="col">備考</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {effects.map((e) => {
              const what = `${warekiFiscalYear(e.fiscalYear)}の${FISCAL_EFFECT_KIND_LABELS[e.kind]}`;
              return (
                <tr>
                  <th scope="row">{warekiFiscalYear(e.fiscalYear)}</th>
                  <td>{FISCAL_EFFECT_KIND_LABELS[e.kind]}</td>
                  <td class="num">{amount(e.planned)}</td>
                  <td class="num">{amount(e.actual)}</td>
                  <td>{e.unit}</td>
                  <td>{e.note ?? ""}</td>
                  <td>
                    <a
                      href={`${props.base}/edit?effect=${e.fiscalYear}-${e.kind}#effect-form-title`}
                      aria-label={`${what}を変更`}
                    >
                      変更
                    </a>{" "}
                    <PostButton
                      action={`${props.base}/effects/remove`}
                      label="削除"
                      ariaLabel={`${what}を削除`}
                      hidden={{ version: props.version, effectYear: e.fiscalYear, effectKind: e.kind }}
                      kind="warning"
                      small
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h3 id="effect-form-title">財政効果額を登録・変更</h3>
      <form method="post" action={`${props.base}/effects`} novalidate>
        <CsrfField />
        <input type="hidden" name="version" value={String(props.version)} />
        <p class="hint">同じ年度・種別の記録があれば、その記録を置き換えます。</p>
        <div class="field-row">
          <SelectField
            name="effectYear"
            label="年度"
            value={values.effectYear ?? ""}
            options={[
              { value: "", label: "選んでください" },
              ...years.map((y) => ({ value: String(y), label: `${warekiFiscalYear(y)}（${y}年度）` })),
            ]}
            error={errors.effectYear}
          />
          <SelectField
            name="effectKind"
            label="種別"
            value={values.effectKind ?? ""}
            options={FISCAL_EFFECT_KINDS.map((k) => ({ value: k, label: FISCAL_EFFECT_KIND_LABELS[k] }))}
            error={errors.effectKind}
          />
        </div>
        <div class="field-row">
          <TextField
            name="effectPlanned"
            label="計画額"
            hint="数値だけ（例: 1,200、12.5）"
            value={values.effectPlanned ?? ""}
            error={errors.effectPlanned}
            inputmode="decimal"
            size={14}
          />
          <TextField
            name="effectActual"
            label="実績額"
            hint="分からなければ空欄"
            value={values.effectActual ?? ""}
            error={errors.effectActual}
            inputmode="decimal"
            size={14}
          />
          <SelectField
            name="effectUnit"
            label="単位"
            value={unit}
            options={FISCAL_EFFECT_UNITS.map((u) => ({ value: u, label: u }))}
            error={errors.effectUnit}
          />
        </div>
        <TextField
          name="effectNote"
          label="備考（任意）"
          hint="例: 実績は決算確定後に報告、委託化による人件費の削減"
          value={values.effectNote ?? ""}
          error={errors.effectNote}
        />
        <button type="submit" class="button button-primary">
          財政効果額を保存する
        </button>
      </form>
    </section>
  );
}

/** The findings of the cumulative-row check, as the import lists them. */
function Mismatches({ list, id }: { list: readonly PlanRowMismatch[]; id: string }) {
  if (list.length === 0) return null;
  return (
    <div class="notice notice-warning" id={id}>
      <p>累計の計画値の確認（直さずに保存しています）:</p>
      <ul>
        {list.map((m) => (
          <li>
            ⚠ {m.message}（{m.expected ? `期待: ${m.expected} / ` : ""}実際: {m.cell.text}）
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One form per indicator series: the plan's yearly row and its cumulative row, one text box per year. */
export function PlannedValuesForm(props: {
  base: string;
  version: number;
  indicator: Indicator;
  series: string | undefined;
  period: { start: number; end: number };
  /** the user's input, when this form was refused */
  posted?: { values: Record<string, string>; errors: FieldErrors } | undefined;
}) {
  const { indicator: ind, series, posted } = props;
  const years = yearsOf(props.period.start, props.period.end);
  const stored = (ind.plannedValues ?? []).filter((v) => v.series === series);
  const cellText = (fy: number, cumulative: boolean) =>
    posted
      ? (posted.values[plannedField(fy, cumulative)] ?? "")
      : (stored.find((v) => v.fiscalYear === fy && (v.cumulative === true) === cumulative)?.text ?? "");
  const mismatches = plannedMismatches(ind.plannedValues ?? [], series, props.period.start);
  const name = `${ind.name}${series ? `（${series}）` : ""}`;
  const id = `planned-${ind.key}-${series ?? ""}`;
  const err = (fy: number, c: boolean) => posted?.errors[plannedField(fy, c)];
  return (
    <form method="post" action={`${props.base}/planned`} novalidate class="planned-form">
      <CsrfField />
      <input type="hidden" name="version" value={String(props.version)} />
      <input type="hidden" name="plannedFor" value={ind.key} />
      <input type="hidden" name="plannedSeries" value={series ?? ""} />
      <table class="data-table">
        <caption>
          年度別計画値: {name}
          {ind.unit ? `（単位: ${ind.unit}）` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">計画値（単年度）</th>
            <th scope="col">計画値（累計）</th>
          </tr>
        </thead>
        <tbody>
          {years.map((fy) => (
            <tr>
              <th scope="row">{warekiFiscalYear(fy)}</th>
              {[false, true].map((c) => {
                const f = plannedField(fy, c);
                const e = err(fy, c);
                return (
                  <td class={e ? "field-error" : undefined}>
                    <input
                      id={fieldId(f)}
                      name={f}
                      value={cellText(fy, c)}
                      size={14}
                      aria-label={`${name} ${warekiFiscalYear(fy)}の計画値${c ? "（累計）" : "（単年度）"}`}
                      aria-invalid={e ? "true" : undefined}
                    />
                    {e && <p class="error-message">{e}</p>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">
        計画書の表のとおりに書きます（例:
        100百万円、3,000件、実施）。累計の行を書くと、初年度からの単年度の合計と照合します。
      </p>
      <Mismatches list={mismatches} id={`${id}-check`} />
      <button type="submit" class="button button-secondary">
        {name}の計画値を保存する
      </button>
    </form>
  );
}
