/** The shapes of the read-only API's responses (zod): the source of the OpenAPI document and its tests. */
import { z } from "zod";
import { EVALUATION_STATUSES, IMPLEMENTATION_STATUSES } from "../../domain/evaluation/index.ts";
import { effectTargetJsonSchema } from "./fiscal-effects.table.ts";
import { TABLES, type TableName } from "./tables.ts";

const fiscalYear = z.number().int().describe("西暦の年度（4月～翌年3月）。2022 = 令和4年度");

export const publicationRefSchema = z.object({
  municipalityCode: z
    .string()
    .regex(/^\d{6}$/)
    .describe("全国地方公共団体コード"),
  municipalityName: z.string(),
  planKey: z.string().describe("団体の中で計画を識別するキー"),
  title: z.string().describe("公表時の計画名"),
  fiscalYear,
  fiscalYearWareki: z.string().describe("和暦の年度: 令和4年度"),
  version: z.number().int().min(1).describe("同じ年度を公表し直すたびに1増えます"),
  publishedAt: z.iso.datetime().describe("公表日時（UTC）"),
  links: z
    .object({
      self: z.string().describe("この公表のAPI"),
      html: z.string().describe("市民向けページ"),
    })
    .describe("このサーバー上のパス"),
});

/** The most publications one page of the list holds (and how many it holds without `limit`). */
export const LIST_PAGE_SIZE = 100;

export const publicationListSchema = z.object({
  publications: z
    .array(publicationRefSchema)
    .describe(
      "公表されている計画と年度（それぞれ最新の版）。団体コード、計画キーの順、同じ計画は新しい年度から。1ページ分だけ",
    ),
  limit: z.number().int().min(1).max(LIST_PAGE_SIZE).describe("1ページの最大件数"),
  links: z
    .object({
      next: z
        .string()
        .nullable()
        .describe("次のページのパス（同じ条件で after を付けたもの）。最後のページでは null"),
    })
    .describe("続きの取り方"),
});

const tallySchema = <S extends readonly [string, ...string[]]>(statuses: S) =>
  z.object({
    counts: z.object(
      Object.fromEntries(statuses.map((s) => [s, z.number().int().min(0)])) as {
        [K in S[number]]: z.ZodNumber;
      },
    ),
    total: z.number().int().min(0),
  });

export const evaluationTallySchema = tallySchema(EVALUATION_STATUSES).describe(
  "達成度: 公表対象年度の評価の件数（指標の系列ごと、再掲は数えない）",
);
export const implementationTallySchema = tallySchema(IMPLEMENTATION_STATUSES).describe(
  "着手状況: 段階の記録がある項目の件数",
);

export const tableLinkSchema = z.object({
  name: z.string(),
  title: z.string(),
  json: z.string().describe("このAPIのパス"),
  csv: z.string().describe("CSV（UTF-8 BOM付き。?encoding=sjis で Shift_JIS）"),
});

export const publicationDetailSchema = publicationRefSchema.extend({
  periodStart: fiscalYear.describe("計画期間の最初の年度"),
  periodEnd: fiscalYear.describe("計画期間の最後の年度"),
  levels: z.array(z.string()).describe("階層の名前（上から）"),
  basis: z
    .enum(["all_data", "approved_round"])
    .describe("all_data: その年度のすべてのデータ / approved_round: 照会で承認された項目のみ"),
  tally: evaluationTallySchema,
  implementationTally: implementationTallySchema,
  byTopLevel: z
    .array(
      z.object({
        itemKey: z.string(),
        itemNumber: z.string().nullable(),
        itemTitle: z.string(),
        tally: evaluationTallySchema,
      }),
    )
    .describe("最上位の階層ごとの達成度"),
  fiscalEffectTarget: effectTargetJsonSchema,
  versions: z
    .array(z.object({ version: z.number().int().min(1), publishedAt: z.iso.datetime() }))
    .describe("この年度の公表の版（新しい順）"),
  tables: z.array(tableLinkSchema),
});

export const columnSchema = z.object({
  name: z.string().describe("JSON の項目名"),
  title: z.string().describe("CSV の見出し"),
  description: z.string().optional(),
});

/** The response of one table: the publication it comes from, the columns, the rows. */
export function tableResponseSchema<T extends TableName>(table: T) {
  return z.object({
    table: z.literal(table),
    title: z.string(),
    publication: publicationRefSchema.omit({ links: true }),
    columns: z.array(columnSchema),
    rows: z.array(TABLES[table].schema),
  });
}

export const errorSchema = z.object({
  error: z.object({
    code: z.enum(["not_found", "bad_request", "unrepresentable_character"]),
    message: z.string(),
  }),
});
