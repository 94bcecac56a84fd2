/** Pieces every report view shares: value cells, status marks, the legend, headings, links for reviewers. */

import { bothYears, type ValueCell, yearHeading } from "../format.ts";
import { columnText } from "../grades.ts";
import type { ReportHead } from "../report.model.ts";
import type { ResultCell } from "../summary.model.ts";

/**
 * How a report is rendered: on a page of the app (links for reviewers, toolbar) or for print (the PDF:
 * nothing interactive).
 */
export type ViewOptions = {
  mode: "web" | "print";
  /** The link to the judgement form of one indicator series in one year; web mode only. */
  judgeHref?: ((indicatorKey: string, series: string | undefined) => string) | undefined;
};

export function ValueTd({ cell }: { cell: ValueCell }) {
  const plan = cell.planned ? <span class="planned">{cell.planned}</span> : null;
  if (cell.empty) return <td class="num empty">—{plan}</td>;
  if (cell.unreadable) {
    return (
      <td>
        {cell.text}
        <span class="flag" title={cell.unreadable}>
          ⚠ 読取不可
        </span>
        {plan}
      </td>
    );
  }
  // A line may break between a number and its unit (81,571 / 千円), never inside the number.
  const unit = cell.unit && cell.text.endsWith(cell.unit) ? cell.unit : undefined;
  if (unit) {
    return (
      <td class="num">
        {cell.text.slice(0, -unit.length)}
        <wbr />
        {unit}
        {plan}
      </td>
    );
  }
  return (
    <td class={cell.number !== undefined ? "num" : "center"}>
      {cell.text}
      {plan}
    </td>
  );
}

/** A result as symbol and word together, never by colour; a reviewer's judgement says so, with what was computed. */
export function StatusMark({ cell }: { cell: ResultCell }) {
  return (
    <>
      <span class="status">
        <span class="sym" aria-hidden="true">
          {cell.symbol}
        </span>
        {cell.label}
      </span>
      {cell.computed && (
        <>
          <span class="judged">評価者の判定</span>
          <span class="status-computed">
            計算：{cell.computed.symbol} {cell.computed.label}
          </span>
        </>
      )}
    </>
  );
}

/** The symbols and words of the results: gyokaku's statuses, or the plan's own grades in its order. */
export function StatusLegend({ head }: { head: ReportHead }) {
  return (
    <p class="legend">
      凡例：
      {head.legend.map((c) => (
        <span>{columnText(c)}</span>
      ))}
    </p>
  );
}

export function YearTh({ fy, label }: { fy: number; label?: string | undefined }) {
  const y = yearHeading(fy);
  return (
    <th scope="col">
      {label ?? y.short}
      <span class="fy">{y.western}</span>
    </th>
  );
}

export function ReportTitle({ head, note }: { head: ReportHead; note?: string }) {
  return (
    <header>
      <h1>{head.title}</h1>
      <p class="report-meta">
        {head.municipality}（{head.municipalityCode}）・{head.planTitle}・対象年度{" "}
        {bothYears(head.fiscalYear)}
        {note ? `・${note}` : ""}
      </p>
    </header>
  );
}

/** A text that keeps its line breaks. */
export function Pre({ text }: { text: string | undefined }) {
  if (!text) return <span class="empty">—</span>;
  return <span class="pre">{text}</span>;
}
