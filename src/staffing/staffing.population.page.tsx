/**
 * 職員数と人口・類似団体 (図表5, 8, 9): staff against population, the peer group and the Laspeyres index.
 */
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { formatCount, formatDecimal } from "../domain/staffing/index.ts";
import { laspeyresChart, peerChart, populationChart } from "./staffing.charts.ts";
import { Per10kTable } from "./staffing.diagnosis.page.tsx";
import { Chart, dateJa, Missing, Num, Page } from "./staffing.page-parts.tsx";
import type { PopulationView } from "./staffing.reports.ts";

/** Staff against population by year: the chart and the table with per 10,000. */
function StaffAndPopulation({ view }: { view: PopulationView }) {
  const withPop = view.rows.filter((r) => r.population !== undefined);
  return (
    <>
      <h2>職員数と人口の推移</h2>
      <figure class="figure">
        <figcaption>
          {view.staffLabel}と人口{withPop.length === 0 && "（人口のデータがありません）"}
        </figcaption>
        <Chart
          svg={populationChart(view.rows, view.staffLabel)}
          label={`${view.staffLabel}と人口の推移。${view.rows
            .map(
              (r) =>
                `${r.fiscalYear}年度 職員 ${formatCount(r.staff)}人${r.population ? ` 人口 ${formatCount(r.population)}人` : ""}`,
            )
            .join("、")}`}
        />
      </figure>
      <div class="table-scroll">
        <table class="staffing">
          <caption>
            職員数と人口（職員数は{view.staffLabel}。類似団体との比較は普通会計職員数によります）
          </caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col" class="num">
                {view.staffLabel}（人）
              </th>
              <th scope="col" class="num">
                人口（人）
              </th>
              <th scope="col">人口の基準日</th>
              <th scope="col" class="num">
                人口1万人当たり職員数
              </th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr>
                <th scope="row" title={r.printed?.note ?? undefined}>
                  {r.printed ? (
                    <>
                      {r.printed.label}
                      <span class="flag">⚠ 資料の表記のまま（{r.fiscalYear}年度として集計）</span>
                    </>
                  ) : (
                    `${warekiFiscalYear(r.fiscalYear)}（${r.fiscalYear}）`
                  )}
                </th>
                <Num v={r.staff} />
                <Num v={r.population} />
                <td>{dateJa(r.populationAsOf)}</td>
                {r.missing ? <Missing why={r.missing} /> : <Num v={r.per10k} places={2} />}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="note">
        この表の職員数は{view.staffLabel}
        （特別職を除き、病院・公営企業等を含む全職員）の4月1日現在、人口はその年度の人口の表のとおりです。類似団体との比較（普通会計・一般行政）は次の表と定員管理診断表の基準によります。
      </p>
    </>
  );
}

