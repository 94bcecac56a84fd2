/**
 * A zip bomb is refused before more than the cap is decompressed (issue 17.2): the bytes every inflation of
 * the xlsx check produces are counted (zlib's inflateRawSync, wrapped for the test), not the time it takes.
 */
import assert from "node:assert/strict";
import { syncBuiltinESMExports } from "node:module";
import { after, before, describe, test } from "node:test";
import zlib from "node:zlib";
import { deflatedRepeat, writeZip } from "../../testing/zip.ts";
import { AppError } from "../errors.ts";
import { loadWorkbook } from "./load.ts";
import { checkXlsxLimits, XLSX_LIMITS } from "./zip-limits.ts";

const MB = 1024 * 1024;
let inflated = 0;
const original = zlib.inflateRawSync;

const tooLarge = (e: unknown) => {
  assert.ok(e instanceof AppError && e.code === "too_large", String(e));
  return true;
};

describe("zip bombs: decompressed bytes counted", () => {
  before(() => {
    zlib.inflateRawSync = ((buffer: zlib.InputType, options?: zlib.ZlibOptions) => {
      const out = original(buffer, options ?? {});
      inflated += out.length;
      return out;
    }) as typeof zlib.inflateRawSync;
    syncBuiltinESMExports(); // the check's `import { inflateRawSync }` now calls the counting one
  });
  after(() => {
    zlib.inflateRawSync = original;
    syncBuiltinESMExports();
  });

  test("the counting sees an ordinary workbook's inflation", () => {
    inflated = 0;
    checkXlsxLimits(
      writeZip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(1000, 0x20) }]),
      "ok.xlsx",
    );
    assert.equal(inflated, 1000);
  });

  test("a bomb that states its size (400 MB of spaces in a small zip) is refused with nothing inflated", async () => {
    const deflated = await deflatedRepeat(400);
    const bomb = writeZip([{ name: "xl/worksheets/sheet1.xml", deflated, size: 400 * MB }]);
    assert.ok(bomb.length < 2 * MB, `${bomb.length} bytes`);
    inflated = 0;
    await assert.rejects(loadWorkbook(bomb, "bomb.xlsx"), tooLarge);
    assert.equal(inflated, 0, "refused from the zip's directory alone");
  });

  test("a bomb whose directory lies about its size is cut at the size it states", async () => {
    const deflated = await deflatedRepeat(200);
    const liar = writeZip([{ name: "xl/worksheets/sheet1.xml", deflated, declaredSize: 1000 }]);
    inflated = 0;
    assert.throws(() => checkXlsxLimits(liar, "liar.xlsx"), tooLarge);
    assert.ok(inflated <= 1001, `${inflated} bytes inflated`);
  });

  test("many entries that lie together never inflate more than the cap in all", async () => {
    const deflated = await deflatedRepeat(8);
    const limits = { ...XLSX_LIMITS, uncompressedBytes: 4 * MB };
    // each states 1 MB (4 MB in all, within the cap) and holds 8 MB
    const entries = Array.from({ length: 4 }, (_, i) => ({
      name: `xl/media/image${i}.bin`,
      deflated,
      size: MB,
    }));
    inflated = 0;
    assert.throws(() => checkXlsxLimits(writeZip(entries), "many.xlsx", limits), tooLarge);
    assert.ok(inflated <= limits.uncompressedBytes + entries.length, `${inflated} bytes inflated`);
    // the default cap, with a real bomb: at most 64 MB inflated before the refusal
    const big = await deflatedRepeat(300);
    const heavy = Array.from({ length: 3 }, (_, i) => ({
      name: `xl/media/big${i}.bin`,
      deflated: big,
      size: 20 * MB,
    }));
    inflated = 0;
    await assert.rejects(loadWorkbook(writeZip(heavy), "heavy.xlsx"), tooLarge);
    assert.ok(inflated <= XLSX_LIMITS.uncompressedBytes + heavy.length, `${inflated} bytes inflated`);
  });
});
