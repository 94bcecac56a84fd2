/**
 * The tree of the summary (一覧) read alone, from its labels. The summary holds no 取組内容, no
 * 取組状況, no 所管課 and no year of the 初期値: the plan document then has none of them.
 *
 * Labels of merged cells land on the wrong row, so the structure is taken from the numbering, not from
 * where a label stands:
 *  - a 取組方針 numbered (1) opens the next 基本目標; the 基本目標 titles are taken by their number
 *    from wherever their cells stand (「2 …」 stands on a row of 基本目標 1);
 *  - a 取組項目 ① with another title than the current ① opens the next 取組方針, whose label comes
 *    on a later row (「(3)…」 stands beside ②, its ① is two rows higher);
 *  - a 取組項目 label repeating the current one continues it; an empty 指標 cell continues the
 *    indicator above with another series (男性 → 女性).
 * What cannot be told from the summary alone is left as it stands and reported: the rows whose
 * figures moved against their labels (two rows named 職員1人当たりの年間時間外勤務時間数, one with 日,
 * one with 時間) are found only with the sheets, so here they are flagged as suspect.
 */

import { invalidDocument } from "../../core/errors.ts";
import type { Finding } from "../../core/findings.ts";
import { normLabel, normName } from "./common.ts";
import type { Goal, Indicator, Item, Policy, Tree } from "./model.ts";
import type { Summary, SummaryRow } from "./summary.ts";

export function summaryTree(s: Summary): { tree: Tree; findings: Finding[] } {
  const findings: Finding[] = [];
  const tree: Tree = {
    file: s.file,
    planTitle: s.planTitle,
    reportYear: s.reportYear,
    years: s.years,
    goals: [],
  };
  const goalTitles = new Map<number, string>();
  for (const r of s.rows)
    if (r.goal && !goalTitles.has(r.goal.index)) goalTitles.set(r.goal.index, r.goal.title);
  const fail = (line: number, what: string): never => {
    throw invalidDocument(`${s.file} 行 ${line}: ${what}`, findings);
  };
  let goal: Goal | undefined;
  let policy: (Policy & { pending?: boolean }) | undefined;
  let item: Item | undefined;
  let indicator: Indicator | undefined;

  const openGoal = (line: number) => {
    const index = (goal?.index ?? 0) + 1;
    const title = goalTitles.get(index) ?? `基本目標${index}`;
    goal = { key: `${index}`, index, number: `${index}`, title, line, policies: [] };
    tree.goals.push(goal);
  };
  const openPolicy = (index: number, title: string, line: number, pending: boolean) => {
    policy = { key: `${goal!.key}-${index}`, index, number: `(${index})`, title, line, items: [], pending };
    goal!.policies.push(policy);
    item = undefined;
  };

  for (const row of s.rows) {
    if (row.policy) {
      if (policy?.pending && policy.index === row.policy.index) {
        policy.title = row.policy.title;
        policy.pending = false;
      } else {
        if (row.policy.index === 1 || !goal) openGoal(row.line);
        openPolicy(row.policy.index, row.policy.title, row.line, false);
      }
    }
    if (row.goal && goal && row.goal.index !== goal.index) findings.push(misplacedGoal(s.file, row, goal));
    if (row.item) {
      if (!policy) fail(row.line, "取組項目の前に取組方針がありません");
      const same =
        item && item.index === row.item.index && normLabel(item.title) === normLabel(row.item.title);
      if (!same) {
        if (policy!.items.some((i) => i.index === row.item!.index)) {
          openPolicy(policy!.index + 1, `取組方針(${policy!.index + 1})`, row.line, true);
        }
        item = {
          key: `${policy!.key}-${row.item.index}`,
          index: row.item.index,
          number: row.item.number,
          title: row.item.title,
          line: row.line,
          narratives: [],
          nextPlans: [],
          indicators: [],
        };
        policy!.items.push(item);
        indicator = undefined;
      }
    }
    if (row.name) {
      if (!item) fail(row.line, "指標の前に取組項目がありません");
      indicator = {
        key: `${item!.key}-i${item!.indicators.length + 1}`,
        name: row.name,
        line: row.line,
        series: [],
        baselines: [],
        targets: [],
        actuals: [],
      };
      item!.indicators.push(indicator);
    } else if (!indicator || row.series === undefined) {
      fail(row.line, "指標名も系列名（男性・女性）もない行です");
    }
    addRow(indicator!, row);
  }
  for (const p of tree.goals.flatMap((g) => g.policies)) {
    if ((p as { pending?: boolean }).pending) {
      findings.push({
        file: s.file,
        line: p.line,
        code: "summary.missing-label",
        subject: `取組方針${p.number}`,
        message: `取組方針${p.number}の見出しが一覧にありません。番号から補いました`,
        severity: "warning",
      });
    }
    delete (p as { pending?: boolean }).pending;
  }
  findings.push(...suspects(tree, s.file));
  return { tree, findings };
}

function addRow(ind: Indicator, row: SummaryRow) {
  const series = row.series === undefined ? {} : { series: row.series };
  if (row.series !== undefined && !ind.series.includes(row.series)) ind.series.push(row.series);
  if (row.baseline) ind.baselines.push({ ...row.baseline, ...series });
  if (row.target) ind.targets.push({ ...row.target, ...series });
  ind.actuals.push(...row.actuals);
}

function misplacedGoal(file: string, row: SummaryRow, goal: Goal): Finding {
  return {
    file,
    line: row.line,
    code: "summary.misplaced-label",
    subject: `基本目標${row.goal!.number}`,
    expected: `基本目標${goal.index}`,
    found: `${row.goal!.number} ${row.goal!.title}`,
    message: `基本目標${row.goal!.number}の見出しが、番号の並びでは基本目標${goal.index}に属する行にあります`,
    severity: "info",
  };
}

/** Two rows with one indicator name: one of them carries another indicator's figures. */
function suspects(tree: Tree, file: string): Finding[] {
  const byName = new Map<string, Indicator[]>();
  for (const i of tree.goals.flatMap((g) =>
    g.policies.flatMap((p) => p.items.flatMap((x) => x.indicators)),
  )) {
    const k = normName(i.name);
    byName.set(k, [...(byName.get(k) ?? []), i]);
  }
  return [...byName.values()]
    .filter((list) => list.length > 1)
    .flatMap((list) =>
      list.map((i) => ({
        file,
        line: i.line,
        code: "summary.suspect-row",
        subject: `指標「${i.name}」`,
        found: i.baselines.map((b) => b.text).join(" "),
        message: `指標名「${i.name}」が一覧の行 ${list.map((x) => x.line).join("・")} にあります。どちらかの行の数値は別の指標のもので、行がずれている可能性があります（個票と合わせて読めば判別できます）`,
        severity: "warning" as const,
      })),
    );
}
