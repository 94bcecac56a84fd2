/**
 * The checks a schema cannot make on a staffing document: keys unique, parents resolve, every
 * general-staff unit has a 部門, no total stored as data, peer groups and 部門 known.
 */
import {
  figuresOnGroups,
  findSector,
  findSectorTotal,
  parseGroupLabel,
  peerScheme,
  sectorScheme,
  UnitTree,
  unitsInCycles,
} from "../../domain/staffing/index.ts";
import { describeSource, type StaffingProblem } from "./problems.ts";
import type { Source, StaffingDocument } from "./schema.ts";

/** The checks a schema cannot make; each problem names its JSON path and, when known, its source. */
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
