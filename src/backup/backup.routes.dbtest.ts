// The administrator's backup page over HTTP: download, restore from the downloaded file, refusals.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { gzipSync } from "node:zlib";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";

let open: OpenDatabase;
let app: ReturnType<typeof createApp>;
let admin: TestSession;

before(async () => {
  open = await openTestDatabase();
  await importDocuments(open.db, [samplePlanDocument()]);
  admin = await signIn(open.db, "admin");
  app = createApp(open);
});
after(async () => open.close());

function upload(session: TestSession, file: Uint8Array<ArrayBuffer> | null, confirm: boolean) {
  const form = new FormData();
  form.append("_csrf", session.csrf);
  if (file) form.append("file", new Blob([file]), "backup.jsonl.gz");
  if (confirm) form.append("confirm", "yes");
  return { method: "POST", body: form, headers: { cookie: session.cookie } };
}

test("an administrator downloads a backup and restores it; the page says what was restored", async () => {
  const page = await app.request("/admin/backup", { headers: { cookie: admin.cookie } });
  assert.equal(page.status, 200);
  assert.match(await page.text(), /バックアップをダウンロード/);
  const download = await app.request("/admin/backup/download", {
    method: "POST",
    body: new URLSearchParams({ _csrf: admin.csrf }),
    headers: { cookie: admin.cookie, "content-type": "application/x-www-form-urlencoded" },
  });
  assert.equal(download.status, 200);
  assert.match(download.headers.get("content-disposition") ?? "", /gyokaku-012173-\d{8}-\d{4}\.jsonl\.gz/);
  const bytes = new Uint8Array(await download.arrayBuffer()) as Uint8Array<ArrayBuffer>;
  assert.deepEqual([...bytes.slice(0, 2)], [0x1f, 0x8b], "gzip");

  const unconfirmed = await app.request("/admin/backup/restore", upload(admin, bytes, false));
  assert.equal(unconfirmed.status, 400);
  assert.match(
    await unconfirmed.text(),
    /置き換えることを確認してください。ファイルはもう一度選んでください。/,
  );

  // Not confirmed and not a backup: both are said at once, in plain words (the reader's code only in the log).
  const logged: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => logged.push(args);
  let both: string;
  let status: number;
  try {
    const res = await app.request(
      "/admin/backup/restore",
      upload(admin, new TextEncoder().encode("memo\n"), false),
    );
    status = res.status;
    both = await res.text();
  } finally {
    console.error = original;
  }
  assert.equal(status, 400);
  assert.match(
    both,
    /バックアップファイルを読めません: gyokaku のバックアップファイル（\.jsonl\.gz）ではないか、壊れています/,
  );
  assert.match(both, /置き換えることを確認してください。/);
  assert.doesNotMatch(both, /Z_DATA_ERROR|gzip として/);
  assert.match(String(logged.flat().join(" ")), /Z_DATA_ERROR/, "the code is in the server log");

  const restored = await app.request("/admin/backup/restore", upload(admin, bytes, true));
  const html = await restored.text();
  assert.equal(restored.status, 200, html);
  assert.match(html, /行を復元しました/);
  // The administrator's session is kept: their account is in the backup.
  assert.equal((await app.request("/admin/backup", { headers: { cookie: admin.cookie } })).status, 200);

  const broken = await app.request("/admin/backup/restore", upload(admin, gzipSync("{}\n"), true));
  assert.equal(broken.status, 400);
  assert.match(await broken.text(), /復元しませんでした（データは変わっていません）/);
});
