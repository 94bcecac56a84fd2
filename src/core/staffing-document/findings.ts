/** What a valid staffing document shows that deserves a look, as findings naming the source's place. */
import {
  checkDiagnosisTotals,
  checkMovements,
  checkPrintedTotals,
  classifyPeerGroup,
  diagnose,
  findSectorTotal,
  parseGroupLabel,
  peerScheme,
  sectorScheme,
  UnitTree,
} from "../../domain/staffing/index.ts";
import type { Finding } from "../findings.ts";
import { generalHeadcounts } from "./checks.ts";
import type { Source, StaffingDocument } from "./schema.ts";

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
  for (const m of checkMovements(generalHeadcounts(doc, tree), doc.movements)) {
    const src = doc.movements.find((x) => x.fiscalYear === m.fiscalYear)?.source;
    out.push(
      finding(
        {
          code: "staffing.movement-mismatch",
          subject: `${m.fiscalYear}年度4月1日の職員数`,
          expected: String(m.expected),
          found: String(m.actual),
          message: `${m.fiscalYear}年度の職員数 ${m.actual} が、前年度の職員数 ${m.previous} − 前年度の退職者 ${m.leavers} + 採用者 ${m.hires} = ${m.expected} と一致しません`,
          severity: "warning",
          source: src,
        },
        file,
      ),
    );
  }
  // In the order of the source, as a reader goes through it.
  const at = (f: Finding) => [f.file, f.sheet ?? "", f.line ?? f.row ?? 0] as const;
  return out.sort((a, b) => {
    const [fa, sa, la] = at(a);
    const [fb, sb, lb] = at(b);
    return fa.localeCompare(fb) || sa.localeCompare(sb) || la - lb;
  });
}
