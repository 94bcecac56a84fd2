import { bothFiscalYear } from "../../domain/fiscal-year.ts";
import { listPlans } from "../../plans/plans.service.ts";
import { parse } from "../args.ts";
import { withDatabase } from "../context.ts";

export const plansHelp = `gyokaku plans [--json] [--data DIR]
  保存されている計画の一覧（ID、団体コード、名称、期間、項目数、指標数）。
  Lists the stored plans (id, municipality code, title, period, item and indicator counts).`;

export async function plansCommand(argv: string[]): Promise<void> {
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
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    if (plans.length === 0) {
      console.log("計画はまだありません。gyokaku import FILE で取り込めます。");
      return;
    }
    for (const p of plans) {
      console.log(`${p.id}  ${p.municipalityCode} ${p.municipalityName}  ${p.title}`);
      console.log(
        `    キー ${p.municipalityCode}/${p.key}  期間 ${bothFiscalYear(p.periodStart)}～${bothFiscalYear(p.periodEnd)}  項目 ${p.itemCount}  指標 ${p.indicatorCount}`,
      );
    }
  });
}
