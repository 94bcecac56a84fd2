/**
 * The public page of one item: where it sits in the plan, its departments, what it is, the year's
 * progress report, each indicator with its result, a chart and its values by year, and the activities.
 */
import { raw } from "hono/html";
import { indicatorChart } from "../core/charts/indicator-chart.ts";
import type { Indicator } from "../core/plan-document/schema.ts";
import { shortWareki, warekiFiscalYear } from "../domain/fiscal-year.ts";
import { precisionOf, printFigure } from "../domain/values/figure.ts";
import { ItemFiscalEffects } from "./fiscal-effect.parts.tsx";
import { GradeTallyTable, ImplementationMark, Result } from "./grading.tsx";
import { Activities, EvidenceList } from "./item.parts.tsx";
import { type Crumb, PublicLayout, type SiteMode } from "./public.layout.tsx";
import { overviewTitle, rootCrumb, siteName } from "./public.pages.tsx";
import { Fy, itemHref, levelLabel, TallyTable } from "./public.parts.tsx";
import { chartInput, type ItemView, meaningfulLevel, type PublicView, seriesOf } from "./public-view.ts";
import { explanationOf } from "./published-scales.ts";
import type { SeriesResult } from "./snapshot.ts";

/** The chart of one indicator as SVG, with ids and class names of its own. */
export function indicatorSvg(indicator: Indicator, series: SeriesResult[], id: string): string | null {
  const input = chartInput(indicator, series);
  if (!input) return null;
  // ECharts names classes and clip paths after per-process counters (zr0-cls-3, zr7-c0): renamed, so that a page
  // renders the same every time and two charts on one page never share an id.
  const names = new Map<string, string>();
  return indicatorChart(input).replace(/\bzr\d+-[\w-]+/g, (name) => {
    if (!names.has(name)) names.set(name, `${id}-${names.size}`);
    return names.get(name)!;
  });
}

/** The file a chart is also saved as, for reuse in other documents: charts/<item>-<n>.svg. */
export function chartFile(v: ItemView, index: number): string {
  return `charts/${v.slug}-${index + 1}.svg`;
}

