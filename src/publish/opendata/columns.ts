/** The column helpers and the columns every open-data table shares (see tables.ts). */
import { z } from "zod";

/** A column: its JSON name is the key in the row schema; title is the CSV header. */
export function col<T extends z.ZodType>(schema: T, title: string, description?: string): T {
  return schema.meta(description ? { title, description } : { title });
}
export const text = (title: string, description?: string) => col(z.string(), title, description);
export const optText = (title: string, description?: string) =>
  col(z.string().nullable(), title, description);
export const optNumber = (title: string, description?: string) =>
  col(z.number().nullable(), title, description);
export const fiscalYear = (title = "年度") =>
  col(z.number().int(), title, "西暦の年度（4月～翌年3月）。2022 = 令和4年度");
export const wareki = (title = "年度（和暦）") => col(z.string(), title, "和暦の年度: 令和4年度");
export const optFiscalYear = (title = "年度") =>
  col(z.number().int().nullable(), title, "西暦の年度（4月～翌年3月）。2022 = 令和4年度");
export const optWareki = (title = "年度（和暦）") =>
  col(z.string().nullable(), title, "和暦の年度: 令和4年度");
/** The columns every table starts with: who published which plan for which year, in which version. */
export const common = {
  municipalityCode: col(
    z.string().regex(/^\d{6}$/),
    "全国地方公共団体コード",
    "6桁（検査数字付き）。例 012173 = 江別市",
  ),
  municipalityName: text("地方公共団体名"),
  planKey: text("計画キー", "団体の中で計画を識別するキー"),
  planTitle: text("計画名"),
  publishedFiscalYear: fiscalYear("公表対象年度"),
  publishedFiscalYearWareki: wareki("公表対象年度（和暦）"),
  version: col(z.number().int().min(1), "版", "同じ年度を公表し直すたびに1増えます"),
};

export const itemColumns = {
  itemKey: text("項目キー", "計画の中で項目を識別するキー"),
  itemNumber: optText("項目番号", "文書に書かれた番号: (1), ①, Ⅱ"),
  itemTitle: text("項目名"),
};
