/**
 * The staffing commands, thin adapters over the service:
 *   gyokaku staffing import FILE...
 *   gyokaku staffing report --municipality CODE --fy YEAR --kind KIND --format html|xlsx|pdf --out FILE
 *   gyokaku staffing template [--municipality CODE] --out FILE
 * Wire `staffingCommand` / `staffingHelp` as the `staffing` command of src/cli/main.ts; bad input
 * throws ImportError subclasses (InvalidStaffingDocumentError, StaffingNotFoundError), which main
 * already reports with exit code 1, and ReportUnavailableError, which it should report likewise.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { usage } from "../../core/errors.ts";
import { formatFinding } from "../../core/findings.ts";
import { closeBrowser } from "../../core/pdf/pdf.ts";
import { codeProblem } from "../../domain/municipality-code.ts";
import {
  emptyStaffingDocument,
  importStaffingFiles,
  REPORT_KINDS,
  type ReportFormat,
  type ReportKind,
  renderReport,
  requireStaffing,
  writeStaffingWorkbook,
} from "../../staffing/staffing.service.ts";
import { parse } from "../args.ts";
import { withDatabase } from "../context.ts";

export const staffingImportHelp = `gyokaku staffing import FILE... [--report FILE] [--data DIR]
  定数管理のデータを取り込みます: 千歳市 行政改革基本方針のテキスト（図表4・6・8・10、ラスパイレス指数）、
  定数管理テンプレート（.xlsx、gyokaku staffing template で作成）、定数管理文書（.json）。
  団体ごとに、それまでのデータを置き換えます。すべてのファイルを一つのトランザクションで保存し、
  一つでも誤りがあれば何も保存しません（誤りはファイル・行・列で示します）。
  Imports staffing data (Chitose's text, the xlsx template, staffing documents as JSON) in one transaction.`;

export const staffingReportHelp = `gyokaku staffing report --municipality CODE --kind KIND --format html|xlsx|pdf --out FILE [--fy YEAR] [--data DIR]
  KIND: headcount（部局別職員数の推移）, population（職員数と人口・類似団体）,
        diagnosis（定員管理診断表）, retirement（定年引上げと退職者の予定）,
        plan（定員適正化計画の目標と実績）
  --fy: headcount はその年度まで、diagnosis はその年度の表、retirement はその年度から（既定: 最新）
  Writes a staffing report as a standalone HTML page, a workbook or a PDF (A4 landscape).`;

export const staffingTemplateHelp = `gyokaku staffing template --out FILE [--municipality CODE] [--data DIR]
  定数管理テンプレート（xlsx）を書き出します。--municipality を付けるとその団体のデータ入り。
  Writes the staffing template workbook, empty or with a municipality's data, to edit and import again.`;

export const staffingHelp = `gyokaku staffing import|report|template …
  定数管理（職員数・定数・類似団体との比較・定年引上げ）

${[staffingImportHelp, staffingReportHelp, staffingTemplateHelp].map((h) => `  ${h.replace(/\n/g, "\n  ")}`).join("\n\n")}`;

function readInputs(paths: string[]) {
  return paths.map((path) => {
    try {
      return { path, bytes: readFileSync(path) };
    } catch (e) {
      throw usage(`${path}: 読めません（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
    }
  });
}

export async function staffingImportCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv, { report: { type: "string" }, data: { type: "string" } });
  if (positionals.length === 0)
    throw usage("取り込むファイルを指定してください: gyokaku staffing import FILE...");
  const files = readInputs(positionals);
  await withDatabase(values.data, async (db) => {
    const { stored, findings } = await importStaffingFiles(db, files);
    for (const s of stored) {
      const years = s.firstYear !== null ? `、${s.firstYear}～${s.lastYear}年度` : "";
      console.log(
        `保存しました: ${s.municipalityCode} ${s.municipalityName}（組織 ${s.units}、職員数 ${s.headcounts} 件${years}）`,
      );
    }
    const all = [...findings, ...stored.flatMap((s) => s.findings)];
    if (all.length > 0) {
      console.log(`指摘事項 ${all.length} 件:`);
      for (const f of all) console.log(`  [${f.severity}] ${formatFinding(f)}`);
    }
    if (values.report) {
      writeFileSync(values.report, `${JSON.stringify({ stored, findings: all }, null, 2)}\n`);
      console.log(`指摘事項を書き出しました: ${values.report}`);
    }
  });
}

function municipalityOption(code: string | undefined): string {
  if (!code) throw usage("--municipality CODE（全国地方公共団体コード6桁）が必要です");
  const problem = codeProblem(code);
  if (problem) throw usage(problem);
  return code;
}

export async function staffingReportCommand(argv: string[]): Promise<void> {
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
      const out = await renderReport(doc, kind, format, fy);
      writeFileSync(values.out!, out.bytes);
    } finally {
      if (format === "pdf") await closeBrowser();
    }
    console.error(`書き出しました: ${values.out}（${doc.municipality.name} ${kind}、${format}）`);
  });
}

export async function staffingTemplateCommand(argv: string[]): Promise<void> {
  const { values } = parse(argv, {
    municipality: { type: "string" },
    out: { type: "string" },
    data: { type: "string" },
  });
  if (!values.out) throw usage("--out FILE が必要です");
  if (!values.municipality) {
    writeFileSync(values.out, await writeStaffingWorkbook(emptyStaffingDocument()));
    console.error(`書き出しました: ${values.out}（空のテンプレート）`);
    return;
  }
  const code = municipalityOption(values.municipality);
  await withDatabase(values.data, async (db) => {
    const doc = await requireStaffing(db, code);
    writeFileSync(values.out!, await writeStaffingWorkbook(doc));
    console.error(`書き出しました: ${values.out}（${doc.municipality.name}）`);
  });
}

/** `gyokaku staffing <import|report|template> …` */
export async function staffingCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case "import":
      return staffingImportCommand(rest);
    case "report":
      return staffingReportCommand(rest);
    case "template":
      return staffingTemplateCommand(rest);
    default:
      throw usage(
        sub ? `知らないサブコマンドです: ${sub}` : "import, report, template のいずれかを指定してください",
      );
  }
}
