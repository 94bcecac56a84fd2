/**
 * 財政効果額 on the public pages (issue 10.4): per item, the planned and the actual amount by year and kind in
 * the unit the plan wrote; for the plan, the totals by year with running sums and to the published year.
 * An actual after the published year is never shown; a missing actual is 未報告, never 0. Pure presenters.
 */
import type { Item } from "../core/plan-document/schema.ts";
import {
  type EffectSum,
  effectsByYear,
  FISCAL_EFFECT_KIND_LABELS,
  FISCAL_EFFECT_KINDS,
  type FiscalEffectEntry,
  type FiscalEffectUnit,
  reportUnit,
  sumEffects,
} from "../domain/evaluation/fiscal-effect.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { printFigure } from "../domain/values/figure.ts";
import { Grade } from "./grading.tsx";
import { Fy, Status } from "./public.parts.tsx";
import type { ItemView, PublicView } from "./public-view.ts";

/** An amount as every figure is printed: half-width, separators, the unit. */
export function money(n: number | null | undefined, unit: FiscalEffectUnit): string | undefined {
  if (n === null || n === undefined) return undefined;
  return printFigure({ text: String(n), kind: "number", number: n, unit }, unit);
}

const Empty = ({ text = "—" }: { text?: string }) => <span class="empty">{text}</span>;

/** The item's effects as entries, actuals up to the published year only. */
function entriesOf(item: Item, fiscalYear: number): FiscalEffectEntry[] {
  return (item.fiscalEffects ?? []).map((e) => ({
    itemKey: item.key,
    fiscalYear: e.fiscalYear,
    kind: e.kind,
    planned: e.planned,
    actual: e.fiscalYear <= fiscalYear ? e.actual : undefined,
    unit: e.unit,
  }));
}

