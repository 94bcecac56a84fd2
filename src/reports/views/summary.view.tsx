/** The summary table (取組状況一覧) as HTML: the columns of 江別 001 and the result with its rule. */
import { bothYears } from "../format.ts";
import type { SummaryModel, SummaryRow } from "../summary.model.ts";
import { ReportTitle, StatusLegend, StatusMark, ValueTd, type ViewOptions, YearTh } from "./common.tsx";
import { effectTotalText } from "./fiscal-effect.view.tsx";

export function SummaryView({ model, view }: { model: SummaryModel; view: ViewOptions }) {
  return (
    <>
      <ReportTitle head={model} />
      <StatusLegend head={model} />
      <div class="table-wide">
        <table class="summary-table">
          <caption class="muted small">
            実績値は{bothYears(model.fiscalYear)}までを表示します。評価は{bothYears(model.fiscalYear)}
            の実績値を、その年度に適用される目標と比べた結果です。
          </caption>
          <colgroup>
            {columnWidths(model).map(([cls, width]) => (
              <col class={cls} style={`width:${width}`} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {model.levels.map((l) => (
                <th scope="col" rowspan={2}>
                  {l}
                </th>
              ))}
              <th scope="col" rowspan={2}>
                指標
              </th>
              <th scope="col" rowspan={2}>
                初期値
                {model.baselineYear !== undefined && <span class="fy">{model.baselineYear}年度</span>}
              </th>
              <th scope="col" rowspan={2}>
                目標
              </th>
              <th scope="colgroup" colspan={model.years.length}>
                実績値
              </th>
              <th scope="colgroup" colspan={2}>
                評価（{bothYears(model.fiscalYear)}）
              </th>
            </tr>
            <tr>
              {model.years.map((fy) => (
                <YearTh fy={fy} />
              ))}
              <th scope="col">結果</th>
              <th scope="col">判定の根拠</th>
            </tr>
          </thead>
          <tbody>
            {model.rows.map((row) => (
              <SummaryTr row={row} view={view} />
            ))}
          </tbody>
        </table>
      </div>
      {model.fiscalEffects && <p class="effect-total">{effectTotalText(model.fiscalEffects)}</p>}
    </>
  );
}

/** Column widths in proportion (the table is laid out fixed, so a long rule never squeezes the figures). */
function columnWidths(model: SummaryModel): [string, string][] {
  const value = model.years.length <= 6 ? 7 : 5.5;
  const cols: [string, number][] = [
    ...model.levels.map((): [string, number] => ["c-level", 6.5]),
    ["c-indicator", 11],
    ["c-value", value],
    ["c-target", 8.5],
    ...model.years.map((): [string, number] => ["c-value", value]),
    ["c-result", 6.8],
    ["c-rule", 20],
  ];
  const total = cols.reduce((n, [, w]) => n + w, 0);
  return cols.map(([cls, w]) => [cls, `${((w / total) * 100).toFixed(2)}%`]);
}

function SummaryTr({
  row,
  nextRow,
  view,
}: {
  row: SummaryRow;
  nextRow?: SummaryRow | undefined;
  view: ViewOptions;
}) {
  return (
    <tr id={`row-${row.id}`} class={row.crossListed ? "cross" : undefined}>
      {row.levels.map((cell, i) => {
        // Merged by borders, not rowspan: a rowspan makes the whole group one unbreakable block in print.
        const next = nextRow?.levels[i];
        const cls = ["level", cell.rowSpan === 0 && "cont", next?.rowSpan === 0 && "open"]
          .filter(Boolean)
          .join(" ");
        return (
          <th scope="row" class={cls}>
            <span class={cell.rowSpan === 0 ? "visually-hidden" : undefined}>{cell.text}</span>
          </th>
        );
      })}
      <td class="indicator">
        {row.indicator}
        {row.seriesLabel && <span class="tag">{row.seriesLabel}</span>}
        {row.crossListed && <span class="tag">再掲</span>}
      </td>
      <ValueTd cell={row.baseline} />
      <td class="center">{row.target}</td>
      {row.actuals.map((c) => (
        <ValueTd cell={c} />
      ))}
      <td>{row.result && <StatusMark cell={row.result} />}</td>
      <td class="rule">
        {row.result?.explanation}
        {view.judgeHref && row.indicatorKey && (
          <>
            {" "}
            <a class="report-row-action" href={view.judgeHref(row.indicatorKey, row.series)}>
              判定を記録
            </a>
          </>
        )}
      </td>
    </tr>
  );
}
