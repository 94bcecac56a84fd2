/**
 * Staffing pages (定数管理): the list of municipalities with staffing data and one municipality's overview.
 * The reports are in staffing.*.page.tsx; what they share in staffing.page-parts.tsx.
 */
import type { Finding } from "../core/findings.ts";
import { Layout } from "../core/ui/layout.tsx";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { formatCount, formatDecimal } from "../domain/staffing/index.ts";
import { Findings, STAFFING_BASE, StaffingNav } from "./staffing.page-parts.tsx";
import type { DiagnosisView, HeadcountView } from "./staffing.reports.ts";
import type { StaffingSummaryRow } from "./staffing.repository.ts";

export function StaffingListPage({ rows }: { rows: StaffingSummaryRow[] }) {
  return (
    <Layout title="定数管理" breadcrumbs={[]}>
      <h1>定数管理</h1>
      <p class="lead">
        部局別の職員数と定数、人口・類似団体との比較、定員管理診断表、定年引上げに伴う退職者の予定を表示します。
      </p>
      {rows.length === 0 ? (
        <p>
          データはまだありません。<a href={`${STAFFING_BASE}/import`}>画面から取り込む</a>か、
          <code>gyokaku staffing import FILE</code> で取り込めます（千歳市
          行政改革基本方針のテキスト、定数管理テンプレート .xlsx、定数管理文書 .json）。
          <a href={`${STAFFING_BASE}/template.xlsx`} download>
            空のテンプレート（xlsx）
          </a>
        </p>
      ) : (
        <table class="staffing">
          <caption>
            定数管理のデータがある団体（<a href={`${STAFFING_BASE}/import`}>データを取り込む</a>）
          </caption>
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
      <h1>{m.name} 定数管理</h1>
      {view.title && <p class="lead">{view.title}</p>}
      <StaffingNav code={m.code} current="overview" />
      <dl class="meta">
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

export { DiagnosisBody, DiagnosisPage } from "./staffing.diagnosis.page.tsx";
export { HeadcountBody, HeadcountPage } from "./staffing.headcount.page.tsx";
export {
  REPORT_TITLES,
  type ReportKind,
  STAFFING_BASE,
  StandaloneReport,
} from "./staffing.page-parts.tsx";
export { PopulationBody, PopulationPage } from "./staffing.population.page.tsx";
export { RetirementBody, RetirementPage } from "./staffing.retirement.page.tsx";
