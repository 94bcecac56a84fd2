/**
 * Reading a plan document: schema validation with JSON-path messages, then the checks a schema cannot
 * make (keys unique, references resolve, series named, years inside reason).
 */
import type { z } from "zod";
import { SUMMABLE_TARGET_KINDS } from "../../domain/values/index.ts";
import { type AppError, invalidDocument } from "../errors.ts";
import type { Finding } from "../findings.ts";
import { fillReadings } from "./fill.ts";
import { effectTargetProblems, fiscalEffectProblems } from "./fiscal-effect.ts";
import { tooMany } from "./limits.ts";
import { planRowFindings } from "./plan-rows.ts";
import {
  type Item,
  MAX_ITEM_DEPTH,
  PLAN_DOCUMENT_FORMAT,
  type PlanDocument,
  type PlanDocumentInput,
  planDocumentSchema,
} from "./schema.ts";
import { stageWordFindings } from "./stage-words.ts";

export type DocumentProblem = { path: string; message: string };

/**
 * A plan document that breaks the schema or the cross-document rules: an AppError ("invalid_document") whose
 * findings name the JSON path of each problem (in `subject`).
 */
export function invalidPlanDocument(problems: readonly DocumentProblem[], file?: string): AppError {
  const head = problems
    .slice(0, 10)
    .map((p) => `  ${p.path}: ${p.message}`)
    .join("\n");
  const more = problems.length > 10 ? `\n  …ほか ${problems.length - 10} 件` : "";
  return invalidDocument(
    `計画文書が正しくありません${file ? `（${file}）` : ""}:\n${head}${more}`,
    problems.map((p) => ({
      file: file ?? "計画文書",
      code: "document.invalid",
      subject: p.path,
      message: p.message,
      severity: "error" as const,
    })),
  );
}

/** `$.items[0].children[2].title` from zod's path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, seg) => (typeof seg === "number" ? `${acc}[${seg}]` : `${acc}.${String(seg)}`),
    "$",
  );
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `${issue.expected} が必要です（expected ${issue.expected}）`;
    case "unrecognized_keys":
      return `不明な項目: ${issue.keys.join(", ")}（unrecognized keys）`;
    case "invalid_value":
      return `次のいずれかが必要です: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return issue.message;
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: showing them is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * A text of the document quoted in a message: at most 40 characters, control characters shown as U+XXXX,
 * so a refusal never echoes a huge or invisible value.
 */
