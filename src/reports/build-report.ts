/** One report model of a kind, built from an evaluated plan. Pure. */
import type { EvaluatedPlan } from "./evaluation.ts";
import type { ReportKind } from "./report.model.ts";
import { buildRoadmap, type RoadmapModel } from "./roadmap.model.ts";
import { buildSheets, type SheetsModel } from "./sheets.model.ts";
import { buildSummary, type SummaryModel } from "./summary.model.ts";
import { buildTally, type TallyModel } from "./tally.model.ts";

export type ReportModel =
  | { kind: "summary"; model: SummaryModel }
  | { kind: "sheets"; model: SheetsModel }
  | { kind: "tally"; model: TallyModel }
  | { kind: "roadmap"; model: RoadmapModel };

export function buildReport(kind: ReportKind, plan: EvaluatedPlan): ReportModel {
  switch (kind) {
    case "summary":
      return { kind, model: buildSummary(plan) };
    case "sheets":
      return { kind, model: buildSheets(plan) };
    case "tally":
      return { kind, model: buildTally(plan) };
    case "roadmap":
      return { kind, model: buildRoadmap(plan) };
  }
}
