// gyokaku import over a stored plan: --dry-run prints the changes and stores nothing; removals need
// --allow-removals; the refusal lists what would be removed and exits non-zero.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { cliSandbox, cliSkip } from "../../testing/cli.ts";
import { samplePlanDocument } from "../../testing/factories.ts";

const sandbox = cliSandbox("import");
const { dir, gyokaku } = sandbox;

describe("gyokaku import --dry-run / --allow-removals", { skip: cliSkip() }, () => {
  after(sandbox.cleanup);

  test("dry run, refusal of removals, then consent", async () => {
    const first = join(dir, "first.json");
    writeFileSync(first, JSON.stringify(samplePlanDocument()));
    assert.equal((await gyokaku("import", first)).code, 0);

    const doc = samplePlanDocument();
    const leaf = doc.items![0]!.children![0]!.children![0]!;
    leaf.indicators![0]!.actuals![1]!.text = "6,900";
    leaf.progress = [];
    const second = join(dir, "second.json");
    writeFileSync(second, JSON.stringify(doc));

    const dry = await gyokaku("import", "--dry-run", second);
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /012173\/sample テスト行政改革計画: 追加 0、変更 1、削除 1/);
    assert.match(dry.out, /変更 ① 双方向の情報共有 \/ 指標① フォロワー数 2020年度 実績値: 6,825 → 6,900/);
    assert.match(dry.out, /削除 ① 双方向の情報共有 2022年度 取組状況: 取組状況: 運用を開始した/);
    assert.match(dry.out, /何も保存していません/);

    const refused = await gyokaku("import", second);
    assert.equal(refused.code, 1);
    assert.match(refused.err + refused.out, /削除するため、何も保存していません/);
    assert.match(refused.err + refused.out, /--allow-removals/);
    assert.doesNotMatch(refused.err + refused.out, /at .*\.ts:\d+/, "no stack trace");

    const stored = await gyokaku("import", "--allow-removals", second);
    assert.equal(stored.code, 0, stored.err);
    assert.match(stored.out, /保存しました: 012173\/sample/);
    const again = await gyokaku("import", "--dry-run", second);
    assert.match(again.out, /追加 0、変更 0、削除 0/);
  });

  test("a file of an unknown layout: the command line names --format", async () => {
    const noise = join(dir, "noise.txt");
    writeFileSync(noise, "こんにちは\n");
    const r = await gyokaku("import", noise);
    assert.equal(r.code, 1);
    assert.match(
      r.err + r.out,
      /noise\.txt: 様式を判別できません。--format で指定してください（json, xlsx, /,
    );
  });
});
