import { readFileSync, writeFileSync } from "node:fs";
import { usage } from "../../core/errors.ts";
import { formatFinding } from "../../core/findings.ts";
import { importFiles } from "../../importers/import.service.ts";
import { describeRenames } from "../../plans/plans.service.ts";
import { parse } from "../args.ts";
import { withDatabase } from "../context.ts";
import type { CommandIo } from "../io.ts";

export async function importCommand(argv: string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parse(argv, {
    format: { type: "string" },
    report: { type: "string" },
    data: { type: "string" },
  });
  if (positionals.length === 0) throw usage("取り込むファイルを指定してください: gyokaku import FILE...");
  const files = positionals.map((path) => {
    try {
      return { path, bytes: readFileSync(path) };
    } catch (e) {
      throw usage(`${path}: 読めません（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
    }
  });
  await withDatabase(values.data, async (db) => {
    const { stored, findings } = await importFiles(db, files, values.format ? { format: values.format } : {});
    for (const s of stored) {
      io.log(
        `保存しました: ${s.municipalityCode}/${s.key} ${s.title}（項目 ${s.items}、指標 ${s.indicators}、実績値 ${s.actuals}）ID ${s.planId}`,
      );
      for (const line of describeRenames(s.renamedDepartments ?? [])) io.log(`  ${line}`);
    }
    if (findings.length > 0) {
      io.log(`指摘事項 ${findings.length} 件:`);
      for (const f of findings) io.log(`  [${f.severity}] ${formatFinding(f)}`);
    }
    if (values.report) {
      writeFileSync(values.report, `${JSON.stringify({ stored, findings }, null, 2)}\n`);
      io.log(`指摘事項を書き出しました: ${values.report}`);
    }
  });
}