export function ItemFiscalEffects({ view, item: v }: { view: PublicView; item: ItemView }) {
  const fy = view.fiscalYear;
  const effects = [...(v.item.fiscalEffects ?? [])].sort(
    (a, b) =>
      a.fiscalYear - b.fiscalYear ||
      FISCAL_EFFECT_KINDS.indexOf(a.kind) - FISCAL_EFFECT_KINDS.indexOf(b.kind),
  );
  if (effects.length === 0) return null;
  const entries = entriesOf(v.item, fy).filter((e) => e.fiscalYear <= fy);
  const unit = reportUnit(entriesOf(v.item, fy));
  const toDate = sumEffects(entries, unit);
  return (
    <>
      <h2 id="fiscal-effect">財政効果額</h2>
      <p>
        計画額（効果の見込み）と実績額です。金額は計画に書かれた単位のままです。
        {v.item.crossListingOf !== undefined &&
          "この項目は再掲のため、計画全体の合計では元の項目で数えています。"}
      </p>
      <section class="table-scroll" aria-labelledby="fiscal-effect-caption" tabindex={0}>
        <table>
          <caption id="fiscal-effect-caption">年度ごとの財政効果額</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">種別</th>
              <th scope="col" class="num">
                計画額
              </th>
              <th scope="col" class="num">
                実績額
              </th>
              <th scope="col">備考</th>
            </tr>
          </thead>
          <tbody>
            {effects.map((e) => {
              const actual = e.fiscalYear <= fy ? money(e.actual, e.unit) : undefined;
              return (
                <tr class={e.fiscalYear === fy ? "current" : undefined}>
                  <th scope="row">
                    <Fy fy={e.fiscalYear} />
                  </th>
                  <td>{FISCAL_EFFECT_KIND_LABELS[e.kind]}</td>
                  <td class="num">{money(e.planned, e.unit) ?? <Empty />}</td>
                  <td class="num">
                    {actual ?? (
                      <Empty text={e.fiscalYear <= fy && e.planned !== undefined ? "未報告" : "—"} />
                    )}
                  </td>
                  <td>{e.note ?? ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <p>
        {warekiFiscalYear(fy)}までの合計：
        <Totals sum={toDate} unit={unit} />
      </p>
    </>
  );
}

/** 「計画額 1,800千円、実績額 1,200千円（達成率 66.7%）」 with the missing actuals named. */
function Totals({ sum, unit }: { sum: EffectSum; unit: FiscalEffectUnit }) {
  const parts = [
    `計画額 ${money(sum.planned, unit) ?? "—"}`,
    `実績額 ${money(sum.actual, unit) ?? "—"}${sum.rate === null ? "" : `（計画に対し ${printFigure({ text: String(sum.rate), kind: "number", number: sum.rate, unit: "%" }, "%", 1)}）`}`,
  ];
  return (
    <>
      {parts.join("、")}
      {sum.actualMissing > 0 &&
        `。実績が未報告の計画額が ${sum.actualMissing} 件あります（0 として数えていません）`}
    </>
  );
}

/** The plan's totals: by year with running sums, and to the published year by kind. 再掲 counted once. */
export function PlanFiscalEffects({ view }: { view: PublicView }) {
  const fy = view.fiscalYear;
  const doc = view.publication.snapshot.document;
  const entries = view.all
    .filter((v) => v.item.crossListingOf === undefined)
    .flatMap((v) => entriesOf(v.item, fy));
  const target = view.publication.snapshot.fiscalEffectTarget;
  if (entries.length === 0 && !target) return null;
  const unit = reportUnit(entries);
  const years: number[] = [];
  for (let y = doc.plan.periodStart; y <= doc.plan.periodEnd; y++) years.push(y);
  const byYear = effectsByYear(entries, years, unit);
  const toDate = entries.filter((e) => e.fiscalYear >= doc.plan.periodStart && e.fiscalYear <= fy);
  const period = sumEffects(
    entries.filter((e) => years.includes(e.fiscalYear)),
    unit,
  );
  return (
    <>
      <h2 id="fiscal-effect">財政効果額</h2>
      <p>
        各項目の財政効果額（歳出削減・歳入確保）の合計です（単位：{unit}。再掲の項目は一度だけ数えます）。
        実績が報告されていない年度は 0 ではなく空欄です。
      </p>
      {target && (
        <div
          class={
            view.grading && target.grade !== undefined
              ? "result result-grade"
              : `result result-${target.status}`
          }
        >
          <p class="result-head">財政効果額の目標：{target.text}</p>
          <p class="result-head">
            {warekiFiscalYear(fy)}の評価：
            {view.grading && target.grade !== undefined ? (
              <Grade grading={view.grading} label={target.grade} />
            ) : (
              <Status status={target.status} />
            )}
          </p>
          <p class="result-why">{target.explanation}</p>
        </div>
      )}
      <dl class="meta">
        <dt>計画期間の計画額</dt>
        <dd>{money(period.planned, unit) ?? "—"}</dd>
        <dt>{warekiFiscalYear(fy)}までの合計</dt>
        <dd>
          <Totals sum={sumEffects(toDate, unit)} unit={unit} />
        </dd>
        {FISCAL_EFFECT_KINDS.map((k) => {
          const list = toDate.filter((e) => e.kind === k);
          return list.length === 0 ? null : (
            <>
              <dt>うち{FISCAL_EFFECT_KIND_LABELS[k]}</dt>
              <dd>
                <Totals sum={sumEffects(list, unit)} unit={unit} />
              </dd>
            </>
          );
        })}
      </dl>
      <section class="table-scroll" aria-labelledby="plan-fiscal-effect-caption" tabindex={0}>
        <table>
          <caption id="plan-fiscal-effect-caption">年度ごとの財政効果額と累計（単位：{unit}）</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col" class="num">
                計画額
              </th>
              <th scope="col" class="num">
                実績額
              </th>
              <th scope="col" class="num">
                計画額の累計
              </th>
              <th scope="col" class="num">
                実績額の累計
              </th>
            </tr>
          </thead>
          <tbody>
            {byYear.map((y) => (
              <tr class={y.fiscalYear === fy ? "current" : undefined}>
                <th scope="row">
                  <Fy fy={y.fiscalYear} />
                </th>
                <td class="num">{money(y.planned, unit) ?? <Empty />}</td>
                <td class="num">
                  {money(y.actual, unit) ?? (
                    <Empty text={y.fiscalYear <= fy && y.planned !== null ? "未報告" : "—"} />
                  )}
                </td>
                <td class="num">{money(y.cumulativePlanned, unit) ?? <Empty />}</td>
                <td class="num">{money(y.cumulativeActual, unit) ?? <Empty />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
