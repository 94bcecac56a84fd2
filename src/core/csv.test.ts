/** Formula injection (OWASP "CSV Injection"): every CSV gyokaku writes goes through csvText/csvCell. */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { openDataFiles } from "../publish/opendata/opendata.service.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { testPublication } from "../testing/publication.ts";
import { csvCell, csvText, neutralise } from "./csv.ts";

test("text cells that start a formula get a leading apostrophe; numbers stay numbers", () => {
  assert.equal(neutralise('=HYPERLINK("http://evil.example","x")'), `'=HYPERLINK("http://evil.example","x")`);
  for (const s of ["+1+cmd", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=1"])
    assert.equal(neutralise(s)[0], "'", s);
  assert.equal(neutralise("-12.5"), "-12.5");
  assert.equal(neutralise("+3"), "+3");
  assert.equal(neutralise("市税の収納率"), "市税の収納率");
  assert.equal(csvCell(-10), "-10");
  assert.equal(csvCell("=1,2"), `"'=1,2"`);
  assert.equal(csvText(["a"], [["@x"]]), "a\r\n'@x\r\n");
});

test("no text cell of any CSV starts a formula (property)", () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 5 }), (cells) => {
      const line = csvText([], [cells]).slice(2, -2); // no header line: "\r\n" first
      for (const cell of splitCsv(line)) {
        const danger = /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell);
        assert.ok(!danger, JSON.stringify(cell));
      }
    }),
  );
});

test("the open-data CSVs of a plan whose texts are formulas carry no formula", () => {
  const input = samplePlanDocument();
  const evil = '=HYPERLINK("http://evil.example","クリック")';
  input.plan.title = `+${evil}`;
  input.items![0]!.title = evil;
  input.items![0]!.children![0]!.children![0]!.indicators![0]!.name = `@${evil}`;
  const files = openDataFiles(testPublication({ input }), { formats: ["csv"] });
  assert.ok(files.length > 0);
  let seen = 0;
  for (const f of files) {
    const text = f.bytes.toString("utf8").replace(/^\uFEFF/, "");
    for (const line of text.split("\r\n").filter(Boolean)) {
      for (const cell of splitCsv(line)) {
        if (cell.includes("HYPERLINK")) seen++;
        assert.doesNotMatch(cell, /^[=+@]/, `${f.name}: ${cell}`);
      }
    }
  }
  assert.ok(seen > 0, "the texts are in the files, neutralised");
});

/** The cells of one CSV record (quotes undone, line breaks inside quotes kept). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
