/**
 * The value rows of one indicator on a sheet (個票): the rows between the year header
 * (初期値(2017年度) | 令和元年度 … 令和5年度) and 令和4年度取組状況.
 *
 * The value rows lost their structure in the extraction. What each row is, and the rules used:
 *  - an unlabelled row before the 実績値 row is the target row: 初期値 in the first column, a target in
 *    the column of the year from which it holds (the last column: the value to reach by that year);
 *  - the 実績値 row holds the actuals of the years up to the report year; an unlabelled row after it
 *    holds another series (「(女性)」);
 *  - when the 実績値 row is the only value row, the extraction merged the two rows: its first column is
 *    the 初期値, cells of years after the report year are targets, and the cells of the reported years
 *    are actuals when at least two of them are filled — one lone cell (「増加」 under 令和元年度,
 *    「検討・実施」 under 令和元年度) is the target that starts in that year, since a progress sheet of
 *    令和4年度 never reports 令和元年度 alone; the actuals of such an indicator were lost (the summary
 *    has them).
 */
import type { Finding } from "../../core/findings.ts";
import { cellValue, type Line, quote, sheetTarget, splitSeries } from "./common.ts";
import type { Indicator, Src } from "./model.ts";

/** A year column of the sheet; the last one is the plan's target year. */
export type Column = { fiscalYear: number; last: boolean };

/** Applies the row rules of the file comment to the value rows of one indicator. */
export function readValueRows(
  ind: Indicator,
  rows: Line[],
  columns: Column[],
  reportYear: number,
  file: string,
  findings: Finding[],
) {
  const subject = `指標「${ind.name}」`;
  let sawTargets = false;
  let sawActuals = false;
  for (const row of rows) {
    const labelled = row.cells[0] !== "";
    const yearCells = row.cells.slice(2, 2 + columns.length);
    const reported = yearCells.filter((c, k) => c !== "" && columns[k]!.fiscalYear <= reportYear).length;
    const asActuals = labelled ? sawTargets || reported >= 2 : sawActuals;
    const { series, rest } = splitSeries(row.cells[1]!);
    if (series !== undefined && !ind.series.includes(series)) ind.series.push(series);
    const source = { file, line: row.no };
    const baseline = cellValue(rest, source, `${subject}の初期値`, findings);
    if (baseline) addBaseline(ind, { ...baseline, ...years(ind.baselineYear), ...named(series) }, findings);
    yearCells.forEach((text, k) => {
      const col = columns[k]!;
      if (asActuals && col.fiscalYear <= reportYear) {
        const v = cellValue(text, source, `${subject}の${col.fiscalYear}年度実績値`, findings);
        if (v) addActual(ind, { ...v, fiscalYear: col.fiscalYear, ...named(series) }, findings);
      } else {
        const t = sheetTarget(text, col, source, `${subject}の目標`, findings);
        if (t) ind.targets.push({ ...t, ...named(series) });
      }
    });
    if (asActuals) sawActuals = true;
    else sawTargets = true;
  }
  assignSeries(ind, file, findings);
}

const named = (series: string | undefined) => (series === undefined ? {} : { series });
const years = (fy: number | undefined) => (fy === undefined ? {} : { fiscalYear: fy });

function addBaseline(ind: Indicator, b: Indicator["baselines"][number], findings: Finding[]) {
  const had = ind.baselines.find((x) => x.series === b.series);
  if (!had) ind.baselines.push(b);
  else if (had.text !== b.text)
    conflict(
      findings,
      { file: b.source!.file, line: b.source!.line! },
      `指標「${ind.name}」の初期値`,
      had.text,
      b.text,
    );
}

function addActual(ind: Indicator, a: Indicator["actuals"][number], findings: Finding[]) {
  const had = ind.actuals.find((x) => x.series === a.series && x.fiscalYear === a.fiscalYear);
  if (!had) ind.actuals.push(a);
  else if (had.text !== a.text)
    conflict(
      findings,
      { file: a.source!.file, line: a.source!.line! },
      `指標「${ind.name}」の${a.fiscalYear}年度実績値`,
      had.text,
      a.text,
    );
}

function conflict(findings: Finding[], src: Src, subject: string, had: string, now: string) {
  findings.push({
    file: src.file,
    line: src.line,
    code: "sheet.conflict",
    subject,
    expected: had,
    found: now,
    message: `${subject}が一つの個票に二度、違う値で書かれています。先の値を採りました`,
    severity: "warning",
  });
}

/** In an indicator with series, a value the sheet wrote without the series name belongs to the first series. */
function assignSeries(ind: Indicator, file: string, findings: Finding[]) {
  if (ind.series.length === 0) return;
  const first = ind.series[0]!;
  for (const v of [...ind.baselines, ...ind.targets, ...ind.actuals]) {
    if (v.series !== undefined) continue;
    v.series = first;
    findings.push({
      file,
      line: v.source?.line,
      code: "sheet.series-assumed",
      subject: `指標「${ind.name}」`,
      found: v.text,
      message: `系列名のない値${quote(v.text)}を最初の系列「${first}」のものとしました`,
      severity: "info",
    });
  }
}
