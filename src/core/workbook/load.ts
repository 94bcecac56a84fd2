/**
 * Opening an xlsx file that a person gives back: the old .xls format and files that are not xlsx at all
 * are told apart, so the message can say what to do.
 */
import type ExcelJS from "exceljs";
import { newWorkbook } from "../xlsx.ts";
import { checkXlsxLimits } from "./zip-limits.ts";

export type LoadFailure = { code: "file.xls" | "file.not-xlsx" | "file.corrupt"; detail?: string };

/** Whether bytes (or a file name) look like an xlsx file: a zip archive, "PK\x03\x04". */
export function looksLikeXlsx(path: string, bytes: Uint8Array): boolean {
  return (
    path.toLowerCase().endsWith(".xlsx") ||
    (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
  );
}

/**
 * Only values are read. A drop-down list a person stretched over a whole column would otherwise be expanded
 * by exceljs into a million cells.
 */
export const LOAD_OPTIONS = { ignoreNodes: ["dataValidations", "conditionalFormatting"] };

/** Opens an xlsx; one over the limits of zip-limits.ts is refused (AppError too_large) before exceljs reads it. */
export async function loadWorkbook(
  bytes: Uint8Array,
  file?: string,
): Promise<{ workbook: ExcelJS.Workbook } | { failure: LoadFailure }> {
  const head = Buffer.from(bytes.subarray(0, 4)).toString("hex");
  if (head === "d0cf11e0") return { failure: { code: "file.xls" } };
  if (head !== "504b0304") return { failure: { code: "file.not-xlsx" } };
  checkXlsxLimits(bytes, file);
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer, LOAD_OPTIONS);
  } catch (e) {
    return { failure: { code: "file.corrupt", detail: (e as Error).message } };
  }
  return { workbook: wb };
}
