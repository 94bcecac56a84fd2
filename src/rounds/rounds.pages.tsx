import type { Child } from "hono/jsx";
import { fiscalYearLabel, otherFiscalYearLabel } from "../core/ui/era.ts";
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from "../core/ui/forms.tsx";
import { Layout } from "../core/ui/layout.tsx";
import { defaultRoundYear } from "../domain/rounds/steps.ts";
import { Deadline, itemHref, roundsCrumb, roundTitle, StateBadge } from "./round-common.tsx";
import { FilterForm, ItemTable } from "./round-list.pages.tsx";
import type { BulkShown, ItemFilter } from "./round-review.service.ts";
import type { ItemStatus, PlanChoice, RoundListEntry, RoundOverview, RoundView } from "./rounds.service.ts";
import { STATE_LABELS, STATES, todayInJapan } from "./rounds.service.ts";

export { StateBadge } from "./round-common.tsx";
export { formFromDetail, type ItemForm, ItemPage } from "./round-item.pages.tsx";
export function RoundsPage({
  rounds,
  plans,
  errors = {},
  values = {},
}: {
  rounds: RoundListEntry[];
  plans: PlanChoice[];
  errors?: FieldErrors;
  values?: { planId?: string; fiscalYear?: string; deadline?: string };
}) {
  return (
    <RoundsFrame plans={plans} errors={errors} values={values}>
      <RoundsTable rounds={rounds} />
    </RoundsFrame>
  );
}

