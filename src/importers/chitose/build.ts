/** From the drafts read off the tables to plan items: checks against the list, activities per year. */
import type { ItemInput } from "../../core/plan-document/schema.ts";
import { toHalfWidth } from "../../domain/values/index.ts";
import { cellToText } from "./html-text.ts";
import {
  type Activity,
  comparable,
  type Draft,
  expectedPastYears,
  type ReaderContext,
  SAME_AS_LEFT,
  STATUS_RE,
  STATUS_TAGS,
  splitDepartments,
} from "./layout.ts";

export function checkItems(
  reader: ReaderContext,
  drafts: Draft[],
  list: { count: number | null; titles: { title: string; line: number }[] } | null,
  planYear: number,
): void {
  if (drafts.length === 0)
    reader.fail("第5章に重点推進項目（「事業名」の行）がありません", reader.lines.length);
  const last = drafts[drafts.length - 1]!;
  // truncation shows at the end: the last item must be complete
  const missing: string[] = [];
  if (last.departments.length === 0) missing.push("担当課");
  if (last.description.length === 0) missing.push("取組内容");
  if (!last.planHeader || !last.planRow) missing.push("取組計画");
  if (last.effects.length === 0) missing.push("取組効果");
  if (!last.pastHeader || last.pastRows.length === 0) missing.push("これまでの取組計画・実績");
  if (missing.length > 0) {
    reader.fail(
      `最後の重点推進項目 ${last.number}「${last.title}」に ${missing.join("、")} がありません。ファイルが途中で切れています`,
      last.lastLine,
      { subject: reader.subject(last), expected: missing.join("、"), found: "（ファイルの終わり）" },
    );
  }
  const expectedPast = expectedPastYears(drafts, planYear);
  const lastYears = new Set(last.pastRows.map((r) => r.fiscalYear));
  const lastMissing = expectedPast.filter((y) => !lastYears.has(y));
  const lastRow = last.pastRows[last.pastRows.length - 1]!;
  const lastRowIsFileEnd = lastRow.line >= reader.lastContentLine();
  if (lastRowIsFileEnd && (lastMissing.length > 0 || lastRow.result === "")) {
    reader.fail(
      `最後の重点推進項目 ${last.number}「${last.title}」のこれまでの取組が ${lastRow.label} で終わっています${
        lastMissing.length > 0
          ? `（${lastMissing.map((y) => `${y}年度`).join("、")} がありません）`
          : "（実績がありません）"
      }。ファイルが途中で切れています`,
      lastRow.line,
      { subject: reader.subject(last) },
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
      reader.note({
        line: d.line,
        code: "item.incomplete",
        subject: reader.subject(d),
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
      reader.note({
        line: d.line,
        code: "item.number-sequence",
        subject: reader.subject(d),
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
      reader.fail(
        `第5章の重点推進項目は ${drafts.length} 件ですが、2(3) では ${announced} 件としています。ファイルが途中で切れているか、項目が欠けています`,
        last.lastLine,
        { expected: String(announced), found: String(drafts.length) },
      );
    }
    if (drafts.length > announced) {
      reader.note({
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
      reader.note({
        line: d.line,
        code: "item.title-mismatch",
        subject: reader.subject(d),
        expected: t.title,
        found: d.title,
        message: `第5章の事業名が 2(3) の一覧（行 ${t.line}）と違います。第5章の名称を使い、一覧の名称を属性「一覧での名称」に残しました`,
        severity: "warning",
      });
    });
  }
}

export function buildItem(
  reader: ReaderContext,
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
      reader.note({
        line: r.line,
        code: "year.repeated",
        subject: reader.subject(d, `${r.label}の取組`),
        message: `${r.label} の行が 2 度あります。両方読みました`,
        severity: "warning",
      });
    }
    seen.add(r.fiscalYear);
    if (r.fiscalYear >= planYear) {
      reader.note({
        line: r.line,
        code: "year.unexpected",
        subject: reader.subject(d, `${r.label}の取組`),
        expected: `${planYear} 年度より前`,
        found: r.label,
        message: "これまでの取組に方針の年度以降の年度があります",
        severity: "warning",
      });
    }
    const plan = cellActivity(reader, d, r.plan, "plan", r.label, r.fiscalYear, r.line, null, attributes);
    if (plan) activities.push(plan);
    const result = cellActivity(
      reader,
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
    reader.note({
      line: d.pastHeader?.line ?? d.line,
      code: "year.missing",
      subject: reader.subject(d, "これまでの取組計画・実績"),
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
        reader.note({
          line: d.planHeader.line,
          code: c.fiscalYear > expectedYear ? "year.missing" : "year.unexpected",
          subject: reader.subject(d, "取組計画"),
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
      reader.note({
        line: d.planRow.line,
        code: "cell.extra",
        subject: reader.subject(d, "取組計画"),
        found: e.c,
        message: `取組計画の列 ${e.i + 1} は見出しに年度がありません。項目の「未分類」に残しました`,
        severity: "warning",
      });
      texts.未分類 = [texts.未分類, cellToText(e.c)].filter(Boolean).join("\n");
    }
    if (d.planRow.cells[0]) {
      reader.note({
        line: d.planRow.line,
        code: "cell.wrong-row",
        subject: reader.subject(d, "取組計画"),
        expected: "1 列目は空",
        found: d.planRow.cells[0],
        message: "取組計画の行の 1 列目にセルがあります",
        severity: "warning",
      });
    }
    let left: Activity | null = null;
    for (const c of cols) {
      if (c.fiscalYear === null) continue;
      const a = cellActivity(
        reader,
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
export function cellActivity(
  reader: ReaderContext,
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
    reader.note({
      line,
      code: "activity.empty",
      subject: reader.subject(d, what),
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
      reader.note({
        line,
        code: "status.unknown",
        subject: reader.subject(d, what),
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
      reader.note({
        line,
        code: "same-as-left.no-left",
        subject: reader.subject(d, what),
        found: SAME_AS_LEFT,
        message: "「同左」ですが、左の列に読める取組がありません。「同左」のまま残しました",
        severity: "warning",
      });
    }
  }
  if (!status && !m) {
    reader.note({
      line,
      code: "status.missing",
      subject: reader.subject(d, what),
      expected: STATUS_TAGS.map((t) => `<${t}>`).join(" "),
      found: plain.split("\n")[0],
      message: `${what}に状況タグがありません`,
      severity: "info",
    });
  }
  const a: Activity = { fiscalYear, yearLabel, kind, text, source: { file: reader.file, line } };
  if (status) a.status = status;
  return a;
}
