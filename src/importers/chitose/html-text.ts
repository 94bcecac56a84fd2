/**
 * HTML fragments in the cells of Chitose's text extraction, turned into plain text.
 *
 * The PDF-to-text step writes some cells as HTML (`<p>`, `<ul>` without `<li>` and without `</ul>`,
 * `<table>`, `<div>`, `<small>`), others as plain text with inline bullets (`<実施> ・A ・B`).
 * The result is one line per paragraph, list item or table row:
 * - `<p>`, `<div>`, `<br>` end a line;
 * - a `<ul>` runs to the next block tag; its items become lines starting with ・. Items written with a
 *   marker (・, ■ …) are split at the marker; items written without one (the PDF lost the line breaks)
 *   are split at spaces outside brackets and not between two ASCII letters or digits ("for LGWAN");
 * - a `<table>` row becomes one line, its cells joined by " | ";
 * - inline tags (`<small>`, `<span>` …) are dropped, their text kept;
 * - in plain text, a ・, ■ or 【 that follows a space starts a new line ("・A ・B" → two lines);
 * - anything in angle brackets that is not an HTML tag (`<実施>`, `<DX推進専門部会>`) is text.
 */

const BLOCK_TAGS = new Set([
  "p",
  "div",
  "br",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "section",
  "hr",
]);
const LIST_TAGS = new Set(["ul", "ol"]);
const TABLE_TAGS = new Set([
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "td",
  "th",
  "caption",
  "colgroup",
  "col",
]);
const INLINE_TAGS = new Set([
  "small",
  "span",
  "b",
  "strong",
  "i",
  "em",
  "u",
  "s",
  "sup",
  "sub",
  "font",
  "a",
  "img",
  "big",
  "mark",
]);

const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)(?=[\s/>])[^<>]*>/g;

function isHtmlTag(name: string): boolean {
  const n = name.toLowerCase();
  return BLOCK_TAGS.has(n) || LIST_TAGS.has(n) || TABLE_TAGS.has(n) || INLINE_TAGS.has(n) || n === "li";
}

/** Whether the text holds at least one HTML tag (as opposed to `<実施>` and the like). */
export function hasHtml(text: string): boolean {
  for (const m of text.matchAll(TAG_RE)) if (isHtmlTag(m[2]!)) return true;
  return false;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (all, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? all;
  });
}

/** Collapses runs of ASCII white space (and NBSP) into one space and trims. Full-width spaces are kept. */
export function squash(s: string): string {
  return s.replace(/[ \t\r\n\f\v\u00a0]+/g, " ").trim();
}

const MARKERS = "・■□●○◆◇▪";
const OPENERS = "（(「『【[〔〈《｛{";
const CLOSERS = "）)」』】]〕〉》｝}";

function isAsciiWord(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9]/.test(ch);
}

/** "・ 検索等" → "・検索等". */
function tightenMarker(item: string): string {
  const first = item[0];
  return first !== undefined && MARKERS.includes(first) ? first + item.slice(1).trimStart() : item;
}

/** Splits the content of a `<ul>` into its items (see the file comment). */
export function splitListItems(text: string): string[] {
  const s = squash(text);
  if (s === "") return [];
  const marker = s[0]!;
  if (MARKERS.includes(marker)) {
    return s
      .split(new RegExp(`\\s+(?=${escapeRe(marker)})`))
      .map((x) => tightenMarker(x.trim()))
      .filter((x) => x !== "" && x !== marker);
  }
  const items: string[] = [];
  let depth = 0;
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch) && depth > 0) depth--;
    if (ch === " " && depth === 0) {
      const prev = s[i - 1];
      const next = s[i + 1];
      const keep = (isAsciiWord(prev) && isAsciiWord(next)) || (next !== undefined && "(（".includes(next));
      if (!keep) {
        if (cur !== "") items.push(cur);
        cur = "";
        continue;
      }
    }
    cur += ch;
  }
  if (cur !== "") items.push(cur);
  return items.map((x) => `・${x}`);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Plain text with inline bullets: a ・, ■ or 【 after white space starts a new line. */
