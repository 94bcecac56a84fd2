/**
 * The dashboard page: results by level and by department, departments behind schedule, recent changes. Made
 * in three layers, each kept while what it is made from stays the same (dashboard.routes.tsx): the results
 * (ResultsPart, per plan data version) and the departments behind schedule (BehindPart, per open rounds' state)
 * inside the body (DashboardBody: the plan and year choice and the latest changes too, per everything the
 * dashboard reads), inside the frame made per request (DashboardPage: the layout and the 和暦/西暦 form with the
 * request's CSRF token).
 */

import { raw } from "hono/html";
import { requestAuth } from "../core/request.ts";
import { dateLabel, fiscalYearLabel, otherFiscalYearLabel } from "../core/ui/era.ts";
import { CsrfField, SelectField } from "../core/ui/forms.tsx";
import { formatTime } from "../core/ui/history.tsx";
import { KEPT_PART } from "../core/ui/kept-part.ts";
import { Layout } from "../core/ui/layout.tsx";
import type { Tally } from "../domain/evaluation/index.ts";
import type {
  BehindRound,
  Dashboard,
  DashboardColumns,
  DashboardPlan,
  DashboardResults,
  TallyRow,
} from "./dashboard.service.ts";

/** 「遅れ・未達成」 or 「B・C」: what orders the departments. */
const behindLabel = (c: DashboardColumns) =>
  c.behind.map((k) => c.columns.find((x) => x.key === k)?.label ?? k).join("・");

/** 「達成・順調」 or the plan's upper grades 「S・A」: what the share column adds up. */
const goodLabel = (c: DashboardColumns) =>
  c.good.map((k) => c.columns.find((x) => x.key === k)?.label ?? k).join("・");

/** 和暦/西暦: two buttons; the pressed one is the current display. Works without JavaScript (a form post). */
export function EraSwitch({ back }: { back: string }) {
  const era = requestAuth().era;
  return (
    <form method="post" action="/settings/era" class="era-switch">
      <CsrfField />
      <input type="hidden" name="back" value={back} />
      <span id="era-label">年度の表示:</span>
      <button
        type="submit"
        name="era"
        value="wareki"
        class="button button-secondary button-small"
        aria-pressed={era === "wareki" ? "true" : "false"}
        aria-describedby="era-label"
      >
        和暦（令和5年度）
      </button>
      <button
        type="submit"
        name="era"
        value="seireki"
        class="button button-secondary button-small"
        aria-pressed={era === "seireki" ? "true" : "false"}
        aria-describedby="era-label"
      >
        西暦（2023年度）
      </button>
    </form>
  );
}

function TallyTable({
  caption,
  head,
  rows,
  total,
  columns,
}: {
  caption: string;
  head: string;
  rows: TallyRow[];
  total?: Tally<string> | null;
  columns: DashboardColumns;
}) {
  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {columns.columns.map((c) => (
              <th scope="col">
                {c.symbol && <span aria-hidden="true">{c.symbol} </span>}
                {c.label}
              </th>
            ))}
            <th scope="col">計</th>
            <th scope="col">{goodLabel(columns)}の割合</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <TallyLine label={r.label} tally={r.tally} columns={columns} />
          ))}
        </tbody>
        {total && (
          <tfoot>
            <TallyLine label="合計" tally={total} columns={columns} />
          </tfoot>
        )}
      </table>
    </div>
  );
}

function TallyLine({
  label,
  tally,
  columns,
}: {
  label: string;
  tally: Tally<string>;
  columns: DashboardColumns;
}) {
  const good = columns.good.reduce((n, k) => n + (tally.counts[k] ?? 0), 0);
  const rate = tally.total === 0 ? 0 : Math.round((good / tally.total) * 100);
  return (
    <tr>
      <th scope="row">{label}</th>
      {columns.columns.map((c) => (
        <td class="num">{tally.counts[c.key]}</td>
      ))}
      <td class="num">{tally.total}</td>
      {tally.total === 0 ? (
        <td class="num" title="指標がありません">
          —
        </td>
      ) : (
        <td class="num">
          <span class="bar" style={`width:${rate}px`} aria-hidden="true" /> {rate}%
        </td>
      )}
    </tr>
  );
}

