/**
 * The staffing commands, thin adapters over the service:
 *   gyokaku staffing import FILE...
 *   gyokaku staffing report --municipality CODE --fy YEAR --kind KIND --format html|xlsx|pdf --out FILE
 *   gyokaku staffing template [--municipality CODE] --out FILE
 * Bad input is refused with an AppError, which src/cli/main.ts reports; the help is in ../help.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { usage } from "../../core/errors.ts";
import { formatFinding } from "../../core/findings.ts";
import { closeBrowser } from "../../core/pdf/pdf.ts";
import { codeProblem } from "../../domain/municipality-code.ts";
import {
  emptyStaffingDocument,
  importStaffingFiles,
  listPeerTables,
  REPORT_KINDS,
  type ReportFormat,
  type ReportKind,
  renderReport,
  requireStaffing,
  writeStaffingWorkbook,
} from "../../staffing/staffing.service.ts";
import { parse, requireChromium } from "../args.ts";
import { withDatabase } from "../context.ts";
import type { CommandIo } from "../io.ts";

function readInputs(paths: string[]) {
  return paths.map((path) => {
    try {
      return { path, bytes: readFileSync(path) };
    } catch (e) {
      throw usage(`${path}: 読めません（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
    }
  });
}

export async function staffingImportCommand(argv: string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parse(argv, {
    report: { type: "string" },
    data: { type: "string" },
    "allow-removals": { type: "boolean" },
  });
  if (positionals.length === 0)
    throw usage("取り込むファイルを指定してください: gyokaku staffing import FILE...");
  const files = readInputs(positionals);
  await withDatabase(values.data, async (db) => {
    const { stored, peerTables, findings } = await importStaffingFiles(db, files, {
      allowRemovals: values["allow-removals"] === true,
    });
    for (const t of peerTables)
      io.log(
        `保存しました: 類似団体別職員数 ${t.group}（${t.scheme}）${t.fiscalYear}年度、部門 ${t.rows.length}（この類型の全団体が使います）`,
      );
    for (const s of stored) {
      const years = s.firstYear !== null ? `、${s.firstYear}～${s.lastYear}年度` : "";
      io.log(
        `保存しました: ${s.municipalityCode} ${s.municipalityName}（組織 ${s.units}、職員数 ${s.headcounts} 件${years}）`,
      );
    }
    const all = [...findings, ...stored.flatMap((s) => s.findings)];
    if (all.length > 0) {
      io.log(`指摘事項 ${all.length} 件:`);
      for (const f of all) io.log(`  [${f.severity}] ${formatFinding(f)}`);
    }
    if (values.report) {
      writeFileSync(values.report, `${JSON.stringify({ stored, findings: all }, null, 2)}\n`);
      io.log(`指摘事項を書き出しました: ${values.report}`);
    }
  });
}

function municipalityOption(code: string | undefined): string {
  if (!code) throw usage("--municipality CODE（全国地方公共団体コード6桁）が必要です");
  const problem = codeProblem(code);
  if (problem) throw usage(problem);
  return code;
}

export async function staffingReportCommand(argv: string[], io: CommandIo): Promise<void> {
  const { values } = parse(argv, {
    municipality: { type: "string" },
    fy: { type: "string" },
    kind: { type: "string" },
    format: { type: "string", default: "html" },
    out: { type: "string" },
    data: { type: "string" },
  });
  const code = municipalityOption(values.municipality);
  const kind = values.kind as ReportKind | undefined;
  if (!kind || !REPORT_KINDS.includes(kind))
    throw usage(`--kind は ${REPORT_KINDS.join("|")} のいずれかです`);
  const format = values.format as ReportFormat;
  if (!["html", "xlsx", "pdf"].includes(format)) throw usage("--format は html|xlsx|pdf のいずれかです");
  if (format === "pdf") requireChromium();
  if (!values.out) throw usage("--out FILE が必要です");
  let fy: number | undefined;
  if (values.fy !== undefined) {
    fy = Number(values.fy);
    if (!Number.isInteger(fy) || fy < 1900 || fy > 2200)
      throw usage(`--fy は西暦の年度です（例 2025）: ${values.fy}`);
  }
  await withDatabase(values.data, async (db) => {
    const doc = await requireStaffing(db, code);
    try {
      const out = await renderReport(doc, kind, format, fy, { peerTables: await listPeerTables(db) });
      writeFileSync(values.out!, out.bytes);
    } finally {
      if (format === "pdf") await closeBrowser();
    }
    io.error(`書き出しました: ${values.out}（${doc.municipality.name} ${kind}、${format}）`);
  });
}

export async function staffingTemplateCommand(argv: string[], io: CommandIo): Promise<void> {
  const { values } = parse(argv, {
    municipality: { type: "string" },
    out: { type: "string" },
    data: { type: "string" },
  });
  if (!values.out) throw usage("--out FILE が必要です");
  if (!values.municipality) {
    writeFileSync(values.out, await writeStaffingWorkbook(emptyStaffingDocument()));
    io.error(`書き出しました: ${values.out}（空のテンプレート）`);
    return;
  }
  const code = municipalityOption(values.municipality);
  await withDatabase(values.data, async (db) => {
    const doc = await requireStaffing(db, code);
    writeFileSync(values.out!, await writeStaffingWorkbook(doc));
    io.error(`書き出しました: ${values.out}（${doc.municipality.name}）`);
  });
}

/** `gyokaku staffing <import|report|template> …` */
export async function staffingCommand(argv: string[], io: CommandIo): Promise<void> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case "import":
      return staffingImportCommand(rest, io);
    case "report":
      return staffingReportCommand(rest, io);
    case "template":
      return staffingTemplateCommand(rest, io);
    default:
      throw usage(
        sub ? `知らないサブコマンドです: ${sub}` : "import, report, template のいずれかを指定してください",
      );
  }
}
