/**
 * 定年引上げと退職者 (図表6): the retirement schedule and the projection under a hiring plan.
 */

import { CsrfField, Notice } from "../core/ui/forms.tsx";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { formatCount } from "../domain/staffing/index.ts";
import { projectionChart } from "./staffing.charts.ts";
import { Chart, Fy, type NavYears, Num, Page, STAFFING_BASE } from "./staffing.page-parts.tsx";
import type { RetirementView } from "./staffing.reports.ts";

/** Saves the plan shown (stored, or just entered and computed) for the ten years after the year. */
function SaveHiringForm({ view, planYears }: { view: RetirementView; planYears: number[] }) {
  const hires = new Map(view.hiring.map((h) => [h.fiscalYear, h]));
  return (
    <form method="post" action={`${STAFFING_BASE}/${view.municipality.code}/retirement/hiring`}>
      <CsrfField />
      <input type="hidden" name="fy" value={String(view.fiscalYear)} />
      {planYears.map((y) => (
        <>
          <input type="hidden" name={`h${y}`} value={hires.has(y) ? String(hires.get(y)!.hires) : ""} />
          <input
            type="hidden"
            name={`l${y}`}
            value={hires.get(y)?.otherLeavers !== undefined ? String(hires.get(y)!.otherLeavers) : ""}
          />
        </>
      ))}
      <button type="submit" class="button">
        この採用計画を保存
      </button>
    </form>
  );
}

/** The legal retirement age by fiscal year, and the years without retirees. */
function RetirementAges({ view }: { view: RetirementView }) {
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
    </>
  );
}

/** Each birth cohort's age per year, with the years it works beyond 60 and retires; rows printed past the rule flagged. */
function CohortAges({ view, years }: { view: RetirementView; years: number[] }) {
  return (
    <>
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
                  if (c.beyondRule)
                    return (
                      <td
                        class="num flagged"
                        title={`資料の記載どおり。定年の規則では ${r.retirementFiscalYear}年度末に退職`}
                      >
                        {c.age}
                        <span class="flag">⚠</span>
                      </td>
                    );
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
      {view.table.some((r) => r.printedUntil !== undefined) && (
        <ul class="findings">
          {view.table
            .filter((r) => r.printedUntil !== undefined)
            .map((r) => (
              <li>
                <span class="flag">⚠ {r.label}</span> 資料はこの行の年齢を {r.printedUntil}
                年度まで記載していますが、定年の規則では {r.retirementFiscalYear}年度末（{r.retirementAge}
                歳）に退職します。⚠ の欄は資料の記載のまま残しています。
              </li>
            ))}
        </ul>
      )}
    </>
  );
}

/** The hiring plan entered for the years after the year; 「見通しを計算」 recomputes without saving. */
function HiringPlanForm({ view, planYears }: { view: RetirementView; planYears: number[] }) {
  const hires = new Map(view.hiring.map((h) => [h.fiscalYear, h]));
  return (
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
                    value={hires.get(y)?.otherLeavers !== undefined ? String(hires.get(y)!.otherLeavers) : ""}
                  />
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <button type="submit" class="button button-primary">
        見通しを計算
      </button>
      <p class="note">
        「見通しを計算」は保存しません。計算した計画は下の「この採用計画を保存」で保存でき（行革担当・管理者）、履歴に残り、見通しと定員適正化計画の進捗で使われます。テンプレートのシート「採用計画」からも取り込めます。
      </p>
    </form>
  );
}

/** The projected headcount under the hiring plan, as a chart and a table. */
function Projection({ projection }: { projection: NonNullable<RetirementView["projection"]> }) {
  return (
    <>
      <figure class="figure">
        <figcaption>4月1日の職員数の見通し</figcaption>
        <Chart
          svg={projectionChart(projection)}
          label={`職員数の見通し。${projection.map((r) => `${r.fiscalYear}年度 ${formatCount(r.headcount)}人`).join("、")}`}
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
            {projection.map((r) => (
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
  );
}

export function RetirementBody({
  view,
  form = false,
  canSave = false,
  entered = false,
}: {
  view: RetirementView;
  form?: boolean;
  canSave?: boolean;
  entered?: boolean;
}) {
  const years: number[] = [];
  for (let y = view.from; y <= view.to; y++) years.push(y);
  const planYears = years.filter((y) => y > view.fiscalYear);
  return (
    <>
      <RetirementAges view={view} />
      <CohortAges view={view} years={years} />
      <h2>採用計画による職員数の見通し</h2>
      {form && <HiringPlanForm view={view} planYears={planYears} />}
      {form && canSave && (
        <>
          {entered && <p>表示中の採用計画は入力したもので、まだ保存されていません。</p>}
          <SaveHiringForm view={view} planYears={planYears} />
        </>
      )}
      {view.missing.length > 0 && (
        <p class="flag">
          次のデータがないため、職員数の見通しは出せません: {view.missing.join("、")}。
          {view.cohortCounts.size === 0 &&
            "年齢（生年度）ごとの職員数が分からないと、各年度の定年退職者の数が分かりません。テンプレートのシート「年齢構成」に入力して取り込んでください。"}
        </p>
      )}
      {view.projection && <Projection projection={view.projection} />}
    </>
  );
}

export function RetirementPage({
  view,
  canSave = false,
  saved = false,
  entered = false,
  nav,
}: {
  view: RetirementView;
  canSave?: boolean;
  saved?: boolean;
  entered?: boolean;
  nav?: NavYears;
}) {
  return (
    <Page m={view.municipality} kind="retirement" fy={view.fiscalYear} nav={nav}>
      {saved && <Notice>採用計画を保存しました（履歴に記録しました）。</Notice>}
      <RetirementBody view={view} form canSave={canSave} entered={entered} />
    </Page>
  );
}
