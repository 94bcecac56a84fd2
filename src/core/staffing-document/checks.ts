/**
 * The checks a schema cannot make on a staffing document: keys unique, parents resolve, every
 * general-staff unit has a 部門, no total stored as data, peer groups and 部門 known.
 */
import {
  figuresOnGroups,
  findSector,
  findSectorTotal,
  groupProblem,
  parseGroupLabel,
  peerScheme,
  sectorScheme,
  UnitTree,
  unitsInCycles,
} from "../../domain/staffing/index.ts";
import { describeSource, type StaffingProblem } from "./problems.ts";
import type { Source, StaffingDocument } from "./schema.ts";

/** Records a problem at a JSON path, with where it came from when known. */
type Add = (path: string, message: string, source?: Source) => void;
type Scheme = NonNullable<ReturnType<typeof sectorScheme>>;

/** The checks a schema cannot make; each problem names its JSON path and, when known, its source. */
export function checkDocument(doc: StaffingDocument): StaffingProblem[] {
  const problems: StaffingProblem[] = [];
  const add: Add = (path, message, source) => problems.push({ path, message, where: describeSource(source) });
  const scheme = sectorScheme(doc.sectorScheme);
  if (!scheme) add("$.sectorScheme", `部門の体系「${doc.sectorScheme}」を知りません`);
  // Each stage needs the one before it to have passed: a tree cannot be built on missing parents or cycles.
  const keys = checkUnits(doc, scheme, add);
  if (problems.length > 0) return problems;
  const tree = new UnitTree(doc.units);
  checkSectorsAssigned(doc, tree, add);
  checkReferencesAndDuplicates(doc, keys, add);
  if (problems.length > 0) return problems;
  checkNoStoredTotals(doc, tree, add);
  if (scheme) checkDiagnoses(doc, scheme, add);
  checkPeerGroups(doc, add);
  problems.push(...checkPlanAndMovements(doc, tree));
  return problems;
}

/** Unit keys unique, parents that exist, 部門 in the scheme, no cycles. Returns each key's index. */
function checkUnits(doc: StaffingDocument, scheme: Scheme | null, add: Add): Map<string, number> {
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
  return keys;
}

/** Every general-staff unit that holds figures has a 部門. */
function checkSectorsAssigned(doc: StaffingDocument, tree: UnitTree, add: Add): void {
  doc.units.forEach((u, i) => {
    if (tree.isLeaf(u.key) && tree.staffClass(u.key) === "general" && tree.sector(u.key) === undefined)
      add(
        `$.units[${i}].sector`,
        `「${u.name}」に部門がありません（一般職の組織は、国の定員管理調査の部門のどれかに割り当てます）`,
        u.source,
      );
  });
}

/** Figures name existing units, and nothing is given twice for the same unit and year. */
function checkReferencesAndDuplicates(doc: StaffingDocument, keys: Map<string, number>, add: Add): void {
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
}

/** Totals are computed: a figure on a group whose parts have figures would be a stored total. */
function checkNoStoredTotals(doc: StaffingDocument, tree: UnitTree, add: Add): void {
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
}

/** The diagnoses: known peer schemes and 類型, rows and totals that the sector scheme has. */
function checkDiagnoses(doc: StaffingDocument, scheme: Scheme, add: Add): void {
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

/** Peer comparisons, classifications and the document's 類型 in schemes gyokaku knows. */
function checkPeerGroups(doc: StaffingDocument, add: Add): void {
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
  if (doc.peerGroup) {
    const ps = peerScheme(doc.peerGroup.scheme);
    const group = parseGroupLabel(doc.peerGroup.group) ?? doc.peerGroup.group;
    const problem = ps
      ? groupProblem(ps, group)
      : `類似団体の区分方式「${doc.peerGroup.scheme}」を知りません`;
    if (problem) add(ps ? "$.peerGroup.group" : "$.peerGroup.scheme", problem, doc.peerGroup.source);
  }
}

/** General staff on 1 April of each year (特別職 left out), summed from the units that hold figures. */
export function generalHeadcounts(
  doc: StaffingDocument,
  tree = new UnitTree(doc.units),
): Map<number, number> {
  const out = new Map<number, number>();
  for (const h of doc.headcounts)
    if (tree.byKey.has(h.unit) && tree.staffClass(h.unit) === "general")
      out.set(h.fiscalYear, (out.get(h.fiscalYear) ?? 0) + h.count);
  return out;
}

/**
 * 定員適正化計画: targets inside the plan period, the base year before every target, scopes that name a unit
 * or a 部門, one base headcount per scope; 退職・採用: leavers never more than the headcount of the year.
 */
function checkPlanAndMovements(doc: StaffingDocument, tree: UnitTree): StaffingProblem[] {
  const problems: StaffingProblem[] = [];
  const add = (path: string, message: string, source?: Source) =>
    problems.push({ path, message, where: describeSource(source) });
  const plan = doc.staffingPlan;
  if (plan) {
    const scheme = sectorScheme(doc.sectorScheme);
    if (plan.fromFiscalYear > plan.toFiscalYear)
      add(
        "$.staffingPlan.toFiscalYear",
        `計画期間の最終年度 ${plan.toFiscalYear} が初年度 ${plan.fromFiscalYear} より前です`,
        plan.source,
      );
    const scopes = new Set<string>();
    plan.lines.forEach((line, i) => {
      const scope = line.scope ?? "";
      if (scopes.has(scope))
        add(
          `$.staffingPlan.lines[${i}].scope`,
          `対象「${line.scope ?? "全体"}」の基準の職員数が二度あります`,
          line.source,
        );
      scopes.add(scope);
      if (
        line.scope !== undefined &&
        !tree.byKey.has(line.scope) &&
        !(scheme && findSector(scheme, line.scope))
      )
        add(
          `$.staffingPlan.lines[${i}].scope`,
          `対象「${line.scope}」は組織のキーでも部門でもありません`,
          line.source,
        );
      const years = new Set<number>();
      line.targets.forEach((t, j) => {
        const at = `$.staffingPlan.lines[${i}].targets[${j}].fiscalYear`;
        if (t.fiscalYear <= plan.baseFiscalYear)
          add(
            at,
            `基準年度 ${plan.baseFiscalYear} が目標の年度 ${t.fiscalYear} より後です（基準年度は目標より前の年度です）`,
            t.source,
          );
        else if (t.fiscalYear < plan.fromFiscalYear || t.fiscalYear > plan.toFiscalYear)
          add(
            at,
            `目標の年度 ${t.fiscalYear} は計画期間（${plan.fromFiscalYear}～${plan.toFiscalYear}年度）の外です`,
            t.source,
          );
        if (years.has(t.fiscalYear))
          add(at, `対象「${line.scope ?? "全体"}」の ${t.fiscalYear}年度の目標が二度あります`, t.source);
        years.add(t.fiscalYear);
      });
    });
  }
  const headcounts = generalHeadcounts(doc, tree);
  const seen = new Set<number>();
  doc.movements.forEach((m, i) => {
    if (seen.has(m.fiscalYear))
      add(`$.movements[${i}].fiscalYear`, `${m.fiscalYear}年度の退職・採用が二度あります`, m.source);
    seen.add(m.fiscalYear);
    const staff = headcounts.get(m.fiscalYear);
    if (m.leavers !== undefined && staff !== undefined && m.leavers > staff)
      add(
        `$.movements[${i}].leavers`,
        `${m.fiscalYear}年度の退職者数 ${m.leavers} が同年度4月1日の職員数 ${staff} より多くなっています`,
        m.source,
      );
  });
  return problems;
}
