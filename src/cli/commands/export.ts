import { writeFileSync } from "node:fs";
import { usage } from "../../core/errors.ts";
import { writePlanWorkbook } from "../../core/plan-workbook/index.ts";
import { exportDocument } from "../../plans/plans.service.ts";
import { parse } from "../args.ts";
import { withDatabase } from "../context.ts";

export const exportHelp = `gyokaku export --plan ID --format json|xlsx [--out FILE] [--data DIR]
  計画を計画文書（JSON）または編集用の Excel ブック（xlsx）として書き出します。
  JSON は --out を省くと標準出力へ。xlsx は編集して gyokaku import で取り込めます（変更したセルは更新、新しい行は追加）。
  ID は計画のID、「団体コード/キー」、または一意なキー。
  Writes a plan as a plan document (JSON) or as a workbook to edit and import back (xlsx).`;

export async function exportCommand(argv: string[]): Promise<void> {
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
      console.error(`書き出しました: ${values.out}（${doc.municipality.name} ${doc.plan.title}）`);
      return;
    }
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    if (values.out) {
      writeFileSync(values.out, text);
      console.error(`書き出しました: ${values.out}（${doc.municipality.name} ${doc.plan.title}）`);
    } else {
      process.stdout.write(text);
    }
  });
}
