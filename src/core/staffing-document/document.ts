/**
 * Reading a staffing document: schema validation, then the checks a schema cannot make (keys unique,
 * parents resolve, every general-staff unit has a 部門, no total stored as data), each problem named by
 * where it came from — a JSON path, a line of a text, or a sheet, row and column of a spreadsheet.
 * The checks are in checks.ts, the findings of a valid document (printed totals that disagree with the
 * sum of their parts …) in findings.ts.
 */
import type { z } from "zod";
import { type AppError, invalidDocument } from "../errors.ts";
import { jsonPath } from "../plan-document/document.ts";
import { checkDocument } from "./checks.ts";
import { describeSource, type StaffingProblem } from "./problems.ts";

export { describeSource, type StaffingProblem };

import {
  breakdownCategories,
  type Source,
  STAFFING_DOCUMENT_FORMAT,
  type StaffingDocument,
  staffingDocumentSchema,
} from "./schema.ts";

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

/** JSON text as a value; text that is not JSON is refused as a staffing document's problem at `$`. */
export function readStaffingJson(text: string, file?: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw invalidStaffingDocument(
      [{ path: "$", message: `JSON として読めません: ${(e as Error).message}` }],
      file,
    );
  }
}

export function parseStaffingDocumentText(text: string, file?: string): StaffingDocument {
  return parseStaffingDocument(readStaffingJson(text, file), file);
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
    movements: [...doc.movements].sort(year),
    ...(doc.staffingPlan
      ? {
          staffingPlan: {
            ...doc.staffingPlan,
            lines: doc.staffingPlan.lines.map((l) => ({ ...l, targets: [...l.targets].sort(year) })),
          },
        }
      : {}),
  };
}