/** The plan's results in the year: the same for every reader until the plan's data changes (kept as HTML). */
export function ResultsPart({
  p,
  fiscalYear,
  level,
  r,
}: {
  p: DashboardPlan;
  fiscalYear: number;
  level: number;
  r: DashboardResults;
}) {
  return (
    <>
      <h2>
        {fiscalYearLabel(fiscalYear)}の達成状況<span class="fy">{p.title}</span>
      </h2>
      <p class="hint">
        指標（系列ごと）の数です。記号は色に頼らず区別できるようにしています。再掲の項目は一度だけ数えます。
        {r.columns.own && (
          <>
            この計画の<a href={`/plans/${p.id}/scales`}>評価基準</a>（
            {r.columns.columns
              .slice(0, -1)
              .map((c) => c.label)
              .join("・")}
            ）で数え、割合は上位の評価の割合です。
          </>
        )}
      </p>
      <TallyTable
        caption={`${p.levels[level]}ごと`}
        head={p.levels[level] ?? "項目"}
        rows={r.byLevel}
        total={r.total}
        columns={r.columns}
      />
      <TallyTable
        caption={`所管課ごと（${behindLabel(r.columns)}の多い順）`}
        head="所管課"
        rows={r.byDepartment}
        columns={r.columns}
      />
      {r.fiscalEffect && <p class="effect-total">{r.fiscalEffect}</p>}
    </>
  );
}

/** The departments behind schedule in open rounds: the same for every reader of the municipality (kept as HTML). */
export function BehindPart({ behind }: { behind: BehindRound[] }) {
  return behind.length === 0 ? (
    <p>受付中の照会で、未提出の項目がある所管課はありません。</p>
  ) : (
    behind.map((b) => (
      <div class="panel">
        <h3>
          <a href={`/rounds/${b.roundId}`}>{b.title}</a>（回答期限 {dateLabel(b.deadline)}
          {b.daysLeft < 0 ? <strong class="overdue">・{-b.daysLeft}日超過</strong> : `・あと${b.daysLeft}日`}
          ）
        </h3>
        <ul>
          {b.departments.map((x) => (
            <li>
              {x.name}: 未提出 {x.open} / {x.total} 項目
            </li>
          ))}
        </ul>
      </div>
    ))
  );
}

/** The frame of the dashboard, made per request (the 和暦/西暦 form holds the CSRF token): the body goes at KEPT_PART. */
export function DashboardPage({ back }: { back: string }) {
  return (
    <Layout title="ダッシュボード">
      <h1>ダッシュボード</h1>
      <EraSwitch back={back} />
      {KEPT_PART}
    </Layout>
  );
}

/**
 * Everything below the 和暦/西暦 form: the same for every reader of the municipality with the same choice (plan,
 * year, level, 和暦/西暦, whether they may edit) until the data changes, so kept as bytes (dashboard-cache.ts).
 */
export function DashboardBody({
  d,
  results,
  behind,
}: {
  d: Dashboard;
  /** DashboardResults as HTML ("" without a plan) */
  results: string;
  /** DashboardBehind as HTML */
  behind: string;
}) {
  const p = d.plan;
  // The plan's years, and the year shown when it lies outside them (a plan that starts after the last year
  // that has ended opens on that year): the choice always holds what the page reports.
  const from = p ? Math.min(p.periodStart, d.fiscalYear ?? p.periodStart) : 0;
  const to = p ? Math.max(p.periodEnd, d.fiscalYear ?? p.periodEnd) : -1;
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <>
      {!p ? (
        <p>計画がまだありません。</p>
      ) : (
        <>
          <form method="get" action="/dashboard" class="panel">
            <div class="actions">
              <SelectField
                name="plan"
                label="計画"
                value={p.id}
                options={d.plans.map((x) => ({ value: x.id, label: x.title }))}
              />
              <SelectField
                name="fy"
                label="年度"
                value={String(d.fiscalYear)}
                options={years.map((y) => ({
                  value: String(y),
                  label: `${fiscalYearLabel(y)}（${otherFiscalYearLabel(y)}）`,
                }))}
              />
              <SelectField
                name="level"
                label="集計の階層"
                value={String(d.level)}
                options={p.levels.map((l, i) => ({ value: String(i), label: l }))}
              />
            </div>
            <button type="submit" class="button button-primary">
              表示する
            </button>
            {d.canEdit && (
              <a class="button button-secondary" href={`/plans/${p.id}/edit`}>
                計画を編集する
              </a>
            )}
            <a class="button button-secondary" href={`/plans/${p.id}`}>
              計画を見る
            </a>
          </form>
          {raw(results)}
        </>
      )}
      <h2>提出が遅れている所管課</h2>
      <p class="hint">
        受付中の照会で、まだ提出していない項目がある所管課です。期限を過ぎた照会が先に並びます。
      </p>
      {raw(behind)}
      <h2>最近の変更</h2>
      {d.recent.length === 0 ? (
        <p class="empty">まだ変更はありません。</p>
      ) : (
        <ul class="history">
          {d.recent.map((e) => (
            <li>
              <time datetime={e.at.toISOString()}>{formatTime(e.at)}</time> {e.actorName}:{" "}
              <strong>{e.actionLabel}</strong>{" "}
              {e.planId && e.itemKey ? (
                <a href={`/plans/${e.planId}/items/${encodeURIComponent(e.itemKey)}/history`}>{e.subject}</a>
              ) : (
                e.subject
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
