/**
 * Staffing pages (定数管理): headcount by unit over the years, staff against population and peers, the
 * diagnosis table, the retirement schedule. Presenters render view models (staffing.reports.ts), never
 * database rows. The bodies are shared by the site pages and the standalone reports (HTML, PDF).
 */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { Finding } from "../core/findings.ts";
import { formatFinding } from "../core/findings.ts";
import { Layout } from "../core/ui/layout.tsx";
import { shortWareki, wareki, warekiFiscalYear } from "../domain/fiscal-year.ts";
import { type Comparison, formatChange, formatCount, formatDecimal } from "../domain/staffing/index.ts";
import {
  diagnosisChart,
  headcountChart,
  laspeyresChart,
  peerChart,
  populationChart,
  projectionChart,
} from "./staffing.charts.ts";
import type {
  DiagnosisView,
  HeadcountView,
  Municipality,
  PopulationView,
  RetirementView,
} from "./staffing.reports.ts";
import type { StaffingSummaryRow } from "./staffing.repository.ts";

export const STAFFING_BASE = "/staffing";
export type ReportKind = "headcount" | "population" | "diagnosis" | "retirement";

const REPORT_TITLES: Record<ReportKind, string> = {
  headcount: "部局別職員数の推移",
  population: "職員数と人口・類似団体との比較",
  diagnosis: "定員管理診断表",
  retirement: "定年引上げと退職者の予定",
};

/** Styles of these pages; small, so inline (allowed by the CSP), and printed with the report. */
export const STAFFING_CSS = `
.staffing-nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:.5rem 0 1rem}
.staffing-nav a{display:inline-block;padding:.35rem .75rem;border:1px solid var(--line,#c9c9d1);border-radius:4px;text-decoration:none}
.staffing-nav a[aria-current="page"]{background:var(--accent-dark,#00118f);color:#fff;border-color:var(--accent-dark,#00118f)}
table.staffing td.num,table.staffing th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.staffing{font-size:.92rem}
table.staffing th[scope=row]{font-weight:400;white-space:nowrap;text-align:left}
table.staffing td.sector{white-space:nowrap;font-size:.85rem;color:#4d4d55}
table.staffing.narrow{width:auto;min-width:24rem}
table.staffing.compact th,table.staffing.compact td{padding:.25rem .35rem;font-size:.85rem}
table.staffing tr.group th,table.staffing tr.group td{font-weight:700;background:#f7f7fa}
table.staffing tr.total th,table.staffing tr.total td{font-weight:700;border-top:2px solid #1a1a1c;background:#eef0f7}
table.staffing tr.breakdown th,table.staffing tr.breakdown td{color:#4d4d55;font-size:.85rem}
table.staffing tr.breakdown th[scope=row]{white-space:normal;max-width:14rem}
table.staffing tr.special th,table.staffing tr.special td{font-style:italic}
table.staffing tr.self th,table.staffing tr.self td{font-weight:700;background:#fff4d6}
table.staffing td.neg{color:#7a1f00}
table.staffing thead th{vertical-align:bottom}
.figure{margin:1rem 0 2rem}
.figure figcaption{font-weight:700;margin:.5rem 0}
.chart svg{max-width:100%;height:auto}
.note{font-size:.9rem;color:#4d4d55}
.findings li{margin:.25rem 0}
.kv{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
.kv dt{font-weight:700}.kv dd{margin:0}
.plan-form table input{width:5.5em;font:inherit;padding:.2rem .3rem;text-align:right}
.plan-form button{font:inherit;padding:.4rem 1rem;margin:.5rem 0;background:#00118f;color:#fff;border:0;border-radius:4px;cursor:pointer}
.downloads a{margin-right:1rem}
.cell-flag{background:#fff4d6;color:#7a4a00;border-radius:3px;padding:0 .2rem}
@media print{.staffing-nav,.plan-form,.downloads{display:none}.figure{break-inside:avoid;margin:.5rem 0}
body{line-height:1.35}h1{font-size:16pt;margin:0 0 .3rem}h2{font-size:12pt;margin:.8rem 0 .3rem}
table.staffing{font-size:8.5pt;margin:.25rem 0 .5rem}table.staffing th,table.staffing td{padding:.1rem .3rem}
table.staffing tr.breakdown th,table.staffing tr.breakdown td,table.staffing td.sector{font-size:7.5pt}
.chart svg{max-height:150mm;width:auto}.kv{font-size:9pt;margin:0 0 .4rem}.note{font-size:8pt}}
`;

