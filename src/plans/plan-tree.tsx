/** The plan's tree on its page: each item with its departments, indicators (values by fiscal year) and activities. */
import type { Indicator, Item, PlanDocument, Value } from "../core/plan-document/schema.ts";
import { shortWareki, warekiFiscalYear } from "../domain/fiscal-year.ts";

/** A value cell: the text as written; an unreadable value is flagged with its reason. */
export function FiscalYearHeading({ fy }: { fy: number }) {
  return (
    <>
      {warekiFiscalYear(fy)}
      <span class="fy">{fy}年度</span>
    </>
  );
}

export function ValueCell({ v }: { v: Value | undefined }) {
  if (!v || v.kind === "empty") return <td class="num empty">—</td>;
  if (v.unreadable) {
    return (
      <td>
        {v.text}{" "}
        <span class="flag" title={v.unreadable}>
          ⚠ 読み取れません: {v.unreadable}
        </span>
      </td>
    );
  }
  return <td class={v.kind === "number" ? "num" : ""}>{v.text}</td>;
}

export function IndicatorTable({
  ind,
  years,
  deptName,
}: {
  ind: Indicator;
  years: number[];
  deptName: (k: string) => string;
}) {
  const series: (string | undefined)[] = ind.series.length > 0 ? ind.series : [undefined];
  return (
    <div class="table-scroll">
      <table>
        <caption>
          {ind.number ? `指標${ind.number} ` : "指標 "}
          {ind.name}
          {ind.unit ? `（単位: ${ind.unit}）` : ""}
          {ind.departments.length > 0 && (
            <span class="item-depts"> 所管: {ind.departments.map(deptName).join("、")}</span>
          )}
        </caption>
        <thead>
          <tr>
            {ind.series.length > 0 && <th scope="col">系列</th>}
            <th scope="col">初期値</th>
            <th scope="col">目標</th>
            {years.map((fy) => (
              <th scope="col">
                <FiscalYearHeading fy={fy} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => {
            const base = ind.baselines.find((b) => b.series === s);
            const targets = ind.targets.filter((t) => t.series === s);
            return (
              <tr>
                {s !== undefined && <th scope="row">{s}</th>}
                <td class="num">
                  {base && base.kind !== "empty" ? base.text : <span class="empty">—</span>}
                  {base?.fiscalYear !== undefined && (
                    <span class="fy">{`${shortWareki(base.fiscalYear)}（${base.fiscalYear}年度）`}</span>
                  )}
                </td>
                <td>
                  {targets.length === 0 && <span class="empty">—</span>}
                  {targets.map((t) => (
                    <div>
                      {t.text}
                      {t.fiscalYear !== undefined && !/[RH(（]/.test(t.text) && (
                        <span class="fy">{`${warekiFiscalYear(t.fiscalYear)}まで`}</span>
                      )}
                      {t.fromFiscalYear !== undefined && !/[RH(（]/.test(t.text) && (
                        <span class="fy">{`${warekiFiscalYear(t.fromFiscalYear)}から`}</span>
                      )}
                      {t.unreadable && <span class="flag"> ⚠ {t.unreadable}</span>}
                    </div>
                  ))}
                </td>
                {years.map((fy) => (
                  <ValueCell v={ind.actuals.find((a) => a.fiscalYear === fy && a.series === s)} />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ItemNode({ item, depth, doc, years, deptName, keyTitle }: ItemNodeProps) {
  const level = doc.plan.levels[depth] ?? "";
  return (
    <li class="item" id={`item-${item.key}`}>
      <div class="item-head">
        {/* Level names that are only a numbering style (Sapporo's Ⅰ, 1, ①) say nothing beside the number. */}
        {!/^[ⅠⅡⅢⅣⅤIVX0-9０-９①-⑳()（）]+$/.test(level) && <span class="tag tag-level">{level}</span>}
        {item.number && <span>{item.number} </span>}
        {item.title}
        {item.crossListingOf !== undefined && (
          <span class="tag">
            再掲（<a href={`#item-${item.crossListingOf}`}>{keyTitle(item.crossListingOf)}</a>）
          </span>
        )}
      </div>
      <div class="item-body">
        {item.departments.length > 0 && (
          <div class="item-depts">所管: {item.departments.map(deptName).join("、")}</div>
        )}
        {Object.entries(item.attributes).map(([k, v]) => (
          <span class="tag">
            {k}: {v}
          </span>
        ))}
        {item.description && (
          <details>
            <summary>取組内容</summary>
            <p>{item.description}</p>
          </details>
        )}
        {Object.entries(item.texts).map(([heading, text]) => (
          <details>
            <summary>{heading}</summary>
            <p style="white-space: pre-line">{text}</p>
          </details>
        ))}
        {item.indicators.map((ind) => (
          <IndicatorTable ind={ind} years={years} deptName={deptName} />
        ))}
        {item.progress.map((p) => (
          <details>
            <summary>
              {warekiFiscalYear(p.fiscalYear)}の取組状況{p.status ? `〈${p.status}〉` : ""}
            </summary>
            {p.narrative && <p>{p.narrative}</p>}
            {p.nextYearPlan && (
              <>
                <h4>{warekiFiscalYear(p.fiscalYear + 1)}の取組内容</h4>
                <p>{p.nextYearPlan}</p>
              </>
            )}
          </details>
        ))}
        {item.activities.length > 0 && <ActivityTable item={item} />}
      </div>
      {item.children.length > 0 && (
        <ul>
          {item.children.map((c) => (
            <ItemNode
              item={c}
              depth={depth + 1}
              doc={doc}
              years={years}
              deptName={deptName}
              keyTitle={keyTitle}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

export type ItemNodeProps = {
  item: Item;
  depth: number;
  doc: PlanDocument;
  years: number[];
  deptName: (k: string) => string;
  keyTitle: (k: string) => string;
};

/** 取組計画 and 実績 by fiscal year, one row a year. */
export function ActivityTable({ item }: { item: Item }) {
  const years = [...new Set(item.activities.map((a) => a.fiscalYear))].sort((a, b) => a - b);
  const cell = (fy: number, kind: "plan" | "result") => {
    const list = item.activities.filter((a) => a.fiscalYear === fy && a.kind === kind);
    if (list.length === 0) return <td class="empty">—</td>;
    return (
      <td style="white-space: pre-line">
        {list.map((a) => (
          <>
            {a.status && <span class="tag">〈{a.status}〉</span>}
            {a.text}
          </>
        ))}
      </td>
    );
  };
  return (
    <div class="table-scroll">
      <table>
        <caption>取組計画と実績</caption>
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">計画</th>
            <th scope="col">実績</th>
          </tr>
        </thead>
        <tbody>
          {years.map((fy) => {
            const label = item.activities.find((a) => a.fiscalYear === fy && a.yearLabel)?.yearLabel;
            return (
              <tr>
                <th scope="row">
                  {label ?? warekiFiscalYear(fy)}
                  <span class="fy">{fy}年度</span>
                </th>
                {cell(fy, "plan")}
                {cell(fy, "result")}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
