/**
 * Pages of the reports: choosing year and kind, a report inside the app's frame, and the reviewer's
 * judgement form and list. Plain HTML forms: everything works without JavaScript.
 */
import type { PlanDocument } from "../core/plan-document/schema.ts";
import { CsrfField, ErrorSummary, PostButton, SelectField, TextArea } from "../core/ui/forms.tsx";
import { Layout } from "../core/ui/layout.tsx";
import { PdfLink } from "../core/ui/pdf-link.tsx";
import {
  EVALUATION_STATUSES,
  STATUS_LABELS,
  STATUS_SYMBOLS,
  statusText,
} from "../domain/evaluation/index.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import type { ReportModel } from "./build-report.ts";
import type { SeriesRow, StoredJudgement } from "./evaluation.ts";
import { bothYears } from "./format.ts";
import { KIND_LABELS, REPORT_KINDS, type ReportKind } from "./report.model.ts";
import { ReportBody } from "./views/report.view.tsx";

const KIND_DESCRIPTIONS: Record<ReportKind, string> = {
  summary: "指標ごとに初期値・目標・年度別の実績値と評価結果を一覧にした表（取組状況一覧）",
  sheets:
    "取組項目ごとの個票：取組内容、指標（所管課・初期値・目標・実績値・グラフ・評価）、取組状況と次年度の取組内容。年度別の取組計画・実績がある項目はその表も",
  tally:
    "達成度（評価結果の件数）と着手状況（未着手・取組中・完了の件数）を、計画全体・階層別・所管課別に前年度との増減とともに",
  roadmap: "年度ごとの取組計画を項目ごとに並べた工程表",
};

export const reportsPath = (planId: string) => `/plans/${planId}/reports`;
export const reportHref = (planId: string, kind: ReportKind, fy: number, format = "html") =>
  `${reportsPath(planId)}/${kind}?fy=${fy}${format === "html" ? "" : `&format=${format}`}`;
export const judgeHref = (
  planId: string,
  fy: number,
  indicatorKey: string,
  series: string | undefined,
  back: ReportKind,
) =>
  `${reportsPath(planId)}/judgements/new?${new URLSearchParams({
    indicator: indicatorKey,
    ...(series ? { series } : {}),
    fy: String(fy),
    return: back,
  })}`;

function crumbs(doc: PlanDocument, planId: string, withReports = true) {
  return [
    { href: "/", label: "計画の一覧" },
    { href: `/plans/${planId}`, label: doc.plan.title },
    ...(withReports ? [{ href: reportsPath(planId), label: "帳票" }] : []),
  ];
}

function YearSelect({ years, fiscalYear }: { years: number[]; fiscalYear: number }) {
  return (
    <select name="fy" id="fy">
      {years.map((y) => (
        <option value={String(y)} selected={y === fiscalYear}>
          {bothYears(y)}
        </option>
      ))}
    </select>
  );
}

