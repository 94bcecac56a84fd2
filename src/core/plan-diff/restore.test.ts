import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { samplePlanDocument } from "../../testing/factories.ts";
import { parsePlanDocument } from "../plan-document/document.ts";
import type { PlanDocument } from "../plan-document/schema.ts";
import { diffPlans, isRemoval } from "./diff.ts";
import { isRestorablePlace, restoreRemoved } from "./restore.ts";

const sample = (): PlanDocument => parsePlanDocument(samplePlanDocument());

describe("restoring a removed item", () => {
  test("a removed item's place in the tree is kept: parent, position, the sibling before it", () => {
    const a = sample();
    const b = structuredClone(a);
    b.items[1]!.children[0]!.children.splice(1, 1);
    b.items = b.items.filter((i) => i.key !== "1");
    const places = diffPlans(a, b)
      .filter(isRemoval)
      .map((c) => [c.itemKey, c.parentKey, c.position, c.previousKey]);
    assert.deepEqual(places, [
      ["1", null, 0, null],
      ["1-1", "1", 0, null],
      ["1-1-1", "1-1", 0, null],
      ["2-1-2", "2-1", 1, "2-1-1"],
    ]);
  });

  test("the removals of a subtree put back parent first give the document as it was", () => {
    const a = sample();
    const b = structuredClone(a);
    b.items = b.items.filter((i) => i.key !== "2");
    let doc = b;
    for (const c of diffPlans(a, b).filter(isRemoval)) {
      const back = restoreRemoved(doc, c, c.before);
      assert.ok(back.ok, back.ok ? "" : back.reason);
      doc = back.document;
    }
    assert.deepEqual(doc, a);
  });

  test("without the sibling it followed, at its old position; refused over its key; old removals not offered", () => {
    const a = sample();
    const b = structuredClone(a);
    b.items[1]!.children[0]!.children.splice(1, 1);
    const removal = diffPlans(a, b).find(isRemoval)!;
    const moved = restoreRemoved(b, { ...removal, previousKey: "gone" }, removal.before);
    assert.ok(moved.ok);
    assert.deepEqual(
      moved.document.items[1]!.children[0]!.children.map((i) => i.key),
      ["2-1-1", "2-1-2"],
    );
    const taken = restoreRemoved(a, removal, removal.before);
    assert.deepEqual(taken, {
      ok: false,
      reason: "項目のキー「2-1-2」は今の計画で使われています（上書きはしません）。",
    });
    assert.equal(isRestorablePlace({ target: "item" }), false);
    assert.equal(isRestorablePlace({ target: "item", position: 0 }), true);
  });
});
