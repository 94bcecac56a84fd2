/** The document readers gyokaku knows, in the order they are tried when detecting a layout. */

import type { DocumentReader } from "../core/document-reader.ts";
import { chitoseReader } from "./chitose/index.ts";
import { ebetsuReader } from "./ebetsu/index.ts";
import { sapporoReader } from "./sapporo/index.ts";
import { wardProposalReader } from "./ward-proposal/index.ts";

export const readers: DocumentReader[] = [ebetsuReader, sapporoReader, chitoseReader, wardProposalReader];

export function readerById(id: string): DocumentReader | undefined {
  return readers.find((r) => r.id === id);
}