export function shown(s: string): string {
  const visible = s.replace(
    CONTROLS,
    (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
  return JSON.stringify(visible.length > 40 ? `${visible.slice(0, 40)}…` : visible);
}

/** Walks every item of a document tree, depth first, with its JSON path. */
export function* walkItems(
  items: Item[],
  path = "$.items",
): Generator<{ item: Item; path: string; depth: number }> {
  const stack: { item: Item; path: string; depth: number }[] = [];
  for (let i = items.length - 1; i >= 0; i--)
    stack.push({ item: items[i]!, path: `${path}[${i}]`, depth: 0 });
  while (stack.length > 0) {
    const top = stack.pop()!;
    yield top;
    const kids = top.item.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      stack.push({ item: kids[i]!, path: `${top.path}.children[${i}]`, depth: top.depth + 1 });
    }
  }
}

/** The checks across the document that a schema cannot express. */
export function crossCheck(doc: PlanDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [...effectTargetProblems(doc.plan.fiscalEffectTarget)];
  const deptKeys = new Set<string>();
  doc.departments.forEach((d, i) => {
    if (deptKeys.has(d.key))
      problems.push({ path: `$.departments[${i}].key`, message: `key "${d.key}" が重複しています` });
    deptKeys.add(d.key);
  });
  doc.departments.forEach((d, i) => {
    if (d.parent !== undefined && !deptKeys.has(d.parent)) {
      problems.push({ path: `$.departments[${i}].parent`, message: `部署 "${d.parent}" がありません` });
    }
  });
  problems.push(...departmentCycles(doc.departments));
  const itemKeys = new Set<string>();
  const indicatorKeys = new Set<string>();
  const levels = doc.plan.levels.length;
  for (const { item, path, depth } of walkItems(doc.items)) {
    if (itemKeys.has(item.key))
      problems.push({ path: `${path}.key`, message: `key "${item.key}" が重複しています` });
    itemKeys.add(item.key);
    if (depth >= levels) {
      problems.push({ path, message: `階層が plan.levels（${levels} 段）より深くなっています` });
    }
    item.departments.forEach((k, i) => {
      if (!deptKeys.has(k))
        problems.push({ path: `${path}.departments[${i}]`, message: `部署 "${k}" がありません` });
    });
    problems.push(...fiscalEffectProblems(item.fiscalEffects, path));
    item.indicators.forEach((ind, j) => {
      const ip = `${path}.indicators[${j}]`;
      if (indicatorKeys.has(ind.key))
        problems.push({ path: `${ip}.key`, message: `key "${ind.key}" が重複しています` });
      indicatorKeys.add(ind.key);
      ind.departments.forEach((k, i) => {
        if (!deptKeys.has(k))
          problems.push({ path: `${ip}.departments[${i}]`, message: `部署 "${k}" がありません` });
      });
      const series = new Set(ind.series);
      const checkSeries = (s: string | undefined, p: string) => {
        if (s === undefined && series.size > 0)
          problems.push({ path: p, message: "series が必要です（指標に系列があります）" });
        if (s !== undefined && !series.has(s))
          problems.push({ path: p, message: `系列 ${shown(s)} は series にありません` });
      };
      ind.baselines.forEach((b, i) => {
        checkSeries(b.series, `${ip}.baselines[${i}]`);
      });
      ind.targets.forEach((t, i) => {
        checkSeries(t.series, `${ip}.targets[${i}]`);
        if (
          (t.basis === "cumulative" || t.basis === "period_total") &&
          !SUMMABLE_TARGET_KINDS.includes(t.kind)
        ) {
          problems.push({
            path: `${ip}.targets[${i}].basis`,
            message: `累計・計画期間の目標は数値の目標（value_by_year, floor, ceiling）にだけ付けられます（kind "${t.kind}"）`,
          });
        }
      });
      const planned = new Set<string>();
      ind.plannedValues?.forEach((v, i) => {
        checkSeries(v.series, `${ip}.plannedValues[${i}]`);
        const k = `${v.series ?? ""}/${v.cumulative === true}/${v.fiscalYear}`;
        if (planned.has(k)) {
          problems.push({
            path: `${ip}.plannedValues[${i}]`,
            message: `${v.fiscalYear}年度の計画値${v.cumulative ? "（累計）" : ""}が重複しています`,
          });
        }
        planned.add(k);
      });
      const seen = new Set<string>();
      ind.actuals.forEach((a, i) => {
        checkSeries(a.series, `${ip}.actuals[${i}]`);
        const k = `${a.series ?? ""}/${a.fiscalYear}`;
        if (seen.has(k)) {
          problems.push({
            path: `${ip}.actuals[${i}]`,
            message: `${a.fiscalYear}年度の実績値が重複しています`,
          });
        }
        seen.add(k);
      });
    });
    const years = new Set<number>();
    item.progress.forEach((p, i) => {
      if (years.has(p.fiscalYear)) {
        problems.push({
          path: `${path}.progress[${i}]`,
          message: `${p.fiscalYear}年度の取組状況が重複しています`,
        });
      }
      years.add(p.fiscalYear);
    });
  }
  for (const { item, path } of walkItems(doc.items)) {
    if (item.crossListingOf !== undefined) {
      if (!itemKeys.has(item.crossListingOf)) {
        problems.push({
          path: `${path}.crossListingOf`,
          message: `項目 "${item.crossListingOf}" がありません`,
        });
      } else if (item.crossListingOf === item.key) {
        problems.push({ path: `${path}.crossListingOf`, message: "自分自身を再掲することはできません" });
      }
    }
  }
  return problems;
}

/** Departments that are their own parent or ancestor (a cycle), each named once. */
function departmentCycles(departments: PlanDocument["departments"]): DocumentProblem[] {
  const parentOf = new Map(departments.map((d) => [d.key, d.parent]));
  const problems: DocumentProblem[] = [];
  departments.forEach((d, i) => {
    const seen = new Set<string>([d.key]);
    const chain = [d.key];
    for (let p = d.parent; p !== undefined; p = parentOf.get(p)) {
      chain.push(p);
      if (p === d.key) {
        const message =
          chain.length === 2
            ? `部署 "${d.key}" が自分自身を親にしています`
            : `部署の親子関係が循環しています（${chain.join(" → ")}）`;
        problems.push({ path: `$.departments[${i}].parent`, message });
        break;
      }
      if (seen.has(p)) break; // a cycle above this department: reported at the departments in it
      seen.add(p);
    }
  });
  return problems;
}

/**
 * How deep the items of raw JSON nest, measured without recursion, so that a document nested thousands
 * deep is refused in plain words before the schema (which recurses) reads it.
 */
function tooDeep(input: unknown): DocumentProblem | null {
  if (typeof input !== "object" || input === null || !("items" in input)) return null;
  const stack: { items: unknown; path: string; depth: number }[] = [
    { items: input.items, path: "$.items", depth: 0 },
  ];
  while (stack.length > 0) {
    const { items, path, depth } = stack.pop()!;
    if (!Array.isArray(items)) continue;
    if (depth >= MAX_ITEM_DEPTH) {
      return {
        path,
        message: `項目の入れ子が深すぎます（${MAX_ITEM_DEPTH} 段まで）`,
      };
    }
    items.forEach((item: unknown, i) => {
      if (typeof item === "object" && item !== null && "children" in item) {
        stack.push({ items: item.children, path: `${path}[${i}].children`, depth: depth + 1 });
      }
    });
  }
  return null;
}

/** Validates unknown JSON as a plan document; throws InvalidPlanDocumentError naming every problem's JSON path. */
export function parsePlanDocument(input: unknown, file?: string): PlanDocument {
  return readPlanDocument(input, file).document;
}

/**
 * Like parsePlanDocument, and also reads the values given as text alone (see fill.ts), reporting those it
 * could not read as findings. The input is not changed.
 */
export function readPlanDocument(
  input: unknown,
  file?: string,
): { document: PlanDocument; findings: Finding[] } {
  if (
    typeof input === "object" &&
    input !== null &&
    "format" in input &&
    input.format !== PLAN_DOCUMENT_FORMAT
  ) {
    throw invalidPlanDocument(
      [
        {
          path: "$.format",
          message: `"${PLAN_DOCUMENT_FORMAT}" が必要です（found ${JSON.stringify(input.format)}）`,
        },
      ],
      file,
    );
  }
  const deep = tooDeep(input);
  if (deep) throw invalidPlanDocument([deep], file);
  // counted before anything expensive: 200,000 items took 15 s to validate
  const many = tooMany(input);
  if (many.length > 0) throw invalidPlanDocument(many, file);
  const { filled, findings } = fillReadings(input, file ?? "計画文書");
  const parsed = planDocumentSchema.safeParse(filled);
  if (!parsed.success) {
    throw invalidPlanDocument(
      parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: describeIssue(i) })),
      file,
    );
  }
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) throw invalidPlanDocument(problems, file);
  return {
    document: parsed.data,
    findings: [
      ...findings,
      ...planRowFindings(parsed.data, file ?? "計画文書"),
      ...stageWordFindings(parsed.data, file ?? "計画文書"),
    ],
  };
}

/** Parses JSON text; a syntax error names the line and column. */
export function parsePlanDocumentText(text: string, file?: string): PlanDocument {
  return readPlanDocumentText(text, file).document;
}

/** parsePlanDocumentText with the findings of values given as text alone. */
export function readPlanDocumentText(
  text: string,
  file?: string,
): { document: PlanDocument; findings: Finding[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const m = /position (\d+)/.exec(String(e));
    let where = "";
    if (m) {
      const before = text.slice(0, Number(m[1]));
      const line = before.split("\n").length;
      const col = Number(m[1]) - before.lastIndexOf("\n");
      where = `（${line}行 ${col}桁目）`;
    }
    throw invalidPlanDocument(
      [{ path: "$", message: `JSON として読めません${where}: ${(e as Error).message}` }],
      file,
    );
  }
  return readPlanDocument(json, file);
}

export type { PlanDocument, PlanDocumentInput };
