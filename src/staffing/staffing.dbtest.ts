import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  staffingImportCommand,
  staffingReportCommand,
  staffingTemplateCommand,
} from "../cli/commands/staffing.ts";
import type { CommandIo } from "../cli/io.ts";
import { isAppError } from "../core/errors.ts";
import { closeBrowser } from "../core/pdf/pdf.ts";
import type { StaffingDocument } from "../core/staffing-document/index.ts";
import { parseStaffingDocument } from "../core/staffing-document/index.ts";
import type { OpenDatabase } from "../db/database.ts";
import { readChitoseStaffing } from "../importers/import.service.ts";
import { signIn, type TestSession } from "../testing/auth.ts";
import { captureIo } from "../testing/cli.ts";
import { openTestDatabase, testDatabaseKind } from "../testing/db.ts";
import { readSeed, seedsSkip } from "../testing/seeds.ts";
import { sampleStaffingDocument } from "../testing/staffing-documents.ts";
import { needs } from "../testing/system.ts";
import { createApp } from "../web/app.tsx";
import { replaceStaffing } from "./staffing.repository.ts";
import {
  getStaffing,
  importStaffingDocuments,
  importStaffingFiles,
  listStaffing,
} from "./staffing.service.ts";
import { readStaffingWorkbook, writeStaffingWorkbook } from "./staffing.template.ts";

const withoutSources = (d: StaffingDocument | null) =>
  JSON.parse(JSON.stringify(d, (k, v) => (k === "source" ? undefined : v))) as StaffingDocument;

