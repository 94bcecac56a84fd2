/**
 * Publishing from the app (公表の管理): the versions published so far for a plan, and for the reform office a
 * form that publishes a fiscal year. Mounted after the login middleware; the public pages are in
 * publish.routes.tsx. Plain HTML forms: works without JavaScript.
 */
import { type Context, Hono } from "hono";
import { isAppError } from "../core/errors.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import { ErrorSummary, Notice, SelectField } from "../core/ui/forms.tsx";
import { Layout } from "../core/ui/layout.tsx";
import { type FormBody, field } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { previewPath, previewRoutes } from "./preview.routes.tsx";
import type { PublicationMeta } from "./publish.service.ts";
import { publicationsOfPlanFor, publicPath, publishAs } from "./publish.service.ts";

const BASIS_LABELS: Record<string, string> = {
  approved_round: "照会で承認された項目のみ",
  all_data: "その年度の全データ（照会なし）",
};

export const publishPath = (planId: string) => `/plans/${planId}/publish`;

const dateTime = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  dateStyle: "medium",
  timeStyle: "short",
});

type PageProps = {
  planId: string;
  title: string;
  years: number[];
  canPublish: boolean;
  publications: PublicationMeta[];
  published?: { fiscalYear: number; version: number } | undefined;
  errors?: Record<string, string>;
};

export function PublishAdminPage({
  planId,
  title,
  years,
  canPublish,
  publications,
  published,
  errors = {},
}: PageProps) {
  const latest = new Map<number, number>();
  for (const p of publications) latest.set(p.fiscalYear, Math.max(latest.get(p.fiscalYear) ?? 0, p.version));
  return (
    <Layout
      title={`公表の管理 — ${title}`}
      breadcrumbs={[
        { href: "/", label: "計画の一覧" },
        { href: `/plans/${planId}`, label: title },
      ]}
    >
      <h1>公表の管理</h1>
      <p class="lead">
        年度を公表すると、その時点のデータと評価が版として固定され、市民向けページ（ログイン不要）とオープンデータになります。
        あとでデータを直しても、もう一度公表するまで公表中の内容は変わりません。照会がある年度は、承認済みの項目だけが公表されます。
      </p>
      {published && (
        <Notice>
          {yearLabel(published.fiscalYear)}を第{published.version}版として公表しました。
        </Notice>
      )}
      {canPublish ? (
        <form method="get" action={`${publishPath(planId)}/preview`} class="stack" novalidate>
          <ErrorSummary errors={errors} />
          <SelectField
            name="fy"
            label="公表する年度"
            error={errors.fy}
            hint="まずプレビューで、市民に見える内容（ページ・グラフ・オープンデータ）を確かめます。公表はプレビューの画面で確認してから行います。ウェブ版と同じ内容は gyokaku publish で静的サイトとしても書き出せます（CMS に載せる場合）。"
            value={String(years.at(-1) ?? "")}
            options={years.map((y) => ({
              value: String(y),
              label: `${yearLabel(y)}${latest.has(y) ? `（公表済み 第${latest.get(y)}版）` : ""}`,
            }))}
          />
          <button type="submit" class="button button-primary">
            プレビューを見る
          </button>
        </form>
      ) : (
        <p>公表できるのは行革担当と管理者です。</p>
      )}
      <h2>公表の履歴</h2>
      {publications.length === 0 ? (
        <p>まだ公表していません。</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">公表の履歴（新しい順）</caption>
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">版</th>
                <th scope="col">公表日時</th>
                <th scope="col">公表者</th>
                <th scope="col">公表の範囲</th>
                <th scope="col">市民向けページ</th>
              </tr>
            </thead>
            <tbody>
              {publications.map((p) => (
                <tr>
                  <td>{yearLabel(p.fiscalYear)}</td>
                  <td>第{p.version}版</td>
                  <td>{dateTime.format(p.publishedAt)}</td>
                  <td>{p.publishedBy ?? "（コマンドライン）"}</td>
                  <td>{BASIS_LABELS[p.basis] ?? p.basis}</td>
                  <td>
                    <a
                      href={
                        p.version === latest.get(p.fiscalYear)
                          ? publicPath(p)
                          : `${publicPath(p)}v${p.version}/`
                      }
                    >
                      {p.version === latest.get(p.fiscalYear) ? "公表中の版を見る" : `第${p.version}版を見る`}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** 「令和4年度（2022年度）」, as the other pages write a fiscal year. */
const yearLabel = (fy: number) => `${warekiFiscalYear(fy)}（${fy}年度）`;

function periodYears(start: number, end: number): number[] {
  const years: number[] = [];
  for (let y = start; y <= end; y++) years.push(y);
  return years;
}

export function publishAdminRoutes(db: DB) {
  const app = new Hono<AuthEnv>();
  const render = async (c: Context<AuthEnv>, errors: Record<string, string> = {}) => {
    const id = c.req.param("id") ?? "";
    const { plan, canPublish, publications } = await publicationsOfPlanFor(db, currentUser(c), id);
    const done = /^(\d{4})-(\d+)$/.exec(c.req.query("published") ?? "");
    return (
      <PublishAdminPage
        planId={plan.id}
        title={plan.doc.plan.title}
        years={periodYears(plan.doc.plan.periodStart, plan.doc.plan.periodEnd)}
        canPublish={canPublish}
        publications={publications}
        published={done ? { fiscalYear: Number(done[1]), version: Number(done[2]) } : undefined}
        errors={errors}
      />
    );
  };
  app.get("/plans/:id/publish", async (c) => c.html(await render(c)));
  app.route("/", previewRoutes(db));
  app.post("/plans/:id/publish", async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const fy = field(body, "fy");
    try {
      const done = await publishAs(db, currentUser(c), c.req.param("id"), {
        fy,
        confirm: field(body, "confirm"),
        previewed: field(body, "previewed"),
      });
      return c.redirect(`${publishPath(done.planId)}?published=${done.fiscalYear}-${done.version}`, 303);
    } catch (e) {
      const year = /^\d{4}$/.test(fy ?? "") ? Number(fy) : undefined;
      const preview = year && previewPath(c.req.param("id"), year);
      // Back to the preview: the box not ticked, or the data changed after the preview (a new preview).
      if (preview && isAppError(e, "conflict")) return c.redirect(`${preview}?error=changed`, 303);
      if (preview && isAppError(e, "invalid") && e.fields.confirm && !e.fields.fy && !e.fields.previewed)
        return c.redirect(`${preview}?error=confirm`, 303);
      // The form again, with the problem next to its field.
      if (isAppError(e, "invalid")) return c.html(await render(c, { ...e.fields }), 400);
      throw e;
    }
  });
  return app;
}
