/**
 * Imports across a municipality's data (issue 17, finding "cross-tenant renames"): importing one plan says
 * which departments it renames and which other plans show them; a staffing import never renames the
 * municipality.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { OpenDatabase } from "../db/database.ts";
import { importStaffingDocuments } from "../staffing/staffing.service.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { sampleStaffingDocument } from "../testing/staffing-documents.ts";
import { describeRenames, getPlan, importDocuments } from "./plans.service.ts";

describe("imports that touch what other plans show", () => {
  let open: OpenDatabase;
  let sampleId: string;
  before(async () => {
    open = await openTestDatabase();
    sampleId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
  });
  after(async () => open.close());

  test("importing another plan that renames a department says so, naming the plans that show it", async () => {
    const other = samplePlanDocument({ key: "other", title: "別の計画" });
    other.departments!.find((d) => d.key === "職員課")!.name = "人事課";
    const [stored] = await importDocuments(open.db, [other]);
    assert.deepEqual(stored!.renamedDepartments, [
      { key: "職員課", from: "職員課", to: "人事課", otherPlans: ["sample テスト行政改革計画"] },
    ]);
    assert.match(describeRenames(stored!.renamedDepartments)[0]!, /職員課 → 人事課.*ほかの計画 sample/);
    // The departments are the municipality's: the first plan shows the new name too, and that was said.
    const first = await getPlan(open.db, sampleId);
    assert.equal(first!.departments.find((d) => d.key === "職員課")!.name, "人事課");
    const again = await importDocuments(open.db, [other]);
    assert.deepEqual(again[0]!.renamedDepartments, [], "nothing renamed the second time");
  });

  test("a staffing import does not rename the municipality", async () => {
    const staffing = sampleStaffingDocument();
    staffing.municipality.name = "別の名前市";
    await importStaffingDocuments(open.db, [{ document: staffing }]);
    const row = await open.db
      .selectFrom("municipalities")
      .select("name")
      .where("municipality_code", "=", "012173")
      .executeTakeFirstOrThrow();
    assert.equal(row.name, "江別市");
  });
});
