/**
 * Reads 千歳市 行政改革基本方針 (one fiscal year's edition, text extracted from the PDF) into a plan
 * document: the 重点推進項目 of section 5 with their 担当課, 取組内容, 取組効果, 備考, the plan per
 * coming year (令和7年度 … 令和10年度以降) and the plan and result of the past years.
 * Sections 1–4 (prose, 定数管理 tables, ヒアリング) are not read, except the cover (the edition's year) and
 * the list of 重点推進項目 in 2(3), which is used to check that section 5 is complete.
 * The decisions are written down in README.md beside this file.
 */

import type { InputFile } from "../../core/document-reader.ts";
import { invalidDocument } from "../../core/errors.ts";
import type { Finding, ImportResult } from "../../core/findings.ts";
import {
  type ItemInput,
  PLAN_DOCUMENT_FORMAT,
  type PlanDocumentInput,
} from "../../core/plan-document/schema.ts";
import { readFiscalYear, toHalfWidth } from "../../domain/values/index.ts";
import { cellToText, squash, tableCellTexts, unbalancedTags } from "./html-text.ts";

export const CHITOSE = { code: "012246", name: "千歳市" } as const;
export const PLAN_TITLE = "千歳市行政改革基本方針";
export const LEVEL = "重点推進項目";
/** The status tags the document writes before a plan or result: <実施> … */
export const STATUS_TAGS = ["実施", "継続実施", "一部実施", "調査検討"] as const;
export const SAME_AS_LEFT = "同左";
/** Kind given to generic 担当課 entries (関係課, その他業務所管課 …), which name no single department. */
export const GENERIC_DEPARTMENT_KIND = "総称";

type Activity = NonNullable<ItemInput["activities"]>[number];
type Row = { line: number; cells: string[] };

const LABELS = ["事業名", "担当課", "取組内容", "取組計画", "取組効果", "備考"] as const;
type Label = (typeof LABELS)[number] | "これまで";

function labelOf(cell: string | undefined): Label | null {
  if (cell === undefined) return null;
  const c = cell.replace(/[ 　]/g, "");
  if ((LABELS as readonly string[]).includes(c)) return c as Label;
  if (c.startsWith("これまでの取組")) return "これまで";
  return null;
}

function splitRow(text: string, line: number): Row {
  const cells = text.split("\t").map((c) => c.trim());
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return { line, cells };
}

const ITEM_TITLE_RE = /^([（(]\s*[0-9０-９]+\s*[)）])\s*(.+)$/;
const COVER_YEAR_RE = /^((?:令和|平成)\s*(?:[0-9０-９]+|元)\s*年度)$/;
const SECTION5_RE = /^[5５][ 　]+((?:令和|平成)\s*(?:[0-9０-９]+|元)\s*年度)業務改革の重点推進項目/;
const LIST_HEADING_RE = /^[（(]\s*[3３]\s*[)）]\s*重点推進項目\s*$/;
const STATUS_RE = /^<([^<>\n]{1,20})>[ \t]*\n?/;

/** Titles compared without spaces, with half-width brackets and digits. */
function comparable(title: string): string {
  return toHalfWidth(title)
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/[\s　]/g, "");
}

type CellValue = { text: string; line: number };

type PlanColumn = { label: string; col: number; fiscalYear: number | null };

type PastRow = { line: number; label: string; fiscalYear: number | null; plan: string; result: string };

type Draft = {
  line: number;
  number: string;
  title: string;
  attributes: Record<string, string>;
  departments: CellValue[];
  description: string[];
  effects: string[];
  remarks: string[];
  unplaced: string[];
  remarkTableCells: Set<string>;
  planHeader: { line: number; columns: PlanColumn[] } | null;
  planRow: { line: number; cells: string[] } | null;
  pastHeader: { line: number; planCol: number; resultCol: number } | null;
  pastRows: PastRow[];
  lastLine: number;
};

type State = "start" | "担当課" | "取組内容" | "plan" | "取組効果" | "past" | "備考";

export class ChitoseReader {
  private readonly findings: Finding[] = [];
  private readonly lines: string[];
  private readonly file: string;

  constructor(input: InputFile) {
    this.file = input.path;
    checkReadable(input);
    this.lines = input.text.split(/\r\n|\r|\n/);
  }

  private note(f: Omit<Finding, "file">): void {
    this.findings.push({ file: this.file, ...f });
  }

  private fail(message: string, line?: number, extra: Partial<Finding> = {}): never {
    const f: Finding = {
      file: this.file,
      line,
      code: "chitose.unreadable",
      message,
      severity: "error",
      ...extra,
    };
    throw invalidDocument(`${this.file}${line ? ` 行 ${line}` : ""}: ${message}`, [...this.findings, f]);
  }