describe(`staffing store on ${testDatabaseKind()}`, () => {
  let open: OpenDatabase;
  before(async () => {
    open = await openTestDatabase();
  });
  after(async () => {
    await closeBrowser(); // the PDF of the pages' test starts one
    await open.close();
  });

  test("store → load gives the document back; storing it again replaces it", async () => {
    const [stored] = await importStaffingDocuments(open.db, [
      { document: sampleStaffingDocument(), file: "sample" },
    ]);
    assert.deepEqual(
      [stored!.municipalityCode, stored!.units, stored!.headcounts, stored!.firstYear, stored!.lastYear],
      ["012173", 6, 7, 2024, 2025],
    );
    const loaded = await getStaffing(open.db, "012173");
    assert.deepEqual(loaded, parseStaffingDocument(sampleStaffingDocument()));
    await importStaffingDocuments(open.db, [{ document: loaded }]);
    assert.deepEqual(await getStaffing(open.db, "012173"), loaded);
  });

  test("units listed children first are stored with their parents and read back in the document's order", async () => {
    const doc = sampleStaffingDocument();
    doc.units.reverse();
    await importStaffingDocuments(open.db, [{ document: doc, file: "reversed" }]);
    const loaded = await getStaffing(open.db, "012173");
    assert.deepEqual(
      loaded!.units.map((u) => [u.key, u.parent ?? null]),
      doc.units.map((u) => [u.key, u.parent ?? null]),
    );
  });

  test("bad input is refused and nothing is half-stored: the earlier data stays", async () => {
    const before = await getStaffing(open.db, "012173");
    const good = { ...sampleStaffingDocument(), municipality: { code: "011002", name: "札幌市" } };
    const bad = sampleStaffingDocument();
    bad.headcounts![3]!.count = -5;
    await assert.rejects(
      importStaffingDocuments(open.db, [{ document: good }, { document: bad, file: "bad.json" }]),
      (e: unknown) => isAppError(e, "invalid_document") && /負の数/.test(e.message),
    );
    assert.equal(await getStaffing(open.db, "011002"), null, "the good document beside it was not stored");
    assert.deepEqual(await getStaffing(open.db, "012173"), before);
  });

  test("a failure inside the transaction rolls everything back (the database refuses a negative count too)", async () => {
    const before = await getStaffing(open.db, "012173");
    const doc = parseStaffingDocument(sampleStaffingDocument());
    doc.headcounts[6]!.count = -1; // past validation, straight to the repository
    await assert.rejects(open.db.transaction().execute((trx) => replaceStaffing(trx, doc)));
    assert.deepEqual(await getStaffing(open.db, "012173"), before);
  });

  test("the template exported from the store imports back to the same data", async () => {
    const doc = (await getStaffing(open.db, "012173"))!;
    const bytes = await writeStaffingWorkbook(doc);
    const { stored } = await importStaffingFiles(open.db, [{ path: "012173.xlsx", bytes }]);
    assert.equal(stored[0]!.headcounts, 7);
    assert.deepEqual(withoutSources(await getStaffing(open.db, "012173")), withoutSources(doc));
  });

  test("千歳市 from the seed text: stored, listed, read back whole", {
    skip: seedsSkip("003_"),
  }, async () => {
    const seed = readSeed("003_")!;
    const { stored, findings } = await importStaffingFiles(open.db, [
      { path: "003.txt", bytes: Buffer.from(seed.text) },
    ]);
    assert.equal(stored[0]!.headcounts, 213);
    assert.deepEqual(stored[0]!.findings, []);
    assert.equal(findings.length, 6);
    const loaded = await getStaffing(open.db, "012246");
    assert.deepEqual(loaded, parseStaffingDocument(readChitoseStaffing("003.txt", seed.text).document));
    const list = await listStaffing(open.db);
    assert.deepEqual(
      list.map((r) => [r.municipalityCode, r.firstYear, r.lastYear, r.units]),
      [
        ["012173", 2024, 2025, 6],
        ["012246", 2005, 2025, 24],
      ],
    );
    const back = await readStaffingWorkbook("c.xlsx", await writeStaffingWorkbook(loaded!));
    assert.deepEqual(
      withoutSources(parseStaffingDocument(back.document, "c.xlsx", back.locate)),
      withoutSources(loaded),
    );
  });

  describe("pages through HTTP", () => {
    // Signed in as a viewer of 江別市: a municipality's staffing figures are its own users' to see.
    let ebetsu: TestSession;
    before(async () => {
      ebetsu = await signIn(open.db, "viewer", { municipalityCode: "012173" });
    });
    const get = (path: string, as: TestSession = ebetsu) =>
      createApp(open).request(path, { headers: { cookie: as.cookie } });

    test("another municipality's staffing is not there for them, and anonymous users must log in", async () => {
      if (!(await getStaffing(open.db, "012246"))) {
        // Without the seeds, a copy of the sample stands in for 千歳市.
        const copy = { ...sampleStaffingDocument(), municipality: { code: "012246", name: "千歳市" } };
        await importStaffingDocuments(open.db, [{ document: copy }]);
      }
      assert.equal((await get("/staffing/012246")).status, 404);
      assert.doesNotMatch(await (await get("/staffing")).text(), /千歳市/);
      const other = await signIn(open.db, "viewer", { municipalityCode: "012246" });
      assert.equal((await get("/staffing/012246", other)).status, 200);
      assert.equal((await createApp(open).request("/staffing/012173")).status, 303);
    });

    test("the list and a municipality's overview", async () => {
      const list = await get("/staffing");
      assert.equal(list.status, 200);
      assert.match(await list.text(), /江別市/);
      const overview = await (await get("/staffing/012173")).text();
      assert.match(overview, /一般職（合計） 142人（定数 145人）/);
    });

    test("千歳市's diagnosis shows 図表10's figures", { skip: seedsSkip("003_") }, async () => {
      const chitose = await signIn(open.db, "viewer", { municipalityCode: "012246" });
      const res = await get("/staffing/012246/diagnosis", chitose);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(
        html,
        /<th scope="row">普通会計計<\/th><td class="num">703<\/td><td class="num">717<\/td><td class="num">14<\/td><td class="num">642<\/td><td class="num">75<\/td><td class="num">10.5<\/td><td class="num">731<\/td><td class="num neg">▲14<\/td><td class="num neg">▲2.0<\/td>/,
      );
      assert.match(html, /本市 73.16人、類似団体平均 65.53人/);
      const head = await (await get("/staffing/012246/headcount", chitose)).text();
      assert.match(head, /一般職（合計）[\s\S]*?1,104/);
    });

    test("every page and download answers", async () => {
      for (const p of [
        "headcount",
        "population",
        "diagnosis",
        "retirement",
        "retirement?fy=2025&start=150&h2026=5",
      ]) {
        const res = await get(`/staffing/012173/${p}`);
        assert.equal(res.status, 200, p);
        assert.match(res.headers.get("content-type") ?? "", /text\/html/);
      }
      for (const p of [
        "headcount.xlsx",
        "diagnosis.xlsx?fy=2024",
        "retirement.xlsx",
        "population.xlsx",
        "template.xlsx",
      ]) {
        const res = await get(`/staffing/012173/${p}`);
        assert.equal(res.status, 200, p);
        assert.match(res.headers.get("content-type") ?? "", /spreadsheetml/);
        const bytes = new Uint8Array(await res.arrayBuffer());
        assert.deepEqual([...bytes.slice(0, 2)], [0x50, 0x4b], `${p} is a zip (xlsx)`);
      }
      assert.equal((await get("/staffing/template.xlsx")).status, 200);
    });

    test("the tabs lead only to years their pages have: never to a 404", async () => {
      // The sample has headcounts for 2024 and 2025 and a diagnosis for 2024 only.
      for (const from of ["retirement", "retirement?fy=2025", "headcount?fy=2025", "diagnosis?fy=2024"]) {
        const html = await (await get(`/staffing/012173/${from}`)).text();
        const nav = /<nav class="staffing-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
        const links = [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
        assert.equal(links.length, 5, from);
        for (const link of links) assert.equal((await get(link)).status, 200, `${from} → ${link}`);
        if (from.startsWith("retirement"))
          assert.ok(links.includes("/staffing/012173/diagnosis?fy=2024"), from);
      }
      const typed = await get("/staffing/012173/diagnosis?fy=2025");
      assert.equal(typed.status, 404, "a year typed into the address is answered as asked");
      assert.match(await typed.text(), /2025年度の定員管理診断表のデータがありません（あるのは 2024年度）/);
    });

    test("a report downloads as PDF", { skip: needs("chromium") }, async () => {
      const pdf = await get("/staffing/012173/headcount.pdf");
      assert.equal(pdf.status, 200);
      assert.match(pdf.headers.get("content-type") ?? "", /application\/pdf/);
      assert.equal(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
        "%PDF-",
      );
    });

    test("the hiring plan entered in the form changes the projection", async () => {
      const html = await (await get("/staffing/012173/retirement?fy=2025&start=150&h2026=10")).text();
      assert.match(
        html,
        /<th scope="row">令和8年度（2026）<\/th><td class="num">10<\/td><td class="num">160<\/td>/,
      );
    });

    test("a municipality without a 定員適正化計画: the page the navigation offers says how to enter one", async () => {
      const res = await get("/staffing/012173/plan");
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /定員適正化計画（基準年度の職員数と年度ごとの目標）はまだ入力されていません/);
      assert.match(html, /シート「定員適正化計画」/);
      assert.doesNotMatch(html, /plan\.(xlsx|pdf)/, "no download of a report that has no data");
      assert.equal((await get("/staffing/012173/plan.xlsx")).status, 404);
    });

    test("unknown municipality, bad code, unknown page, year without a table: 404 with a message", async () => {
      assert.equal((await get("/staffing/012246x")).status, 404);
      assert.match(await (await get("/staffing/012174")).text(), /正しくありません/);
      assert.equal((await get("/staffing/011002/headcount")).status, 404);
      assert.equal((await get("/staffing/012173/bogus")).status, 404);
      assert.equal((await get("/staffing/012173/diagnosis?fy=2000")).status, 404);
    });
  });
});

