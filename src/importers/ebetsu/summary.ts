/**
 * Reader of the Ebetsu summary table (一覧, seed 001): one row per indicator (and per series), 12
 * tab-separated cells: 基本目標 | 取組方針 | 取組項目 | 指標 | 初期値 | 目標 | R1 … R5, then a note
 * 「23の取組項目について、…3つの基本目標…」 that closes the table.
 *
 * Cells are not where the header says: a row may lack its first cell (「(7)…」 opens the row) or have one
 * too many (「② …」 in the 指標 column), and merged label cells land on a neighbouring row. So a row
 * is read from its 目標 cell, the one cell whose notation is unmistakable (「(R5)…」, 「(R1～)…」,
 * 「(初期値より)…」): 初期値 is the cell before it, the indicator name the one before that, the years
 * follow it, and the cells further left are labels recognised by their form — 「1 …」 基本目標,
 * 「(1)…」 取組方針, 「①…」 取組項目. Which indicator the figures belong to is decided elsewhere: by the
 * sheets when they are given (reconcile.ts), by the labels only when the summary is read alone.
 */

import type { InputFile } from "../../core/document-reader.ts";
import { invalidDocument } from "../../core/errors.ts";
import type { Finding } from "../../core/findings.ts";
import {
  CIRCLED,
  cellTarget,
  cellValue,
  circledIndex,
  cleanTitle,
  headerYear,
  POLICY,
  quote,
  splitSeries,
  toLines,
} from "./common.ts";
import type { Actual, Target, Value } from "./model.ts";

