/**
 * The body of chapter 3, line by line: 取組方針 headings (known by the 現状と課題 that follows them), their
 * texts, and under 取組内容 the Ⅰ/Ⅱ headings, the item rows with their 所管 and the 目標 rows.
 */

import type { Finding } from "../../core/findings.ts";
import type { Department } from "../../core/plan-document/schema.ts";
import { fail } from "../text-input.ts";
import { departmentKind, parseDepartments } from "./bureaus.ts";
import { buildIndicator, type IndicatorInput, type IndicatorRows } from "./indicators.ts";
import {
  bullet,
  FOOTNOTE,
  indicatorHeader,
  itemRow,
  NUMBERED_HEADING,
  POLICY_OVERVIEW,
  ROMAN_HEADING,
  SECTION_HEADINGS,
  SEPARATOR,
  type SectionHeading,
  valuesRow,
} from "./layout.ts";

export type Draft = {
  key: string;
  number: string;
  title: string;
  description?: string | undefined;
  texts: Record<string, string>;
  departments: string[];
  attributes: Record<string, string>;
  crossListingOf?: string | undefined;
  indicators: IndicatorInput[];
  children: Draft[];
  line: number;
  level: number;
};

export type Overview = { number: string; title: string; description: string[]; line: number };

/** `取組方針1 行政サービスの高度化` and the bullet under it, from the overview before the body. */
export function readOverview(lines: string[]): Overview[] {
  const found: Overview[] = [];
  for (const [i, raw] of lines.entries()) {
    const t = raw.trim();
    if (t === "(2) 具体的な取組") break;
    const m = POLICY_OVERVIEW.exec(t);
    if (m) {
      found.push({ number: m[1]!, title: m[2]!, description: [], line: i + 1 });
      continue;
    }
    const b = bullet(t);
    const last = found[found.length - 1];
    if (b && last && !FOOTNOTE.test(t)) last.description.push(b);
  }
  return found;
}

export class Body {
  readonly all: Draft[] = [];
  readonly departments: Department[] = [];
  private readonly policies: Draft[] = [];
  private policy: Draft | undefined;
  private section: SectionHeading | undefined;
  private roman: Draft | undefined;
  private numbered: Draft | undefined;
  private last: Draft | undefined;
  private pending: (Omit<IndicatorRows, "values"> & { item: Draft }) | undefined;

  constructor(
    private readonly file: string,
    private readonly lines: string[],
    private readonly overview: Overview[],
    private readonly findings: Finding[],
  ) {}

  read(): Draft[] {
    for (const [i, raw] of this.lines.entries()) this.line(raw, i + 1);
    if (this.pending) {
      const { headerLine } = this.pending;
      if (this.pending.header.baseline.text === "" && this.pending.header.target.text === "") {
        fail(
          this.file,
          headerLine,
          "input.truncated",
          "ファイルが指標の値の前で終わっています（途中で切れています）",
        );
      }
      this.finishIndicator(undefined);
    }
    return this.policies;
  }

  private line(raw: string, lineNo: number): void {
    const t = raw.trim();
    if (t === "") return;
    if (this.pending) {
      const values = valuesRow(raw);
      if (values) {
        this.finishIndicator({ ...values, line: lineNo });
        return;
      }
      if (FOOTNOTE.test(t)) return;
      this.finishIndicator(undefined);
    }
    if (FOOTNOTE.test(t) || SEPARATOR.test(t)) return;
    const heading = NUMBERED_HEADING.exec(t);
    if (heading && !t.includes("\t") && this.nextLine(lineNo) === "現状と課題") {
      this.startPolicy(heading[1]!, heading[2]!, lineNo);
      return;
    }
    if (!this.policy) return;
    if ((SECTION_HEADINGS as readonly string[]).includes(t)) {
      this.section = t as SectionHeading;
      return;
    }
    if (this.section === "現状と課題" || this.section === "取組の方向性") {
      const texts = this.policy.texts;
      const text = bullet(t) ?? t;
      texts[this.section] = texts[this.section] ? `${texts[this.section]}\n${text}` : text;
      return;
    }
    if (this.section === "取組内容") this.content(raw, t, lineNo);
  }

  /** The next non-blank line after lineNo (1-based), trimmed. */
  private nextLine(lineNo: number): string | undefined {
    return this.lines
      .slice(lineNo)
      .find((l) => l.trim() !== "")
      ?.trim();
  }

  private startPolicy(number: string, title: string, line: number): void {
    const listed = this.overview.find((o) => o.number === number);
    if (!listed) {
      this.finding(
        line,
        "item.unlisted",
        `取組方針「${number} ${title}」`,
        "取組方針の一覧にない取組方針です",
        "warning",
      );
    } else if (listed.title !== title) {
      this.findings.push({
        file: this.file,
        line,
        code: "item.title-differs",
        subject: `取組方針${number}`,
        expected: listed.title,
        found: title,
        message: "一覧と本文で取組方針の名前が違います",
        severity: "warning",
      });
    }
    this.policy = this.draft(number, number, title, line, 1);
    if (listed && listed.description.length > 0) this.policy.description = listed.description.join("\n");
    this.policies.push(this.policy);
    this.section = undefined;
    this.roman = this.numbered = this.last = undefined;
  }

