/** Helpers for the Ebetsu reader's tests: the seeds from disk, and looking things up in the result. */
import assert from "node:assert/strict";
import type { InputFile } from "../core/document-reader.ts";
import type { Finding } from "../core/findings.ts";
import { parsePlanDocument } from "../core/plan-document/document.ts";
import type { Indicator, Item, PlanDocument } from "../core/plan-document/schema.ts";
import { planDocumentSchema } from "../core/plan-document/schema.ts";
import { ebetsuReader } from "../importers/ebetsu/index.ts";
import { readSeed, seedsSkip } from "./seeds.ts";

export const SHEETS = "000_";
export const SUMMARY = "001_";
export const skipBoth = seedsSkip(SHEETS) || seedsSkip(SUMMARY);

export function seed(prefix: string): InputFile {
  const s = readSeed(prefix);
  assert.ok(s, `seed ${prefix}`);
  return s;
}

/** The seed with one line changed, for tests that need a value missing or wrong. */
export function editSeed(prefix: string, line: number, edit: (text: string) => string): InputFile {
  const s = seed(prefix);
  const lines = s.text.split("\n");
  lines[line - 1] = edit(lines[line - 1]!);
  return { path: s.path, text: lines.join("\n") };
}

export function read(files: InputFile[]): { doc: PlanDocument; findings: Finding[] } {
  const { document, findings } = ebetsuReader.read(files);
  const doc = planDocumentSchema.parse(document);
  parsePlanDocument(document);
  return { doc, findings };
}

export function items(doc: PlanDocument): Item[] {
  const walk = (list: Item[]): Item[] => list.flatMap((i) => [i, ...walk(i.children)]);
  return walk(doc.items);
}

export function leaves(doc: PlanDocument): Item[] {
  return doc.items.flatMap((g) => g.children.flatMap((p) => p.children));
}

export function indicators(doc: PlanDocument): Indicator[] {
  return leaves(doc).flatMap((i) => i.indicators);
}

export function indicator(doc: PlanDocument, key: string): Indicator {
  const found = indicators(doc).find((i) => i.key === key);
  assert.ok(found, `indicator ${key}`);
  return found;
}

/** The actuals of one series as "year=text", in year order. */
export function actuals(ind: Indicator, series?: string): string[] {
  return ind.actuals.filter((a) => a.series === series).map((a) => `${a.fiscalYear}=${a.text}`);
}
