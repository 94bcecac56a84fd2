/** The 計画 and 部署 sheets merged onto the stored plan (or made into a new one). */

import { codeProblem } from "../../domain/municipality-code.ts";
import { readFiscalYear } from "../../domain/values/index.ts";
import { PLAN_DOCUMENT_FORMAT, type PlanDocument } from "../plan-document/schema.ts";
import { splitNameEntry } from "./cells.ts";
import { mergeEffectTarget } from "./effect-target-column.ts";
import { type MergeContext, setField } from "./merge-context.ts";
import type { Problems, Table, TableRow } from "./table.ts";

/** 団体コード and 計画キー of the plan row: what the caller needs to find the stored plan. */
export function planRef(
  table: Table,
  problems: Problems,
): { municipalityCode: string; planKey: string } | null {
  const row = table.rows[0];
  if (!row) {
    problems.error(
      "plan.missing",
      { sheet: table.name },
      "計画の行がありません（2行目に計画を書いてください）",
    );
    return null;
  }
  if (table.rows.length > 1) {
    table.rows[1]!.error(undefined, "plan.rows", "計画の行は1行だけにしてください");
  }
  const format = row.has("format") ? row.key("format") : undefined;
  if (format !== undefined && format !== PLAN_DOCUMENT_FORMAT) {
    row.error(
      "format",
      "plan.format",
      `形式「${format}」のブックは読めません（${PLAN_DOCUMENT_FORMAT} のみ）`,
      format,
    );
  }
  const code = municipalityCode(row);
  const planKey = row.key("plan_key");
  if (planKey === undefined) row.error("plan_key", "cell.required", "計画キーがありません");
  return code === undefined || planKey === undefined ? null : { municipalityCode: code, planKey };
}

/** Excel drops the leading zero of a code typed into a general cell (012173 → 12173): it is put back. */
function municipalityCode(row: TableRow): string | undefined {
  let code = row.key("municipality_code");
  if (code === undefined) {
    row.error("municipality_code", "cell.required", "団体コードがありません");
    return undefined;
  }
  if (/^\d{5}$/.test(code)) code = `0${code}`;
  const problem = codeProblem(code);
  if (problem !== null) {
    row.error(
      "municipality_code",
      "cell.municipality-code",
      `団体コードとして読めません: "${code}"（${problem}）`,
      code,
    );
    return undefined;
  }
  return code;
}

/** The document the other sheets are merged onto: a copy of `base` with the plan row's fields, or a new one. */
export function mergePlan(table: Table, base: PlanDocument | null, problems: Problems): PlanDocument | null {
  const ref = planRef(table, problems);
  const row = table.rows[0];
  if (!ref || !row) return null;
  if (base && (base.municipality.code !== ref.municipalityCode || base.plan.key !== ref.planKey)) {
    row.error(
      "plan_key",
      "plan.other",
      `このブックは ${ref.municipalityCode} の計画「${ref.planKey}」のものです（取り込み先は ${base.municipality.code} の計画「${base.plan.key}」）`,
    );
    return null;
  }
  const doc: PlanDocument = base
    ? structuredClone(base)
    : {
        format: PLAN_DOCUMENT_FORMAT,
        municipality: { code: ref.municipalityCode, name: "" },
        plan: { key: ref.planKey, title: "", periodStart: 0, periodEnd: 0, levels: [], sources: [] },
        departments: [],
        items: [],
      };
  const need = <T>(id: string, read: () => T | undefined, what: string, keep: T): T => {
    if (!row.has(id)) {
      if (!base) row.error(undefined, "sheet.missing-column", `新しい計画には「${what}」の列が必要です`);
      return keep;
    }
    const v = read();
    if (v === undefined || (Array.isArray(v) && v.length === 0)) {
      row.error(id, "cell.required", `${what}がありません`);
      return keep;
    }
    return v;
  };
  const text = (id: string) => () => {
    const t = row.text(id);
    return t === undefined || t.trim() === "" ? undefined : t;
  };
  doc.municipality.name = need(
    "municipality_name",
    text("municipality_name"),
    "団体名",
    doc.municipality.name,
  );
  doc.plan.title = need("title", text("title"), "計画名", doc.plan.title);
  doc.plan.periodStart = need(
    "period_start",
    () => row.year("period_start"),
    "開始年度",
    doc.plan.periodStart,
  );
  doc.plan.periodEnd = need("period_end", () => row.year("period_end"), "終了年度", doc.plan.periodEnd);
  if (doc.plan.periodEnd < doc.plan.periodStart)
    row.error("period_end", "plan.period", "終了年度が開始年度より前です");
  doc.plan.levels = need("levels", () => row.list("levels"), "階層名", doc.plan.levels);
  if (row.has("stages")) {
    const stages = row.list("stages");
    setField(doc.plan, "stages", stages.length > 0 ? stages : undefined);
  }
  if (row.has("sources")) doc.plan.sources = row.list("sources");
  mergeEffectTarget(row, doc.plan);
  return doc;
}

