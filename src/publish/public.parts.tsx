/** Small pieces the public pages share: status marks, tally tables, the search form. */
import {
  EVALUATION_STATUSES,
  type EvaluationStatus,
  IMPLEMENTATION_LABELS,
  IMPLEMENTATION_STATUSES,
  IMPLEMENTATION_SYMBOLS,
  type ImplementationStatus,
  STATUS_LABELS,
  STATUS_SYMBOLS,
  type Tally,
} from "../domain/evaluation/index.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { rel } from "./public.layout.tsx";
import type { ItemView, PublicView } from "./public-view.ts";

/** A status as a mark and a word, never by colour alone (CUD, JIS X 8341-3). */
export function Status({ status }: { status: EvaluationStatus }) {
  return (
    <span class={`status status-${status}`}>
      <span aria-hidden="true">{STATUS_SYMBOLS[status]}</span> {STATUS_LABELS[status]}
    </span>
  );
}

export function Implementation({ status }: { status: ImplementationStatus }) {
  return (
    <span class={`status impl-${status}`}>
      <span aria-hidden="true">{IMPLEMENTATION_SYMBOLS[status]}</span> {IMPLEMENTATION_LABELS[status]}
    </span>
  );
}

/** 令和4年度 with 2022年度 beneath it. */
export function Fy({ fy }: { fy: number }) {
  return (
    <>
      {warekiFiscalYear(fy)}
      <span class="fy">{fy}年度</span>
    </>
  );
}

/** Counts of the published year's results: one row per item (a level of the plan, the children of an item). */
export function TallyTable(props: {
  caption: string;
  rows: { label: string; href?: string | undefined; tally: Tally }[];
  /** The header of the first column: the level's name. */
  rowHeader: string;
}) {
  const statuses = EVALUATION_STATUSES.filter((s) => props.rows.some((r) => r.tally.counts[s] > 0));
  const shown = statuses.length > 0 ? statuses : EVALUATION_STATUSES.slice(0, 4);
  return (
    <section class="table-scroll" aria-label={props.caption} tabindex={0}>
      <table class="tally">
        <caption>
          {props.caption}
          <span class="legend" aria-hidden="true">
            {shown.map((s) => `${STATUS_SYMBOLS[s]}${STATUS_LABELS[s]}`).join(" ")}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{props.rowHeader}</th>
            {shown.map((s) => (
              <th scope="col" class={`num status status-${s}`}>
                <span aria-hidden="true">{STATUS_SYMBOLS[s]}</span>{" "}
                <span class="status-word">{STATUS_LABELS[s]}</span>
              </th>
            ))}
            <th scope="col" class="num">
              計
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">{r.href ? <a href={r.href}>{r.label}</a> : r.label}</th>
              {shown.map((s) => (
                <td class="num">{r.tally.counts[s]}</td>
              ))}
              <td class="num">{r.tally.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** 達成度 of the whole plan as a list: each status with its count, for a quick read on a phone. */
export function TallySummary({ tally, label }: { tally: Tally; label: string }) {
  return (
    <>
      <ul class="tally-summary" aria-label={label}>
        {EVALUATION_STATUSES.filter((s) => tally.counts[s] > 0 || EVALUATION_STATUSES.indexOf(s) < 4).map(
          (s) => (
            <li>
              <Status status={s} />
              <span class="count">{tally.counts[s]}</span>
            </li>
          ),
        )}
      </ul>
      <p class="tally-total">対象の指標（系列ごと）：{tally.total}件</p>
    </>
  );
}

export function ImplementationSummary({ tally }: { tally: Tally<ImplementationStatus> }) {
  return (
    <>
      <ul class="tally-summary" aria-label="着手状況の件数">
        {IMPLEMENTATION_STATUSES.map((s) => (
          <li>
            <Implementation status={s} />
            <span class="count">{tally.counts[s]}</span>
          </li>
        ))}
      </ul>
      <p class="tally-total">対象の項目：{tally.total}件</p>
    </>
  );
}

export function SearchForm(props: { view: PublicView; depth: number; q?: string; dept?: string }) {
  return (
    <form class="search" method="get" action={rel(props.depth, "search.html")}>
      <div class="field">
        <label for="q">キーワード</label>
        <input id="q" name="q" type="search" value={props.q ?? ""} autocomplete="off" />
      </div>
      <div class="field">
        <label for="dept">所管課</label>
        <select id="dept" name="dept">
          <option value="">すべての所管課</option>
          {props.view.departments.map((d) => (
            <option value={d.key} selected={d.key === props.dept}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">検索</button>
    </form>
  );
}

/** A link to an item's page from a page `depth` folders below the root. */
export function itemHref(v: ItemView, depth: number): string {
  return rel(depth, `items/${v.slug}.html`);
}

/** 「基本目標 1 市民参加と協働」 where the level's name says something. */
export function levelLabel(v: ItemView, meaningful: (level: string) => boolean): string {
  return meaningful(v.level) ? `${v.level} ${v.label}` : v.label;
}
