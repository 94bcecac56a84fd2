// Published versions keep what issue 10 added last: the plan's target for its total 財政効果額, judged at
// publishing (overview, the API's publication), and a grade the reviewer set on the plan's own scale (item page
// with the computed grade beside it, tallies, open data). Versions published before keep showing what they showed.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { sql } from "kysely";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { createApp } from "../web/app.tsx";
import { openApiDocument } from "./opendata/openapi.ts";
import { getPublication, publishFiscalYear } from "./publish.service.ts";

const repoRoot = join(import.meta.dirname, "..", "..");
const example = (name: string) => JSON.parse(readFileSync(join(repoRoot, "docs/examples", name), "utf8"));
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");

/** The 財政効果額 example with a target for its total; the scales example with a grade only the reviewer sets. */
function effectsPlan() {
  const doc = example("fiscal-effect.json");
  doc.plan.fiscalEffectTarget = { text: "5年間で累計500百万円" };
  return doc;
}
function scalesPlan() {
  const doc = example("scales.json");
  doc.plan.scales.outcome.grades.push({ label: "D", rule: { reviewer: true } });
  doc.plan.fiscalEffectTarget = { text: "5年間で累計500百万円" };
  return doc;
}

type Detail = {
  fiscalEffectTarget: {
    text: string;
    evaluation: string;
    evaluationSymbol: string;
    evaluationCode: string;
    progressRate: number | null;
    explanation: string;
  } | null;
};

describe("the 財政効果額 target and reviewers' grades in published versions", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  const get = async (path: string) => {
    const res = await app.request(path);
    assert.equal(res.status, 200, path);
    return res.text();
  };

  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    const [, scales] = await importDocuments(open.db, [effectsPlan(), scalesPlan()]);
    const office = await signIn(open.db, "office", { municipalityCode: "019992", name: "行革 花子" });
    const judged = await app.request(
      `/plans/${scales!.planId}/reports/judgements`,
      postForm(office, {
        indicator: "3-4-i1",
        fy: "2025",
        return: "summary",
        grade: "D",
        reason: "対象施設の半数が改修で休館したため評価対象外とした",
      }),
    );
    assert.equal(judged.status, 303);
    for (const fy of [2024, 2025]) {
      await publishFiscalYear(open.db, { plan: "019992/example-fiscal-effect", fiscalYear: fy });
    }
    await publishFiscalYear(open.db, { plan: "019992/example-scales", fiscalYear: 2025 });
  });
  after(async () => open.close());

  test("the overview shows the target with its result and explanation; the API gives it", async () => {
    const page = text(await get("/public/019992/example-fiscal-effect/2024/index.html"));
    assert.match(page, /財政効果額の目標：5年間で累計500百万円 令和6年度の評価： △ 遅れ/);
    // 58.84 + 81.82 = 140.66 百万円 against 200 on the way to 500: the same figures as the 集計
    assert.match(page, /累計 140\.66百万円（令和5年度 58\.84 \+ 令和6年度 81\.82）：遅れ/);
    const api = JSON.parse(await get("/api/v1/publications/019992/example-fiscal-effect/2024")) as Detail;
    assert.deepEqual(
      { ...api.fiscalEffectTarget, explanation: undefined },
      {
        text: "5年間で累計500百万円",
        evaluation: "遅れ",
        evaluationSymbol: "△",
        evaluationCode: "behind",
        progressRate: 28.1,
        explanation: undefined,
      },
    );
    assert.match(api.fiscalEffectTarget!.explanation, /進捗率 28\.1%/);
    // as openapi.json describes it
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ $id: "https://gyokaku.invalid/openapi.json", components: openApiDocument().components });
    const validate = ajv.compile({
      $ref: "https://gyokaku.invalid/openapi.json#/components/schemas/PublicationDetail",
    });
    assert.ok(validate(api), ajv.errorsText(validate.errors));
    // 令和7年度: an actual not yet reported leaves the running sum missing, never counted as 0
    const later = text(await get("/public/019992/example-fiscal-effect/2025/index.html"));
    assert.match(later, /令和7年度の評価： － データなし .*財政効果額の実績未報告: 令和7年度 1件/);
  });

  test("on a plan with its own scale the target is graded on it, its rule named once", async () => {
    const page = text(await get("/public/019992/example-scales/2025/index.html"));
    assert.match(page, /財政効果額の目標：5年間で累計500百万円 令和7年度の評価： × C/);
    assert.equal(page.match(/計画の評価基準：達成率 0\.0%：C（50%未満）/g)?.length, 1);
    const api = JSON.parse(await get("/api/v1/publications/019992/example-scales/2025")) as Detail;
    assert.deepEqual(
      [api.fiscalEffectTarget?.evaluation, api.fiscalEffectTarget?.evaluationSymbol],
      ["C", "×"],
    );
  });

  test("a version published before the target was kept shows none, as it did", async () => {
    await publishFiscalYear(open.db, { plan: "019992/example-fiscal-effect", fiscalYear: 2023 });
    // as such a version was stored (before it is first shown: pages are cached per version)
    await sql`update publications set snapshot = snapshot - 'fiscalEffectTarget' where fiscal_year = 2023`.execute(
      open.db,
    );
    const page = text(await get("/public/019992/example-fiscal-effect/2023/index.html"));
    assert.doesNotMatch(page, /財政効果額の目標/);
    assert.match(page, /令和5年度までの合計 計画額/, "the totals are still there");
    const api = JSON.parse(await get("/api/v1/publications/019992/example-fiscal-effect/2023")) as Detail;
    assert.equal(api.fiscalEffectTarget, null);
  });

  test("a grade the reviewer set is published: the item page, the tally and open data", async () => {
    const published = await getPublication(open.db, {
      municipalityCode: "019992",
      planKey: "example-scales",
      fiscalYear: 2025,
    });
    const year = published!.snapshot.series
      .find((x) => x.indicatorKey === "3-4-i1")!
      .years.find((y) => y.fiscalYear === 2025)!;
    assert.deepEqual([year.grade, year.computedGrade, year.judgement?.grade], ["D", "C", "D"]);
    const item = text(await get("/public/019992/example-scales/2025/items/3-4.html"));
    assert.match(item, /令和7年度の評価： D 評価者の判定 （計算による評価： × C ）/);
    assert.match(item, /評価者の判定：D（対象施設の半数が改修で休館したため評価対象外とした。行革 花子、/);
    assert.match(item, /計画の評価基準：評価者が D と判定/);
    const overview = text(await get("/public/019992/example-scales/2025/index.html"));
    assert.match(overview, /◎ S 2 ○ A 1 △ B 1 × C 0 D 1 － 評価なし 0/);
    const json = JSON.parse(await get("/public/019992/example-scales/2025/opendata/evaluations.json")) as {
      rows: {
        indicatorKey: string;
        fiscalYear: number;
        evaluation: string;
        judgementGrade: string | null;
        computedEvaluation: string;
      }[];
    };
    const row = json.rows.find((r) => r.indicatorKey === "3-4-i1" && r.fiscalYear === 2025)!;
    assert.deepEqual([row.evaluation, row.judgementGrade, row.computedEvaluation], ["D", "D", "未達成"]);
    const other = json.rows.find((r) => r.indicatorKey === "3-2-i1" && r.fiscalYear === 2025)!;
    assert.equal(other.judgementGrade, null);
  });
});
