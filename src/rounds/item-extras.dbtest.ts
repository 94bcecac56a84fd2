// The conversation and the evidence files of an item, through HTTP (issue 13, points 3 and 4).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";
import { commentsQuery } from "./conversation.repository.ts";
import { filesQuery } from "./evidence.repository.ts";
import { commentsAndFiles } from "./item-extras.repository.ts";

type App = ReturnType<typeof createApp>;
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

describe("item conversation and evidence", () => {
  let open: OpenDatabase;
  let app: App;
  let office: TestSession;
  let shokuin: TestSession;
  let somu: TestSession;
  let viewer: TestSession;
  let chitose: TestSession;
  let roundId: string;
  let item: string;
  const get = (s: TestSession | null, path: string) =>
    app.request(path, { headers: s ? { cookie: s.cookie } : {} });
  const post = (s: TestSession, path: string, body: Record<string, string>) =>
    app.request(path, postForm(s, body));
  const upload = (s: TestSession, name: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.append("_csrf", s.csrf);
    form.append("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
    return app.request(`${item}/evidence`, { method: "POST", body: form, headers: { cookie: s.cookie } });
  };
  const count = async (table: "evidence_files" | "item_comments") =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(open.db)).rows[0]!
      .n;

  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    const [stored] = await importDocuments(open.db, [samplePlanDocument()]);
    office = await signIn(open.db, "office", { municipalityCode: "012173", name: "行革 花子" });
    shokuin = await signIn(open.db, "department", {
      municipalityCode: "012173",
      departments: ["職員課"],
      name: "職員 太郎",
    });
    somu = await signIn(open.db, "department", {
      municipalityCode: "012173",
      departments: ["総務部/総務課"],
    });
    viewer = await signIn(open.db, "viewer", { municipalityCode: "012173" });
    await importDocuments(open.db, [
      { ...samplePlanDocument({ key: "c" }), municipality: { code: "012246", name: "千歳市" } },
    ]);
    chitose = await signIn(open.db, "office", { municipalityCode: "012246" });
    const res = await post(office, "/rounds", {
      planId: stored!.planId,
      fiscalYear: "2023",
      deadline: "2099-06-30",
    });
    roundId = /\/rounds\/([0-9a-f-]{36})/.exec(res.headers.get("location")!)![1]!;
    item = `/rounds/${roundId}/items/${encodeURIComponent("2-1-1")}`;
  });
  after(async () => open.close());

  test("department and office write; names, times and the history show it", async () => {
    const res = await post(shokuin, `${item}/comments`, { body: "研修の資料を添付します。" });
    assert.equal(res.status, 303);
    assert.equal(
      (await post(office, `${item}/comments`, { body: "受講者数も書いてください。" })).status,
      303,
    );
    const page = await (await get(shokuin, item)).text();
    assert.match(page, /職員 太郎<\/strong>（所管課）/);
    assert.match(page, /行革 花子<\/strong>（行革担当）/);
    assert.ok(page.indexOf("研修の資料を添付します。") < page.indexOf("受講者数も書いてください。"));
    assert.match(page, /<time datetime="\d{4}-/);
    assert.match(page, /<strong>コメント<\/strong>/, "in the history");
    const other = `/rounds/${roundId}/items/1-1-1/comments`;
    assert.equal((await post(shokuin, other, { body: "x" })).status, 403, "another department's item");
    assert.equal((await post(somu, other, { body: "総務課です" })).status, 303);
    assert.equal((await post(viewer, `${item}/comments`, { body: "x" })).status, 403);
    assert.equal((await post(chitose, `${item}/comments`, { body: "x" })).status, 404);
  });

  test("a comment of 100,000 characters is refused with the limit, kept on screen, nothing stored", async () => {
    const before = await count("item_comments");
    const res = await post(shokuin, `${item}/comments`, { body: "長".repeat(100_000) });
    // the form ceiling (1 MB) lets 300 KB through: the length rule answers
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /4,000文字以内にしてください（いま 100,000 文字）/);
    assert.ok(html.includes("長".repeat(1000)), "the text stays in the field");
    assert.equal(await count("item_comments"), before);
    assert.match(
      await (await post(shokuin, `${item}/comments`, { body: "  " })).text(),
      /コメントを入力してください/,
    );
  });

  test("the return reason is one message of the conversation", async () => {
    const page = await (await get(shokuin, item)).text();
    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    const form: Record<string, string> = { version, action: "submit", narrative: "研修を行った" };
    for (const m of page.matchAll(/name="(actuals\.\d+\.(?:indicator|series))" value="([^"]*)"/g))
      form[m[1]!] = m[2]!;
    for (const m of page.matchAll(/name="(actuals\.\d+)\.indicator"/g)) form[`${m[1]}.text`] = "—";
    assert.equal((await post(shokuin, item, form)).status, 303);
    const v2 = /name="version" value="(\d+)"/.exec(await (await get(office, item)).text())![1]!;
    const r = await post(office, `${item}/review`, {
      version: v2,
      decision: "return",
      comment: "数値の根拠を添付してください。",
    });
    assert.equal(r.status, 303);
    const after = await (await get(shokuin, item)).text();
    assert.match(after, /数値の根拠を添付してください。<\/p>/);
    assert.match(after, /差戻しの理由/);
  });

  test("evidence: upload, list with who and when, download with a safe name, remove by the uploader", async () => {
    const res = await upload(shokuin, "../../研修\u0007報告.pdf", PDF);
    assert.equal(res.status, 303);
    const page = await (await get(shokuin, item)).text();
    assert.match(page, /研修報告\.pdf<\/a>/);
    assert.match(page, /職員 太郎/);
    const href = /href="([^"]+\/evidence\/[0-9a-f-]{36})"/.exec(page)![1]!;
    const dl = await get(viewer, href);
    assert.equal(dl.status, 200);
    assert.equal(dl.headers.get("content-type"), "application/pdf");
    assert.equal(
      dl.headers.get("content-disposition"),
      `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent("研修報告.pdf")}`,
    );
    assert.deepEqual(new Uint8Array(await dl.arrayBuffer()), PDF);
    assert.equal((await get(chitose, href)).status, 404, "another municipality");
    assert.equal((await get(null, href)).status, 303, "needs a login");
    const code = "012173";
    const fileId = href.split("/").at(-1)!;
    assert.equal((await get(null, `/public/evidence/${code}/${fileId}`)).status, 404, "internal by default");
    assert.match(page, /根拠資料を追加/, "in the history");

    assert.equal((await post(office, `${href}/delete`, {})).status, 403, "only the uploader removes");
    assert.equal((await post(office, `${href}/public`, { public: "1" })).status, 303);
    assert.equal(
      (await get(null, `/public/evidence/${code}/${fileId}`)).status,
      200,
      "made public by the office",
    );
    assert.equal((await post(shokuin, `${href}/public`, { public: "0" })).status, 403);
    assert.equal((await post(shokuin, `${href}/delete`, {})).status, 303);
    assert.equal(await count("evidence_files"), 0);
    assert.match(await (await get(shokuin, item)).text(), /根拠資料を削除/);
  });

  test("refused files: a clear message, nothing stored", async () => {
    const exe = await upload(shokuin, "tool.exe", new Uint8Array([0x4d, 0x5a, 0x90, 0]));
    assert.equal(exe.status, 400);
    assert.match(await exe.text(), /「tool\.exe」の種類は添付できません/);
    const fake = await upload(shokuin, "fake.pdf", new Uint8Array([0x4d, 0x5a, 0x90, 0]));
    assert.match(await fake.text(), /中身がPDFではありません/);
    const big = new Uint8Array(10 * 1024 * 1024 + 10);
    big.set(PDF);
    const large = await upload(shokuin, "big.pdf", big);
    assert.equal(large.status, 400);
    assert.match(await large.text(), /大きすぎます/);
    assert.equal(await count("evidence_files"), 0);
    assert.equal((await upload(viewer, "a.pdf", PDF)).status, 403);
  });

  test("an item's messages and files read in one query are the rows each query reads alone", async () => {
    assert.equal((await upload(shokuin, "一覧.pdf", PDF)).status, 303);
    assert.equal((await post(shokuin, `${item}/comments`, { body: "もう一つ" })).status, 303);
    const both = await commentsAndFiles(open.db, "012173", roundId, "2-1-1");
    assert.ok(both.comments.length >= 3 && both.files.length >= 1, "there is something to compare");
    assert.deepEqual(both.comments, await commentsQuery(open.db, "012173", roundId, "2-1-1").execute());
    assert.deepEqual(both.files, await filesQuery(open.db, "012173", roundId, "2-1-1").execute());
    assert.deepEqual(await commentsAndFiles(open.db, "012246", roundId, "2-1-1"), {
      comments: [],
      files: [],
    });
  });
});