  private fiscalYear(label: string, line: number, subject: string): number | null {
    const r = readFiscalYear(label);
    if ("fiscalYear" in r) return r.fiscalYear;
    this.note({
      line,
      code: "year.unreadable",
      subject,
      found: label,
      message: `年度「${label}」を読めません（${r.unreadable}）`,
      severity: "error",
    });
    return null;
  }

  read(): ImportResult<PlanDocumentInput> {
    const cover = this.readCover();
    const list = this.readList();
    const { start, yearLabel: sectionYear } = this.findSection5();
    const planYearLabel = cover?.label ?? sectionYear?.label;
    const planYearLine = cover?.line ?? sectionYear?.line;
    if (!planYearLabel || !planYearLine) {
      this.fail("表紙にも第5章の見出しにも方針の年度（令和N年度）が見つかりません", 1);
    }
    if (cover && sectionYear && squash(cover.label) !== squash(sectionYear.label)) {
      this.note({
        line: sectionYear.line,
        code: "plan.year-mismatch",
        expected: cover.label,
        found: sectionYear.label,
        message: "第5章の見出しの年度が表紙の年度と違います",
        severity: "warning",
      });
    }
    const planYear = this.fiscalYear(planYearLabel, planYearLine, "方針の年度");
    if (planYear === null) this.fail(`方針の年度「${planYearLabel}」を読めません`, planYearLine);

    const drafts = this.readItems(start);
    this.checkItems(drafts, list, planYear);

    const departments: PlanDocumentInput["departments"] = [];
    const deptKeys = new Map<string, string>();
    const deptKey = (name: string): string => {
      let key = deptKeys.get(name);
      if (!key) {
        key = `dept:${name}`;
        deptKeys.set(name, key);
        const kind = departmentKind(name);
        departments.push(kind ? { key, name, kind } : { key, name });
      }
      return key;
    };

    const pastYears = expectedPastYears(drafts, planYear);
    const items: ItemInput[] = drafts.map((d, i) => this.buildItem(d, i, deptKey, pastYears, planYear));
    const planYears = items.flatMap((it) =>
      (it.activities ?? []).filter((a) => a.fiscalYear >= planYear).map((a) => a.fiscalYear),
    );
    const periodEnd = Math.max(planYear, ...planYears);

    const document: PlanDocumentInput = {
      format: PLAN_DOCUMENT_FORMAT,
      municipality: { code: CHITOSE.code, name: CHITOSE.name },
      plan: {
        key: `chitose-${planYear}`,
        title: `${PLAN_TITLE} ${squash(planYearLabel)}`,
        periodStart: planYear,
        periodEnd,
        levels: [LEVEL],
        sources: [this.file],
      },
      departments,
      items,
    };
    return { document, findings: this.findings };
  }

  /** The cover: 「千歳市 行政改革 基本方針」 and the edition's year 「令和7年度」 in the first lines. */
  private readCover(): { label: string; line: number } | null {
    const head = this.lines.slice(0, 40);
    const joined = head.join("").replace(/[\s　]/g, "");
    if (!joined.includes("千歳市行政改革基本方針")) {
      this.fail(
        "千歳市 行政改革基本方針の表紙（「千歳市 行政改革 基本方針」）が先頭 40 行にありません。別の形式の文書です",
        1,
      );
    }
    for (let i = 0; i < head.length; i++) {
      const m = COVER_YEAR_RE.exec(head[i]!.trim());
      if (m) return { label: m[1]!, line: i + 1 };
    }
    return null;
  }

  /** 2(3) 重点推進項目: 「次のN事業」 and the ■ list of titles. */
  private readList(): { count: number | null; titles: { title: string; line: number }[] } | null {
    const at = this.lines.findIndex((l) => LIST_HEADING_RE.test(l.trim()));
    if (at < 0) {
      this.note({
        code: "list.missing",
        message: "2(3) 重点推進項目の一覧が見つからないため、第5章の項目数を確かめられません",
        severity: "info",
      });
      return null;
    }
    let count: number | null = null;
    const titles: { title: string; line: number }[] = [];
    for (let i = at + 1; i < this.lines.length; i++) {
      const l = this.lines[i]!.trim();
      if (/^[0-9０-９]+[ 　]/.test(l) || /^[（(][0-9０-９]+[)）]/.test(l) || l.startsWith("※")) break;
      const c = /次の\s*([0-9０-９]+)\s*(?:事業|項目)/.exec(l);
      if (c) count = Number(toHalfWidth(c[1]!));
      if (l.startsWith("■")) titles.push({ title: l.slice(1).trim(), line: i + 1 });
    }
    if (count !== null && count !== titles.length) {
      this.note({
        line: at + 1,
        code: "list.count-mismatch",
        expected: String(count),
        found: String(titles.length),
        message: `2(3) は「次の${count}事業」としていますが、■ の一覧は ${titles.length} 件です`,
        severity: "warning",
      });
    }
    return { count, titles };
  }