export function splitInlineBullets(text: string): string[] {
  const s = squash(text);
  if (s === "") return [];
  return s
    .split(/\s+(?=[・■【])/)
    .map((x) => tightenMarker(x.trim()))
    .filter((x) => x !== "" && x !== "・");
}

type Mode = "text" | "list" | "li";

/** A table row as one line: cells joined by " | ", trailing empty cells dropped, empty rows skipped. */
function pushRow(out: string[], row: string[]): void {
  const cells = [...row];
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  if (cells.length > 0) out.push(cells.join(" | ").trim());
}

/** Converts one cell (HTML fragment or plain text) into plain text lines joined by "\n". */
export function cellToText(cell: string): string {
  return cellToLines(cell).join("\n");
}

export function cellToLines(cell: string): string[] {
  const out: string[] = [];
  let buf = "";
  let mode: Mode = "text";
  let row: string[] | null = null;
  let cellBuf: string | null = null;

  const emit = () => {
    const text = decodeEntities(buf);
    buf = "";
    if (mode === "list") out.push(...splitListItems(text));
    else if (mode === "li") {
      const item = squash(text);
      if (item !== "") out.push(MARKERS.includes(item[0]!) ? tightenMarker(item) : `・${item}`);
    } else out.push(...splitInlineBullets(text));
  };
  /** Ends the open table cell (if any) and adds it to the current row. */
  const closeCell = () => {
    if (cellBuf === null) return;
    if (row === null) row = [];
    row.push(squash(decodeEntities(cellBuf)));
    cellBuf = null;
  };
  const addText = (t: string) => {
    if (cellBuf !== null) cellBuf += t;
    else buf += t;
  };

  let last = 0;
  for (const m of cell.matchAll(TAG_RE)) {
    const name = m[2]!.toLowerCase();
    if (!isHtmlTag(name)) continue;
    addText(cell.slice(last, m.index));
    last = m.index + m[0].length;
    const closing = m[1] === "/";
    if (INLINE_TAGS.has(name)) continue;
    if (name === "td" || name === "th") {
      closeCell();
      if (!closing) cellBuf = "";
      continue;
    }
    if (name === "tr") {
      closeCell();
      if (row !== null) pushRow(out, row);
      row = closing ? null : [];
      continue;
    }
    if (TABLE_TAGS.has(name)) {
      if (name === "table" && !closing) {
        emit();
        mode = "text";
      }
      if (name === "table" && closing) {
        closeCell();
        if (row !== null) pushRow(out, row);
        row = null;
      }
      continue;
    }
    // a block or list tag ends the current line
    emit();
    if (LIST_TAGS.has(name)) mode = closing ? "text" : "list";
    else if (name === "li") mode = closing ? "list" : "li";
    else mode = "text";
  }
  addText(cell.slice(last));
  closeCell();
  if (row !== null) pushRow(out, row);
  emit();
  return out;
}

/** The texts of all table cells (`<td>`, `<th>`) in a fragment, squashed: used to recognise table rows
 * that the extraction wrote a second time outside the cell. */
export function tableCellTexts(cell: string): Set<string> {
  const set = new Set<string>();
  for (const m of cell.matchAll(/<t[dh]\b[^<>]*>([\s\S]*?)<\/t[dh]>/gi)) {
    const t = squash(decodeEntities(m[1]!.replace(TAG_RE, " ")));
    if (t !== "") set.add(t);
  }
  return set;
}

/** Tags whose opening and closing counts differ (p, div, table; `<ul>` is never closed in these files). */
export function unbalancedTags(cell: string): string[] {
  const bad: string[] = [];
  for (const tag of ["p", "div", "table", "tr", "td"]) {
    const open = cell.match(new RegExp(`<${tag}(?=[\\s>])[^<>]*>`, "gi"))?.length ?? 0;
    const close = cell.match(new RegExp(`</${tag}\\s*>`, "gi"))?.length ?? 0;
    if (open !== close) bad.push(tag);
  }
  return bad;
}
