/**
 * Findings for stage words no vocabulary knows (issue 10.5): a stage target or actual of an indicator in a
 * word that is neither on gyokaku's ladder, nor in plan.stages or the
 * indicator's stages, nor in the plan's implementation vocabulary. Such a word cannot be judged; it is
 * reported with its JSON path instead of turning silently into データなし.
 */
import { withVocabulary } from "../../domain/evaluation/vocabulary.ts";
import { DEFAULT_STAGE_LADDER, findStage, type StageLadder } from "../../domain/values/index.ts";
import type { Finding } from "../findings.ts";
import type { Item, PlanDocument, Source } from "./schema.ts";

function* walkItems(items: readonly Item[], path = "$.items"): Generator<{ item: Item; path: string }> {
  for (const [i, item] of items.entries()) {
    yield { item, path: `${path}[${i}]` };
    yield* walkItems(item.children, `${path}[${i}].children`);
  }
}

export function stageWordFindings(doc: PlanDocument, file: string): Finding[] {
  const vocabulary = doc.plan.scales?.implementation?.states;
  const planLadder = withVocabulary(DEFAULT_STAGE_LADDER, vocabulary);
  const planWords = new Set(doc.plan.stages ?? []);
  const findings: Finding[] = [];
  const known = (ladder: StageLadder, words: ReadonlySet<string>, w: string) =>
    words.has(w) || findStage(ladder, w) !== null;
  const report = (word: string, where: string, source: Source | undefined) =>
    findings.push({
      file: source?.file ?? file,
      line: source?.line,
      sheet: source?.sheet,
      row: source?.row,
      column: source?.column,
      code: "stage.unknown-word",
      subject: where,
      found: word,
      message: `段階の語「${word}」はどの段階表（既定の段階・plan.stages・plan.scales.implementation）にもないため判定できません`,
      severity: "warning",
    });
  for (const { item, path } of walkItems(doc.items)) {
    item.indicators.forEach((ind, j) => {
      const words = new Set([...planWords, ...(ind.stages ?? [])]);
      const ip = `${path}.indicators[${j}]`;
      ind.targets.forEach((t, i) => {
        if (t.kind === "stage" && t.stage && !known(planLadder, words, t.stage))
          report(t.stage, `${ip}.targets[${i}].stage`, t.source);
      });
      ind.actuals.forEach((a, i) => {
        if (a.kind === "stage" && a.stage && !known(planLadder, words, a.stage))
          report(a.stage, `${ip}.actuals[${i}].stage`, a.source);
      });
    });
  }
  return findings;
}
