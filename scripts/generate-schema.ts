// Writes schema/plan-document.schema.json from the zod schema: npm run schema
import { writeFileSync } from "node:fs";
import { planDocumentJsonSchemaText } from "../src/core/plan-document/json-schema.ts";

writeFileSync(new URL("../schema/plan-document.schema.json", import.meta.url), planDocumentJsonSchemaText());
console.log("schema/plan-document.schema.json を更新しました");
