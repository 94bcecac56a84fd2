/** A plan change in words, for the import preview, `gyokaku import --dry-run` and the refusal of removals. */
import type { ChangeKind, ChangeTarget, PlanChange } from "./diff.ts";

export const KIND_LABELS: Record<ChangeKind, string> = { added: "追加", removed: "削除", changed: "変更" };

const TARGET_LABELS: Record<ChangeTarget, string> = {
  plan: "計画",
  department: "部署",
  item: "項目",
  "item.field": "項目",
  indicator: "指標",
  "indicator.field": "指標",
  baseline: "初期値",
  target: "目標",
  actual: "実績値",
  progress: "取組状況",
  activity: "取組計画・実績",
};

const FIELD_LABELS: Record<string, string> = {
  title: "名称",
  name: "名称",
  number: "番号",
  description: "取組内容",
  departments: "所管課",
  fiscalEffects: "財政効果額",
  parent: "親項目",
  crossListingOf: "再掲元",
  unit: "単位",
  series: "系列",
  stages: "段階",
  levels: "階層の名前",
  periodStart: "計画期間（始め）",
  periodEnd: "計画期間（終わり）",
  fiscalEffectTarget: "財政効果額の目標",
  scales: "評価基準",
  plannedValues: "年度別計画値",
  narrative: "取組状況",
  nextYearPlan: "次年度の取組内容",
  status: "状況",
};

function fieldLabel(field: string): string {
  const dot = field.indexOf(".");
  // texts.現状と課題 → 現状と課題; attributes.手法 → 手法
  if (dot > 0 && (field.startsWith("texts.") || field.startsWith("attributes."))) return field.slice(dot + 1);
  return FIELD_LABELS[field] ?? field;
}

/** Where the change is: 「1-1-1 双方向の情報共有 / 指標① フォロワー数（男性） 2021年度 実績値」. */
export function changePlace(c: PlanChange, year: (fy: number) => string = (fy) => `${fy}年度`): string {
  const parts: string[] = [];
  if (c.target === "plan") parts.push("計画");
  if (c.target === "department") parts.push(`部署 ${c.field ?? ""}`.trim());
  if (c.itemLabel) parts.push(c.itemLabel);
  if (c.indicatorLabel) parts.push(`${c.indicatorLabel}${c.series ? `（${c.series}）` : ""}`);
  else if (c.series) parts.push(`（${c.series}）`);
  const tail = [
    c.fiscalYear !== undefined ? year(c.fiscalYear) : "",
    c.target === "item" || c.target === "indicator" || c.target === "department"
      ? ""
      : TARGET_LABELS[c.target],
    c.field && c.target !== "department" && c.target !== "plan" ? fieldLabel(c.field) : "",
    c.target === "plan" && c.field ? fieldLabel(c.field) : "",
  ]
    .filter((s) => s !== "" && s !== "項目" && s !== "指標" && s !== "計画")
    .join(" ");
  return [parts.join(" / "), tail].filter((s) => s !== "").join(" ");
}

/** What is added or removed as a whole: 「項目」「指標」; otherwise the field. */
export function changeWhat(c: PlanChange): string {
  if (c.target === "item" || c.target === "indicator" || c.target === "department")
    return TARGET_LABELS[c.target];
  return c.field ? fieldLabel(c.field) : TARGET_LABELS[c.target];
}

const MAX = 120;
const cut = (s: string) => (s.length > MAX ? `${s.slice(0, MAX)}…` : s);

/** A value in a few words: the text as written, a name, or a list. */
export function shortValue(v: unknown): string {
  if (v === undefined || v === null) return "（なし）";
  if (typeof v === "string") return v === "" ? "（空欄）" : cut(v);
  if (typeof v !== "object") return String(v);
  if (Array.isArray(v)) return cut(v.map((x) => shortValue(x)).join("・"));
  const o = v as Record<string, unknown>;
  if (typeof o.title === "string") {
    const n = Array.isArray(o.indicators) ? o.indicators.length : 0;
    return cut(`${o.number ?? ""} ${o.title}${n > 0 ? `（指標 ${n}）` : ""}`.trim());
  }
  if (typeof o.name === "string") {
    const n = Array.isArray(o.actuals) ? o.actuals.length : 0;
    return cut(`${o.name}${n > 0 ? `（実績値 ${n}）` : ""}`);
  }
  if (typeof o.text === "string") return o.text === "" ? "（空欄）" : cut(o.text);
  const texts = ["narrative", "nextYearPlan", "status"].flatMap((k) =>
    typeof o[k] === "string" ? [`${FIELD_LABELS[k]}: ${o[k]}`] : [],
  );
  if (texts.length > 0) return cut(texts.join(" / "));
  return cut(JSON.stringify(v));
}

/** One line: 「変更 1-1-1 双方向の情報共有 / 指標① フォロワー数 2021年度 実績値: 5,253 → 5,300」. */
export function describeChange(c: PlanChange, year?: (fy: number) => string): string {
  const value =
    c.kind === "added"
      ? shortValue(c.after)
      : c.kind === "removed"
        ? shortValue(c.before)
        : `${shortValue(c.before)} → ${shortValue(c.after)}`;
  return `${KIND_LABELS[c.kind]} ${changePlace(c, year)}: ${value}`;
}