  private content(raw: string, t: string, line: number): void {
    const policy = this.policy!;
    const roman = ROMAN_HEADING.exec(t);
    if (roman && !t.includes("\t")) {
      this.roman = this.add(policy, this.draft(`${policy.key}-${roman[1]}`, roman[1]!, roman[2]!, line, 2));
      this.numbered = undefined;
      return;
    }
    const header = indicatorHeader(raw);
    if (header) {
      if (!this.last) {
        this.finding(
          line,
          "indicator.orphan",
          `指標「${header.name}」`,
          "どの取組にも属さない指標です",
          "warning",
        );
        return;
      }
      const n = this.last.indicators.length;
      const key = `${this.last.key}/目標${n === 0 ? "" : n + 1}`;
      this.pending = { key, header, headerLine: line, item: this.last };
      return;
    }
    const row = itemRow(raw);
    if (row) {
      const parent = row.level === 3 ? this.roman : (this.numbered ?? this.roman);
      if (!parent || (row.level === 4 && !this.numbered)) {
        this.finding(
          line,
          "item.no-parent",
          `取組「${row.number} ${row.title}」`,
          "上の階層がない取組です",
          "warning",
        );
      }
      if (/^\([①-⑳]\)$/.test(row.number)) {
        this.finding(
          line,
          "item.number-style",
          `取組「${row.number} ${row.title}」`,
          "番号が括弧付きの丸数字です（書かれたとおりに残しました）",
          "info",
        );
      }
      const at = parent ?? policy;
      const item = this.add(
        at,
        this.draft(`${at.key}-${row.number}`, row.number, row.title, line, at.level + 1),
      );
      if (row.level === 3) this.numbered = item;
      if (row.departments !== undefined) this.assign(item, row.departments, row.merged, line);
      return;
    }
    // 取組内容: the prose under the last row.
    if (this.last) this.last.description = this.last.description ? `${this.last.description}\n${t}` : t;
  }

  private draft(key: string, number: string, title: string, line: number, level: number): Draft {
    if (this.all.some((d) => d.key === key)) {
      this.finding(
        line,
        "item.duplicate-key",
        `取組「${number} ${title}」`,
        `番号 ${key} が重複しています`,
        "warning",
      );
      key = `${key}#${line}`;
    }
    const d: Draft = {
      key,
      number,
      title,
      texts: {},
      departments: [],
      attributes: {},
      indicators: [],
      children: [],
      line,
      level,
    };
    this.all.push(d);
    return d;
  }

  private add(parent: Draft, child: Draft): Draft {
    parent.children.push(child);
    this.last = child;
    return child;
  }

  private finishIndicator(values: IndicatorRows["values"]): void {
    const { item, ...rows } = this.pending!;
    this.pending = undefined;
    item.indicators.push(buildIndicator(this.file, { ...rows, values }, this.findings));
  }

  /** 所管: `総) 行政部、 デ) スマートシティ推進部 ほか` → departments under their bureaus. */
  private assign(item: Draft, text: string, merged: boolean, line: number): void {
    const subject = `取組「${item.title}」の所管`;
    item.attributes.所管 = text;
    if (merged) {
      this.finding(line, "layout.merged-cell", subject, "「所管」と部局名が同じセルにありました", "info");
    }
    const cell = parseDepartments(text);
    if (cell.refs.length === 0) this.finding(line, "department.missing", subject, "所管が空です", "warning");
    if (cell.others) {
      this.finding(
        line,
        "department.others",
        subject,
        "所管に「ほか」があり、名前のない部局があります",
        "info",
      );
    }
    for (const ref of cell.refs) {
      if (ref.unknownAbbreviation !== undefined) {
        this.finding(
          line,
          "department.unknown-bureau",
          subject,
          `局の略称「${ref.unknownAbbreviation})」を知りません`,
          "warning",
        );
      }
      const parent =
        ref.bureau ?? (ref.unknownAbbreviation !== undefined ? `${ref.unknownAbbreviation})` : undefined);
      if (parent !== undefined) this.department(parent, parent, undefined);
      const key = parent !== undefined ? `${parent}/${ref.name}` : ref.name;
      this.department(key, ref.name, parent);
      if (!item.departments.includes(key)) item.departments.push(key);
    }
  }

  private department(key: string, name: string, parent: string | undefined): void {
    if (this.departments.some((d) => d.key === key)) return;
    const kind = departmentKind(name);
    this.departments.push({
      key,
      name,
      ...(kind !== undefined ? { kind } : {}),
      ...(parent !== undefined ? { parent } : {}),
      names: [],
    });
  }

  private finding(
    line: number,
    code: string,
    subject: string,
    message: string,
    severity: Finding["severity"],
  ): void {
    this.findings.push({ file: this.file, line, code, subject, message, severity });
  }
}
