/** `gyokaku publish`: publishes a fiscal year of a plan and, with --out, writes it as a static site. */

import { usage } from "../../core/errors.ts";
import { warekiFiscalYear } from "../../domain/fiscal-year.ts";
import {
  getPublicationOfPlan,
  type PublicationMeta,
  publishFiscalYear,
} from "../../publish/publish.service.ts";
import { writeStaticSite } from "../../publish/static-site.service.ts";
import { parse } from "../args.ts";
import { withDatabase } from "../context.ts";

export const publishHelp = `gyokaku publish --plan ID --fy YEAR [--out DIR] [--by NAME] [--data DIR]
gyokaku publish --plan ID --fy YEAR --export-only [--version N] --out DIR
  計画の年度を公表します：今の計画と評価結果を読み取り専用の版（第1版、第2版…）として保存し、
  /public/ で公開します。照会があればその年度は承認された項目だけを載せます。
  --out DIR を付けると、どのWebサーバーやCMSのフォルダでも（file:// でも）そのまま見られる
  静的サイト（HTML・CSS・SVG・フォント・オープンデータ）を書き出します。
  --export-only は新しい版を作らず、公表済みの版（既定は最新）を書き出します。
  YEAR は西暦の年度（2022 = 令和4年度）。ID は計画のID、「団体コード/キー」、または一意なキー。
  Publishes a fiscal year of a plan as a read-only, numbered snapshot (the plan as it is now and its
  evaluation), shown under /public/. With --out, also writes a self-contained static site with relative
  links only. --export-only writes an existing version (default: the latest) without publishing again.`;

export async function publishCommand(argv: string[]): Promise<void> {
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
      console.error(
        `公表しました: ${done.municipalityName} ${done.title} ${warekiFiscalYear(fiscalYear)} 第${done.version}版` +
          `（項目 ${done.counts.items}・指標の系列 ${done.counts.series}` +
          `${done.counts.withheld ? `・承認前のため非公表 ${done.counts.withheld}` : ""}）`,
      );
      console.error(`  /public/${done.municipalityCode}/${encodeURIComponent(done.planKey)}/${fiscalYear}/`);
    }
    if (values.out) {
      const publication = await getPublicationOfPlan(db, values.plan!, fiscalYear, meta.version);
      const { files } = await writeStaticSite(publication, values.out);
      console.error(`静的サイトを書き出しました: ${values.out}（第${meta.version}版、${files} ファイル）`);
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
