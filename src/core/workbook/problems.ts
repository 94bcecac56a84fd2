/** The findings of reading a workbook: each names the sheet, the row and the column it is about. */
import type { Finding } from "../findings.ts";

export type Place = { sheet?: string | undefined; row?: number; column?: string; header?: string };

/** 「シート「実績値」 5行 D列（年度）」: where a finding is, as the plan workbook's messages print it. */
export function where(f: Pick<Finding, "sheet" | "row" | "column" | "subject">): string {
  return [
    f.sheet === undefined ? "" : `シート「${f.sheet}」`,
    f.row === undefined ? "" : ` ${f.row}行`,
    f.column === undefined ? "" : ` ${f.column}列`,
    f.subject === undefined ? "" : `（${f.subject}）`,
  ].join("");
}

/** The findings of one reading; errors refuse the whole workbook at the end, warnings are reported. */
export class Problems {
  readonly findings: Finding[] = [];
  constructor(readonly file: string) {}

  add(severity: Finding["severity"], code: string, at: Place, message: string, found?: string) {
    this.findings.push({
      file: this.file,
      sheet: at.sheet,
      row: at.row,
      column: at.column,
      subject: at.header,
      code,
      message,
      found,
      severity,
    });
  }
  error(code: string, at: Place, message: string, found?: string) {
    this.add("error", code, at, message, found);
  }
  get errors(): Finding[] {
    return this.findings.filter((f) => f.severity === "error");
  }
}
