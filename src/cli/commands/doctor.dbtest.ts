// `gyokaku doctor` in this process: what is missing is said in plain Japanese with how to fix it; something
// needed missing ends with exit code 1, something optional (PDF, mail) only warns.
import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { cliSandbox, cliSkip } from "../../testing/cli.ts";

const sandbox = cliSandbox("doctor");

describe("gyokaku doctor", { skip: cliSkip() }, () => {
  const saved = {
    CHROMIUM_PATH: process.env.CHROMIUM_PATH,
    GYOKAKU_SMTP_HOST: process.env.GYOKAKU_SMTP_HOST,
  };
  after(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    sandbox.cleanup();
  });

  test("without Chromium and mail settings: warnings with what to install, exit code 0", async () => {
    process.env.CHROMIUM_PATH = join(sandbox.dir, "no-chromium");
    delete process.env.GYOKAKU_SMTP_HOST;
    const r = await sandbox.gyokaku("doctor");
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /✓ データディレクトリ: .*はまだありません（最初の起動で作ります）/);
    assert.match(r.out, /✓ データベース: PGlite（.*）。まだ作られていません（最初の起動で作ります）/);
    assert.ok(!existsSync(sandbox.data), "looking created no database");
    assert.match(r.out, /✓ フォント: BIZ UDPゴシック/);
    assert.match(r.out, /! PDF: PDF を作るには Chromium が必要です。CHROMIUM_PATH の .* がありません/);
    assert.match(r.out, /→ Debian\/Ubuntu では sudo apt-get install chromium/);
    assert.match(
      r.out,
      /! メール: 環境変数に送信の設定がありません（GYOKAKU_SMTP_HOST など）。管理画面 \/admin\/mail で設定した団体はそちらで送ります/,
    );
    assert.match(r.out, /✓ 秘密の鍵: .*secret\.key（まだありません。/);
    assert.match(r.out, /結果: 必要なものはそろっています（注意 2 件/);
  });

  test("mail settings are reported without their secrets; a data directory that is a file fails", async () => {
    process.env.GYOKAKU_SMTP_HOST = "mail.city.example.lg.jp";
    process.env.GYOKAKU_SMTP_PASSWORD = "secret-123";
    process.env.GYOKAKU_SMTP_USER = "gyokaku";
    process.env.GYOKAKU_SMTP_PORT = "587";
    process.env.GYOKAKU_SMTP_STARTTLS = "1";
    process.env.GYOKAKU_SMTP_FROM = "gyokaku@city.example.lg.jp";
    process.env.GYOKAKU_APP_URL = "https://gyokaku.city.example.lg.jp";
    try {
      const file = join(sandbox.dir, "not-a-folder");
      writeFileSync(file, "x");
      const r = await sandbox.run(["doctor", "--no-pdf"], { data: file });
      assert.equal(r.code, 1);
      assert.match(
        r.out,
        /✓ メール: mail\.city\.example\.lg\.jp:587 に送ります、STARTTLS 必須、認証ユーザー gyokaku（パスワードあり）、送信元 gyokaku@city\.example\.lg\.jp、リンク https:\/\/gyokaku\.city\.example\.lg\.jp/,
      );
      assert.doesNotMatch(r.out, /secret-123/);
      assert.match(r.out, /✗ データディレクトリ: .* はフォルダーではありません/);
      assert.match(r.out, /→ --data（または GYOKAKU_DATA）でフォルダーを指定してください/);
      assert.match(r.out, /結果: 必要なものが 2 件欠けています/);
    } finally {
      for (const v of ["PASSWORD", "USER", "PORT", "STARTTLS", "FROM"])
        delete process.env[`GYOKAKU_SMTP_${v}`];
      delete process.env.GYOKAKU_APP_URL;
    }
  });

  test("a mail server without a sender: a warning that says what is missing", async () => {
    process.env.GYOKAKU_SMTP_HOST = "mail.city.example.lg.jp";
    try {
      const r = await sandbox.run(["doctor", "--no-pdf"]);
      assert.match(
        r.out,
        /! メール: mail\.city\.example\.lg\.jp が設定されていますが、送信元（GYOKAKU_SMTP_FROM）がない/,
      );
    } finally {
      delete process.env.GYOKAKU_SMTP_HOST;
    }
  });

  test("the key of the stored secrets: where it is, a file others can read warns, an unreadable key fails", async () => {
    const dir = join(sandbox.dir, "with-key");
    mkdirSync(dir, { recursive: true });
    const key = join(dir, "secret.key");
    writeFileSync(key, `${Buffer.alloc(32, 7).toString("base64")}\n`);
    chmodSync(key, 0o644);
    let r = await sandbox.run(["doctor", "--no-pdf"], { data: dir });
    assert.match(r.out, /! 秘密の鍵: .*secret\.key をほかの利用者も読めます/);
    assert.match(r.out, /→ chmod 600 .*secret\.key/);
    chmodSync(key, 0o600);
    r = await sandbox.run(["doctor", "--no-pdf"], { data: dir });
    assert.match(r.out, /✓ 秘密の鍵: .*secret\.key（バックアップには含まれません。/);
    writeFileSync(key, "not a key\n");
    r = await sandbox.run(["doctor", "--no-pdf"], { data: dir });
    assert.equal(r.code, 1);
    assert.match(r.out, /✗ 秘密の鍵: 鍵のファイル .*secret\.key の鍵が読めません/);
  });
});
