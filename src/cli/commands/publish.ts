/** `gyokaku publish`: publishes a fiscal year of a plan and, with --out, writes it as a static site. */

import { usage } from "../../core/errors.ts";
import { warekiFiscalYear } from "../../domain/fiscal-year.ts";
import {
  getPublicationOfPlan,
  type PublicationMeta,
  publishedEvidenceBytes,
  publishFiscalYear,
} from "../../publish/publish.service.ts";
import { writeStaticSite } from "../../publish/static-site.service.ts";
import { parse } from "../args.ts";
import { withDatabase } from "../context.ts";
import type { CommandIo } from "../io.ts";

export async function publishCommand(argv: string[], io: CommandIo): Promise<void> {
  const { values } = parse(argv, {
    plan: { type: "string" },
    fy: { type: "string" },
    out: { type: "string" },
    by: { type: "string" },
    version: { type: "string" },
    "export-only": { type: "boolean", default: false },
    data: { type: "string" },
  });
  if (!values.plan) throw usage("--plan ID が必要です（gyokaku plans で一覧）");
  const fiscalYear = yearOption(values.fy);
  const version = values.version === undefined ? undefined : positiveInt(values.version, "--version");
  if (values["export-only"] && !values.out) throw usage("--export-only には --out DIR が必要です");
  if (version !== undefined && !values["export-only"])
    throw usage("--version は --export-only と一緒に使います");
  await withDatabase(values.data, async (db) => {
    let meta: PublicationMeta;
    if (values["export-only"]) {
      meta = await getPublicationOfPlan(db, values.plan!, fiscalYear, version);
    } else {
      const done = await publishFiscalYear(db, { plan: values.plan!, fiscalYear, publishedBy: values.by });
      meta = done;
      io.error(
        `公表しました: ${done.municipalityName} ${done.title} ${warekiFiscalYear(fiscalYear)} 第${done.version}版` +
          `（項目 ${done.counts.items}・指標の系列 ${done.counts.series}` +
          `${done.counts.withheld ? `・承認前のため非公表 ${done.counts.withheld}` : ""}）`,
      );
      io.error(`  /public/${done.municipalityCode}/${encodeURIComponent(done.planKey)}/${fiscalYear}/`);
    }
    if (values.out) {
      const publication = await getPublicationOfPlan(db, values.plan!, fiscalYear, meta.version);
      const { files } = await writeStaticSite(publication, values.out, (id) =>
        publishedEvidenceBytes(db, publication, id),
      );
      io.error(`静的サイトを書き出しました: ${values.out}（第${meta.version}版、${files} ファイル）`);
    }
  });
}

export function yearOption(text: string | undefined): number {
  if (!text) throw usage("--fy YEAR（西暦の年度、例 2022）が必要です");
  if (!/^\d{4}$/.test(text))
    throw usage(`--fy は西暦の4桁で指定してください（例 2022 = 令和4年度）: ${text}`);
  return Number(text);
}

export function positiveInt(text: string, name: string): number {
  if (!/^[1-9]\d*$/.test(text)) throw usage(`${name} は1以上の整数です: ${text}`);
  return Number(text);
}
