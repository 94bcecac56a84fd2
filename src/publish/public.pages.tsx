/**
 * Public pages of a publication: the overview with results by level, the departments, search, and the
 * list of everything published. Presenters: they render the view of a snapshot, never database rows.
 */
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { PlanFiscalEffects } from "./fiscal-effect.parts.tsx";
import { GradeSummary, GradeTallyTable, Result, ScaleNote, StateSummary } from "./grading.tsx";
import { TABLE_NAMES, TABLES } from "./opendata/tables.ts";
import { type Crumb, PublicLayout, rel, type SiteMode } from "./public.layout.tsx";
import {
  ImplementationSummary,
  itemHref,
  levelLabel,
  SearchForm,
  Status,
  TallySummary,
  TallyTable,
} from "./public.parts.tsx";
import { type ItemView, meaningfulLevel, type PublicView, resultIn, statusIn } from "./public-view.ts";
import type { Grading } from "./published-scales.ts";
import type { SeriesResult } from "./snapshot.ts";

export function siteName(view: PublicView): string {
  const doc = view.publication.snapshot.document;
  // 江別市行政改革推進計画 already names the city.
  const title = doc.plan.title;
  return title.startsWith(doc.municipality.name) ? title : `${doc.municipality.name} ${title}`;
}

/** 2026年11月22日, in Japan's time zone whatever the server's. */
export function dateJa(d: Date): string {
  const parts = new Intl.DateTimeFormat("ja-JP", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(d);
  return parts;
}

export function overviewTitle(view: PublicView): string {
  return `${warekiFiscalYear(view.fiscalYear)}の取組状況と評価`;
}

export function rootCrumb(view: PublicView, depth: number): Crumb {
  return { href: rel(depth, "index.html"), label: overviewTitle(view) };
}

export function OverviewPage({ view, mode }: { view: PublicView; mode: SiteMode }) {
  const p = view.publication;
  const doc = p.snapshot.document;
  const levels = doc.plan.levels;
  const maxDepth = Math.max(0, ...view.all.map((v) => v.depth));
  const levelTables = [0, 1]
    .filter((d) => d < maxDepth)
    .map((d) => ({ depth: d, items: view.all.filter((v) => v.depth === d && v.tally.total > 0) }))
    .filter((l) => l.items.length > 0);
  return (
    <PublicLayout
      title={overviewTitle(view)}
      siteName={siteName(view)}
      depth={0}
      mode={mode}
      current="overview"
    >
      <h1>
        <span class="h1-sub">{siteName(view)}</span>
        {overviewTitle(view)}
      </h1>
      <dl class="meta">
        <dt>対象年度</dt>
        <dd>
          {warekiFiscalYear(view.fiscalYear)}（{view.fiscalYear}年度）
        </dd>
        <dt>計画期間</dt>
        <dd>
          {warekiFiscalYear(doc.plan.periodStart)}～{warekiFiscalYear(doc.plan.periodEnd)}（
          {doc.plan.periodStart}～{doc.plan.periodEnd}年度）
        </dd>
        <dt>公表日</dt>
        <dd>
          {dateJa(p.publishedAt)}（第{p.version}版）
        </dd>
        <dt>団体</dt>
        <dd>
          {doc.municipality.name}（全国地方公共団体コード {p.municipalityCode}）
        </dd>
      </dl>
      {view.withheld.size > 0 && (
        <p class="notice">
          照会で承認された内容を公表しています。承認前の {view.withheld.size} 項目は、
          {warekiFiscalYear(view.fiscalYear)}の実績と取組状況を載せていません。
        </p>
      )}

      <h2 id="summary">評価の概要</h2>
      <p>
        指標ごとに、{warekiFiscalYear(view.fiscalYear)}
        の実績値を目標と比べた結果です（再掲の項目は一度だけ数えます）。
      </p>
      {view.grading ? (
        <>
          <GradeSummary
            grading={view.grading}
            counts={view.grades}
            label={`${warekiFiscalYear(view.fiscalYear)}の評価の件数`}
          />
          <ScaleNote grading={view.grading} />
        </>
      ) : (
        <TallySummary tally={view.tally} label={`${warekiFiscalYear(view.fiscalYear)}の評価の件数`} />
      )}
      {view.implementationTally.total > 0 && (
        <>
          <h3>着手状況</h3>
          {view.vocabulary ? (
            <StateSummary
              vocabulary={view.vocabulary}
              results={view.all.flatMap((v) =>
                v.item.crossListingOf === undefined && v.implementation ? [v.implementation] : [],
              )}
            />
          ) : (
            <ImplementationSummary tally={view.implementationTally} />
          )}
        </>
      )}

      {levelTables.length > 0 && <h2 id="levels">階層ごとの評価</h2>}
      {levelTables.map((l) => {
        const named = levels[l.depth] && meaningfulLevel(levels[l.depth]!);
        const caption = `${named ? levels[l.depth] : `第${l.depth + 1}階層`}ごとの評価の件数`;
        const rowHeader = named ? levels[l.depth]! : "項目";
        const rows = l.items.map((v) => ({
          label:
            l.depth > 0
              ? `${v.ancestors.map((a) => a.item.number ?? "").join(" ")} ${v.label}`.trim()
              : v.label,
          href: itemHref(v, 0),
          tally: v.tally,
          grades: v.grades,
        }));
        return view.grading ? (
          <GradeTallyTable grading={view.grading} caption={caption} rowHeader={rowHeader} rows={rows} />
        ) : (
          <TallyTable caption={caption} rowHeader={rowHeader} rows={rows} />
        );
      })}

      <PlanFiscalEffects view={view} />

      {mode.search && (
        <>
          <h2 id="search">項目を探す</h2>
          <SearchForm view={view} depth={0} />
        </>
      )}

      <h2 id="items">計画の体系</h2>
      <p>各項目のページで、指標の実績値の推移、グラフ、取組状況、所管課をご覧いただけます。</p>
      <ItemTree items={view.roots} fy={view.fiscalYear} grading={view.grading} />

      <h2 id="opendata">オープンデータ</h2>
      <p>
        この公表の内容を、機械で読める形（縦持ちの表）でダウンロードできます。CSV は UTF-8（BOM
        付き）で、1行目が見出しです。年度は西暦で、和暦を隣の列に載せています。数値と単位は別の列です。
      </p>
      <section class="table-scroll" aria-label="オープンデータの一覧" tabindex={0}>
        <table>
          <caption>ダウンロード</caption>
          <thead>
            <tr>
              <th scope="col">表</th>
              <th scope="col">CSV</th>
              <th scope="col">JSON</th>
            </tr>
          </thead>
          <tbody>
            {TABLE_NAMES.map((t) => (
              <tr>
                <th scope="row">{TABLES[t].title}</th>
                <td>
                  <a href={`opendata/${t}.csv`}>
                    {t}.csv<span class="visually-hidden">（{TABLES[t].title}、CSV）</span>
                  </a>
                </td>
                <td>
                  <a href={`opendata/${t}.json`}>
                    {t}.json<span class="visually-hidden">（{TABLES[t].title}、JSON）</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {mode.versions && mode.versions.length > 1 && (
        <>
          <h2 id="versions">これまでの版</h2>
          <ul>
            {mode.versions.map((v) => (
              <li>
                {v.current ? (
                  <span aria-current="page">
                    第{v.version}版（{dateJa(v.publishedAt)}）表示中
                  </span>
                ) : (
                  <a href={`${v.root}index.html`}>
                    第{v.version}版（{dateJa(v.publishedAt)}）
                  </a>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </PublicLayout>
  );
}

function ItemTree({ items, fy, grading }: { items: ItemView[]; fy: number; grading: Grading | undefined }) {
  return (
    <ul class="tree">
      {items.map((v) => (
        <li>
          <a href={itemHref(v, 0)}>{levelLabel(v, meaningfulLevel)}</a>
          {v.item.crossListingOf !== undefined && <span class="tag">再掲</span>}
          {v.series.length > 0 && (
            <span class="tree-status">
              {v.series.map((s) => (
                <SeriesMark s={s} fy={fy} grading={grading} />
              ))}
            </span>
          )}
          {v.children.length > 0 && <ItemTree items={v.children} fy={fy} grading={grading} />}
        </li>
      ))}
    </ul>
  );
}

export function DepartmentsPage({ view, mode }: { view: PublicView; mode: SiteMode }) {
  return (
    <PublicLayout
      title="所管課から探す"
      siteName={siteName(view)}
      depth={0}
      mode={mode}
      current="departments"
      crumbs={[rootCrumb(view, 0)]}
    >
      <h1>所管課から探す</h1>
      <p>所管課（{warekiFiscalYear(view.fiscalYear)}の名称）ごとに、担当する項目を並べています。</p>
      {view.departments.length === 0 && <p>所管課の記載がありません。</p>}
      {view.departments.length > 0 && (
        <nav aria-labelledby="dept-index" class="toc">
          <h2 id="dept-index" class="toc-title">
            所管課の一覧
          </h2>
          <ul class="dept-index">
            {view.departments.map((d, i) => (
              <li>
                <a href={`#dept-${i + 1}`}>{d.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {view.departments.map((d, i) => (
        <section aria-labelledby={`dept-${i + 1}`}>
          <h2 id={`dept-${i + 1}`}>{d.name}</h2>
          <ItemList items={d.items} depth={0} fy={view.fiscalYear} grading={view.grading} />
        </section>
      ))}
    </PublicLayout>
  );
}

/** A series' result of the published year: the plan's grade, or gyokaku's status. */
function SeriesMark({ s, fy, grading }: { s: SeriesResult; fy: number; grading: Grading | undefined }) {
  const r = resultIn(s, fy);
  return grading && r ? <Result grading={grading} r={r} /> : <Status status={statusIn(s, fy)} />;
}

/** Items with their path and statuses: department lists and search results. */
function ItemList({
  items,
  depth,
  fy,
  grading,
}: {
  items: ItemView[];
  depth: number;
  fy: number;
  grading: Grading | undefined;
}) {
  return (
    <ul class="item-list">
      {items.map((v) => (
        <li>
          <a href={itemHref(v, depth)}>{levelLabel(v, meaningfulLevel)}</a>
          {v.ancestors.length > 0 && <span class="path">{v.ancestors.map((a) => a.label).join(" › ")}</span>}
          {v.series.length > 0 && (
            <span class="tree-status">
              {v.series.map((s) => (
                <SeriesMark s={s} fy={fy} grading={grading} />
              ))}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Width-folded, lower-case text for matching: Ｒ４ finds R4, ｶﾅ finds カナ. */
export function fold(s: string): string {
  return s.normalize("NFKC").toLowerCase();
}

/** Items whose texts contain every word of the query and that the department answers for. */
export function searchItems(view: PublicView, q: string, dept: string): ItemView[] {
  const words = fold(q).split(/\s+/).filter(Boolean);
  const inDept = dept ? new Set(view.departments.find((d) => d.key === dept)?.items ?? []) : null;
  return view.all.filter((v) => {
    if (inDept && !inDept.has(v)) return false;
    if (words.length === 0) return inDept !== null;
    const it = v.item;
    const hay = fold(
      [
        it.number,
        it.title,
        it.description,
        ...Object.values(it.texts),
        ...Object.values(it.attributes),
        ...it.progress.flatMap((p) => [p.narrative, p.nextYearPlan, p.status]),
        ...it.activities.map((a) => a.text),
        ...it.indicators.map((i) => i.name),
        ...v.departments,
      ]
        .filter((s): s is string => typeof s === "string")
        .join("\n"),
    );
    return words.every((w) => hay.includes(w));
  });
}

export function SearchPage(props: { view: PublicView; mode: SiteMode; q: string; dept: string }) {
  const { view } = props;
  const asked = props.q.trim() !== "" || props.dept !== "";
  const results = asked ? searchItems(view, props.q, props.dept) : [];
  const deptName = view.departments.find((d) => d.key === props.dept)?.name;
  const what = [props.q.trim() && `「${props.q.trim()}」`, deptName && `所管課 ${deptName}`]
    .filter(Boolean)
    .join("・");
  return (
    <PublicLayout
      title={asked ? `${what}の検索結果` : "キーワードで探す"}
      siteName={siteName(view)}
      depth={0}
      mode={props.mode}
      current="search"
      crumbs={[rootCrumb(view, 0)]}
    >
      <h1>キーワードで探す</h1>
      <SearchForm view={view} depth={0} q={props.q} dept={props.dept} />
      {asked && (
        <>
          <h2 id="results">
            {what}の検索結果：{results.length}件
          </h2>
          {results.length === 0 ? (
            <p>見つかりませんでした。言葉を短くするか、所管課を「すべての所管課」にしてお試しください。</p>
          ) : (
            <ItemList items={results} depth={0} fy={view.fiscalYear} grading={view.grading} />
          )}
        </>
      )}
    </PublicLayout>
  );
}
