import assert from "node:assert/strict";
import { test } from "node:test";
import { checkEvidence, contentDisposition, MAX_EVIDENCE_BYTES, safeFileName } from "./evidence.ts";

const pdf = new TextEncoder().encode("%PDF-1.7\n...");

test("file names lose folders, ../ and control characters", () => {
  assert.equal(safeFileName("../../etc/passwd"), "passwd");
  assert.equal(safeFileName("C:\\Users\\a\\根拠資料.pdf"), "根拠資料.pdf");
  assert.equal(safeFileName("a\u0000b\r\n\u202ecod.pdf"), "abcod.pdf");
  assert.equal(safeFileName("..hidden.pdf"), "hidden.pdf");
  assert.equal(safeFileName(`${"あ".repeat(300)}.pdf`).length, 200);
  assert.ok(safeFileName(`${"あ".repeat(300)}.pdf`).endsWith(".pdf"));
});

test("types are checked by extension and by content", () => {
  assert.deepEqual(checkEvidence("報告.pdf", pdf), {
    ok: true,
    fileName: "報告.pdf",
    contentType: "application/pdf",
    size: pdf.length,
  });
  const exe = checkEvidence("virus.exe", new Uint8Array([0x4d, 0x5a, 1]));
  assert.equal(exe.ok, false);
  assert.match(!exe.ok ? exe.message : "", /種類は添付できません/);
  const fake = checkEvidence("fake.pdf", new Uint8Array([0x4d, 0x5a, 1]));
  assert.match(!fake.ok ? fake.message : "", /中身がPDFではありません/);
  assert.equal(checkEvidence("a.xlsx", new Uint8Array([0x50, 0x4b, 3, 4, 0])).ok, true);
  assert.equal(checkEvidence("a.csv", new TextEncoder().encode("a,b\n1,2\n")).ok, true);
  assert.equal(checkEvidence("a.csv", new Uint8Array([0x61, 0, 0x62])).ok, false);
  assert.equal(
    checkEvidence("a.PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])).ok,
    true,
  );
});

test("too large or empty: refused with the size", () => {
  const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
  big.set(pdf);
  const r = checkEvidence("big.pdf", big);
  assert.match(!r.ok ? r.message : "", /大きすぎます.*上限は 10 MB/);
  assert.equal(checkEvidence("empty.pdf", new Uint8Array()).ok, false);
});

test("Content-Disposition: ASCII fallback and the UTF-8 name (RFC 6266)", () => {
  assert.equal(
    contentDisposition('根拠 "資料";.pdf'),
    `attachment; filename="__ _____.pdf"; filename*=UTF-8''%E6%A0%B9%E6%8B%A0%20%22%E8%B3%87%E6%96%99%22%3B.pdf`,
  );
});
