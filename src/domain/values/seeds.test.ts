/**
 * The readers against the real documents: every value-looking cell of the seeds must be read, and the
 * figures domain.md lists as facts must come out as those numbers.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readSeed, seedsSkip } from "../../testing/seeds.ts";
import { readTarget } from "./targets.ts";
import { type ReadValue, readValue } from "./values.ts";

type SummaryRow = { baseline: string; target: string; actuals: string[] };

/**
 * 江別 001 rows: label cells (merged in the PDF, so their number varies), then 初期値, 目標, R1 … R5.
 * The target is the one cell that starts with (R…) or (初期値より), which anchors the others.
 */
function summaryRows(text: string): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const line of text.split("\n")) {
    const cells = line.split("\t");
    const i = cells.findIndex((c) => /^\s*[(（](R|初期値)/.test(c));
    if (i < 1) continue;
    rows.push({ baseline: cells[i - 1]!, target: cells[i]!, actuals: cells.slice(i + 1, i + 6) });
  }
  return rows;
}

const numbers = (values: ReadValue[]) => values.map((v) => v.number);

describe("江別 001 summary table", () => {
  const seed = readSeed("001_");
  const rows = seed ? summaryRows(seed.text) : [];

  test("every baseline, target and actual cell is read", { skip: seedsSkip("001_") }, () => {
    // 29 indicators, 育児休業取得率 on two rows (男性, 女性).
    assert.equal(rows.length, 30);
    for (const row of rows) {
      const baseline = readValue(row.baseline);
      assert.equal(baseline.unreadable, undefined, `初期値 ${row.baseline}`);
      assert.ok(["number", "empty"].includes(baseline.kind), `初期値 ${row.baseline}: ${baseline.kind}`);

      const target = readTarget(row.target);
      assert.equal(target.unreadable, undefined, `目標 ${row.target}`);
      assert.notEqual(target.kind, "text", `目標 ${row.target}`);

      for (const cell of row.actuals) {
        const actual = readValue(cell);
        assert.equal(actual.unreadable, undefined, `実績値 ${cell}`);
        assert.notEqual(actual.kind, "text", `実績値 ${cell}`);
      }
    }
  });

  test("the target kinds of the table", { skip: seedsSkip("001_") }, () => {
    const kinds = new Map<string, number>();
    for (const row of rows) {
      const kind = readTarget(row.target).kind;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    assert.deepEqual(Object.fromEntries(kinds), { value_by_year: 7, stage: 13, direction: 5, floor: 5 });
  });

  test("the facts of domain.md", { skip: seedsSkip("001_") }, () => {
    const row = (baseline: string) => {
      const found = rows.find((r) => r.baseline === baseline);
      assert.ok(found, baseline);
      return found;
    };
    const furusato = row("81,571千円");
    assert.deepEqual(
      numbers(furusato.actuals.slice(0, 4).map((c) => readValue(c))),
      [130515, 394921, 282448, 358336],
    );
    assert.ok(furusato.actuals.slice(0, 4).every((c) => readValue(c).unit === "千円"));
    assert.deepEqual(readTarget(furusato.target), {
      text: "(R5)90,000千円",
      kind: "value_by_year",
      number: 90000,
      unit: "千円",
      decimals: 0,
      fiscalYear: 2023,
    });
    assert.deepEqual(
      numbers(
        row("13件")
          .actuals.slice(0, 4)
          .map((c) => readValue(c)),
      ),
      [7, 11, 14, 10],
    );
    assert.deepEqual(
      numbers(
        row("97.7%")
          .actuals.slice(0, 4)
          .map((c) => readValue(c)),
      ),
      [98.1, 97.8, 98.3, 98.3],
    );

    const male = readValue(row("男性6.9%").baseline);
    assert.equal(male.series, "男性");
    assert.equal(male.number, 6.9);
    assert.equal(readValue(row("女性100%").baseline).series, "女性");

    // The row labelled 時間外勤務時間数 carries the 年次休暇 figures (10.8日 → 13.3日): the reader keeps 日.
    const leave = row("10.8日");
    assert.equal(readValue(leave.actuals[3]!).number, 13.3);
    assert.equal(readValue(leave.actuals[3]!).unit, "日");
  });

  test("実施・完了 is a stage", { skip: seedsSkip("001_") }, () => {
    const cloud = rows.find((r) => r.actuals[0] === "実施・完了");
    assert.ok(cloud);
    assert.equal(readValue(cloud.actuals[0]!).kind, "stage");
    assert.deepEqual(
      cloud.actuals.slice(1).map((c) => readValue(c).kind),
      ["empty", "empty", "empty", "empty"],
    );
  });
});

describe("江別 000 sheets", () => {
  test("every 実績値 row and every row under a year header is read", { skip: seedsSkip("000_") }, () => {
    const lines = readSeed("000_")!.text.split("\n");
    let checked = 0;
    for (const [i, line] of lines.entries()) {
      const cells = line.split("\t");
      if (/^実績値/.test(cells[0]!)) {
        for (const cell of cells.slice(1)) {
          assert.equal(readValue(cell).unreadable, undefined, `実績値 ${cell}`);
          checked++;
        }
      } else if (/^\t初期値/.test(lines[i - 1] ?? "") && !/^実績値/.test(line)) {
        // The row under 初期値 | 令和元年度 … 令和5年度: the baseline, then targets per year.
        const [, baseline = "", ...targets] = cells;
        assert.equal(readValue(baseline).unreadable, undefined, `初期値 ${baseline}`);
        for (const cell of targets) {
          assert.equal(readTarget(cell).unreadable, undefined, `目標 ${cell}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 150, `only ${checked} cells checked`);
  });
});

describe("札幌 002 targets", () => {
  /** Targets as 札幌 prints them: `2022年 X\t2027年 Y` on the 目標 line, or X\tY on the line below. */
  function sapporoCells(text: string): string[] {
    const lines = text.split("\n");
    const cells: string[] = [];
    for (const [i, line] of lines.entries()) {
      if (!line.startsWith("目標\t")) continue;
      const own = line
        .split("\t")
        .slice(2)
        .filter((c) => /\d{4}\s*年\s+\S/.test(c));
      if (own.length) {
        cells.push(...own);
        continue;
      }
      const next = lines[i + 1] ?? "";
      if (next.startsWith("\t\t"))
        cells.push(
          ...next
            .split("\t")
            .slice(2)
            .filter((c) => c.trim() !== ""),
        );
    }
    return cells;
  }

  test("no baseline or target comes back unreadable", { skip: seedsSkip("002_") }, () => {
    const cells = sapporoCells(readSeed("002_")!.text);
    assert.ok(cells.length > 100, `only ${cells.length} cells found`);
    const texts: string[] = [];
    for (const cell of cells) {
      const target = readTarget(cell);
      assert.equal(target.unreadable, undefined, `${cell}: ${target.unreadable}`);
      if (target.kind === "text" && !target.empty) texts.push(cell);
    }
    // The one target in words that names no stage: 電子申請 of two kinds of tickets.
    assert.deepEqual([...new Set(texts)], ["タクシー券、ガソリン券の電子申請実施"]);
  });

  test("札幌's shapes", { skip: seedsSkip("002_") }, () => {
    const cells = sapporoCells(readSeed("002_")!.text);
    const read = (s: string) => {
      assert.ok(cells.includes(s), `${s} is not in the seed`);
      return readTarget(s);
    };
    assert.equal(read("2027年 2,728,512人").number, 2728512);
    assert.equal(read("2027年 2,728,512人").fiscalYear, 2027);
    assert.equal(read("1億7千万枚").number, 170_000_000);
    assert.deepEqual(read("10%増 (2023年度比)").change, { amount: 10, unit: "%" });
    assert.equal(read("20分短縮").kind, "relative");
    assert.equal(read("2027年 受験者増").kind, "direction");
    assert.equal(read("2027年 隨時実施").stage, "随時実施");
    assert.equal(read("2027年 3回/年").unit, "回/年");
    assert.equal(read("減少").direction, "decrease");
  });
});
