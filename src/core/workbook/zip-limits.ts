/**
 * Limits an xlsx file must keep before exceljs sees it. exceljs holds a whole workbook in memory, several
 * hundred bytes per cell: a 16 MB zip of two million small rows took a server past 4.9 GB. So the zip's
 * central directory is read first (entries, declared sizes), every entry is inflated with a cap on its output
 * (a size that lies is caught), and the sheets' XML is counted (sheets, rows, cells, string lengths). Each
 * refusal names the limit. Memory stays under about MAX_UNCOMPRESSED, time is linear in that.
 */
import { inflateRawSync } from "node:zlib";
import { AppError } from "../errors.ts";

export const XLSX_LIMITS = {
  /** entries in the zip (sheets, styles, relations …) */
  entries: 2_000,
  /** all entries inflated together */
  uncompressedBytes: 64 * 1024 * 1024,
  sheets: 50,
  /** rows of one sheet */
  rows: 50_000,
  /** cells of all sheets */
  cells: 1_000_000,
  /** characters of one cell's text: Excel's own limit */
  stringLength: 32_767,
} as const;

export type XlsxLimits = { [K in keyof typeof XLSX_LIMITS]: number };

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function tooLarge(file: string, message: string): AppError {
  return new AppError("too_large", `${file}: ${message}。何も保存していません。`);
}

type Entry = { name: string; method: number; compressed: number; size: number; offset: number };

/** The central directory's entries; a file that is no zip, or a ZIP64 one, is refused. */
function centralDirectory(b: Buffer, file: string, limits: XlsxLimits): Entry[] {
  const min = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--)
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0)
    throw new AppError("invalid_document", `${file}: xlsx（zip）として読めません（壊れています）`);
  const count = b.readUInt16LE(eocd + 10);
  const start = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || start === 0xffffffff)
    throw tooLarge(file, "ZIP64 形式の xlsx は大きすぎるため読みません");
  if (count > limits.entries)
    throw tooLarge(file, `zip の項目が ${limits.entries} を超えています（${count}）`);
  const entries: Entry[] = [];
  let p = start;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50)
      throw new AppError("invalid_document", `${file}: xlsx（zip）の目次が壊れています`);
    const nameLength = b.readUInt16LE(p + 28);
    entries.push({
      method: b.readUInt16LE(p + 10),
      compressed: b.readUInt32LE(p + 20),
      size: b.readUInt32LE(p + 24),
      name: b.toString("utf8", p + 46, p + 46 + nameLength),
      offset: b.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return entries;
}

/** An entry's bytes, inflated with a cap: a declared size that lies cannot make it larger. */
function inflate(b: Buffer, e: Entry, file: string, cap: number, limit: number): Buffer {
  if (e.offset + 30 > b.length || b.readUInt32LE(e.offset) !== 0x04034b50)
    throw new AppError("invalid_document", `${file}: xlsx（zip）の項目 ${e.name} が壊れています`);
  const data = e.offset + 30 + b.readUInt16LE(e.offset + 26) + b.readUInt16LE(e.offset + 28);
  const raw = b.subarray(data, data + e.compressed);
  if (e.method === 0) return raw;
  if (e.method !== 8)
    throw new AppError("invalid_document", `${file}: xlsx の圧縮方式（${e.method}）は読めません`);
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, Math.min(e.size, cap)) + 1 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
      throw tooLarge(
        file,
        e.size < cap
          ? `項目 ${e.name} が目次に書かれた大きさ（${e.size} バイト）を超えて展開されます（展開後の上限 ${mb(limit)}、壊れているか zip 爆弾です）`
          : `展開すると上限 ${mb(limit)} を超えます`,
      );
    throw new AppError("invalid_document", `${file}: xlsx（zip）の項目 ${e.name} を展開できません`);
  }
}

function count(text: Buffer, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The longest text of a cell (<t>…</t>), in characters. */
function longestText(xml: Buffer): number {
  let longest = 0;
  const s = xml.toString("utf8");
  for (let i = s.indexOf("<t"); i >= 0; i = s.indexOf("<t", i + 2)) {
    const c = s.charCodeAt(i + 2);
    if (c !== 0x3e && c !== 0x20 && c !== 0x2f) continue; // <t> or <t xml:space…>, not <tableParts>
    const open = s.indexOf(">", i);
    const close = s.indexOf("</t>", open);
    if (open < 0 || close < 0) break;
    longest = Math.max(longest, close - open - 1);
    i = close;
  }
  return longest;
}

/**
 * Refuses (too_large) an xlsx whose contents break a limit. A zip broken in another way is left to exceljs,
 * whose failure says the file is corrupt, as before.
 */
export function checkXlsxLimits(bytes: Uint8Array, file = "xlsx", limits: XlsxLimits = XLSX_LIMITS): void {
  try {
    check(bytes, file, limits);
  } catch (e) {
    if (e instanceof AppError && e.code === "too_large") throw e;
  }
}

function check(bytes: Uint8Array, file: string, limits: XlsxLimits): void {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(b, file, limits);
  const declared = entries.reduce((n, e) => n + e.size, 0);
  if (declared > limits.uncompressedBytes)
    throw tooLarge(file, `展開すると ${mb(declared)} になります（上限 ${mb(limits.uncompressedBytes)}）`);
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name));
  if (sheets.length > limits.sheets)
    throw tooLarge(file, `シートが ${limits.sheets} を超えています（${sheets.length}）`);
  let left = limits.uncompressedBytes;
  let cells = 0;
  // Every entry is inflated (exceljs reads them all): a declared size that lies is caught here.
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    const isSheet = sheets.includes(e);
    const xml = inflate(b, e, file, left, limits.uncompressedBytes);
    left -= xml.length;
    if (isSheet) {
      const rows = count(xml, "<row");
      if (rows > limits.rows)
        throw tooLarge(file, `シート ${e.name} の行が ${limits.rows} 行を超えています（${rows} 行）`);
      cells += count(xml, "<c ") + count(xml, "<c>");
      if (cells > limits.cells) throw tooLarge(file, `セルが ${limits.cells} を超えています`);
    }
    if (!isSheet && e.name !== "xl/sharedStrings.xml") continue;
    const longest = longestText(xml);
    if (longest > limits.stringLength)
      throw tooLarge(file, `セルの文字列が ${limits.stringLength} 文字を超えています（${longest} 文字）`);
  }
}