  private findSection5(): { start: number; yearLabel: { label: string; line: number } | null } {
    for (let i = 0; i < this.lines.length; i++) {
      const m = SECTION5_RE.exec(this.lines[i]!.trim());
      if (m && !this.lines[i]!.includes("\t")) return { start: i, yearLabel: { label: m[1]!, line: i + 1 } };
    }
    const first = this.lines.findIndex((l) => labelOf(l.split("\t")[0]) === "事業名");
    if (first < 0) {
      this.fail(
        "第5章「重点推進項目」の表（「事業名」で始まる行）が見つかりません。ファイルが途中で切れているか、別の形式です",
        this.lines.length,
      );
    }
    this.note({
      line: first + 1,
      code: "section.heading-missing",
      expected: "5 令和N年度業務改革の重点推進項目…",
      message: "第5章の見出しが見つからないため、最初の「事業名」の行から読みます",
      severity: "info",
    });
    return { start: first, yearLabel: null };
  }

  private readItems(start: number): Draft[] {
    const drafts: Draft[] = [];
    let d: Draft | null = null;
    let state: State = "start";
    for (let i = start; i < this.lines.length; i++) {
      const text = this.lines[i]!;
      if (text.trim() === "") continue;
      const row = splitRow(text, i + 1);
      const label = labelOf(row.cells[0]);
      if (label === "事業名") {
        d = this.newDraft(row);
        drafts.push(d);
        state = "start";
        continue;
      }
      if (!d) continue; // between the section heading and the first item
      d.lastLine = row.line;
      switch (label) {
        case "担当課":
          d.departments.push(...this.valueCells(row, "担当課", d).map((t) => ({ text: t, line: row.line })));
          state = "担当課";
          continue;
        case "取組内容":
          d.description.push(...this.valueCells(row, "取組内容", d));
          state = "取組内容";
          continue;
        case "取組効果":
          d.effects.push(...this.valueCells(row, "取組効果", d));
          state = "取組効果";
          continue;
        case "備考":
          this.readRemarkRow(d, row, true);
          state = "備考";
          continue;
        case "取組計画":
          this.readPlanHeader(d, row);
          state = "plan";
          continue;
        case "これまで":
          this.readPastHeader(d, row);
          state = "past";
          continue;
      }
      // a row without a label: a continuation, a data row, or a cell that landed in the wrong row
      const labelless = row.cells[0] === "" || row.cells[0] === undefined;
      if (state === "備考") {
        this.readRemarkRow(d, row, false);
        continue;
      }
      if (labelless && state === "plan") {
        this.readPlanRow(d, row);
        continue;
      }
      if (labelless && state === "past") {
        this.readPastRow(d, row);
        continue;
      }
      const content = row.cells.filter((c) => c !== "").join(" ");
      const field = state === "担当課" || state === "取組内容" || state === "取組効果" ? state : null;
      if (labelless && field) {
        this.note({
          line: row.line,
          code: "cell.continued",
          subject: this.subject(d, field),
          found: content,
          message: `見出しのない行を「${field}」の続きとして読みました`,
          severity: "info",
        });
        if (field === "担当課") d.departments.push({ text: content, line: row.line });
        else (field === "取組内容" ? d.description : d.effects).push(content);
        continue;
      }
      this.note({
        line: row.line,
        code: "cell.wrong-row",
        subject: this.subject(d),
        expected: "事業名, 担当課, 取組内容, 取組計画, 取組効果, これまでの取組…, 備考 のいずれかの行",
        found: content,
        message: "どの欄にも属さない行です。項目の「未分類」に残しました",
        severity: "warning",
      });
      d.unplaced.push(content);
    }
    return drafts;
  }

  private newDraft(row: Row): Draft {
    const cell = row.cells[1] ?? "";
    const m = ITEM_TITLE_RE.exec(cell);
    if (!m) {
      this.fail(`「事業名」の行に番号付きの名称（(1) …）がありません: 「${cell}」`, row.line, {
        expected: "(番号) 名称",
        found: cell,
      });
    }
    const attributes: Record<string, string> = {};
    const rest = row.cells.slice(2).filter((c) => c !== "");
    if (rest.length > 0) attributes["新規・継続"] = rest.join(" ");
    return {
      line: row.line,
      number: m[1]!.replace(/\s/g, ""),
      title: squash(m[2]!),
      attributes,
      departments: [],
      description: [],
      effects: [],
      remarks: [],
      unplaced: [],
      remarkTableCells: new Set(),
      planHeader: null,
      planRow: null,
      pastHeader: null,
      pastRows: [],
      lastLine: row.line,
    };
  }

  private subject(d: Draft, what?: string): string {
    return `重点推進項目${d.number}「${d.title}」${what ? `の${what}` : ""}`;
  }

