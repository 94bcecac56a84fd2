/**
 * The 財政効果額 sheet of the plan workbook: one row per item, fiscal year, 種別 and 区分 (計画/実績) with the
 * amount in the unit as written. The sheet is optional when reading, so that workbooks written before it
 * existed still import; a row's item, year, 種別 and 区分 identify it.
 */
import {
  FISCAL_EFFECT_KIND_LABELS,
  FISCAL_EFFECT_KINDS,
  FISCAL_EFFECT_UNITS,
} from "../../domain/evaluation/fiscal-effect.ts";
import { warekiFiscalYear } from "../../domain/fiscal-year.ts";
import type { FiscalEffect, Item } from "../plan-document/schema.ts";
import type { RowData, SheetDef } from "../workbook/types.ts";
import type { MergeContext } from "./merge-context.ts";
import { itemOf } from "./merge-items.ts";
import type { Table } from "./table.ts";

export const FISCAL_EFFECTS_SHEET: SheetDef = {
  name: "財政効果額",
  optional: true,
  about:
    "項目ごとの財政効果額（計画額・実績額）。項目キー・年度・種別・区分で記録を特定します。実績が未報告の年度は行を作らないでください（0 と書くと 0 円の実績になります）。",
  columns: [
    {
      id: "item_key",
      header: "項目キー",
      type: "key",
      width: 16,
      required: true,
      help: "効果額をもつ項目の項目キー。",
    },
    {
      id: "item_number",
      header: "項目番号（参考）",
      type: "derived",
      width: 10,
      help: "項目の番号（参考。編集しても読みません）",
    },
    {
      id: "item_title",
      header: "項目名（参考）",
      type: "derived",
      width: 28,
      help: "項目キーの項目名（参考。編集しても読みません）",
    },
    {
      id: "fiscal_year",
      header: "年度",
      type: "year",
      width: 8,
      required: true,
      help: "効果額の年度（西暦）。",
    },
    {
      id: "wareki",
      header: "年度（和暦・参考）",
      type: "derived",
      width: 13,
      help: "年度の和暦（参考。編集しても読みません）",
    },
    {
      id: "figure",
      header: "区分",
      type: "choice",
      width: 7,
      required: true,
      choices: [
        { value: "planned", label: "計画" },
        { value: "actual", label: "実績" },
      ],
      help: "計画額（効果見込額）か実績額か。",
    },
    { id: "amount", header: "金額", type: "number", width: 14, help: "効果額（単位は単位列）。" },
    {
      id: "unit",
      header: "単位",
      type: "choice",
      width: 8,
      required: true,
      choices: FISCAL_EFFECT_UNITS.map((u) => ({ value: u, label: u })),
      help: "計画に書かれた単位（円・千円・百万円）。同じ年度・種別の計画と実績は同じ単位で。",
    },
    {
      id: "kind",
      header: "種別",
      type: "choice",
      width: 9,
      required: true,
      choices: FISCAL_EFFECT_KINDS.map((k) => ({ value: k, label: FISCAL_EFFECT_KIND_LABELS[k] })),
      help: "歳出削減か歳入確保か。",
    },
    {
      id: "note",
      header: "備考",
      type: "text",
      width: 30,
      help: "算出の根拠など。同じ年度・種別の行で一つ。",
    },
    {
      id: "delete",
      header: "削除",
      type: "choice",
      width: 7,
      choices: [{ value: "delete", label: "削除" }],
      help: "「削除」と書いた行の金額を削除します。行を消しても記録は削除されません。",
    },
  ],
};

/** The rows of the sheet: a 計画 row and an 実績 row for each amount given. */
export function fiscalEffectRows(items: readonly Item[]): RowData[] {
  return items.flatMap((item) =>
    (item.fiscalEffects ?? []).flatMap((e) =>
      (["planned", "actual"] as const)
        .filter((f) => e[f] !== undefined)
        .map((f, i) => ({
          item_key: item.key,
          item_number: item.number,
          item_title: item.title,
          fiscal_year: e.fiscalYear,
          wareki: warekiFiscalYear(e.fiscalYear),
          figure: f,
          amount: e[f],
          unit: e.unit,
          kind: e.kind,
          note: i === 0 ? e.note : undefined,
        })),
    ),
  );
}

/** Merges the sheet onto the items: each row sets (or, marked 削除, removes) one amount of one entry. */
export function mergeFiscalEffects(table: Table, ctx: MergeContext): void {
  for (const row of table.rows) {
    const item = itemOf(ctx, row);
    const fiscalYear = row.year("fiscal_year");
    const figure = row.choice("figure") as "planned" | "actual" | undefined;
    const kind = row.choice("kind") as FiscalEffect["kind"] | undefined;
    const unit = row.choice("unit") as FiscalEffect["unit"] | undefined;
    for (const [id, v, what] of [
      ["fiscal_year", fiscalYear, "年度"],
      ["figure", figure, "区分（計画・実績）"],
      ["kind", kind, "種別（歳出削減・歳入確保）"],
      ["unit", unit, "単位（円・千円・百万円）"],
    ] as const) {
      if (v === undefined && row.key(id) === undefined) row.error(id, "cell.required", `${what}がありません`);
    }
    if (!item || fiscalYear === undefined || !figure || !kind || !unit) continue;
    const effects = item.fiscalEffects ?? [];
    const at = effects.findIndex((e) => e.fiscalYear === fiscalYear && e.kind === kind);
    const base = at >= 0 ? effects[at] : undefined;
    if (row.isDeleted()) {
      if (!base || base[figure] === undefined) {
        row.note("warning", undefined, "delete.missing", "削除する財政効果額がありません");
        continue;
      }
      const rest: FiscalEffect = { ...base };
      delete rest[figure];
      if (rest.planned === undefined && rest.actual === undefined) effects.splice(at, 1);
      else effects[at] = rest;
      if (effects.length > 0) item.fiscalEffects = effects;
      else delete item.fiscalEffects;
      continue;
    }
    const amount = row.number("amount");
    if (amount === undefined) {
      if (row.key("amount") === undefined) row.error("amount", "cell.required", "金額がありません");
      continue;
    }
    if (amount < 0) {
      row.error(
        "amount",
        "fiscal-effect.negative",
        "財政効果額は0以上の金額です（効果がなかった年度は0、まだ分からない実績は行を作りません）",
        String(amount),
      );
      continue;
    }
    const other = figure === "planned" ? "actual" : "planned";
    if (base && base.unit !== unit && base[other] !== undefined) {
      row.error(
        "unit",
        "fiscal-effect.unit",
        `同じ年度・種別の${other === "planned" ? "計画" : "実績"}は${base.unit}です（同じ単位で書いてください）`,
        unit,
      );
      continue;
    }
    const made: FiscalEffect = { ...(base ?? { fiscalYear, kind }), unit, [figure]: amount };
    const note = row.has("note") ? row.text("note") : undefined;
    if (note !== undefined && note !== "") made.note = note;
    if (base) effects[at] = made;
    else effects.push(made);
    item.fiscalEffects = effects;
  }
}
