/**
 * Rule 3 of reconcile.ts: the labels of a summary row (一覧) checked against the node its figures
 * belong to. A 指標 or 取組項目 label of another indicator or item makes the row a shifted row
 * ("summary.shifted-row"); a 基本目標 or 取組方針 label standing on a row of another one is a merged
 * cell's label that landed one row off ("summary.misplaced-label"); the same node written otherwise is
 * "summary.label-differs".
 */
import type { Finding } from "../../core/findings.ts";
import { normLabel, normName, quote } from "./common.ts";
import {
  type Actual,
  type Goal,
  type Indicator,
  type Item,
  indicatorsOf,
  type Policy,
  type Target,
  type Tree,
  type Value,
} from "./model.ts";
import type { SummaryRow } from "./summary.ts";

/** An indicator, or one series of it, with its place in the tree. */
export type Entry = { goal: Goal; policy: Policy; item: Item; indicator: Indicator; series?: string };

export function subjectOf(e: Entry): string {
  return `指標「${e.indicator.name}」${e.series ? `（${e.series}）` : ""}`;
}

export function labelFindings(row: SummaryRow, e: Entry, tree: Tree, file: string): Finding[] {
  const all = [...indicatorsOf(tree)];
  const wrong: string[] = [];
  const differs: Finding[] = [];
  let shifted = false;
  const at = { file, line: row.line };
  if (row.name && normName(row.name) !== normName(e.indicator.name)) {
    const other = all.find((x) => normName(x.indicator.name) === normName(row.name!));
    if (other) {
      shifted = true;
      wrong.push(`指標名「${row.name}」は ${other.indicator.key} の指標`);
    } else differs.push(labelDiffers(at, "指標名", e.indicator.name, row.name));
  }
  if (
    row.item &&
    (row.item.index !== e.item.index || normLabel(row.item.title) !== normLabel(e.item.title))
  ) {
    const other = all.find((x) => normLabel(x.item.title) === normLabel(row.item!.title));
    if (other && other.item !== e.item) {
      shifted = true;
      wrong.push(`取組項目「${row.item.number} ${row.item.title}」は ${other.item.key} の項目`);
    } else
      differs.push(
        labelDiffers(
          at,
          "取組項目",
          `${e.item.number} ${e.item.title}`,
          `${row.item.number} ${row.item.title}`,
        ),
      );
  }
  if (row.policy && row.policy.index !== e.policy.index) {
    wrong.push(`取組方針「${row.policy.number}${row.policy.title}」は取組方針${e.policy.number}の行にある`);
  } else if (row.policy && normLabel(row.policy.title) !== normLabel(e.policy.title)) {
    differs.push(labelDiffers(at, "取組方針", e.policy.title, row.policy.title));
  }
  if (row.goal && row.goal.index !== e.goal.index) {
    wrong.push(`基本目標「${row.goal.number} ${row.goal.title}」は基本目標${e.goal.number}の行にある`);
  } else if (row.goal && normLabel(row.goal.title) !== normLabel(e.goal.title)) {
    differs.push(labelDiffers(at, "基本目標", e.goal.title, row.goal.title));
  }
  if (wrong.length === 0) return differs;
  const figures = rowText(row);
  return [
    ...differs,
    {
      ...at,
      code: shifted ? "summary.shifted-row" : "summary.misplaced-label",
      subject: subjectOf(e),
      expected: `${e.item.number} ${e.item.title} / ${e.indicator.name}${e.series ? `（${e.series}）` : ""}`,
      found: [
        row.goal?.number,
        row.policy?.number,
        row.item && `${row.item.number} ${row.item.title}`,
        row.name,
      ]
        .filter(Boolean)
        .join(" / "),
      message: shifted
        ? `一覧の行 ${row.line} は見出しと数値がずれています（${wrong.join("、")}）。数値（${figures}）は個票の ${e.indicator.key}「${e.indicator.name}」${e.series ? `（${e.series}）` : ""}と一致するので、その指標のものとして読みました`
        : `一覧の行 ${row.line} の見出しが別の行のものです（${wrong.join("、")}）。この行の数値（${figures}）は ${e.indicator.key}「${e.indicator.name}」のものです`,
      severity: shifted ? "warning" : "info",
    },
  ];
}

function labelDiffers(
  at: { file: string; line: number },
  what: string,
  mine: string,
  theirs: string,
): Finding {
  return {
    ...at,
    code: "summary.label-differs",
    subject: what,
    expected: mine,
    found: theirs,
    message: `${what}の書き方が個票${quote(mine)}と一覧${quote(theirs)}で違います`,
    severity: "info",
  };
}

/** The figures of a row, for messages: 10.8日 → (R1～)12日以上 → 11.7日 … */
export function rowText(row: SummaryRow): string {
  const v = (x: Value | Target | Actual | undefined) => x?.text;
  return [v(row.baseline), v(row.target), ...row.actuals.map((a) => a.text)].filter(Boolean).join(" → ");
}
