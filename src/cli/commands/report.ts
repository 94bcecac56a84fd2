/** `gyokaku report`: a thin adapter — options checked with zod, one service call, the file written. */
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { usage } from "../../core/errors.ts";
import { closeBrowser } from "../../core/pdf/pdf.ts";
import { generateReport, REPORT_FORMATS, REPORT_KINDS } from "../../reports/reports.service.ts";
import { parse, requireChromium } from "../args.ts";
import { withDatabase } from "../context.ts";
import type { CommandIo } from "../io.ts";

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

export async function reportCommand(argv: string[], io: CommandIo): Promise<void> {
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
  if (o.format === "pdf") requireChromium();
  try {
    const file = await withDatabase(o.data, (db) =>
      generateReport(db, { plan: o.plan, fiscalYear: o.fy, kind: o.kind, format: o.format }),
    );
    if (o.out) {
      writeFileSync(o.out, file.body);
      io.error(`書き出しました: ${o.out}（${file.title}）`);
    } else {
      io.write(file.body);
    }
  } finally {
    if (o.format === "pdf") await closeBrowser();
  }
}
