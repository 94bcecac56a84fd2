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
import { buildItem, checkItems } from "./build.ts";
import { squash, unbalancedTags } from "./html-text.ts";
import {
  CHITOSE,
  COVER_YEAR_RE,
  checkReadable,
  type Draft,
  departmentKind,
  expectedPastYears,
  ITEM_TITLE_RE,
  LEVEL,
  LIST_HEADING_RE,
  labelOf,
  PLAN_TITLE,
  type ReaderContext,
  type Row,
  SECTION5_RE,
  type State,
  splitRow,
} from "./layout.ts";
import { readPastHeader, readPastRow, readPlanHeader, readPlanRow, readRemarkRow } from "./rows.ts";

export class ChitoseReader implements ReaderContext {
  readonly findings: Finding[] = [];
  readonly lines: string[];
  readonly file: string;

  constructor(input: InputFile) {
    this.file = input.path;
    checkReadable(input);
    this.lines = input.text.split(/\r\n|\r|\n/);
  }

  note(f: Omit<Finding, "file">): void {
    this.findings.push({ file: this.file, ...f });
  }

  fail(message: string, line?: number, extra: Partial<Finding> = {}): never {
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

  fiscalYear(label: string, line: number, subject: string): number | null {
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
    checkItems(this, drafts, list, planYear);

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
    const items: ItemInput[] = drafts.map((d, i) => buildItem(this, d, i, deptKey, pastYears, planYear));
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
  readCover(): { label: string; line: number } | null {
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
  readList(): { count: number | null; titles: { title: string; line: number }[] } | null {
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

  findSection5(): { start: number; yearLabel: { label: string; line: number } | null } {
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

  readItems(start: number): Draft[] {
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
          readRemarkRow(this, d, row, true);
          state = "備考";
          continue;
        case "取組計画":
          readPlanHeader(this, d, row);
          state = "plan";
          continue;
        case "これまで":
          readPastHeader(this, d, row);
          state = "past";
          continue;
      }
      // a row without a label: a continuation, a data row, or a cell that landed in the wrong row
      const labelless = row.cells[0] === "" || row.cells[0] === undefined;
      if (state === "備考") {
        readRemarkRow(this, d, row, false);
        continue;
      }
      if (labelless && state === "plan") {
        readPlanRow(this, d, row);
        continue;
      }
      if (labelless && state === "past") {
        readPastRow(this, d, row);
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

  newDraft(row: Row): Draft {
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

  subject(d: Draft, what?: string): string {
    return `重点推進項目${d.number}「${d.title}」${what ? `の${what}` : ""}`;
  }

  /** The value cells of a labelled row; more than one non-empty cell is reported and joined. */
  valueCells(row: Row, label: string, d: Draft): string[] {
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

  checkHtml(row: Row, cells: string[], d: Draft, label: string): void {
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

  lastContentLine(): number {
    for (let i = this.lines.length - 1; i >= 0; i--) if (this.lines[i]!.trim() !== "") return i + 1;
    return 0;
  }
}
