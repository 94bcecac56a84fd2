// Bounded imports: a zip bomb, a huge text or too many files are refused with the limit named, nothing stored,
// and the server keeps answering.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { AppError } from "../core/errors.ts";
import type { OpenDatabase } from "../db/database.ts";
import { signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { deflatedRepeat, writeZip } from "../testing/zip.ts";
import { createApp } from "../web/app.tsx";
import { importFiles } from "./import.service.ts";
import { IMPORT_LIMITS } from "./import-limits.ts";

const tooLarge = (pattern: RegExp) => (e: unknown) => {
  assert.ok(e instanceof AppError && e.code === "too_large", String(e));
  assert.match(e.message, pattern);
  return true;
};

describe("bounded imports", () => {
  let open: OpenDatabase;
  let bomb: Buffer;
  before(async () => {
    open = await openTestDatabase();
    // 16 MB of zip holds far more than the limit; this one: 300 MB of spaces in well under 1 MB.
    bomb = writeZip([
      { name: "xl/worksheets/sheet1.xml", deflated: await deflatedRepeat(300), size: 300 * 1024 * 1024 },
    ]);
  });
  after(async () => open.close());

  test("a zip bomb named .xlsx is refused before exceljs, the limit named, nothing stored", async () => {
    await assert.rejects(
      importFiles(open.db, [{ path: "/tmp/bomb.xlsx", bytes: bomb }]),
      tooLarge(/bomb\.xlsx: 展開すると 300 MB になります（上限 64 MB）/),
    );
    assert.equal((await open.db.selectFrom("plans").select("id").execute()).length, 0);
  });

  test("too many lines of text, too many files, a file over the size: refused with the limit", async () => {
    const lines = new TextEncoder().encode("あ\n".repeat(IMPORT_LIMITS.textLines + 1));
    await assert.rejects(
      importFiles(open.db, [{ path: "long.txt", bytes: lines }]),
      tooLarge(/long\.txt: 200000 行を超える/),
    );
    const many = Array.from({ length: IMPORT_LIMITS.files + 1 }, (_, i) => ({
      path: `${i}.txt`,
      bytes: new Uint8Array([0x61]),
    }));
    await assert.rejects(importFiles(open.db, many), tooLarge(/20 ファイルまでです（21 ファイル）/));
    const big = { path: "big.json", bytes: new Uint8Array(IMPORT_LIMITS.fileBytes + 1) };
    await assert.rejects(importFiles(open.db, [big]), tooLarge(/big\.json: 20 MB を超える/));
  });

  test("the browser upload of the bomb is refused with the message, and /healthz answers alongside", async () => {
    const app = createApp(open);
    const office: TestSession = await signIn(open.db, "office", { municipalityCode: "012173" });
    const body = new FormData();
    body.append("files", new File([new Uint8Array(bomb)], "bomb.xlsx"));
    const [res, health] = await Promise.all([
      app.request("/import", {
        method: "POST",
        body,
        headers: { cookie: office.cookie, "x-csrf-token": office.csrf, origin: "http://localhost" },
      }),
      app.request("/healthz"),
    ]);
    assert.equal(health.status, 200);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /上限 64 MB/);
  });
});
