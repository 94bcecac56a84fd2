/**
 * The tables of the proposal as extracted from its PDF: tab-separated rows, a blank cell meaning "same as
 * above" in the first column, and list cells written as HTML (`<ul><li>✓ …</li></ul>`).
 */

export type Row = { line: number; cells: string[] };
export type Table = {
  headerLine: number;
  header: string[];
  rows: Row[] /** the table runs to the end of the file */;
  open: boolean;
};

export function cells(line: string): string[] {
  return line.split("\t").map((c) => c.trim());
}

/** The rows after the header at index `at` (0-based), up to the first blank line. */
export function tableAt(lines: string[], at: number): Table {
  const rows: Row[] = [];
  let i = at + 1;
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === "") break;
    rows.push({ line: i + 1, cells: cells(raw) });
  }
  return { headerLine: at + 1, header: cells(lines[at]!), rows, open: i >= lines.length };
}

/** Index of the first line at or after `from` whose cells include all the given ones, or -1. */
export function findHeader(lines: string[], want: string[], from = 0): number {
  for (let i = from; i < lines.length; i++) {
    const cs = cells(lines[i]!);
    if (want.every((w) => cs.includes(w))) return i;
  }
  return -1;
}

/** `<ul><li>✓ 窓口を<b>導入</b>する</li></ul>` → ["窓口を導入する"]; plain text → [text]. */
export function listLines(cell: string): string[] {
  return cell
    .replace(/<(?:li|p|br)\b[^>]*>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .split("\n")
    .map((l) =>
      l
        .replace(/\s+/g, " ")
        .trim()
        .replace(/^[✓・]\s*/, ""),
    )
    .filter((l) => l !== "");
}

/** Markdown emphasis as the extraction wrote it: `**…**`. */
export function plain(text: string): string {
  return text.replace(/\*\*/g, "").trim();
}
