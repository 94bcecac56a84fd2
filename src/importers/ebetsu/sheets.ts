/**
 * Reader of the Ebetsu sheets (個票, seed 000): one sheet per 取組項目, as text extracted from the PDF.
 *
 * Layout, line by line: the title 「…の 取組状況(令和4年度)」; headings 「基本目標1 …」 and 「(1) …」
 * (repeated on every page); then rows of 7 tab-separated cells: 取組項目 | ①title, 取組内容 | text,
 * 指標① | name | … | 所管課 | department, the year header  | 初期値(2017年度) | 令和元年度 … 令和5年度,
 * value rows, 令和4年度取組状況 | text, 実績値を踏まえた令和5年度の取組内容 | text.
 * The value rows are read by sheet-values.ts.
 */

import type { InputFile } from "../../core/document-reader.ts";
import { invalidDocument } from "../../core/errors.ts";
import type { Finding } from "../../core/findings.ts";
import {
  CIRCLED,
  circledIndex,
  cleanTitle,
  headerYear,
  type Line,
  POLICY,
  quote,
  toLines,
} from "./common.ts";
import type { Goal, Indicator, Item, Policy, Src, Tree } from "./model.ts";
import { type Column, readValueRows } from "./sheet-values.ts";

const TITLE = /^(.+?)の\s*取組状況\s*[(（]\s*(.+?年度)\s*[)）]\s*$/;
const GOAL = /^基本目標\s*([0-9０-９]+)\s*(.*)$/;
const WIDTH = 7;

/** Whether the text looks like the sheets: cheap, never throws. */
export function isSheets(text: string): boolean {
  const head = text.slice(0, 3000);
  return (
    /江別市/.test(head) &&
    /取組状況/.test(head) &&
    /^基本目標\s*[0-9０-９]/m.test(head) &&
    /^取組項目[\u2460-\u2473]?\t/m.test(text) &&
    /^指標[\u2460-\u2473]\t/m.test(text)
  );
}

type Section = {
  indicator: Indicator;
  item: Item;
  columns?: Column[];
  rows: Line[];
  narrative?: number;
  nextPlan?: number;
};

