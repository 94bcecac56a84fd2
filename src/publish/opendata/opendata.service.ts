/**
 * Open data of a publication: the tables as CSV (UTF-8 with BOM, or Shift_JIS) and JSON, for downloads,
 * the static export, `gyokaku opendata` and the API. Always from a published snapshot, never live data.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import type { DB } from "../../db/database.ts";
import { warekiFiscalYear } from "../../domain/fiscal-year.ts";
import { getPublicationOfPlan, type Publication } from "../publish.service.ts";
import type { publicationRefSchema, tableResponseSchema } from "./api.schema.ts";
import { type CsvEncoding, encodeCsv } from "./csv.ts";
import { buildTables, columnsOf, TABLE_NAMES, TABLES, type TableName, type Tables } from "./tables.ts";

export type OpenDataFormat = "csv" | "json";

/** Server paths of a publication: its API resource and its public page. */
export function publicationPaths(p: { municipalityCode: string; planKey: string; fiscalYear: number }) {
  const tail = `${p.municipalityCode}/${encodeURIComponent(p.planKey)}/${p.fiscalYear}`;
  return { api: `/api/v1/publications/${tail}`, html: `/public/${tail}/index.html` };
}

export function publicationRef(
  p: Omit<Publication, "snapshot">,
): Omit<z.output<typeof publicationRefSchema>, "links"> {
  return {
    municipalityCode: p.municipalityCode,
    municipalityName: p.municipalityName,
    planKey: p.planKey,
    title: p.title,
    fiscalYear: p.fiscalYear,
    fiscalYearWareki: warekiFiscalYear(p.fiscalYear),
    version: p.version,
    publishedAt: p.publishedAt.toISOString(),
  };
}

export function tableResponse<T extends TableName>(
  p: Publication,
  table: T,
  tables: Tables = buildTables(p),
): z.output<ReturnType<typeof tableResponseSchema<T>>> {
  return {
    table,
    title: TABLES[table].title,
    publication: publicationRef(p),
    columns: columnsOf(table),
    rows: tables[table] as z.output<ReturnType<typeof tableResponseSchema<T>>>["rows"],
  };
}

/** One table as CSV; throws an invalid_document AppError for Shift_JIS when a character does not fit. */
export function tableCsv(
  p: Publication,
  table: TableName,
  encoding: CsvEncoding = "utf8",
  tables: Tables = buildTables(p),
): Buffer {
  const columns = columnsOf(table);
  const rows = (tables[table] as Record<string, unknown>[]).map((r) =>
    columns.map((c) => r[c.name] as string | number | boolean | null),
  );
  return encodeCsv(
    `${table}.csv`,
    columns.map((c) => c.title),
    rows,
    encoding,
  );
}

/** Every table in the formats asked for: [{ name: "values.csv", bytes }]. */
export function openDataFiles(
  p: Publication,
  options: { formats?: readonly OpenDataFormat[]; encoding?: CsvEncoding } = {},
): { name: string; bytes: Buffer }[] {
  const formats = options.formats ?? ["csv", "json"];
  const tables = buildTables(p);
  const files: { name: string; bytes: Buffer }[] = [];
  for (const table of TABLE_NAMES) {
    if (formats.includes("csv"))
      files.push({ name: `${table}.csv`, bytes: tableCsv(p, table, options.encoding, tables) });
    if (formats.includes("json")) {
      const json = `${JSON.stringify(tableResponse(p, table, tables), null, 2)}\n`;
      files.push({ name: `${table}.json`, bytes: Buffer.from(json, "utf8") });
    }
  }
  return files;
}

/** `gyokaku opendata`: writes the tables of a published year into a folder. */
export async function exportOpenData(
  db: DB,
  input: {
    plan: string;
    fiscalYear: number;
    version?: number | undefined;
    format: OpenDataFormat;
    encoding: CsvEncoding;
    out: string;
  },
): Promise<{ publication: Publication; files: string[] }> {
  const publication = await getPublicationOfPlan(db, input.plan, input.fiscalYear, input.version);
  const files = openDataFiles(publication, { formats: [input.format], encoding: input.encoding });
  mkdirSync(input.out, { recursive: true });
  for (const f of files) writeFileSync(join(input.out, f.name), f.bytes);
  return { publication, files: files.map((f) => join(input.out, f.name)) };
}

export { type CsvEncoding, ENCODINGS } from "./csv.ts";
