/**
 * A finding: something an importer noticed and could not simply store — a disagreement between two
 * documents, a value it could not read, a row under the wrong label. Findings are reported, never hidden.
 */
export type Finding = {
  file: string;
  line?: number | undefined;
  sheet?: string | undefined;
  row?: number | undefined;
  column?: string | undefined;
  /** A stable code for the kind of finding: "value.unreadable", "summary.mismatch", "summary.shifted-row" … */
  code: string;
  /** The field or item concerned, in words (指標「職員提案数」の R1 実績値). */
  subject?: string | undefined;
  expected?: string | undefined;
  found?: string | undefined;
  message: string;
  severity: "error" | "warning" | "info";
};

/** The outcome of reading one or more files into a plan document. */
export type ImportResult<Doc> = { document: Doc; findings: Finding[] };

export function formatFinding(f: Finding): string {
  const where = [
    f.file,
    f.line && `行 ${f.line}`,
    f.sheet && `シート「${f.sheet}」`,
    f.row && `行 ${f.row}`,
    f.column && `列 ${f.column}`,
  ]
    .filter(Boolean)
    .join(" ");
  const ef = [f.expected !== undefined && `期待: ${f.expected}`, f.found !== undefined && `実際: ${f.found}`]
    .filter(Boolean)
    .join(" / ");
  return `${where}: ${f.message}${ef ? `（${ef}）` : ""}`;
}
