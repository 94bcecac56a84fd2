/** The rows of an item's table: 備考, the plan per coming year, the plan and result of past years. */
import { squash, tableCellTexts } from "./html-text.ts";
import type { Draft, PlanColumn, ReaderContext, Row } from "./layout.ts";

export function readRemarkRow(reader: ReaderContext, d: Draft, row: Row, labelled: boolean): void {
  const cells = labelled ? row.cells.slice(1) : row.cells;
  const nonEmpty = cells.filter((c) => c !== "");
  if (nonEmpty.length === 0) return;
  // rows (or trailing cells) that repeat the cells of a table already held in 備考
  const isCopy = (c: string) => d.remarkTableCells.has(squash(c));
  if (!labelled && nonEmpty.every(isCopy)) {
    reader.note({
      line: row.line,
      code: "row.duplicate-table",
      subject: reader.subject(d, "備考"),
      found: nonEmpty.join(" | "),
      message: "備考の表の行が表の外にもう一度抽出されています。表の中のものを使い、この行は読み飛ばしました",
      severity: "info",
    });
    return;
  }
  reader.checkHtml(row, nonEmpty, d, "備考");
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
    reader.note({
      line: row.line,
      code: "row.duplicate-table",
      subject: reader.subject(d, "備考"),
      found: copies.join(" | "),
      message: `備考の表のセル ${copies.length} 個が同じ行の後ろにもう一度抽出されています。読み飛ばしました`,
      severity: "info",
    });
  }
  if (!labelled) {
    const wrong = row.cells[0] !== "";
    reader.note({
      line: row.line,
      code: wrong ? "cell.wrong-row" : "cell.continued",
      subject: reader.subject(d, "備考"),
      expected: wrong ? "備考の続き（1 列目が空の行）" : undefined,
      found: kept.join(" | "),
      message: wrong
        ? "備考の後ろに、見出しのない行が 1 列目から始まっています。備考の続きとして読みました"
        : "見出しのない行を備考の続きとして読みました",
      severity: wrong ? "warning" : "info",
    });
  }
  if (labelled && kept.length > 1) {
    reader.note({
      line: row.line,
      code: "cell.extra",
      subject: reader.subject(d, "備考"),
      found: kept.slice(1).join(" | "),
      message: "備考の行に複数のセルがあります。続けて読みました",
      severity: "warning",
    });
  }
  d.remarks.push(...kept);
}

export function readPlanHeader(reader: ReaderContext, d: Draft, row: Row): void {
  if (d.planHeader) {
    reader.note({
      line: row.line,
      code: "row.repeated",
      subject: reader.subject(d, "取組計画"),
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
      fiscalYear: reader.fiscalYear(c, row.line, reader.subject(d, "取組計画の年度")),
    });
  });
  if (columns.length === 0) {
    reader.fail("「取組計画」の見出し行に年度がありません", row.line, { subject: reader.subject(d) });
  }
  d.planHeader = { line: row.line, columns };
  d.planRow = null;
}

export function readPlanRow(reader: ReaderContext, d: Draft, row: Row): void {
  const cells = row.cells.map((c) => c);
  reader.checkHtml(
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
  reader.note({
    line: row.line,
    code: "cell.wrong-row",
    subject: reader.subject(d, "取組計画"),
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

export function readPastHeader(reader: ReaderContext, d: Draft, row: Row): void {
  const planCol = row.cells.findIndex((c, i) => i > 0 && c.replace(/\s/g, "") === "取組計画");
  const resultCol = row.cells.findIndex((c, i) => i > 0 && c.replace(/\s/g, "") === "取組実績");
  if (planCol < 0 || resultCol < 0) {
    reader.note({
      line: row.line,
      code: "header.unexpected",
      subject: reader.subject(d, "これまでの取組"),
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

export function readPastRow(reader: ReaderContext, d: Draft, row: Row): void {
  const h = d.pastHeader!;
  const yearCell = row.cells[1] ?? "";
  reader.checkHtml(
    row,
    row.cells.filter((c) => c !== ""),
    d,
    "これまでの取組",
  );
  if (yearCell === "") {
    const prev = d.pastRows[d.pastRows.length - 1];
    const content = row.cells.filter((c) => c !== "").join(" | ");
    if (!prev) {
      reader.note({
        line: row.line,
        code: "cell.wrong-row",
        subject: reader.subject(d, "これまでの取組"),
        expected: "年度で始まる行",
        found: content,
        message: "年度のない行です。項目の「未分類」に残しました",
        severity: "warning",
      });
      d.unplaced.push(content);
      return;
    }
    reader.note({
      line: row.line,
      code: "cell.wrong-row",
      subject: reader.subject(d, `${prev.label}の取組`),
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
      reader.note({
        line: row.line,
        code: "cell.shifted",
        subject: reader.subject(d, `${squash(yearCell)}の取組実績`),
        expected: `列 ${h.resultCol + 1}`,
        found: `列 ${others[0]!.i + 1}`,
        message: "取組実績が見出しと違う列にあります。実績として読みました",
        severity: "info",
      });
    } else if (plan === "" && shifted.length === 1 && others[0]!.i < h.resultCol) {
      plan = shifted[0]!;
      reader.note({
        line: row.line,
        code: "cell.shifted",
        subject: reader.subject(d, `${squash(yearCell)}の取組計画`),
        expected: `列 ${h.planCol + 1}`,
        found: `列 ${others[0]!.i + 1}`,
        message: "取組計画が見出しと違う列にあります。計画として読みました",
        severity: "info",
      });
    } else {
      result = [result, ...shifted].filter((x) => x !== "").join(" ");
      reader.note({
        line: row.line,
        code: "cell.extra",
        subject: reader.subject(d, `${squash(yearCell)}の取組`),
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
    fiscalYear: reader.fiscalYear(label, row.line, reader.subject(d, "これまでの取組の年度")),
    plan,
    result,
  });
}