  /** The value cells of a labelled row; more than one non-empty cell is reported and joined. */
  private valueCells(row: Row, label: string, d: Draft): string[] {
    const cells = row.cells.slice(1).filter((c) => c !== "");
    this.checkHtml(row, cells, d, label);
    if (cells.length > 1) {
      this.note({
        line: row.line,
        code: "cell.extra",
        subject: this.subject(d, label),
        expected: "1 つのセル",
        found: cells.join(" | "),
        message: `「${label}」の行に ${cells.length} つのセルがあります。続けて読みました`,
        severity: "warning",
      });
    }
    return cells;
  }

  private checkHtml(row: Row, cells: string[], d: Draft, label: string): void {
    for (const c of cells) {
      const bad = unbalancedTags(c);
      if (bad.length === 0) continue;
      if (row.line >= this.lastContentLine()) {
        this.fail(
          `最後の行の「${label}」の HTML が閉じていません（${bad.join(", ")}）。ファイルが途中で切れています`,
          row.line,
          {
            subject: this.subject(d, label),
          },
        );
      }
      this.note({
        line: row.line,
        code: "html.unbalanced",
        subject: this.subject(d, label),
        found: bad.map((t) => `<${t}>`).join(" "),
        message: "HTML の開きタグと閉じタグの数が合いません",
        severity: "warning",
      });
    }
  }

  private lastContentLine(): number {
    for (let i = this.lines.length - 1; i >= 0; i--) if (this.lines[i]!.trim() !== "") return i + 1;
    return 0;
  }

  private readRemarkRow(d: Draft, row: Row, labelled: boolean): void {
    const cells = labelled ? row.cells.slice(1) : row.cells;
    const nonEmpty = cells.filter((c) => c !== "");
    if (nonEmpty.length === 0) return;
    // rows (or trailing cells) that repeat the cells of a table already held in 備考
    const isCopy = (c: string) => d.remarkTableCells.has(squash(c));
    if (!labelled && nonEmpty.every(isCopy)) {
      this.note({
        line: row.line,
        code: "row.duplicate-table",
        subject: this.subject(d, "備考"),
        found: nonEmpty.join(" | "),
        message:
          "備考の表の行が表の外にもう一度抽出されています。表の中のものを使い、この行は読み飛ばしました",
        severity: "info",
      });
      return;
    }
    this.checkHtml(row, nonEmpty, d, "備考");
    let kept: string[] = [];
    const copies: string[] = [];
    for (const [i, c] of nonEmpty.entries()) {
      if (i > 0 && isCopy(c)) copies.push(c);
      else {
        kept.push(c);
        for (const t of tableCellTexts(c)) d.remarkTableCells.add(t);
      }
    }
    // a row of its own is one piece of text, its cells in reading order
    if (!labelled) kept = [kept.join(" ")];
    if (copies.length > 0) {
      this.note({
        line: row.line,
        code: "row.duplicate-table",
        subject: this.subject(d, "備考"),
        found: copies.join(" | "),
        message: `備考の表のセル ${copies.length} 個が同じ行の後ろにもう一度抽出されています。読み飛ばしました`,
        severity: "info",
      });
    }
    if (!labelled) {
      const wrong = row.cells[0] !== "";
      this.note({
        line: row.line,
        code: wrong ? "cell.wrong-row" : "cell.continued",
        subject: this.subject(d, "備考"),
        expected: wrong ? "備考の続き（1 列目が空の行）" : undefined,
        found: kept.join(" | "),
        message: wrong
          ? "備考の後ろに、見出しのない行が 1 列目から始まっています。備考の続きとして読みました"
          : "見出しのない行を備考の続きとして読みました",
        severity: wrong ? "warning" : "info",
      });
    }
    if (labelled && kept.length > 1) {
      this.note({
        line: row.line,
        code: "cell.extra",
        subject: this.subject(d, "備考"),
        found: kept.slice(1).join(" | "),
        message: "備考の行に複数のセルがあります。続けて読みました",
        severity: "warning",
      });
    }
    d.remarks.push(...kept);
  }

  private readPlanHeader(d: Draft, row: Row): void {
    if (d.planHeader) {
      this.note({
        line: row.line,
        code: "row.repeated",
        subject: this.subject(d, "取組計画"),
        message: "「取組計画」の見出し行が 2 度あります。後のものを使います",
        severity: "warning",
      });
    }
    const columns: PlanColumn[] = [];
    row.cells.forEach((c, col) => {
      if (col === 0 || c === "") return;
      columns.push({
        label: squash(c),
        col,
        fiscalYear: this.fiscalYear(c, row.line, this.subject(d, "取組計画の年度")),
      });
    });
    if (columns.length === 0) {
      this.fail("「取組計画」の見出し行に年度がありません", row.line, { subject: this.subject(d) });
    }
    d.planHeader = { line: row.line, columns };
    d.planRow = null;
  }

