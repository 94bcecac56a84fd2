// Staffing data in the browser in two steps (issue 17.3): the upload shows what would be removed and changed
// (before → after) and stores nothing; the confirmation stores only with the removals ticked, only the
// previewed upload, and only over the stored data the preview saw. The CLI needs --allow-removals.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { staffingImportCommand } from "../cli/commands/staffing.ts";
import { AppError } from "../core/errors.ts";
import { type OpenDatabase, openDatabase } from "../db/database.ts";
import { signIn, type TestSession } from "../testing/auth.ts";
import { captureIo, cliSkip } from "../testing/cli.ts";
import { openTestDatabase } from "../testing/db.ts";
import { sampleStaffingDocument } from "../testing/staffing-documents.ts";
import { createApp } from "../web/app.tsx";
import { getStaffing, importStaffingFiles } from "./staffing.service.ts";

const json = (doc: unknown) => ({
  path: "staffing.json",
  bytes: new TextEncoder().encode(JSON.stringify(doc)),
});

/** The sample with one headcount left out (総務部 2025) and one count corrected (消防 2025: 61 → 62). */
function truncatedAndCorrected() {
  const doc = sampleStaffingDocument();
  doc.headcounts = doc.headcounts!.filter((h) => !(h.unit === "総務部" && h.fiscalYear === 2025));
  doc.headcounts.find((h) => h.unit === "消防" && h.fiscalYear === 2025)!.count = 62;
  return doc;
}

const staffingVersion = (html: string) =>
  /name="version" value="([0-9a-f]{64})"/.exec(html)?.[1] ?? "0".repeat(64);

describe("the staffing upload: preview, then confirmation", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let office: TestSession;
  before(async () => {
    open = await openTestDatabase();
    await importStaffingFiles(open.db, [json(sampleStaffingDocument())]);
    office = await signIn(open.db, "office", { municipalityCode: "012173", name: "行革 花子" });
    app = createApp(open);
  });
  after(async () => open.close());

  const upload = async (doc: unknown) => {
    const form = new FormData();
    form.append("_csrf", office.csrf);
    form.append("files", new Blob([JSON.stringify(doc)]), "staffing.json");
    const r = await app.request("/staffing/import", {
      method: "POST",
      body: form,
      headers: { cookie: office.cookie },
    });
    return { status: r.status, html: await r.text() };
  };
  const confirm = async (preview: string, fields: { allowRemovals?: boolean; upload?: string } = {}) => {
    const token = /name="token" value="([^"]+)"/.exec(preview)?.[1] ?? "";
    const hash = fields.upload ?? /name="upload" value="([^"]+)"/.exec(preview)?.[1] ?? "";
    const form = new URLSearchParams({ _csrf: office.csrf, token, upload: hash });
    if (fields.allowRemovals) form.set("allowRemovals", "yes");
    const r = await app.request("/staffing/import/confirm", {
      method: "POST",
      body: form,
      headers: { cookie: office.cookie, "content-type": "application/x-www-form-urlencoded" },
    });
    return { status: r.status, html: await r.text() };
  };
  const count = async (unit: string, fy: number) =>
    (await getStaffing(open.db, "012173"))!.headcounts.find((h) => h.unit === unit && h.fiscalYear === fy)
      ?.count;

  test("the preview lists the removals and the changes (before → after) and stores nothing", async () => {
    const p = await upload(truncatedAndCorrected());
    assert.equal(p.status, 200, p.html);
    assert.match(p.html, /まだ何も保存していません/);
    assert.match(p.html, /変更 1 件、<strong>削除 1 件<\/strong>/);
    assert.match(
      p.html,
      /<strong>削除<\/strong><\/span><\/td><td>職員数<\/td><td><del>組織: 総務部 \/ 年度: 2025 \/ 人数: 52/,
    );
    assert.match(
      p.html,
      /<td><del>組織: 消防 \/ 年度: 2025 \/ 人数: 61<\/del><\/td><td><ins>組織: 消防 \/ 年度: 2025 \/ 人数: 62/,
    );
    assert.match(p.html, /上の 1 件の削除を確認しました/);
    assert.equal(await count("総務部", 2025), 52);
    assert.equal(await count("消防", 2025), 61);
  });

  test("storing is refused without the box ticked, and with a changed upload; stored with consent, in the history", async () => {
    const p = await upload(truncatedAndCorrected());
    const refused = await confirm(p.html);
    assert.equal(refused.status, 400);
    assert.match(refused.html, /削除される内容を確認し、チェックを入れてください/);
    assert.match(refused.html, /name="token"/, "the preview again");
    assert.equal(await count("総務部", 2025), 52, "nothing stored");
    const tampered = await confirm(p.html, { allowRemovals: true, upload: "0".repeat(64) });
    assert.equal(tampered.status, 400);
    assert.match(tampered.html, /有効期限が切れました/);
    assert.equal(await count("消防", 2025), 61, "nothing stored");

    const stored = await confirm(p.html, { allowRemovals: true });
    assert.equal(stored.status, 200, stored.html);
    assert.match(stored.html, /江別市の定数管理のデータを保存しました/);
    assert.equal(await count("総務部", 2025), undefined);
    assert.equal(await count("消防", 2025), 62);
    const events = await sql<{ action: string; actor_name: string; before: unknown }>`
      select action, actor_name, before from audit_events
      where action in ('import.remove', 'import.change') order by at`.execute(open.db);
    assert.deepEqual(
      events.rows.map((e) => [e.action, e.actor_name]),
      [
        ["import.remove", "行革 花子"],
        ["import.change", "行革 花子"],
      ],
    );
    assert.deepEqual(events.rows[0]!.before, [{ unit: "総務部", fiscalYear: 2025, count: 52 }]);
    assert.equal((await confirm(p.html, { allowRemovals: true })).status, 400, "a confirmation stores once");
  });

  test("stored data changed between the preview and the confirmation: refused", async () => {
    const doc = sampleStaffingDocument();
    doc.headcounts!.push({ unit: "総務部", fiscalYear: 2026, count: 53 });
    const p = await upload(doc);
    assert.equal(p.status, 200, p.html);
    // someone else stores a correction meanwhile
    const other = truncatedAndCorrected();
    other.headcounts!.find((h) => h.unit === "消防" && h.fiscalYear === 2025)!.count = 63;
    await importStaffingFiles(open.db, [json(other)], { allowRemovals: true });
    const r = await confirm(p.html, { allowRemovals: true });
    assert.equal(r.status, 400);
    assert.match(r.html, /確認画面を表示した後に変更されました/);
    assert.equal(await count("消防", 2025), 63, "nothing stored");
    assert.equal(await count("総務部", 2026), undefined);
  });

  test("the removed records go back from the staffing history (CSRF, version-checked, once), both steps in the history", async () => {
    const page = await app.request("/staffing/012173/history", { headers: { cookie: office.cookie } });
    const html = await page.text();
    assert.equal(page.status, 200, html);
    assert.match(html, /取込で削除/);
    const action = /action="(\/staffing\/012173\/history\/[0-9a-f-]+\/restore)"/.exec(html)?.[1];
    assert.ok(action, "a restore button");
    const version = /name="version" value="([0-9a-f]{64})"/.exec(html)![1]!;
    const post = (v: string, csrf = office.csrf) =>
      app.request(action, {
        method: "POST",
        body: new URLSearchParams({ _csrf: csrf, version: v }),
        headers: { cookie: office.cookie, "content-type": "application/x-www-form-urlencoded" },
      });
    assert.equal((await post(version, "")).status, 403);
    assert.equal((await post("0".repeat(64))).status, 409, "stale");
    assert.equal(await count("総務部", 2025), undefined);
    const ok = await post(version);
    assert.equal(ok.status, 303, await ok.text());
    assert.equal(await count("総務部", 2025), 52);
    assert.equal(await count("消防", 2025), 63, "the rest untouched");
    const after = await (
      await app.request("/staffing/012173/history", { headers: { cookie: office.cookie } })
    ).text();
    assert.match(after, /履歴から戻す/);
    assert.match(after, /（履歴から戻しました）/);
    assert.equal((await post(staffingVersion(after))).status, 409, "once");
  });
});

