import type { InputFile } from "../../core/document-reader.ts";
import { singleFileReader } from "../text-input.ts";
import { readWardProposal } from "./read.ts";

/** The proposal's title on its first lines. */
function detect(file: InputFile): boolean {
  const head = file.text.slice(0, 3000);
  return head.includes("区役所機能・整備") && head.includes("提案書");
}

export const wardProposalReader = singleFileReader({
  id: "ward-proposal",
  label: "札幌市 区役所機能・整備の在り方 提案書",
  detect,
  read: readWardProposal,
});
