/**
 * A synthetic plan for benchmarks and tests of scale: 基本目標 → 取組方針 → 取組項目, indicators of every
 * target kind with an actual every year, progress reports, and yearly plans and results on every third item.
 * Deterministic: the same options give the same document.
 */

import type { ItemInput, PlanDocumentInput } from "../core/plan-document/schema.ts";
import { PLAN_DOCUMENT_FORMAT } from "../core/plan-document/schema.ts";
import { shortWareki } from "../domain/fiscal-year.ts";

export type SyntheticOptions = {
  /** 取組項目 (leaves); split over 3 基本目標 × 10 取組方針. */
  items?: number;
  indicatorsPerItem?: number;
  years?: number;
  firstYear?: number;
};

const DEPARTMENTS = [
  "総務課",
  "職員課",
  "財政課",
  "企画課",
  "行政管理課",
  "広報広聴課",
  "市民生活課",
  "納税課",
  "契約管財課",
  "情報推進課",
  "危機対策課",
  "政策推進課",
];
const STAGES = ["検討", "検討", "検討・実施", "実施", "実施", "継続実施", "充実", "充実", "完了", "完了"];

/** A small linear congruential generator: reproducible figures without Math.random. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const fmt = (n: number, decimals = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

export function syntheticPlan(options: SyntheticOptions = {}): PlanDocumentInput {
  const itemCount = options.items ?? 300;
  const perItem = options.indicatorsPerItem ?? 2;
  const years = options.years ?? 10;
  const first = options.firstYear ?? 2016;
  const last = first + years - 1;
  const rnd = random(20221);
  const goals = 3;
  const policies = 10;
  const perPolicy = Math.ceil(itemCount / (goals * policies));
  let made = 0;
  let indicatorNo = 0;

  const indicator = (key: string, n: number): NonNullable<ItemInput["indicators"]>[number] => {
    const kind = indicatorNo++ % 5;
    const dept = DEPARTMENTS[(indicatorNo * 7) % DEPARTMENTS.length]!;
    const base = { key, number: "①②③④⑤"[n] ?? undefined, departments: [dept] };
    const yearsOf = Array.from({ length: years }, (_, i) => first + i);
    if (kind === 3) {
      // A stage indicator: 検討 from the first year, 実施 from the fourth.
      return {
        ...base,
        name: `取組${key}の実施状況`,
        targets: [
          { text: "検討", kind: "stage", stage: "検討", fromFiscalYear: first },
          { text: "実施", kind: "stage", stage: "実施", fromFiscalYear: first + 3 },
        ],
        actuals: yearsOf.map((fy, i) => {
          const word = STAGES[Math.min(STAGES.length - 1, Math.floor(i + rnd() * 2))]!;
          return { fiscalYear: fy, text: word, kind: "stage" as const, stage: word };
        }),
      };
    }
    if (kind === 4) {
      // Two series (男性 / 女性) with a floor each.
      return {
        ...base,
        name: `取組${key}の参加率`,
        unit: "%",
        series: ["男性", "女性"],
        baselines: ["男性", "女性"].map((s) => {
          const v = Math.round((20 + rnd() * 30) * 10) / 10;
          return {
            text: `${fmt(v, 1)}%`,
            kind: "number" as const,
            number: v,
            unit: "%",
            fiscalYear: first - 1,
            series: s,
          };
        }),
        targets: ["男性", "女性"].map((s) => ({
          text: "50%以上",
          kind: "floor" as const,
          number: 50,
          unit: "%",
          fromFiscalYear: first,
          series: s,
        })),
        actuals: ["男性", "女性"].flatMap((s) =>
          yearsOf.map((fy) => {
            const v = Math.round((35 + rnd() * 30) * 10) / 10;
            return {
              fiscalYear: fy,
              series: s,
              text: `${fmt(v, 1)}%`,
              kind: "number" as const,
              number: v,
              unit: "%",
            };
          }),
        ),
      };
    }
    const unit = ["件", "人", "千円"][kind]!;
    const start = Math.round(100 + rnd() * 900);
    const goal = Math.round(start * (1.2 + rnd() * 0.5));
    const target =
      kind === 0
        ? {
            text: `${fmt(goal)}${unit}`,
            kind: "value_by_year" as const,
            number: goal,
            unit,
            fiscalYear: last,
          }
        : kind === 1
          ? {
              text: `${fmt(goal)}${unit}以上`,
              kind: "floor" as const,
              number: goal,
              unit,
              fromFiscalYear: first + 2,
            }
          : { text: "増加", kind: "direction" as const, direction: "increase" as const };
    return {
      ...base,
      name: `取組${key}の${["実施件数", "参加者数", "効果額"][kind]}`,
      unit,
      baselines: [
        { text: `${fmt(start)}${unit}`, kind: "number", number: start, unit, fiscalYear: first - 1 },
      ],
      targets: [target],
      actuals: yearsOf.map((fy, i) => {
        const v = Math.round(start + ((goal - start) * (i + 1) * (0.6 + rnd() * 0.8)) / years);
        return { fiscalYear: fy, text: `${fmt(v)}${unit}`, kind: "number" as const, number: v, unit };
      }),
    };
  };

  const leaf = (key: string, n: number): ItemInput => {
    const withActivities = made++ % 3 === 0;
    const dept = DEPARTMENTS[made % DEPARTMENTS.length]!;
    return {
      key,
      number: "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"[n] ?? `(${n + 1})`,
      title: `取組項目${key}：業務の見直しと市民サービスの向上`,
      description: `取組項目${key}の取組内容。業務の棚卸しを行い、手続のオンライン化と窓口の改善を進める。`,
      departments: [dept],
      indicators: Array.from({ length: perItem }, (_, i) => indicator(`${key}-i${i + 1}`, i)),
      progress: [
        {
          fiscalYear: last,
          narrative: `${shortWareki(last)}は計画どおり取組を進め、関係課と調整のうえ手続の見直しを行った。`,
          nextYearPlan: "引き続き取組を進め、効果を検証する。",
        },
      ],
      activities: withActivities
        ? Array.from({ length: years }, (_, i) => first + i).flatMap((fy) => [
            {
              fiscalYear: fy,
              kind: "plan" as const,
              status: STAGES[fy - first],
              text: `・${fy}年度の計画：調査と実施`,
            },
            ...(fy < last
              ? [
                  {
                    fiscalYear: fy,
                    kind: "result" as const,
                    status: STAGES[fy - first],
                    text: `・${fy}年度の実績`,
                  },
                ]
              : []),
          ])
        : [],
    };
  };

  const items: ItemInput[] = [];
  for (let g = 1; g <= goals; g++) {
    const goal: ItemInput = { key: `${g}`, number: `${g}`, title: `基本目標${g}`, children: [] };
    for (let p = 1; p <= policies && made < itemCount; p++) {
      const policy: ItemInput = {
        key: `${g}-${p}`,
        number: `(${p})`,
        title: `取組方針${g}-${p}`,
        children: [],
      };
      for (let i = 1; i <= perPolicy && made < itemCount; i++)
        policy.children!.push(leaf(`${g}-${p}-${i}`, i - 1));
      goal.children!.push(policy);
    }
    items.push(goal);
  }
  return {
    format: PLAN_DOCUMENT_FORMAT,
    municipality: { code: "012173", name: "江別市" },
    plan: {
      key: `synthetic-${itemCount}`,
      title: `ベンチマーク用行政改革計画（${itemCount}項目）`,
      periodStart: first,
      periodEnd: last,
      levels: ["基本目標", "取組方針", "取組項目"],
      sources: ["synthetic"],
    },
    departments: DEPARTMENTS.map((name) => ({ key: name, name, kind: "課" })),
    items,
  };
}
