import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { samplePlanDocument } from "../../testing/factories.ts";
import { parsePlanDocument } from "../plan-document/document.ts";
import type { Item, PlanDocument } from "../plan-document/schema.ts";
import { describeChange } from "./describe.ts";
import { diffPlans, isRemoval, tally } from "./diff.ts";

const sample = (): PlanDocument => parsePlanDocument(samplePlanDocument());
const clone = (d: PlanDocument): PlanDocument => structuredClone(d);

function itemByKey(items: Item[], key: string): Item {
  for (const i of items) {
    if (i.key === key) return i;
    const found = (() => {
      try {
        return itemByKey(i.children, key);
      } catch {
        return undefined;
      }
    })();
    if (found) return found;
  }
  throw new Error(`no item ${key}`);
}

describe("diffPlans", () => {
  test("the same plan, read again from other lines: no changes", () => {
    const a = sample();
    const b = clone(a);
    const ind = itemByKey(b.items, "1-1-1").indicators[0]!;
    ind.actuals[0]!.source = { file: "other.txt", line: 99 };
    b.plan.sources = ["other.txt"];
    assert.deepEqual(diffPlans(a, b), []);
  });

  test("a changed actual: item, indicator, series and year, before → after, nothing removed", () => {
    const a = sample();
    const b = clone(a);
    const act = itemByKey(b.items, "2-1-1").indicators[0]!.actuals.find(
      (x) => x.series === "男性" && x.fiscalYear === 2019,
    )!;
    act.text = "16.0%";
    act.number = 16;
    const changes = diffPlans(a, b);
    assert.equal(changes.length, 1);
    const [c] = changes;
    assert.equal(c!.kind, "changed");
    assert.equal(c!.target, "actual");
    assert.equal(c!.itemKey, "2-1-1");
    assert.equal(c!.indicatorKey, "2-1-1-i1");
    assert.equal(c!.series, "男性");
    assert.equal(c!.fiscalYear, 2019);
    assert.deepEqual(c!.years, [2019]);
    assert.equal((c!.before as { text: string }).text, "15.4%");
    assert.equal((c!.after as { text: string }).text, "16.0%");
    assert.equal(isRemoval(c!), false);
    assert.match(
      describeChange(c!),
      /^変更 .*育児休業.*育児休業取得率（男性） 2019年度 実績値: 15\.4% → 16\.0%$/,
    );
  });

  test("an added actual and a changed description; a cleared text field counts as a removal", () => {
    const a = sample();
    const b = clone(a);
    const item = itemByKey(b.items, "1-1-1");
    item.description = "新しい説明";
    item.indicators[0]!.actuals.push({ fiscalYear: 2022, text: "7,000", kind: "number", number: 7000 });
    delete itemByKey(b.items, "1").texts.現状と課題;
    const changes = diffPlans(a, b);
    assert.deepEqual(
      changes.map((c) => [c.kind, c.target, c.field ?? "", c.fiscalYear ?? ""]),
      [
        ["removed", "item.field", "texts.現状と課題", ""],
        ["changed", "item.field", "description", ""],
        ["added", "actual", "", 2022],
      ],
    );
    assert.deepEqual(
      changes.filter(isRemoval).map((c) => c.before),
      ["課題の例"],
    );
    assert.deepEqual(tally(changes), { added: 1, changed: 1, removed: 1 });
  });

  test("a removed item keeps its whole content (indicators, values, progress) in before, children apart", () => {
    const a = sample();
    const b = clone(a);
    b.items = b.items.filter((i) => i.key !== "1");
    const removed = diffPlans(a, b).filter(isRemoval);
    assert.deepEqual(
      removed.map((c) => c.itemKey),
      ["1", "1-1", "1-1-1"],
    );
    const leaf = removed.find((c) => c.itemKey === "1-1-1")!;
    const before = leaf.before as Item;
    assert.equal(before.indicators.length, 2);
    assert.equal(before.indicators[0]!.actuals.length, 3);
    assert.equal(before.progress[0]!.narrative, "運用を開始した");
    assert.deepEqual(leaf.years, [2019, 2020, 2021, 2022]);
    assert.ok(!("children" in (removed[0]!.before as object)));
  });

  test("a removed progress entry, actual and indicator are removals; a moved item is a change of parent", () => {
    const a = sample();
    const b = clone(a);
    const leaf = itemByKey(b.items, "1-1-1");
    leaf.progress = [];
    leaf.indicators[0]!.actuals.pop();
    leaf.indicators.splice(1, 1);
    // 2-1-1 moves under 1-1
    const moved = itemByKey(b.items, "2-1").children.shift()!;
    itemByKey(b.items, "1-1").children.push(moved);
    const changes = diffPlans(a, b);
    const removed = changes.filter(isRemoval);
    assert.deepEqual(
      removed.map((c) => [c.target, c.fiscalYear ?? c.indicatorKey]),
      [
        ["actual", 2021],
        ["indicator", "1-1-1-i2"],
        ["progress", 2022],
      ],
    );
    const parent = changes.find((c) => c.field === "parent")!;
    assert.deepEqual([parent.before, parent.after, parent.kind], ["2-1", "1-1", "changed"]);
  });

  test("a new plan: everything is added, nothing removed", () => {
    const b = sample();
    const changes = diffPlans(null, b);
    assert.ok(changes.length > 0);
    assert.ok(changes.every((c) => c.kind === "added"));
    assert.equal(changes.filter((c) => c.target === "item").length, 7);
  });

  test("plan fields and departments: renamed department and new title are changes, a left-out department is not removed", () => {
    const a = sample();
    const b = clone(a);
    b.plan.title = "新しい計画";
    b.departments = b.departments.filter((d) => d.key !== "職員課");
    b.departments[0]!.name = "総務局";
    const changes = diffPlans(a, b);
    assert.deepEqual(
      changes.map((c) => [c.kind, c.target, c.field]),
      [
        ["changed", "plan", "title"],
        ["changed", "department", "総務部"],
      ],
    );
    assert.equal(changes.filter(isRemoval).length, 0);
  });

  test("series and several targets of one series are told apart", () => {
    const a = sample();
    const b = clone(a);
    const ind = itemByKey(b.items, "1-1-1").indicators[1]!;
    ind.targets[1]!.text = "(R4～)実施";
    ind.targets[1]!.fromFiscalYear = 2022;
    const changes = diffPlans(a, b);
    assert.equal(changes.length, 1);
    assert.equal(changes[0]!.target, "target");
    assert.deepEqual(changes[0]!.years, []);
  });

  test("a deep tree is compared without recursion limits", () => {
    const a = sample();
    let top: Item = { ...itemByKey(a.items, "1-1-1"), key: "d0", children: [] };
    const root = top;
    for (let i = 1; i < 5000; i++) {
      const next: Item = { ...top, key: `d${i}`, indicators: [], progress: [], activities: [], children: [] };
      top.children.push(next);
      top = next;
    }
    const b = clone(a);
    b.items.push(root);
    const changes = diffPlans(a, b);
    assert.equal(changes.filter((c) => c.target === "item").length, 5000);
  });
});

test("a changed 財政効果額 is one change of the item's field, named 財政効果額", () => {
  const input = samplePlanDocument();
  input.items![0]!.fiscalEffects = [
    { fiscalYear: 2020, kind: "revenue_increase", planned: 10, unit: "千円" },
  ];
  const changes = diffPlans(sample(), parsePlanDocument(input));
  assert.equal(changes.length, 1);
  assert.equal(changes[0]!.field, "fiscalEffects");
  assert.match(describeChange(changes[0]!), /財政効果額/);
});
