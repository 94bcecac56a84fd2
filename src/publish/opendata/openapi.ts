/**
 * The OpenAPI 3.1 document of /api/v1/, generated from the zod schemas of the responses (JSON Schema
 * 2020-12, which OpenAPI 3.1 uses as is). Committed as src/publish/opendata/openapi.json; a test keeps the two equal.
 * Regenerate with: npx tsx src/publish/opendata/openapi.ts --write
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import {
  errorSchema,
  LIST_PAGE_SIZE,
  publicationDetailSchema,
  publicationListSchema,
  publicationRefSchema,
  tableResponseSchema,
} from "./api.schema.ts";
import { TABLE_NAMES, TABLES, type TableName } from "./tables.ts";

export const openApiPath = join(dirname(fileURLToPath(import.meta.url)), "openapi.json");

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const rowSchemaName = (t: TableName) => `${pascal(t)}Row`;
export const tableSchemaName = (t: TableName) => `${pascal(t)}Table`;

type JsonObject = Record<string, unknown>;

function components(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  registry.add(publicationRefSchema, { id: "Publication" });
  registry.add(publicationListSchema, { id: "PublicationList" });
  registry.add(publicationDetailSchema, { id: "PublicationDetail" });
  registry.add(errorSchema, { id: "Error" });
  for (const t of TABLE_NAMES) {
    registry.add(TABLES[t].schema, { id: rowSchemaName(t) });
    registry.add(tableResponseSchema(t), { id: tableSchemaName(t) });
  }
  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonObject> };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const { $schema: _s, $id: _i, ...rest } = s;
      return [id, rest];
    }),
  );
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({
  description,
  content: { "application/json": { schema: ref(id) } },
});
const notFound = json("Error", "公表されていない、またはない");
const badRequest = json("Error", "指定が正しくない");

const publicationParams = [
  {
    name: "municipalityCode",
    in: "path",
    required: true,
    description: "全国地方公共団体コード（6桁）",
    schema: { type: "string", pattern: "^\\d{6}$" },
    example: "012173",
  },
  {
    name: "planKey",
    in: "path",
    required: true,
    description: "計画キー（URL エンコード）",
    schema: { type: "string" },
  },
  {
    name: "fiscalYear",
    in: "path",
    required: true,
    description: "西暦の年度（2022 = 令和4年度）",
    schema: { type: "integer", minimum: 1900, maximum: 2200 },
    example: 2022,
  },
  {
    name: "version",
    in: "query",
    required: false,
    description: "版の番号。省くと最新の版",
    schema: { type: "integer", minimum: 1 },
  },
];

export function openApiDocument(): JsonObject {
  const base = "/api/v1/publications/{municipalityCode}/{planKey}/{fiscalYear}";
  const paths: JsonObject = {
    "/api/v1/publications": {
      get: {
        operationId: "listPublications",
        summary: "公表されている計画と年度の一覧（それぞれ最新の版）。ページ単位",
        description:
          `1ページ最大 ${LIST_PAGE_SIZE} 件（limit で減らせます）。続きは links.next（Link ヘッダーの rel="next" も同じ）を` +
          "そのまま要求してください。municipality で1団体に絞れます。並びは団体コード、計画キーの順、同じ計画は新しい年度から。",
        parameters: [
          {
            name: "municipality",
            in: "query",
            required: false,
            description: "この団体の公表だけ（全国地方公共団体コード、6桁）",
            schema: { type: "string", pattern: "^\\d{6}$" },
            example: "012173",
          },
          {
            name: "limit",
            in: "query",
            required: false,
            description: `1ページの最大件数（既定 ${LIST_PAGE_SIZE}）`,
            schema: { type: "integer", minimum: 1, maximum: LIST_PAGE_SIZE },
          },
          {
            name: "after",
            in: "query",
            required: false,
            description: "前のページの links.next にある値（そのページの最後の公表の位置）",
            schema: { type: "string" },
          },
        ],
        responses: { "200": json("PublicationList", "一覧の1ページ"), "400": badRequest },
      },
    },
    [base]: {
      get: {
        operationId: "getPublication",
        summary: "公表された年度の概要：期間、階層、達成度と着手状況の件数、版、表の一覧",
        parameters: publicationParams,
        responses: { "200": json("PublicationDetail", "公表の概要"), "400": badRequest, "404": notFound },
      },
    },
  };
  for (const t of TABLE_NAMES) {
    paths[`${base}/${t}`] = {
      get: {
        operationId: `get${pascal(t)}`,
        summary: `${TABLES[t].title}（縦持ち。CSV と同じ列）`,
        parameters: publicationParams,
        responses: { "200": json(tableSchemaName(t), TABLES[t].title), "400": badRequest, "404": notFound },
      },
    };
  }
  paths["/api/v1/openapi.json"] = {
    get: {
      operationId: "getOpenApi",
      summary: "この API の説明（OpenAPI 3.1）",
      responses: { "200": { description: "OpenAPI document", content: { "application/json": {} } } },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "gyokaku 公表データ API",
      version: "1.1.0",
      description:
        "行政改革計画の公表データ（公表された版のみ）を読み取る API。年度は西暦（和暦を併記）、" +
        "数値と単位は別の項目、文書の記載はそのまま。CSV は各公表ページの opendata/ から（UTF-8 BOM付き、" +
        "?encoding=sjis で Shift_JIS）。一覧・公表の概要・表の応答には ETag が付き、If-None-Match で 304（変わっていない）、" +
        "Accept-Encoding に応じて gzip または Brotli（br）で圧縮して返します（表は数 MB になるため圧縮を勧めます）。一覧はページ単位です（links.next）。",
      license: { name: "MIT", identifier: "MIT" },
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths,
    components: { schemas: components() },
  };
}

/** The committed text: stable key order, two-space indent, a final newline. */
export function openApiText(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes("--write")) {
  writeFileSync(openApiPath, openApiText());
  console.log(`wrote ${openApiPath}`);
}
