/** `gyokaku opendata`: writes the open-data tables of a published fiscal year into a folder. */

import { usage } from "../../core/errors.ts";
import { warekiFiscalYear } from "../../domain/fiscal-year.ts";
import { type CsvEncoding, ENCODINGS, exportOpenData } from "../../publish/opendata/opendata.service.ts";
import { parse } from "../args.ts";
import { withDatabase } from "../context.ts";
import type { CommandIo } from "../io.ts";
import { positiveInt, yearOption } from "./publish.ts";

export async function opendataCommand(argv: string[], io: CommandIo): Promise<void> {
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
    io.error(
      `書き出しました: ${values.out}（${publication.municipalityName} ${publication.title} ` +
        `${warekiFiscalYear(fiscalYear)} 第${publication.version}版、${files.length} ファイル）`,
    );
  });
}
