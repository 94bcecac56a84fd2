import { writeFileSync } from "node:fs";
import { usage } from "../../core/errors.ts";
import { writePlanWorkbook } from "../../core/plan-workbook/index.ts";
import { exportDocument } from "../../plans/plans.service.ts";
import { parse } from "../args.ts";
import { withDatabase } from "../context.ts";
import type { CommandIo } from "../io.ts";

export async function exportCommand(argv: string[], io: CommandIo): Promise<void> {
  const { values } = parse(argv, {
    plan: { type: "string" },
    format: { type: "string", default: "json" },
    out: { type: "string" },
    data: { type: "string" },
  });
  if (!values.plan) throw usage("--plan ID が必要です（gyokaku plans で一覧）");
  if (values.format !== "json" && values.format !== "xlsx") {
    throw usage(`--format ${values.format} には対応していません（json, xlsx）`);
  }
  if (values.format === "xlsx" && !values.out) throw usage("xlsx には --out FILE が必要です");
  await withDatabase(values.data, async (db) => {
    const doc = await exportDocument(db, values.plan!);
    if (values.format === "xlsx") {
      writeFileSync(values.out!, await writePlanWorkbook(doc));
      io.error(`書き出しました: ${values.out}（${doc.municipality.name} ${doc.plan.title}）`);
      return;
    }
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    if (values.out) {
      writeFileSync(values.out, text);
      io.error(`書き出しました: ${values.out}（${doc.municipality.name} ${doc.plan.title}）`);
    } else {
      io.write(text);
    }
  });
}