  private readPlanRow(d: Draft, row: Row): void {
    const cells = row.cells.map((c) => c);
    this.checkHtml(
      row,
      cells.filter((c) => c !== ""),
      d,
      "取組計画",
    );
    if (!d.planRow) {
      d.planRow = { line: row.line, cells };
      return;
    }
    // a second data row under the same header: cells that belong to the row above
    const content = cells.filter((c) => c !== "").join(" | ");
    this.note({
      line: row.line,
      code: "cell.wrong-row",
      subject: this.subject(d, "取組計画"),
      expected: "取組計画は 1 行",
      found: content,
      message: "取組計画の 2 行目があります。列ごとに 1 行目の続きとして読みました",
      severity: "warning",
    });
    cells.forEach((c, i) => {
      if (c === "" || !d.planRow) return;
      const prev = d.planRow.cells[i] ?? "";
      d.planRow.cells[i] = prev === "" ? c : `${prev} ${c}`;
    });
  }

  private readPastHeader(d: Draft, row: Row): void {
    const planCol = row.cells.findIndex((c, i) => i > 0 && c.replace(/\s/g, "") === "取組計画");
    const resultCol = row.cells.findIndex((c, i) => i > 0 && c.replace(/\s/g, "") === "取組実績");
    if (planCol < 0 || resultCol < 0) {
      this.note({
        line: row.line,
        code: "header.unexpected",
        subject: this.subject(d, "これまでの取組"),
        expected: "区分 | 取組計画 | 取組実績",
        found: row.cells.slice(1).join(" | "),
        message:
          "これまでの取組の見出しに「取組計画」「取組実績」がありません。2 列目を計画、3 列目を実績として読みます",
        severity: "warning",
      });
    }
    d.pastHeader = {
      line: row.line,
      planCol: planCol < 0 ? 2 : planCol,
      resultCol: resultCol < 0 ? 3 : resultCol,
    };
  }

  private readPastRow(d: Draft, row: Row): void {
    const h = d.pastHeader!;
    const yearCell = row.cells[1] ?? "";
    this.checkHtml(
      row,
      row.cells.filter((c) => c !== ""),
      d,
      "これまでの取組",
    );
    if (yearCell === "") {
      const prev = d.pastRows[d.pastRows.length - 1];
      const content = row.cells.filter((c) => c !== "").join(" | ");
      if (!prev) {
        this.note({
          line: row.line,
          code: "cell.wrong-row",
          subject: this.subject(d, "これまでの取組"),
          expected: "年度で始まる行",
          found: content,
          message: "年度のない行です。項目の「未分類」に残しました",
          severity: "warning",
        });
        d.unplaced.push(content);
        return;
      }
      this.note({
        line: row.line,
        code: "cell.wrong-row",
        subject: this.subject(d, `${prev.label}の取組`),
        expected: "年度で始まる行",
        found: content,
        message: `年度のない行を ${prev.label}（行 ${prev.line}）の続きとして読みました`,
        severity: "warning",
      });
      const plan = row.cells[h.planCol] ?? "";
      const result = row.cells[h.resultCol] ?? "";
      if (plan) prev.plan = prev.plan ? `${prev.plan} ${plan}` : plan;
      if (result) prev.result = prev.result ? `${prev.result} ${result}` : result;
      return;
    }
    let plan = row.cells[h.planCol] ?? "";
    let result = row.cells[h.resultCol] ?? "";
    const others = row.cells
      .map((c, i) => ({ c, i }))
      .filter(({ c, i }) => i > 1 && i !== h.planCol && i !== h.resultCol && c !== "");
    if (others.length > 0) {
      const shifted = others.map((o) => o.c);
      if (result === "" && shifted.length === 1) {
        result = shifted[0]!;
        this.note({
          line: row.line,
          code: "cell.shifted",
          subject: this.subject(d, `${squash(yearCell)}の取組実績`),
          expected: `列 ${h.resultCol + 1}`,
          found: `列 ${others[0]!.i + 1}`,
          message: "取組実績が見出しと違う列にあります。実績として読みました",
          severity: "info",
        });
      } else if (plan === "" && shifted.length === 1 && others[0]!.i < h.resultCol) {
        plan = shifted[0]!;
        this.note({
          line: row.line,
          code: "cell.shifted",
          subject: this.subject(d, `${squash(yearCell)}の取組計画`),
          expected: `列 ${h.planCol + 1}`,
          found: `列 ${others[0]!.i + 1}`,
          message: "取組計画が見出しと違う列にあります。計画として読みました",
          severity: "info",
        });
      } else {
        result = [result, ...shifted].filter((x) => x !== "").join(" ");
        this.note({
          line: row.line,
          code: "cell.extra",
          subject: this.subject(d, `${squash(yearCell)}の取組`),
          found: shifted.join(" | "),
          message: "見出しにない列にセルがあります。取組実績の続きとして読みました",
          severity: "warning",
        });
      }
    }
    const label = squash(yearCell);
    d.pastRows.push({
      line: row.line,
      label,
      fiscalYear: this.fiscalYear(label, row.line, this.subject(d, "これまでの取組の年度")),
      plan,
      result,
    });
  }

