import assert from "node:assert/strict";
import { test } from "node:test";
import { checkDigit, codeProblem, isValidMunicipalityCode } from "./municipality-code.ts";

test("check digits of Chitose, Ebetsu and Sapporo", () => {
  assert.equal(checkDigit("01224"), 6);
  assert.equal(checkDigit("01217"), 3);
  assert.equal(checkDigit("01100"), 2);
  for (const c of ["012246", "012173", "011002", "131016"]) assert.ok(isValidMunicipalityCode(c), c);
});

test("wrong check digit, wrong length and letters are refused with a reason", () => {
  assert.match(codeProblem("012247")!, /検査数字/);
  assert.match(codeProblem("01224")!, /6桁/);
  assert.match(codeProblem("01224a")!, /6桁/);
});
