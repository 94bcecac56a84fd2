/**
 * Reads the consultancy's proposal for Sapporo's ward offices (区役所機能・整備の今後の在り方基礎調査業務 提案書)
 * into a plan document: two groups (市民サービス, 職員の働き方) → their projects (3-2 個別の取組), with the
 * problem → solution tables (2-2), the window-service goals and the roadmap (3-3, 3-4) where the document
 * ties them to a group or project. See README.md for the decisions.
 */

import type { InputFile } from "../../core/document-reader.ts";
import type { Finding, ImportResult } from "../../core/findings.ts";
import type { ItemInput, PlanDocumentInput } from "../../core/plan-document/schema.ts";
import { PLAN_DOCUMENT_FORMAT } from "../../core/plan-document/schema.ts";
import { readFiscalYear } from "../../domain/values/index.ts";
import { checkText, fail } from "../text-input.ts";
import { cells, findHeader, listLines, plain, tableAt } from "./tables.ts";

export const SAPPORO = { code: "011002", name: "札幌市" } as const;
export const LEVELS = ["グループ", "プロジェクト"];

/** The column headings of 3-2 and the names the plan uses for them. */
const METHODS: Record<string, string> = {
  バックカスティング: "バックキャスト",
  フォアカスティング: "フォアキャスト",
  バックキャスト: "バックキャスト",
  フォアキャスト: "フォアキャスト",
};
/** 行かない・書かない・待たない・移動しない as the あるべき姿 table words them. */
const GOAL = /(行かない|書かない|待たない|移動しない|移動しなくてよい)/;

type Activity = NonNullable<ItemInput["activities"]>[number];
type Draft = {
  key: string;
  title: string;
  texts: Record<string, string>;
  attributes: Record<string, string>;
  activities: Activity[];
  children: Draft[];
};

