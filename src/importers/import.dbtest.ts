// The seed documents through the readers into the store and back out: nothing is lost on the way.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { isAppError } from "../core/errors.ts";
import type { OpenDatabase } from "../db/database.ts";
import { seedFiles } from "../demo/seeds.ts";
import { exportDocument } from "../plans/plans.service.ts";
import { openTestDatabase } from "../testing/db.ts";
import { importFiles, readFiles } from "./import.service.ts";

const files = () => seedFiles().map((path) => ({ path, bytes: readFileSync(path) }));
const skip = seedFiles().length >= 5 ? false : "the seed documents (../shared/seeds) are not at hand";

describe("importing the seed documents", { skip }, () => {
  let open: OpenDatabase;
  before(async () => {
    open = await openTestDatabase();
  });
  after(async () => open.close());

  test("all five files in one import: four plans, layouts detected, stored and exported unchanged", async () => {
    const outcome = await importFiles(open.db, files());
    const byCode = outcome.stored.map((s) => `${s.municipalityCode}/${s.key}`).sort();
    assert.equal(byCode.length, 4);
    assert.ok(byCode.includes("012173/ebetsu-gyokaku-2019"));
    const ebetsu = outcome.stored.find((s) => s.municipalityCode === "012173")!;
    assert.equal(ebetsu.indicators, 29);
    for (const doc of outcome.documents) {
      const back = await exportDocument(open.db, `${doc.municipality.code}/${doc.plan.key}`);
      assert.deepEqual(back, doc, `${doc.plan.title} comes back as it was read`);
    }
    assert.ok(outcome.findings.every((f) => f.file && f.message));
  });

  test("a wrong layout forced with --format is refused and nothing is stored", async () => {
    const before = await open.db.selectFrom("plans").select("id").execute();
    const ebetsuSheets = files().find((f) => f.path.includes("000_"))!;
    assert.throws(
      () => readFiles([ebetsuSheets], "chitose"),
      (e: unknown) => isAppError(e, "invalid_document"),
    );
    assert.throws(
      () => readFiles([{ path: "x.bin", bytes: new Uint8Array([0x50, 0x4b, 0, 1, 2]) }]),
      /テキストではありません/,
    );
    assert.throws(() => readFiles([{ path: "empty.txt", bytes: new Uint8Array() }]), /空です/);
    assert.throws(
      () => readFiles([{ path: "unknown.txt", bytes: new TextEncoder().encode("こんにちは\n") }]),
      (e: unknown) =>
        isAppError(e, "invalid_document") && /^unknown\.txt: 様式を判別できません。$/.test(e.message),
      "the service names no command-line option: each adapter says how to choose the format",
    );
    assert.throws(() => readFiles([ebetsuSheets], "nope"), /知らない形式/);
    assert.equal((await open.db.selectFrom("plans").select("id").execute()).length, before.length);
  });

  test("a truncated file among good ones stores none of them", async () => {
    const all = files();
    const sapporo = all.find((f) => f.path.includes("002_"))!;
    const cut = {
      path: "cut-002.txt",
      bytes: sapporo.bytes.subarray(0, Math.floor(sapporo.bytes.length / 3)),
    };
    const fresh = await openTestDatabase();
    try {
      await assert.rejects(importFiles(fresh.db, [all.find((f) => f.path.includes("003_"))!, cut]));
      assert.equal((await fresh.db.selectFrom("plans").select("id").execute()).length, 0);
    } finally {
      await fresh.close();
    }
  });
});

describe("importing a plan workbook", () => {
  test("a changed cell updates, a new row adds, a second import adds nothing, errors name the cell", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const { writePlanWorkbook } = await import("../core/plan-workbook/index.ts");
    const { samplePlanDocument } = await import("../testing/factories.ts");
    const { importDocuments } = await import("../plans/plans.service.ts");
    const open = await openTestDatabase();
    try {
      await importDocuments(open.db, [samplePlanDocument()]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await writePlanWorkbook(await exportDocument(open.db, "012173/sample"))) as never);
      const sheet = wb.getWorksheet("実績値")!;
      const header = (sheet.getRow(1).values as unknown[]).map(String);
      const col = (name: string) => header.indexOf(name);
      // Change the FY2020 follower count and add a FY2022 row by hand, as a person would.
      sheet.eachRow((row, n) => {
        if (
          n > 1 &&
          row.getCell(col("年度")).value === 2020 &&
          row.getCell(col("指標キー")).value === "1-1-1-i1"
        ) {
          row.getCell(col("記載")).value = "7,000";
        }
      });
      const added = sheet.addRow([]);
      added.getCell(col("指標キー")).value = "1-1-1-i1";
      added.getCell(col("年度")).value = 2022;
      added.getCell(col("記載")).value = "26,684";
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      const file = { path: "edited.xlsx", bytes };
      await importFiles(open.db, [file]);
      await importFiles(open.db, [file]);
      const doc = await exportDocument(open.db, "012173/sample");
      const actuals = doc.items[0]!.children[0]!.children[0]!.indicators[0]!.actuals;
      assert.equal(actuals.find((a) => a.fiscalYear === 2020)?.number, 7000);
      assert.equal(actuals.filter((a) => a.fiscalYear === 2022).length, 1);
      assert.equal(actuals.find((a) => a.fiscalYear === 2022)?.number, 26684);

      added.getCell(col("年度")).value = "去年";
      const bad = { path: "bad.xlsx", bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
      await assert.rejects(importFiles(open.db, [bad]), (e: unknown) => {
        assert.ok(isAppError(e, "invalid_document"));
        assert.match(
          e.message + e.findings.map((f) => `${f.sheet} ${f.row} ${f.column}`).join(" "),
          /実績値/,
        );
        return true;
      });
    } finally {
      await open.close();
    }
  });
});
