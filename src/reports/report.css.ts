/**
 * The style of the reports, on screen and on paper. Pages put it inline (the app's CSP allows inline styles
 * and nothing from outside); the PDF inlines it with the app's stylesheet so that it is self-contained.
 * Print: A4 landscape, table headers repeated on every page, no row cut across pages, one sheet per page.
 */
export const REPORT_CSS = `
.report { --line: #8a8a94; }
.report table { font-size: 0.85rem; margin: 0.25rem 0 0.75rem; }
.report th, .report td { border: 1px solid var(--line); padding: 0.2em 0.3em; }
.report thead th { background: #ececf1; text-align: center; vertical-align: middle; }
.report tbody th { text-align: left; font-weight: 400; background: #f7f7fa; }
.report .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.report .center { text-align: center; }
.report .muted, .report .empty { color: #4d4d55; }
.report .small { font-size: 0.9em; line-height: 1.45; }
.report .pre { white-space: pre-line; }
.report .nowrap { white-space: nowrap; }
.report .fy { display: block; font-weight: 400; font-size: 0.85em; color: #4d4d55; }
.report h1 { font-size: 1.35rem; margin: 0.75rem 0 0.25rem; }
.report h2 { font-size: 1.1rem; margin: 1rem 0 0.4rem; }
.report h3 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
.report .report-meta { color: #4d4d55; font-size: 0.85rem; margin: 0 0 0.5rem; }
.status { white-space: nowrap; font-weight: 700; }
.status .sym { display: inline-block; min-width: 1.2em; text-align: center; font-size: 1.05em; }
.status-computed { display: block; font-weight: 400; font-size: 0.85em; color: #4d4d55; white-space: nowrap; }
.judged { display: block; font-size: 0.85em; font-weight: 400; border: 1px solid #4d4d55; border-radius: 3px; padding: 0 0.2rem; margin-top: 0.1rem; width: max-content; }
.planned { display: block; font-size: 0.8em; color: #4a4a4a; white-space: nowrap; }
.flag { background: #fff4d6; color: #7a4a00; border-radius: 3px; padding: 0 0.2rem; font-size: 0.85em; }
.legend { font-size: 0.8rem; color: #1a1a1c; margin: 0.25rem 0 0.5rem; }
.legend span { margin-right: 0.9rem; white-space: nowrap; }
.summary-table { table-layout: fixed; }
.summary-table td, .summary-table th { overflow-wrap: break-word; }
.summary-table .num { white-space: normal; }
.summary-table .status, .summary-table .status-computed { white-space: normal; }
.summary-table .judged { width: auto; }
.table-wide { overflow-x: auto; }
@media screen { .summary-table { min-width: 1360px; } .roadmap-table { min-width: 1100px; } }
.summary-table .level { font-size: 0.9em; }
.summary-table .level.cont { border-top-style: hidden; }
.summary-table .level.open { border-bottom-style: hidden; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.summary-table .rule { font-size: 0.85em; line-height: 1.4; }
.summary-table tr.cross td { background: #fafafa; }
.tag { display: inline-block; border: 1px solid #4d4d55; border-radius: 3px; padding: 0 0.3em; font-size: 0.85em; margin-right: 0.2rem; white-space: nowrap; color: #1a1a1c; }
.sheet { margin: 0 0 1.5rem; padding-top: 0.25rem; border-top: 3px solid #1a1a1c; }
.sheet-context { font-size: 0.9em; margin: 0.25rem 0; }
.sheet-context span + span::before { content: "›"; margin: 0 0.35rem; color: #4d4d55; }
.sheet-title { display: flex; justify-content: space-between; gap: 1rem; align-items: baseline; }
.sheet .kv th { width: 11em; }
.indicator-block { break-inside: avoid; margin: 0.5rem 0 0.75rem; }
.indicator-body { display: flex; gap: 0.75rem; align-items: flex-start; }
.indicator-body > .values { flex: 1 1 auto; min-width: 0; }
.indicator-body > figure { flex: 0 0 auto; margin: 0; width: 380px; }
.indicator-body > figure svg { width: 100%; height: auto; display: block; }
.result-line { font-size: 0.9em; margin: 0.15rem 0; }
.tally-table td.num { min-width: 2.5em; }
.tally-table .change { color: #1a1a1c; font-size: 0.9em; }
.tally-table tr.total th, .tally-table tr.total td { font-weight: 700; border-top: 2px solid #1a1a1c; }
.roadmap-table td { font-size: 0.9em; line-height: 1.4; min-width: 8em; }
.roadmap-table tbody th { min-width: 11em; }
.roadmap-table .item-title { display: block; font-weight: 700; }
.roadmap-table td .entry + .entry { margin-top: 0.3rem; border-top: 1px dotted #8a8a94; padding-top: 0.2rem; }
.report-toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: center; background: #f2f2f5; padding: 0.5rem 0.75rem; border-radius: 4px; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
.report-toolbar form { display: flex; gap: 0.4rem; align-items: center; margin: 0; }
.report-toolbar select, .report-toolbar button { font: inherit; padding: 0.15rem 0.4rem; }
.report-row-action { font-size: 0.85em; white-space: nowrap; }
@media print {
  @page { size: A4 landscape; margin: 10mm 10mm 14mm; }
  body { font-size: 9pt; }
  .report table { font-size: 8pt; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
  tr, .indicator-block, figure { break-inside: avoid; }
  h1, h2, h3, .sheet-title { break-after: avoid; }
  .sheet { break-before: page; border-top: 0; margin: 0; }
  .sheet:first-of-type { break-before: auto; }
  .no-print, .report-toolbar, .report-row-action { display: none !important; }
  .report th, .report td { border-color: #555; }
}
`;

/**
 * Only on the app's report pages: wide tables get the screen's width, and printing from the browser puts page
 * numbers in the page margin (the PDF prints its own footer instead).
 */
export const PAGE_CSS = `
@media screen { main.container { max-width: 1680px; } }
@media print {
  @page { @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; } }
}
`;