/** The list of rounds: the same for every reader of the same role and departments on the same day (kept). */
export function RoundsTable({ rounds }: { rounds: RoundListEntry[] }) {
  return rounds.length === 0 ? (
    <p>照会はまだありません。</p>
  ) : (
    <table>
      <caption>照会の一覧</caption>
      <thead>
        <tr>
          <th scope="col">計画と年度</th>
          <th scope="col">回答期限</th>
          <th scope="col">状態</th>
          <th scope="col">提出・承認</th>
          {rounds.some((r) => r.mine !== null) && <th scope="col">あなたの未回答</th>}
        </tr>
      </thead>
      <tbody>
        {rounds.map((r) => (
          <tr>
            <td>
              <a href={`/rounds/${r.id}`}>{roundTitle(r)}</a>
            </td>
            <td>
              <Deadline round={r} />
            </td>
            <td>{r.status === "locked" ? <StateBadge state="locked" /> : "受付中"}</td>
            <td class="num">
              {r.counts.submitted + r.counts.approved} / {r.total}（承認 {r.counts.approved}）
            </td>
            {r.mine !== null && <td class="num">{r.mine} 項目</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The page of the rounds around their list (`children`: RoundsTable, or KEPT_PART), with the form that opens one. */
export function RoundsFrame({
  plans,
  errors = {},
  values = {},
  children,
}: {
  plans: PlanChoice[];
  errors?: FieldErrors;
  values?: { planId?: string; fiscalYear?: string; deadline?: string };
  children: Child;
}) {
  const years = [...new Set(plans.flatMap((p) => range(p.periodStart, p.periodEnd)))].sort((a, b) => b - a);
  return (
    <Layout title="照会">
      <h1>照会（進捗状況の調査）</h1>
      <p class="lead">年度ごとに、各所管課が担当する項目の実績値と取組状況を回答します。</p>
      {children}
      {plans.length > 0 && (
        <section aria-labelledby="open-round">
          <h2 id="open-round">照会を開始する</h2>
          <ErrorSummary errors={errors} />
          <form method="post" action="/rounds" novalidate class="narrow">
            <CsrfField />
            <SelectField
              name="planId"
              label="計画"
              value={values.planId}
              error={errors.planId}
              options={plans.map((p) => ({ value: p.id, label: p.title }))}
            />
            <SelectField
              name="fiscalYear"
              label="対象の年度"
              hint="この年度の実績と取組状況を尋ねます。終わった最新の年度（4月～3月）を選んであります。"
              value={values.fiscalYear ?? String(defaultRoundYear(years, todayInJapan()) ?? "")}
              error={errors.fiscalYear}
              options={years.map((y) => ({
                value: String(y),
                label: `${fiscalYearLabel(y)}（${otherFiscalYearLabel(y)}）`,
              }))}
            />
            <TextField
              name="deadline"
              label="回答期限"
              hint="例: 2026-06-30"
              type="date"
              value={values.deadline}
              error={errors.deadline}
            />
            <button type="submit" class="button button-primary">
              照会を開始する
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** The whole page of a round (its body rendered in this request: after a refused form, a bulk approval's result). */
export function RoundPage({
  o,
  filter = {},
  shown = o.items,
  warnings = new Map(),
  canReview = false,
  notice,
  errors = {},
  bulk,
}: {
  o: RoundOverview;
  /** the result of a bulk approval (Post/Redirect/Get) */
  bulk?: BulkShown | undefined;
  filter?: ItemFilter;
  shown?: ItemStatus[];
  warnings?: ReadonlyMap<string, number>;
  canReview?: boolean;
  notice?: string | undefined;
  errors?: FieldErrors;
}) {
  return (
    <RoundFrame
      round={o.round}
      can={o.can}
      unapproved={unapprovedOf(o)}
      bulk={bulk}
      notice={notice}
      errors={errors}
    >
      <RoundBody o={o} filter={filter} shown={shown} warnings={warnings} canReview={canReview} />
    </RoundFrame>
  );
}

/** The items not approved yet, as the lock panel counts them. */
export const unapprovedOf = (o: RoundOverview) => o.items.length - o.counts.approved;

/**
 * What a round's page shows around its body: the title, the notices, and the office's forms (the deadline, the
 * lock, the unlock), which hold the request's CSRF token. `children` is the body (RoundBody), or KEPT_PART.
 */
export function RoundFrame({
  round: r,
  can,
  unapproved,
  notice,
  errors = {},
  bulk,
  children,
}: {
  round: RoundView;
  can: RoundOverview["can"];
  /** the items not approved yet (the lock panel) */
  unapproved: number;
  bulk?: BulkShown | undefined;
  notice?: string | undefined;
  errors?: FieldErrors;
  children: Child;
}) {
  return (
    <Layout title={roundTitle(r)} breadcrumbs={[roundsCrumb]}>
      <ErrorSummary errors={errors} />
      <h1>{roundTitle(r)}</h1>
      {notice && <Notice>{notice}</Notice>}
      {bulk && <BulkNotice roundId={r.id} bulk={bulk} />}
      {children}
      {can.lock && (
        <form method="post" action={`/rounds/${r.id}/deadline`} class="panel narrow" novalidate>
          <h2>回答期限の変更</h2>
          <CsrfField />
          <input type="hidden" name="version" value={String(r.version)} />
          <TextField
            name="deadline"
            label="新しい回答期限"
            hint="例: 2026-06-30。変更は履歴に残ります。"
            type="date"
            value={r.deadline}
            error={errors.deadline}
          />
          <button type="submit" class="button button-secondary">
            期限を変更する
          </button>
        </form>
      )}
      {can.lock && (
        <div class="panel">
          <h2>締切（ロック）</h2>
          <p>
            ロックすると、この年度の実績値と取組状況はだれも変更できなくなります。
            {unapproved > 0 && <strong> 未承認の項目が {unapproved} 件あります。</strong>}
          </p>
          <form method="get" action={`/rounds/${r.id}/lock`}>
            <button type="submit" class="button button-warning">
              照会をロックする
            </button>
          </form>
        </div>
      )}
      {can.unlock && (
        <form method="post" action={`/rounds/${r.id}/unlock`} class="panel narrow" novalidate>
          <h2>ロックの解除</h2>
          <CsrfField />
          <input type="hidden" name="version" value={String(r.version)} />
          <TextArea
            name="reason"
            label="解除する理由"
            hint="理由は履歴に残ります。"
            rows={3}
            error={errors.reason}
          />
          <button type="submit" class="button button-secondary">
            ロックを解除する
          </button>
        </form>
      )}
    </Layout>
  );
}

/**
 * The body of a round's page: its deadline and state, completion by department, the filters and the items
 * (with the bulk approval form, whose CSRF token is `csrf`: KEPT_CSRF when the body is kept, round-page.ts).
 * Made from the round's row, its items' states, its plan and rules, today's date and the reader's role and
 * departments only.
 */
export function RoundBody({
  o,
  filter,
  shown,
  warnings,
  canReview,
  csrf,
}: {
  o: RoundOverview;
  filter: ItemFilter;
  shown: ItemStatus[];
  warnings: ReadonlyMap<string, number>;
  canReview: boolean;
  csrf?: string | undefined;
}) {
  const r = o.round;
  return (
    <>
      <dl class="meta">
        <dt>回答期限</dt>
        <dd>
          <Deadline round={r} />
        </dd>
        <dt>状態</dt>
        <dd>
          {r.status === "locked" ? (
            <>
              <StateBadge state="locked" /> {r.lockedBy}さんがロックしました。この年度の値は変更できません。
            </>
          ) : (
            "受付中"
          )}
        </dd>
      </dl>
      {o.inbox ? (
        <h2>あなたの部署が回答する項目（{o.items.length}件）</h2>
      ) : (
        <>
          <p>
            <a href={`/rounds/${r.id}/rules`}>値の確認ルール（単位ごとの範囲・前年度比）</a>
          </p>
          <h2>所管課ごとの回答状況</h2>
          <DepartmentTable o={o} />
          <h2>項目</h2>
        </>
      )}
      <FilterForm o={o} f={filter} />
      <ItemTable o={o} shown={shown} warnings={warnings} canReview={canReview} csrf={csrf} />
    </>
  );
}

/** What a bulk approval did: how many parts were approved, and each one skipped, linked, with why. */
function BulkNotice({ roundId, bulk }: { roundId: string; bulk: BulkShown }) {
  return (
    <Notice>
      {bulk.approved} 件を承認しました（それぞれ履歴に残りました）。
      {bulk.skipped.length > 0 && (
        <>
          {" "}
          承認しなかった項目:
          <ul>
            {bulk.skipped.map((s) => (
              <li>
                <a href={`${itemHref(roundId, s.key)}${s.part ? `?part=${encodeURIComponent(s.part)}` : ""}`}>
                  {s.title}
                  {s.partName ? `（${s.partName}の回答）` : ""}
                </a>
                ：{s.why}
              </li>
            ))}
          </ul>
        </>
      )}
    </Notice>
  );
}

function DepartmentTable({ o }: { o: RoundOverview }) {
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">所管課ごとの回答状況（件数）</caption>
        <thead>
          <tr>
            <th scope="col">所管課</th>
            {STATES.map((s) => (
              <th scope="col">{STATE_LABELS[s]}</th>
            ))}
            <th scope="col">提出率</th>
          </tr>
        </thead>
        <tbody>
          {o.byDepartment.map((d) => {
            const done = d.counts.submitted + d.counts.approved;
            const rate = d.total === 0 ? 0 : Math.round((done / d.total) * 100);
            return (
              <tr>
                <th scope="row">
                  {d.name}
                  {d.overdue > 0 && <span class="overdue">（期限超過 {d.overdue}件）</span>}
                </th>
                {STATES.map((s) => (
                  <td class="num">{d.counts[s]}</td>
                ))}
                <td class="num">
                  <span class="bar" style={`width:${rate / 2}px`} aria-hidden="true" /> {rate}%
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