/**
 * 部署: a key updates that department; an unknown key adds one with that key; a blank key takes the
 * department of the same name under the same parent, or adds one keyed by its name.
 */
export function mergeDepartments(table: Table, ctx: MergeContext) {
  const parents: { row: TableRow; key: string; parent: string }[] = [];
  const removed: string[] = [];
  for (const row of table.rows) {
    const key = row.key("key");
    const name = row.has("name") ? row.text("name")?.trim() || undefined : undefined;
    const parent = row.has("parent") ? row.key("parent") : undefined;
    let dept =
      key !== undefined
        ? ctx.departments.get(key)
        : ctx.doc.departments.find((d) => name !== undefined && d.name === name && d.parent === parent);
    if (row.isDeleted()) {
      if (dept) removed.push(dept.key);
      else row.note("warning", "key", "delete.missing", "削除する部署がありません");
      continue;
    }
    if (!dept) {
      if (name === undefined) {
        row.error("name", "cell.required", "新しい部署には名称が必要です");
        continue;
      }
      const head = parent === undefined ? name : `${parent}/${name}`;
      let newKey = key ?? head;
      for (let n = 2; ctx.departments.has(newKey); n++) newKey = `${head}-${n}`;
      dept = { key: newKey, name, names: [] };
      ctx.doc.departments.push(dept);
      ctx.departments.set(newKey, dept);
    }
    if (row.has("name")) {
      if (name === undefined) row.error("name", "cell.required", "名称がありません");
      else dept.name = name;
    }
    if (row.has("kind")) setField(dept, "kind", row.key("kind"));
    if (row.has("parent")) {
      setField(dept, "parent", parent);
      if (parent !== undefined) parents.push({ row, key: dept.key, parent });
    }
    if (row.has("names")) dept.names = nameHistory(row);
  }
  for (const { row, key, parent } of parents) {
    if (!ctx.departments.has(parent) || removed.includes(parent)) {
      row.error("parent", "ref.missing", `親部署キー「${parent}」の部署がありません`, parent);
    } else if (cycles(ctx, key)) {
      row.error("parent", "ref.cycle", `部署「${key}」の親をたどると自分に戻ります`, parent);
    }
  }
  ctx.doc.departments = ctx.doc.departments.filter((d) => !removed.includes(d.key));
  for (const k of removed) ctx.departments.delete(k);
}

function cycles(ctx: MergeContext, key: string): boolean {
  const seen = new Set<string>();
  for (let k: string | undefined = key; k !== undefined; k = ctx.departments.get(k)?.parent) {
    if (seen.has(k)) return true;
    seen.add(k);
  }
  return false;
}

function nameHistory(row: TableRow): { name: string; validFrom: number }[] {
  const names: { name: string; validFrom: number }[] = [];
  for (const entry of row.list("names")) {
    const split = splitNameEntry(entry);
    const fy = split ? readFiscalYear(split.year) : null;
    if (!split || !fy || "unreadable" in fy) {
      row.error(
        "names",
        "cell.name-history",
        `名称の履歴は「庶務課（2015年度～）」の形で書いてください: "${entry}"`,
        entry,
      );
      continue;
    }
    names.push({ name: split.name, validFrom: fy.fiscalYear });
  }
  return names;
}