describe("gyokaku staffing import --allow-removals", { skip: cliSkip() }, () => {
  const dir = mkdtempSync(join(tmpdir(), "gyokaku-staffing-consent-"));
  const data = join(dir, "data");
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("removals are refused without the flag, stored with it, the removed records in the history", async () => {
    const full = join(dir, "full.json");
    const cut = join(dir, "cut.json");
    writeFileSync(full, JSON.stringify(sampleStaffingDocument()));
    writeFileSync(cut, JSON.stringify(truncatedAndCorrected()));
    const io = captureIo();
    await staffingImportCommand([full, "--data", data], io);
    assert.match(io.out(), /保存しました: 012173 江別市/);

    await assert.rejects(staffingImportCommand([cut, "--data", data], captureIo()), (e: unknown) => {
      assert.ok(e instanceof AppError && e.code === "invalid_document", String(e));
      assert.match(e.message, /職員数: 1 件/);
      assert.match(e.message, /--allow-removals/);
      return true;
    });
    const consented = captureIo();
    await staffingImportCommand([cut, "--allow-removals", "--data", data], consented);
    assert.match(consented.out(), /保存しました: 012173 江別市（組織 6、職員数 6 件/);

    const db = await openDatabase({ kind: "pglite", dataDir: data });
    try {
      const events = await sql<{ action: string; actor_name: string }>`
        select action, actor_name from audit_events where action like 'import.%' order by at`.execute(db.db);
      assert.deepEqual(
        events.rows.map((e) => `${e.action} ${e.actor_name}`),
        ["import.remove CLI", "import.change CLI"],
      );
    } finally {
      await db.close();
    }
  });
});
