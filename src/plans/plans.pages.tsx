/** The plan list and the plan page, rendered on the server from plan documents. */

import type { Item, PlanDocument } from "../core/plan-document/schema.ts";
import { canEditPlan } from "../core/policy.ts";
import { requestAuth } from "../core/request.ts";
import { KEPT_PART } from "../core/ui/kept-part.ts";
import { Layout } from "../core/ui/layout.tsx";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { ItemNode } from "./plan-tree.tsx";
import type { PlanSummaryRow } from "./plans.repository.ts";

function period(start: number, end: number) {
  return `${start}年度～${end}年度（${warekiFiscalYear(start)}～${warekiFiscalYear(end)}）`;
}

export function PlanListPage({ plans }: { plans: PlanSummaryRow[] }) {
  const { user } = requestAuth();
  const canImport = user !== null && canEditPlan(user, user);
  return (
    <Layout title="計画の一覧">
      <h1>計画の一覧</h1>
      {canImport && (
        <p>
          <a href="/import">計画を取り込む</a>（編集した Excel、計画文書 JSON、各団体の資料）・{" "}
          <a href="/templates/plan.xlsx" download>
            空のひな形（説明付き）
          </a>
        </p>
      )}
      {plans.length === 0 ? (
        <p>計画はまだありません。{canImport ? "上の「計画を取り込む」から" : "行革担当が"}取り込めます。</p>
      ) : (
        <ul class="cards">
          {plans.map((p) => (
            <li class="card">
              <h2>
                <a href={`/plans/${p.id}`}>{p.title}</a>
              </h2>
              <dl class="meta">
                <dt>団体</dt>
                <dd>
                  {p.municipalityName}（{p.municipalityCode}）
                </dd>
                <dt>期間</dt>
                <dd>{period(p.periodStart, p.periodEnd)}</dd>
                <dt>階層</dt>
                <dd>{p.levels.join(" → ")}</dd>
                <dt>規模</dt>
                <dd>
                  項目 {p.itemCount}・指標 {p.indicatorCount}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

function allItems(items: Item[]): Item[] {
  return items.flatMap((i) => [i, ...allItems(i.children)]);
}

/** The plan page around its body (the body rendered once per plan version and reader kind: PlanBody). */
/** The frame of the plan page: its body (kept as bytes, page-cache.ts) goes where KEPT_PART is. */
export function PlanPage({ doc }: { doc: PlanDocument }) {
  return (
    <Layout title={doc.plan.title} breadcrumbs={[{ href: "/", label: "計画の一覧" }]}>
      {KEPT_PART}
    </Layout>
  );
}

/** Whether the reader may edit the plan: the one thing of the reader the plan page's body shows. */
export function canEditThisPlan(doc: PlanDocument): boolean {
  const { user } = requestAuth();
  return user !== null && canEditPlan(user, { municipalityCode: doc.municipality.code });
}

/** Everything of the plan page inside the layout: the same for every reader with the same `canEdit`. */
export function PlanBody({ doc, planId, canEdit }: { doc: PlanDocument; planId: string; canEdit: boolean }) {
  const items = allItems(doc.items);
  const years = [
    ...new Set(items.flatMap((i) => i.indicators.flatMap((ind) => ind.actuals.map((a) => a.fiscalYear)))),
  ].sort((a, b) => a - b);
  const depts = new Map(doc.departments.map((d) => [d.key, d]));
  const deptName = (k: string) => {
    const d = depts.get(k);
    if (!d) return k;
    const parent = d.parent ? depts.get(d.parent) : undefined;
    return parent ? `${parent.name} ${d.name}` : d.name;
  };
  const titles = new Map(items.map((i) => [i.key, `${i.number ?? ""} ${i.title}`.trim()]));
  const keyTitle = (k: string) => titles.get(k) ?? k;
  const indicatorCount = items.reduce((n, i) => n + i.indicators.length, 0);
  const itemsByDept = new Map<string, number>();
  for (const i of items) for (const d of i.departments) itemsByDept.set(d, (itemsByDept.get(d) ?? 0) + 1);
  for (const i of items)
    for (const ind of i.indicators)
      for (const d of ind.departments)
        if (!i.departments.includes(d)) itemsByDept.set(d, (itemsByDept.get(d) ?? 0) + 1);

  return (
    <>
      <h1>{doc.plan.title}</h1>
      <p class="lead">
        {doc.municipality.name}（全国地方公共団体コード {doc.municipality.code}）
      </p>
      <dl class="meta">
        <dt>期間</dt>
        <dd>{period(doc.plan.periodStart, doc.plan.periodEnd)}</dd>
        <dt>階層</dt>
        <dd>{doc.plan.levels.join(" → ")}</dd>
        <dt>規模</dt>
        <dd>
          項目 {items.length}・指標 {indicatorCount}・所管 {doc.departments.length}
        </dd>
        {doc.plan.sources.length > 0 && (
          <>
            <dt>出典</dt>
            <dd>{doc.plan.sources.join("、")}</dd>
          </>
        )}
        <dt>計画文書</dt>
        <dd>
          <a href={`/plans/${planId}/export.json`} download>
            JSON で書き出す
          </a>
          {" ・ "}
          <a href={`/plans/${planId}/export.xlsx`} download>
            Excel で書き出す（編集して取り込めます）
          </a>
          {canEdit && (
            <>
              {" ・ "}
              <a href="/import">取り込む</a>
            </>
          )}
          {" ・ "}
          <a href="/templates/plan.xlsx" download>
            空のひな形（説明付き）
          </a>
        </dd>
      </dl>

      <section aria-labelledby="reports-title">
        <h2 id="reports-title">帳票</h2>
        <p>
          取組状況一覧・個票・達成度と着手状況の集計・工程表を、年度を選んで画面・Excel・PDF で作成できます。
          <a href={`/plans/${planId}/reports`}>帳票の作成へ</a>
        </p>
        <h2 id="publish-title">公表</h2>
        <p>
          年度ごとに、市民向けページ（ログイン不要）とオープンデータ（CSV・JSON・API）として公表します。
          <a href={`/plans/${planId}/publish`}>公表の管理へ</a>
        </p>
        <h2 id="edit-title">計画の編集・照会</h2>
        <p>
          {canEdit && (
            <>
              <a href={`/plans/${planId}/edit`}>項目・指標・目標の編集</a>
              {" ・ "}
              <a href={`/plans/${planId}/scales`}>評価基準（計画独自の評価と段階）</a>
              {" ・ "}
            </>
          )}
          <a href="/rounds">年度の照会（各課の回答）</a>
        </p>
      </section>

      <nav class="toc" aria-labelledby="toc-title">
        <h2 id="toc-title" style="border:0;margin:0;font-size:1rem">
          {doc.plan.levels[0]}
        </h2>
        <ol>
          {doc.items.map((i) => (
            <li>
              <a href={`#item-${i.key}`}>
                {i.number} {i.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <h2>計画の体系と指標</h2>
      <ul class="tree">
        {doc.items.map((i) => (
          <ItemNode item={i} depth={0} doc={doc} years={years} deptName={deptName} keyTitle={keyTitle} />
        ))}
      </ul>

      <h2 id="departments">所管部署</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">部署</th>
            <th scope="col">区分</th>
            <th scope="col">名称の変遷</th>
            <th scope="col">担当する項目・指標</th>
          </tr>
        </thead>
        <tbody>
          {doc.departments.map((d) => (
            <tr>
              <td>{deptName(d.key)}</td>
              <td>{d.kind ?? ""}</td>
              <td>{d.names.map((n) => `${n.name}（${warekiFiscalYear(n.validFrom)}～）`).join(" → ")}</td>
              <td class="num">{itemsByDept.get(d.key) ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
