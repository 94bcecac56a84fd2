/**
 * CRC-32 of two byte runs joined, from the CRC-32 of each and the second's length, without reading the bytes
 * (zlib's crc32_combine, which Node.js does not expose; the method of zlib 1.2.12's crc32.c: multiplying modulo
 * the CRC polynomial by x^(8·length)). A page sent as one gzip stream around a kept part of hundreds of
 * kilobytes (src/core/ui/kept-part.ts) needs the CRC-32 of the whole: reading the kept part again for it cost
 * about 0.2 ms a request for a 700 KB plan, combining costs microseconds.
 */

/** The CRC-32 polynomial, reflected (as zlib's crc32 uses it). */
const POLY = 0xedb88320;

/** a·b modulo the polynomial (both reflected). */
function multiplyModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0…31. */
const X2N: number[] = (() => {
  const table: number[] = [];
  let p = 0x40000000; // x^1
  table.push(p);
  for (let n = 1; n < 32; n++) {
    p = multiplyModP(p, p);
    table.push(p);
  }
  return table;
})();

/** x^(n·2^k) modulo the polynomial. */
function x2nModP(n: number, k: number): number {
  let p = 0x80000000; // x^0 = 1
  while (n) {
    if (n & 1) p = multiplyModP(X2N[k & 31]!, p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}

/**
 * The CRC-32 of A followed by B, given crc32(A), crc32(B) and B's length in bytes.
 * @example crc32Combine(crc32(a), crc32(b), b.length) === crc32(Buffer.concat([a, b]))
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multiplyModP(x2nModP(lengthB, 3), crcA) ^ crcB) >>> 0;
}
