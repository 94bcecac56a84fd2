// The example plan documents of docs/entering-your-plan.md: each is accepted by `gyokaku import`, and its
// summary report (取組状況一覧, FY2025) gives the figures the guide shows, cell by cell.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { cliSandbox, cliSkip } from "../testing/cli.ts";
import { repoRoot } from "../testing/seeds.ts";

const sandbox = cliSandbox("examples");
const { dir, gyokaku } = sandbox;

/** The rows of the summary table: per indicator row, its cells as text (levels, 指標, 初期値, 目標, R5–R9, 達成度, 判定の根拠). */
function summaryRows(html: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const m of html.matchAll(/<tr id="row-([^"]+)">(.*?)<\/tr>/gs)) {
    const cells = [...m[2]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) =>
      c[1]!
        .replace(/<span class="visually-hidden">.*?<\/span>/g, "")
        .replace(/<[^>]+>/g, "")
        .trim(),
    );
    rows.set(m[1]!, cells);
  }
  return rows;
}

async function importAndReport(
  example: string,
  planKey: string,
  findings: string[] = [],
): Promise<Map<string, string[]>> {
  const imp = await gyokaku("import", join(repoRoot, "docs/examples", example));
  assert.equal(imp.code, 0, imp.err);
  assert.match(imp.out, new RegExp(`保存しました: 019992/${planKey}`));
  const reported = imp.out
    .split("\n")
    .filter((l) => l.startsWith("  ["))
    .map((l) => l.trim());
  assert.deepEqual(reported, findings, "the findings of the import, and no other");
  const out = join(dir, `${planKey}.html`);
  const rep = await gyokaku(
    "report",
    ...["--plan", `019992/${planKey}`, "--fy", "2025", "--kind", "summary", "--format", "html", "--out", out],
  );
  assert.equal(rep.code, 0, rep.err);
  return summaryRows(readFileSync(out, "utf8"));
}

