/**
 * The links between the pages of the 個票 on the web (sheet-pages.ts): where this page is among the sheets, the
 * previous and next pages, the page numbers (a window around this one for a long plan), every sheet on one page,
 * and a list of every item that leads to its page. Not printed: the PDF holds every sheet.
 */

import type { SheetsPage } from "./sheet-pages.ts";
import { SHEETS_PER_PAGE } from "./sheet-pages.ts";
import type { Sheet } from "./sheets.model.ts";
import type { SheetsPart } from "./views/report.view.tsx";

export type SheetsPagerProps = {
  /** the address of the 個票 page with its year: 「/plans/…/reports/sheets?fy=2025」 */
  base: string;
  page: SheetsPage;
  count: number;
  part: SheetsPart;
  sheets: readonly Pick<Sheet, "key" | "title" | "level">[];
  /** with the list of every item (the pager above the sheets; the one below has only the links) */
  list?: boolean | undefined;
};

const href = (base: string, page: SheetsPage, anchor?: string) =>
  `${base}&page=${page}${anchor ? `#${encodeURIComponent(anchor)}` : ""}`;

/** The page numbers to show: all of a short run; else the first, the last and two either side of this one. */
export function pageWindow(page: number, count: number): (number | "…")[] {
  if (count <= 9) return Array.from({ length: count }, (_, i) => i + 1);
  const out: (number | "…")[] = [];
  for (let p = 1; p <= count; p++) {
    if (p === 1 || p === count || Math.abs(p - page) <= 2) out.push(p);
    else if (out.at(-1) !== "…") out.push("…");
  }
  return out;
}

export function SheetsPager({ base, page, count, part, sheets, list = true }: SheetsPagerProps) {
  const total = sheets.length;
  const at = page === "all" ? null : page;
  return (
    <nav class="sheets-pager" aria-label="個票のページ">
      <p class="sheets-pager-where">
        {at === null
          ? `全${total}件をこのページに表示しています。`
          : `全${total}件のうち ${total === 0 ? 0 : part.from + 1}〜${part.to}件目（${at} / ${count} ページ、1ページ ${SHEETS_PER_PAGE}件）`}
      </p>
      {count > 1 && (
        <ul>
          {at !== null && at > 1 && (
            <li>
              <a href={href(base, at - 1)} rel="prev">
                ← 前へ
              </a>
            </li>
          )}
          {pageWindow(at ?? 0, count).map((p) =>
            p === "…" ? (
              <li aria-hidden="true">…</li>
            ) : (
              <li>
                {p === at ? (
                  <strong aria-current="page">{p}</strong>
                ) : (
                  <a href={href(base, p)} aria-label={`${p}ページ`}>
                    {p}
                  </a>
                )}
              </li>
            ),
          )}
          {at !== null && at < count && (
            <li>
              <a href={href(base, at + 1)} rel="next">
                次へ →
              </a>
            </li>
          )}
          <li>
            {at === null ? (
              <a href={href(base, 1)}>ページに分けて表示</a>
            ) : (
              <a href={href(base, "all")}>すべて表示（時間がかかります）</a>
            )}
          </li>
        </ul>
      )}
      {count > 1 && list && (
        <details>
          <summary>項目の一覧から選ぶ</summary>
          <ol>
            {sheets.map((s, i) => (
              <li>
                <a
                  href={href(
                    base,
                    at === null ? "all" : Math.floor(i / SHEETS_PER_PAGE) + 1,
                    `sheet-${s.key}`,
                  )}
                >
                  {s.level && `${s.level} `}
                  {s.title}
                </a>
              </li>
            ))}
          </ol>
        </details>
      )}
    </nav>
  );
}
