import assert from "node:assert/strict";
import { test } from "node:test";
import type { ReportModel } from "./build-report.ts";
import { keptReportFile } from "./report-files.ts";

const model = () => ({ kind: "summary", model: {} }) as unknown as ReportModel;

test("a report's file is made once per model and format; requests while it is made wait for it", async () => {
  let made = 0;
  const make = async () => {
    made++;
    await new Promise((done) => setImmediate(done));
    return { body: Buffer.from(`file ${made}`) };
  };
  const a = model();
  const [first, second] = await Promise.all([keptReportFile(a, "pdf", make), keptReportFile(a, "pdf", make)]);
  assert.equal(made, 1);
  assert.equal(first, second);
  assert.equal(await keptReportFile(a, "pdf", make), first);
  // another format of the same model, and the same format of a new model (the plan changed): made anew
  await keptReportFile(a, "xlsx", make);
  assert.equal(made, 2);
  const b = model();
  const other = await keptReportFile(b, "pdf", make);
  assert.equal(made, 3);
  assert.notEqual(other, first);
});

test("a file that failed to be made is not kept: the next request makes it again", async () => {
  const a = model();
  await assert.rejects(
    keptReportFile(a, "pdf", async () => {
      throw new Error("Chromium stopped");
    }),
  );
  const file = await keptReportFile(a, "pdf", async () => ({ body: "ok" }));
  assert.equal(file.body, "ok");
});
