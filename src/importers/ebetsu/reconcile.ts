/**
 * Reading the summary (一覧) against the sheets (個票). The sheets give the tree; each summary row is
 * matched to the indicator (and series) whose figures it carries, then fills what the sheets lost, and
 * every disagreement becomes a finding. A summary value never replaces a sheet value.
 *
 * Matching rules. The summary's labels are not trusted: merged cells put them on neighbouring rows,
 * and at ② 時間外勤務 the row named 時間外勤務時間数 carries the 年次休暇 figures. So:
 *  1. Both documents list the indicators in the same order; the rows are aligned to the sheets'
 *     indicators in order (a global alignment that may skip a row or an indicator), scoring each pair:
 *       +3 for every figure both give alike (初期値, 目標, each year's 実績値), −3 for every one that
 *       differs; +2 when the indicator names agree (notes in brackets aside); +2 when the series
 *       name (男性/女性) agrees, −10 when the row names another or the indicator has none; +1 when
 *       the 取組項目 label on the row agrees; leaving a row or an indicator unmatched costs 2.
 *     Figures outweigh a name, so a row is matched to the indicator its figures belong to; where the
 *     figures cannot tell (the same 検討・実施 in many rows, or a sheet that lost them), the order and
 *     the name decide.
 *  2. Rows left over are matched out of order to a left-over indicator when they score 6 or more
 *     (two figures alike, or one and the name).
 *  3. A matched row whose labels name another node is reported (summary-labels.ts):
 *     "summary.shifted-row" when its 指標 or 取組項目 label belongs to another indicator or item (the
 *     figures stay with their own indicator), "summary.misplaced-label" when only a 基本目標 or
 *     取組方針 label stands on a row of another one (the merged cell's label landed one row off).
 * Merging: where both give a value and they differ, the sheet's is kept ("summary.mismatch"); where
 * only the summary gives one, it is added with the summary as its source ("summary.filled"); where only
 * the sheet gives one, that is noted ("summary.missing-value").
 */
import type { Finding } from "../../core/findings.ts";
import { normLabel, normName, quote, sameTarget, sameValue, targetLabel } from "./common.ts";
import { indicatorsOf, type Tree } from "./model.ts";
import type { Summary, SummaryRow } from "./summary.ts";
import { type Entry, labelFindings, rowText, subjectOf } from "./summary-labels.ts";

const GAP = -2;
const OUT_OF_ORDER = 6;

export function reconcile(tree: Tree, summary: Summary): Finding[] {
  const findings: Finding[] = [];
  const entries: Entry[] = [...indicatorsOf(tree)].flatMap((e) =>
    e.indicator.series.length === 0 ? [e] : e.indicator.series.map((series) => ({ ...e, series })),
  );
  const rows = summary.rows;
  const scores = rows.map((r) => entries.map((e) => score(r, e)));
  const pairs = align(scores);
  const rowDone = new Set(pairs.map(([r]) => r));
  const entryDone = new Set(pairs.map(([, e]) => e));
  // Rule 2: left-over rows, best pairs first.
  const late = rows
    .flatMap((_, r) => entries.map((_, e) => [r, e, scores[r]![e]!] as const))
    .filter(([r, e, s]) => !rowDone.has(r) && !entryDone.has(e) && s >= OUT_OF_ORDER)
    .sort((a, b) => b[2] - a[2]);
  for (const [r, e] of late) {
    if (rowDone.has(r) || entryDone.has(e)) continue;
    pairs.push([r, e]);
    rowDone.add(r);
    entryDone.add(e);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  for (const [r, e] of pairs) {
    merge(rows[r]!, entries[e]!, summary, findings);
    findings.push(...labelFindings(rows[r]!, entries[e]!, tree, summary.file));
  }
  rows.forEach((row, r) => {
    if (rowDone.has(r)) return;
    const prev = pairs.find(([pr]) => pr === r - 1);
    const owner = prev && entries[prev[1]]!.indicator;
    if (owner && !row.name && row.series && !owner.series.includes(row.series)) {
      // A series the sheets lost altogether (only 男性 on the sheet, 男性 and 女性 in the summary).
      owner.series.push(row.series);
      merge(row, { ...entries[prev[1]]!, series: row.series }, summary, findings);
      return;
    }
    findings.push({
      file: summary.file,
      line: row.line,
      code: "summary.unmatched-row",
      subject: `一覧の行 ${row.line}${row.name ? `「${row.name}」` : ""}`,
      found: rowText(row),
      message: `一覧の行 ${row.line} に当たる指標が個票にありません。この行の値は取り込んでいません`,
      severity: "warning",
    });
  });
  entries.forEach((e, i) => {
    if (entryDone.has(i)) return;
    findings.push({
      file: tree.file,
      line: e.indicator.line,
      code: "summary.missing-row",
      subject: subjectOf(e),
      message: `${subjectOf(e)}（${e.indicator.key}）の行が一覧（${summary.file}）にありません`,
      severity: "warning",
    });
  });
  findings.push(...countFindings(tree, summary));
  return findings;
}

function seriesOf<T extends { series?: string | undefined }>(list: T[], series: string | undefined): T[] {
  return list.filter((v) => v.series === series);
}

function score(row: SummaryRow, e: Entry): number {
  const ind = e.indicator;
  let s = 0;
  const cmp = (same: boolean) => {
    s += same ? 3 : -3;
  };
  const b = seriesOf(ind.baselines, e.series)[0];
  if (b && row.baseline) cmp(sameValue(b, row.baseline));
  const t = seriesOf(ind.targets, e.series).at(-1);
  if (t && row.target) cmp(sameTarget(t, row.target));
  for (const a of row.actuals) {
    const mine = seriesOf(ind.actuals, e.series).find((x) => x.fiscalYear === a.fiscalYear);
    if (mine) cmp(sameValue(mine, a));
  }
  if (row.name && normName(row.name) === normName(ind.name)) s += 2;
  if (row.series !== undefined) s += row.series === e.series ? 2 : -10;
  if (row.item && row.item.index === e.item.index && normLabel(row.item.title) === normLabel(e.item.title))
    s += 1;
  return s;
}

/** Global alignment (Needleman–Wunsch) of rows to entries, both in document order. */
function align(scores: number[][]): [number, number][] {
  const n = scores.length;
  const m = scores[0]?.length ?? 0;
  const best = Array.from({ length: n + 1 }, (_, i) =>
    Array.from({ length: m + 1 }, (_, j) => (i + j) * GAP),
  );
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      best[i]![j] = Math.max(
        best[i - 1]![j - 1]! + scores[i - 1]![j - 1]!,
        best[i - 1]![j]! + GAP,
        best[i]![j - 1]! + GAP,
      );
    }
  }
  const pairs: [number, number][] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    if (best[i]![j] === best[i - 1]![j - 1]! + scores[i - 1]![j - 1]!) {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (best[i]![j] === best[i - 1]![j]! + GAP) i--;
    else j--;
  }
  return pairs.reverse();
}

