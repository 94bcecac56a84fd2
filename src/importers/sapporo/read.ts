/**
 * Reads chapter 3 (行財政運営の取組) of 札幌市 アクションプラン2023 into a plan document.
 * The tree: 取組方針 (1–4, with 現状と課題 and 取組の方向性) → Ⅰ/Ⅱ… → 1/2… → ①②… / (1)(2)…, each item with
 * its 所管 and at most one 目標. See README.md for the decisions.
 */

import type { InputFile } from "../../core/document-reader.ts";
import type { Finding, ImportResult } from "../../core/findings.ts";
import type { ItemInput, PlanDocumentInput } from "../../core/plan-document/schema.ts";
import { PLAN_DOCUMENT_FORMAT } from "../../core/plan-document/schema.ts";
import { checkText, fail } from "../text-input.ts";
import { Body, type Draft, type Overview, readOverview } from "./body.ts";
import { markCrossListings, sharedIndicators } from "./cross-listing.ts";
import { cells } from "./layout.ts";

export const SAPPORO = { code: "011002", name: "札幌市" } as const;
export const LEVELS = ["取組方針", "Ⅰ", "1", "①"];

export function readSapporo(file: InputFile): ImportResult<PlanDocumentInput> {
  const lines = checkText(file);
  const findings: Finding[] = [];
  const overview = readOverview(lines);
  if (overview.length === 0) {
    fail(
      file.path,
      1,
      "input.layout",
      "札幌市 行財政運営の取組の形式ではありません（「取組方針1 …」の一覧がありません）",
    );
  }
  const body = new Body(file.path, lines, overview, findings);
  const policies = body.read();
  checkComplete(file.path, lines, overview, policies, body.all);
  findings.push(...markCrossListings(body.all, file.path), ...sharedIndicators(body.all, file.path));
  findings.push(...absentSections(file.path, lines));
  const period = planPeriod(file.path, lines, body.all, findings);
  findings.push(...otherTargetYears(file.path, body.all, period.end));
  const document: PlanDocumentInput = {
    format: PLAN_DOCUMENT_FORMAT,
    municipality: { ...SAPPORO },
    plan: {
      key: `sapporo-ap${period.start}-administration`,
      title: `アクションプラン${period.start} 行財政運営の取組`,
      periodStart: period.start,
      periodEnd: period.end,
      levels: LEVELS,
      sources: [file.path],
    },
    departments: body.departments,
    items: policies.map(toItem),
  };
  return { document, findings };
}

/** A file cut short: policies of the overview without a body, or a last item without its 目標. */
function checkComplete(
  file: string,
  lines: string[],
  overview: Overview[],
  policies: Draft[],
  all: Draft[],
): void {
  const end = lines.length;
  const missing = overview.filter((o) => !policies.some((p) => p.number === o.number));
  if (missing.length > 0) {
    const names = missing.map((o) => `取組方針${o.number}`).join("、");
    fail(
      file,
      end,
      "input.truncated",
      `${names} の本文がありません（ファイルが途中で切れているか、別の形式です）`,
    );
  }
  const last = all[all.length - 1];
  if (last && last.indicators.length === 0 && last.children.length === 0) {
    fail(
      file,
      end,
      "input.truncated",
      `ファイルが取組「${last.number} ${last.title}」（行 ${last.line}）の途中で終わっています`,
    );
  }
  for (const p of policies) {
    if (p.children.length === 0)
      fail(file, p.line, "input.truncated", `取組方針${p.number} に取組内容がありません`);
  }
}

/** Sections named in the table of contents (`2 財政運営の取組\t204`) whose text the file does not hold. */
function absentSections(file: string, lines: string[]): Finding[] {
  const findings: Finding[] = [];
  for (const [i, raw] of lines.entries()) {
    const cs = cells(raw);
    const m = cs.length === 2 && /^\d+$/.test(cs[1]!) ? /^(\d+)\s+(\S+の取組)$/.exec(cs[0]!) : null;
    if (!m) continue;
    const heading = `${m[1]} ${m[2]}`;
    if (lines.some((l, j) => j !== i && l.trim() === heading)) continue;
    findings.push({
      file,
      line: i + 1,
      code: "section.absent",
      subject: heading,
      message: `目次にある「${heading}」（p.${cs[1]}）の本文はこのファイルにありません`,
      severity: "info",
    });
  }
  return findings;
}

/** アクションプラン2023 … 5年間 → FY2023–FY2027, checked against the targets' year. */
function planPeriod(
  file: string,
  lines: string[],
  all: Draft[],
  findings: Finding[],
): { start: number; end: number } {
  const text = lines.join("\n");
  const named = /アクションプラン(\d{4})/.exec(text);
  const years = /(\d+)年間の行政運営/.exec(text);
  const targetYears = all.flatMap((d) =>
    d.indicators.flatMap((i) => i.targets ?? []).map((t) => t.fiscalYear),
  );
  const common = mostFrequent(targetYears.filter((y): y is number => y !== undefined));
  if (!named) {
    if (common === undefined)
      fail(file, 1, "input.layout", "計画の名前（アクションプラン＋年）も目標年もありません");
    findings.push({
      file,
      code: "plan.period",
      message: "計画の名前に年がありません。目標年から期間を決めました",
      severity: "warning",
    });
    return { start: common - 4, end: common };
  }
  const start = Number(named[1]);
  const end = years ? start + Number(years[1]) - 1 : (common ?? start);
  if (common !== undefined && common !== end) {
    findings.push({
      file,
      code: "plan.period",
      subject: "計画期間",
      expected: `${end}年度`,
      found: `${common}年度`,
      message: "目標の年が計画期間の最終年度と違います",
      severity: "warning",
    });
  }
  return { start, end };
}

/** A 目標 column headed by another year than the plan's last (`2022年\t2023年` at 1-II-3-①). */
function otherTargetYears(file: string, all: Draft[], end: number): Finding[] {
  return all.flatMap((d) =>
    d.indicators.flatMap((i) =>
      (i.targets ?? [])
        .filter((t) => t.fiscalYear !== undefined && t.fiscalYear !== end)
        .map(
          (t): Finding => ({
            file,
            line: t.source?.line,
            code: "indicator.target-year",
            subject: `指標「${i.name}」`,
            expected: `${end}年度`,
            found: `${t.fiscalYear}年度`,
            message: "目標の年度が計画の最終年度と違います（書かれた年度のまま読みました）",
            severity: "info",
          }),
        ),
    ),
  );
}

function mostFrequent(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function toItem(d: Draft): ItemInput {
  return {
    key: d.key,
    number: d.number,
    title: d.title,
    ...(d.description !== undefined ? { description: d.description } : {}),
    texts: d.texts,
    departments: d.departments,
    ...(d.crossListingOf !== undefined ? { crossListingOf: d.crossListingOf } : {}),
    attributes: d.attributes,
    indicators: d.indicators,
    children: d.children.map(toItem),
  };
}