describe("the examples of docs/entering-your-plan.md", { skip: cliSkip() }, () => {
  after(sandbox.cleanup);

  test("累計・計画期間・毎年度 (cumulative.json)", async () => {
    const rows = await importAndReport("cumulative.json", "example-cumulative");
    assert.deepEqual(rows.get("1-1-i1")!.slice(2), [
      "事務事業見直しによる財政効果額",
      "—",
      "5年間で累計500百万円",
      "100百万円",
      "120百万円",
      "100百万円",
      "—",
      "—",
      "○順調",
      "目標 計画期間の合計500百万円（令和5年度～令和9年度）に向けた令和7年度の目安 300百万円に対し 累計 320百万円（令和5年度 100 + 令和6年度 120 + 令和7年度 100）：順調（計画期間の合計で比較。目安は令和5年度からの累計が令和9年度に目標に届く直線。進捗率 64%）",
    ]);
    assert.deepEqual(rows.get("1-2-i1")!.slice(4, 13), [
      "（累計）(R9)12,000件",
      "2,000件",
      "2,600件",
      "—",
      "—",
      "—",
      "－データなし",
      "目標 累計12,000件（令和5年度から令和9年度まで）に対し 令和7年度までの累計なし：データなし（令和7年度の実績値がないため累計を出せません）",
    ]);
    assert.deepEqual(rows.get("1-3-i1")!.slice(4, 13), [
      "毎年度3,000件以上",
      "2,480件",
      "2,910件",
      "3,250件",
      "—",
      "—",
      "◎達成",
      "目標 3,000件以上（毎年度）に対し 3,250件：達成（単年度の値で比較）",
    ]);
  });

  test("削減 (reduction.json)", async () => {
    const rows = await importAndReport("reduction.json", "example-reduction");
    const result = (key: string) => rows.get(key)!.slice(-2);
    assert.deepEqual(rows.get("2-1-i1")!.slice(2, 6), [
      "一般職の職員数（4月1日）",
      "1,104人",
      "(初期値より)職員数を20人削減",
      "1,100人",
    ]);
    assert.deepEqual(result("2-1-i1"), [
      "×未達成",
      "目標 初期値 1,104人より20人減の 1,084人に対し 1,089人：未達成（削減 15人（目標 20人）。進捗率 75%）",
    ]);
    assert.deepEqual(result("2-2-i1"), [
      "△遅れ",
      "目標 初期値 52,000時間より20%減の 41,600時間（令和9年度）に向けた令和7年度の目安 45,760時間に対し 46,800時間：遅れ（削減 10%（目標 20%）。目安は初期値 52,000時間（令和4年度）から目標までの直線。値が小さいほど良い指標。進捗率 50%）",
    ]);
    assert.deepEqual(result("2-3-i1"), [
      "×未達成",
      "目標 初期値 48件より12件減の 36件に対し 40件：未達成（削減 8件（目標 12件）。進捗率 66.7%）",
    ]);
  });

  test("年度別計画値と累計の計画値 (plan-rows.json): the typo in the cumulative row is a finding, not corrected", async () => {
    const rows = await importAndReport("plan-rows.json", "example-plan-rows", [
      "[warning] plan-rows.json: 令和7年度の累計の計画値が、単年度の計画値の令和5年度からの合計（310百万円）と合いません（期待: 310百万円 / 実際: 3,100百万円）",
    ]);
    assert.deepEqual(rows.get("1-1-i1")!.slice(4), [
      "5年間で累計500百万円",
      "90百万円計画 100百万円 累計計画 100百万円",
      "115百万円計画 110百万円 累計計画 210百万円",
      "98百万円計画 100百万円 累計計画 3,100百万円",
      "—計画 95百万円 累計計画 405百万円",
      "—計画 95百万円 累計計画 500百万円",
      "○順調",
      "目標 計画期間の合計500百万円（令和5年度～令和9年度）に向けた令和7年度の目安 300百万円に対し 累計 303百万円（令和5年度 90 + 令和6年度 115 + 令和7年度 98）：順調（計画期間の合計で比較。目安は令和5年度からの累計が令和9年度に目標に届く直線。進捗率 60.6%）",
    ]);
    const out = join(dir, "plan-rows-out.json");
    assert.equal(
      (await gyokaku("export", "--plan", "019992/example-plan-rows", "--format", "json", "--out", out)).code,
      0,
    );
    const exported = JSON.parse(readFileSync(out, "utf8"));
    const cell = exported.items[0].children[0].indicators[0].plannedValues.find(
      (v: { cumulative?: boolean; fiscalYear: number }) => v.cumulative && v.fiscalYear === 2025,
    );
    assert.deepEqual([cell.text, cell.number], ["3,100百万円", 3100], "stored as written");
  });

  test("計画独自の評価基準 S/A/B/C と3段階の着手状況 (scales.json)", async () => {
    const rows = await importAndReport("scales.json", "example-scales");
    const result = (key: string) => rows.get(key)!.slice(-2);
    assert.deepEqual(result("3-1-i1"), [
      "◎S",
      "目標 4,000件以上（毎年度）に対し 4,200件：達成（単年度の値で比較）／計画の評価基準：達成率 105.0%：S（100%以上）",
    ]);
    assert.deepEqual(result("3-2-i1"), [
      "○A",
      "目標 2,000件以上（毎年度）に対し 1,700件：未達成（単年度の値で比較）／計画の評価基準：達成率 85.0%：A（80%以上）",
    ]);
    assert.deepEqual(result("3-3-i1"), [
      "△B",
      "目標 500件以上（毎年度）に対し 310件：未達成（単年度の値で比較）／計画の評価基準：達成率 62.0%：B（50%以上）",
    ]);
    assert.deepEqual(result("3-4-i1"), [
      "×C",
      "目標 60%以上（毎年度）に対し 24%：未達成（単年度の値で比較）／計画の評価基準：達成率 40.0%：C（50%未満）",
    ]);
    assert.deepEqual(result("3-5-i1"), [
      "◎S",
      "目標 達成（令和7年度まで）に対し 達成：達成／計画の評価基準：目標に達したため達成率 100% とみなします。達成率 100.0%：S（100%以上）",
    ]);
    // The 集計 (tally): the plan's grades in its order with 増減 against 令和6年度, then 着手状況 in its words.
    const tally = join(dir, "example-scales-tally.html");
    const rep = await gyokaku(
      "report",
      ...[
        "--plan",
        "019992/example-scales",
        "--fy",
        "2025",
        "--kind",
        "tally",
        "--format",
        "html",
        "--out",
        tally,
      ],
    );
    assert.equal(rep.code, 0, rep.err);
    const html = readFileSync(tally, "utf8");
    const heads = [...html.matchAll(/<th scope="colgroup" colspan="2">(.*?)<\/th>/gs)].map((m) =>
      m[1]!.trim(),
    );
    assert.deepEqual(heads.slice(0, 6), ["◎ S", "○ A", "△ B", "× C", "－ 評価なし", "合計"]);
    const overall = [...html.matchAll(/<tr><th scope="row">計画全体<\/th>(.*?)<\/tr>/gs)].map((m) =>
      [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => c[1]!.trim()),
    );
    // 令和7年度 S 2・A 1・B 1・C 1・評価なし 0; 令和6年度 S 0・A 0・B 2・C 2・評価なし 1 (3-5 not due yet)
    assert.deepEqual(overall[0], ["2", "+2", "1", "+1", "1", "▲1", "1", "▲1", "0", "▲1", "5", "±0"]);
    assert.deepEqual(overall[1], ["0", "±0", "0", "▲1", "1", "+1", "4", "±0", "5", "±0"]);
  });
});
