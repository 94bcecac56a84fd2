/** The JSON Schema of the plan document, generated from the zod schema (the single source). */
import { z } from "zod";
import { PLAN_DOCUMENT_FORMAT, planDocumentSchema } from "./schema.ts";

export function planDocumentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(planDocumentSchema, {
    io: "input",
    cycles: "ref",
    reused: "inline",
    unrepresentable: "any",
  });
  optionalKind(schema);
  return {
    ...schema,
    $id: `urn:gyokaku:schema:${PLAN_DOCUMENT_FORMAT}`,
    title: "gyokaku plan document",
    description:
      "A whole administrative-reform plan of one municipality: its tree of items, departments, indicators with baselines, targets and actuals by fiscal year, progress narratives and activities. See docs/plan-document.md.",
  };
}

export function planDocumentJsonSchemaText(): string {
  return `${JSON.stringify(planDocumentJsonSchema(), null, 2)}\n`;
}

/**
 * A baseline, target or actual may be given as its text alone: gyokaku reads the text before validating
 * (fill.ts), so `kind` is required by the zod schema but not of the person writing the document.
 */
function optionalKind(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) optionalKind(n);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const o = node as { properties?: Record<string, unknown>; required?: string[] };
  if (o.properties?.text && o.properties.kind && o.properties.unreadable && o.required) {
    o.required = o.required.filter((r) => r !== "kind");
  }
  for (const v of Object.values(node)) optionalKind(v);
}
