import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { cellToText, splitListItems, tableCellTexts, unbalancedTags } from "./html-text.ts";

describe("cellToText", () => {
  test("paragraphs become lines", () => {
    assert.equal(cellToText("<p>一つ目。</p> <p>二つ目。</p>"), "一つ目。\n二つ目。");
  });

  test("an unclosed <ul> without <li>: items split at spaces, written as ・ lines", () => {
    assert.equal(
      cellToText('<p><実施></p> <ul style="x"> 作業いち 作業に 作業さん '),
      "<実施>\n・作業いち\n・作業に\n・作業さん",
    );
  });

  test("spaces inside brackets and between ASCII words do not split an item", () => {
    assert.deepEqual(splitListItems("端末（L GWAN 接続系）の更新 Office for LGWAN 導入 講習会 (試行)"), [
      "・端末（L GWAN 接続系）の更新",
      "・Office for LGWAN",
      "・導入",
      "・講習会 (試行)",
    ]);
  });

  test("items written with a marker are split at the marker only", () => {
    assert.equal(
      cellToText("<ul> ・講習会の実施 (事業A/事業B) ・周知等 "),
      "・講習会の実施 (事業A/事業B)\n・周知等",
    );
    assert.equal(cellToText("<ul> ■ 一つ目 の説明 ■ 二つ目"), "■一つ目 の説明\n■二つ目");
  });

  test("a list ends at the next block tag", () => {
    assert.equal(cellToText("<p>前</p> <ul> あ い <p>後</p>"), "前\n・あ\n・い\n後");
  });

  test("<li> items", () => {
    assert.equal(cellToText("<ul><li>あ い</li><li>・う</li></ul>"), "・あ い\n・う");
  });

  test("plain text with inline bullets and 【】 headings", () => {
    assert.equal(
      cellToText("<継続実施> 【見出し】 ・一 ・ 二 【別】 ・三・四"),
      "<継続実施>\n【見出し】\n・一\n・二\n【別】\n・三・四",
    );
  });

  test("inline tags are dropped, their text kept; non-HTML brackets stay", () => {
    assert.equal(cellToText("【X】 <small>小さい字</small>"), "【X】 小さい字");
    assert.equal(cellToText("<DX推進部会> ・あ"), "<DX推進部会>\n・あ");
    assert.equal(cellToText("<p><イメージ：例></p>"), "<イメージ：例>");
  });

  test("tables: one line per row, cells joined by |", () => {
    const html =
      '<p>表</p> <table border="1"> <thead> <tr> <th></th> <th>R7</th> <th>R8</th> </tr> </thead> <tbody> <tr> <td>端末</td> <td>5台</td> <td></td> </tr> </tbody> </table>';
    assert.equal(cellToText(html), "表\n| R7 | R8\n端末 | 5台");
    assert.deepEqual([...tableCellTexts(html)], ["R7", "R8", "端末", "5台"]);
  });

  test("entities", () => {
    assert.equal(cellToText("<p>A &amp; B &lt;x&gt;</p>"), "A & B <x>");
  });

  test("unbalanced tags are found (ul is never closed in these files and is not checked)", () => {
    assert.deepEqual(unbalancedTags("<p>a</p> <ul> b"), []);
    assert.deepEqual(unbalancedTags("<p>a</p> <p>b"), ["p"]);
  });
});
