/** The sheets (個票) as HTML: one section per item, with its indicators, charts, progress and 千歳 item page. */
import { raw } from "hono/html";
import { indicatorChart } from "../../core/charts/indicator-chart.ts";
import { warekiFiscalYear } from "../../domain/fiscal-year.ts";
import type { Sheet, SheetIndicator, SheetsModel } from "../sheets.model.ts";
import { Pre, ReportTitle, StatusLegend, StatusMark, ValueTd, type ViewOptions, YearTh } from "./common.tsx";

export function SheetsView({
  model,
  view,
  part,
}: {
  model: SheetsModel;
  view: ViewOptions;
  /** Only these sheets (a part of the print document, see printHtmlParts); the title with the first. */
  part?: { from: number; to: number } | undefined;
}) {
  // the print parts are one document (title and legend once); every page on the web has them
  const first = !part || part.from === 0 || view.mode === "web";
  return (
    <>
      {first && <ReportTitle head={model} note={`${model.sheets.length}件`} />}
      {first && <StatusLegend head={model} />}
      {(part ? model.sheets.slice(part.from, part.to) : model.sheets).map((s) => (
        <SheetSection sheet={s} model={model} view={view} />
      ))}
    </>
  );
}

function SheetSection({ sheet, model, view }: { sheet: Sheet; model: SheetsModel; view: ViewOptions }) {
  const fy = model.fiscalYear;
  // Texts that describe the item (現状と課題, 取組効果) follow 取組内容; 備考 closes the sheet, as 千歳 prints it.
  const about = sheet.texts.filter(([h]) => h !== "備考");
  const remarks = sheet.texts.filter(([h]) => h === "備考");
  return (
    <section class="sheet" id={`sheet-${sheet.key}`} aria-labelledby={`sheet-title-${sheet.key}`}>
      {sheet.headings.length > 0 && (
        <p class="sheet-context">
          {sheet.headings.map((h) => (
            <span>
              {h.level && <span class="tag">{h.level}</span>}
              {h.text}
            </span>
          ))}
        </p>
      )}
      <div class="sheet-title">
        <h2 id={`sheet-title-${sheet.key}`}>
          {sheet.level && <span class="tag">{sheet.level}</span>}
          {sheet.title}
        </h2>
        <span class="small">
          着手状況：
          <span class="status">
            <span class="sym" aria-hidden="true">
              {sheet.implementation.symbol}
            </span>
            {sheet.implementation.label}
          </span>
        </span>
      </div>
      <table class="kv">
        <tbody>
          {sheet.crossListingOf && (
            <tr>
              <th scope="row">再掲</th>
              <td>{sheet.crossListingOf}</td>
            </tr>
          )}
          {sheet.attributes.map(([k, v]) => (
            <tr>
              <th scope="row">{k}</th>
              <td>{v}</td>
            </tr>
          ))}
          {sheet.departments.length > 0 && (
            <tr>
              <th scope="row">所管課</th>
              <td>{sheet.departments.join("、")}</td>
            </tr>
          )}
          <tr>
            <th scope="row">取組内容</th>
            <td>
              <Pre text={sheet.description} />
            </td>
          </tr>
        </tbody>
      </table>
      {about.length > 0 && <TextsTable texts={about} />}
      {sheet.indicators.map((ind) => (
        <IndicatorBlock ind={ind} model={model} view={view} />
      ))}
      {sheet.page && <ItemPageTables sheet={sheet} />}
      {(sheet.progress || sheet.indicators.length > 0) && (
        <table class="kv">
          <tbody>
            <tr>
              <th scope="row">
                {warekiFiscalYear(fy)}取組状況
                {sheet.progress?.status && <span class="tag">〈{sheet.progress.status}〉</span>}
              </th>
              <td>
                <Pre text={sheet.progress?.narrative} />
              </td>
            </tr>
            <tr>
              <th scope="row">実績値を踏まえた{warekiFiscalYear(fy + 1)}の取組内容</th>
              <td>
                <Pre text={sheet.progress?.nextYearPlan} />
              </td>
            </tr>
          </tbody>
        </table>
      )}
      {remarks.length > 0 && <TextsTable texts={remarks} />}
    </section>
  );
}

