/**
 * What every document reader (importer) provides. A reader turns one or more files of one layout
 * into a plan document (src/core/plan-document/schema.ts) and a list of findings. It does no I/O:
 * the CLI reads the files and the plans service stores the document in one transaction.
 */

import type { ImportResult } from "./findings.ts";
import type { PlanDocumentInput } from "./plan-document/schema.ts";

export type InputFile = {
  /** The path as given by the user; findings name it. */
  path: string;
  /** The file's text (UTF-8). Spreadsheets are not read through this interface. */
  text: string;
};

export interface DocumentReader {
  /** Stable id, used by `gyokaku import --format ID`: "ebetsu", "sapporo", "chitose", "ward-proposal". */
  id: string;
  /** Japanese name for messages: 「江別市 取組状況（個票・一覧）」 */
  label: string;
  /** Whether the file looks like this layout. Must be cheap and never throw. */
  detect(file: InputFile): boolean;
  /** Reads all the files given for this layout (Ebetsu: the sheets and the summary together). */
  read(files: InputFile[]): ImportResult<PlanDocumentInput>;
}
