/** The 財政効果額 section of the 集計 (page and PDF): planned against actual in one unit, by kind, level, department and year. */
import type { EffectSum } from "../../domain/evaluation/fiscal-effect.ts";
import { warekiFiscalYear } from "../../domain/fiscal-year.ts";
import type { FiscalEffectLine, FiscalEffectModel } from "../fiscal-effect.model.ts";

/** 1,234.5 or — for a missing amount (never 0). */
export function formatAmount(n: number | null): string {
  return n === null ? "—" : n.toLocaleString("ja-JP", { maximumFractionDigits: 3 });
}

/** 達成率 (実績 ÷ 計画) with one decimal, or — when an actual is missing. */
export function formatEffectRate(s: EffectSum): string {
  return s.rate === null ? "—" : `${s.rate.toFixed(1)}%`;
}

/** The one-line total the 一覧 and the dashboard show: 「財政効果額（令和2年度まで）計画 3,600千円／実績 2,700千円」. */
export function effectTotalText(m: FiscalEffectModel): string {
  const missing = m.toDate.actualMissing > 0 ? `（実績未報告 ${m.toDate.actualMissing}件）` : "";
  const target = m.target ? `／目標「${m.target.text}」：${m.target.result}` : "";
  return `財政効果額（${warekiFiscalYear(m.periodStart)}〜${warekiFiscalYear(m.fiscalYear)}の累計）計画 ${formatAmount(m.toDate.planned)}${m.unit}／実績 ${formatAmount(m.toDate.actual)}${m.unit}${missing}${target}`;
}

export function FiscalEffectSection({ model }: { model: FiscalEffectModel | null }) {
  if (!model) return null;
  const upTo = `${warekiFiscalYear(model.periodStart)}から${warekiFiscalYear(model.fiscalYear)}までの累計`;
  return (
    <section class="fiscal-effects">
      <h2>財政効果額</h2>
      <p class="small muted">
        単位：{model.unit}。{upTo}。実績が未報告の年度は 0 ではなく「—」とし、その件数を示します。
        計画期間全体の計画額は {formatAmount(model.periodPlanned)}
        {model.unit}です。
        {model.crossListedLeftOut > 0 && `再掲の項目（${model.crossListedLeftOut}件）は元の項目で数えます。`}
      </p>
      {model.target && (
        <div class="tally-block">
          <table class="tally-table effect-target">
            <caption>財政効果額の目標（{warekiFiscalYear(model.fiscalYear)}の評価）</caption>
            <thead>
              <tr>
                <th scope="col">目標</th>
                <th scope="col">評価</th>
                <th scope="col">判定の根拠</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{model.target.text}</th>
                <td>{model.target.result}</td>
                <td>{model.target.explanation}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
      <EffectTable
        caption="計画全体"
        head="区分"
        lines={[{ label: "合計", ...model.toDate }, ...model.byKind]}
        unit={model.unit}
      />
      {model.byLevel.map((l) =>
        l.lines.length ? (
          <EffectTable caption={`${l.level}別`} head={l.level} lines={l.lines} unit={model.unit} />
        ) : null,
      )}
      <EffectTable caption="所管課別" head="所管課" lines={model.byDepartment} unit={model.unit} />
      <div class="tally-block">
        <table class="tally-table">
          <caption>
            年度別<span class="small muted">（単位：{model.unit}）</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">計画</th>
              <th scope="col">実績</th>
              <th scope="col">計画（累計）</th>
              <th scope="col">実績（累計）</th>
            </tr>
          </thead>
          <tbody>
            {model.byYear.map((y) => (
              <tr>
                <th scope="row">{warekiFiscalYear(y.fiscalYear)}</th>
                <td class="num">{formatAmount(y.planned)}</td>
                <td class="num">
                  {formatAmount(y.actual)}
                  {y.actualMissing > 0 && y.fiscalYear <= model.fiscalYear && (
                    <span class="small muted">（未報告 {y.actualMissing}件）</span>
                  )}
                </td>
                <td class="num">{formatAmount(y.cumulativePlanned)}</td>
                <td class="num">{formatAmount(y.cumulativeActual)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function EffectTable(props: { caption: string; head: string; lines: FiscalEffectLine[]; unit: string }) {
  if (props.lines.length === 0) return null;
  return (
    <div class="tally-block">
      <table class="tally-table">
        <caption>
          {props.caption}
          <span class="small muted">（単位：{props.unit}）</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{props.head}</th>
            <th scope="col">計画</th>
            <th scope="col">実績</th>
            <th scope="col">達成率</th>
            <th scope="col">実績未報告</th>
          </tr>
        </thead>
        <tbody>
          {props.lines.map((l) => (
            <tr>
              <th scope="row">{l.label}</th>
              <td class="num">{formatAmount(l.planned)}</td>
              <td class="num">{formatAmount(l.actual)}</td>
              <td class="num">{formatEffectRate(l)}</td>
              <td class="num">{l.actualMissing > 0 ? `${l.actualMissing}件` : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