describe("staffing CLI commands", () => {
  const dir = mkdtempSync(join(tmpdir(), "gyokaku-staffing-cli-"));
  const data = join(dir, "data");
  after(() => rmSync(dir, { recursive: true, force: true }));
  /** Runs a command with its output captured; returns what it wrote (both streams). */
  const quiet = async (fn: (io: CommandIo) => Promise<void>) => {
    const io = captureIo();
    await fn(io);
    return `${io.out()}${io.err()}`;
  };

  test("import, report (html, xlsx), template; bad input refused", async () => {
    const json = join(dir, "sample.json");
    writeFileSync(json, JSON.stringify(sampleStaffingDocument()));
    const out = await quiet((io) => staffingImportCommand([json, "--data", data], io));
    assert.match(out, /保存しました: 012173 江別市（組織 6、職員数 7 件、2024～2025年度）/);
    const html = join(dir, "d.html");
    await quiet((io) =>
      staffingReportCommand(
        [
          "--municipality",
          "012173",
          "--fy",
          "2024",
          "--kind",
          "diagnosis",
          "--format",
          "html",
          "--out",
          html,
          "--data",
          data,
        ],
        io,
      ),
    );
    assert.match(readFileSync(html, "utf8"), /江別市 定員管理診断表/);
    const xlsx = join(dir, "h.xlsx");
    await quiet((io) =>
      staffingReportCommand(
        [
          "--municipality",
          "012173",
          "--kind",
          "headcount",
          "--format",
          "xlsx",
          "--out",
          xlsx,
          "--data",
          data,
        ],
        io,
      ),
    );
    assert.ok(existsSync(xlsx));
    const tpl = join(dir, "t.xlsx");
    await quiet((io) =>
      staffingTemplateCommand(["--municipality", "012173", "--out", tpl, "--data", data], io),
    );
    const bad = sampleStaffingDocument();
    bad.units![3]!.sector = undefined;
    writeFileSync(json, JSON.stringify(bad));
    await assert.rejects(
      quiet((io) => staffingImportCommand([json, "--data", data], io)),
      /「総務部」に部門がありません/,
    );
    await assert.rejects(
      quiet((io) =>
        staffingReportCommand(
          ["--municipality", "012173", "--kind", "nope", "--out", html, "--data", data],
          io,
        ),
      ),
      /--kind/,
    );
  });

  test("report as PDF through the shared Chromium printer", { skip: needs("chromium") }, async () => {
    const pdf = join(dir, "d.pdf");
    await quiet((io) =>
      staffingReportCommand(
        ["--municipality", "012173", "--kind", "diagnosis", "--format", "pdf", "--out", pdf, "--data", data],
        io,
      ),
    );
    assert.equal(readFileSync(pdf).subarray(0, 5).toString(), "%PDF-");
  });
});
