// Notifications and mail with a real SMTP server (smtp-server, started here) and a fake clock (issue 13).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { type SmtpSink, startSmtpSink } from "../testing/smtp-sink.ts";
import { createApp } from "../web/app.tsx";
import { runNotifications, startNotificationTimer } from "./delivery.service.ts";
import type { Mail } from "./mail.ts";

type App = ReturnType<typeof createApp>;
const APP_URL = "http://gyokaku.city.example.lg.jp";
/** 09:00 in Japan on a day */
const at = (day: string) => new Date(`${day}T00:00:00Z`);

describe("notifications and mail", () => {
  let open: OpenDatabase;
  let app: App;
  let sink: SmtpSink;
  let office: TestSession;
  let shokuin: TestSession;
  let somu: TestSession;
  let roundId: string;
  const logs: string[] = [];
  const env = (port: number, extra: Record<string, string> = {}) => ({
    GYOKAKU_SMTP_HOST: "127.0.0.1",
    GYOKAKU_SMTP_PORT: String(port),
    GYOKAKU_SMTP_FROM: "gyokaku@city.example.lg.jp",
    GYOKAKU_APP_URL: APP_URL,
    ...extra,
  });
  const run = (day: string, e: NodeJS.ProcessEnv = env(sink.port)) =>
    runNotifications(open.db, { now: at(day), env: e, log: (m) => logs.push(m) });
  const get = (s: TestSession, path: string) => app.request(path, { headers: { cookie: s.cookie } });
  const post = (s: TestSession, path: string, body: Record<string, string | string[]>) =>
    app.request(path, postForm(s, body));
  const item = (key: string) => `/rounds/${roundId}/items/${encodeURIComponent(key)}`;

  before(async () => {
    sink = await startSmtpSink();
    open = await openTestDatabase();
    app = createApp(open);
    await importDocuments(open.db, [samplePlanDocument()]);
    office = await signIn(open.db, "office", {
      municipalityCode: "012173",
      name: "行革 花子",
      email: "gyokaku@city.example.lg.jp",
    });
    shokuin = await signIn(open.db, "department", {
      municipalityCode: "012173",
      departments: ["職員課"],
      name: "職員 太郎",
      email: "shokuin@city.example.lg.jp",
    });
    somu = await signIn(open.db, "department", {
      municipalityCode: "012173",
      departments: ["総務部/総務課"],
      name: "総務 一子",
      email: "somu@city.example.lg.jp",
    });
  });
  after(async () => {
    await open.close();
    await sink.close();
  });

  test("opening a round mails each department with items: recipient, subject, link", async () => {
    const planId = (await sql<{ id: string }>`select id from plans`.execute(open.db)).rows[0]!.id;
    // a deadline in the past is refused when opening: opened for a future one, then moved into the fake clock's world
    const res = await post(office, "/rounds", { planId, fiscalYear: "2023", deadline: "2099-06-30" });
    assert.equal(res.status, 303);
    roundId = /\/rounds\/([0-9a-f-]{36})/.exec(res.headers.get("location")!)![1]!;
    // the fake clock's world: the round was opened on 2024-06-01, due 2024-06-30
    await sql`update rounds set opened_at = ${at("2024-06-01")}, deadline = '2024-06-30'`.execute(open.db);
    assert.equal(sink.mails.length, 0, "nothing is sent in the request itself");
    const r = await run("2024-06-01");
    assert.deepEqual([r.events, r.sent, r.failed], [1, 2, 0]);
    const [mail] = sink.to("shokuin@city.example.lg.jp");
    assert.ok(mail);
    assert.equal(mail.subject, "【gyokaku】照会が始まりました: テスト行政改革計画 令和5年度");
    assert.match(mail.text, /^職員 太郎 様/);
    assert.match(mail.text, /回答する項目は 1 件、回答期限は 2024年6月30日/);
    assert.ok(mail.text.includes(`${APP_URL}/rounds/${roundId}`));
    assert.ok(mail.html.includes(`href="${APP_URL}/rounds/${roundId}"`));
    assert.match(sink.to("somu@city.example.lg.jp")[0]!.text, /回答する項目は 2 件/);
    assert.equal(sink.to("gyokaku@city.example.lg.jp").length, 0, "the office opened it");
    // and in the app: the bell and the list, read / unread
    const page = await (await get(shokuin, "/notifications")).text();
    assert.match(page, /通知（未読 1）/);
    assert.match(page, /照会が始まりました/);
    const id = /href="\/notifications\/([0-9a-f-]{36})\/open"/.exec(page)![1]!;
    const opened = await get(shokuin, `/notifications/${id}/open`);
    assert.equal(opened.headers.get("location"), `/rounds/${roundId}`);
    assert.doesNotMatch(await (await get(shokuin, "/notifications")).text(), /通知（未読/);
    assert.equal((await get(somu, `/notifications/${id}/open`)).status, 404, "another user's notification");
  });

  test("the reminder schedule with a fake clock: N days before, the day, overdue then weekly, once each", async () => {
    const days = await post(office, `/admin/mail/reminders/${roundId}`, { [`days.${roundId}`]: "5" });
    assert.equal(days.status, 303);
    const bad = await post(office, `/admin/mail/reminders/${roundId}`, { [`days.${roundId}`]: "-1" });
    assert.match(await bad.text(), /0〜60 の整数/);
    const subjects = () =>
      sink.to("shokuin@city.example.lg.jp").map((m) => m.subject.replace("【gyokaku】", ""));
    sink.mails.length = 0;
    await run("2024-06-24");
    assert.deepEqual(subjects(), []);
    await run("2024-06-25");
    await run("2024-06-25");
    assert.deepEqual(subjects(), ["回答期限まであと5日: テスト行政改革計画 令和5年度"]);
    await run("2024-06-30");
    await run("2024-07-01");
    await run("2024-07-05");
    await run("2024-07-08");
    assert.deepEqual(subjects().slice(1), [
      "本日が回答期限です: テスト行政改革計画 令和5年度",
      "回答期限を過ぎています: テスト行政改革計画 令和5年度",
      "回答期限を過ぎています: テスト行政改革計画 令和5年度",
    ]);
    assert.match(
      sink.to("shokuin@city.example.lg.jp").at(-1)!.text,
      /を8日過ぎています。\nまだ提出していない項目が 1 件/,
    );
    assert.equal(sink.to("gyokaku@city.example.lg.jp").length, 0, "reminders go to departments");
  });

  test("comments reach the other side (not their writer); each user turns kinds of mail off", async () => {
    sink.mails.length = 0;
    assert.equal(
      (await post(shokuin, `${item("2-1-1")}/comments`, { body: "資料は来週出します。" })).status,
      303,
    );
    await run("2024-07-09");
    const [toOffice] = sink.to("gyokaku@city.example.lg.jp");
    assert.equal(toOffice?.subject, "【gyokaku】コメントが届きました: ① 育児休業");
    assert.match(
      toOffice!.text,
      /職員 太郎さんが「① 育児休業」.*にコメントしました。\n\n資料は来週出します。/,
    );
    assert.ok(toOffice!.text.includes(`${APP_URL}${item("2-1-1")}#conversation-title`));
    assert.equal(sink.to("shokuin@city.example.lg.jp").length, 0, "not to its writer");

    // 職員課 turns comment mails off: the notification stays in the app
    const kinds = ["opened", "due_soon", "due_today", "overdue", "returned", "approved"];
    assert.equal((await post(shokuin, "/notifications/settings", { kinds })).status, 303);
    assert.doesNotMatch(
      await (await get(shokuin, "/notifications/settings")).text(),
      /value="comment" checked/,
    );
    sink.mails.length = 0;
    assert.equal((await post(office, `${item("2-1-1")}/comments`, { body: "承知しました。" })).status, 303);
    await run("2024-07-09");
    assert.deepEqual(sink.to("shokuin@city.example.lg.jp"), []);
    assert.equal(sink.to("somu@city.example.lg.jp").length, 1, "総務課 answers for 2-1-1 too");
    assert.match(
      await (await get(shokuin, "/notifications")).text(),
      /コメントが届きました[\s\S]*メール不要（設定）/,
    );
  });

  test("a return mails the item's departments with the reason", async () => {
    const { reviewItem, saveItem } = await import("../rounds/rounds.service.ts");
    const { findUser } = await import("../auth/auth.repository.ts");
    const actor = async (s: TestSession, departmentIds: string[] = []) => {
      const u = (await findUser(open.db, s.municipalityCode, s.userId))!;
      return {
        id: u.id,
        municipalityCode: s.municipalityCode,
        email: u.email,
        name: u.name,
        role: s.role,
        departmentIds,
      };
    };
    const depts = await sql<{ id: string }>`select id from departments where key = '総務部/総務課'`.execute(
      open.db,
    );
    const somuActor = await actor(somu, [depts.rows[0]!.id]);
    await saveItem(open.db, somuActor, roundId, "1-1-1", {
      version: "0",
      action: "submit",
      actuals: [
        { indicator: "1-1-1-i1", series: "", text: "—" },
        { indicator: "1-1-1-i2", series: "", text: "—" },
      ],
      narrative: "実施した",
      nextYearPlan: "",
      status: "実施",
    });
    const version = (
      await sql<{ version: number }>`select version from round_items where item_key = '1-1-1'`.execute(
        open.db,
      )
    ).rows[0]!.version;
    await reviewItem(open.db, await actor(office), roundId, "1-1-1", {
      version: String(version),
      decision: "return",
      comment: "実績値を入れてください。",
    });
    sink.mails.length = 0;
    await run("2024-07-09");
    const [mail] = sink.to("somu@city.example.lg.jp");
    assert.match(mail?.subject ?? "", /差し戻されました: /);
    assert.match(
      mail!.text,
      /行革 花子さんが「.*」（テスト行政改革計画 令和5年度）を差し戻しました。\n\n理由:\n実績値を入れてください。/,
    );
    assert.ok(mail!.text.includes(`${APP_URL}${item("1-1-1")}`));
    assert.equal(sink.to("shokuin@city.example.lg.jp").length, 0, "not 職員課's item");
  });

  test("an SMTP server that is down: logged, retried, shown; the save is not affected", async () => {
    const down = await startSmtpSink();
    const port = down.port;
    await down.close();
    sink.mails.length = 0;
    logs.length = 0;
    const res = await post(somu, `${item("1-1-1")}/comments`, { body: "確認お願いします。" });
    assert.equal(res.status, 303, "the comment is saved whatever the mail server does");
    const r = await run("2024-07-09", env(port));
    assert.deepEqual([r.sent, r.failed], [0, 1]);
    assert.match(
      logs.join("\n"),
      /メール送信に失敗しました（012173、gyokaku@city\.example\.lg\.jp、1回目）: .*ECONNREFUSED/,
    );
    let page = await (await get(office, "/admin/mail")).text();
    assert.match(page, /送信できなかったメール/);
    assert.match(page, /再送予定/);
    assert.match(page, /ECONNREFUSED/);
    // four more tries, a fake clock later each time; then it stops and says so
    for (const minutes of [2, 10, 45, 200]) {
      await runNotifications(open.db, {
        now: new Date(at("2024-07-09").getTime() + minutes * 60_000),
        env: env(port),
        log: (m) => logs.push(m),
      });
    }
    assert.match(logs.at(-1)!, /5回目、再送を止めました/);
    page = await (await get(office, "/admin/mail")).text();
    assert.match(page, /送信失敗（再送を停止）/);
    // the server is back: retry from the admin page
    assert.equal((await post(office, "/admin/mail/retry", {})).status, 303);
    await run("2024-07-10");
    assert.equal(sink.to("gyokaku@city.example.lg.jp").length, 1);
    assert.match(
      await (await get(office, "/admin/mail")).text(),
      /送信できなかったメール<\/h3><p class="empty">ありません/,
    );
    assert.equal((await get(shokuin, "/admin/mail")).status, 403);
  });

  test("a server that refuses the login: the error is logged and shown", async () => {
    const strict = await startSmtpSink({ user: "gyokaku", password: "right" });
    try {
      logs.length = 0;
      await post(office, `${item("1-1-1")}/comments`, { body: "了解です。" });
      const r = await run(
        "2024-07-11",
        env(strict.port, { GYOKAKU_SMTP_USER: "gyokaku", GYOKAKU_SMTP_PASSWORD: "wrong" }),
      );
      assert.equal(r.failed, 1);
      assert.equal(strict.mails.length, 0);
      assert.match(logs.join("\n"), /somu@city\.example\.lg\.jp.*Invalid login|Invalid username or password/);
      assert.match(await (await get(office, "/admin/mail")).text(), /Invalid/);
      // with the right password the mail goes out at its next try
      await runNotifications(open.db, {
        now: new Date(at("2024-07-11").getTime() + 2 * 60_000),
        env: env(strict.port, { GYOKAKU_SMTP_USER: "gyokaku", GYOKAKU_SMTP_PASSWORD: "right" }),
      });
      assert.equal(strict.to("somu@city.example.lg.jp").length, 1);
    } finally {
      await strict.close();
    }
  });

  test("without mail settings the notifications still appear in the app", async () => {
    await post(shokuin, `${item("2-1-1")}/comments`, { body: "メールなしでも届きますか。" });
    const r = await run("2024-07-12", {});
    assert.deepEqual([r.events, r.sent, r.failed], [1, 0, 0]);
    const page = await (await get(office, "/notifications")).text();
    assert.match(page, /メールなしでも届きますか。[\s\S]*メール設定なし/);
  });

  test("the admin sets the SMTP server on the admin page (password never shown, in the history)", async () => {
    const admin = await signIn(open.db, "admin", { municipalityCode: "012173" });
    const bad = await post(admin, "/admin/mail", { host: "", port: "x", from: "nope", appUrl: "ftp://x" });
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /SMTP サーバーの名前を入力してください/);
    assert.match(html, /送信元のアドレスの形が正しくありません/);
    const ok = await post(admin, "/admin/mail", {
      host: "127.0.0.1",
      port: String(sink.port),
      username: "",
      password: "",
      from: "gyokaku@city.example.lg.jp",
      appUrl: `${APP_URL}/`,
    });
    assert.equal(ok.status, 303);
    const page = await (await get(admin, "/admin/mail")).text();
    assert.match(page, /この画面の設定/);
    assert.equal((await post(office, "/admin/mail", { host: "x" })).status, 403);
    sink.mails.length = 0;
    await post(office, `${item("2-1-1")}/comments`, { body: "設定の確認です。" });
    await run("2024-07-13", {}); // the environment has nothing: the admin page's settings are used
    assert.equal(sink.to("somu@city.example.lg.jp").length, 1);
    const history = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_events where action = 'mail.settings'`.execute(open.db);
    assert.equal(history.rows[0]!.n, 1);
  });

  test("the server's timer runs a turn at once with its clock, and sends through the injected sender", async () => {
    const sent: Mail[] = [];
    const timer = startNotificationTimer(open.db, {
      clock: () => at("2024-07-15"),
      intervalMs: 3_600_000,
      send: async (_settings, mail) => {
        sent.push(mail);
      },
      log: (m) => logs.push(m),
    });
    try {
      await timer.runNow();
    } finally {
      timer.stop();
    }
    // 2024-07-15 is the third overdue reminder (07-01, 07-08, 07-15); the admin page's settings are used
    assert.deepEqual(
      sent.map((m) => [m.to, m.subject]),
      [
        ["shokuin@city.example.lg.jp", "【gyokaku】回答期限を過ぎています: テスト行政改革計画 令和5年度"],
        ["somu@city.example.lg.jp", "【gyokaku】回答期限を過ぎています: テスト行政改革計画 令和5年度"],
      ],
    );
    assert.match(sent[0]!.text, /を15日過ぎています/);
  });

  test("approvals: one item is one mail with its link; a bulk approval is one mail per department listing its items", async () => {
    // Each department submits its own part through the item form (every actual 「—」): 総務課 its two items,
    // one of them (2-1-1) shared with 職員課, which submits its own part of it.
    const submit = async (s: TestSession, key: string) => {
      const page = await (await get(s, item(key))).text();
      const body: Record<string, string> = {
        version: /name="version" value="(\d+)"/.exec(page)![1]!,
        action: "submit",
        narrative: "実施した",
        nextYearPlan: "",
        status: "実施",
      };
      const part = /name="part" value="([^"]*)"/.exec(page)?.[1];
      if (part) body.part = part;
      for (const m of page.matchAll(/name="actuals\.(\d+)\.(indicator|series)" value="([^"]*)"/g))
        body[`actuals.${m[1]}.${m[2]}`] = m[3]!;
      for (const n of new Set([...page.matchAll(/name="actuals\.(\d+)\.indicator"/g)].map((m) => m[1])))
        body[`actuals.${n}.text`] = "—";
      const res = await post(s, item(key), body);
      assert.equal(res.status, 303, `${key} submitted`);
    };
    await submit(somu, "1-1-1");
    await submit(somu, "2-1-1");
    await submit(shokuin, "2-1-1");
    await run("2024-07-16");
    sink.mails.length = 0;
    // the office approves the three parts at once on the round page (the reason covers any warning)
    const round = await (await get(office, `/rounds/${roundId}`)).text();
    const picked = [...round.matchAll(/name="items" value="([^"]*)"/g)].map((m) => m[1]!);
    assert.equal(picked.length, 3, "1-1-1, and 2-1-1's two parts");
    const versions = Object.fromEntries(
      picked.map((v) => {
        const at = round.indexOf(`name="version.${v}" value="`) + `name="version.${v}" value="`.length;
        return [`version.${v}`, round.slice(at, round.indexOf('"', at))];
      }),
    );
    const res = await post(office, `/rounds/${roundId}/approve`, {
      items: picked,
      ...versions,
      reason: "根拠資料で確認済み",
    });
    assert.ok(res.status < 400, `bulk approval answered ${res.status}`);
    const states = await sql<{ item_key: string; state: string }>`
      select item_key, state from round_items where round_id = ${roundId} order by item_key`.execute(open.db);
    assert.deepEqual(
      states.rows.map((r) => [r.item_key, r.state]),
      [
        ["1-1-1", "approved"],
        ["2-1-1", "approved"],
      ],
    );
    await run("2024-07-16");
    // 総務課 answers for both: one mail naming both, linking to the round's approved items
    const toSomu = sink.to("somu@city.example.lg.jp");
    assert.equal(toSomu.length, 1, "one mail for the bulk, not one per item");
    assert.equal(toSomu[0]!.subject, "【gyokaku】2 件の項目が承認されました: テスト行政改革計画 令和5年度");
    assert.match(
      toSomu[0]!.text,
      /^総務 一子 様\n\n行革 花子さんがテスト行政改革計画 令和5年度の次の 2 件を承認しました。/,
    );
    assert.match(
      toSomu[0]!.text,
      /・.*（コメント: 根拠資料で確認済み）\n・① 育児休業（コメント: 根拠資料で確認済み）/,
    );
    assert.ok(toSomu[0]!.text.includes(`${APP_URL}/rounds/${roundId}?state=approved`));
    assert.ok(toSomu[0]!.html.includes(`href="${APP_URL}/rounds/${roundId}?state=approved"`));
    // 職員課 answers for its part of one of them: the single approval's mail with the link to its part
    const toShokuin = sink.to("shokuin@city.example.lg.jp");
    assert.deepEqual(
      toShokuin.map((m) => m.subject),
      ["【gyokaku】承認されました: ① 育児休業"],
    );
    assert.match(
      toShokuin[0]!.text,
      /行革 花子さんが「① 育児休業」（テスト行政改革計画 令和5年度）を承認しました。/,
    );
    assert.ok(toShokuin[0]!.text.includes(`${APP_URL}${item("2-1-1")}?part=`));
    assert.equal(sink.to("gyokaku@city.example.lg.jp").length, 0, "not to the approver");
    // in the app too: one notification each
    const page = await (await get(somu, "/notifications")).text();
    assert.equal(page.match(/件の項目が承認されました/g)?.length, 1);
  });
});
