import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { crc32 } from "node:zlib";
import { crc32Combine } from "./crc32-combine.ts";

test("the CRC-32 of two runs combined equals zlib's CRC-32 of the two joined", () => {
  const lengths = [0, 1, 2, 3, 7, 8, 255, 256, 4096, 65_535, 65_536, 700 * 1024 + 13];
  for (const la of lengths.slice(0, 6))
    for (const lb of lengths) {
      const a = randomBytes(la);
      const b = randomBytes(lb);
      assert.equal(
        crc32Combine(crc32(a), crc32(b), b.length),
        crc32(Buffer.concat([a, b])),
        `lengths ${la} and ${lb}`,
      );
    }
  // three runs, combined from the left as a gzip stream around a kept part is
  const parts = [randomBytes(3000), randomBytes(200_000), randomBytes(17)];
  const combined = parts.reduce(
    (crc, p, i) => (i === 0 ? crc32(p) : crc32Combine(crc, crc32(p), p.length)),
    0,
  );
  assert.equal(combined, crc32(Buffer.concat(parts)));
});
