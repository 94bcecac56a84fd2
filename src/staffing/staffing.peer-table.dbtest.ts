/**
 * One national 類似団体別職員数 table per 類型 and year, imported once under the shared reference scope and
 * used by every municipality of that 類型: two made-up towns diagnosed from it through the service, the web
 * and the command line; bad input stores nothing.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { listMunicipalities } from "../auth/auth.repository.ts";
import type { OpenDatabase } from "../db/database.ts";
import { SHARED_REFERENCE_CODE } from "../domain/municipality-code.ts";
import { signIn } from "../testing/auth.ts";
import { cliSandbox, cliSkip } from "../testing/cli.ts";
import { openTestDatabase, testDatabaseKind } from "../testing/db.ts";
import { madeUpPeerTable, madeUpTownWithoutDiagnosis } from "../testing/staffing-town.ts";
import { createApp } from "../web/app.tsx";
import {
  getStaffing,
  importStaffingFiles,
  listPeerTables,
  renderReport,
  writePeerTableWorkbook,
} from "./staffing.service.ts";

const file = (path: string, value: unknown) => ({ path, bytes: Buffer.from(JSON.stringify(value)) });

/** 架空村: the same town's figures, its 類型 classified from population and industry shares (IV-1). */
function village() {
  return {
    ...madeUpTownWithoutDiagnosis("019984", "架空村"),
    peerGroup: undefined,
    classifications: [
      {
        fiscalYear: 2025,
        scheme: "ruiji-shokuin-town",
        population: 16_000,
        shares: { secondaryTertiaryPercent: 85, tertiaryPercent: 50 },
      },
    ],
  };
}

describe(`shared peer tables on ${testDatabaseKind()}`, () => {
  let open: OpenDatabase;
  before(async () => {
    open = await openTestDatabase();
  });
  after(() => open.close());

  test("a table with an unknown 類型 stores nothing, not even the town beside it", async () => {
    const bad = { ...madeUpPeerTable(), group: "IV-7" };
    await assert.rejects(
      importStaffingFiles(open.db, [file("town.json", madeUpTownWithoutDiagnosis()), file("peer.json", bad)]),
      /peer\.json.*類型「IV-7」は類似団体別職員数の状況（町村 15類型）にありません/s,
    );
    assert.equal(await getStaffing(open.db, "019992"), null);
    assert.deepEqual(await listPeerTables(open.db), []);
  });

  test("imported once, it serves both towns of the 類型", async () => {
    const r = await importStaffingFiles(open.db, [
      file("peer.json", madeUpPeerTable()),
      file("town.json", madeUpTownWithoutDiagnosis()),
      file("village.json", village()),
    ]);
    assert.deepEqual(
      r.peerTables.map((t) => [t.scheme, t.group, t.fiscalYear]),
      [["ruiji-shokuin-town", "IV-1", 2025]],
    );
    const tables = await listPeerTables(open.db);
    assert.equal(tables.length, 1);
    for (const code of ["019992", "019984"]) {
      const doc = (await getStaffing(open.db, code))!;
      const html = (
        await renderReport(doc, "diagnosis", "html", 2025, { peerTables: tables })
      ).bytes.toString();
      assert.match(
        html,
        /<th scope="row">普通会計計<\/th><td class="num">191<\/td><td class="num">189<\/td><td class="num neg">▲2<\/td><td class="num">151<\/td><td class="num">38<\/td><td class="num">20\.1<\/td>/,
      );
    }
    // Imported again, from its workbook, it replaces itself: still one table, the same figures.
    const xlsx = await writePeerTableWorkbook(tables[0]!);
    const again = await importStaffingFiles(open.db, [{ path: "peer.xlsx", bytes: xlsx }]);
    assert.equal(again.peerTables.length, 1);
    assert.deepEqual(await listPeerTables(open.db), tables);
  });

  test("the shared scope is no municipality in the list of municipalities", async () => {
    const codes = (await listMunicipalities(open.db)).map((m) => m.municipality_code);
    assert.ok(codes.includes("019992"));
    assert.ok(!codes.includes(SHARED_REFERENCE_CODE));
  });

  test("the web: the diagnosis from the shared table; a year without one says why", async () => {
    const me = await signIn(open.db, "viewer", { municipalityCode: "019984" });
    const get = (path: string) => createApp(open).request(path, { headers: { cookie: me.cookie } });
    const page = await get("/staffing/019984/diagnosis?fy=2025");
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /人口と産業構造から判定した類型/);
    assert.match(
      html,
      /<th scope="row">総務・企画<\/th><td class="num">76<\/td><td class="num">75<\/td><td class="num neg">▲1<\/td><td class="num">65<\/td><td class="num">10<\/td><td class="num">13\.3<\/td><td class="num">69<\/td><td class="num">6<\/td><td class="num">8\.0<\/td>/,
    );
    const missing = await get("/staffing/019984/diagnosis?fy=2024");
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /2024年度の類似団体別職員数の表が取り込まれていません/);
  });
});

describe("staffing report for a year without data, on the command line", { skip: cliSkip() }, () => {
  const box = cliSandbox("staffing-peer");
  after(() => box.cleanup());

  test("says so and exits non-zero; the year that has data is written", async () => {
    const town = join(box.dir, "town.json");
    const peer = join(box.dir, "peer.json");
    writeFileSync(town, JSON.stringify(madeUpTownWithoutDiagnosis()));
    writeFileSync(peer, JSON.stringify(madeUpPeerTable()));
    const imported = await box.gyokaku("staffing", "import", town, peer);
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /類似団体別職員数 IV-1（ruiji-shokuin-town）2025年度/);
    const out = join(box.dir, "d.html");
    const args = ["staffing", "report", "--municipality", "019992", "--kind", "diagnosis", "--out", out];
    const none = await box.gyokaku(...args, "--fy", "2024");
    assert.notEqual(none.code, 0);
    assert.match(none.err, /2024年度の定員管理診断表のデータがありません/);
    const done = await box.gyokaku(...args, "--fy", "2025");
    assert.equal(done.code, 0, done.err);
  });
});
