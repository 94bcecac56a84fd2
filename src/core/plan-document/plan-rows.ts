/**
 * Findings for a plan that prints both a yearly plan row and a cumulative plan row: every cumulative cell
 * that is not the running sum of the yearly row (a typo such as an extra zero) is reported with where it came
 * from, what the sum is and what the cell says. Nothing is corrected.
 */
import { checkCumulativeRow } from "../../domain/evaluation/plan-rows.ts";
import type { Finding } from "../findings.ts";
import type { Item, PlanDocument } from "./schema.ts";

function* eachItem(items: readonly Item[], path = "$.items"): Generator<{ item: Item; path: string }> {
  for (const [i, item] of items.entries()) {
    yield { item, path: `${path}[${i}]` };
    yield* eachItem(item.children, `${path}[${i}].children`);
  }
}

export function planRowFindings(doc: PlanDocument, file: string): Finding[] {
  const findings: Finding[] = [];
  for (const { item, path } of eachItem(doc.items)) {
    item.indicators.forEach((ind, j) => {
      const values = ind.plannedValues ?? [];
      const names = ind.series.length > 0 ? ind.series : [undefined];
      for (const series of names) {
        const own = values.filter((v) => v.series === series);
        const cumulative = own.filter((v) => v.cumulative === true);
        if (cumulative.length === 0) continue;
        const yearly = own.filter((v) => v.cumulative !== true);
        for (const m of checkCumulativeRow(yearly, cumulative, doc.plan.periodStart)) {
          const cell = cumulative.find((c) => c.fiscalYear === m.cell.fiscalYear)!;
          const at = cell.source;
          findings.push({
            file: at?.file ?? file,
            line: at?.line,
            sheet: at?.sheet,
            row: at?.row,
            column: at?.column,
            code: "plan.cumulative-mismatch",
            subject: `指標「${ind.name}」${series ? `（${series}）` : ""}の計画値（累計）${m.cell.fiscalYear}年度（${path}.indicators[${j}].plannedValues[${(ind.plannedValues ?? []).indexOf(cell)}]）`,
            expected: m.expected,
            found: cell.text,
            message: m.message,
            severity: "warning",
          });
        }
      }
    });
  }
  return findings;
}
