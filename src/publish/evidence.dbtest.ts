// Public evidence files (根拠資料, issue 13.4): a file the office marked public is taken into the version when
// it is published, linked from the item's public page and downloadable with a safe Content-Disposition;
// internal files and the files of items not approved never are; a later un-marking, removal or upload does
// not change a published version; the static export carries the same files.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";
import { getPublicationOfPlan, publishedEvidenceBytes, publishFiscalYear } from "./publish.service.ts";
import { writeStaticSite } from "./static-site.service.ts";

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);

describe("public evidence files in published versions", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let office: TestSession;
  let planId: string;
  let roundId: string;
  const ids = { shown: randomUUID(), internal: randomUUID(), withheld: randomUUID(), later: randomUUID() };
  const NAME = '研修"報告";R5 ../x.pdf'.replace("../", "");
  const get = (path: string) => app.request(path);
  const addFile = async (id: string, itemKey: string, name: string, isPublic: boolean, text: string) => {
    await open.db
      .insertInto("evidence_files")
      .values({
        municipality_code: "012173",
        id,
        round_id: roundId,
        item_key: itemKey,
        file_name: name,
        content_type: "application/pdf",
        size: pdf(text).length,
        data: pdf(text),
        uploaded_by_id: null,
        uploaded_by_name: "職員 太郎",
        public: isPublic,
      })
      .execute();
  };
  const root = "/public/012173/sample/2023/";

  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    const [plan] = await importDocuments(open.db, [samplePlanDocument()]);
    planId = plan!.planId;
    office = await signIn(open.db, "office", { municipalityCode: "012173" });
    const res = await app.request(
      "/rounds",
      postForm(office, { planId, fiscalYear: "2023", deadline: "2099-06-30" }),
    );
    roundId = /\/rounds\/([0-9a-f-]{36})/.exec(res.headers.get("location")!)![1]!;
    // 2-1-1's report approved; 1-1-1's not (its data of the year is withheld, and so are its files)
    await sql`update round_items set state = 'approved' where item_key = '2-1-1'`.execute(open.db);
    await addFile(ids.shown, "2-1-1", NAME, true, "public one");
    await addFile(ids.internal, "2-1-1", "内部メモ.pdf", false, "internal");
    await addFile(ids.withheld, "1-1-1", "未承認の資料.pdf", true, "withheld");
    await publishFiscalYear(open.db, { plan: "012173/sample", fiscalYear: 2023 });
  });
  after(async () => open.close());

  test("the item page links the public file; internal and withheld files are nowhere", async () => {
    const page = await (await get(`${root}items/2-1-1.html`)).text();
    assert.match(page, /<h2 id="evidence">根拠資料<\/h2>/);
    assert.ok(page.includes(`href="../evidence/${ids.shown}.pdf"`));
    assert.match(page, /download="研修&quot;報告&quot;;R5 x\.pdf"/);
    assert.doesNotMatch(page, /内部メモ/);
    const other = await (await get(`${root}items/1-1-1.html`)).text();
    assert.doesNotMatch(other, /未承認の資料|根拠資料/);
    for (const id of [ids.internal, ids.withheld])
      assert.equal((await get(`${root}evidence/${id}.pdf`)).status, 404);
  });

  test("the download has the bytes, its type and a safe Content-Disposition", async () => {
    const res = await get(`${root}evidence/${ids.shown}.pdf`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/pdf");
    const cd = res.headers.get("content-disposition")!;
    assert.match(cd, /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    assert.doesNotMatch(cd.split(";")[1]!, /"[^"]*"[^"]*"/, "no quote inside the fallback name");
    assert.ok(cd.includes(encodeURIComponent("研修")));
    assert.deepEqual(new Uint8Array(await res.arrayBuffer()), pdf("public one"));
  });

  test("un-marking, removing or adding files later changes no published version; the next one follows", async () => {
    await sql`update evidence_files set public = false where id = ${ids.shown}`.execute(open.db);
    await sql`delete from evidence_files where id = ${ids.shown}`.execute(open.db);
    await addFile(ids.later, "2-1-1", "追加資料.pdf", true, "later");
    const v1 = await get(`${root}evidence/${ids.shown}.pdf`);
    assert.equal(v1.status, 200, "the copy in version 1 stays");
    assert.deepEqual(new Uint8Array(await v1.arrayBuffer()), pdf("public one"));
    assert.doesNotMatch(await (await get(`${root}items/2-1-1.html`)).text(), /追加資料/);

    await publishFiscalYear(open.db, { plan: "012173/sample", fiscalYear: 2023 });
    const v2 = await (await get(`${root}items/2-1-1.html`)).text();
    assert.match(v2, /追加資料\.pdf/);
    assert.ok(!v2.includes(ids.shown), "removed before version 2");
    assert.equal((await get(`${root}evidence/${ids.later}.pdf`)).status, 200);
    assert.equal((await get(`${root}v1/evidence/${ids.shown}.pdf`)).status, 200, "version 1 still has it");
  });

  test("the static export writes the version's public files and links them", async () => {
    const out = mkdtempSync(join(tmpdir(), "gyokaku-evidence-"));
    try {
      const p = await getPublicationOfPlan(open.db, "012173/sample", 2023, 1);
      await assert.rejects(writeStaticSite(p, join(out, "none")), /根拠資料/);
      await writeStaticSite(p, out, (id) => publishedEvidenceBytes(open.db, p, id));
      assert.deepEqual(
        new Uint8Array(readFileSync(join(out, "evidence", `${ids.shown}.pdf`))),
        pdf("public one"),
      );
      for (const id of [ids.internal, ids.withheld, ids.later])
        assert.equal(existsSync(join(out, "evidence", `${id}.pdf`)), false);
      const page = readFileSync(join(out, "items", "2-1-1.html"), "utf8");
      assert.ok(page.includes(`href="../evidence/${ids.shown}.pdf"`));
      const manifest = JSON.parse(readFileSync(join(out, ".gyokaku-site.json"), "utf8")) as {
        files: string[];
      };
      assert.ok(manifest.files.includes(`evidence/${ids.shown}.pdf`));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test("the preview lists the files publishing would take in, and serves them", async () => {
    const base = `/plans/${planId}/publish/preview/2023/`;
    const page = await (
      await app.request(`${base}items/2-1-1.html`, { headers: { cookie: office.cookie } })
    ).text();
    assert.match(page, /追加資料\.pdf/);
    assert.doesNotMatch(page, /内部メモ/);
    const file = await app.request(`${base}evidence/${ids.later}.pdf`, {
      headers: { cookie: office.cookie },
    });
    assert.equal(file.status, 200);
    assert.equal(file.headers.get("cache-control"), "no-store");
    const internal = await app.request(`${base}evidence/${ids.internal}.pdf`, {
      headers: { cookie: office.cookie },
    });
    assert.equal(internal.status, 404);
  });
});
