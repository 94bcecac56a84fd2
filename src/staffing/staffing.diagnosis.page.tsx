/**
 * 定員管理診断表 (図表10): headcount by 部門 against the peer group's averages.
 */
import { shortWareki, warekiFiscalYear } from "../domain/fiscal-year.ts";
import { type Comparison, formatCount, formatDecimal } from "../domain/staffing/index.ts";
import { diagnosisChart } from "./staffing.charts.ts";
import {
  Chart,
  dateJa,
  Findings,
  Missing,
  type NavYears,
  Num,
  Page,
  STAFFING_BASE,
} from "./staffing.page-parts.tsx";
import type { DiagnosisView } from "./staffing.reports.ts";

function ComparisonCells({ c }: { c: Comparison | undefined }) {
  return (
    <>
      <Num v={c?.estimate} />
      <Num v={c?.excess} blankZero />
      <Num v={c?.rate} places={1} />
    </>
  );
}

const PEER_SOURCE: Record<DiagnosisView["peerSource"], string> = {
  own: "この団体の診断表に記載の値",
  set: "全国の類似団体別職員数の表（この団体に設定された類型、全団体共通の表）",
  classified: "全国の類似団体別職員数の表（人口と産業構造から判定した類型、全団体共通の表）",
};

/** Staff per 10,000 people for every total, with the population and its date beside it. */
export function Per10kTable({ view }: { view: DiagnosisView }) {
  const population = `${formatCount(view.population)}人${view.populationAsOf ? `（${dateJa(view.populationAsOf)}現在）` : ""}`;
  return (
    <table class="staffing">
      <caption>
        人口1万人当たり職員数（{warekiFiscalYear(view.fiscalYear)}4月1日現在の職員数、人口 {population}）
      </caption>
      <thead>
        <tr>
          <th scope="col">区分</th>
          <th scope="col" class="num">
            職員数
          </th>
          <th scope="col">人口</th>
          <th scope="col" class="num">
            1万人当たり
          </th>
          <th scope="col" class="num">
            類似団体 単純値
          </th>
          <th scope="col" class="num">
            類似団体 修正値
          </th>
        </tr>
      </thead>
      <tbody>
        {view.per10k.map((t) => (
          <tr>
            <th scope="row">{t.total}</th>
            {t.missing ? <Missing why={t.missing} /> : <Num v={t.staff} />}
            <td>{population}</td>
            {t.missing ? <Missing why={t.missing} /> : <Num v={t.per10k} places={2} />}
            <Num v={t.peerSimple} places={2} />
            <Num v={t.peerCorrected} places={2} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DiagnosisBody({ view }: { view: DiagnosisView }) {
  const avg = view.averages.find((a) => a.total === "普通会計計")?.simplePer10k;
  return (
    <>
      <dl class="meta">
        <dt>類似団体</dt>
        <dd>
          {view.schemeName}・類型 {view.group}（{view.groupFullWidth}）
          {view.members !== undefined && `、${view.members}団体`}
        </dd>
        <dt>基準</dt>
        <dd>
          {view.title ?? `${dateJa(view.baseDate)}現在`}。職員数は{warekiFiscalYear(view.previousYear)}（A）と
          {warekiFiscalYear(view.fiscalYear)}（B）の4月1日現在
        </dd>
        <dt>人口</dt>
        <dd>
          {formatCount(view.population)}人
          {view.populationAsOf && `（住民基本台帳人口 ${dateJa(view.populationAsOf)}現在）`}
        </dd>
        {view.ownPer10k !== undefined && (
          <>
            <dt>人口1万人当たり普通会計職員数</dt>
            <dd>
              本市 {formatDecimal(view.ownPer10k, 2)}人
              {avg !== undefined && `、類似団体平均 ${formatDecimal(avg, 2)}人`}
            </dd>
          </>
        )}
        <dt>類似団体の数値</dt>
        <dd>{PEER_SOURCE[view.peerSource]}</dd>
      </dl>
      <Per10kTable view={view} />
      <div class="table-scroll">
        <table class="staffing">
          <caption>定員管理診断表（人、%）</caption>
          <thead>
            <tr>
              <th scope="col" rowspan={2}>
                部門
              </th>
              <th scope="colgroup" colspan={3}>
                職員数の増減
              </th>
              <th scope="colgroup" colspan={3}>
                単純値による比較
              </th>
              <th scope="colgroup" colspan={3}>
                修正値による比較
              </th>
            </tr>
            <tr>
              <th scope="col" class="num">
                A {shortWareki(view.previousYear)}.4.1
              </th>
              <th scope="col" class="num">
                B {shortWareki(view.fiscalYear)}.4.1
              </th>
              <th scope="col" class="num">
                B−A
              </th>
              <th scope="col" class="num">
                推計職員数
              </th>
              <th scope="col" class="num">
                超過数
              </th>
              <th scope="col" class="num">
                超過率
              </th>
              <th scope="col" class="num">
                推計職員数
              </th>
              <th scope="col" class="num">
                超過数
              </th>
              <th scope="col" class="num">
                超過率
              </th>
            </tr>
          </thead>
          <tbody>
            {view.lines.map((l) => (
              <tr class={l.kind === "total" ? "total" : ""}>
                <th scope="row">{l.name}</th>
                <Num v={l.previous} />
                <Num v={l.current} />
                {l.changeMissing ? <Missing why={l.changeMissing} /> : <Num v={l.change} blankZero />}
                <ComparisonCells c={l.simple} />
                <ComparisonCells c={l.corrected} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="note">
        推計職員数 = 類似団体の人口1万人当たり職員数 × 人口 ÷ 10,000（四捨五入）。超過数 = B −
        推計職員数、超過率 = 超過数 ÷
        B（小数第1位で四捨五入）。▲は不足。単純値は全団体の平均、修正値はその部門に職員を置く団体だけの平均です。小計の推計は類型の平均（普通会計・一般行政）があればそれにより、なければ部門の推計の合計によるため、内訳の合計と一致しないことがあります。公営企業等会計は比較しません。
      </p>
      <figure class="figure">
        <figcaption>部門別の超過率（▲・負は不足）</figcaption>
        <Chart
          svg={diagnosisChart(view.lines)}
          label={`部門別の超過率。${view.lines
            .filter((l) => l.simple)
            .map(
              (l) =>
                `${l.name} 単純値 ${formatDecimal(l.simple?.rate, 1)}% 修正値 ${formatDecimal(l.corrected?.rate, 1)}%`,
            )
            .join("、")}`}
        />
      </figure>
      <Findings findings={view.findings} />
    </>
  );
}

export function DiagnosisPage({ view, nav }: { view: DiagnosisView; nav?: NavYears }) {
  return (
    <Page m={view.municipality} kind="diagnosis" fy={view.fiscalYear} nav={nav}>
      {view.years.length > 1 && (
        <p>
          年度:{" "}
          {view.years.map((y) => (
            <a
              href={`${STAFFING_BASE}/${view.municipality.code}/diagnosis?fy=${y}`}
              aria-current={y === view.fiscalYear ? "page" : undefined}
            >
              {warekiFiscalYear(y)}{" "}
            </a>
          ))}
        </p>
      )}
      <DiagnosisBody view={view} />
    </Page>
  );
}