/** One year's comparison with the 類似団体: the members, the chart and the group's totals. */
function PeerComparison({ p }: { p: PopulationView["peers"][number] }) {
  return (
    <section>
      <h2>
        類似団体との比較（{warekiFiscalYear(p.fiscalYear)}、類型 {p.group}）
      </h2>
      <dl class="meta">
        <dt>区分</dt>
        <dd>
          {p.schemeName}・類型 {p.group}（{p.groupFullWidth}）
          {p.members !== undefined && `、${p.members}団体`}
        </dd>
        <dt>基準</dt>
        <dd>
          {p.title ?? `職員数 ${dateJa(p.baseDate)}現在`}
          {p.populationAsOf && `、住民基本台帳人口 ${dateJa(p.populationAsOf)}現在`}
        </dd>
      </dl>
      <figure class="figure">
        <figcaption>人口1万人当たり普通会計職員数（▶ は本市）</figcaption>
        <Chart
          svg={peerChart(p)}
          label={`人口1万人当たり普通会計職員数。${p.rows.map((r) => `${r.name} ${formatDecimal(r.ordinaryPer10k, 2)}`).join("、")}${p.groupAverage ? `、類型平均 ${formatDecimal(p.groupAverage.ordinaryPer10k, 2)}` : ""}`}
        />
      </figure>
      <div class="table-scroll">
        <table class="staffing">
          <caption>類似団体の職員数（人口1万人当たりは gyokaku が計算）</caption>
          <thead>
            <tr>
              <th scope="col">都道府県</th>
              <th scope="col">団体名</th>
              <th scope="col" class="num">
                住基人口
              </th>
              <th scope="col" class="num">
                普通会計職員数
              </th>
              <th scope="col" class="num">
                人口1万当たり
              </th>
              <th scope="col" class="num">
                一般行政部門職員数
              </th>
              <th scope="col" class="num">
                人口1万当たり
              </th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr class={r.self ? "self" : ""}>
                <td>{r.prefecture ?? ""}</td>
                <th scope="row">
                  {r.self && "▶ "}
                  {r.name}
                </th>
                <Num v={r.population} />
                <Num v={r.ordinaryAccount} />
                <Num v={r.ordinaryPer10k} places={2} />
                <Num v={r.generalAdministration} />
                <Num v={r.generalPer10k} places={2} />
              </tr>
            ))}
            {p.groupAverage && (
              <tr class="total">
                <td />
                <th scope="row">
                  {p.group}
                  {p.members !== undefined && `（${p.members}団体）`} 合計
                </th>
                <Num v={p.groupAverage.population} />
                <Num v={p.groupAverage.ordinaryAccount} />
                <Num v={p.groupAverage.ordinaryPer10k} places={2} />
                <Num v={p.groupAverage.generalAdministration} />
                <Num v={p.groupAverage.generalPer10k} places={2} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The 類型 of each year as gyokaku computes it, beside what the document printed. */
function Classifications({ classifications }: { classifications: PopulationView["classifications"] }) {
  return (
    <section>
      <h2>類似団体の類型の判定</h2>
      <table class="staffing">
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">区分方式</th>
            <th scope="col" class="num">
              人口
            </th>
            <th scope="col">人口区分</th>
            <th scope="col">産業構造</th>
            <th scope="col">類型</th>
            <th scope="col">資料の類型</th>
          </tr>
        </thead>
        <tbody>
          {classifications.map((c) => (
            <tr>
              <th scope="row">{warekiFiscalYear(c.fiscalYear)}</th>
              <td>
                {c.schemeName}
                {c.censusYear !== undefined && `（産業構造: ${c.censusYear}年国勢調査）`}
              </td>
              <Num v={c.population} />
              <td>{c.computed.band.label}</td>
              <td>{c.computed.industry.label}</td>
              <td>
                <strong>{c.computed.group}</strong>（{c.computed.fullWidth}）
              </td>
              <td>
                {c.printed ?? ""}
                {!c.agrees && <span class="flag"> ⚠ 判定と違います</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** ラスパイレス指数 by year against the peers and the nation. */
function Laspeyres({ laspeyres }: { laspeyres: PopulationView["laspeyres"] }) {
  return (
    <section>
      <h2>ラスパイレス指数</h2>
      {laspeyres.length > 1 && (
        <figure class="figure">
          <figcaption>ラスパイレス指数の推移（国家公務員 = 100）</figcaption>
          <Chart
            svg={laspeyresChart(laspeyres, laspeyres.at(-1)?.nationalLabel ?? "全国平均")}
            label={`ラスパイレス指数。${laspeyres.map((r) => `${r.fiscalYear}年度 ${formatDecimal(r.own, 1)}`).join("、")}`}
          />
        </figure>
      )}
      <table class="staffing">
        <caption>ラスパイレス指数（各年4月1日現在、国家公務員 = 100）</caption>
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col" class="num">
              本市
            </th>
            <th scope="col" class="num">
              類似団体平均
            </th>
            <th scope="col" class="num">
              {laspeyres.at(-1)?.nationalLabel ?? "全国平均"}
            </th>
            <th scope="col" class="num">
              類似団体との差
            </th>
            <th scope="col" class="num">
              全国平均との差
            </th>
          </tr>
        </thead>
        <tbody>
          {laspeyres.map((r) => (
            <tr>
              <th scope="row">
                {warekiFiscalYear(r.fiscalYear)}（{r.fiscalYear}）
              </th>
              <Num v={r.own} places={1} />
              <Num v={r.peerAverage} places={1} />
              <Num v={r.nationalAverage} places={1} />
              <Num v={r.againstPeers} places={1} />
              <Num v={r.againstNation} places={1} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function PopulationBody({ view }: { view: PopulationView }) {
  return (
    <>
      <StaffAndPopulation view={view} />
      {view.diagnosis && (
        <section>
          <h2>区分ごとの人口1万人当たり職員数（定員管理診断表と同じ基準）</h2>
          <Per10kTable view={view.diagnosis} />
        </section>
      )}
      {view.peers.map((p) => (
        <PeerComparison p={p} />
      ))}
      {view.classifications.length > 0 && <Classifications classifications={view.classifications} />}
      {view.laspeyres.length > 0 && <Laspeyres laspeyres={view.laspeyres} />}
    </>
  );
}

export function PopulationPage({ view }: { view: PopulationView }) {
  return (
    <Page m={view.municipality} kind="population">
      <PopulationBody view={view} />
    </Page>
  );
}
