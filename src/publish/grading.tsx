/**
 * The plan's own grades on the public pages (issue 10.5): when the published snapshot keeps the plan's outcome
 * scale (S/A/B/C, ◎/○/△/×) and its results carry their grade, the pages show and count those grades; with an
 * implementation vocabulary, 着手状況 is the plan's word (部分実施). Versions published without scales, or before
 * grades were kept with the results, show gyokaku's statuses as they always did.
 */
import { ruleText } from "../domain/evaluation/grade.ts";
import { STATUS_LABELS } from "../domain/evaluation/index.ts";
import { Implementation, Status } from "./public.parts.tsx";
import { type GradeCounts, type Grading, gradeColumns, type Vocabulary } from "./published-scales.ts";
import type { ItemResult, YearResult } from "./snapshot.ts";
import { UNGRADED } from "./snapshot.ts";

/** A grade as a mark and a word; its place in the scale as a class (never colour alone). */
export function Grade({ grading, label }: { grading: Grading; label: string }) {
  const index = grading.grades.findIndex((g) => g.label === label);
  const symbol = index < 0 ? "－" : (grading.grades[index]!.symbol ?? "");
  return (
    <span class={`status grade grade-${index < 0 ? "none" : index + 1}`}>
      {symbol && <span aria-hidden="true">{symbol}</span>}
      {symbol ? " " : ""}
      {label}
    </span>
  );
}

/**
 * The result of a year: the plan's grade where the version has one, else gyokaku's status. A grade the reviewer
 * set says so, with the grade the plan's rule computes beside it (as the reports show it).
 */
export function Result({ grading, r }: { grading: Grading | undefined; r: YearResult }) {
  if (!grading) return <Status status={r.status} />;
  const judged = r.judgement?.grade !== undefined && r.computedGrade !== undefined;
  return (
    <>
      <Grade grading={grading} label={r.grade ?? UNGRADED} />
      {judged && (
        <>
          {" "}
          <span class="judged">評価者の判定</span>{" "}
          <span class="status-computed">
            （計算による評価：
            <Grade grading={grading} label={r.computedGrade!} />）
          </span>
        </>
      )}
    </>
  );
}

/** 着手状況 in the plan's word where the version recorded one, else gyokaku's. */
export function ImplementationMark({
  vocabulary,
  result,
}: {
  vocabulary: Vocabulary | undefined;
  result: ItemResult;
}) {
  if (vocabulary && result.state !== undefined) {
    const i = vocabulary.states.findIndex((s) => s.label === result.state);
    return <span class={`status state state-${i + 1}`}>{result.state}</span>;
  }
  return <Implementation status={result.implementation} />;
}

/** The column of items whose records use no word of the plan's vocabulary. */
export const NO_STATE = "区分なし";

/** 着手状況 counted in the plan's words, lowest state first as the plan lists them, then 区分なし. */
export function StateSummary({
  vocabulary,
  results,
}: {
  vocabulary: Vocabulary;
  results: readonly ItemResult[];
}) {
  const counts = new Map<string, number>();
  for (const r of results) {
    const k = r.state ?? NO_STATE;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const columns = [...vocabulary.states.map((s) => s.label), NO_STATE].filter(
    (l) => l !== NO_STATE || (counts.get(NO_STATE) ?? 0) > 0,
  );
  return (
    <>
      <ul class="tally-summary" aria-label="着手状況の件数">
        {columns.map((l, i) => (
          <li>
            <span class={`status state state-${l === NO_STATE ? "none" : i + 1}`}>{l}</span>
            <span class="count">{counts.get(l) ?? 0}</span>
          </li>
        ))}
      </ul>
      <p class="tally-total">
        対象の項目：{results.length}件（計画の区分：{vocabulary.states.map((s) => s.label).join("・")}）
      </p>
    </>
  );
}

/** 達成度 of the whole plan on its own scale, for a quick read on a phone. */
export function GradeSummary({
  grading,
  counts,
  label,
}: {
  grading: Grading;
  counts: GradeCounts;
  label: string;
}) {
  return (
    <>
      <ul class="tally-summary" aria-label={label}>
        {gradeColumns(grading).map((c) => (
          <li>
            <Grade grading={grading} label={c.label} />
            <span class="count">{counts.counts.get(c.label) ?? 0}</span>
          </li>
        ))}
      </ul>
      <p class="tally-total">対象の指標（系列ごと）：{counts.total}件（計画の評価基準による評価）</p>
    </>
  );
}

/** The scale as the plan states it: each grade with its rule. */
export function ScaleNote({ grading }: { grading: Grading }) {
  return (
    <p class="note">
      評価は計画の評価基準によります：
      {grading.grades
        .map((g) => `${g.symbol ? `${g.symbol}` : ""}${g.label}（${ruleText(grading.grades, g)}）`)
        .join("、")}
      。 達成率が計算できない指標は「{UNGRADED}」です（{STATUS_LABELS.no_data}・{STATUS_LABELS.not_judgeable}
      を含みます）。
    </p>
  );
}

/** Counts of the published year's results on the plan's scale: one row per item of a level or per child. */
export function GradeTallyTable(props: {
  grading: Grading;
  caption: string;
  rows: { label: string; href?: string | undefined; grades: GradeCounts }[];
  rowHeader: string;
}) {
  const columns = gradeColumns(props.grading).filter(
    (c) => c.label !== UNGRADED || props.rows.some((r) => (r.grades.counts.get(UNGRADED) ?? 0) > 0),
  );
  return (
    <section class="table-scroll" aria-label={props.caption} tabindex={0}>
      <table class="tally">
        <caption>
          {props.caption}
          <span class="legend" aria-hidden="true">
            {columns.map((c) => `${c.symbol}${c.label}`).join(" ")}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{props.rowHeader}</th>
            {columns.map((c) => (
              <th scope="col" class="num">
                <Grade grading={props.grading} label={c.label} />
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
              {columns.map((c) => (
                <td class="num">{r.grades.counts.get(c.label) ?? 0}</td>
              ))}
              <td class="num">{r.grades.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