function TextsTable({ texts }: { texts: [string, string][] }) {
  return (
    <table class="kv">
      <tbody>
        {texts.map(([heading, text]) => (
          <tr>
            <th scope="row">{heading}</th>
            <td class="small">
              <Pre text={text} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function IndicatorBlock({
  ind,
  model,
  view,
}: {
  ind: SheetIndicator;
  model: SheetsModel;
  view: ViewOptions;
}) {
  const hasSeries = ind.series.some((s) => s.series !== undefined);
  return (
    <div class="indicator-block" id={`ind-${ind.key}`}>
      <h3>
        指標{ind.number ?? ""} {ind.name}
        {ind.departments.length > 0 && <span class="small muted"> 所管課：{ind.departments.join("、")}</span>}
      </h3>
      <div class="indicator-body">
        <div class="values">
          <table>
            <thead>
              <tr>
                <th scope="col">区分</th>
                <th scope="col">
                  初期値
                  {ind.baselineYear !== undefined && <span class="fy">{ind.baselineYear}年度</span>}
                </th>
                {model.years.map((fy) => (
                  <YearTh fy={fy} label={warekiFiscalYear(fy)} />
                ))}
              </tr>
            </thead>
            <tbody>
              {ind.series.map((s) => (
                <>
                  <tr>
                    <th scope="row">目標{hasSeries && s.series ? `（${s.series}）` : ""}</th>
                    <td class="empty"></td>
                    {s.targets.map((t) => (
                      <td class="center pre">{t ?? ""}</td>
                    ))}
                  </tr>
                  <tr>
                    <th scope="row">実績値{hasSeries && s.series ? `（${s.series}）` : ""}</th>
                    <ValueTd cell={s.baseline} />
                    {s.actuals.map((c) => (
                      <ValueTd cell={c} />
                    ))}
                  </tr>
                </>
              ))}
            </tbody>
          </table>
          {ind.series.map((s) => (
            <p class="result-line">
              {warekiFiscalYear(model.fiscalYear)}の評価{s.series ? `（${s.series}）` : ""}：
              <StatusMark cell={s.result} /> <span class="small">{s.result.explanation}</span>
              {view.judgeHref && (
                <>
                  {" "}
                  <a class="report-row-action" href={view.judgeHref(ind.key, s.series)}>
                    判定を記録
                  </a>
                </>
              )}
            </p>
          ))}
        </div>
        {ind.chart && <figure>{raw(indicatorChart({ ...ind.chart, width: 380, height: 210 }))}</figure>}
      </div>
    </div>
  );
}

/** 千歳: 取組計画 by coming year, and これまでの取組計画・実績 with status tags. */
function ItemPageTables({ sheet }: { sheet: Sheet }) {
  const page = sheet.page!;
  return (
    <>
      {page.plans.length > 0 && (
        <table>
          <caption>取組計画</caption>
          <thead>
            <tr>
              {page.plans.map((p) => (
                <th scope="col">{p.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {page.plans.map((p) => (
                <td class="small">
                  {p.entries.length === 0 && <span class="empty">—</span>}
                  {p.entries.map((e) => (
                    <div>
                      {e.status && <span class="tag">〈{e.status}〉</span>}
                      <Pre text={e.text} />
                    </div>
                  ))}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      )}
      {page.history.length > 0 && (
        <table>
          <caption>これまでの取組計画・実績</caption>
          <thead>
            <tr>
              <th scope="col">区分</th>
              <th scope="col">取組計画</th>
              <th scope="col">取組実績</th>
            </tr>
          </thead>
          <tbody>
            {page.history.map((h) => (
              <tr>
                <th scope="row" class="nowrap">
                  {h.label}
                  <span class="fy">{h.fiscalYear}年度</span>
                </th>
                {[h.plan, h.result].map((list) => (
                  <td class="small">
                    {list.length === 0 && <span class="empty">—</span>}
                    {list.map((e) => (
                      <div>
                        {e.status && <span class="tag">〈{e.status}〉</span>}
                        <Pre text={e.text} />
                      </div>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