export function ItemPage({ view, item: v, mode }: { view: PublicView; item: ItemView; mode: SiteMode }) {
  const fy = view.fiscalYear;
  const it = v.item;
  const crumbs: Crumb[] = [
    rootCrumb(view, 1),
    ...v.ancestors.map((a) => ({ href: itemHref(a, 1), label: levelLabel(a, meaningfulLevel) })),
  ];
  const original = it.crossListingOf ? view.byKey.get(it.crossListingOf) : undefined;
  const said = (p: (typeof it.progress)[number]) => Boolean(p.status || p.narrative || p.nextYearPlan);
  const progress = it.progress.find((p) => p.fiscalYear === fy && said(p));
  const earlier = it.progress
    .filter((p) => p.fiscalYear < fy && (p.status || p.narrative))
    .sort((a, b) => b.fiscalYear - a.fiscalYear);
  const index = view.all.indexOf(v);
  const prev = view.all[index - 1];
  const next = view.all[index + 1];
  const childLevel = view.publication.snapshot.document.plan.levels[v.depth + 1];
  return (
    <PublicLayout
      title={levelLabel(v, meaningfulLevel)}
      siteName={siteName(view)}
      depth={1}
      mode={mode}
      crumbs={crumbs}
    >
      <h1>
        {meaningfulLevel(v.level) && <span class="h1-sub">{v.level}</span>}
        {v.label}
      </h1>
      <dl class="meta">
        {v.departments.length > 0 && (
          <>
            <dt>所管課</dt>
            <dd>{v.departments.join("、")}</dd>
          </>
        )}
        {v.ancestors.length > 0 && (
          <>
            <dt>位置づけ</dt>
            <dd>{v.ancestors.map((a) => levelLabel(a, meaningfulLevel)).join(" › ")}</dd>
          </>
        )}
        {it.crossListingOf !== undefined && (
          <>
            <dt>再掲</dt>
            <dd>
              {original ? <a href={itemHref(original, 1)}>{original.label}</a> : it.crossListingOf} の再掲です
            </dd>
          </>
        )}
        {v.implementation && (
          <>
            <dt>着手状況</dt>
            <dd>
              <ImplementationMark vocabulary={view.vocabulary} result={v.implementation} />
            </dd>
          </>
        )}
        {Object.entries(it.attributes).map(([k, val]) => (
          <>
            <dt>{k}</dt>
            <dd>{val}</dd>
          </>
        ))}
      </dl>
      {view.withheld.has(it.key) && (
        <p class="notice">
          この項目の{warekiFiscalYear(fy)}の報告は承認前のため、{warekiFiscalYear(fy)}
          の実績と取組状況を載せていません。
        </p>
      )}

      {it.description && (
        <>
          <h2>取組内容</h2>
          <p class="prose">{it.description}</p>
        </>
      )}
      {Object.entries(it.texts).map(([heading, text]) => (
        <>
          <h2>{heading}</h2>
          <p class="prose">{text}</p>
        </>
      ))}

      {(progress || earlier.length > 0) && (
        <>
          <h2>{warekiFiscalYear(fy)}の取組状況</h2>
          {progress ? (
            <>
              {progress.status && <p>状況：〈{progress.status}〉</p>}
              {progress.narrative && <p class="prose">{progress.narrative}</p>}
              {progress.nextYearPlan && (
                <>
                  <h3>{warekiFiscalYear(fy + 1)}の取組内容</h3>
                  <p class="prose">{progress.nextYearPlan}</p>
                </>
              )}
            </>
          ) : (
            <p>{warekiFiscalYear(fy)}の取組状況の記載はありません。</p>
          )}
          {earlier.length > 0 && (
            <details>
              <summary>これまでの取組状況</summary>
              {earlier.map((p) => (
                <>
                  <h3>
                    {warekiFiscalYear(p.fiscalYear)}
                    {p.status ? `〈${p.status}〉` : ""}
                  </h3>
                  {p.narrative && <p class="prose">{p.narrative}</p>}
                </>
              ))}
            </details>
          )}
        </>
      )}

      {it.indicators.length > 0 && <h2>指標と評価</h2>}
      {it.indicators.map((ind, i) => (
        <IndicatorSection view={view} item={v} indicator={ind} index={i} />
      ))}

      {it.activities.length > 0 && <Activities view={view} item={v} />}

      <ItemFiscalEffects view={view} item={v} />

      <EvidenceList files={view.evidence.get(it.key) ?? []} />

      {v.children.length > 0 && (
        <>
          <h2>
            {childLevel && meaningfulLevel(childLevel) ? `この項目の${childLevel}` : "この項目に含まれる項目"}
          </h2>
          {v.children.some((c) => c.tally.total > 0) ? (
            view.grading ? (
              <GradeTallyTable
                grading={view.grading}
                caption={`${warekiFiscalYear(fy)}の評価の件数`}
                rowHeader={childLevel && meaningfulLevel(childLevel) ? childLevel : "項目"}
                rows={v.children.map((c) => ({ label: c.label, href: itemHref(c, 1), grades: c.grades }))}
              />
            ) : (
              <TallyTable
                caption={`${warekiFiscalYear(fy)}の評価の件数`}
                rowHeader={childLevel && meaningfulLevel(childLevel) ? childLevel : "項目"}
                rows={v.children.map((c) => ({ label: c.label, href: itemHref(c, 1), tally: c.tally }))}
              />
            )
          ) : (
            <ul class="item-list">
              {v.children.map((c) => (
                <li>
                  <a href={itemHref(c, 1)}>{c.label}</a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <nav class="pager" aria-label="前後の項目">
        <ul>
          {prev && (
            <li class="pager-prev">
              <a href={itemHref(prev, 1)} rel="prev">
                <span class="pager-label">前の項目</span>
                {prev.label}
              </a>
            </li>
          )}
          <li class="pager-up">
            <a href="../index.html">{overviewTitle(view)}へ戻る</a>
          </li>
          {next && (
            <li class="pager-next">
              <a href={itemHref(next, 1)} rel="next">
                <span class="pager-label">次の項目</span>
                {next.label}
              </a>
            </li>
          )}
        </ul>
      </nav>
    </PublicLayout>
  );
}

function IndicatorSection(props: { view: PublicView; item: ItemView; indicator: Indicator; index: number }) {
  const { view, item: v, indicator: ind, index } = props;
  const fy = view.fiscalYear;
  const series = seriesOf(v, ind);
  const headingId = `indicator-${index + 1}`;
  const svg = indicatorSvg(ind, series, `c${index + 1}`);
  const depts = ind.departments.map(view.deptName);
  const years = series[0]?.years.map((y) => y.fiscalYear) ?? [];
  const label = (s: SeriesResult) => (s.series ? `（${s.series}）` : "");
  return (
    <section class="indicator" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {ind.number ? `指標${ind.number} ` : ""}
        {ind.name}
      </h3>
      <dl class="meta">
        {ind.unit && (
          <>
            <dt>単位</dt>
            <dd>{ind.unit}</dd>
          </>
        )}
        {depts.length > 0 && (
          <>
            <dt>所管課</dt>
            <dd>{depts.join("、")}</dd>
          </>
        )}
        {ind.baselines.length > 0 && (
          <>
            <dt>初期値</dt>
            <dd>
              {ind.baselines.map((b) => (
                <div>
                  {seriesPrefix(b.series, b.text)}
                  {b.text || "—"}
                  {b.fiscalYear !== undefined && `（${warekiFiscalYear(b.fiscalYear)}）`}
                </div>
              ))}
            </dd>
          </>
        )}
        <dt>目標</dt>
        <dd>
          {ind.targets.length === 0 && "記載なし"}
          {ind.targets.map((t) => (
            <div>
              {seriesPrefix(t.series, t.text)}
              {t.text}
              {t.fiscalYear !== undefined && !t.fromFiscalYear && `（${warekiFiscalYear(t.fiscalYear)}まで）`}
              {t.fromFiscalYear !== undefined && `（${warekiFiscalYear(t.fromFiscalYear)}から）`}
            </div>
          ))}
        </dd>
      </dl>
      {series.map((s) => {
        const y = s.years.find((r) => r.fiscalYear === fy);
        if (!y) return null;
        return (
          <div class={view.grading ? "result result-grade" : `result result-${y.status}`}>
            <p class="result-head">
              {warekiFiscalYear(fy)}の評価{label(s)}：<Result grading={view.grading} r={y} />
            </p>
            <p class="result-why">{explanationOf(view.grading, y)}</p>
          </div>
        );
      })}
      {svg && (
        <figure class="chart">
          {raw(svg)}
          <figcaption>
            グラフ：{ind.name}の推移（値は下の表にもあります）。
            <a href={`../${chartFile(v, index)}`} download>
              SVG で保存<span class="visually-hidden">（{ind.name}のグラフ）</span>
            </a>
          </figcaption>
        </figure>
      )}
      <section class="table-scroll" aria-labelledby={`${headingId}-caption`} tabindex={0}>
        <table class="values">
          <caption id={`${headingId}-caption`} class="visually-hidden">
            {ind.name}の年度別の実績値と評価
          </caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              {series.map((s) => (
                <>
                  <th scope="col" class="num">
                    実績値{label(s)}
                  </th>
                  <th scope="col">評価{label(s)}</th>
                </>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((year) => (
              <tr class={year === fy ? "current" : undefined}>
                <th scope="row">
                  <Fy fy={year} />
                </th>
                {series.map((s) => {
                  const r = s.years.find((x) => x.fiscalYear === year);
                  const actual = ind.actuals.find((a) => a.fiscalYear === year && a.series === s.series);
                  return (
                    <>
                      <td class="num">
                        {actual && actual.kind !== "empty" ? (
                          printFigure(actual, ind.unit, precisionOf(ind.targets))
                        ) : (
                          <span class="empty">—</span>
                        )}
                        {actual?.unreadable && <span class="flag">数値として読めない記載</span>}
                      </td>
                      <td>{r ? <Result grading={view.grading} r={r} /> : "—"}</td>
                    </>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {years.length > 0 && (
        <p class="note">
          {shortWareki(years[0]!)}～{shortWareki(years.at(-1)!)}
          の各年度を、その年度の目標（目安）と比べています。
        </p>
      )}
    </section>
  );
}

/** 「男性：」 before a value of a series, unless the text already names it (男性6.9%). */
function seriesPrefix(series: string | undefined, text: string): string {
  return series && !text.includes(series) ? `${series}：` : "";
}