  private checkItems(
    drafts: Draft[],
    list: { count: number | null; titles: { title: string; line: number }[] } | null,
    planYear: number,
  ): void {
    if (drafts.length === 0)
      this.fail("第5章に重点推進項目（「事業名」の行）がありません", this.lines.length);
    const last = drafts[drafts.length - 1]!;
    // truncation shows at the end: the last item must be complete
    const missing: string[] = [];
    if (last.departments.length === 0) missing.push("担当課");
    if (last.description.length === 0) missing.push("取組内容");
    if (!last.planHeader || !last.planRow) missing.push("取組計画");
    if (last.effects.length === 0) missing.push("取組効果");
    if (!last.pastHeader || last.pastRows.length === 0) missing.push("これまでの取組計画・実績");
    if (missing.length > 0) {
      this.fail(
        `最後の重点推進項目 ${last.number}「${last.title}」に ${missing.join("、")} がありません。ファイルが途中で切れています`,
        last.lastLine,
        { subject: this.subject(last), expected: missing.join("、"), found: "（ファイルの終わり）" },
      );
    }
    const expectedPast = expectedPastYears(drafts, planYear);
    const lastYears = new Set(last.pastRows.map((r) => r.fiscalYear));
    const lastMissing = expectedPast.filter((y) => !lastYears.has(y));
    const lastRow = last.pastRows[last.pastRows.length - 1]!;
    const lastRowIsFileEnd = lastRow.line >= this.lastContentLine();
    if (lastRowIsFileEnd && (lastMissing.length > 0 || lastRow.result === "")) {
      this.fail(
        `最後の重点推進項目 ${last.number}「${last.title}」のこれまでの取組が ${lastRow.label} で終わっています${
          lastMissing.length > 0
            ? `（${lastMissing.map((y) => `${y}年度`).join("、")} がありません）`
            : "（実績がありません）"
        }。ファイルが途中で切れています`,
        lastRow.line,
        { subject: this.subject(last) },
      );
    }
    // the other items: report what is missing
    for (const d of drafts.slice(0, -1)) {
      const gaps: string[] = [];
      if (d.departments.length === 0) gaps.push("担当課");
      if (d.description.length === 0) gaps.push("取組内容");
      if (d.effects.length === 0) gaps.push("取組効果");
      if (!d.pastHeader) gaps.push("これまでの取組計画・実績");
      if (!d.planHeader || !d.planRow) gaps.push("取組計画");
      if (gaps.length > 0) {
        this.note({
          line: d.line,
          code: "item.incomplete",
          subject: this.subject(d),
          expected: gaps.join("、"),
          found: "なし",
          message: `${gaps.join("、")} がありません`,
          severity: gaps.includes("取組計画") ? "error" : "warning",
        });
      }
    }
    // numbering (1), (2) …
    drafts.forEach((d, i) => {
      const n = Number(toHalfWidth(d.number).replace(/[^0-9]/g, ""));
      if (n !== i + 1) {
        this.note({
          line: d.line,
          code: "item.number-sequence",
          subject: this.subject(d),
          expected: `(${i + 1})`,
          found: d.number,
          message: "重点推進項目の番号が順番になっていません",
          severity: "warning",
        });
      }
    });
    if (list) {
      const announced = list.count ?? list.titles.length;
      if (drafts.length < announced) {
        this.fail(
          `第5章の重点推進項目は ${drafts.length} 件ですが、2(3) では ${announced} 件としています。ファイルが途中で切れているか、項目が欠けています`,
          last.lastLine,
          { expected: String(announced), found: String(drafts.length) },
        );
      }
      if (drafts.length > announced) {
        this.note({
          line: drafts[announced]?.line,
          code: "item.count-mismatch",
          expected: String(announced),
          found: String(drafts.length),
          message: `2(3) では ${announced} 件としていますが、第5章には ${drafts.length} 件あります`,
          severity: "warning",
        });
      }
      list.titles.forEach((t, i) => {
        const d = drafts[i];
        if (!d || comparable(d.title) === comparable(t.title)) return;
        d.attributes.一覧での名称 = t.title;
        this.note({
          line: d.line,
          code: "item.title-mismatch",
          subject: this.subject(d),
          expected: t.title,
          found: d.title,
          message: `第5章の事業名が 2(3) の一覧（行 ${t.line}）と違います。第5章の名称を使い、一覧の名称を属性「一覧での名称」に残しました`,
          severity: "warning",
        });
      });
    }
  }

