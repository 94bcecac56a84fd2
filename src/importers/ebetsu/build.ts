/** The tree read from the Ebetsu documents, as a plan document. */

import type { Finding } from "../../core/findings.ts";
import type { Department, ItemInput, PlanDocumentInput } from "../../core/plan-document/schema.ts";
import { PLAN_DOCUMENT_FORMAT } from "../../core/plan-document/schema.ts";
import type { Indicator, Item, Tree } from "./model.ts";

export const EBETSU = { code: "012173", name: "江別市" } as const;
export const LEVELS = ["基本目標", "取組方針", "取組項目"];

/**
 * 所管課 prefixes naming the 部 of a 課 that exists in several 部 (総)総務課 = 総務部の総務課).
 * Only 総) occurs in the seeds; an unknown prefix is kept as written and reported.
 */
const BUREAUS: Record<string, string> = { 総: "総務部" };

export function buildDocument(
  tree: Tree,
  sources: string[],
): { document: PlanDocumentInput; findings: Finding[] } {
  const findings: Finding[] = [];
  const departments = departmentList(tree, findings);
  const document: PlanDocumentInput = {
    format: PLAN_DOCUMENT_FORMAT,
    municipality: { ...EBETSU },
    plan: {
      // The plan runs 令和元年度–令和5年度: every year header starts at R1, the first year reported
      // against, and ends at R5, the target year of the targets. 2017 (初期値) is the baseline year,
      // measured before the plan and outside its period.
      key: `ebetsu-gyokaku-${tree.years[0]}`,
      title: tree.planTitle,
      periodStart: tree.years[0]!,
      periodEnd: tree.years.at(-1)!,
      levels: LEVELS,
      sources,
    },
    departments,
    items: tree.goals.map((g) => ({
      key: g.key,
      number: g.number,
      title: g.title,
      children: g.policies.map((p) => ({
        key: p.key,
        number: p.number,
        title: p.title,
        children: p.items.map((i) => item(i, tree)),
      })),
    })),
  };
  return { document, findings };
}

function item(i: Item, tree: Tree): ItemInput {
  const out: ItemInput = {
    key: i.key,
    number: i.number,
    title: i.title,
    departments: unique(i.indicators.flatMap((x) => (x.department ? [x.department] : []))),
    indicators: i.indicators.map((x) => indicator(x)),
  };
  if (i.description) out.description = i.description;
  // One 取組状況 per item and year: the sheet writes one per indicator, joined here in indicator order.
  const narrative = unique(i.narratives.map((t) => t.text)).join("\n\n");
  const nextYearPlan = unique(i.nextPlans.map((t) => t.text)).join("\n\n");
  if (narrative || nextYearPlan) {
    const line = (i.narratives[0] ?? i.nextPlans[0])!.line;
    out.progress = [
      {
        fiscalYear: tree.reportYear,
        ...(narrative ? { narrative } : {}),
        ...(nextYearPlan ? { nextYearPlan } : {}),
        source: { file: tree.file, line },
      },
    ];
  }
  return out;
}

function indicator(x: Indicator) {
  const order = (s: string | undefined) => (s === undefined ? 0 : x.series.indexOf(s));
  const year = (t: { fiscalYear?: number | undefined; fromFiscalYear?: number | undefined }) =>
    t.fromFiscalYear ?? t.fiscalYear ?? 0;
  const units = [...x.baselines, ...x.actuals].flatMap((v) =>
    v.kind === "number" && v.unit ? [v.unit] : [],
  );
  return {
    key: x.key,
    ...(x.number ? { number: x.number } : {}),
    name: x.name,
    ...(units.length > 0 ? { unit: mostCommon(units) } : {}),
    series: x.series,
    departments: x.department ? [x.department] : [],
    baselines: [...x.baselines].sort((a, b) => order(a.series) - order(b.series)),
    targets: [...x.targets].sort((a, b) => order(a.series) - order(b.series) || year(a) - year(b)),
    actuals: [...x.actuals].sort((a, b) => order(a.series) - order(b.series) || a.fiscalYear - b.fiscalYear),
  };
}

/**
 * Departments keyed by the name as written (「総)総務課」), so that the next year's document names the
 * same one; a prefix adds its 部 as parent.
 */
function departmentList(tree: Tree, findings: Finding[]): Department[] {
  const out: Department[] = [];
  const add = (d: Department) => {
    if (!out.some((x) => x.key === d.key)) out.push(d);
  };
  const all = tree.goals.flatMap((g) => g.policies.flatMap((p) => p.items.flatMap((i) => i.indicators)));
  for (const ind of all) {
    const name = ind.department;
    if (!name) continue;
    const m = /^([^)）]{1,3})[)）]\s*(.+)$/.exec(name);
    const bureau = m ? BUREAUS[m[1]!] : undefined;
    if (m && !bureau && !out.some((x) => x.key === name)) {
      findings.push({
        file: tree.file,
        line: ind.line,
        code: "department.unknown-prefix",
        subject: `所管課「${name}」`,
        found: name,
        message: `所管課「${name}」の「${m[1]})」がどの部か分かりません。名前は書かれたまま残しました`,
        severity: "warning",
      });
    }
    if (bureau) add({ key: bureau, name: bureau, kind: kindOf(bureau), names: [] });
    add({
      key: name,
      name,
      kind: kindOf(m ? m[2]! : name),
      ...(bureau ? { parent: bureau } : {}),
      names: [],
    });
  }
  return out;
}

function kindOf(name: string): string | undefined {
  return /(担当|センター|局|部|課|室|係)$/.exec(name)?.[1];
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

function mostCommon(list: string[]): string {
  const counts = new Map<string, number>();
  for (const u of list) counts.set(u, (counts.get(u) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}