function Styles() {
  return <style>{raw(STAFFING_CSS)}</style>;
}

function Fy({ fy }: { fy: number }) {
  return (
    <>
      {fy}
      <span class="fy">{shortWareki(fy)}</span>
    </>
  );
}

/** A number cell; negative values printed with ▲ and marked, not only coloured. */
function Num({
  v,
  blankZero = false,
  places,
}: {
  v: number | null | undefined;
  blankZero?: boolean;
  places?: number;
}) {
  const text = places !== undefined ? formatDecimal(v, places) : blankZero ? formatChange(v) : formatCount(v);
  return <td class={`num${typeof v === "number" && v < 0 ? " neg" : ""}`}>{text}</td>;
}

function Chart({ svg, label }: { svg: string; label: string }) {
  return (
    <div class="chart" role="img" aria-label={label}>
      {raw(svg)}
    </div>
  );
}

function Findings({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <section aria-labelledby="findings-h">
      <h2 id="findings-h">確認が必要な点（{findings.length}件）</h2>
      <ul class="findings">
        {findings.map((f) => (
          <li>
            <span class="flag">⚠ {f.subject ?? "指摘"}</span> {formatFinding(f)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function StaffingNav({ code, current, fy }: { code: string; current: ReportKind | "overview"; fy?: number }) {
  const q = fy !== undefined ? `?fy=${fy}` : "";
  const items: [ReportKind, string][] = [
    ["headcount", "職員数の推移"],
    ["population", "人口・類似団体"],
    ["diagnosis", "定員管理診断表"],
    ["retirement", "定年引上げ・退職者"],
  ];
  return (
    <nav class="staffing-nav" aria-label="定数管理のページ">
      <ul>
        {items.map(([kind, label]) => (
          <li>
            <a
              href={`${STAFFING_BASE}/${code}/${kind}${q}`}
              aria-current={current === kind ? "page" : undefined}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Downloads({ code, kind, fy }: { code: string; kind: ReportKind; fy?: number }) {
  const q = fy !== undefined ? `?fy=${fy}` : "";
  return (
    <p class="downloads">
      <a href={`${STAFFING_BASE}/${code}/${kind}.xlsx${q}`} download>
        この表を Excel（xlsx）で保存
      </a>
      <a href={`${STAFFING_BASE}/${code}/${kind}.pdf${q}`} download>
        PDF で保存
      </a>
      <a href={`${STAFFING_BASE}/${code}/template.xlsx`} download>
        データをテンプレート（xlsx）で保存
      </a>
    </p>
  );
}

const crumbs = (m: Municipality) => [
  { href: STAFFING_BASE, label: "定数管理" },
  { href: `${STAFFING_BASE}/${m.code}`, label: m.name },
];

function Page({
  m,
  kind,
  fy,
  children,
}: {
  m: Municipality;
  kind: ReportKind;
  fy?: number;
  children: Child;
}) {
  return (
    <Layout title={`${m.name} ${REPORT_TITLES[kind]}`} breadcrumbs={crumbs(m)}>
      <Styles />
      <h1>
        {m.name} {REPORT_TITLES[kind]}
      </h1>
      <StaffingNav code={m.code} current={kind} fy={fy} />
      {children}
      <Downloads code={m.code} kind={kind} fy={fy} />
    </Layout>
  );
}

// ---------------------------------------------------------------- list and overview

export function StaffingListPage({ rows }: { rows: StaffingSummaryRow[] }) {
  return (
    <Layout title="定数管理" breadcrumbs={[]}>
      <Styles />
      <h1>定数管理</h1>
      <p class="lead">
        部局別の職員数と定数、人口・類似団体との比較、定員管理診断表、定年引上げに伴う退職者の予定を表示します。
      </p>
      {rows.length === 0 ? (
        <p>
          データはまだありません。<code>gyokaku staffing import FILE</code> で取り込めます（千歳市
          行政改革基本方針のテキスト、定数管理テンプレート .xlsx、定数管理文書 .json）。
          <a href={`${STAFFING_BASE}/template.xlsx`} download>
            空のテンプレート（xlsx）
          </a>
        </p>
      ) : (
        <table class="staffing">
          <caption>定数管理のデータがある団体</caption>
          <thead>
            <tr>
              <th scope="col">団体</th>
              <th scope="col">団体コード</th>
              <th scope="col">資料</th>
              <th scope="col">職員数の年度</th>
              <th scope="col" class="num">
                組織数
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`${STAFFING_BASE}/${r.municipalityCode}`}>{r.municipalityName}</a>
                </th>
                <td>{r.municipalityCode}</td>
                <td>{r.title ?? ""}</td>
                <td>
                  {r.firstYear !== null && r.lastYear !== null
                    ? `${warekiFiscalYear(r.firstYear)}～${warekiFiscalYear(r.lastYear)}（${r.firstYear}～${r.lastYear}年度）`
                    : "—"}
                </td>
                <td class="num">{r.units}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export function StaffingOverviewPage({
  view,
  diagnosis,
  findings,
}: {
  view: HeadcountView;
  diagnosis: DiagnosisView | null;
  findings: Finding[];
}) {
  const m = view.municipality;
  const last = view.years.at(-1);
  const lastTotal = view.total.values.at(-1);
  const ordinary = diagnosis?.lines.find((l) => l.name === "普通会計計");
  return (
    <Layout title={`${m.name} 定数管理`} breadcrumbs={[{ href: STAFFING_BASE, label: "定数管理" }]}>
      <Styles />
      <h1>{m.name} 定数管理</h1>
      {view.title && <p class="lead">{view.title}</p>}
      <StaffingNav code={m.code} current="overview" />
      <dl class="kv">
        {last !== undefined && (
          <>
            <dt>職員数（{warekiFiscalYear(last)}4月1日）</dt>
            <dd>
              {view.total.label} {formatCount(lastTotal)}人
              {view.total.quota !== undefined && `（定数 ${formatCount(view.total.quota)}人）`}
            </dd>
          </>
        )}
        {diagnosis && ordinary?.simple && (
          <>
            <dt>類似団体との比較（{warekiFiscalYear(diagnosis.fiscalYear)}）</dt>
            <dd>
              普通会計 {formatCount(ordinary.current)}人、類型 {diagnosis.group} の平均による推計{" "}
              {formatCount(ordinary.simple.estimate)}人、超過 {formatCount(ordinary.simple.excess)}人（
              {formatDecimal(ordinary.simple.rate, 1)}%）
            </dd>
          </>
        )}
      </dl>
      <Findings findings={findings} />
      <p class="downloads">
        <a href={`${STAFFING_BASE}/${m.code}/template.xlsx`} download>
          データをテンプレート（xlsx）で保存
        </a>
      </p>
    </Layout>
  );
}

// ---------------------------------------------------------------- headcount

export function HeadcountBody({ view }: { view: HeadcountView }) {
  const label = `${view.years[0]}年度から${view.years.at(-1)}年度の${view.total.label}と部局別の職員数。${view.years
    .map((y, i) => `${y}年度 ${formatCount(view.total.values[i])}人`)
    .join("、")}`;
  return (
    <>
      <figure class="figure">
        <figcaption>部局別職員数の推移（各年4月1日現在）</figcaption>
        <Chart svg={headcountChart(view)} label={label} />
      </figure>
      <div class="table-scroll">
        <table class="staffing">
          <caption>
            部局別職員数（人、各年4月1日現在）
            {view.quotaYear !== undefined && `・定数は${warekiFiscalYear(view.quotaYear)}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">組織</th>
              <th scope="col">部門</th>
              {view.years.map((y) => (
                <th scope="col" class="num">
                  <Fy fy={y} />
                </th>
              ))}
              {view.quotaYear !== undefined && (
                <th scope="col" class="num">
                  定数
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr class={`${r.kind}${r.special ? " special" : ""}`}>
                <th scope="row" style={`padding-left:${0.5 + r.depth * 1.25}rem`}>
                  {r.kind === "breakdown" ? `（${r.label}）` : r.label}
                  {r.note && <span class="note">（{r.note}）</span>}
                </th>
                <td class="sector">{r.sector ?? ""}</td>
                {r.values.map((v, i) => {
                  const bad = r.mismatched.includes(view.years[i]!);
                  return (
                    <td class="num">
                      {r.kind === "breakdown" && v !== undefined ? `(${formatCount(v)})` : formatCount(v)}
                      {bad && (
                        <span class="cell-flag" title="資料の合計と内訳の合計が一致しません">
                          {" "}
                          ⚠
                        </span>
                      )}
                    </td>
                  );
                })}
                {view.quotaYear !== undefined && <td class="num">{formatCount(r.quota)}</td>}
              </tr>
            ))}
            {view.counted && (
              <tr class="breakdown">
                <th scope="row">定数対象職員数（{warekiFiscalYear(view.counted.fiscalYear)}）</th>
                <td />
                {view.years.map((y) => (
                  <td class="num">
                    {y === view.counted!.fiscalYear ? formatCount(view.counted!.value) : ""}
                  </td>
                ))}
                {view.quotaYear !== undefined && (
                  <td class="num">
                    {view.ceiling ? `${view.ceiling.label ?? "上限"} ${formatCount(view.ceiling.value)}` : ""}
                  </td>
                )}
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p class="note">
        合計・小計は下位組織の職員数から計算しています（資料に印刷された合計とは照合のみ）。（
        ）内は内数です。空欄はその年度に組織がなかったことを示します。
      </p>
      <Findings findings={view.findings} />
    </>
  );
}

export function HeadcountPage({ view, fy }: { view: HeadcountView; fy?: number }) {
  return (
    <Page m={view.municipality} kind="headcount" fy={fy}>
      <HeadcountBody view={view} />
    </Page>
  );
}

// ---------------------------------------------------------------- staff and population

const dateJa = (iso: string | undefined) => {
  if (!iso) return "";
  const [y, mo, d] = iso.split("-").map(Number) as [number, number, number];
  return `${wareki(y)}${mo}月${d}日`;
};

export function PopulationBody({ view }: { view: PopulationView }) {
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
                <th scope="row">
                  {warekiFiscalYear(r.fiscalYear)}（{r.fiscalYear}）
                </th>
                <Num v={r.staff} />
                <Num v={r.population} />
                <td>{dateJa(r.populationAsOf)}</td>
                <Num v={r.per10k} places={2} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.peers.map((p) => (
        <section>
          <h2>
            類似団体との比較（{warekiFiscalYear(p.fiscalYear)}、類型 {p.group}）
          </h2>
          <dl class="kv">
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
                    <td />
                    <Num v={p.groupAverage.generalPer10k} places={2} />
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {view.classifications.length > 0 && (
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
              {view.classifications.map((c) => (
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
      )}
      {view.laspeyres.length > 0 && (
        <section>
          <h2>ラスパイレス指数</h2>
          {view.laspeyres.length > 1 && (
            <figure class="figure">
              <figcaption>ラスパイレス指数の推移（国家公務員 = 100）</figcaption>
              <Chart
                svg={laspeyresChart(view.laspeyres, view.laspeyres.at(-1)?.nationalLabel ?? "全国平均")}
                label={`ラスパイレス指数。${view.laspeyres.map((r) => `${r.fiscalYear}年度 ${formatDecimal(r.own, 1)}`).join("、")}`}
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
                  {view.laspeyres.at(-1)?.nationalLabel ?? "全国平均"}
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
              {view.laspeyres.map((r) => (
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
      )}
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

// ---------------------------------------------------------------- diagnosis

function ComparisonCells({ c }: { c: Comparison | undefined }) {
  return (
    <>
      <Num v={c?.estimate} />
      <Num v={c?.excess} blankZero />
      <Num v={c?.rate} places={1} />
    </>
  );
}

export function DiagnosisBody({ view }: { view: DiagnosisView }) {
  const avg = view.averages.find((a) => a.total === "普通会計計")?.simplePer10k;
  return (
    <>
      <dl class="kv">
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
      </dl>
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
                <Num v={l.change} blankZero />
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

export function DiagnosisPage({ view }: { view: DiagnosisView }) {
  return (
    <Page m={view.municipality} kind="diagnosis" fy={view.fiscalYear}>
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

// ---------------------------------------------------------------- retirement

export function RetirementBody({ view, form = false }: { view: RetirementView; form?: boolean }) {
  const years: number[] = [];
  for (let y = view.from; y <= view.to; y++) years.push(y);
  const planYears = years.filter((y) => y > view.fiscalYear);
  const hires = new Map(view.hiring.map((h) => [h.fiscalYear, h]));
  return (
    <>
      <h2>定年年齢</h2>
      <table class="staffing narrow">
        <caption>地方公務員の定年（年度末に定年に達した職員が退職）</caption>
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col" class="num">
              定年
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{warekiFiscalYear(view.schedule[0]!.from - 1)}まで</th>
            <td class="num">60歳</td>
          </tr>
          {view.schedule.map((s) => (
            <tr>
              <th scope="row">
                {warekiFiscalYear(s.from)}
                {s.to !== undefined ? `～${warekiFiscalYear(s.to)}` : "以降"}（{s.from}
                {s.to !== undefined ? `～${s.to}` : "～"}）
              </th>
              <td class="num">{s.age}歳</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        定年退職者のいない年度（{warekiFiscalYear(view.from)}～{warekiFiscalYear(view.to)}）:{" "}
        <strong>
          {view.withoutRetirees.map((y) => `${warekiFiscalYear(y)}（${y}）`).join("、") || "なし"}
        </strong>
      </p>
      <div class="table-scroll">
        <table class="staffing compact">
          <caption>
            生年度別の年齢（歳）と退職年度（「延」= 60歳を超えて勤務、「退」= その年度末に定年退職）
          </caption>
          <thead>
            <tr>
              <th scope="col">生年度</th>
              {view.cohortCounts.size > 0 && (
                <th scope="col" class="num">
                  人数
                </th>
              )}
              {years.map((y) => (
                <th scope="col" class="num">
                  <Fy fy={y} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr class="breakdown">
              <th scope="row">定年退職者</th>
              {view.cohortCounts.size > 0 && <td />}
              {years.map((y) => (
                <td class="num">{view.withoutRetirees.includes(y) ? "なし" : "あり"}</td>
              ))}
            </tr>
            {view.table.map((r) => (
              <tr>
                <th scope="row">
                  {r.label}
                  <span class="fy">
                    {r.birthFiscalYear}年4月2日～{r.birthFiscalYear + 1}年4月1日生
                  </span>
                </th>
                {view.cohortCounts.size > 0 && <Num v={view.cohortCounts.get(r.birthFiscalYear)} />}
                {years.map((y) => {
                  const c = r.cells.find((x) => x.fiscalYear === y);
                  if (!c) return <td />;
                  return (
                    <td class="num">
                      {c.age}
                      {c.extended && "延"}
                      {c.retires && <strong>退</strong>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>採用計画による職員数の見通し</h2>
      {form && (
        <form class="plan-form" method="get" action={`${STAFFING_BASE}/${view.municipality.code}/retirement`}>
          <input type="hidden" name="fy" value={String(view.fiscalYear)} />
          <p>
            <label>
              {warekiFiscalYear(view.fiscalYear)}4月1日の職員数（{view.startLabel}）{" "}
              <input
                type="number"
                name="start"
                min="0"
                inputmode="numeric"
                value={view.startHeadcount !== undefined ? String(view.startHeadcount) : ""}
              />
            </label>
          </p>
          <div class="table-scroll">
            <table class="staffing">
              <caption>採用計画（人）— 入力して「見通しを計算」を押してください</caption>
              <thead>
                <tr>
                  <th scope="col">項目</th>
                  {planYears.map((y) => (
                    <th scope="col" class="num">
                      <Fy fy={y} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">4月1日の採用数</th>
                  {planYears.map((y) => (
                    <td class="num">
                      <input
                        type="number"
                        min="0"
                        inputmode="numeric"
                        name={`h${y}`}
                        aria-label={`${warekiFiscalYear(y)}の採用数`}
                        value={hires.has(y) ? String(hires.get(y)!.hires) : ""}
                      />
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">定年以外の退職者数</th>
                  {planYears.map((y) => (
                    <td class="num">
                      <input
                        type="number"
                        min="0"
                        inputmode="numeric"
                        name={`l${y}`}
                        aria-label={`${warekiFiscalYear(y)}の定年以外の退職者数`}
                        value={
                          hires.get(y)?.otherLeavers !== undefined ? String(hires.get(y)!.otherLeavers) : ""
                        }
                      />
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <button type="submit">見通しを計算</button>
          <p class="note">
            ここで入力した計画は保存されません。保存するにはテンプレートのシート「採用計画」に入力して取り込みます。
          </p>
        </form>
      )}
      {view.missing.length > 0 && (
        <p class="flag">
          見通しの計算に次のデータがありません: {view.missing.join("、")}。
          {view.cohortCounts.size === 0 && "定年退職者は 0 人として計算します。"}
        </p>
      )}
      {view.projection && (
        <>
          <figure class="figure">
            <figcaption>4月1日の職員数の見通し</figcaption>
            <Chart
              svg={projectionChart(view.projection)}
              label={`職員数の見通し。${view.projection.map((r) => `${r.fiscalYear}年度 ${formatCount(r.headcount)}人`).join("、")}`}
            />
          </figure>
          <div class="table-scroll">
            <table class="staffing">
              <caption>職員数の見通し（人）</caption>
              <thead>
                <tr>
                  <th scope="col">年度</th>
                  <th scope="col" class="num">
                    4月1日の採用
                  </th>
                  <th scope="col" class="num">
                    4月1日の職員数
                  </th>
                  <th scope="col" class="num">
                    年度末の定年退職
                  </th>
                  <th scope="col" class="num">
                    定年以外の退職
                  </th>
                  <th scope="col" class="num">
                    年度末の職員数
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.projection.map((r) => (
                  <tr>
                    <th scope="row">
                      {warekiFiscalYear(r.fiscalYear)}（{r.fiscalYear}）
                    </th>
                    <Num v={r.hires} />
                    <Num v={r.headcount} />
                    <Num v={r.retirees} />
                    <Num v={r.otherLeavers} />
                    <Num v={r.yearEnd} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

export function RetirementPage({ view }: { view: RetirementView }) {
  return (
    <Page m={view.municipality} kind="retirement" fy={view.fiscalYear}>
      <RetirementBody view={view} form />
    </Page>
  );
}

export function StaffingNotFoundPage({ message }: { message: string }) {
  return (
    <Layout title="見つかりません" breadcrumbs={[{ href: STAFFING_BASE, label: "定数管理" }]}>
      <h1>見つかりません</h1>
      <p>{message}</p>
      <p>
        <a href={STAFFING_BASE}>定数管理の一覧へ</a>
      </p>
    </Layout>
  );
}

// ---------------------------------------------------------------- standalone reports (HTML file, PDF)

/**
 * A report as one self-contained HTML document (styles inline, charts inline SVG, nothing loaded from
 * anywhere), for `gyokaku staffing report --format html` and for printing to PDF.
 */
export function StandaloneReport({
  m,
  kind,
  css,
  children,
  generatedAt,
}: {
  m: Municipality;
  kind: ReportKind;
  css: string;
  children: Child;
  generatedAt: string;
}) {
  const title = `${m.name} ${REPORT_TITLES[kind]}`;
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="ja">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title}</title>
          <style>{raw(css)}</style>
          <style>{raw(STAFFING_CSS)}</style>
        </head>
        <body>
          <main class="container">
            <h1>{title}</h1>
            {children}
            <p class="note">gyokaku により作成（{generatedAt}）</p>
          </main>
        </body>
      </html>
    </>
  );
}

export { REPORT_TITLES };
