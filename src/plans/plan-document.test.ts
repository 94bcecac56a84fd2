import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import Ajv2020 from "ajv/dist/2020.js";
import { isAppError } from "../core/errors.ts";
import { parsePlanDocumentText } from "../core/plan-document/document.ts";
import { planDocumentJsonSchemaText } from "../core/plan-document/json-schema.ts";
import { demoDocuments } from "../demo/demo.service.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { repoRoot } from "../testing/seeds.ts";

const committed = readFileSync(join(repoRoot, "schema/plan-document.schema.json"), "utf8");

test("the committed JSON Schema is the one generated from the zod schema (npm run schema)", () => {
  assert.equal(committed, planDocumentJsonSchemaText());
});

test("the JSON Schema accepts the sample and demo documents and refuses a broken one", () => {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(committed));
  for (const doc of [samplePlanDocument(), ...demoDocuments()]) {
    assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 3)));
  }
  const bad = samplePlanDocument();
  // biome-ignore lint/suspicious/noExplicitAny: breaking it on purpose
  (bad.plan as any).periodStart = "2019";
  assert.equal(validate(bad), false);
});

test("a JSON syntax error names line and column", () => {
  assert.throws(
    () => parsePlanDocumentText('{\n  "format": "gyokaku.plan-document/1",\n  oops\n}', "x.json"),
    (e: unknown) => isAppError(e, "invalid_document") && /3行/.test(e.message) && /x\.json/.test(e.message),
  );
});

test("a document of another format is refused at $.format", () => {
  assert.throws(() => parsePlanDocumentText('{"format": "other/2"}'), /\$\.format/);
});