export function parseSheets(file: InputFile): { tree: Tree; findings: Finding[] } {
  const findings: Finding[] = [];
  const lines = toLines(file);
  const fail = (line: number, what: string): never => {
    throw invalidDocument(`${file.path} 行 ${line}: ${what}`, findings);
  };
  const src = (line: number): Src => ({ file: file.path, line });

  const titleLine = lines.find((l) => l.text.trim() !== "")!;
  const tm = TITLE.exec(titleLine.text.trim());
  if (!tm)
    fail(
      titleLine.no,
      `表題「江別市行政改革推進計画の取組状況（令和N年度）」がありません（${quote(titleLine.text.trim())}）`,
    );
  const tree: Tree = {
    file: file.path,
    planTitle: cleanTitle(tm![1]!),
    reportYear: headerYear(tm![2]!, file.path, titleLine.no),
    years: [],
    goals: [],
  };

  let goal: Goal | undefined;
  let policy: Policy | undefined;
  let item: Item | undefined;
  let section: Section | undefined;

  const closeSection = (at: number, eof: boolean) => {
    if (!section) return;
    const s = section;
    section = undefined;
    const where = `指標${s.indicator.number ?? ""}「${s.indicator.name}」（行 ${s.indicator.line}）`;
    if (!s.columns)
      fail(at, `${where}の年度の見出し行がありません${eof ? "。ファイルが途中で切れています" : ""}`);
    if (eof && (s.narrative === undefined || s.nextPlan === undefined)) {
      fail(at, `${where}の取組状況・次年度の取組内容がありません。ファイルが途中で切れています`);
    }
    for (const [part, seen] of [
      ["取組状況", s.narrative],
      ["実績値を踏まえた次年度の取組内容", s.nextPlan],
    ] as const) {
      if (seen === undefined) {
        findings.push({
          file: file.path,
          line: s.indicator.line,
          code: "sheet.missing-text",
          subject: where,
          message: `${where}に「${part}」の行がありません`,
          severity: "warning",
        });
      }
    }
    readValueRows(s.indicator, s.rows, s.columns!, tree.reportYear, file.path, findings);
  };

  for (const line of lines.slice(titleLine.no)) {
    const { cells, no } = line;
    if (cells.every((c) => c === "")) continue;
    const gm = cells.length === 1 ? GOAL.exec(cells[0]!) : null;
    const pm = cells.length === 1 ? POLICY.exec(cells[0]!) : null;
    if (gm || pm) {
      const text = cells[0]!;
      if (gm) {
        closeSection(no, false);
        item = undefined;
        const index = Number(gm[1]!.normalize("NFKC"));
        goal = tree.goals.find((g) => g.index === index);
        if (!goal) {
          goal = {
            key: `${index}`,
            index,
            number: `${index}`,
            title: cleanTitle(gm[2]!),
            line: no,
            policies: [],
          };
          tree.goals.push(goal);
          policy = undefined;
        } else {
          headingAgrees(goal.title, cleanTitle(gm[2]!), no, `基本目標${index}`);
        }
      } else if (pm) {
        closeSection(no, false);
        item = undefined;
        if (!goal) fail(no, `取組方針${quote(text)}の前に基本目標がありません`);
        const index = Number(pm[1]!.normalize("NFKC"));
        policy = goal!.policies.find((p) => p.index === index);
        if (!policy) {
          const title = cleanTitle(pm[2]!);
          policy = { key: `${goal!.key}-${index}`, index, number: `(${index})`, title, line: no, items: [] };
          goal!.policies.push(policy);
        } else {
          headingAgrees(policy.title, cleanTitle(pm[2]!), no, `取組方針(${index})`);
        }
      }
      continue;
    }
    if (cells.length !== WIDTH) {
      const last = no === lines.length || lines.slice(no).every((l) => l.text.trim() === "");
      fail(
        no,
        `表の行の列数が ${cells.length} です（${WIDTH} のはず）${last ? "。ファイルが途中で切れています" : "。個票の形式ではありません"}`,
      );
    }
    const [label, first] = cells as [string, string, ...string[]];
    if (/^取組項目/.test(label)) {
      closeSection(no, false);
      if (!policy) fail(no, "取組項目の前に取組方針（(1) …）がありません");
      const index = circledIndex(first) ?? circledIndex(label.replace(/^取組項目/, ""));
      if (index === undefined) fail(no, `取組項目の番号（①…）を読めません: ${quote(first)}`);
      if (policy!.items.some((x) => x.index === index))
        fail(no, `取組項目${quote(first)}の番号が重複しています`);
      item = {
        key: `${policy!.key}-${index}`,
        index: index!,
        number: String.fromCodePoint(0x2460 + index! - 1),
        title: cleanTitle(first.replace(CIRCLED, "")),
        line: no,
        narratives: [],
        nextPlans: [],
        indicators: [],
      };
      policy!.items.push(item);
    } else if (label === "取組内容") {
      if (!item) fail(no, "取組内容の前に取組項目がありません");
      item!.description = joinCells(cells.slice(1));
    } else if (/^指標/.test(label)) {
      closeSection(no, false);
      if (!item) fail(no, "指標の前に取組項目がありません");
      const at = cells.indexOf("所管課");
      const department = at >= 0 ? cells[at + 1] || undefined : undefined;
      const indicator: Indicator = {
        key: `${item!.key}-i${item!.indicators.length + 1}`,
        name: first,
        line: no,
        series: [],
        baselines: [],
        targets: [],
        actuals: [],
      };
      const number = label.replace(/^指標/, "");
      if (number) indicator.number = number;
      if (department) indicator.department = department;
      else {
        findings.push({
          file: file.path,
          line: no,
          code: "sheet.missing-department",
          subject: `指標「${first}」`,
          message: `指標「${first}」の所管課がありません`,
          severity: "warning",
        });
      }
      item!.indicators.push(indicator);
      section = { indicator, item: item!, rows: [] };
    } else if (label === "" && first.startsWith("初期値") && section && !section.columns) {
      const ym = /[(（](.+?)[)）]/.exec(first);
      if (ym) section.indicator.baselineYear = headerYear(ym[1]!, file.path, no);
      const labels = cells.slice(2);
      const years = labels.map((l) => headerYear(l, file.path, no));
      if (tree.years.length === 0) tree.years = years;
      else if (years.join() !== tree.years.join())
        fail(no, `年度の見出しが前の個票と違います（${labels.join(" ")}）`);
      section.columns = years.map((fiscalYear, k) => ({ fiscalYear, last: k === years.length - 1 }));
    } else if (/年度取組状況$/.test(label)) {
      if (!section || !item) fail(no, "取組状況の前に指標がありません");
      section!.narrative = no;
      item!.narratives.push({ text: prose(joinCells(cells.slice(1)), src(no), findings), line: no });
    } else if (/^実績値を踏まえた.*取組内容$/.test(label)) {
      if (!section || !item) fail(no, "次年度の取組内容の前に指標がありません");
      section!.nextPlan = no;
      item!.nextPlans.push({ text: prose(joinCells(cells.slice(1)), src(no), findings), line: no });
    } else if (
      (/^実績値[\u2460-\u2473]?$/.test(label) || label === "") &&
      section &&
      section.narrative === undefined
    ) {
      if (!section.columns) fail(no, "年度の見出し行の前に値の行があります");
      section.rows.push(line);
    } else {
      fail(no, `想定していない行です: ${quote(cells.filter(Boolean).join(" ").slice(0, 40))}`);
    }
  }
  closeSection(lines.length, true);
  checkComplete(tree, lines.length, fail);
  return { tree, findings };

  function headingAgrees(had: string, now: string, line: number, what: string) {
    if (had === now) return;
    findings.push({
      file: file.path,
      line,
      code: "sheet.heading-differs",
      subject: what,
      expected: had,
      found: now,
      message: `${what}の見出しが前のページと違います`,
      severity: "warning",
    });
  }
}

