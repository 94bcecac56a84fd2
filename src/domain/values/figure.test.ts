import assert from "node:assert/strict";
import { test } from "node:test";
import { plainNumber, precisionOf, printFigure } from "./figure.ts";
import { readValue } from "./values.ts";

const read = (text: string) => readValue(text) as Parameters<typeof printFigure>[0];

test("full-width digits are printed half-width with the indicator's unit", () => {
  assert.equal(printFigure(read("１００"), "人"), "100人");
  assert.equal(printFigure(read("１２件"), "件"), "12件");
  assert.equal(printFigure(read("150.5"), "時間"), "150.5時間");
  assert.equal(printFigure(read("81,571千円"), "円"), "81,571千円", "its own unit wins");
});

test("the precision of the target", () => {
  assert.equal(printFigure(read("58.12%"), "%", 1), "58.12%", "nothing read is rounded away");
  assert.equal(printFigure(read("11.7日"), "日", 0), "11.7日");
  assert.equal(printFigure(read("58%"), "%", 1), "58.0%");
  assert.equal(precisionOf([{ text: "(R5)58.1%", number: 58.1 }]), 1);
  assert.equal(precisionOf([{ text: "(R5)6,000", number: 6000 }]), 0);
  assert.equal(precisionOf([{ text: "増加" }]), undefined);
});

test("stages, text and empty", () => {
  assert.equal(printFigure(read("実施"), "件"), "実施");
  assert.equal(printFigure(read("—"), "件"), "—");
  assert.equal(printFigure(undefined), "—");
  assert.equal(printFigure(read("約100"), "人"), "約100", "not a figure: as written");
  assert.equal(plainNumber(-1234.5, 1), "-1,234.5");
});
