/**
 * 部局別職員数の推移 (図表4): headcount by unit over the years against the quota.
 */
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { formatCount } from "../domain/staffing/index.ts";
import { headcountChart } from "./staffing.charts.ts";
import { Chart, Findings, Fy, type NavYears, Page } from "./staffing.page-parts.tsx";
import type { HeadcountView } from "./staffing.reports.ts";

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
              {view.years.map((y) => {
                const printed = view.yearLabels.get(y);
                return printed ? (
                  <th scope="col" class="num" title={printed.note ?? ""}>
                    {printed.label}
                    <span class="flag">⚠</span>
                  </th>
                ) : (
                  <th scope="col" class="num">
                    <Fy fy={y} />
                  </th>
                );
              })}
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
                        <span class="flag" title="資料の合計と内訳の合計が一致しません">
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
      {view.yearLabels.size > 0 && (
        <ul class="findings">
          {[...view.yearLabels].map(([y, l]) => (
            <li>
              <span class="flag">⚠ 列「{l.label}」</span> 資料の表記のまま（{y}年度として集計）。
              {l.note ?? ""}
            </li>
          ))}
        </ul>
      )}
      <p class="note">
        合計・小計は下位組織の職員数から計算しています（資料に印刷された合計とは照合のみ）。（
        ）内は内数です。空欄はその年度に組織がなかったことを示します。
      </p>
      <Findings findings={view.findings} />
    </>
  );
}

export function HeadcountPage({ view, fy, nav }: { view: HeadcountView; fy?: number; nav?: NavYears }) {
  return (
    <Page m={view.municipality} kind="headcount" fy={fy} nav={nav}>
      <HeadcountBody view={view} />
    </Page>
  );
}
