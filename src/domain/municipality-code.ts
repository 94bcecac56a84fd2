/**
 * 全国地方公共団体コード: five digits and a check digit.
 * The 6th digit is (11 − (6a + 5b + 4c + 3d + 2e) mod 11) mod 10 over the first five digits abcde.
 * @example checkDigit("01224") === 6  // 千歳市 012246
 */
export function checkDigit(firstFive: string): number {
  if (!/^\d{5}$/.test(firstFive)) throw new Error(`5桁の数字ではありません: ${firstFive}`);
  const weights = [6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(firstFive[i]), 0);
  return (11 - (sum % 11)) % 10;
}

/** Why a municipality code is invalid, or null when it is valid. @example codeProblem("012246") === null */
export function codeProblem(code: string): string | null {
  if (!/^\d{6}$/.test(code)) return `全国地方公共団体コードは6桁の数字です（入力: "${code}"）`;
  const expected = checkDigit(code.slice(0, 5));
  if (Number(code[5]) !== expected) {
    return `全国地方公共団体コード "${code}" の検査数字が違います（6桁目は ${expected} のはず）`;
  }
  return null;
}

export function isValidMunicipalityCode(code: string): boolean {
  return codeProblem(code) === null;
}

/**
 * The code of the shared reference scope: data every municipality of the instance uses (the national
 * 類似団体別職員数 tables). Its check digit is wrong on purpose (000000 would need 1), so it is never a
 * municipality's code, and no user or plan can belong to it.
 */
export const SHARED_REFERENCE_CODE = "000000";
