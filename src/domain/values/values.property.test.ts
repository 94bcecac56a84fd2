/** The value reader under any input (fast-check): it never throws, keeps the text, and never guesses. */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { readTarget, readValue } from "./index.ts";

const numberLike = fc
  .tuple(
    fc.constantFrom("", "▲", "△", "-", "約", "(R5)", "男性", "（", "令和4年度 "),
    fc.stringMatching(/^[0-9０-９,，.．]{0,12}$/),
    fc.constantFrom("", "千円", "%", "％", "人", "億", "万", "時間", "回/年", "以上", "増", "～20", ")"),
  )
  .map(([a, b, c]) => `${a}${b}${c}`);
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  numberLike,
  fc.string({ maxLength: 3000 }),
);

test("readValue never throws, keeps the text as written and gives a finite number only for kind number", () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const v = readValue(text);
      assert.equal(v.text, text);
      assert.ok(["number", "stage", "text", "empty"].includes(v.kind));
      if (v.kind === "number") assert.ok(Number.isFinite(v.number), JSON.stringify(v));
      else assert.equal(v.number, undefined, JSON.stringify(v));
      if (v.unreadable !== undefined) assert.notEqual(v.kind, "number");
    }),
    { numRuns: 2_000 },
  );
});

test("readTarget never throws and keeps the text as written", () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const t = readTarget(text);
      assert.equal(t.text, text);
      if (t.number !== undefined) assert.ok(Number.isFinite(t.number));
    }),
    { numRuns: 2_000 },
  );
});

test("a number written with thousands separators reads back as itself (property)", () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
      const text = n < 0 ? `▲${Math.abs(n).toLocaleString("en-US")}` : n.toLocaleString("en-US");
      const v = readValue(text);
      assert.equal(v.kind, "number", text);
      assert.equal(v.number, n, text);
    }),
  );
});