export function readWardProposal(file: InputFile): ImportResult<PlanDocumentInput> {
  const lines = checkText(file);
  const findings: Finding[] = [];
  const ctx = { file: file.path, lines, findings };
  const groups = readProjects(ctx);
  const byPt = projectTeams(ctx, groups);
  readProblems(ctx, byPt);
  readGoals(ctx, byPt);
  const years = readRoadmap(ctx, groups);
  const title =
    lines
      .find((l) => /^#\s/.test(l))
      ?.replace(/^#+\s*/, "")
      .trim() ?? "区役所機能・整備に関する提案書";
  const document: PlanDocumentInput = {
    format: PLAN_DOCUMENT_FORMAT,
    municipality: { ...SAPPORO },
    plan: {
      key: `sapporo-ward-offices-${years.start}`,
      title,
      periodStart: years.start,
      periodEnd: years.end,
      levels: LEVELS,
      sources: [file.path],
    },
    departments: [],
    items: groups.map(toItem),
  };
  return { document, findings };
}

type Context = { file: string; lines: string[]; findings: Finding[] };

function finding(
  ctx: Context,
  line: number | undefined,
  code: string,
  message: string,
  extra: Partial<Finding> = {},
) {
  ctx.findings.push({ file: ctx.file, line, code, message, severity: "warning", ...extra });
}

/** 3-2 個別の取組: group │ バックカスティング │ フォアカスティング (個別の取組 │ 特徴). */
function readProjects(ctx: Context): Draft[] {
  const { lines } = ctx;
  const methodsAt = lines.findIndex((l) => {
    const cs = cells(l);
    return Object.keys(METHODS).filter((m) => cs.includes(m)).length >= 2;
  });
  const headerAt = methodsAt < 0 ? -1 : findHeader(lines, ["個別の取組", "特徴"], methodsAt + 1);
  if (headerAt < 0 || headerAt - methodsAt > 3) {
    fail(
      ctx.file,
      lines.length,
      "input.layout",
      "「個別の取組」の表（バックカスティング／フォアカスティング）がありません（途中で切れているか、別の形式です）",
    );
  }
  const methodRow = lines[methodsAt]!.split("\t").map((c) => c.trim());
  // A heading spans the columns to its right until the next heading.
  const methodOf = (col: number): string | undefined => {
    for (let c = col; c >= 0; c--) if (methodRow[c]) return METHODS[methodRow[c]!];
    return undefined;
  };
  const table = tableAt(lines, headerAt);
  if (table.open)
    fail(ctx.file, lines.length, "input.truncated", "「個別の取組」の表の途中でファイルが終わっています");
  const projectCol = table.header.indexOf("個別の取組");
  const featureCol = table.header.indexOf("特徴");
  const method = methodOf(projectCol);
  const groups: Draft[] = [];
  for (const row of table.rows) {
    const name = row.cells[0] || groups[groups.length - 1]?.title;
    if (!name) {
      finding(ctx, row.line, "project.no-group", "グループのない行です");
      continue;
    }
    let group = groups.find((g) => g.title === name);
    if (!group) {
      group = draft(name, name);
      groups.push(group);
    }
    for (const [col, cell] of row.cells.entries()) {
      if (col === 0 || col === projectCol || col === featureCol || cell === "") continue;
      // The バックカスティング column holds steps (理想像の導出 → 実現のための手段), not projects.
      const heading = methodOf(col) ?? table.header[col] ?? `列${col + 1}`;
      group.texts[heading] = listLines(cell).join("\n");
    }
    const title = row.cells[projectCol] ?? "";
    if (title === "") {
      finding(ctx, row.line, "project.missing", `グループ「${name}」の行にプロジェクト名がありません`);
      continue;
    }
    const project = draft(`${group.key}/${title}`, title);
    const feature = row.cells[featureCol] ?? "";
    if (feature === "") {
      finding(ctx, row.line, "project.feature-missing", "特徴がありません", {
        subject: `プロジェクト「${title}」`,
      });
    } else {
      project.texts.特徴 = feature;
    }
    if (method) project.attributes.手法 = method;
    group.children.push(project);
  }
  if (groups.length === 0)
    fail(ctx.file, table.headerLine, "input.truncated", "「個別の取組」の表に行がありません");
  const backcast = groups.flatMap((g) => g.children).filter((p) => p.attributes.手法 === "バックキャスト");
  if (method && backcast.length === 0) {
    finding(
      ctx,
      table.headerLine,
      "project.no-backcast",
      "個別の取組はすべてフォアキャストの列にあります。バックキャストの列は手順（理想像の導出・理想像実現のための手段）で、グループの texts に置きました",
      { severity: "info" },
    );
  }
  return groups;
}

/**
 * 「市民サービスは、…「窓口PT」の検討結果を、職員の働き方は「働き方PT」の検討結果を引き継ぐ」: which
 * project team's results (2-1, 2-2) belong to which group.
 */
function projectTeams(ctx: Context, groups: Draft[]): Map<string, Draft> {
  const byPt = new Map<string, Draft>();
  for (const line of ctx.lines) {
    for (const m of line.matchAll(/([^、。\s「」]+?)は[^「」。]*?「([^」]+?)PT」の検討結果/g)) {
      const group = groups.find((g) => g.title === m[1]);
      if (!group) continue;
      byPt.set(m[2]!, group);
      group.attributes.PT = `${m[2]}PT`;
    }
  }
  for (const g of groups) {
    if (!g.attributes.PT)
      finding(
        ctx,
        undefined,
        "group.no-team",
        `グループ「${g.title}」がどの PT の検討結果を引き継ぐか書かれていません`,
      );
  }
  return byPt;
}

/** 2-2: `# 窓口における現状、課題及び解決策` → 観点 │ 現状と課題 │ 想定される解決策, on the group of 窓口PT. */
function readProblems(ctx: Context, byPt: Map<string, Draft>): void {
  for (const [i, line] of ctx.lines.entries()) {
    const m = /^#+\s*(\S+?)における現状、課題及び解決策\s*$/.exec(line);
    if (!m) continue;
    const group = byPt.get(m[1]!);
    const headerAt = findHeader(ctx.lines, ["観点", "現状と課題", "想定される解決策"], i + 1);
    if (headerAt < 0 || headerAt - i > 6) {
      finding(ctx, i + 1, "problems.no-table", `「${m[1]}」の現状・課題・解決策の表がありません`);
      continue;
    }
    if (!group) {
      finding(ctx, i + 1, "problems.no-group", `「${m[1]}PT」を引き継ぐグループがないため、表を置けません`);
      continue;
    }
    const table = tableAt(ctx.lines, headerAt);
    let aspect = "";
    let n = Object.keys(group.texts).filter((k) => k.startsWith("現状と課題 ")).length;
    for (const row of table.rows) {
      const [first = "", problem = "", solution = ""] = row.cells;
      aspect = first || aspect;
      n++;
      if (problem === "" || solution === "") {
        finding(ctx, row.line, "problems.cell-missing", "現状と課題または解決策が空です", {
          subject: `${m[1]} ${aspect}`,
        });
      }
      // The row is the link: problem n leads to solutions n.
      group.texts[`現状と課題 ${n}（${aspect}）`] = listLines(problem).join("\n");
      group.texts[`想定される解決策 ${n}（${aspect}）`] = listLines(solution).join("\n");
    }
  }
}

/**
 * The window-service goals from 窓口PT's あるべき姿 table (便利（行かない）, 速い、待たない …), on its group;
 * a project whose name is one of a goal's means (オンライン手続, 窓口予約) is marked with that goal.
 */
function readGoals(ctx: Context, byPt: Map<string, Draft>): void {
  const headerAt = findHeader(ctx.lines, ["窓口サービスのあるべき姿"]);
  if (headerAt < 0) {
    finding(ctx, undefined, "goals.missing", "窓口サービスのあるべき姿の表がありません");
    return;
  }
  const pt = ctx.lines
    .slice(0, headerAt)
    .reverse()
    .map((l) => /^#.*?(\S+?)PT/.exec(l)?.[1])
    .find((x) => x !== undefined);
  const group = pt !== undefined ? byPt.get(pt) : undefined;
  if (!group) {
    finding(
      ctx,
      headerAt + 1,
      "goals.no-group",
      "窓口サービスのあるべき姿の表がどのグループのものか分かりません",
    );
    return;
  }
  const goals: string[] = [];
  for (const row of tableAt(ctx.lines, headerAt).rows) {
    const aspect = row.cells[1] ?? "";
    const goal = GOAL.exec(aspect)?.[1]?.replace("移動しなくてよい", "移動しない");
    if (!goal) continue;
    const means = listLines(row.cells[2] ?? "");
    goals.push(goal);
    group.texts[`窓口サービスの目標（${goal}）`] = [aspect, ...means].join("\n");
    for (const project of group.children) {
      const stem = project.title.replace(/(?:推進|定着)?プロジェクト$/, "");
      if (stem !== "" && means.some((m) => m.includes(stem))) {
        const had = project.attributes.窓口サービスの目標;
        project.attributes.窓口サービスの目標 = had ? `${had}・${goal}` : goal;
      }
    }
  }
  if (goals.length < 4) {
    finding(ctx, headerAt + 1, "goals.incomplete", `窓口サービスの目標が ${goals.length} つしかありません`, {
      expected: "行かない・書かない・待たない・移動しない",
      found: goals.join("・"),
    });
  }
  group.attributes.窓口サービスの目標 = goals.join("・");
}

/**
 * 3-3 and 3-4 (roadmap, actions of the first year) as planned activities: 「2023年度は…」「2024年度以降は…」
 * 「2026年度までに…」 for each group, and the forecasting projects run in the year of 3-4 alongside the
 * 改革実施計画. Returns the plan's period.
 */
function readRoadmap(ctx: Context, groups: Draft[]): { start: number; end: number } {
  const { lines } = ctx;
  const from = lines.findIndex((l) => /^#+\s*3-3\s/.test(l));
  const actionHeading = lines.findIndex((l) => /^#+\s*3-4\s*\d{4}年度/.test(l));
  const actionYearLabel = actionHeading >= 0 ? /(\d{4}年度)/.exec(lines[actionHeading]!)![1]! : undefined;
  if (from < 0 || actionYearLabel === undefined) {
    finding(
      ctx,
      undefined,
      "roadmap.missing",
      "全体ロードマップ（3-3）または初年度のアクション（3-4）がありません",
    );
  }
  const years: number[] = [];
  const year = (label: string, line: number): number | undefined => {
    const fy = readFiscalYear(label);
    if ("fiscalYear" in fy) {
      years.push(fy.fiscalYear);
      return fy.fiscalYear;
    }
    finding(ctx, line, "value.unreadable", `年度を読めません: ${fy.unreadable}`, { found: label });
    return undefined;
  };
  const projects = groups.flatMap((g) => g.children);
  for (let i = Math.max(from, 0); from >= 0 && i < lines.length; i++) {
    const text = /^\s*-\s+(.+)$/.exec(lines[i]!)?.[1];
    if (!text) continue;
    const bulletText = plain(text);
    const line = i + 1;
    const lead = /(?:^|、)(\d{4}年度)(以降)?は/.exec(bulletText);
    const by = /(\d{4}年度)までに/.exec(bulletText);
    if (lead || by) {
      const label = lead ? `${lead[1]}${lead[2] ?? ""}` : `${by![1]}まで`;
      const fy = year(lead ? lead[1]! : by![1]!, line);
      if (fy === undefined) continue;
      for (const g of groups) g.activities.push(activity(ctx, fy, label, bulletText, line));
    } else if (
      /フォアキャスト/.test(bulletText) &&
      /プロジェクトを実施/.test(bulletText) &&
      actionYearLabel
    ) {
      const fy = year(actionYearLabel, line);
      if (fy === undefined) continue;
      for (const p of projects.filter((p) => p.attributes.手法 === "フォアキャスト")) {
        p.activities.push(activity(ctx, fy, actionYearLabel, bulletText, line));
      }
    }
  }
  if (years.length > 0) return { start: Math.min(...years), end: Math.max(...years) };
  // Without readable roadmap years the first year of action (3-4) is the period.
  const fallback = actionYearLabel ? Number(actionYearLabel.slice(0, 4)) : undefined;
  if (fallback === undefined)
    fail(ctx.file, lines.length, "input.truncated", "ロードマップの年度がありません");
  finding(ctx, undefined, "plan.period", "ロードマップの年度を読めないため、計画期間を 3-4 の年度にしました");
  return { start: fallback, end: fallback };
}

function activity(ctx: Context, fiscalYear: number, yearLabel: string, text: string, line: number): Activity {
  return { fiscalYear, yearLabel, kind: "plan", text, source: { file: ctx.file, line } };
}

function draft(key: string, title: string): Draft {
  return { key, title, texts: {}, attributes: {}, activities: [], children: [] };
}

function toItem(d: Draft): ItemInput {
  return {
    key: d.key,
    title: d.title,
    texts: d.texts,
    attributes: d.attributes,
    activities: d.activities,
    children: d.children.map(toItem),
  };
}
