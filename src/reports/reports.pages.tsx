/**
 * Pages of the reports: choosing year and kind, a report inside the app's frame (the reviewer's
 * judgement form and list are in judgements.pages.tsx). Plain HTML forms: everything works without JavaScript.
 */

import type { PlanDocument } from "../core/plan-document/schema.ts";
import { KEPT_PART } from "../core/ui/kept-part.ts";
import { Layout } from "../core/ui/layout.tsx";
import { PdfLink } from "../core/ui/pdf-link.tsx";
import type { ReportModel } from "./build-report.ts";
import { bothYears } from "./format.ts";
import { KIND_LABELS, REPORT_KINDS, type ReportKind } from "./report.model.ts";
import { reportHref, reportsPath } from "./report-links.ts";
import { SheetsPager, type SheetsPagerProps } from "./sheet-pager.tsx";

const KIND_DESCRIPTIONS: Record<ReportKind, string> = {
  summary: "指標ごとに初期値・目標・年度別の実績値と評価結果を一覧にした表（取組状況一覧）",
  sheets:
    "取組項目ごとの個票：取組内容、指標（所管課・初期値・目標・実績値・グラフ・評価）、取組状況と次年度の取組内容。年度別の取組計画・実績がある項目はその表も",
  tally:
    "達成度（評価結果の件数）と着手状況（未着手・取組中・完了の件数）を、計画全体・階層別・所管課別に前年度との増減とともに",
  roadmap: "年度ごとの取組計画を項目ごとに並べた工程表",
};

export { judgeHref, reportHref, reportsPath } from "./report-links.ts";

export function crumbs(doc: PlanDocument, planId: string, withReports = true) {
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
  /** What to know before relying on the figures (a round still open, a year outside the plan). */
  caveats?: string[];
  /** The links between the pages of the 個票. */
  pager?: SheetsPagerProps | undefined;
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
        <span class="small">
          {props.pager && props.pager.count > 1
            ? "すべての個票の印刷には PDF をお使いください（ブラウザの印刷はこのページの分だけです）。"
            : "ブラウザの印刷機能でも A4 横で印刷できます。"}
        </span>
      </nav>
      {(props.caveats ?? []).map((c) => (
        <div class="notice notice-warning" role="status">
          {c}
        </div>
      ))}
      {props.pager && <SheetsPager {...props.pager} />}
      {/* the body (views/report-body.tsx, kept as bytes: report-page.ts) goes here, htmlWithKeptPart */}
      <div class="report">{KEPT_PART}</div>
      {props.pager && props.pager.count > 1 && <SheetsPager {...props.pager} list={false} />}
    </Layout>
  );
}

/** The UI kit's report stylesheet (on top of the app's); the report itself also gets report-page.css. */
export function ReportStyles({ page = false }: { page?: boolean }) {
  return (
    <>
      <link rel="stylesheet" href="/assets/report.css" />
      {page && <link rel="stylesheet" href="/assets/report-page.css" />}
    </>
  );
}
