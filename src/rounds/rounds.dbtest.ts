// The reporting round through HTTP, as departments and the reform office use it.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { isAppError } from "../core/errors.ts";
import type { OpenDatabase } from "../db/database.ts";
import { exportDocument, importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";

type App = ReturnType<typeof createApp>;

const itemUrl = (roundId: string, key: string) => `/rounds/${roundId}/items/${encodeURIComponent(key)}`;
const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

/** The item form as the page renders it, with changes: { "actuals.0.text": "…", narrative: "…" }. */
function formOf(html: string, changes: Record<string, string>, action = "save"): Record<string, string> {
  const out: Record<string, string> = { action };
  const form = /<form method="post" action="\/rounds\/[^"]+\/items\/[^"/]+"[^>]*>([\s\S]*?)<\/form>/.exec(
    html,
  )![1]!;
  for (const m of form.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
    if (m[1] !== "_csrf") out[m[1]!] = decode(m[2]!);
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
    out[m[1]!] = decode(m[2]!);
  return { ...out, ...changes };
}
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

describe("reporting round", () => {
  let open: OpenDatabase;
  let app: App;
  let office: TestSession;
  let shokuin: TestSession;
  let somu: TestSession;
  let viewer: TestSession;
  let chitose: TestSession;
  let planId: string;
  let roundId: string;
  const get = (s: TestSession, path: string) => app.request(path, { headers: { cookie: s.cookie } });
  const post = (s: TestSession, path: string, body: Record<string, string>) =>
    app.request(path, postForm(s, body));

  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    const stored = await importDocuments(open.db, [
      samplePlanDocument(),
      { ...samplePlanDocument({ key: "c" }), municipality: { code: "012246", name: "千歳市" } },
    ]);
    planId = stored[0]!.planId;
    office = await signIn(open.db, "office", { municipalityCode: "012173", name: "行革 花子" });
    shokuin = await signIn(open.db, "department", {
      municipalityCode: "012173",
      departments: ["職員課"],
      name: "職員 太郎",
    });
    somu = await signIn(open.db, "department", {
      municipalityCode: "012173",
      departments: ["総務部/総務課"],
      name: "総務 一子",
    });
    viewer = await signIn(open.db, "viewer", { municipalityCode: "012173" });
    chitose = await signIn(open.db, "office", { municipalityCode: "012246" });
  });
  after(async () => open.close());

  test("only the reform office opens a round; errors are named and the year must be in the plan", async () => {
    assert.equal(
      (await post(shokuin, "/rounds", { planId, fiscalYear: "2023", deadline: "2099-06-30" })).status,
      403,
    );
    const past = await post(office, "/rounds", { planId, fiscalYear: "2023", deadline: "2024-06-30" });
    assert.equal(past.status, 400);
    assert.match(await past.text(), /回答期限が過ぎた日付です/);
    const bad = await post(office, "/rounds", { planId, fiscalYear: "2030", deadline: "2024-02-30" });
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /role="alert"/);
    assert.match(html, /回答期限の日付がありません/);
    const res = await post(office, "/rounds", { planId, fiscalYear: "2023", deadline: "2099-06-30" });
    assert.equal(res.status, 303);
    roundId = /\/rounds\/([0-9a-f-]{36})/.exec(res.headers.get("location")!)![1]!;
    const again = await post(office, "/rounds", { planId, fiscalYear: "2023", deadline: "2099-06-30" });
    assert.match(await again.text(), /令和5年度の照会はすでにあります/);
  });

  test("a department's inbox holds exactly its items; the office sees completion by department", async () => {
    const inbox = await (await get(shokuin, `/rounds/${roundId}`)).text();
    assert.match(inbox, /あなたの部署が回答する項目（1件）/);
    assert.ok(inbox.includes(itemUrl(roundId, "2-1-1")));
    assert.ok(!inbox.includes(itemUrl(roundId, "1-1-1")), "not another department's item");
    assert.ok(!inbox.includes(itemUrl(roundId, "2-1-2")), "not a cross-listing (再掲)");
    const somuInbox = await (await get(somu, `/rounds/${roundId}`)).text();
    assert.match(somuInbox, /回答する項目（2件）/);
    const overview = await (await get(office, `/rounds/${roundId}`)).text();
    assert.match(overview, /所管課ごとの回答状況/);
    assert.match(overview, /職員課/);
    assert.equal(
      (await get(chitose, `/rounds/${roundId}`)).status,
      404,
      "another municipality's round is not there",
    );
  });

  test("a department saves a draft in Japanese notation and sees how it was understood", async () => {
    const page = await (await get(shokuin, itemUrl(roundId, "2-1-1"))).text();
    assert.match(page, /令和5年度の実績値（男性）/);
    assert.match(page, /これまでの実績/);
    assert.match(page, /<label for="f-actuals.0.text">/);
    const res = await post(
      shokuin,
      itemUrl(roundId, "2-1-1"),
      formOf(page, {
        "actuals.0.text": "１８．２％",
        "actuals.1.text": "100%",
        "actuals.2.text": "約150時間",
        narrative: "研修を行った",
      }),
    );
    assert.equal(res.status, 303);
    assert.match(res.headers.get("location")!, /done=draft/);
    const after = await (await get(shokuin, res.headers.get("location")!)).text();
    assert.match(after, /下書きを保存しました/);
    assert.match(after, /読み取り結果: <strong>数値 18.2（%）<\/strong>/);
    assert.match(after, /読み取れません/, "約150 is kept as written and flagged");
    assert.match(after, /state-draft/);
    const doc = await exportDocument(open.db, "012173/sample");
    const ind = doc.items[1]!.children[0]!.children[0]!.indicators[0]!;
    const male = ind.actuals.find((a) => a.fiscalYear === 2023 && a.series === "男性")!;
    assert.deepEqual([male.text, male.kind, male.number, male.unit], ["１８．２％", "number", 18.2, "%"]);
    const overtime = doc.items[1]!.children[0]!.children[0]!.indicators[1]!.actuals.find(
      (a) => a.fiscalYear === 2023,
    )!;
    assert.equal(overtime.kind, "text");
    assert.ok(overtime.unreadable);
  });

  test("while the round is open, the year's reports say they include answers not yet approved", async () => {
    const page = await (await get(office, `/plans/${planId}/reports/summary?fy=2023`)).text();
    assert.match(
      page,
      /令和5年度の照会は受付中です（回答期限 [\d-]+）。この帳票には、行革担当が承認する前の回答も含まれています/,
    );
    const before = await (await get(office, `/plans/${planId}/reports/summary?fy=2022`)).text();
    assert.doesNotMatch(before, /受付中/, "a year without a round says nothing");
  });

  test("checking shows the reading without saving", async () => {
    const page = await (await get(shokuin, itemUrl(roundId, "2-1-1"))).text();
    const res = await post(
      shokuin,
      itemUrl(roundId, "2-1-1"),
      formOf(page, { "actuals.2.text": "▲10" }, "check"),
    );
    assert.equal(res.status, 200);
    assert.match(await res.text(), /数値 -10/);
    const doc = await exportDocument(open.db, "012173/sample");
    assert.equal(
      doc.items[1]!.children[0]!.children[0]!.indicators[1]!.actuals.find((a) => a.fiscalYear === 2023)!.text,
      "約150時間",
    );
  });

  test("submitting needs every field; the errors are announced and tied to their fields", async () => {
    const page = await (await get(shokuin, itemUrl(roundId, "2-1-1"))).text();
    const res = await post(
      shokuin,
      itemUrl(roundId, "2-1-1"),
      formOf(page, { "actuals.3.text": "" }, "submit"),
    );
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /class="error-summary" role="alert"/);
    assert.match(html, /href="#f-actuals.3.text"/);
    assert.match(html, /aria-describedby="[^"]*f-actuals.3.text-error/);
    assert.match(html, /aria-invalid="true"/);
    assert.match(html, /約150時間/, "the user's text stays");
  });

  test("the second of two editors is refused, with their text kept and the saved text shown", async () => {
    const a = await (await get(shokuin, itemUrl(roundId, "2-1-1"))).text();
    const b = await (await get(office, itemUrl(roundId, "2-1-1"))).text();
    assert.equal(versionOf(a), versionOf(b));
    const first = await post(
      office,
      itemUrl(roundId, "2-1-1"),
      formOf(b, { narrative: "行革担当が補記した" }),
    );
    assert.equal(first.status, 303);
    const second = await post(
      shokuin,
      itemUrl(roundId, "2-1-1"),
      formOf(a, { narrative: "所管課の最新の文章" }),
    );
    assert.equal(second.status, 409);
    const html = await second.text();
    assert.match(html, /行革 花子さんが.*この項目を先に保存しました/);
    assert.match(html, /所管課の最新の文章/, "their text is kept on screen");
    assert.match(html, /いま保存されている取組状況/);
    assert.match(html, /行革担当が補記した/);
    const doc = await exportDocument(open.db, "012173/sample");
    assert.equal(
      doc.items[1]!.children[0]!.children[0]!.progress.find((p) => p.fiscalYear === 2023)!.narrative,
      "行革担当が補記した",
    );
    // Having seen both, the department may save its text deliberately: the page carries the new version.
    const again = await post(shokuin, itemUrl(roundId, "2-1-1"), formOf(html, {}));
    assert.equal(again.status, 303);
  });

  test("submit → return with a comment → fix → submit → approve, each recorded in the history", async () => {
    const page = await (await get(shokuin, itemUrl(roundId, "2-1-1"))).text();
    const sub = await post(
      shokuin,
      itemUrl(roundId, "2-1-1"),
      formOf(
        page,
        { "actuals.2.text": "150時間", "actuals.3.text": "—", narrative: "研修を行った" },
        "submit",
      ),
    );
    assert.equal(sub.status, 303);
    const locked = await (await get(shokuin, itemUrl(roundId, "2-1-1"))).text();
    assert.match(locked, /state-submitted/);
    assert.doesNotMatch(locked, /下書き保存/, "a submitted item is read-only for the department");
    assert.equal((await post(shokuin, itemUrl(roundId, "2-1-1"), formOf(page, {}))).status, 403);

    const review = await (await get(office, itemUrl(roundId, "2-1-1"))).text();
    const v =
      /<input type="hidden" name="version" value="(\d+)"\/?><input type="hidden" name="decision" value="return"/.exec(
        review,
      )?.[1] ?? versionOf(review);
    assert.equal(
      (
        await post(viewer, `${itemUrl(roundId, "2-1-1")}/review`, {
          version: v,
          decision: "approve",
          comment: "",
        })
      ).status,
      403,
    );
    const noComment = await post(office, `${itemUrl(roundId, "2-1-1")}/review`, {
      version: v,
      decision: "return",
      comment: "",
    });
    assert.equal(noComment.status, 400);
    assert.match(await noComment.text(), /差し戻す理由をコメントに書いてください/);
    const ret = await post(office, `${itemUrl(roundId, "2-1-1")}/review`, {
      version: v,
      decision: "return",
      comment: "時間外勤務の単位を確認してください",
    });
    assert.equal(ret.status, 303);

    const back = await (await get(shokuin, itemUrl(roundId, "2-1-1"))).text();
    assert.match(back, /差戻しコメント/);
    assert.match(back, /時間外勤務の単位を確認してください/);
    const fix = await post(
      shokuin,
      itemUrl(roundId, "2-1-1"),
      formOf(back, { "actuals.2.text": "148.5時間" }, "submit"),
    );
    assert.equal(fix.status, 303);
    const again = await (await get(office, itemUrl(roundId, "2-1-1"))).text();
    const ok = await post(office, `${itemUrl(roundId, "2-1-1")}/review`, {
      version: versionOf(again),
      decision: "approve",
      comment: "",
    });
    assert.equal(ok.status, 303);
    const done = await (await get(viewer, itemUrl(roundId, "2-1-1"))).text();
    assert.match(done, /state-approved/);
    for (const s of [
      "提出",
      "差戻し",
      "承認",
      "行革 花子",
      "職員 太郎",
      "148.5時間",
      "150時間",
      "時間外勤務の単位を確認してください",
    ])
      assert.ok(done.includes(s), `history shows ${s}`);
  });

  test("the office moves the deadline of an open round; the change is in the history", async () => {
    const page = await (await get(office, `/rounds/${roundId}`)).text();
    assert.match(page, /回答期限の変更/);
    const empty = await post(office, `/rounds/${roundId}/deadline`, {
      version: versionOf(page),
      deadline: "",
    });
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /回答期限を入力してください/);
    assert.equal(
      (
        await post(shokuin, `/rounds/${roundId}/deadline`, {
          version: versionOf(page),
          deadline: "2031-01-31",
        })
      ).status,
      403,
    );
    const moved = await post(office, `/rounds/${roundId}/deadline`, {
      version: versionOf(page),
      deadline: "2031-01-31",
    });
    assert.equal(moved.status, 303);
    assert.match(await (await get(office, moved.headers.get("location")!)).text(), /回答期限を変更しました/);
    const event = await open.db
      .selectFrom("audit_events")
      .select(["before", "after"])
      .where("action", "=", "round.deadline")
      .executeTakeFirstOrThrow();
    assert.deepEqual(event.after, { deadline: "2031-01-31" });
  });

  test("locking makes the year read-only; unlocking needs a reason, kept in the history", async () => {
    const round = await (await get(office, `/rounds/${roundId}`)).text();
    assert.match(round, /未承認の項目が/);
    assert.equal((await post(shokuin, `/rounds/${roundId}/lock`, { version: versionOf(round) })).status, 403);
    const form = await (await get(somu, itemUrl(roundId, "1-1-1"))).text();
    const confirmPage = await (await get(office, `/rounds/${roundId}/lock`)).text();
    assert.match(confirmPage, /未回答（未着手・下書き・差戻し）/);
    assert.match(confirmPage, /ロックを確定する/);
    const unconfirmed = await post(office, `/rounds/${roundId}/lock`, { version: versionOf(round) });
    assert.equal(unconfirmed.status, 400, "locking needs the confirmation");
    const lock = { version: versionOf(round), confirm: "yes" };
    assert.equal((await post(office, `/rounds/${roundId}/lock`, lock)).status, 303);
    assert.equal((await post(office, `/rounds/${roundId}/lock`, lock)).status, 409);
    const refused = await post(
      somu,
      itemUrl(roundId, "1-1-1"),
      formOf(form, { narrative: "締切後に書いた文章" }),
    );
    assert.equal(refused.status, 423);
    const html = await refused.text();
    assert.match(html, /締め切られています/);
    assert.match(html, /締切後に書いた文章/, "the text is kept on screen even so");
    assert.doesNotMatch(html, /下書き保存/);

    // A re-import may not change the locked year either; the same figures go through.
    const doc = await exportDocument(open.db, "012173/sample");
    await importDocuments(open.db, [doc]);
    const changed = structuredClone(doc);
    const male = changed.items[1]!.children[0]!.children[0]!.indicators[0]!.actuals.find(
      (a) => a.fiscalYear === 2023 && a.series === "男性",
    )!;
    male.text = "99%";
    await assert.rejects(importDocuments(open.db, [changed]), (e: unknown) => {
      assert.ok(isAppError(e, "locked"));
      assert.match(e.message, /2023年度: 指標 2-1-1-i1（男性） の実績値: 「１８．２％」 → 「99%」/);
      return true;
    });
    assert.deepEqual(await exportDocument(open.db, "012173/sample"), doc, "nothing was stored");
    // The same text read as another number counts as a change too; so does a new activity of the year.
    const renumbered = structuredClone(doc);
    const item = renumbered.items[1]!.children[0]!.children[0]!;
    item.indicators[0]!.actuals.find((a) => a.fiscalYear === 2023 && a.series === "男性")!.number = 99;
    item.activities.push({ fiscalYear: 2023, kind: "result", text: "後から足した実績" });
    await assert.rejects(importDocuments(open.db, [renumbered]), (e: unknown) => {
      assert.ok(isAppError(e, "locked"));
      assert.match(
        e.message,
        /指標 2-1-1-i1（男性） の実績値: 「１８．２％」 → 「１８．２％」（読み取り結果・単位などが変わります）/,
      );
      assert.match(e.message, /項目 2-1-1 の取組計画・実績: （なし） → （文章）/);
      return true;
    });

    const lockedRound = await (await get(office, `/rounds/${roundId}`)).text();
    const noReason = await post(office, `/rounds/${roundId}/unlock`, {
      version: versionOf(lockedRound),
      reason: " ",
    });
    assert.equal(noReason.status, 400);
    assert.match(await noReason.text(), /解除する理由を書いてください/);
    assert.equal(
      (
        await post(office, `/rounds/${roundId}/unlock`, {
          version: versionOf(lockedRound),
          reason: "数値の誤りの訂正",
        })
      ).status,
      303,
    );
    const events = await open.db
      .selectFrom("audit_events")
      .select(["action", "note"])
      .where("action", "like", "round.%")
      .execute();
    assert.deepEqual(events.map((e) => e.action).sort(), [
      "round.deadline",
      "round.lock",
      "round.open",
      "round.unlock",
    ]);
    assert.equal(events.find((e) => e.action === "round.unlock")!.note, "数値の誤りの訂正");
    await importDocuments(open.db, [changed]); // unlocked: the correction goes in
  });

  test("viewers and other departments read but do not edit", async () => {
    const page = await (await get(viewer, itemUrl(roundId, "1-1-1"))).text();
    assert.doesNotMatch(page, /下書き保存/);
    const form = await (await get(somu, itemUrl(roundId, "1-1-1"))).text();
    assert.equal((await post(viewer, itemUrl(roundId, "1-1-1"), formOf(form, {}))).status, 403);
    assert.equal((await post(shokuin, itemUrl(roundId, "1-1-1"), formOf(form, {}))).status, 403);
    assert.equal((await post(chitose, itemUrl(roundId, "1-1-1"), formOf(form, {}))).status, 404);
  });
});
