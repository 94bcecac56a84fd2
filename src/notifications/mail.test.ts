/** What the admin's mail page says when a mail cannot be sent: plain Japanese, never an internal message. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { describeSmtpError, MailSettingsProblem } from "./mail.ts";

const settings = { host: "mail.example.jp", port: 587 };
const smtpError = (message: string, extra: Record<string, unknown>) =>
  Object.assign(new Error(message), extra);

test("known SMTP failures in plain Japanese, naming the server", () => {
  assert.match(
    describeSmtpError(
      smtpError("Invalid login: 535 5.7.8 bad", { code: "EAUTH", response: "535 5.7.8 bad" }),
      settings,
    ),
    /^SMTP サーバー（mail\.example\.jp:587）がログインを拒否しました。.*サーバーの応答: 535 5\.7\.8 bad$/,
  );
  assert.match(
    describeSmtpError(smtpError("connect ECONNREFUSED 127.0.0.1:587", { code: "ESOCKET" }), settings),
    /接続できません（接続を拒否されました）/,
  );
  assert.match(
    describeSmtpError(smtpError("getaddrinfo ENOTFOUND mail.example.jp", { code: "EDNS" }), settings),
    /サーバーの名前（mail\.example\.jp）が見つかりません/,
  );
  assert.match(
    describeSmtpError(smtpError("Greeting never received", { code: "ETIMEDOUT" }), settings),
    /時間内に応答がありません/,
  );
});

test("the server's answer is shown short and without control characters", () => {
  const said = describeSmtpError(
    smtpError("Message failed", { code: "EMESSAGE", response: `550 no\u0000\u001b[2J${"x".repeat(5_000)}` }),
    settings,
  );
  assert.match(said, /^SMTP サーバー（mail\.example\.jp:587）が送信を断りました。 サーバーの応答: 550 no /);
  assert.ok(!said.includes("\u0000") && !said.includes("\u001b"), "no control characters");
  assert.ok(said.length < 400, `${said.length} characters`);
});

test("any other error: a generic message with a reference, the detail only in the log", (t) => {
  const logged: string[] = [];
  t.mock.method(console, "error", (...args: unknown[]) => {
    logged.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(" "));
  });
  const internal = new TypeError(
    "Cannot read properties of undefined (reading 'socket') at /srv/gyokaku/x.js:1",
  );
  const said = describeSmtpError(internal, settings);
  assert.doesNotMatch(said, /Cannot read|socket|\/srv|TypeError/);
  const reference = /この番号をお知らせください: ([0-9a-f]{8})$/.exec(said)?.[1];
  assert.ok(reference, said);
  assert.match(said, /^SMTP サーバー（mail\.example\.jp:587）にメールを送信できませんでした。/);
  assert.ok(
    logged.some((l) => l.includes(reference) && l.includes("Cannot read properties")),
    logged.join("\n"),
  );
  // not even an error: the same
  assert.doesNotMatch(describeSmtpError("ECONNRESET raw string", settings), /raw string/);
});

test("a problem of the settings, written by us, is shown as it is", () => {
  const said = describeSmtpError(
    new MailSettingsProblem("保存されている SMTP のパスワードを読めません: 鍵がありません。"),
    settings,
  );
  assert.equal(said, "保存されている SMTP のパスワードを読めません: 鍵がありません。");
});
