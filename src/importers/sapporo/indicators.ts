/**
 * An indicator (目標) of the Sapporo action plan: a 2022 baseline and a 2027 target, read with the
 * shared value reader. Values the reader cannot understand are kept as written and flagged.
 */

import type { z } from "zod";
import type { Finding } from "../../core/findings.ts";
import type { indicatorSchema } from "../../core/plan-document/schema.ts";
import { readFiscalYear, readTarget, readValue } from "../../domain/values/index.ts";
import type { IndicatorHeader, YearCell } from "./layout.ts";

export type IndicatorInput = z.input<typeof indicatorSchema>;
type BaselineInput = NonNullable<IndicatorInput["baselines"]>[number];
type TargetInput = NonNullable<IndicatorInput["targets"]>[number];
type Source = { file: string; line: number };

export type IndicatorRows = {
  key: string;
  header: IndicatorHeader;
  headerLine: number;
  /** The values row under the header, when there is one. */
  values?: { baseline: string; target: string; line: number } | undefined;
};

export function buildIndicator(file: string, rows: IndicatorRows, findings: Finding[]): IndicatorInput {
  const { header } = rows;
  const at = (line: number): Source => ({ file, line });
  const inHeader = header.baseline.text !== "" || header.target.text !== "";
  if (inHeader && rows.values) {
    findings.push({
      file,
      line: rows.values.line,
      code: "indicator.extra-values-row",
      subject: `指標「${header.name}」`,
      found: `${rows.values.baseline} / ${rows.values.target}`,
      message: "見出し行に値があるのに、次の行にも値があります。見出し行の値を使いました",
      severity: "warning",
    });
  }
  const fromRow = !inHeader && rows.values;
  const baselineText = fromRow ? rows.values!.baseline : header.baseline.text;
  const targetText = fromRow ? rows.values!.target : header.target.text;
  const valueLine = fromRow ? rows.values!.line : rows.headerLine;
  const missing = baselineText === "" && targetText === "";
  if (missing) {
    findings.push({
      file,
      line: rows.headerLine,
      code: "indicator.values-missing",
      subject: `指標「${header.name}」`,
      message: "基準値と目標値がありません（表の値の行が抽出で失われています）",
      severity: "warning",
    });
  }
  const baselineYear = fiscalYearOf(header.baseline, file, rows.headerLine, header.name, findings);
  const targetYear = fiscalYearOf(header.target, file, rows.headerLine, header.name, findings);
  const subject = (what: string, year: YearCell) => `指標「${header.name}」の ${year.yearLabel ?? ""}${what}`;
  const baseline = {
    ...baselineOf(baselineText, at(valueLine), subject("基準値", header.baseline), findings, missing),
    ...(baselineYear !== undefined ? { fiscalYear: baselineYear } : {}),
  };
  const target = targetOf(targetText, at(valueLine), subject("目標値", header.target), findings, missing);
  // The column says by when: 2027年 → the target holds for FY2027 unless the target names its own year.
  if (target.fiscalYear === undefined && targetYear !== undefined) target.fiscalYear = targetYear;
  return { key: rows.key, name: header.name, baselines: [baseline], targets: [target] };
}

function fiscalYearOf(
  cell: YearCell,
  file: string,
  line: number,
  name: string,
  findings: Finding[],
): number | undefined {
  if (cell.yearLabel === undefined) {
    findings.push({
      file,
      line,
      code: "indicator.year-missing",
      subject: `指標「${name}」`,
      message: "基準値・目標値の年の見出しがありません",
      severity: "warning",
    });
    return undefined;
  }
  const fy = readFiscalYear(cell.yearLabel);
  if ("fiscalYear" in fy) return fy.fiscalYear;
  findings.push({
    file,
    line,
    code: "value.unreadable",
    subject: `指標「${name}」の年`,
    found: cell.yearLabel,
    message: `年を読めません: ${fy.unreadable}`,
    severity: "warning",
  });
  return undefined;
}

const MISSING = "値がありません（表の値の行が抽出で失われています）";

function baselineOf(
  text: string,
  source: Source,
  subject: string,
  findings: Finding[],
  missing: boolean,
): BaselineInput {
  const r = readValue(text);
  const value: BaselineInput = {
    text: r.text,
    kind: r.kind,
    ...(r.number !== undefined ? { number: r.number } : {}),
    ...(r.unit !== undefined ? { unit: r.unit } : {}),
    ...(r.stage !== undefined ? { stage: r.stage } : {}),
    ...(missing ? { unreadable: MISSING } : r.unreadable !== undefined ? { unreadable: r.unreadable } : {}),
    source,
  };
  if (!missing && r.unreadable !== undefined) findings.push(unreadable(source, subject, text, r.unreadable));
  return value;
}

function targetOf(
  text: string,
  source: Source,
  subject: string,
  findings: Finding[],
  missing: boolean,
): TargetInput {
  const r = readTarget(text);
  const target: TargetInput = {
    text: r.text,
    kind: r.kind,
    ...(r.number !== undefined ? { number: r.number } : {}),
    ...(r.unit !== undefined ? { unit: r.unit } : {}),
    ...(r.fiscalYear !== undefined ? { fiscalYear: r.fiscalYear } : {}),
    ...(r.fromFiscalYear !== undefined ? { fromFiscalYear: r.fromFiscalYear } : {}),
    ...(r.direction !== undefined ? { direction: r.direction } : {}),
    ...(r.relativeToFiscalYear !== undefined ? { relativeToFiscalYear: r.relativeToFiscalYear } : {}),
    ...(r.change !== undefined ? { change: r.change } : {}),
    ...(r.stage !== undefined ? { stage: r.stage } : {}),
    ...(r.basis !== undefined ? { basis: r.basis } : {}),
    ...(missing ? { unreadable: MISSING } : r.unreadable !== undefined ? { unreadable: r.unreadable } : {}),
    source,
  };
  if (!missing && r.unreadable !== undefined) findings.push(unreadable(source, subject, text, r.unreadable));
  return target;
}

function unreadable(source: Source, subject: string, found: string, why: string): Finding {
  return {
    ...source,
    code: "value.unreadable",
    subject,
    found,
    message: `値を読めません。書かれたとおりに残しました: ${why}`,
    severity: "warning",
  };
}
