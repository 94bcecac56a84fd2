/** The tallies (達成度・着手状況) as HTML: counts by status with 増減, per level and per department. */
import {
  formatChange,
  IMPLEMENTATION_LABELS,
  IMPLEMENTATION_SYMBOLS,
  STATUS_LABELS,
  STATUS_SYMBOLS,
} from "../../domain/evaluation/index.ts";
import { bothYears } from "../format.ts";
import type { TallyLine, TallyModel, TallySection } from "../tally.model.ts";
import { ReportTitle } from "./common.tsx";
import { FiscalEffectSection } from "./fiscal-effect.view.tsx";

/** The heading of a status column: its symbol and word; the 着手状況 words share no symbol with 達成度. */
export function statusHeading(
  section: "achievement" | "implementation",
  status: string,
  headings?: Readonly<Record<string, string>>,
): string {
  const own = headings?.[status];
  if (own !== undefined) return own;
  return section === "achievement"
    ? `${STATUS_SYMBOLS[status as keyof typeof STATUS_SYMBOLS]} ${STATUS_LABELS[status as keyof typeof STATUS_LABELS]}`
    : `${IMPLEMENTATION_SYMBOLS[status as keyof typeof IMPLEMENTATION_SYMBOLS]} ${IMPLEMENTATION_LABELS[status as keyof typeof IMPLEMENTATION_LABELS]}`;
}

export function TallyView({ model }: { model: TallyModel }) {
  const compare = `増減は${bothYears(model.previousYear)}との比較`;
  return (
    <>
      <ReportTitle head={model} note={compare} />
      <h2>達成度（指標の評価結果の件数）</h2>
      <p class="small muted">
        系列（男性・女性など）のある指標は系列ごとに1件と数えます。評価者の判定がある場合はその判定で数えます。平均は使わず件数で示します。
        {model.crossListedLeftOut > 0 && `再掲の項目（${model.crossListedLeftOut}件）は元の項目で数えます。`}
      </p>
      <Section section={model.achievement} name="achievement" />
      <h2>着手状況（取組の件数）</h2>
      <p class="small muted">
        取組の実績・取組状況の段階（実施、調査検討など）と、段階で書かれた指標の実績値から判定します。数値の実績値だけの取組はデータなしです。
      </p>
      <Section section={model.implementation} name="implementation" />
      <p class="small muted">
        所管課別では、複数の課が所管する指標・取組はそれぞれの課で数えるため、合計は計画全体と一致しないことがあります。
      </p>
      <FiscalEffectSection model={model.fiscalEffects} />
    </>
  );
}

function Section<S extends string>({
  section,
  name,
}: {
  section: TallySection<S>;
  name: "achievement" | "implementation";
}) {
  return (
    <>
      <TallyTable caption="計画全体" head="区分" lines={[section.overall]} section={section} name={name} />
      {section.byLevel.map((l) => (
        <TallyTable
          caption={`${l.level}別`}
          head={l.level}
          lines={l.lines}
          section={section}
          name={name}
          total={section.overall}
        />
      ))}
      <TallyTable
        caption="所管課別"
        head="所管課"
        lines={section.byDepartment}
        section={section}
        name={name}
      />
    </>
  );
}

function TallyTable<S extends string>(props: {
  caption: string;
  head: string;
  lines: TallyLine<S>[];
  section: TallySection<S>;
  name: "achievement" | "implementation";
  total?: TallyLine<S> | undefined;
}) {
  const { section, lines } = props;
  if (lines.length === 0) {
    return (
      <p>
        {props.caption}：対象がありません（{section.unit}）。
      </p>
    );
  }
  return (
    <div class="tally-block">
      <table class="tally-table">
        <caption>
          {props.caption}
          <span class="small muted">（単位：{section.unit}の件数）</span>
        </caption>
        <thead>
          <tr>
            <th scope="col" rowspan={2}>
              {props.head}
            </th>
            {section.statuses.map((s) => (
              <th scope="colgroup" colspan={2}>
                {statusHeading(props.name, s, section.headings)}
              </th>
            ))}
            <th scope="colgroup" colspan={2}>
              合計
            </th>
          </tr>
          <tr>
            {[...section.statuses, "total"].map(() => (
              <>
                <th scope="col">件数</th>
                <th scope="col">増減</th>
              </>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <Line line={l} name={props.name} headings={section.headings} />
          ))}
          {props.total && lines.length > 1 && (
            <Line
              line={{ ...props.total, label: "合計" }}
              name={props.name}
              headings={section.headings}
              total
            />
          )}
        </tbody>
      </table>
    </div>
  );
}

function Line<S extends string>({
  line,
  name,
  total,
  headings,
}: {
  line: TallyLine<S>;
  name: "achievement" | "implementation";
  total?: boolean;
  headings?: Readonly<Record<string, string>> | undefined;
}) {
  return (
    <tr class={total ? "total" : undefined}>
      <th scope="row">{line.label}</th>
      {line.changes.map((c) => (
        <>
          <td class="num" title={`${statusHeading(name, c.status, headings)}：前年度 ${c.previous}件`}>
            {c.current}
          </td>
          <td class="num change">{formatChange(c.change)}</td>
        </>
      ))}
      <td class="num">{line.total}</td>
      <td class="num change">{formatChange(line.total - line.previousTotal)}</td>
    </tr>
  );
}
