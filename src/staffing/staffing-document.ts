/**
 * Reading a staffing document: schema validation, then the checks a schema cannot make (keys unique,
 * parents resolve, every general-staff unit has a 部門, no total stored as data), each problem named by
 * where it came from — a JSON path, a line of a text, or a sheet, row and column of a spreadsheet.
 * Also the findings of a valid document: printed totals that disagree with the sum of their parts.
 */
import type { z } from "zod";
import { type AppError, invalidDocument } from "../core/errors.ts";
import type { Finding } from "../core/findings.ts";
import { jsonPath } from "../core/plan-document/document.ts";
import {
  checkDiagnosisTotals,
  checkPrintedTotals,
  classifyPeerGroup,
  diagnose,
  figuresOnGroups,
  findSector,
  findSectorTotal,
  parseGroupLabel,
  peerScheme,
  sectorScheme,
  UnitTree,
  unitsInCycles,
} from "../domain/staffing/index.ts";
import {
  breakdownCategories,
  type Source,
  STAFFING_DOCUMENT_FORMAT,
  type StaffingDocument,
  staffingDocumentSchema,
} from "./staffing-document.schema.ts";

export type StaffingProblem = { path: string; message: string; where?: string | undefined };

/** Turns a JSON path into a place a person can find ("シート「職員数」 行 5 列 D"), when known. */
export type Locate = (path: string) => string | undefined;

/**
 * Bad input: nothing of it is stored. An AppError ("invalid_document") whose findings say where each problem is
 * (the JSON path in `subject`, the place a person can find in the message).
 */
export function invalidStaffingDocument(problems: readonly StaffingProblem[], file?: string): AppError {
  const lines = problems
    .slice(0, 12)
    .map((p) => `  ${p.where ? `${p.where}: ` : ""}${p.message}（${p.path}）`);
  const more = problems.length > 12 ? `\n  …ほか ${problems.length - 12} 件` : "";
  return invalidDocument(
    `定数管理の文書を取り込めません${file ? `（${file}）` : ""}:\n${lines.join("\n")}${more}`,
    problems.map((p) => ({
      file: file ?? "定数管理の文書",
      code: "staffing.invalid",
      subject: p.path,
      message: `${p.where ? `${p.where}: ` : ""}${p.message}`,
      severity: "error" as const,
    })),
  );
}

/** "千歳市.txt 行 162" or "template.xlsx シート「職員数」 行 5 列 D" */
export function describeSource(s: Source | undefined): string | undefined {
  if (!s) return undefined;
  return [
    s.file,
    s.line && `行 ${s.line}`,
    s.sheet && `シート「${s.sheet}」`,
    s.row && `行 ${s.row}`,
    s.column && `列 ${s.column}`,
  ]
    .filter(Boolean)
    .join(" ");
}