/** The text cells of a row: the first holds the text; more are joined (the PDF may split a long cell). */
function joinCells(cells: string[]): string {
  return cells.filter((c) => c !== "").join(" ");
}

/** Prose as written, without the HTML list markup the extraction left in some cells. */
function prose(text: string, src: Src, findings: Finding[]): string {
  if (!/<\/?[a-zA-Z][^>]*>/.test(text)) return text;
  findings.push({
    file: src.file,
    line: src.line,
    code: "sheet.markup-removed",
    message: "文章に残っていた HTML のタグ（<ul>, <p> …）を取り除き、箇条書きを行に分けました",
    severity: "info",
  });
  return text
    .replace(/<\/?(?:p|br|li|div|ul|ol)\b[^>]*>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/(?:^|[ \t\u3000]+)・/g, "\n・")
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean)
    .join("\n");
}

/** A file cut after a whole section cannot be told apart from a short plan; a file cut inside one can. */
function checkComplete(tree: Tree, lastLine: number, fail: (line: number, what: string) => never) {
  if (tree.goals.length === 0) fail(lastLine, "基本目標が一つもありません。ファイルが途中で切れています");
  for (const g of tree.goals) {
    if (g.policies.length === 0)
      fail(g.line, `基本目標${g.number}に取組方針がありません。ファイルが途中で切れています`);
    for (const p of g.policies) {
      if (p.items.length === 0)
        fail(p.line, `取組方針${p.number}に取組項目がありません。ファイルが途中で切れています`);
      for (const i of p.items) {
        if (i.indicators.length === 0)
          fail(i.line, `取組項目${i.number}に指標がありません。ファイルが途中で切れています`);
      }
    }
  }
}
