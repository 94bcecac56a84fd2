import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { closeBrowser, htmlToPdf } from "./pdf.ts";

const skip = existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")
  ? false
  : "Chromium is not installed";
after(closeBrowser);

test("prints Japanese HTML to an A4 PDF with the BIZ UD font embedded", { skip }, async () => {
  const rows = Array.from(
    { length: 80 },
    (_, i) => `<tr><td>${i + 1}</td><td>職員提案数</td><td>1,483</td></tr>`,
  ).join("");
  const pdf = await htmlToPdf(
    `<!DOCTYPE html><html lang="ja"><head><style>body{font-family:"BIZ UDPGothic"} thead{display:table-header-group}</style></head><body><h1>取組状況一覧（令和4年度）</h1><table><thead><tr><th>番号</th><th>指標</th><th>初期値</th></tr></thead><tbody>${rows}</tbody></table><img src="https://example.invalid/x.png"></body></html>`,
    { footerTitle: "テスト" },
  );
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
  const dir = mkdtempSync(join(tmpdir(), "pdf-"));
  const file = join(dir, "t.pdf");
  writeFileSync(file, pdf);
  let fonts = "";
  try {
    fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
  } catch {
    return; // poppler-utils not installed: the PDF itself was made
  }
  assert.match(fonts, /BIZ/i, fonts);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  assert.match(info, /Pages:\s+[2-9]/, "a long table runs over several pages");
  assert.match(info, /Page size:\s+84[12]\.\d+ x 59[56]\.\d+ pts \(A4\)/, "A4 landscape");
});
