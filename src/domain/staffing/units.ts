/**
 * Organisation units (部局, 部, 課, 委員会 …) as a tree, and figures per unit and fiscal year
 * (headcount on 1 April, quota). A figure is recorded on the unit that owns it; the figure of a group is
 * always computed from its parts, never stored, so a table can never disagree with itself. What a
 * document printed for a group is kept apart (a printed total) and checked against the computed sum.
 */

export type StaffClass = "general" | "special";

export type OrgUnit = {
  key: string;
  name: string;
  parent?: string | undefined;
  /** 部門 of the national survey; required on general-staff units without sub-units. */
  sector?: string | undefined;
  /** 一般職 (counted in the totals and the survey) or 特別職 (市長, 副市長 …: shown apart). */
  staffClass?: StaffClass | undefined;
};

/** One number for one unit and fiscal year: a headcount (職員数) or a quota (定数). */
export type UnitFigure = { unit: string; fiscalYear: number; value: number };

/** What a document printed for a group, to be checked against the sum of its parts. */
export type PrintedTotal = UnitFigure & { label?: string | undefined };

export type TotalDiscrepancy = {
  unit: string;
  unitName: string;
  fiscalYear: number;
  printed: number;
  /** null: none of the group's parts has a figure that year. */
  computed: number | null;
};

export class UnitTree {
  readonly byKey: Map<string, OrgUnit>;
  readonly childrenOf: Map<string | undefined, OrgUnit[]>;

  constructor(readonly units: OrgUnit[]) {
    this.byKey = new Map(units.map((u) => [u.key, u]));
    this.childrenOf = new Map();
    for (const u of units) {
      const list = this.childrenOf.get(u.parent) ?? [];
      list.push(u);
      this.childrenOf.set(u.parent, list);
    }
  }

  get roots(): OrgUnit[] {
    return this.childrenOf.get(undefined) ?? [];
  }

  children(key: string): OrgUnit[] {
    return this.childrenOf.get(key) ?? [];
  }

  isLeaf(key: string): boolean {
    return this.children(key).length === 0;
  }

  /** Depth-first, parents before children, in document order. */
  *walk(from: OrgUnit[] = this.roots, depth = 0): Generator<{ unit: OrgUnit; depth: number }> {
    for (const unit of from) {
      yield { unit, depth };
      yield* this.walk(this.children(unit.key), depth + 1);
    }
  }

  ancestors(key: string): OrgUnit[] {
    const out: OrgUnit[] = [];
    let u = this.byKey.get(key);
    const seen = new Set<string>();
    while (u?.parent !== undefined && !seen.has(u.parent)) {
      seen.add(u.parent);
      u = this.byKey.get(u.parent);
      if (u) out.push(u);
    }
    return out;
  }

  /** The staff class of a unit: its own, else its nearest ancestor's, else general. */
  staffClass(key: string): StaffClass {
    const u = this.byKey.get(key);
    if (u?.staffClass) return u.staffClass;
    return this.ancestors(key).find((a) => a.staffClass)?.staffClass ?? "general";
  }

  /** The 部門 of a unit: its own, else its nearest ancestor's. */
  sector(key: string): string | undefined {
    const u = this.byKey.get(key);
    return u?.sector ?? this.ancestors(key).find((a) => a.sector)?.sector;
  }
}

/** Unit keys that appear in a parent chain twice (a cycle), for validation. */
export function unitsInCycles(units: OrgUnit[]): string[] {
  const byKey = new Map(units.map((u) => [u.key, u]));
  const out: string[] = [];
  for (const u of units) {
    const seen = new Set<string>([u.key]);
    let p = u.parent;
    while (p !== undefined) {
      if (seen.has(p)) {
        out.push(u.key);
        break;
      }
      seen.add(p);
      p = byKey.get(p)?.parent;
    }
  }
  return out;
}

/**
 * Totals per unit and fiscal year: a unit's own figure, or else the sum of its children's totals
 * (undefined when no part has a figure that year: the unit did not exist or was not reported).
 * @example 市長部局 2025 = 企画部 67 + 総務部 94 + … + 会計室 7 = 533
 */
export function computeTotals(tree: UnitTree, figures: UnitFigure[]): Map<string, Map<number, number>> {
  const own = new Map<string, Map<number, number>>();
  for (const f of figures) {
    const m = own.get(f.unit) ?? new Map<number, number>();
    m.set(f.fiscalYear, f.value);
    own.set(f.unit, m);
  }
  const years = [...new Set(figures.map((f) => f.fiscalYear))];
  const totals = new Map<string, Map<number, number>>();
  const visit = (u: OrgUnit): Map<number, number> => {
    const done = totals.get(u.key);
    if (done) return done;
    const m = new Map<number, number>();
    totals.set(u.key, m); // guards against cycles, which validation refuses anyway
    const kids = tree.children(u.key).map(visit);
    for (const fy of years) {
      const mine = own.get(u.key)?.get(fy);
      if (mine !== undefined) {
        m.set(fy, mine);
        continue;
      }
      let sum: number | undefined;
      for (const k of kids) {
        const v = k.get(fy);
        if (v !== undefined) sum = (sum ?? 0) + v;
      }
      if (sum !== undefined) m.set(fy, sum);
    }
    return m;
  };
  for (const u of tree.units) visit(u);
  return totals;
}

/**
 * Figures recorded on a group whose parts also have figures that year: the group's number would be a
 * stored total. Each is returned with the parts that hold figures.
 */
export function figuresOnGroups(
  tree: UnitTree,
  figures: UnitFigure[],
): { figure: UnitFigure; parts: string[] }[] {
  const has = new Set(figures.map((f) => `${f.unit}\u0000${f.fiscalYear}`));
  const out: { figure: UnitFigure; parts: string[] }[] = [];
  const descendantsWith = (key: string, fy: number): string[] =>
    tree
      .children(key)
      .flatMap((c) => (has.has(`${c.key}\u0000${fy}`) ? [c.key] : descendantsWith(c.key, fy)));
  for (const f of figures) {
    const parts = descendantsWith(f.unit, f.fiscalYear);
    if (parts.length > 0) out.push({ figure: f, parts });
  }
  return out;
}

/**
 * Printed totals that disagree with the sum of their parts.
 * @example printed 一般職 2025 = 1,104 against 533 + 310 + 136 + 50 + 75 → no discrepancy
 */
export function checkPrintedTotals(
  tree: UnitTree,
  figures: UnitFigure[],
  printed: PrintedTotal[],
): TotalDiscrepancy[] {
  const totals = computeTotals(tree, figures);
  const out: TotalDiscrepancy[] = [];
  for (const p of printed) {
    const computed = totals.get(p.unit)?.get(p.fiscalYear);
    if (computed === p.value) continue;
    out.push({
      unit: p.unit,
      unitName: tree.byKey.get(p.unit)?.name ?? p.unit,
      fiscalYear: p.fiscalYear,
      printed: p.value,
      computed: computed ?? null,
    });
  }
  return out;
}

/**
 * Headcount by 部門 for one year, from the units' own figures and their 部門 (a unit without one takes
 * its nearest ancestor's). Special staff (特別職) are left out, as the survey leaves them out.
 */
export function figuresBySector(
  tree: UnitTree,
  figures: UnitFigure[],
  fiscalYear: number,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of figures) {
    if (f.fiscalYear !== fiscalYear || tree.staffClass(f.unit) === "special") continue;
    const sector = tree.sector(f.unit) ?? "（部門なし）";
    out.set(sector, (out.get(sector) ?? 0) + f.value);
  }
  return out;
}
