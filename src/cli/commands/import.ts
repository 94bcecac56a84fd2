import { readFileSync, writeFileSync } from "node:fs";
import { AppError, usage } from "../../core/errors.ts";
import { formatFinding } from "../../core/findings.ts";
import { describeChange } from "../../core/plan-diff/describe.ts";
import { formatIds, importFiles, isUnknownLayout } from "../../importers/import.service.ts";
import { previewImport, touchesYears } from "../../importers/import-preview.service.ts";
import { describeRenames } from "../../plans/plans.service.ts";
import { parse } from "../args.ts";
import { withDatabase } from "../context.ts";
import type { CommandIo } from "../io.ts";

export async function importCommand(argv: string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parse(argv, {
    format: { type: "string" },
    report: { type: "string" },
    data: { type: "string" },
    "dry-run": { type: "boolean" },
    "allow-removals": { type: "boolean" },
  });
  if (positionals.length === 0) throw usage("取り込むファイルを指定してください: gyokaku import FILE...");
  const files = positionals.map((path) => {
    try {
      return { path, bytes: readFileSync(path) };
    } catch (e) {
      throw usage(`${path}: 読めません（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
    }
  });
  const format = values.format ? { format: values.format } : {};
  try {
    await importWith(values, files, format, io);
  } catch (e) {
    // The service says only that the layout could not be told; on the command line it is named with --format.
    if (isUnknownLayout(e))
      throw new AppError(
        "invalid_document",
        `${e.message}--format で指定してください（${formatIds().join(", ")}）`,
        {
          findings: e.findings,
        },
      );
    throw e;
  }
}

async function importWith(
  values: {
    data?: string | undefined;
    report?: string | undefined;
    "dry-run"?: boolean | undefined;
    "allow-removals"?: boolean | undefined;
  },
  files: { path: string; bytes: Uint8Array }[],
  format: { format?: string },
  io: CommandIo,
): Promise<void> {
  await withDatabase(values.data, async (db) => {
    if (values["dry-run"]) {
      const { plans, findings } = await previewImport(db, files, format);
      for (const p of plans) {
        const t = p.tally;
        io.log(
          p.planId === null
            ? `新しい計画: ${p.municipalityCode}/${p.key} ${p.title}（項目 ${p.counts.items}、指標 ${p.counts.indicators}、実績値 ${p.counts.actuals}）`
            : `${p.municipalityCode}/${p.key} ${p.title}: 追加 ${t.added}、変更 ${t.changed}、削除 ${t.removed}`,
        );
        if (p.planId === null) continue;
        for (const c of p.changes) {
          const marks = [
            touchesYears(c, p.publishedYears) ? "［公表済みの年度］" : "",
            touchesYears(c, p.lockedYears) ? "［ロック中の年度］" : "",
          ].join("");
          io.log(`  ${describeChange(c)}${marks}`);
        }
        if (p.removals > 0) io.log(`  削除を含みます: 保存するには --allow-removals が必要です。`);
      }
      if (findings.length > 0) io.log(`指摘事項 ${findings.length} 件`);
      io.log("--dry-run: 何も保存していません。");
      return;
    }
    const { stored, findings } = await importFiles(db, files, {
      ...format,
      allowRemovals: values["allow-removals"] === true,
    });
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
