/**
 * The tree both Ebetsu documents describe, as read and before it becomes a plan document:
 * 基本目標 (goal) → 取組方針 (policy) → 取組項目 (item) → 指標 (indicator). Keys are the numbers:
 * goal "1", policy "1-1", item "1-1-1", indicator "1-1-1-i1", so that the sheets and the summary name
 * the same node alike.
 */
import type { z } from "zod";
import type { indicatorSchema, valueSchema } from "../../core/plan-document/schema.ts";

type IndicatorIn = z.input<typeof indicatorSchema>;
export type Value = z.input<typeof valueSchema>;
export type Baseline = NonNullable<IndicatorIn["baselines"]>[number];
export type Target = NonNullable<IndicatorIn["targets"]>[number];
export type Actual = NonNullable<IndicatorIn["actuals"]>[number];
export type Src = { file: string; line: number };

type Node = {
  key: string;
  /** The position among its siblings, from the number as written: 1, (1), ① → 1. */
  index: number;
  /** The number as written: "1", "(1)", "①". */
  number: string;
  title: string;
  line: number;
};

export type Indicator = {
  key: string;
  number?: string;
  name: string;
  line: number;
  /** 所管課 as written: 広報広聴課, 総)総務課. */
  department?: string;
  /** The year of 初期値, from the header 初期値(2017年度). */
  baselineYear?: number;
  series: string[];
  baselines: Baseline[];
  targets: Target[];
  actuals: Actual[];
};

export type Text = { text: string; line: number };

export type Item = Node & {
  description?: string;
  /** 取組状況 of the report year, one per indicator section of the sheet. */
  narratives: Text[];
  /** 実績値を踏まえた次年度の取組内容, one per indicator section. */
  nextPlans: Text[];
  indicators: Indicator[];
};
export type Policy = Node & { items: Item[] };
export type Goal = Node & { policies: Policy[] };

export type Tree = {
  file: string;
  /** 江別市行政改革推進計画 */
  planTitle: string;
  /** The year the document reports on: 令和4年度 → 2022. */
  reportYear: number;
  /** The year columns: R1 … R5 → 2019 … 2023; the last is the plan's target year. */
  years: number[];
  goals: Goal[];
};

export function* indicatorsOf(
  tree: Tree,
): Generator<{ goal: Goal; policy: Policy; item: Item; indicator: Indicator }> {
  for (const goal of tree.goals)
    for (const policy of goal.policies)
      for (const item of policy.items)
        for (const indicator of item.indicators) yield { goal, policy, item, indicator };
}
