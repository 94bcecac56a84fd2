/** `gyokaku opendata`: writes the open-data tables of a published fiscal year into a folder. */

import { usage } from "../../core/errors.ts";
import { warekiFiscalYear } from "../../domain/fiscal-year.ts";
import { type CsvEncoding, ENCODINGS, exportOpenData } from "../../publish/opendata/opendata.service.ts";
import { parse } from "../args.ts";
import { withDatabase } from "../context.ts";
import { positiveInt, yearOption } from "./publish.ts";

export const opendataHelp = `gyokaku opendata --plan ID --fy YEAR --out DIR [--format csv|json] [--encoding utf8|sjis] [--version N] [--data DIR]
  公表済みの年度をオープンデータとして書き出します（表ごとに1ファイル、縦持ち）：
  items（取組）・indicators（指標）・values（初期値・目標・実績値）・evaluations（評価結果）・
  progress（取組状況）・activities（取組計画・実績）・responsibilities（所管課）。
  CSV は既定で UTF-8（BOM付き）。--encoding sjis で Shift_JIS（Windows の CP932）にします。
  Shift_JIS で表せない文字があれば、表・行・列を示して止まります（「?」に置き換えません）。
  --version を省くと最新の版。公表は gyokaku publish で行います。
  Writes the open data of a published fiscal year, one file per table in long format. CSV is UTF-8 with
  a BOM by default; --encoding sjis writes Shift_JIS and stops with the table, row and column of any
  character Shift_JIS cannot hold.`;

export async function opendataCommand(argv: string[]): Promise<void> {
  const { values } = parse(argv, {
    plan: { type: "string" },
    fy: { type: "string" },
    out: { type: "string" },
    format: { type: "string", default: "csv" },
    encoding: { type: "string", default: "utf8" },
    version: { type: "string" },
    data: { type: "string" },
  });
  if (!values.plan) throw usage("--plan ID が必要です（gyokaku plans で一覧）");
  if (!values.out) throw usage("--out DIR が必要です");
  const fiscalYear = yearOption(values.fy);
  if (values.format !== "csv" && values.format !== "json")
    throw usage(`--format ${values.format} には対応していません（csv, json）`);
  if (!(ENCODINGS as readonly string[]).includes(values.encoding!))
    throw usage(`--encoding ${values.encoding} には対応していません（utf8, sjis）`);
  if (values.format === "json" && values.encoding !== "utf8")
    throw usage("JSON は UTF-8 だけです（--encoding は CSV に使います）");
  const version = values.version === undefined ? undefined : positiveInt(values.version, "--version");
  await withDatabase(values.data, async (db) => {
    const { publication, files } = await exportOpenData(db, {
      plan: values.plan!,
      fiscalYear,
      version,
      format: values.format as "csv" | "json",
      encoding: values.encoding as CsvEncoding,
      out: values.out!,
    });
    console.error(
      `書き出しました: ${values.out}（${publication.municipalityName} ${publication.title} ` +
        `${warekiFiscalYear(fiscalYear)} 第${publication.version}版、${files.length} ファイル）`,
    );
  });
}
