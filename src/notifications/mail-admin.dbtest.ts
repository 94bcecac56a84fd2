// The admin mail page's test mail (against a real SMTP server, one that refuses the login, and one that is
// down) and the SMTP password encrypted at rest: never in clear in the database nor in the page, a key from
// the environment or the data directory, existing values encrypted by the migration, another key = re-enter.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { Migrator, sql } from "kysely";
import {
  openSecret,
  SecretUnreadableError,
  sealSecret,
  secretKeyLocation,
  useSecretKeyFrom,
} from "../core/secrets.ts";
import { migrate, type OpenDatabase, openDatabase } from "../db/database.ts";
import { migrationProvider } from "../db/migrations/index.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { type SmtpSink, startSmtpSink } from "../testing/smtp-sink.ts";
import { createApp } from "../web/app.tsx";
import { mailSettingsFor } from "./settings.service.ts";

const APP_URL = "http://gyokaku.city.example.lg.jp";

describe("the test mail and the SMTP password at rest", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let sink: SmtpSink;
  let strict: SmtpSink;
  let admin: TestSession;
  let office: TestSession;
  const get = (s: TestSession, path: string) => app.request(path, { headers: { cookie: s.cookie } });
  const post = (s: TestSession, path: string, body: Record<string, string> = {}) =>
    app.request(path, postForm(s, body));
  const settings = (port: number, username = "", password = "") => ({
    host: "127.0.0.1",
    port: String(port),
    username,
    password,
    from: "gyokaku@city.example.lg.jp",
    appUrl: APP_URL,
  });
  const storedRow = async () =>
    (await sql<Record<string, unknown>>`select * from mail_settings`.execute(open.db)).rows[0]!;

  before(async () => {
    sink = await startSmtpSink();
    strict = await startSmtpSink({ user: "gyokaku", password: "the-right-one" });
    open = await openTestDatabase();
    app = createApp(open);
    await importDocuments(open.db, [samplePlanDocument()]);
    admin = await signIn(open.db, "admin", {
      municipalityCode: "012173",
      name: "管理 一郎",
      email: "kanri@city.example.lg.jp",
    });
    office = await signIn(open.db, "office", { municipalityCode: "012173" });
  });
  after(async () => {
    useSecretKeyFrom(null);
    await open.close();
    await sink.close();
    await strict.close();
  });

  test("without settings the test mail says so in Japanese", async () => {
    const res = await post(admin, "/admin/mail/test");
    assert.equal(res.status, 400);
    assert.match(
      await res.text(),
      /テストメールを kanri@city\.example\.lg\.jp に送信できませんでした。メールの設定がありません/,
    );
  });

  test("the test mail reaches the signed-in admin's address: recipient, subject, link; in the history", async () => {
    assert.equal((await post(admin, "/admin/mail", settings(sink.port))).status, 303);
    const page = await (await get(admin, "/admin/mail")).text();
    assert.match(page, /action="\/admin\/mail\/test"[\s\S]*テストメールを送信/);
    const res = await post(admin, "/admin/mail/test");
    assert.equal(res.status, 200);
    assert.match(await res.text(), /テストメールを kanri@city\.example\.lg\.jp に送信しました/);
    const [mail] = sink.to("kanri@city.example.lg.jp");
    assert.ok(mail, "the test mail arrived");
    assert.equal(sink.mails.length, 1, "to the admin only");
    assert.equal(mail.subject, "【gyokaku】テストメール");
    assert.match(mail.text, /^管理 一郎 様\n/);
    assert.match(mail.text, new RegExp(`SMTP サーバー: 127\\.0\\.0\\.1:${sink.port}`));
    assert.ok(mail.text.includes(`${APP_URL}/admin/mail`));
    const history = await (await get(admin, "/admin/mail")).text();
    assert.match(history, /テストメールを送信<\/strong>[\s\S]*送信しました/);
    // the reform office sees the page but may neither change the settings nor send a test mail
    assert.doesNotMatch(await (await get(office, "/admin/mail")).text(), /action="\/admin\/mail\/test"/);
    assert.equal((await post(office, "/admin/mail/test")).status, 403);
  });

  test("a refused login and a server that is down: plain Japanese on the page, no stack; in the history", async () => {
    assert.equal(
      (await post(admin, "/admin/mail", settings(strict.port, "gyokaku", "the-wrong-one"))).status,
      303,
    );
    let res = await post(admin, "/admin/mail/test");
    assert.equal(res.status, 502);
    let html = await res.text();
    assert.match(html, /テストメールを送信できませんでした/);
    assert.match(
      html,
      /SMTP サーバー（127\.0\.0\.1:\d+）がログインを拒否しました。ユーザー名とパスワードを確認してください。/,
    );
    assert.match(html, /サーバーの応答: 535/);
    assert.doesNotMatch(html, /\bat \S+\.(ts|js):\d+|Error:|EAUTH/);
    assert.equal(strict.mails.length, 0);

    const down = await startSmtpSink();
    const port = down.port;
    await down.close();
    assert.equal((await post(admin, "/admin/mail", settings(port))).status, 303);
    res = await post(admin, "/admin/mail/test");
    assert.equal(res.status, 502);
    html = await res.text();
    assert.match(
      html,
      new RegExp(`SMTP サーバー（127\\.0\\.0\\.1:${port}）に接続できません（接続を拒否されました）`),
    );
    assert.doesNotMatch(html, /ECONNREFUSED|\bat \S+\.(ts|js):\d+/);
    const events = await sql<{ after: { result: string } }>`
      select after from audit_events where action = 'mail.test' order by at`.execute(open.db);
    assert.deepEqual(
      events.rows.map((e) => e.after.result.replace(/:.*$/, "")),
      ["送信できませんでした", "送信しました", "送信できませんでした", "送信できませんでした"],
    );
    assert.match(events.rows[2]!.after.result, /ログインを拒否/);
    assert.match(events.rows[3]!.after.result, /接続できません/);
  });

  test("the password is stored encrypted, never shown, kept when the field is left empty, and works", async () => {
    assert.equal(
      (await post(admin, "/admin/mail", settings(strict.port, "gyokaku", "the-right-one"))).status,
      303,
    );
    const row = await storedRow();
    assert.equal("password" in row, false, "no clear column any more");
    assert.match(String(row.password_sealed), /^aes256gcm:v1:[A-Za-z0-9+/=]+$/);
    assert.doesNotMatch(JSON.stringify(row), /the-right-one/);
    const page = await (await get(admin, "/admin/mail")).text();
    assert.doesNotMatch(page, /the-right-one/);
    assert.match(page, /パスワード（設定済み）/);
    // saved again with the field empty: the stored password stays
    assert.equal((await post(admin, "/admin/mail", settings(strict.port, "gyokaku", ""))).status, 303);
    assert.equal((await post(admin, "/admin/mail/test")).status, 200);
    assert.equal(strict.to("kanri@city.example.lg.jp").length, 1, "logged in with the decrypted password");
    const history = await sql<{ after: unknown }>`
      select after from audit_events where action = 'mail.settings'`.execute(open.db);
    assert.doesNotMatch(JSON.stringify(history.rows), /the-right-one/, "nor in the history");
  });

  test("a backup holds the password encrypted only, and a restore with the same key reads it", async () => {
    const { backupToFile, restoreFromFile } = await import("../backup/backup.service.ts");
    const dir = mkdtempSync(join(tmpdir(), "gyokaku-mail-backup-"));
    const restored = await openTestDatabase();
    try {
      const file = join(dir, "all.jsonl.gz");
      await backupToFile(open.db, "all", file);
      const text = gunzipSync(readFileSync(file)).toString("utf8");
      assert.doesNotMatch(text, /the-right-one/);
      assert.match(text, /aes256gcm:v1:/);
      await restoreFromFile(restored.db, file);
      assert.equal((await mailSettingsFor(restored.db, "012173", {}))?.password, "the-right-one");
    } finally {
      await restored.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("another key (a backup restored on another server): the page says to enter the password again", async () => {
    const other = { GYOKAKU_SECRET_KEY: Buffer.alloc(32, 7).toString("base64") };
    useSecretKeyFrom(null, other);
    try {
      const s = await mailSettingsFor(open.db, "012173", {});
      assert.equal(s?.password, null);
      assert.match(
        s?.passwordProblem ?? "",
        /パスワードを読めません: 鍵（環境変数 GYOKAKU_SECRET_KEY）で復号できません/,
      );
      assert.match(await (await get(admin, "/admin/mail")).text(), /入力し直してください/);
      const res = await post(admin, "/admin/mail/test");
      assert.equal(res.status, 502);
      assert.match(await res.text(), /パスワードを読めません/);
      // entering it again under this key works
      await post(admin, "/admin/mail", settings(strict.port, "gyokaku", "the-right-one"));
      assert.equal((await mailSettingsFor(open.db, "012173", {}))?.password, "the-right-one");
    } finally {
      useSecretKeyFrom(null);
    }
  });

  test("the key: from the environment (hex or base64), else a file made in the data directory (mode 600)", () => {
    const dir = mkdtempSync(join(tmpdir(), "gyokaku-secret-"));
    try {
      useSecretKeyFrom(dir, {});
      assert.equal(secretKeyLocation(), join(dir, "secret.key"));
      const sealed = sealSecret("パスワード");
      assert.notEqual(sealed, sealSecret("パスワード"), "a fresh IV each time");
      assert.equal(openSecret(sealed), "パスワード");
      const file = join(dir, "secret.key");
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal(Buffer.from(readFileSync(file, "utf8").trim(), "base64").length, 32);
      // the same key from the environment reads it; a damaged value or another key does not
      const hex = Buffer.from(readFileSync(file, "utf8").trim(), "base64").toString("hex");
      useSecretKeyFrom(null, { GYOKAKU_SECRET_KEY: hex });
      assert.equal(openSecret(sealed), "パスワード");
      assert.throws(() => openSecret(`${sealed.slice(0, -4)}AAA=`), SecretUnreadableError);
      useSecretKeyFrom(null, { GYOKAKU_SECRET_KEY: "too-short" });
      assert.throws(() => sealSecret("x"), /GYOKAKU_SECRET_KEY の鍵が読めません。32 バイト/);
      useSecretKeyFrom(join(dir, "elsewhere"), {});
      assert.throws(() => openSecret(sealed), /鍵（.*elsewhere\/secret\.key）がありません/);
    } finally {
      useSecretKeyFrom(null);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the migration encrypts a password stored in clear before it", async () => {
    const old = await openDatabase({ kind: "pglite-memory" }, { migrate: false });
    try {
      const migrator = new Migrator({ db: old.db, provider: migrationProvider });
      const r = await migrator.migrateTo("2026-12-07T0210-plan-scales");
      assert.equal(r.error, undefined);
      await sql`insert into municipalities (municipality_code, name) values ('012173', '江別市')`.execute(
        old.db,
      );
      await sql`insert into mail_settings (municipality_code, host, port, starttls, username, password,
        from_address, app_url, updated_by)
        values ('012173', 'mail.example.jp', 25, false, 'gyokaku', 'clear-text-secret', 'g@example.jp',
        'http://x', 'test')`.execute(old.db);
      await migrate(old.db);
      const row = (await sql<Record<string, unknown>>`select * from mail_settings`.execute(old.db)).rows[0]!;
      assert.equal("password" in row, false);
      assert.doesNotMatch(JSON.stringify(row), /clear-text-secret/);
      assert.equal(openSecret(String(row.password_sealed)), "clear-text-secret");
      assert.equal((await mailSettingsFor(old.db, "012173", {}))?.password, "clear-text-secret");
    } finally {
      await old.close();
    }
  });
});
