/**
 * A corpus of malformed staffing documents and national peer tables (issue 17.7), made here, each with its
 * expected outcome: the document, or a refusal (AppError "invalid_document") naming the field — never another
 * exception, a hang, a huge echo of the input or a control character in the message.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { madeUpPeerTable, madeUpTownDocument } from "../../testing/staffing-town.ts";
import { isAppError } from "../errors.ts";
import { parsePeerTable, parseStaffingDocument, parseStaffingDocumentText } from "./index.ts";

/** "ok", or the refusal's message and findings as one text; any other exception fails the test. */
function outcome(f: () => unknown): string {
  try {
    f();
    return "ok";
  } catch (e) {
    assert.ok(isAppError(e, "invalid_document"), `not a refusal: ${(e as Error)?.stack ?? String(e)}`);
    const text = [e.message, ...e.findings.map((x) => `${x.subject ?? ""}: ${x.message}`)].join("\n");
    assert.ok(text.length < 20_000, `the refusal is ${text.length} characters long`);
    assert.ok(!text.includes("\u0000"), "no NUL echoed");
    return text;
  }
}

type Doc = Record<string, unknown>;
const town = (change: (d: Doc) => void) => () => {
  const d = madeUpTownDocument() as unknown as Doc;
  change(d);
  return d;
};
const peer = (change: (d: Doc) => void) => () => {
  const d = madeUpPeerTable();
  change(d);
  return d;
};
const units = (d: Doc) => d.units as Doc[];
const rows = (d: Doc) => d.rows as Doc[];

const STAFFING: { name: string; doc: () => unknown; expect: RegExp | "ok" }[] = [
  { name: "the made-up town", doc: town(() => {}), expect: "ok" },
  {
    name: "NUL in the municipality's name",
    doc: town((d) => {
      d.municipality = { code: "019992", name: "架空\u0000町" };
    }),
    expect: /\$\.municipality\.name: .*制御文字（U\+0000）は使えません/,
  },
  {
    name: "an escape sequence in a unit's name",
    doc: town((d) => {
      units(d)[1]!.name = "\u001b[2J総務課";
    }),
    expect: /\$\.units\[1\]\.name: .*制御文字（U\+001B）は使えません/,
  },
  {
    name: "a 5 MB title",
    doc: town((d) => {
      d.title = "長".repeat(5_000_000);
    }),
    expect: /\$\.title: .*1,000文字以内/,
  },
  {
    name: "a 100,000-character unit key",
    doc: town((d) => {
      units(d)[1]!.key = "k".repeat(100_000);
    }),
    expect: /\$\.units\[1\]\.key: .*200文字以内/,
  },
  {
    name: "garbage nested 10,000 deep where a name belongs",
    doc: town((d) => {
      let deep: unknown = "x";
      for (let i = 0; i < 10_000; i++) deep = [deep];
      units(d)[1]!.name = deep;
    }),
    expect: /\$\.units\[1\]\.name: .*string/,
  },
  {
    name: "a count given as text",
    doc: town((d) => {
      (d.headcounts as Doc[])[0]!.count = "12";
    }),
    expect: /\$\.headcounts\[0\]\.count: 人数: 数値が必要です/,
  },
  {
    name: "NUL in a unit's 部門 (found by the property below)",
    doc: town((d) => {
      units(d)[3]!.sector = "\u0000";
    }),
    expect: /\$\.units\[3\]\.sector: .*制御文字（U\+0000）は使えません/,
  },
  {
    name: "an escape sequence in the 類型 set for the municipality",
    doc: town((d) => {
      d.peerGroup = { scheme: "ruiji-shokuin-town", group: "\u001bIV-1" };
    }),
    expect: /\$\.peerGroup\.group: .*制御文字（U\+001B）は使えません/,
  },
  { name: "not an object", doc: () => [1, 2, 3], expect: /object/ },
  { name: "null", doc: () => null, expect: /object/ },
];