/** The `source` of the nearest record on a path of the raw input, to locate a schema error. */
function sourceOnPath(input: unknown, path: readonly PropertyKey[]): Source | undefined {
  let node: unknown = input;
  let found: Source | undefined;
  for (const seg of path) {
    if (node === null || typeof node !== "object") break;
    node = (node as Record<PropertyKey, unknown>)[seg as string];
    const src = node && typeof node === "object" ? (node as { source?: unknown }).source : undefined;
    if (src && typeof src === "object") found = src as Source;
  }
  return found;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "number" || issue.expected === "int"
        ? "数値が必要です"
        : `${issue.expected} が必要です（expected ${issue.expected}）`;
    case "unrecognized_keys":
      return `不明な項目: ${issue.keys.join(", ")}`;
    case "invalid_value":
      return `次のいずれかが必要です: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return issue.message;
  }
}

const FIELD_LABELS: Record<string, string> = {
  count: "人数",
  quota: "定数",
  value: "値",
  population: "人口",
  sector: "部門",
  fiscalYear: "年度",
  unit: "組織",
  hires: "採用数",
};

/** Validates and normalises a staffing document; throws an invalid_document AppError listing every problem. */
export function parseStaffingDocument(input: unknown, file?: string, locate?: Locate): StaffingDocument {
  const parsed = staffingDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = jsonPath(issue.path);
      const field = String(issue.path.at(-1) ?? "");
      const label = FIELD_LABELS[field];
      return {
        path,
        message: `${label ? `${label}: ` : ""}${describeIssue(issue)}`,
        where: locate?.(path) ?? describeSource(sourceOnPath(input, issue.path)),
      };
    });
    if (
      input &&
      typeof input === "object" &&
      (input as { format?: unknown }).format !== STAFFING_DOCUMENT_FORMAT
    ) {
      problems.unshift({
        path: "$.format",
        message: `format は "${STAFFING_DOCUMENT_FORMAT}" でなければなりません`,
        where: undefined,
      });
    }
    throw invalidStaffingDocument(problems, file);
  }
  const doc = canonicalOrder(parsed.data);
  const problems = checkDocument(doc).map((p) => ({ ...p, where: locate?.(p.path) ?? p.where }));
  if (problems.length > 0) throw invalidStaffingDocument(problems, file);
  return doc;
}

export function parseStaffingDocumentText(text: string, file?: string): StaffingDocument {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    throw invalidStaffingDocument(
      [{ path: "$", message: `JSON として読めません: ${(e as Error).message}` }],
      file,
    );
  }
  return parseStaffingDocument(input, file);
}

/**
 * Lists in one order whatever order a source gave them: figures by unit (in the units' order), kind
 * and year; the rest by year. Units keep their order: it is the order of the table.
 */
export function canonicalOrder(doc: StaffingDocument): StaffingDocument {
  const pos = new Map(doc.units.map((u, i) => [u.key, i]));
  const unit = (a: { unit: string }, b: { unit: string }) =>
    (pos.get(a.unit) ?? 1e9) - (pos.get(b.unit) ?? 1e9);
  const year = (a: { fiscalYear: number }, b: { fiscalYear: number }) => a.fiscalYear - b.fiscalYear;
  const rank =
    <T extends string>(order: readonly T[]) =>
    (a: T, b: T) =>
      order.indexOf(a) - order.indexOf(b);
  const category = rank(breakdownCategories);
  const measure = rank(["headcount", "quota"] as const);
  return {
    ...doc,
    headcounts: [...doc.headcounts].sort((a, b) => unit(a, b) || year(a, b)),
    breakdowns: [...doc.breakdowns].sort(
      (a, b) => unit(a, b) || category(a.category, b.category) || year(a, b),
    ),
    quotas: [...doc.quotas].sort((a, b) => unit(a, b) || year(a, b)),
    quotaCeilings: [...doc.quotaCeilings].sort((a, b) => unit(a, b) || year(a, b)),
    printedTotals: [...doc.printedTotals].sort(
      (a, b) => unit(a, b) || measure(a.measure, b.measure) || year(a, b),
    ),
    populations: [...doc.populations].sort(year),
    diagnoses: [...doc.diagnoses].sort(year),
    peerComparisons: [...doc.peerComparisons].sort(year),
    classifications: [...doc.classifications].sort((a, b) => year(a, b) || a.scheme.localeCompare(b.scheme)),
    laspeyres: [...doc.laspeyres].sort(year),
    retirement: {
      cohorts: [...doc.retirement.cohorts].sort((a, b) => a.birthFiscalYear - b.birthFiscalYear),
      hiring: [...doc.retirement.hiring].sort(year),
    },
  };
}

/** The checks a schema cannot make. */
export function checkDocument(doc: StaffingDocument): StaffingProblem[] {
  const problems: StaffingProblem[] = [];
  const add = (path: string, message: string, source?: Source) =>
    problems.push({ path, message, where: describeSource(source) });
  const scheme = sectorScheme(doc.sectorScheme);
  if (!scheme) add("$.sectorScheme", `部門の体系「${doc.sectorScheme}」を知りません`);

  const keys = new Map<string, number>();
  doc.units.forEach((u, i) => {
    if (keys.has(u.key)) add(`$.units[${i}].key`, `組織のキー「${u.key}」が重複しています`, u.source);
    keys.set(u.key, i);
  });
  doc.units.forEach((u, i) => {
    if (u.parent !== undefined && !keys.has(u.parent))
      add(`$.units[${i}].parent`, `「${u.name}」の上位組織「${u.parent}」がありません`, u.source);
    if (u.sector !== undefined && scheme && !findSector(scheme, u.sector))
      add(`$.units[${i}].sector`, `「${u.name}」の部門「${u.sector}」は${scheme.name}にありません`, u.source);
  });
  for (const k of unitsInCycles(doc.units)) {
    const i = keys.get(k)!;
    add(`$.units[${i}].parent`, `組織「${k}」の上位組織をたどると自分に戻ります`, doc.units[i]!.source);
  }
  if (problems.length > 0) return problems;

  const tree = new UnitTree(doc.units);
  doc.units.forEach((u, i) => {
    if (tree.isLeaf(u.key) && tree.staffClass(u.key) === "general" && tree.sector(u.key) === undefined)
      add(
        `$.units[${i}].sector`,
        `「${u.name}」に部門がありません（一般職の組織は、国の定員管理調査の部門のどれかに割り当てます）`,
        u.source,
      );
  });

  const unitRef = (list: { unit: string; source?: Source | undefined }[], name: string) =>
    list.forEach((x, i) => {
      if (!keys.has(x.unit)) add(`$.${name}[${i}].unit`, `組織「${x.unit}」がありません`, x.source);
    });
  unitRef(doc.headcounts, "headcounts");
  unitRef(doc.breakdowns, "breakdowns");
  unitRef(doc.quotas, "quotas");
  unitRef(doc.quotaCeilings, "quotaCeilings");
  unitRef(doc.printedTotals, "printedTotals");

  const duplicates = <T>(list: T[], name: string, keyOf: (x: T) => string, what: (x: T) => string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      const k = keyOf(x);
      if (seen.has(k)) add(`$.${name}[${i}]`, `${what(x)}が二度あります`, (x as { source?: Source }).source);
      seen.add(k);
    });
  };
  duplicates(
    doc.headcounts,
    "headcounts",
    (h) => `${h.unit}|${h.fiscalYear}`,
    (h) => `「${h.unit}」の ${h.fiscalYear}年度の職員数`,
  );
  duplicates(
    doc.quotas,
    "quotas",
    (q) => `${q.unit}|${q.fiscalYear}`,
    (q) => `「${q.unit}」の ${q.fiscalYear}年度の定数`,
  );
  duplicates(
    doc.breakdowns,
    "breakdowns",
    (b) => `${b.unit}|${b.fiscalYear}|${b.category}`,
    (b) => `「${b.unit}」の ${b.fiscalYear}年度の内訳 ${b.category} `,
  );
  duplicates(
    doc.printedTotals,
    "printedTotals",
    (p) => `${p.unit}|${p.fiscalYear}|${p.measure}`,
    (p) => `「${p.unit}」の ${p.fiscalYear}年度の印刷された合計`,
  );
  duplicates(
    doc.populations,
    "populations",
    (p) => String(p.fiscalYear),
    (p) => `${p.fiscalYear}年度の人口`,
  );
  duplicates(
    doc.diagnoses,
    "diagnoses",
    (d) => String(d.fiscalYear),
    (d) => `${d.fiscalYear}年度の診断表`,
  );
  duplicates(
    doc.laspeyres,
    "laspeyres",
    (l) => String(l.fiscalYear),
    (l) => `${l.fiscalYear}年度のラスパイレス指数`,
  );
  duplicates(
    doc.retirement.cohorts,
    "retirement.cohorts",
    (c) => String(c.birthFiscalYear),
    (c) => `${c.birthFiscalYear}年度生まれの人数`,
  );
  duplicates(
    doc.retirement.hiring,
    "retirement.hiring",
    (h) => String(h.fiscalYear),
    (h) => `${h.fiscalYear}年度の採用計画`,
  );
  if (problems.length > 0) return problems;

  // Totals are computed: a figure on a group whose parts have figures would be a stored total.
  for (const [name, list, what] of [
    [
      "headcounts",
      doc.headcounts.map((h) => ({ unit: h.unit, fiscalYear: h.fiscalYear, value: h.count })),
      "職員数",
    ],
    ["quotas", doc.quotas.map((q) => ({ unit: q.unit, fiscalYear: q.fiscalYear, value: q.quota })), "定数"],
  ] as const) {
    for (const { figure, parts } of figuresOnGroups(tree, list)) {
      const i = list.indexOf(figure);
      const src = (name === "headcounts" ? doc.headcounts[i] : doc.quotas[i])?.source;
      add(
        `$.${name}[${i}]`,
        `「${tree.byKey.get(figure.unit)!.name}」の ${figure.fiscalYear}年度の${what}は内訳（${parts.join("、")}）から計算します。資料に印刷された合計は printedTotals に入れてください`,
        src,
      );
    }
  }

  if (scheme) {
    doc.diagnoses.forEach((d, i) => {
      if (!peerScheme(d.peerGroup.scheme))
        add(
          `$.diagnoses[${i}].peerGroup.scheme`,
          `類似団体の区分方式「${d.peerGroup.scheme}」を知りません`,
          d.source,
        );
      if (!parseGroupLabel(d.peerGroup.group))
        add(
          `$.diagnoses[${i}].peerGroup.group`,
          `類型「${d.peerGroup.group}」が読めません（例: II-3）`,
          d.source,
        );
      const seen = new Set<string>();
      d.rows.forEach((r, j) => {
        const s = findSector(scheme, r.sector);
        if (!s)
          add(
            `$.diagnoses[${i}].rows[${j}].sector`,
            `部門「${r.sector}」は${scheme.name}にありません`,
            r.source,
          );
        else if (seen.has(s.name))
          add(`$.diagnoses[${i}].rows[${j}].sector`, `部門「${s.name}」が二度あります`, r.source);
        else seen.add(s.name);
      });
      d.averages.forEach((a, j) => {
        const t = findSectorTotal(scheme, a.total);
        if (!t?.compared)
          add(
            `$.diagnoses[${i}].averages[${j}].total`,
            `「${a.total}」は類似団体と比べる小計ではありません`,
            d.source,
          );
      });
      d.printedTotals.forEach((p, j) => {
        if (!findSectorTotal(scheme, p.total))
          add(
            `$.diagnoses[${i}].printedTotals[${j}].total`,
            `小計「${p.total}」は${scheme.name}にありません`,
            p.source,
          );
      });
    });
  }
  doc.peerComparisons.forEach((c, i) => {
    if (!peerScheme(c.peerGroup.scheme))
      add(
        `$.peerComparisons[${i}].peerGroup.scheme`,
        `類似団体の区分方式「${c.peerGroup.scheme}」を知りません`,
      );
  });
  doc.classifications.forEach((c, i) => {
    if (!peerScheme(c.scheme))
      add(`$.classifications[${i}].scheme`, `類似団体の区分方式「${c.scheme}」を知りません`, c.source);
    if (!c.employed && !c.shares)
      add(`$.classifications[${i}]`, "産業別就業者数（employed）か構成比（shares）が必要です", c.source);
    if (c.employed && c.employed.primary + c.employed.secondary + c.employed.tertiary === 0)
      add(`$.classifications[${i}].employed`, "就業者数の合計が 0 です", c.source);
  });
  return problems;
}

function finding(partial: Omit<Finding, "file"> & { source?: Source | undefined }, file: string): Finding {
  const { source, ...rest } = partial;
  return {
    file: source?.file ?? file,
    line: source?.line,
    sheet: source?.sheet,
    row: source?.row,
    column: source?.column,
    ...rest,
  };
}

/**
 * What a valid document shows that deserves a look: printed totals that disagree with the sum of
 * their parts (naming row and year), printed diagnosis subtotals likewise, a printed peer group that
 * the classification rule does not give.
 */
export function staffingFindings(
  doc: StaffingDocument,
  file = doc.sources[0] ?? doc.municipality.name,
): Finding[] {
  const out: Finding[] = [];
  const tree = new UnitTree(doc.units);
  for (const measure of ["headcount", "quota"] as const) {
    const figures =
      measure === "headcount"
        ? doc.headcounts.map((h) => ({ unit: h.unit, fiscalYear: h.fiscalYear, value: h.count }))
        : doc.quotas.map((q) => ({ unit: q.unit, fiscalYear: q.fiscalYear, value: q.quota }));
    const printed = doc.printedTotals.filter((p) => p.measure === measure);
    for (const d of checkPrintedTotals(tree, figures, printed)) {
      const p = printed.find((x) => x.unit === d.unit && x.fiscalYear === d.fiscalYear)!;
      const what = measure === "headcount" ? "職員数" : "定数";
      out.push(
        finding(
          {
            code: "staffing.total-mismatch",
            subject: `「${p.label ?? d.unitName}」の ${d.fiscalYear}年度の${what}`,
            expected: d.computed === null ? "内訳なし" : String(d.computed),
            found: String(d.printed),
            message:
              d.computed === null
                ? `「${p.label ?? d.unitName}」の ${d.fiscalYear}年度の${what}の合計 ${d.printed} が印刷されていますが、内訳がありません`
                : `「${p.label ?? d.unitName}」の ${d.fiscalYear}年度の${what}の合計 ${d.printed} が内訳の合計 ${d.computed} と一致しません`,
            severity: "warning",
            source: p.source,
          },
          file,
        ),
      );
    }
  }
  const scheme = sectorScheme(doc.sectorScheme);
  if (scheme) {
    for (const dg of doc.diagnoses) {
      const lines = diagnose({ scheme, population: dg.population, rows: dg.rows, averages: dg.averages });
      for (const d of checkDiagnosisTotals(lines, dg.printedTotals, scheme)) {
        const p = dg.printedTotals.find((x) => findSectorTotal(scheme, x.total)?.name === d.total);
        const col = d.column === "previous" ? "前年（A）" : "当年（B）";
        out.push(
          finding(
            {
              code: "staffing.diagnosis-total-mismatch",
              subject: `${dg.fiscalYear}年度 診断表「${d.total}」の${col}`,
              expected: d.computed === null ? "内訳なし" : String(d.computed),
              found: String(d.printed),
              message: `診断表（${dg.fiscalYear}年度）の「${d.total}」${col} ${d.printed} が部門の合計 ${d.computed ?? "—"} と一致しません`,
              severity: "warning",
              source: p?.source ?? dg.source,
            },
            file,
          ),
        );
      }
    }
  }
  for (const c of doc.classifications) {
    const s = peerScheme(c.scheme);
    const industry = c.employed ?? c.shares;
    if (!s || !industry || !c.printedGroup) continue;
    const g = classifyPeerGroup(s, c.population, industry);
    if (parseGroupLabel(c.printedGroup) !== g.group) {
      out.push(
        finding(
          {
            code: "staffing.peer-group-mismatch",
            subject: `${c.fiscalYear}年度の類似団体区分`,
            expected: g.group,
            found: c.printedGroup,
            message: `類似団体区分は人口と産業構造から ${g.group} になりますが、資料は ${c.printedGroup} としています`,
            severity: "warning",
            source: c.source,
          },
          file,
        ),
      );
    }
  }
  // In the order of the source, as a reader goes through it.
  const at = (f: Finding) => [f.file, f.sheet ?? "", f.line ?? f.row ?? 0] as const;
  return out.sort((a, b) => {
    const [fa, sa, la] = at(a);
    const [fb, sb, lb] = at(b);
    return fa.localeCompare(fb) || sa.localeCompare(sb) || la - lb;
  });
}
