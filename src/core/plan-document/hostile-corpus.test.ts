/**
 * A corpus of malformed plan files, made here rather than committed, each with its expected outcome, and
 * property tests of plan-document and workbook validation: whatever the input, the answer is the document
 * or a refusal (AppError "invalid_document") naming where — never another exception, a hang or a crash.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import iconv from "iconv-lite";
import { readFiles } from "../../importers/read-files.ts";
import { samplePlanDocument } from "../../testing/factories.ts";
import { isAppError } from "../errors.ts";
import { readPlanWorkbook, writePlanWorkbook } from "../plan-workbook/index.ts";
import { parsePlanDocument, parsePlanDocumentText } from "./document.ts";

const sampleText = JSON.stringify(samplePlanDocument(), null, 1);

/** Runs `f`; "ok", or the refusal's message and findings as one text; any other exception fails the test. */
function outcome(f: () => unknown): string {
  try {
    f();
    return "ok";
  } catch (e) {
    assert.ok(isAppError(e, "invalid_document"), `not a refusal: ${(e as Error)?.stack ?? String(e)}`);
    return [e.message, ...e.findings.map((x) => `${x.subject ?? ""}: ${x.message}`)].join("\n");
  }
}

function nested(depth: number): string {
  const open = '{"key":"k","title":"x","children":['.repeat(depth);
  return `${sampleText.slice(0, sampleText.lastIndexOf('"items"'))}"items":[${open}${"]}".repeat(depth)}]}`;
}

function withDepartments(change: (d: { key: string; parent?: string }[]) => void): string {
  const doc = samplePlanDocument();
  change(doc.departments as { key: string; parent?: string }[]);
  return JSON.stringify(doc);
}

/** file name → its text, and what must come of it (a pattern the refusal matches, or "ok"). */
const CORPUS: { name: string; text: () => string; expect: RegExp | "ok" }[] = [
  { name: "the sample", text: () => sampleText, expect: "ok" },
  {
    name: "truncated at half",
    text: () => sampleText.slice(0, sampleText.length / 2),
    expect: /JSON として読めません/,
  },
  {
    name: "truncated after the last brace",
    text: () => sampleText.slice(0, -1),
    expect: /JSON として読めません/,
  },
  { name: "empty", text: () => "", expect: /JSON として読めません/ },
  { name: "items 1,000 deep", text: () => nested(1_000), expect: /入れ子が深すぎます/ },
  { name: "items 200,000 deep", text: () => nested(200_000), expect: /深すぎます|JSON として読めません/ },
  {
    name: "NUL in a title",
    text: () => sampleText.replace("市民参加と協働", "市民\\u0000参加"),
    expect: /\$\.items\[0\]\.title: 制御文字（U\+0000）/,
  },
  {
    name: "escape sequence in a name",
    text: () => sampleText.replace('"職員課"', '"\\u001b[2J職員課"'),
    expect: /制御文字（U\+001B）/,
  },
  {
    name: "a department its own parent",
    text: () => withDepartments((d) => (d[2]!.parent = d[2]!.key)),
    expect: /自分自身を親/,
  },
  {
    name: "two departments in a loop",
    text: () => withDepartments((d) => (d[0]!.parent = d[1]!.key)),
    expect: /循環/,
  },
  {
    name: "a 5 MB title",
    text: () => sampleText.replace("テスト行政改革計画", "長".repeat(5_000_000)),
    expect: /\$\.plan\.title: 1,000文字以内/,
  },
  {
    name: "a 100,000-character key",
    text: () => sampleText.replace('"key": "1"', `"key": "${"k".repeat(100_000)}"`),
    expect: /200文字以内/,
  },
  {
    // As text, the mis-decoded Japanese is U+FFFD and the JSON's structure (ASCII) survives: the document is
    // read. A file's bytes never get here: decodeText refuses them (see "text files" below).
    name: "Shift_JIS bytes read as UTF-8 with replacement characters",
    text: () => iconv.decode(iconv.encode(sampleText, "cp932"), "utf8"),
    expect: "ok",
  },
  {
    name: "UTF-16 bytes read as UTF-8",
    text: () => iconv.decode(iconv.encode(sampleText, "utf16le"), "utf8"),
    expect: /JSON として読めません/,
  },
  { name: "a BOM first", text: () => `\uFEFF${sampleText}`, expect: "ok" },
  { name: "JSON that is not an object", text: () => "[1,2,3]", expect: /object/ },
  {
    // JSON.parse makes "__proto__" an own key; the schema drops it: nothing polluted, nothing stored under it
    name: "__proto__ keys",
    text: () => sampleText.replace('"texts": {', '"texts": {"__proto__": {"x": "y"}, '),
    expect: "ok",
  },
];

