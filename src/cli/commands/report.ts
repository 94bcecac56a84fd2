/** `gyokaku report`: a thin adapter — options checked with zod, one service call, the file written. */
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { usage } from "../../core/errors.ts";
import { chromiumPath, closeBrowser } from "../../core/pdf/pdf.ts";
import { generateReport, REPORT_FORMATS, REPORT_KINDS } from "../../reports/reports.service.ts";
import { parse } from "../args.ts";
import { withDatabase } from "../context.ts";

export const reportHelp = `gyokaku report --plan ID --fy YEAR --kind summary|sheets|tally|roadmap --format html|xlsx|pdf --out FILE [--data DIR]
  計画の帳票を作ります：summary 取組状況一覧、sheets 個票（千歳市型の項目ページを含む）、tally 達成度・着手状況の集計、
  roadmap 工程表。--fy は対象年度（西暦、例 2022 = 令和4年度）。html は --out を省くと標準出力へ。
  ID は計画のID、「団体コード/キー」、または一意なキー。PDF には Chromium（/usr/bin/chromium か CHROMIUM_PATH）が必要です。
  Makes a report of a plan for a fiscal year: the summary table, the sheets (with item pages), the tallies
  or the roadmap, as HTML, Excel (xlsx) or PDF.`;

const options = z.object({
  plan: z
    .string({ error: "--plan ID が必要です（gyokaku plans で一覧）" })
    .min(1, { error: "--plan ID が必要です" }),
  fy: z.coerce
    .number({ error: "--fy YEAR が必要です（西暦の年度、例 2022）" })
    .int({ error: "--fy は西暦の年度です（例 2022）" })
    .min(1900, { error: "--fy は西暦の年度です（例 2022）" })
    .max(2200, { error: "--fy は西暦の年度です（例 2022）" }),
  kind: z.enum(REPORT_KINDS, { error: `--kind は ${REPORT_KINDS.join("|")} のいずれかです` }),
  format: z.enum(REPORT_FORMATS, { error: `--format は ${REPORT_FORMATS.join("|")} のいずれかです` }),
  out: z.string().min(1).optional(),
  data: z.string().optional(),
});

export async function reportCommand(argv: string[]): Promise<void> {
  const { values } = parse(argv, {
    plan: { type: "string" },
    fy: { type: "string" },
    kind: { type: "string" },
    format: { type: "string", default: "html" },
    out: { type: "string" },
    data: { type: "string" },
  });
  const checked = options.safeParse(values);
  if (!checked.success) throw usage(checked.error.issues[0]!.message);
  const o = checked.data;
  if (!o.out && o.format !== "html") throw usage(`--format ${o.format} には --out FILE が必要です`);
  if (o.format === "pdf") {
    try {
      chromiumPath();
    } catch (e) {
      throw usage((e as Error).message);
    }
  }
  try {
    const file = await withDatabase(o.data, (db) =>
      generateReport(db, { plan: o.plan, fiscalYear: o.fy, kind: o.kind, format: o.format }),
    );
    if (o.out) {
      writeFileSync(o.out, file.body);
      console.error(`書き出しました: ${o.out}（${file.title}）`);
    } else {
      process.stdout.write(file.body);
    }
  } finally {
    if (o.format === "pdf") await closeBrowser();
  }
}
