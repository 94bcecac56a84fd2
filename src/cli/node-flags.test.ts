// The flags of node a command runs with (nodeFlags, given by bin/gyokaku.js): a low-memory server's heap.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { templateExists } from "../db/pglite-template-path.ts";
import { nodeFlags } from "./main.ts";

describe("nodeFlags", () => {
  test("a server keeps V8's defaults unless GYOKAKU_LOW_MEMORY=1 asks for less memory", () => {
    assert.deepEqual(nodeFlags(["serve"], {}), []);
    assert.deepEqual(nodeFlags(["serve"], { GYOKAKU_LOW_MEMORY: "0" }), []);
    const low = nodeFlags(["serve"], { GYOKAKU_LOW_MEMORY: "1" });
    assert.ok(low.includes("--optimize-for-size"), low.join(" "));
    assert.equal(
      low.includes("--liftoff-only"),
      templateExists(),
      "the quick WebAssembly code once a template is there",
    );
  });

  test("on PostgreSQL a low-memory server gets the smaller heap but not the quick WebAssembly code", () => {
    const env = { GYOKAKU_LOW_MEMORY: "1", DATABASE_URL: "postgres://127.0.0.1/gyokaku" };
    assert.deepEqual(nodeFlags(["serve"], env), ["--optimize-for-size"]);
    assert.deepEqual(nodeFlags(["doctor"], env), []);
  });

  test("other commands: the heap as it is, nothing for an unknown command", () => {
    const env = { GYOKAKU_LOW_MEMORY: "1" };
    assert.ok(!nodeFlags(["doctor"], env).includes("--optimize-for-size"));
    assert.deepEqual(nodeFlags(["no-such-command"], env), []);
    assert.deepEqual(nodeFlags([], env), []);
  });
});
