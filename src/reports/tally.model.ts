/**
 * The tallies municipalities publish: 達成度 (results of indicator series by status) and 着手状況 (items by
 * 未着手 / 取組中 / 完了), for the whole plan, for every level of the tree and for every department, each
 * with 増減 against the previous fiscal year. Counts, never averages of percentages. Pure.
 */

import type { Item } from "../core/plan-document/schema.ts";
import {
  compareGroupTallies,
  compareTallies,
  EVALUATION_STATUSES,
  type EvaluationStatus,
  type Grouped,
  IMPLEMENTATION_STATUSES,
  type ImplementationStatus,
  rollUpBy,
  type TallyChange,
  tally,
} from "../domain/evaluation/index.ts";
import type { EvaluatedPlan } from "./evaluation.ts";
import { buildFiscalEffects, type FiscalEffectModel } from "./fiscal-effect.model.ts";
import { departmentNames, itemLabel } from "./format.ts";
import { gradeColumns, gradeOf, implementationHeadings, outcomeScaleOf } from "./grades.ts";
import { isWorkItem, itemImplementation, type ReportHead, reportHead } from "./report.model.ts";

export type TallyLine<S extends string> = {
  label: string;
  changes: TallyChange<S>[];
  total: number;
  previousTotal: number;
};

export type TallySection<S extends string> = {
  statuses: readonly S[];
  /** Column headings in the plan's own words (「◎ S」, 「→ 検討中・部分実施」); absent for gyokaku's. */
  headings?: Readonly<Record<string, string>> | undefined;
  /** What is counted: 「指標（系列ごと）」, 「取組」. */
  unit: string;
  overall: TallyLine<S>;
  byLevel: { level: string; lines: TallyLine<S>[] }[];
  byDepartment: TallyLine<S>[];
};

export type TallyModel = ReportHead & {
  previousYear: number;
  /** By gyokaku's statuses, or by the plan's own grades (plan.scales.outcome) in the plan's order. */
  achievement: TallySection<EvaluationStatus> | TallySection<string>;
  implementation: TallySection<ImplementationStatus>;
  /** Cross-listed (再掲) items are counted once, under the item they repeat. */
  crossListedLeftOut: number;
  /** 財政効果額, when the plan gives any */
  fiscalEffects: FiscalEffectModel | null;
};

type Counted<S extends string> = { status: S; previous: S; path: Item[]; departments: string[] };

export function buildTally(plan: EvaluatedPlan): TallyModel {
  const { doc, fiscalYear } = plan;
  const dept = departmentNames(doc.departments);
  const scale = outcomeScaleOf(doc);
  const counted = plan.rows.filter((r) => !r.crossListed);
  const indicators: Counted<EvaluationStatus>[] = counted.map((r) => ({
    status: r.evaluation.status,
    previous: r.previous.status,
    path: r.path,
    departments: r.departments,
  }));
  const items: Counted<ImplementationStatus>[] = plan.items
    .filter(({ item }) => isWorkItem(item) && item.crossListingOf === undefined)
    .map(({ item, path }) => ({
      status: itemImplementation(item, fiscalYear, plan.ladder).status,
      previous: itemImplementation(item, fiscalYear - 1, plan.ladder).status,
      path,
      departments: item.departments.length
        ? item.departments
        : [...new Set(item.indicators.flatMap((i) => i.departments))],
    }));
  const section = <S extends string>(
    list: Counted<S>[],
    statuses: readonly S[],
    unit: string,
  ): TallySection<S> => buildSection(list, statuses, unit, doc.plan.levels, dept);
  return {
    ...reportHead(doc, fiscalYear, "tally"),
    previousYear: fiscalYear - 1,
    achievement: scale
      ? {
          ...section(
            indicators.map((c, i) => ({
              ...c,
              status: gradeOf(scale, counted[i]!.evaluation),
              previous: gradeOf(scale, counted[i]!.previous),
            })),
            gradeColumns(scale).statuses,
            "指標（系列ごと）",
          ),
          headings: gradeColumns(scale).headings,
        }
      : section(indicators, EVALUATION_STATUSES, "指標（系列ごと）"),
    implementation: withHeadings(
      section(items, IMPLEMENTATION_STATUSES, "取組"),
      implementationHeadings(doc, plan.ladder),
    ),
    crossListedLeftOut: plan.items.filter(({ item }) => item.crossListingOf !== undefined).length,
    fiscalEffects: buildFiscalEffects(doc, fiscalYear, plan.items),
  };
}

/** The plan's words as column headings (着手状況 in its vocabulary); nothing added without them. */
function withHeadings<S extends string>(
  section: TallySection<S>,
  headings: Readonly<Record<string, string>> | undefined,
): TallySection<S> {
  return headings ? { ...section, headings } : section;
}

function buildSection<S extends string>(
  list: Counted<S>[],
  statuses: readonly S[],
  unit: string,
  levels: readonly string[],
  dept: (key: string) => string,
): TallySection<S> {
  const current = tally(list, statuses);
  const previous = tally(
    list.map((c) => ({ status: c.previous })),
    statuses,
  );
  const overall: TallyLine<S> = {
    label: "計画全体",
    changes: compareTallies(current, previous),
    total: current.total,
    previousTotal: previous.total,
  };
  const grouped = (
    members: Counted<S>[],
    groupsOf: (c: Counted<S>) => string[],
    label: (g: string) => string,
  ): TallyLine<S>[] => {
    const now: Grouped<S>[] = members.map((c) => ({ status: c.status, groups: { g: groupsOf(c) } }));
    const before: Grouped<S>[] = members.map((c) => ({ status: c.previous, groups: { g: groupsOf(c) } }));
    const cur = rollUpBy(now, "g", statuses);
    const prev = rollUpBy(before, "g", statuses);
    return compareGroupTallies(cur, prev, statuses).map(({ group, rows }) => ({
      label: label(group),
      changes: rows,
      total: rows.reduce((n, r) => n + r.current, 0),
      previousTotal: rows.reduce((n, r) => n + r.previous, 0),
    }));
  };
  const byLevel = levels.map((level, depth) => {
    const members = list.filter((c) => c.path.length > depth);
    const labels = new Map(members.map((c) => [c.path[depth]!.key, itemLabel(c.path[depth]!)]));
    return {
      level,
      lines: grouped(
        members,
        (c) => [c.path[depth]!.key],
        (key) => labels.get(key) ?? key,
      ),
    };
  });
  const byDepartment = grouped(
    list,
    (c) => (c.departments.length > 0 ? c.departments : ["（所管の記載なし）"]),
    (key) => (key === "（所管の記載なし）" ? key : dept(key)),
  );
  return { statuses, unit, overall, byLevel, byDepartment };
}
