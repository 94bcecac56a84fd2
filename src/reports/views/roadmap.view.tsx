/** The roadmap (工程表) as HTML: items down, fiscal years across, the planned activity in each cell. */
import type { RoadmapEntry, RoadmapModel } from "../roadmap.model.ts";
import { Pre, ReportTitle } from "./common.tsx";

const KIND_WORDS: Record<RoadmapEntry["kind"], string> = {
  plan: "計画",
  next_year_plan: "次年度の取組",
  target: "目標",
  result: "実績",
};

export function RoadmapView({ model }: { model: RoadmapModel }) {
  return (
    <>
      <ReportTitle head={model} />
      <p class="small muted">
        取組計画、取組状況に書かれた次年度の取組内容、段階で示された目標を年度ごとに並べています。対象年度までは実績の段階も示します。
      </p>
      {model.rows.length === 0 ? (
        <p>年度ごとの計画が記録された項目はありません。</p>
      ) : (
        <div class="table-wide">
          <table class="roadmap-table">
            <thead>
              <tr>
                <th scope="col" rowspan={2}>
                  項目
                </th>
                <th scope="colgroup" colspan={model.years.length}>
                  年度
                </th>
              </tr>
              <tr>
                {model.years.map((fy, i) => (
                  <th scope="col">
                    {model.yearLabels[i]}
                    <span class="fy">{fy}年度</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {model.rows.map((row) => (
                <tr>
                  <th scope="row" class="small">
                    {row.context && <span class="fy">{row.context}</span>}
                    <span class="item-title">{row.title}</span>
                    {row.departments.length > 0 && <span class="fy">{row.departments.join("、")}</span>}
                  </th>
                  {row.cells.map((entries) => (
                    <td>
                      {entries.map((e) => (
                        <div class="entry">
                          {(e.kind !== "plan" || e.status) && (
                            <span class="tag">
                              {e.kind === "plan" ? "" : KIND_WORDS[e.kind]}
                              {e.status ? `〈${e.status}〉` : ""}
                            </span>
                          )}
                          {e.text && <Pre text={e.text} />}
                        </div>
                      ))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
