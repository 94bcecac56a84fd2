// The reports' HTML made in a worker thread is the same text, byte for byte, as the HTML made in the request's
// thread: the body of a report page (with and without the reviewer's links) and the print documents.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { parsePlanDocument } from "../core/plan-document/document.ts";
import { closeWorkers } from "../core/workers/pool.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { buildReport } from "./build-report.ts";
import { evaluatePlan } from "./evaluation.ts";
import { printHtmlOffThread, printHtmlPartsOffThread, reportBodyHtmlOffThread } from "./html-off-thread.ts";
import { REPORT_KINDS } from "./report.model.ts";
import { printHtml, printHtmlParts } from "./views/report.view.tsx";
import { reportBodyHtml } from "./views/report-body.tsx";

after(closeWorkers);

const planId = "00000000-0000-4000-8000-0000000000aa";

/**
 * The HTML with the charts' element ids made alike: a chart drawn before in the same thread is reused with ids
 * of its own (src/core/charts/indicator-chart.ts), so the ids depend on what the thread drew before.
 */
const same = (html: string) => html.replace(/\bzr\d+-[a-z]*-?\d+/g, "zr-id");
const sameAll = (parts: string[]) => parts.map(same);

for (const kind of REPORT_KINDS)
  test(`${kind}: the same HTML from the worker thread`, async () => {
    const report = buildReport(kind, evaluatePlan(parsePlanDocument(samplePlanDocument()), 2021));
    for (const canJudge of [true, false]) {
      const inline = await reportBodyHtml(report, { planId, canJudge });
      assert.ok(inline.length > 500);
      assert.equal(same(await reportBodyHtmlOffThread(report, { planId, canJudge })), same(inline));
    }
    assert.equal(same(await printHtmlOffThread(report)), same(await printHtml(report)));
    assert.deepEqual(sameAll(await printHtmlPartsOffThread(report)), sameAll(await printHtmlParts(report)));
    const inParts = await printHtmlParts(report, 1);
    if (kind === "sheets") assert.ok(inParts.length > 1);
    assert.deepEqual(sameAll(await printHtmlPartsOffThread(report, 1)), sameAll(inParts));
  });

test("the reviewer's links are in the body made in the worker only for a reader who may judge", async () => {
  const report = buildReport("summary", evaluatePlan(parsePlanDocument(samplePlanDocument()), 2021));
  const link = `/plans/${planId}/reports/judgements/new?`;
  assert.ok((await reportBodyHtmlOffThread(report, { planId, canJudge: true })).includes(link));
  assert.ok(!(await reportBodyHtmlOffThread(report, { planId, canJudge: false })).includes(link));
});
