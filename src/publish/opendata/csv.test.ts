import assert from "node:assert/strict";
import { describe, test } from "node:test";
import iconv from "iconv-lite";
import { isAppError } from "../../core/errors.ts";
import { testPublication } from "../../testing/publication.ts";
import { csvText, encodeCsv, quote, unrepresentable } from "./csv.ts";
import { tableCsv } from "./opendata.service.ts";

describe("CSV", () => {
  test("RFC 4180: CRLF, quotes doubled, commas and line breaks quoted, null as an empty cell", () => {
    assert.equal(quote('a,"b"'), '"a,""b"""');
    assert.equal(
      csvText(
        ["a", "b"],
        [
          ["x\ny", null],
          [1.5, true],
        ],
      ),
      'a,b\r\n"x\ny",\r\n1.5,true\r\n',
    );
  });

  test("UTF-8 starts with a BOM so that Excel in Japan reads it as UTF-8", () => {
    const bytes = encodeCsv("t.csv", ["名称"], [["江別市"]]);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.subarray(3).toString("utf8"), "名称\r\n江別市\r\n");
  });

  test("Shift_JIS is the Windows form (CP932): ① Ⅱ ㈱ 髙 fit, no BOM", () => {
    const bytes = encodeCsv("t.csv", ["番号"], [["①"], ["Ⅱ"], ["㈱"], ["髙橋"], ["～"]], "sjis");
    assert.notEqual(bytes[0], 0xef);
    assert.equal(iconv.decode(bytes, "cp932"), "番号\r\n①\r\nⅡ\r\n㈱\r\n髙橋\r\n～\r\n");
    assert.equal(bytes.subarray(0, 4).toString("hex"), "94d48d86"); // 番号
  });

  test("a character Shift_JIS cannot hold is reported with table, row and column, never replaced", () => {
    assert.deepEqual(unrepresentable("R1〜R4 𠮷野 — ?"), ["〜", "𠮷", "—"]);
    assert.throws(
      () =>
        encodeCsv(
          "values.csv",
          ["名称", "記載"],
          [
            ["江別市", "ok"],
            ["江別市", "R1〜R4"],
            ["𠮷", "?"],
          ],
          "sjis",
        ),
      (e: unknown) => {
        assert.ok(isAppError(e, "invalid_document"));
        assert.deepEqual(
          e.findings.map((f) => ({
            table: f.file,
            row: f.row,
            column: f.column,
            char: f.found,
            codePoint: f.subject,
          })),
          [
            { table: "values.csv", row: 3, column: "記載", char: "〜", codePoint: "U+301C" },
            { table: "values.csv", row: 4, column: "名称", char: "𠮷", codePoint: "U+20BB7" },
          ],
        );
        assert.match(e.message, /values\.csv 3行目「記載」列: 「〜」（U\+301C）/);
        return true;
      },
    );
  });

  test("a published table in Shift_JIS decodes to the same text as the UTF-8 one", () => {
    const p = testPublication();
    const utf8 = tableCsv(p, "values").subarray(3).toString("utf8");
    const sjis = iconv.decode(tableCsv(p, "values", "sjis"), "cp932");
    assert.equal(sjis, utf8);
  });
});
