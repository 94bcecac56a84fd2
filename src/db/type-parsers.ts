/**
 * One set of type parsers for both databases, so that PGlite and PostgreSQL return the same JS values.
 * int8 (counts) and numeric (values such as 98.1) come back as numbers; timestamps as Date; jsonb parsed.
 */
export const OID = { int8: 20, numeric: 1700, timestamptz: 1184, timestamp: 1114, date: 1082 } as const;

function toNumber(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`数値に変換できません: ${text}`);
  return n;
}

export const typeParsers: Record<number, (text: string) => unknown> = {
  [OID.int8]: toNumber,
  [OID.numeric]: toNumber,
  [OID.timestamptz]: (t) => new Date(t),
  [OID.timestamp]: (t) => new Date(`${t}Z`),
  [OID.date]: (t) => t,
};
