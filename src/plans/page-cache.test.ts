import assert from "node:assert/strict";
import { test } from "node:test";
import { Hono } from "hono";
import { contextStorage } from "hono/context-storage";
import type { AuthEnv } from "../core/request.ts";
import { cachedPlanPart, clearPageCache } from "./page-cache.ts";

/** The kept part as text. */
const cachedPlanHtml = async (...args: Parameters<typeof cachedPlanPart>) =>
  new TextDecoder().decode(await cachedPlanPart(...args));

const ref = (dataVersion: string | null) => ({ id: "p1", municipalityCode: "012173", dataVersion });

test("a part is rendered once per plan version and variant; a new version replaces the old", async () => {
  clearPageCache();
  let renders = 0;
  const render = (text: string) => () => {
    renders++;
    return text;
  };
  assert.equal(await cachedPlanHtml(ref("v1"), "a", render("one")), "one");
  assert.equal(await cachedPlanHtml(ref("v1"), "a", render("other")), "one");
  assert.equal(await cachedPlanHtml(ref("v1"), "b", render("b")), "b");
  assert.equal(renders, 2);
  assert.equal(await cachedPlanHtml(ref("v2"), "a", render("two")), "two");
  // v1 is gone with its variants: asked again (a request that read the old version), it is rendered again
  assert.equal(await cachedPlanHtml(ref("v1"), "b", render("b again")), "b again");
  // another municipality's plan with the same id is another entry
  assert.equal(await cachedPlanHtml({ ...ref("v2"), municipalityCode: "011002" }, "a", render("x")), "x");
  // no version known: never kept
  assert.equal(await cachedPlanHtml(ref(null), "a", render("n1")), "n1");
  assert.equal(await cachedPlanHtml(ref(null), "a", render("n2")), "n2");
});

test("a part holding the request's CSRF token is refused, not kept", async () => {
  clearPageCache();
  const app = new Hono<AuthEnv>();
  app.use(contextStorage());
  app.use(async (c, next) => {
    c.set("csrfToken", "token-of-this-reader");
    await next();
  });
  app.get("/form", async (c) =>
    c.html(
      await cachedPlanHtml(ref("v1"), "form", () => '<input name="_csrf" value="token-of-this-reader">'),
    ),
  );
  app.get("/plain", async (c) => c.html(await cachedPlanHtml(ref("v1"), "plain", () => "<p>plan</p>")));
  app.onError((e, c) => c.text(e.message, 500));
  const refused = await app.request("/form");
  assert.equal(refused.status, 500);
  assert.match(await refused.text(), /CSRF/);
  assert.equal(await (await app.request("/plain")).text(), "<p>plan</p>");
});

test("requests that miss together share one render; a failed render is not shared with those that wait", async () => {
  clearPageCache();
  let renders = 0;
  let finish!: (html: string) => void;
  const slow = () => {
    renders++;
    return new Promise<string>((resolve) => {
      finish = resolve;
    });
  };
  const a = cachedPlanHtml(ref("v1"), "x", slow);
  const b = cachedPlanHtml(ref("v1"), "x", slow);
  finish("<p>once</p>");
  assert.deepEqual(await Promise.all([a, b]), ["<p>once</p>", "<p>once</p>"]);
  assert.equal(renders, 1);
  const failing = cachedPlanHtml(ref("v1"), "y", () => Promise.reject(new Error("budget spent")));
  const waiting = cachedPlanHtml(ref("v1"), "y", () => "<p>own</p>");
  await assert.rejects(failing, /budget spent/);
  assert.equal(await waiting, "<p>own</p>");
});
