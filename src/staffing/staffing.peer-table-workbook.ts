/**
 * The 類似団体別職員数 table as a workbook (one sheet, one row per 部門 or 小計), written and read through the
 * workbook engine like the staffing template: what is written reads back the same, and every problem (an
 * unknown 類型 included) names the sheet, the row and the column.
 */
import {
  PEER_TABLE_FORMAT,
  type PeerTableDocument,
  parsePeerTable,
} from "../core/staffing-document/index.ts";
import { type ColumnDef, loadWorkbook, type SheetDef, writeWorkbook } from "../core/workbook/index.ts";
import { findSectorTotal, NATIONAL_SECTOR_SCHEME } from "../domain/staffing/index.ts";
import { Reader, refuse } from "./staffing.template-reader.ts";
import { PEER_KIND_CHOICES } from "./staffing.template-sheets.ts";

const c = (
  header: string,
  id: string,
  type: ColumnDef["type"],
  help: string,
  extra: Partial<ColumnDef> = {},
) => ({ header, id, type, width: 12, help, ...extra }) satisfies ColumnDef;

export const PEER_TABLE_SHEET: SheetDef = {
  name: "類似団体別職員数",
  about:
    "全国の類似団体別職員数の状況の一つの類型・年度の表。部門ごとに一行（人口1万人当たり職員数の単純値・修正値）、一般行政計・普通会計計の平均も一行ずつ。区分方式・類型・年度・基準日はどの行も同じにします。",
  columns: [
    c("区分方式", "scheme", "choice", "一般市・町村", { required: true, choices: PEER_KIND_CHOICES }),
    c("類型", "group", "text", "II-3 や Ⅱ－３", { required: true }),
    c("年度", "fiscalYear", "year", "調査の年度（令和6年4月1日現在 → 2024）", { required: true }),
    c("基準日", "baseDate", "date", "調査の基準日", { required: true }),
    c("団体数", "members", "count", "類型の団体数"),
    c("資料名", "title", "text", "資料の名称（類似団体別職員数の状況 令和6年4月1日現在）", { width: 24 }),
    c("部門・小計", "sector", "text", "定員管理調査の部門、または一般行政計・普通会計計", {
      required: true,
      width: 16,
    }),
    c("単純値", "simplePer10k", "decimal", "人口1万人当たり職員数（全団体の平均）"),
    c("修正値", "correctedPer10k", "decimal", "人口1万人当たり職員数（その部門に職員を置く団体の平均）"),
  ],
};

export async function writePeerTableWorkbook(t: PeerTableDocument): Promise<Buffer> {
  const head = {
    scheme: t.scheme,
    group: t.group,
    fiscalYear: t.fiscalYear,
    baseDate: t.baseDate,
    members: t.members,
    title: t.title,
  };
  return writeWorkbook(
    [
      {
        def: PEER_TABLE_SHEET,
        rows: [
          ...t.rows.map((r) => ({
            ...head,
            sector: r.sector,
            simplePer10k: r.simplePer10k,
            correctedPer10k: r.correctedPer10k,
          })),
          ...t.averages.map((a) => ({
            ...head,
            sector: a.total,
            simplePer10k: a.simplePer10k,
            correctedPer10k: a.correctedPer10k,
          })),
        ],
      },
    ],
    { title: t.title ?? `類似団体別職員数 ${t.group} ${t.fiscalYear}`, subject: PEER_TABLE_FORMAT },
  );
}

/** Whether a workbook is a peer table (its one sheet), not the staffing template. */
export async function isPeerTableWorkbook(bytes: Uint8Array): Promise<boolean> {
  const loaded = await loadWorkbook(bytes);
  return "workbook" in loaded && loaded.workbook.getWorksheet(PEER_TABLE_SHEET.name) !== undefined;
}

/** Reads and validates a peer-table workbook; every problem names its cell; nothing half-read. */
export async function readPeerTableWorkbook(file: string, bytes: Uint8Array): Promise<PeerTableDocument> {
  const loaded = await loadWorkbook(bytes);
  if (!("workbook" in loaded)) return parsePeerTable({}, file);
  const r = new Reader(loaded.workbook, file);
  const rows = r.rows(PEER_TABLE_SHEET);
  if (r.problems.errors.length > 0) refuse(r.problems);
  const first = rows[0];
  const head = ["scheme", "group", "fiscalYear", "baseDate", "members", "title"] as const;
  for (const { row, values } of rows.slice(1))
    for (const k of head)
      if (values[k] !== first?.values[k])
        row.error(
          k,
          "peer-table.mixed",
          `${PEER_TABLE_SHEET.name}の行ごとに${k === "group" ? "類型" : k === "scheme" ? "区分方式" : k === "fiscalYear" ? "年度" : k === "baseDate" ? "基準日" : k === "members" ? "団体数" : "資料名"}が違います（一つの表は一つの類型・年度です）`,
        );
  if (r.problems.errors.length > 0) refuse(r.problems);
  const input: Record<string, unknown> = { format: PEER_TABLE_FORMAT, rows: [], averages: [] };
  if (first) for (const k of head) if (first.values[k] !== undefined) input[k] = first.values[k];
  if (first) r.at("$", first.row);
  const isTotal = (s: unknown) =>
    typeof s === "string" && findSectorTotal(NATIONAL_SECTOR_SCHEME, s) !== null;
  for (const { row, values } of rows) {
    const list = (isTotal(values.sector) ? input.averages : input.rows) as unknown[];
    const key = isTotal(values.sector) ? "total" : "sector";
    r.at(`$.${isTotal(values.sector) ? "averages" : "rows"}[${list.length}]`, row);
    list.push({
      [key]: values.sector,
      ...(values.simplePer10k !== undefined ? { simplePer10k: values.simplePer10k } : {}),
      ...(values.correctedPer10k !== undefined ? { correctedPer10k: values.correctedPer10k } : {}),
    });
  }
  // $.group / $.scheme … are cells of the first row.
  const locate = (path: string) => {
    const m = /^\$\.(scheme|group|fiscalYear|baseDate|members)$/.exec(path);
    if (m && first) {
      const at = first.row.place(m[1]);
      return `${file} シート「${at.sheet}」 行 ${at.row} 列 ${at.column}（${at.header}）`;
    }
    return r.locate(path);
  };
  return parsePeerTable(input, file, locate);
}