export function ReportIndexPage(props: {
  doc: PlanDocument;
  planId: string;
  fiscalYear: number;
  years: number[];
}) {
  const { doc, planId, fiscalYear } = props;
  return (
    <Layout title="帳票の作成" breadcrumbs={crumbs(doc, planId, false)}>
      <ReportStyles />
      <h1>帳票の作成</h1>
      <p class="lead">
        {doc.municipality.name}・{doc.plan.title}
      </p>
      <form method="get" action={reportsPath(planId)} class="report-toolbar">
        <label for="fy">対象年度</label>
        <YearSelect years={props.years} fiscalYear={fiscalYear} />
        <button type="submit">切り替える</button>
      </form>
      <table>
        <caption>{bothYears(fiscalYear)}の帳票</caption>
        <thead>
          <tr>
            <th scope="col">帳票</th>
            <th scope="col">内容</th>
            <th scope="col">画面で見る</th>
            <th scope="col">ダウンロード</th>
          </tr>
        </thead>
        <tbody>
          {REPORT_KINDS.map((kind) => (
            <tr>
              <th scope="row">{KIND_LABELS[kind]}</th>
              <td>{KIND_DESCRIPTIONS[kind]}</td>
              <td>
                <a href={reportHref(planId, kind, fiscalYear)}>HTML</a>
              </td>
              <td>
                <a href={reportHref(planId, kind, fiscalYear, "xlsx")}>Excel（xlsx）</a>
                {" ・ "}
                <PdfLink href={reportHref(planId, kind, fiscalYear, "pdf")}>PDF</PdfLink>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        評価は、各指標の実績値をその年度に適用される目標と比べて自動で判定します。判定を変える必要があるときは、取組状況一覧の「判定を記録」から理由を添えて記録できます（
        <a href={`${reportsPath(planId)}/judgements?fy=${fiscalYear}`}>記録された判定の一覧</a>）。
      </p>
    </Layout>
  );
}

export function ReportPage(props: {
  doc: PlanDocument;
  planId: string;
  report: ReportModel;
  years: number[];
  /** Whether the reader may record judgements: the rows then link to the form. */
  canJudge: boolean;
  /** What to know before relying on the figures (a round still open, a year outside the plan). */
  caveats?: string[];
}) {
  const { doc, planId, report } = props;
  const fy = report.model.fiscalYear;
  return (
    <Layout title={report.model.title} breadcrumbs={crumbs(doc, planId)}>
      <ReportStyles page />
      <nav class="report-toolbar" aria-label="帳票の切り替えとダウンロード">
        <form method="get" action={`${reportsPath(planId)}/${report.kind}`}>
          <label for="fy">対象年度</label>
          <YearSelect years={props.years} fiscalYear={fy} />
          <button type="submit">切り替える</button>
        </form>
        <span>
          帳票：
          {REPORT_KINDS.map((k, i) => (
            <>
              {i > 0 && " ・ "}
              {k === report.kind ? (
                <strong aria-current="page">{KIND_LABELS[k]}</strong>
              ) : (
                <a href={reportHref(planId, k, fy)}>{KIND_LABELS[k]}</a>
              )}
            </>
          ))}
        </span>
        <span>
          ダウンロード：<a href={reportHref(planId, report.kind, fy, "xlsx")}>Excel</a>
          {" ・ "}
          <PdfLink href={reportHref(planId, report.kind, fy, "pdf")}>PDF</PdfLink>
        </span>
        <span class="small">ブラウザの印刷機能でも A4 横で印刷できます。</span>
      </nav>
      {(props.caveats ?? []).map((c) => (
        <div class="notice notice-warning" role="status">
          {c}
        </div>
      ))}
      <div class="report">
        <ReportBody
          report={report}
          view={{
            mode: "web",
            judgeHref:
              props.canJudge && (report.kind === "summary" || report.kind === "sheets")
                ? (key, series) => judgeHref(planId, fy, key, series, report.kind)
                : undefined,
          }}
        />
      </div>
    </Layout>
  );
}

export type JudgementFormValues = {
  indicator: string;
  series?: string | undefined;
  fy: number;
  status?: string | undefined;
  reason?: string | undefined;
  return?: string | undefined;
};

function keyFields(values: JudgementFormValues): Record<string, string> {
  return {
    indicator: values.indicator,
    ...(values.series ? { series: values.series } : {}),
    fy: String(values.fy),
    ...(values.return ? { return: values.return } : {}),
  };
}

export function JudgementFormPage(props: {
  doc: PlanDocument;
  planId: string;
  row: SeriesRow;
  values: JudgementFormValues;
  errors?: Readonly<Record<string, string>> | undefined;
  reviewer: string;
  canJudge: boolean;
}) {
  const { doc, planId, row, values } = props;
  const e = row.evaluation;
  const name = `${row.indicator.name}${row.series ? `（${row.series}）` : ""}`;
  const current = values.status ?? e.judgement?.status ?? e.computedStatus;
  const title = "評価者の判定";
  return (
    <Layout title={title} breadcrumbs={crumbs(doc, planId)}>
      <ReportStyles />
      <h1>{title}</h1>
      <ErrorSummary errors={props.errors ?? {}} />
      <dl class="meta">
        <dt>指標</dt>
        <dd>{name}</dd>
        <dt>対象年度</dt>
        <dd>{bothYears(e.fiscalYear)}</dd>
        <dt>計算による判定</dt>
        <dd>
          <span class="status">{statusText(e.computedStatus)}</span>
          <br />
          <span class="small">{e.rule}</span>
        </dd>
        {e.judgement && (
          <>
            <dt>記録済みの判定</dt>
            <dd>
              <span class="status">{statusText(e.judgement.status)}</span>（{e.judgement.reason}。
              {e.judgement.by}、{e.judgement.at}）
            </dd>
          </>
        )}
      </dl>
      {props.canJudge ? (
        <>
          <form method="post" action={`${reportsPath(planId)}/judgements`} novalidate>
            <CsrfField />
            {Object.entries(keyFields(values)).map(([k, v]) => (
              <input type="hidden" name={k} value={v} />
            ))}
            <SelectField
              name="status"
              label="判定"
              value={current}
              error={props.errors?.status}
              options={EVALUATION_STATUSES.map((s) => ({
                value: s,
                label: `${STATUS_SYMBOLS[s]} ${STATUS_LABELS[s]}`,
              }))}
            />
            <TextArea
              name="reason"
              label="理由"
              hint="計算による判定と異なる判定にする理由。帳票に判定者・日付とともに表示されます。"
              value={values.reason}
              error={props.errors?.reason}
            />
            <p>判定者：{props.reviewer}（ログイン中の利用者として記録されます）</p>
            <button type="submit" class="button button-primary">
              判定を記録する
            </button>
          </form>
          {e.judgement && (
            <PostButton
              action={`${reportsPath(planId)}/judgements/delete`}
              label="記録済みの判定を取り消す（計算による判定に戻す）"
              hidden={keyFields(values)}
            />
          )}
        </>
      ) : (
        <p>評価者の判定を記録できるのは行革担当と管理者です。</p>
      )}
    </Layout>
  );
}

export function JudgementListPage(props: {
  doc: PlanDocument;
  planId: string;
  judgements: StoredJudgement[];
  names: Map<string, string>;
  fiscalYear?: number | undefined;
  canJudge: boolean;
}) {
  const { doc, planId, judgements } = props;
  const title = props.fiscalYear ? `評価者の判定（${warekiFiscalYear(props.fiscalYear)}）` : "評価者の判定";
  return (
    <Layout title={title} breadcrumbs={crumbs(doc, planId)}>
      <ReportStyles />
      <h1>{title}</h1>
      {props.fiscalYear !== undefined && (
        <p>
          <a href={`${reportsPath(planId)}/judgements`}>すべての年度を表示</a>
        </p>
      )}
      {judgements.length === 0 ? (
        <p>記録された判定はありません。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">指標</th>
              <th scope="col">判定</th>
              <th scope="col">理由</th>
              <th scope="col">判定者</th>
              <th scope="col">日付</th>
              {props.canJudge && <th scope="col">操作</th>}
            </tr>
          </thead>
          <tbody>
            {judgements.map((j) => (
              <tr>
                <td>{bothYears(j.fiscalYear)}</td>
                <td>
                  {props.names.get(j.indicatorKey) ?? j.indicatorKey}
                  {j.series && <span class="tag">{j.series}</span>}
                </td>
                <td>
                  <span class="status">{statusText(j.status)}</span>
                </td>
                <td>{j.reason}</td>
                <td>{j.by}</td>
                <td>{j.at}</td>
                {props.canJudge && (
                  <td>
                    <a href={judgeHref(planId, j.fiscalYear, j.indicatorKey, j.series, "summary")}>
                      変更・取消
                    </a>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** The UI kit's report stylesheet (on top of the app's); the report itself also gets report-page.css. */
function ReportStyles({ page = false }: { page?: boolean }) {
  return (
    <>
      <link rel="stylesheet" href="/assets/report.css" />
      {page && <link rel="stylesheet" href="/assets/report-page.css" />}
    </>
  );
}