const TITLE = /^(.+?)の\s*取組状況一覧\s*[(（]\s*(.+?年度)\s*[)）]\s*$/;
const HEADER = ["基本目標", "取組方針", "取組項目", "指標", "初期値", "目標"];
/** The 目標 cell: a bracket opening with a year (R5, R1～, 令和, 平成) or 初期値. */
const TARGET_CELL = /^[(（]\s*(?:[RHSＲＨＳ]\s*[0-9０-９元]|令和|平成|初期値)/;
const GOAL_CELL = /^([0-9０-９]+)\s+(\S.*)$/;
const NOTE = /([0-9０-９]+)\s*の取組項目/;
const NOTE_GOALS = /([0-9０-９]+)\s*つの基本目標/;

export type Label = { index: number; number: string; title: string };

export type SummaryRow = {
  line: number;
  /** The labels as they stand on this row; they may belong to a neighbouring row. */
  goal?: Label;
  policy?: Label;
  item?: Label;
  name?: string;
  series?: string;
  baseline?: Value;
  target?: Target;
  actuals: Actual[];
};

export type Summary = {
  file: string;
  planTitle: string;
  reportYear: number;
  years: number[];
  rows: SummaryRow[];
  /** The closing note: 「23の取組項目について、…3つの基本目標…」. */
  note: { line: number; items?: number; goals?: number };
};

/** Whether the text looks like the summary: cheap, never throws. */
export function isSummary(text: string): boolean {
  const head = text.slice(0, 3000);
  return /江別市/.test(head) && new RegExp(`^${HEADER.join("\\t")}\\t`, "m").test(head);
}

export function parseSummary(file: InputFile): { summary: Summary; findings: Finding[] } {
  const findings: Finding[] = [];
  const lines = toLines(file);
  const fail = (line: number, what: string): never => {
    throw invalidDocument(`${file.path} 行 ${line}: ${what}`, findings);
  };
  const titleLine = lines.find((l) => l.text.trim() !== "")!;
  const tm = TITLE.exec(titleLine.text.trim());
  if (!tm)
    fail(titleLine.no, `表題「…の取組状況一覧（令和N年度）」がありません（${quote(titleLine.text.trim())}）`);
  const header = lines.find((l) => l.cells[0] === "基本目標" && l.cells[1] === "取組方針");
  if (!header)
    fail(titleLine.no, "一覧の見出し行（基本目標 取組方針 取組項目 指標 初期値 目標 R1 …）がありません");
  const width = header!.cells.length;
  const targetAt = header!.cells.indexOf("目標");
  const yearLabels = header!.cells.slice(targetAt + 1).filter((c) => c !== "");
  const summary: Summary = {
    file: file.path,
    planTitle: cleanTitle(tm![1]!),
    reportYear: headerYear(tm![2]!, file.path, titleLine.no),
    years: yearLabels.map((l) => headerYear(l, file.path, header!.no)),
    rows: [],
    note: { line: 0 },
  };

  for (const line of lines.slice(header!.no)) {
    if (line.cells.every((c) => c === "")) continue;
    if (line.cells.length === 1) {
      const text = line.cells[0]!.normalize("NFKC");
      const m = NOTE.exec(text);
      if (!m) fail(line.no, `想定していない行です: ${quote(line.cells[0]!.slice(0, 40))}`);
      summary.note = { line: line.no, items: Number(m![1]) };
      const g = NOTE_GOALS.exec(text);
      if (g) summary.note.goals = Number(g[1]);
      break;
    }
    if (line.cells.length !== width) {
      const last = line.no === lines.length || lines.slice(line.no).every((l) => l.text.trim() === "");
      fail(
        line.no,
        `表の行の列数が ${line.cells.length} です（${width} のはず）${last ? "。ファイルが途中で切れています" : "。一覧の形式ではありません"}`,
      );
    }
    summary.rows.push(readRow(line.no, line.cells, summary, targetAt, file.path, findings, fail));
  }
  if (summary.note.line === 0) {
    fail(
      lines.length,
      "一覧の末尾の注記（「…の取組項目について」）がありません。ファイルが途中で切れています",
    );
  }
  if (summary.rows.length === 0) fail(header!.no, "一覧に指標の行がありません");
  return { summary, findings };
}

function readRow(
  line: number,
  cells: string[],
  summary: Summary,
  headerTargetAt: number,
  file: string,
  findings: Finding[],
  fail: (line: number, what: string) => never,
): SummaryRow {
  let t = cells.findIndex((c, k) => k >= 2 && TARGET_CELL.test(c));
  if (t < 0) {
    // No 目標 cell to anchor on: fall back to the header's columns and say so.
    t = headerTargetAt;
    findings.push({
      file,
      line,
      code: "summary.unanchored-row",
      message:
        "目標の欄が見つからないため、見出しどおりの列として読みました。列がずれていれば値の位置も違います",
      severity: "warning",
    });
  }
  const src = { file, line };
  const row: SummaryRow = { line, actuals: [] };
  const name = cells[t - 2]!;
  if (name !== "") row.name = name;
  const { series, rest } = splitSeries(cells[t - 1]!);
  if (series !== undefined) row.series = series;
  const what = `一覧の行 ${line}${name ? `「${name}」` : ""}${series ? `（${series}）` : ""}`;
  const baseline = cellValue(rest, src, `${what}の初期値`, findings);
  if (baseline) row.baseline = baseline;
  const target = cellTarget(cells[t]!, src, `${what}の目標`, findings);
  if (target) row.target = target;
  const values = cells.slice(t + 1, t + 1 + summary.years.length);
  values.forEach((text, k) => {
    const fy = summary.years[k]!;
    const v = cellValue(text, src, `${what}の${fy}年度実績値`, findings);
    if (!v) return;
    if (fy > summary.reportYear) {
      findings.push({
        file,
        line,
        code: "summary.future-value",
        subject: what,
        found: text,
        message: `${what}: 報告年度（${summary.reportYear}年度）より後の ${fy}年度の欄に値${quote(text)}があります。取り込みませんでした`,
        severity: "warning",
      });
      return;
    }
    row.actuals.push({ ...v, fiscalYear: fy, ...(series === undefined ? {} : { series }) });
  });
  const extra = cells.slice(t + 1 + summary.years.length).filter((c) => c !== "");
  if (extra.length > 0) fail(line, `年度の欄の後に値があります: ${extra.map((c) => quote(c)).join(" ")}`);
  for (const cell of cells.slice(0, Math.max(0, t - 2))) {
    if (cell === "") continue;
    const nfkc = cell.normalize("NFKC");
    const pm = POLICY.exec(cell);
    const gm = GOAL_CELL.exec(nfkc);
    if (CIRCLED.test(cell)) {
      const index = circledIndex(cell)!;
      row.item = { index, number: cell[0]!, title: cleanTitle(cell.replace(CIRCLED, "")) };
    } else if (pm) {
      const index = Number(pm[1]!.normalize("NFKC"));
      row.policy = { index, number: `(${index})`, title: cleanTitle(pm[2]!) };
    } else if (gm) {
      row.goal = { index: Number(gm[1]), number: gm[1]!, title: cleanTitle(cell.replace(/^\S+\s+/, "")) };
    } else {
      fail(line, `見出しの欄${quote(cell)}が基本目標・取組方針・取組項目のどれとも読めません`);
    }
  }
  return row;
}
