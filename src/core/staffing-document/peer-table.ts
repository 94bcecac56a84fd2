/**
 * The peer-table document: one national 類似団体別職員数 table (the peers' average staff per 10,000 people by
 * 部門, 単純値 and 修正値, and the averages of the subtotals) for one 類型 and survey year. Imported once per
 * instance, it serves every municipality of that 類型 (see docs/architecture.md, "shared reference data").
 */
import { z } from "zod";
import {
  findSector,
  findSectorTotal,
  groupProblem,
  type PeerTable,
  parseGroupLabel,
  peerScheme,
  sectorScheme,
} from "../../domain/staffing/index.ts";
import { TEXT_LIMITS } from "../../domain/text.ts";
import { jsonPath } from "../plan-document/document.ts";
import { sourceSchema, text } from "../plan-document/schema.ts";
import { invalidStaffingDocument, type Locate } from "./document.ts";
import { describeSource, type StaffingProblem } from "./problems.ts";

export const PEER_TABLE_FORMAT = "gyokaku.peer-table/1";

const per10k = z.number().nonnegative("負の数は使えません");

export const peerTableSchema = z
  .object({
    format: z.literal(PEER_TABLE_FORMAT),
    scheme: text(TEXT_LIMITS.short)
      .min(1)
      .describe("ruiji-shokuin-city (一般市 16類型) or ruiji-shokuin-town (町村 15類型)"),
    group: text(TEXT_LIMITS.short).min(1).describe("the 類型: II-3 (Ⅱ－３ as printed is read too)"),
    fiscalYear: z.number().int().min(1900).max(2200).describe("the survey year (令和6年4月1日現在 → 2024)"),
    baseDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日付は YYYY-MM-DD で書きます"),
    members: z.number().int().positive().optional().describe("how many municipalities the 類型 has"),
    title: text(TEXT_LIMITS.name).optional(),
    sectorScheme: text(TEXT_LIMITS.short).default("teiin-kanri-chosa"),
    rows: z
      .array(
        z
          .object({
            sector: text(TEXT_LIMITS.name).min(1),
            simplePer10k: per10k.optional(),
            correctedPer10k: per10k.optional(),
            source: sourceSchema.optional(),
          })
          .strict(),
      )
      .min(1, "部門の行が一つもありません"),
    averages: z
      .array(
        z
          .object({
            total: text(TEXT_LIMITS.name).min(1).describe("一般行政計, 普通会計計"),
            simplePer10k: per10k.optional(),
            correctedPer10k: per10k.optional(),
            source: sourceSchema.optional(),
          })
          .strict(),
      )
      .default([]),
    source: sourceSchema.optional(),
  })
  .strict();

export type PeerTableDocument = z.output<typeof peerTableSchema>;

const LABELS: Record<string, string> = {
  scheme: "区分方式",
  group: "類型",
  fiscalYear: "年度",
  sector: "部門",
  total: "小計",
  title: "資料名",
  sectorScheme: "部門の体系",
  simplePer10k: "単純値",
  correctedPer10k: "修正値",
};

/**
 * Validates a peer table: a known scheme and 類型 (an unknown 類型 is refused), known 部門 and subtotals, each
 * once. Every problem names its JSON path and, from a workbook, its sheet, row and column.
 */
export function parsePeerTable(input: unknown, file?: string, locate?: Locate): PeerTableDocument {
  const parsed = peerTableSchema.safeParse(input);
  if (!parsed.success)
    throw invalidStaffingDocument(
      parsed.error.issues.map((issue) => {
        const path = jsonPath(issue.path);
        const label = LABELS[String(issue.path.at(-1) ?? "")];
        return { path, message: `${label ? `${label}: ` : ""}${issue.message}`, where: locate?.(path) };
      }),
      file,
    );
  const t = parsed.data;
  const problems: StaffingProblem[] = [];
  const add = (path: string, message: string, source?: PeerTableDocument["source"]) =>
    problems.push({ path, message, where: locate?.(path) ?? describeSource(source) });
  const ps = peerScheme(t.scheme);
  if (!ps) add("$.scheme", `類似団体の区分方式「${t.scheme}」を知りません`, t.source);
  const group = parseGroupLabel(t.group);
  if (ps) {
    const problem = groupProblem(ps, group ?? t.group);
    if (problem) add("$.group", problem, t.source);
  }
  const scheme = sectorScheme(t.sectorScheme);
  if (!scheme) add("$.sectorScheme", `部門の体系「${t.sectorScheme}」を知りません`, t.source);
  else {
    const seen = new Set<string>();
    t.rows.forEach((r, i) => {
      const s = findSector(scheme, r.sector);
      if (!s) add(`$.rows[${i}].sector`, `部門「${r.sector}」は${scheme.name}にありません`, r.source);
      else if (seen.has(s.name)) add(`$.rows[${i}].sector`, `部門「${s.name}」が二度あります`, r.source);
      else seen.add(s.name);
    });
    t.averages.forEach((a, i) => {
      if (!findSectorTotal(scheme, a.total)?.compared)
        add(`$.averages[${i}].total`, `「${a.total}」は類似団体と比べる小計ではありません`, a.source);
    });
  }
  if (problems.length > 0) throw invalidStaffingDocument(problems, file);
  return {
    ...t,
    group: group!,
    rows: t.rows.map((r) => ({ ...r, sector: findSector(scheme!, r.sector)!.name })),
    averages: t.averages.map((a) => ({ ...a, total: findSectorTotal(scheme!, a.total)!.name })),
  };
}

/** The table as the domain's diagnosis reads it. */
export function peerTableOf(d: PeerTableDocument): PeerTable {
  return { scheme: d.scheme, group: d.group, fiscalYear: d.fiscalYear, rows: d.rows, averages: d.averages };
}