function merge(row: SummaryRow, e: Entry, summary: Summary, findings: Finding[]) {
  const ind = e.indicator;
  const subject = subjectOf(e);
  const series = e.series === undefined ? {} : { series: e.series };
  const filled: string[] = [];
  const missing: string[] = [];
  const at = { file: summary.file, line: row.line };
  const mismatch = (
    what: string,
    sheet: { text: string; source?: { line?: number } },
    mine: string,
    theirs: string,
  ) =>
    findings.push({
      ...at,
      code: "summary.mismatch",
      subject: `${subject}の${what}`,
      expected: mine,
      found: theirs,
      message: `${subject}の${what}が、個票（${ind.key}、行 ${sheet.source?.line ?? ind.line}）では${quote(mine)}、一覧では${quote(theirs)}です。個票の値を採りました`,
      severity: "warning",
    });

  const b = seriesOf(ind.baselines, e.series)[0];
  if (row.baseline && !b) {
    const fy = ind.baselineYear === undefined ? {} : { fiscalYear: ind.baselineYear };
    ind.baselines.push({ ...row.baseline, ...fy, ...series });
    filled.push(`初期値 ${row.baseline.text}`);
  } else if (row.baseline && b && !sameValue(b, row.baseline))
    mismatch("初期値", b, b.text, row.baseline.text);
  else if (!row.baseline && b) missing.push(`初期値 ${b.text}`);

  const t = seriesOf(ind.targets, e.series).at(-1);
  if (row.target && !t) {
    ind.targets.push({ ...row.target, ...series });
    filled.push(`目標 ${row.target.text}`);
  } else if (row.target && t && !sameTarget(t, row.target))
    mismatch("目標", t, targetLabel(t), row.target.text);
  else if (!row.target && t) missing.push(`目標 ${targetLabel(t)}`);

  const years = [
    ...new Set([
      ...row.actuals.map((a) => a.fiscalYear),
      ...seriesOf(ind.actuals, e.series).map((a) => a.fiscalYear),
    ]),
  ];
  for (const fy of years.sort()) {
    const mine = seriesOf(ind.actuals, e.series).find((a) => a.fiscalYear === fy);
    const theirs = row.actuals.find((a) => a.fiscalYear === fy);
    if (theirs && !mine) {
      ind.actuals.push({ ...theirs, ...series });
      filled.push(`${fy}年度実績値 ${theirs.text}`);
    } else if (theirs && mine && !sameValue(mine, theirs))
      mismatch(`${fy}年度実績値`, mine, mine.text, theirs.text);
    else if (!theirs && mine) missing.push(`${fy}年度実績値 ${mine.text}`);
  }
  if (filled.length > 0) {
    findings.push({
      ...at,
      code: "summary.filled",
      subject,
      found: filled.join("、"),
      message: `個票（${ind.key}）にない${subject}の値を一覧の行 ${row.line} から補いました`,
      severity: "info",
    });
  }
  if (missing.length > 0) {
    findings.push({
      ...at,
      code: "summary.missing-value",
      subject,
      expected: missing.join("、"),
      message: `個票（${ind.key}）にある${subject}の値が一覧の行 ${row.line} にありません`,
      severity: "info",
    });
  }
}

function countFindings(tree: Tree, summary: Summary): Finding[] {
  const out: Finding[] = [];
  const items = tree.goals.flatMap((g) => g.policies.flatMap((p) => p.items)).length;
  const check = (what: string, said: number | undefined, read: number) => {
    if (said === undefined || said === read) return;
    out.push({
      file: summary.file,
      line: summary.note.line,
      code: "summary.count-mismatch",
      subject: what,
      expected: `${read}`,
      found: `${said}`,
      message: `一覧の注記では${what}が ${said} ですが、個票から読んだのは ${read} です`,
      severity: "warning",
    });
  };
  check("取組項目の数", summary.note.items, items);
  check("基本目標の数", summary.note.goals, tree.goals.length);
  return out;
}