for (const c of STAFFING) {
  test(`staffing corpus: ${c.name} → ${c.expect === "ok" ? "read" : "refused"}`, () => {
    const got = outcome(() => parseStaffingDocument(c.doc(), `${c.name}.json`));
    if (c.expect === "ok") assert.equal(got, "ok");
    else assert.match(got, c.expect);
  });
}

test("staffing corpus: truncated JSON and JSON nested 100,000 deep are refused as unreadable", () => {
  const text = JSON.stringify(madeUpTownDocument());
  assert.match(
    outcome(() => parseStaffingDocumentText(text.slice(0, text.length / 2), "half.json")),
    /JSON として読めません/,
  );
  const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
  assert.match(
    outcome(() => parseStaffingDocumentText(deep, "deep.json")),
    /JSON として読めません|object/,
  );
});

const PEER: { name: string; doc: () => unknown; expect: RegExp | "ok" }[] = [
  { name: "the made-up table", doc: peer(() => {}), expect: "ok" },
  {
    name: "NUL in the title",
    doc: peer((d) => {
      d.title = "類似団体\u0000別職員数";
    }),
    expect: /\$\.title: 資料名: 制御文字（U\+0000）は使えません/,
  },
  {
    name: "an escape sequence in a 部門",
    doc: peer((d) => {
      rows(d)[0]!.sector = "\u001b[31m議会";
    }),
    expect: /部門: 制御文字（U\+001B）は使えません/,
  },
  {
    name: "a 200,000-character 類型",
    doc: peer((d) => {
      d.group = "IV".repeat(100_000);
    }),
    expect: /類型: 200文字以内にしてください/,
  },
  {
    name: "a huge 区分方式 and 部門の体系",
    doc: peer((d) => {
      d.scheme = "s".repeat(1_000_000);
      d.sectorScheme = "t".repeat(1_000_000);
    }),
    expect: /区分方式: 200文字以内[\s\S]*部門の体系: 200文字以内/,
  },
  {
    name: "a 小計 that is a number",
    doc: peer((d) => {
      (d.averages as Doc[])[0]!.total = 42;
    }),
    expect: /小計: .*string/,
  },
  {
    name: "garbage nested 10,000 deep where the rows belong",
    doc: peer((d) => {
      let deep: unknown = {};
      for (let i = 0; i < 10_000; i++) deep = [deep];
      d.rows = deep;
    }),
    expect: /\$\.rows\[0\]/,
  },
  {
    name: "a per-10,000 figure given as text",
    doc: peer((d) => {
      rows(d)[0]!.simplePer10k = "12.3";
    }),
    expect: /単純値: .*number/,
  },
];

for (const c of PEER) {
  test(`peer-table corpus: ${c.name} → ${c.expect === "ok" ? "read" : "refused"}`, () => {
    const got = outcome(() => parsePeerTable(c.doc(), `${c.name}.json`));
    if (c.expect === "ok") assert.equal(got, "ok");
    else assert.match(got, c.expect);
  });
}

test("any JSON value is a staffing document or peer table, or a refusal — never another exception (property)", () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => {
      outcome(() => parseStaffingDocument(v));
      outcome(() => parsePeerTable(v));
    }),
    { numRuns: 300 },
  );
});

test("a field of either replaced by any value (binary strings too): read or refused (property)", () => {
  const paths = (base: unknown) => {
    const out: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      if (path.length > 0) out.push(path);
      if (v && typeof v === "object")
        for (const [k, x] of Object.entries(v)) walk(x, [...path, Array.isArray(v) ? Number(k) : k]);
    };
    walk(base, []);
    return out;
  };
  for (const [base, parse] of [
    [madeUpTownDocument(), parseStaffingDocument],
    [madeUpPeerTable(), parsePeerTable],
  ] as const) {
    fc.assert(
      fc.property(
        fc.constantFrom(...paths(base)),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: "binary" })),
        (path, value) => {
          const doc = structuredClone(base) as Record<string | number, unknown>;
          let at = doc;
          for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
          at[path[path.length - 1]!] = value;
          outcome(() => parse(doc));
        },
      ),
      { numRuns: 400 },
    );
  }
});
