/**
 * The way back after login and after a setting is a path on this server (issue 17.4), checked at the routes:
 * whatever `next` or `back` says, the Location header is a same-origin path a browser cannot read as another
 * host (no `//`, no backslash, no tab or line break, no scheme), and the answer is never a 500.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";

const HOSTILE = [
  "/%09/evil.example",
  "/\t/evil.example",
  "//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/%0a/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%0d%0aSet-Cookie:x=1",
  "https://evil.example/",
  "http:evil.example",
  "javascript:alert(1)",
  "/%2f/evil.example",
  "/.//evil.example",
  "/%5cevil.example",
];

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not be there
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/** A Location a browser resolves to this server: a path, read against our origin, stays on our origin. */
function assertSameOrigin(location: string | null, given: string): void {
  assert.ok(location !== null, `no Location for ${JSON.stringify(given)}`);
  assert.match(location, /^\/(?![/\\])/, `${JSON.stringify(given)} → ${JSON.stringify(location)}`);
  assert.doesNotMatch(location, UNSAFE, `${JSON.stringify(given)} → ${JSON.stringify(location)}`);
  const ours = "http://gyokaku.test";
  assert.equal(
    new URL(location, ours).origin,
    ours,
    `${JSON.stringify(given)} → ${JSON.stringify(location)}`,
  );
}

describe("redirect targets after login and after a setting", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let viewer: TestSession;
  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    await importDocuments(open.db, [samplePlanDocument()]);
    viewer = await signIn(open.db, "viewer");
  });
  after(async () => open.close());

  test("GET /login?next=… of a signed-in user goes to a same-origin path", async () => {
    for (const next of HOSTILE) {
      const res = await app.request(`http://localhost/login?next=${encodeURIComponent(next)}`, {
        headers: { cookie: viewer.cookie },
      });
      assert.equal(res.status, 303, `${JSON.stringify(next)}: ${res.status}`);
      assertSameOrigin(res.headers.get("location"), next);
    }
    // the raw form of the probe: %09 and %0a in the query as sent
    for (const raw of [
      "/login?next=/%09/evil.example",
      "/login?next=/%0a/evil.example",
      "/login?next=//evil.example",
    ]) {
      const res = await app.request(`http://localhost${raw}`, { headers: { cookie: viewer.cookie } });
      assert.equal(res.status, 303, raw);
      assertSameOrigin(res.headers.get("location"), raw);
    }
    const local = await app.request("http://localhost/login?next=%2Fdashboard%3Ffy%3D2021", {
      headers: { cookie: viewer.cookie },
    });
    assert.equal(local.headers.get("location"), "/dashboard?fy=2021", "a local path is kept");
  });

  test("the login form carries only a same-origin path in its next field", async () => {
    for (const next of HOSTILE) {
      const res = await app.request(`http://localhost/login?next=${encodeURIComponent(next)}`);
      assert.equal(res.status, 200, JSON.stringify(next));
      const value = /name="next" value="([^"]*)"/.exec(await res.text())?.[1] ?? null;
      assertSameOrigin(value?.replaceAll("&amp;", "&") ?? null, next);
    }
  });

  test("POST /login with a hostile next goes to a same-origin path", async () => {
    // each login hashes the password (scrypt): the forms the probe and the browsers use
    const probe = [
      "/\t/evil.example",
      "//evil.example",
      "/\\evil.example",
      "/\n/evil.example",
      "https://evil.example/",
    ];
    for (const next of probe) {
      const form = await app.request("http://localhost/login");
      const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
      const cookie = /gyokaku_login_csrf=([^;]+)/.exec(form.headers.get("set-cookie")!)![1]!;
      const res = await app.request("http://localhost/login", {
        method: "POST",
        body: new URLSearchParams({
          _csrf: token,
          email: viewer.email,
          password: "test-password-123",
          next,
          municipality: viewer.municipalityCode,
        }),
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: `gyokaku_login_csrf=${cookie}`,
        },
      });
      assert.equal(res.status, 303, `${JSON.stringify(next)}: ${res.status}`);
      assertSameOrigin(res.headers.get("location"), next);
      assert.match(res.headers.get("set-cookie") ?? "", /gyokaku_session=/, "signed in");
    }
  });

  test("POST /settings/era with a hostile back goes to a same-origin path", async () => {
    for (const back of HOSTILE) {
      const res = await app.request("/settings/era", postForm(viewer, { era: "seireki", back }));
      assert.equal(res.status, 303, `${JSON.stringify(back)}: ${res.status}`);
      assertSameOrigin(res.headers.get("location"), back);
    }
    const local = await app.request(
      "/settings/era",
      postForm(viewer, { era: "wareki", back: "/dashboard?fy=2021" }),
    );
    assert.equal(local.headers.get("location"), "/dashboard?fy=2021");
  });
});