test("corpus: a __proto__ key is not stored and pollutes nothing", () => {
  const text = sampleText.replace('"texts": {', '"texts": {"__proto__": {"polluted": "yes"}, ');
  assert.notEqual(text, sampleText);
  const doc = parsePlanDocumentText(text, "proto.json");
  const texts = doc.items[0]!.texts;
  assert.deepEqual(Object.keys(texts), ["現状と課題"]);
  assert.equal(Object.getPrototypeOf(texts), Object.prototype);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal((texts as Record<string, unknown>).polluted, undefined);
});

test("corpus: Shift_JIS as text is read with U+FFFD in place of the Japanese (no crash, no loss of structure)", () => {
  const doc = parsePlanDocumentText(iconv.decode(iconv.encode(sampleText, "cp932"), "utf8"), "sjis.json");
  assert.match(doc.plan.title, /\uFFFD/);
  assert.equal(doc.items.length, samplePlanDocument().items!.length);
});

/** Text files as uploaded (bytes), through the import's reader of texts and JSON (importers/read-files.ts). */
const TEXT_FILES: { name: string; bytes: () => Uint8Array; expect: RegExp }[] = [
  {
    name: "sjis.json",
    bytes: () => iconv.encode(sampleText, "cp932"),
    expect: /^sjis\.json: UTF-8 として読めません（Shift_JIS などは UTF-8 に変換してください）$/,
  },
  {
    name: "utf16.json",
    bytes: () => iconv.encode(sampleText, "utf16le"),
    expect: /^utf16\.json: テキストではありません（1 バイト目に NUL）/,
  },
  {
    name: "nul.txt",
    bytes: () => new TextEncoder().encode("江別市行政改革推進計画\n\u0000\n"),
    expect: /^nul\.txt: テキストではありません（\d+ バイト目に NUL）/,
  },
  { name: "empty.txt", bytes: () => new Uint8Array(), expect: /^empty\.txt: ファイルが空です$/ },
  {
    name: "noise.txt",
    bytes: () => new TextEncoder().encode("こんにちは\n".repeat(100)),
    expect: /^noise\.txt: 様式を判別できません/,
  },
  {
    name: "lines.txt",
    bytes: () => new TextEncoder().encode("行\n".repeat(200_001)),
    expect: /lines\.txt: 200000 行を超えるテキストは取り込めません/,
  },
  {
    name: "half.json",
    bytes: () => new TextEncoder().encode(sampleText.slice(0, sampleText.length / 2)),
    expect: /計画文書が正しくありません（half\.json）:\n {2}\$: JSON として読めません/,
  },
];

for (const c of TEXT_FILES) {
  test(`text files: ${c.name} → refused`, () => {
    try {
      readFiles([{ path: c.name, bytes: c.bytes() }]);
      assert.fail("read");
    } catch (e) {
      assert.ok(isAppError(e, "invalid_document", "too_large"), String(e));
      assert.match(e.message, c.expect);
    }
  });
}

for (const c of CORPUS) {
  test(`corpus: ${c.name} → ${c.expect === "ok" ? "stored" : "refused"}`, () => {
    const got = outcome(() => parsePlanDocumentText(c.text(), `${c.name}.json`));
    if (c.expect === "ok") assert.equal(got, "ok");
    else assert.match(got, c.expect);
  });
}

test("any JSON value is a plan document or a refusal, never another exception (property)", () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
      outcome(() => parsePlanDocument(v));
    }),
    { numRuns: 500 },
  );
});

test("the sample with any field replaced by any JSON value: stored or refused (property)", () => {
  const base = samplePlanDocument();
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) walk(x, [...path, Array.isArray(v) ? Number(k) : k]);
  };
  walk(base, []);
  fc.assert(
    fc.property(
      fc.constantFrom(...paths.filter((p) => p.length > 0)),
      fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: "binary" })),
      (path, value) => {
        const doc = structuredClone(base) as Record<string | number, unknown>;
        let at = doc;
        for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
        at[path[path.length - 1]!] = value;
        outcome(() => parsePlanDocument(doc));
      },
    ),
    { numRuns: 400 },
  );
});

test("a plan workbook cut short or with bytes flipped is refused, never a crash (property)", async () => {
  const bytes = await writePlanWorkbook(parsePlanDocument(samplePlanDocument()));
  const cases = fc.sample(
    fc.oneof(
      fc.integer({ min: 0, max: bytes.length - 1 }).map((n) => ({ cut: n, flip: -1 })),
      fc.integer({ min: 0, max: bytes.length - 1 }).map((n) => ({ cut: bytes.length, flip: n })),
    ),
    { numRuns: 12, seed: 17 },
  );
  for (const { cut, flip } of cases) {
    const b = Buffer.from(bytes.subarray(0, cut));
    if (flip >= 0) b[flip] = b[flip]! ^ 0xff;
    try {
      await readPlanWorkbook(b, "broken.xlsx", null);
    } catch (e) {
      // refused as a broken document, or by the size limits (a flipped byte can make an entry inflate past its size)
      assert.ok(
        isAppError(e, "invalid_document", "too_large"),
        `cut ${cut} flip ${flip}: ${(e as Error)?.stack ?? e}`,
      );
    }
  }
});