  private buildItem(
    d: Draft,
    index: number,
    deptKey: (name: string) => string,
    pastYears: number[],
    planYear: number,
  ): ItemInput {
    const departments = d.departments.flatMap((c) => splitDepartments(cellToText(c.text))).map(deptKey);
    const texts: Record<string, string> = {};
    if (d.effects.length > 0) texts.取組効果 = d.effects.map(cellToText).join("\n");
    if (d.remarks.length > 0) texts.備考 = d.remarks.map(cellToText).join("\n");
    if (d.unplaced.length > 0) texts.未分類 = d.unplaced.map(cellToText).join("\n");
    const attributes = { ...d.attributes };
    const activities: Activity[] = [];

    // past years: plan and result per year, oldest first
    const seen = new Set<number>();
    for (const r of [...d.pastRows].sort((a, b) => (a.fiscalYear ?? 0) - (b.fiscalYear ?? 0))) {
      if (r.fiscalYear === null) continue;
      if (seen.has(r.fiscalYear)) {
        this.note({
          line: r.line,
          code: "year.repeated",
          subject: this.subject(d, `${r.label}の取組`),
          message: `${r.label} の行が 2 度あります。両方読みました`,
          severity: "warning",
        });
      }
      seen.add(r.fiscalYear);
      if (r.fiscalYear >= planYear) {
        this.note({
          line: r.line,
          code: "year.unexpected",
          subject: this.subject(d, `${r.label}の取組`),
          expected: `${planYear} 年度より前`,
          found: r.label,
          message: "これまでの取組に方針の年度以降の年度があります",
          severity: "warning",
        });
      }
      const plan = this.cellActivity(d, r.plan, "plan", r.label, r.fiscalYear, r.line, null, attributes);
      if (plan) activities.push(plan);
      const result = this.cellActivity(
        d,
        r.result,
        "result",
        r.label,
        r.fiscalYear,
        r.line,
        plan,
        attributes,
      );
      if (result) activities.push(result);
    }
    for (const y of pastYears) {
      if (seen.has(y)) continue;
      this.note({
        line: d.pastHeader?.line ?? d.line,
        code: "year.missing",
        subject: this.subject(d, "これまでの取組計画・実績"),
        expected: `${y} 年度`,
        found: d.pastRows.map((r) => r.label).join("、") || "なし",
        message: `${y} 年度の取組計画・実績の行がありません`,
        severity: "warning",
      });
    }

    // coming years: one plan per column, 同左 resolved against the column on the left
    if (d.planHeader && d.planRow) {
      const cols = d.planHeader.columns;
      let expectedYear = planYear;
      for (const c of cols) {
        if (c.fiscalYear !== null && c.fiscalYear !== expectedYear) {
          this.note({
            line: d.planHeader.line,
            code: c.fiscalYear > expectedYear ? "year.missing" : "year.unexpected",
            subject: this.subject(d, "取組計画"),
            expected: `${expectedYear} 年度`,
            found: c.label,
            message:
              c.fiscalYear > expectedYear
                ? `取組計画の見出しに ${expectedYear} 年度がありません`
                : `取組計画の見出しの年度が順番になっていません`,
            severity: "warning",
          });
        }
        if (c.fiscalYear !== null) expectedYear = c.fiscalYear + 1;
      }
      const extra = d.planRow.cells
        .map((c, i) => ({ c, i }))
        .filter(({ c, i }) => c !== "" && i > 0 && !cols.some((k) => k.col === i));
      for (const e of extra) {
        this.note({
          line: d.planRow.line,
          code: "cell.extra",
          subject: this.subject(d, "取組計画"),
          found: e.c,
          message: `取組計画の列 ${e.i + 1} は見出しに年度がありません。項目の「未分類」に残しました`,
          severity: "warning",
        });
        texts.未分類 = [texts.未分類, cellToText(e.c)].filter(Boolean).join("\n");
      }
      if (d.planRow.cells[0]) {
        this.note({
          line: d.planRow.line,
          code: "cell.wrong-row",
          subject: this.subject(d, "取組計画"),
          expected: "1 列目は空",
          found: d.planRow.cells[0],
          message: "取組計画の行の 1 列目にセルがあります",
          severity: "warning",
        });
      }
      let left: Activity | null = null;
      for (const c of cols) {
        if (c.fiscalYear === null) continue;
        const a = this.cellActivity(
          d,
          d.planRow.cells[c.col] ?? "",
          "plan",
          c.label,
          c.fiscalYear,
          d.planRow.line,
          left,
          attributes,
        );
        if (a) activities.push(a);
        left = a;
      }
    }
    return {
      key: `item-${toHalfWidth(d.number).replace(/[^0-9]/g, "") || index + 1}`,
      number: d.number,
      title: d.title,
      description: d.description.length > 0 ? d.description.map(cellToText).join("\n") : undefined,
      texts,
      departments,
      attributes,
      activities,
    };
  }

