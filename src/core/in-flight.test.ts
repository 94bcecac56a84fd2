import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { inFlight } from "./in-flight.ts";

describe("inFlight", () => {
  test("callers during a run share it; the next caller after it starts a new one; owners and keys apart", async () => {
    const shared = inFlight<object, number>();
    const owner = {};
    let runs = 0;
    let release: () => void = () => {};
    const work = () =>
      new Promise<number>((done) => {
        runs++;
        release = () => done(runs);
      });
    const a = shared(owner, "k", work);
    const b = shared(owner, "k", work);
    assert.equal(runs, 1, "the second caller joined the first run");
    const other = shared({}, "k", async () => 7);
    const otherKey = shared(owner, "j", async () => 8);
    assert.deepEqual([await other, await otherKey], [7, 8], "another owner or key runs on its own");
    release();
    assert.deepEqual([await a, await b], [1, 1]);
    const c = shared(owner, "k", work);
    assert.equal(runs, 2, "a caller after the run settled starts a new run");
    release();
    assert.equal(await c, 2);
  });

  test("a failure goes to every caller of that run, and the next run starts afresh", async () => {
    const shared = inFlight<object, number>();
    const owner = {};
    const failing = shared(owner, "k", async () => {
      throw new Error("down");
    });
    const joined = shared(owner, "k", async () => 1);
    await assert.rejects(failing, /down/);
    await assert.rejects(joined, /down/);
    assert.equal(await shared(owner, "k", async () => 2), 2);
  });
});
