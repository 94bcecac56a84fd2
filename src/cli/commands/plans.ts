import { bothFiscalYear } from "../../domain/fiscal-year.ts";
import { listPlans } from "../../plans/plans.service.ts";
import { parse } from "../args.ts";
import { withDatabase } from "../context.ts";
import type { CommandIo } from "../io.ts";

export async function plansCommand(argv: string[], io: CommandIo): Promise<void> {
  const { values } = parse(argv, { json: { type: "boolean" }, data: { type: "string" } });
  await withDatabase(values.data, async (db) => {
    const plans = await listPlans(db);
    if (values.json) {
      const out = plans.map((p) => ({
        id: p.id,
        municipalityCode: p.municipalityCode,
        municipalityName: p.municipalityName,
        key: p.key,
        title: p.title,
        period: { start: p.periodStart, end: p.periodEnd },
        items: p.itemCount,
        indicators: p.indicatorCount,
      }));
      io.write(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    if (plans.length === 0) {
      io.log("計画はまだありません。gyokaku import FILE で取り込めます。");
      return;
    }
    for (const p of plans) {
      io.log(`${p.id}  ${p.municipalityCode} ${p.municipalityName}  ${p.title}`);
      io.log(
        `    キー ${p.municipalityCode}/${p.key}  期間 ${bothFiscalYear(p.periodStart)}～${bothFiscalYear(p.periodEnd)}  項目 ${p.itemCount}  指標 ${p.indicatorCount}`,
      );
    }
  });
}
