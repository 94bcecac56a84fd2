import { STATUS_LABELS } from "./labels.ts";
import type { Evaluation, Judgement } from "./types.ts";

/**
 * A reviewer overrides the computed status (e.g. a text target, or a figure the rule reads too strictly).
 * The computed status and rule are kept, so the record shows what the rule said and who decided otherwise;
 * judging an already-judged result replaces the earlier judgement, never the computed part. A judgement with a
 * `grade` (the plan's own scale) sets that grade and leaves the status as computed.
 * @example applyJudgement(evaluate(input), { status: "achieved", reason: "令和3年度に公開を開始した", by: "行政管理課 山田", at: "2023-05-10" })
 *   // → status "achieved", computedStatus unchanged,
 *   //   explanation 「評価者の判定：達成（令和3年度に公開を開始した。行政管理課 山田、2023-05-10）／計算による判定：目標 …：判定不可（…）」
 */
export function applyJudgement(result: Evaluation, judgement: Judgement): Evaluation {
  const reason = judgement.reason.trim();
  const by = judgement.by.trim();
  if (!reason) throw new Error("評価者の判定には理由が必要です");
  if (!by) throw new Error("評価者の判定には判定者が必要です");
  const grade = judgement.grade?.trim();
  if (grade) {
    // The plan's grade is the reviewer's; gyokaku's status stays what the rule computed.
    const j: Judgement = { ...judgement, status: result.computedStatus, grade, reason, by };
    return {
      ...result,
      status: result.computedStatus,
      judgement: j,
      explanation: `評価者の判定：${grade}（${reason}。${by}、${j.at}）／計算による判定：${result.rule}`,
    };
  }
  const { grade: _none, ...rest } = judgement;
  const j: Judgement = { ...rest, reason, by };
  return {
    ...result,
    status: j.status,
    judgement: j,
    explanation: `評価者の判定：${STATUS_LABELS[j.status]}（${reason}。${by}、${j.at}）／計算による判定：${result.rule}`,
  };
}
