/**
 * 定員適正化計画の進捗: per year the target, the actual headcount on 1 April, the difference, the change
 * from the base year (人 and %, ▲ for a decrease) and from the previous year, as a table and a chart. A
 * figure that needs an absent year shows 「—」 with the reason.
 */
import { indicatorChart } from "../core/charts/indicator-chart.ts";
import { shortWareki, warekiFiscalYear } from "../domain/fiscal-year.ts";
import { formatCount } from "../domain/staffing/index.ts";
import { Chart, Missing, Num, Page, STAFFING_BASE } from "./staffing.page-parts.tsx";
import type { PlanLineView, PlanView } from "./staffing.reports.ts";

function cell(v: number | undefined, why: string, places?: number) {
  return v === undefined ? <Missing why={why} /> : <Num v={v} places={places} />;
}

function PlanLine({ line }: { line: PlanLineView }) {
  const chart = indicatorChart({
    categories: line.years.map((y) => `${y.fiscalYear} ${shortWareki(y.fiscalYear)}`),
    unit: "人",
    actuals: [{ name: "実績（4月1日）", values: line.years.map((y) => y.actual ?? null) }],
    targets: [{ name: "目標", values: line.years.map((y) => y.target ?? null) }],
    width: 900,
    height: 300,
    description: `${line.scope}の目標と実績`,
  });
  return (
    <section class="figure">
      <h2>{line.scope}</h2>
      <table class="staffing">
        <caption>
          {line.scope}の目標と実績（基準 {formatCount(line.baseHeadcount)}人）
        </caption>
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col" class="num">
              目標
            </th>
            <th scope="col" class="num">
              実績（4月1日）
            </th>
            <th scope="col" class="num">
              差（実績−目標）
            </th>
            <th scope="col" class="num">
              基準年度からの増減（目標）
            </th>
            <th scope="col" class="num">
              率 %（目標）
            </th>
            <th scope="col" class="num">
              基準年度からの増減（実績）
            </th>
            <th scope="col" class="num">
              率 %（実績）
            </th>
            <th scope="col" class="num">
              前年度からの増減
            </th>
          </tr>
        </thead>
        <tbody>
          {line.years.map((y) => {
            const noActual = y.missing.find((m) => m.includes("職員数がありません")) ?? "実績がありません";
            const noTarget = `${y.fiscalYear}年度の目標がありません`;
            const noPrevious = y.missing.find((m) => m.includes("前年度")) ?? noActual;
            return (
              <tr>
                <th scope="row">
                  {warekiFiscalYear(y.fiscalYear)}（{y.fiscalYear}）
                </th>
                {cell(y.target, noTarget)}
                {cell(y.actual, noActual)}
                {cell(y.difference, y.actual === undefined ? noActual : noTarget)}
                {cell(y.targetChange, noTarget)}
                {cell(y.targetRate, noTarget, 1)}
                {cell(y.actualChange, noActual)}
                {cell(y.actualRate, noActual, 1)}
                {y.fiscalYear === line.years[0]!.fiscalYear ? (
                  <td class="num">基準</td>
                ) : (
                  cell(y.previousChange, noPrevious)
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {line.years.some((y) => y.missing.length > 0) && (
        <ul class="note">
          {line.years
            .flatMap((y) => y.missing)
            .map((m) => (
              <li>「—」: {m}</li>
            ))}
        </ul>
      )}
      <Chart svg={chart} label={`${line.scope}の目標（破線）と実績（4月1日）の推移`} />
    </section>
  );
}

export function PlanBody({ view }: { view: PlanView }) {
  return (
    <>
      <dl class="meta">
        {view.title && (
          <>
            <dt>計画</dt>
            <dd>{view.title}</dd>
          </>
        )}
        <dt>基準年度</dt>
        <dd>
          {warekiFiscalYear(view.baseFiscalYear)}（{view.baseFiscalYear}）4月1日
        </dd>
        <dt>計画期間</dt>
        <dd>
          {warekiFiscalYear(view.fromFiscalYear)}～{warekiFiscalYear(view.toFiscalYear)}（
          {view.fromFiscalYear}～{view.toFiscalYear}年度）
        </dd>
      </dl>
      <p class="note">
        増減と率は基準年度の職員数に対するものです（率は小数第1位まで四捨五入、減少は
        ▲）。実績のない年度は「—」とし、0 や他の年度の値では埋めません。
      </p>
      {view.lines.map((l) => (
        <PlanLine line={l} />
      ))}
      <section class="figure">
        <h2>採用と退職（採用計画と実績）</h2>
        <table class="staffing">
          <caption>採用計画（定年引上げと退職者のページで保存）と、退職・採用の実績（人）</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col" class="num">
                採用計画
              </th>
              <th scope="col" class="num">
                定年以外の退職（計画）
              </th>
              <th scope="col" class="num">
                採用（実績、4月1日）
              </th>
              <th scope="col" class="num">
                退職（実績、年度中）
              </th>
            </tr>
          </thead>
          <tbody>
            {view.movements.map((m) => (
              <tr>
                <th scope="row">
                  {warekiFiscalYear(m.fiscalYear)}（{m.fiscalYear}）
                </th>
                {cell(m.plannedHires, `${m.fiscalYear}年度の採用計画がありません`)}
                {cell(m.plannedOtherLeavers, `${m.fiscalYear}年度の定年以外の退職の計画がありません`)}
                {cell(m.hires, `${m.fiscalYear}年度の採用の実績がありません`)}
                {cell(m.leavers, `${m.fiscalYear}年度の退職の実績がありません`)}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

export function PlanPage({ view }: { view: PlanView }) {
  return (
    <Page m={view.municipality} kind="plan">
      <PlanBody view={view} />
    </Page>
  );
}

/**
 * The page of a municipality that has no 定員適正化計画 yet: what it would show and how to enter it (the template's
 * sheet, then the upload), instead of a 「見つかりません」 for a page the navigation offers.
 */
export function NoPlanPage({ m, canImport }: { m: { code: string; name: string }; canImport: boolean }) {
  return (
    <Page m={m} kind="plan" downloads={false}>
      <p>
        {m.name}
        の定員適正化計画（基準年度の職員数と年度ごとの目標）はまだ入力されていません。入力すると、ここに年度ごとの目標と
        4月1日の実績、その差と基準年度からの増減が表とグラフで示されます。
      </p>
      <p>
        入力のしかた:{" "}
        <a href={`${STAFFING_BASE}/${m.code}/template.xlsx`} download>
          今のデータ入りのテンプレート（xlsx）
        </a>
        のシート「定員適正化計画」に基準と目標を、シート「団体」に計画名と計画期間を書いて、
        {canImport ? (
          <a href={`${STAFFING_BASE}/import`}>定数管理のデータの取り込み</a>
        ) : (
          "行革担当か管理者が定数管理のデータの取り込み"
        )}
        から取り込みます。
      </p>
    </Page>
  );
}
