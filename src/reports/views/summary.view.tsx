/** The summary table (取組状況一覧) as HTML: the columns of 江別 001 and the result with its rule. */
import { bothYears } from "../format.ts";
import type { SummaryModel, SummaryRow } from "../summary.model.ts";
import { ReportTitle, StatusLegend, StatusMark, ValueTd, type ViewOptions, YearTh } from "./common.tsx";
import { effectTotalText } from "./fiscal-effect.view.tsx";

/**
 * The rows by top-level section (基本目標): on paper each section is a table of its own and starts on a new
 * page, so that the print document can be printed in parts (a run of sections each) and joined with the same
 * pages as in one piece. On the screen the rows stay one table.
 */
export function summarySections(model: SummaryModel): SummaryRow[][] {
  const sections: SummaryRow[][] = [];
  for (const row of model.rows) {
    const top = row.levels[0];
    if (sections.length === 0 || (top !== undefined && top.rowSpan > 0)) sections.push([row]);
    else sections.at(-1)!.push(row);
  }
  return sections;
}

export function SummaryView({
  model,
  view,
  part,
}: {
  model: SummaryModel;
  view: ViewOptions;
  /** Only these sections (print only; a part of the print document, see printHtmlParts); the title with the first. */
  part?: { from: number; to: number } | undefined;
}) {
  const all = view.mode === "print" ? summarySections(model) : [model.rows];
  const from = part?.from ?? 0;
  const to = part?.to ?? all.length;
  return (
    <>
      {from === 0 && <ReportTitle head={model} />}
      {from === 0 && <StatusLegend head={model} />}
      {all.slice(from, to).map((rows, i) => (
        <SummaryTable model={model} rows={rows} view={view} caption={from + i === 0} />
      ))}
      {to === all.length && model.fiscalEffects && (
        <p class="effect-total">{effectTotalText(model.fiscalEffects)}</p>
      )}
    </>
  );
}

function SummaryTable({
  model,
  rows,
  view,
  caption,
}: {
  model: SummaryModel;
  rows: SummaryRow[];
  view: ViewOptions;
  caption: boolean;
}) {
  return (
    <div class="table-wide summary-section">
      <table class="summary-table">
        {caption && (
          <caption class="muted small">
            実績値は{bothYears(model.fiscalYear)}までを表示します。評価は{bothYears(model.fiscalYear)}
            の実績値を、その年度に適用される目標と比べた結果です。
          </caption>
        )}
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
          {rows.map((row) => (
            <SummaryTr row={row} view={view} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The share of the table's width that keeps a result word of `chars` characters on one line with its symbol
 * (report.css: 0.85rem on a screen table at least 1360px wide, 8pt on A4 landscape: the screen needs more).
 * Longer words than STATUS_ONE_LINE (a plan's own grades) may wrap.
 */
const statusShare = (chars: number) => (Math.min(chars, STATUS_ONE_LINE) + 2.4) * 0.0105;
const STATUS_ONE_LINE = 8;

/**
 * Column widths in proportion (the table is laid out fixed, so a long rule never squeezes the figures). The
 * result column is wide enough for the longest result word on one line (「－データなし」); what it needs more
 * is taken from the rule column, so the table is never wider.
 */
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
  const words = [...model.legend.map((c) => c.label), ...model.rows.map((r) => r.result?.label ?? "")];
  const longest = Math.max(0, ...words.map((w) => [...w].length));
  const more = Math.min(Math.max(0, statusShare(longest) * total - 6.8), 8);
  cols[cols.length - 2]![1] += more;
  cols[cols.length - 1]![1] -= more;
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
