/**
 * The reviewer's judgement form and the list of judgements. A plan without its own outcome scale is judged in
 * gyokaku's statuses (達成・順調・遅れ…); a plan with one (plan.scales.outcome) in its own grades, including
 * those "set by the reviewer", which nothing else can set. Plain HTML forms: everything works without JavaScript.
 */
import type { PlanDocument } from "../core/plan-document/schema.ts";
import { CsrfField, ErrorSummary, PostButton, SelectField, TextArea } from "../core/ui/forms.tsx";
import { Layout } from "../core/ui/layout.tsx";
import { gradeText, type OutcomeScale, ruleText } from "../domain/evaluation/grade.ts";
import {
  EVALUATION_STATUSES,
  type Evaluation,
  STATUS_LABELS,
  STATUS_SYMBOLS,
  statusText,
} from "../domain/evaluation/index.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import type { SeriesRow, StoredJudgement } from "./evaluation.ts";
import { bothYears } from "./format.ts";
import { computedGradeCell } from "./grades.ts";
import { crumbs, judgeHref, ReportStyles, reportsPath } from "./reports.pages.tsx";

export type JudgementFormValues = {
  indicator: string;
  series?: string | undefined;
  fy: number;
  status?: string | undefined;
  grade?: string | undefined;
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

/** A grade as the plan writes it, with its rule: 「◎ S（100%以上）」「D（評価者が判定）」. */
function gradeOption(scale: OutcomeScale, label: string): string {
  const g = scale.grades.find((x) => x.label === label);
  return g ? `${gradeText(g)}（${ruleText(scale.grades, g)}）` : label;
}

/** A judgement as lists show it: the plan's grade, or gyokaku's status. */
function judgedText(
  scale: OutcomeScale | undefined,
  j: { status: StoredJudgement["status"]; grade?: string | undefined },
) {
  if (j.grade === undefined) return statusText(j.status);
  const g = scale?.grades.find((x) => x.label === j.grade);
  return g ? gradeText(g) : `${j.grade}（評価基準にない評価）`;
}

/** What the rule alone gives on the plan's scale: the result without the reviewer's judgement. */
function computedGrade(scale: OutcomeScale, e: Evaluation): string {
  const c = computedGradeCell(scale, e);
  return c.symbol ? `${c.symbol} ${c.label}` : c.label;
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
  const scale = doc.plan.scales?.outcome;
  const e = row.evaluation;
  const name = `${row.indicator.name}${row.series ? `（${row.series}）` : ""}`;
  const current = values.status ?? e.judgement?.status ?? e.computedStatus;
  const currentGrade = values.grade ?? e.judgement?.grade ?? "";
  const reviewerGrades = scale?.grades.filter((g) => g.rule?.reviewer).map((g) => g.label) ?? [];
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
          {scale && (
            <>
              {" "}
              計画の評価基準では <span class="status">{computedGrade(scale, e)}</span>
            </>
          )}
          <br />
          <span class="small">{e.rule}</span>
        </dd>
        {e.judgement && (
          <>
            <dt>記録済みの判定</dt>
            <dd>
              <span class="status">{judgedText(scale, e.judgement)}</span>（{e.judgement.reason}。
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
            {scale ? (
              <SelectField
                name="grade"
                label="評価（計画の評価基準）"
                hint={
                  reviewerGrades.length
                    ? `${reviewerGrades.join("・")} は評価者だけが付ける評価です（計算では付きません）。`
                    : "計算による評価と異なる評価にするときに記録します。"
                }
                value={currentGrade}
                error={props.errors?.grade}
                options={[
                  { value: "", label: "選んでください" },
                  ...scale.grades.map((g) => ({ value: g.label, label: gradeOption(scale, g.label) })),
                ]}
              />
            ) : (
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
            )}
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
  const scale = doc.plan.scales?.outcome;
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
                  <span class="status">{judgedText(scale, j)}</span>
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