  /**
   * One plan or result cell as an activity: the status tag taken off the text, 同左 resolved to the
   * activity on the left (kept as written in attributes[`取組計画 <年度>`] / [`取組実績 <年度>`]).
   * An empty cell gives no activity and a finding.
   */
  private cellActivity(
    d: Draft,
    raw: string,
    kind: "plan" | "result",
    yearLabel: string,
    fiscalYear: number,
    line: number,
    left: Activity | null,
    attributes: Record<string, string>,
  ): Activity | null {
    const what = `${yearLabel}の${kind === "plan" ? "取組計画" : "取組実績"}`;
    const plain = cellToText(raw);
    if (plain === "") {
      this.note({
        line,
        code: "activity.empty",
        subject: this.subject(d, what),
        expected: kind === "plan" ? "取組計画" : "取組実績",
        found: "（空）",
        message: `${what}が空です`,
        severity: "warning",
      });
      return null;
    }
    let status: string | undefined;
    let text = plain;
    const m = STATUS_RE.exec(plain);
    if (m) {
      const tag = m[1]!.trim();
      if ((STATUS_TAGS as readonly string[]).includes(tag)) {
        status = tag;
        text = plain.slice(m[0].length).trim();
      } else {
        this.note({
          line,
          code: "status.unknown",
          subject: this.subject(d, what),
          expected: STATUS_TAGS.map((t) => `<${t}>`).join(" "),
          found: `<${tag}>`,
          message: `知らない状況タグ <${tag}> です。状況は空のまま、タグは本文に残しました`,
          severity: "warning",
        });
      }
    }
    if (text === SAME_AS_LEFT) {
      attributes[`${kind === "plan" ? "取組計画" : "取組実績"} ${yearLabel}`] = plain.replace(/\n/g, " ");
      if (left) {
        text = left.text;
        status ??= left.status;
      } else {
        this.note({
          line,
          code: "same-as-left.no-left",
          subject: this.subject(d, what),
          found: SAME_AS_LEFT,
          message: "「同左」ですが、左の列に読める取組がありません。「同左」のまま残しました",
          severity: "warning",
        });
      }
    }
    if (!status && !m) {
      this.note({
        line,
        code: "status.missing",
        subject: this.subject(d, what),
        expected: STATUS_TAGS.map((t) => `<${t}>`).join(" "),
        found: plain.split("\n")[0],
        message: `${what}に状況タグがありません`,
        severity: "info",
      });
    }
    const a: Activity = { fiscalYear, yearLabel, kind, text, source: { file: this.file, line } };
    if (status) a.status = status;
    return a;
  }
}

/** The past years every item should have: from the earliest one any item shows up to the year before the plan. */
function expectedPastYears(drafts: Draft[], planYear: number): number[] {
  const years = drafts.flatMap((d) =>
    d.pastRows.map((r) => r.fiscalYear).filter((y): y is number => y !== null),
  );
  const past = years.filter((y) => y < planYear);
  if (past.length === 0) return [];
  const out: number[] = [];
  for (let y = Math.min(...past); y < planYear; y++) out.push(y);
  return out;
}

/** 「行政管理課、その他システム等所管課」 → two names; commas inside brackets do not split. */
export function splitDepartments(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if ("（(".includes(ch)) depth++;
    else if ("）)".includes(ch) && depth > 0) depth--;
    if (depth === 0 && "、,，\n".includes(ch)) {
      if (cur.trim() !== "") names.push(cur.trim());
      cur = "";
      continue;
    }
    cur += ch;
  }
  if (cur.trim() !== "") names.push(cur.trim());
  return names;
}

/** 課, 室, 部 … from the name; 主幹（…担当） is a 主幹; 関係課 and その他…課 are generic (総称). */
export function departmentKind(name: string): string | undefined {
  if (/^(関係|その他|各)/.test(name)) return GENERIC_DEPARTMENT_KIND;
  if (name.startsWith("主幹")) return "主幹";
  return /(局|部|課|室|所|センター)$/.exec(name)?.[1];
}

/** Empty, binary or mis-decoded input cannot be read at all. */
function checkReadable(file: InputFile): void {
  const t = file.text;
  const err = (message: string, line?: number): never => {
    throw invalidDocument(`${file.path}${line ? ` 行 ${line}` : ""}: ${message}`, [
      { file: file.path, line, code: "file.unreadable", message, severity: "error" },
    ]);
  };
  if (typeof t !== "string" || t.trim() === "") err("ファイルが空です");
  const bin = firstControlCharacter(t);
  if (bin >= 0) {
    err(
      `制御文字（U+${t.charCodeAt(bin).toString(16).padStart(4, "0")}）を含むバイナリファイルです`,
      lineAt(t, bin),
    );
  }
  const bad = t.indexOf("\ufffd");
  if (bad >= 0) {
    const n = t.split("\ufffd").length - 1;
    err(
      `UTF-8 として読めない文字が ${n} 個あります（Shift_JIS などの別の文字コードか、壊れたファイルです）`,
      lineAt(t, bad),
    );
  }
}

/** The index of the first control character other than tab, line feed, form feed, carriage return and
 * escape (some extractions keep ESC), or -1. */
function firstControlCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b)
      return i;
  }
  return -1;
}

function lineAt(text: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
