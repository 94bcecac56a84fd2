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
