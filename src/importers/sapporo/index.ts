import type { InputFile } from "../../core/document-reader.ts";
import { singleFileReader } from "../text-input.ts";
import { readSapporo } from "./read.ts";

/** The chapter's own heading (the cover spells it 行政財政運営の取組) and its list of 取組方針. */
function detect(file: InputFile): boolean {
  const head = file.text.slice(0, 8000);
  return (
    /行(?:政)?財政運営の取組/.test(head) && /取組方針\s*\d/.test(head) && head.includes("行政運営の取組")
  );
}

export const sapporoReader = singleFileReader({
  id: "sapporo",
  label: "札幌市 アクションプラン 行財政運営の取組",
  detect,
  read: readSapporo,
});
