/**
 * A shared 類似団体別職員数 table: 架空町's diagnosis from the table of its 類型, its headcounts and its
 * population alone — every figure on the page and in the workbook; an unknown 類型 refused.
 */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { isAppError } from "../core/errors.ts";
import { closeBrowser } from "../core/pdf/pdf.ts";
import { parsePeerTable, parseStaffingDocument } from "../core/staffing-document/index.ts";
import { readPdf } from "../testing/pdf.ts";
import { madeUpPeerTable, madeUpTownWithoutDiagnosis } from "../testing/staffing-town.ts";
import { needs } from "../testing/system.ts";
import { DiagnosisPage } from "./staffing.diagnosis.page.tsx";
import { renderReport } from "./staffing.export.tsx";
import { readPeerTableWorkbook, writePeerTableWorkbook } from "./staffing.peer-table-workbook.ts";
import { diagnosisView } from "./staffing.reports.ts";

const table = parsePeerTable(madeUpPeerTable(), "peer.json");
const town = parseStaffingDocument(madeUpTownWithoutDiagnosis(), "town.json");

after(() => closeBrowser());

describe("the peer table", () => {
  test("the printed 類型 and 小計 are read as the scheme names them", () => {
    assert.equal(table.group, "IV-1");
    assert.deepEqual(
      table.averages.map((a) => a.total),
      ["一般行政計", "普通会計計"],
    );
  });

  const refused = (edit: (t: Record<string, unknown>) => void, pattern: RegExp) => {
    const input = madeUpPeerTable();
    edit(input);
    assert.throws(
      () => parsePeerTable(input, "peer.json"),
      (e: unknown) => {
        assert.ok(isAppError(e, "invalid_document"), String(e));
        assert.match(e.message, pattern);
        return true;
      },
    );
  };

  test("a 類型 the scheme does not have is refused, naming the field", () => {
    refused((t) => {
      t.group = "IV-3";
    }, /類型「IV-3」は類似団体別職員数の状況（町村 15類型）にありません.*（\$\.group）/);
    refused((t) => {
      t.group = "VI-1";
    }, /類型「VI-1」は/);
    refused((t) => {
      t.scheme = "ruiji-x";
    }, /区分方式「ruiji-x」を知りません（\$\.scheme）/);
  });

  test("an unknown 部門 or a negative average is refused, naming the row", () => {
    refused((t) => {
      (t.rows as { sector: string }[])[1]!.sector = "宇宙";
    }, /部門「宇宙」は.*（\$\.rows\[1\]\.sector）/);
    refused((t) => {
      (t.rows as { simplePer10k: number }[])[0]!.simplePer10k = -1;
    }, /単純値: 負の数は使えません（\$\.rows\[0\]\.simplePer10k）/);
  });
});

describe("架空町's diagnosis from the shared table", () => {
  const v = diagnosisView(town, 2025, [table])!;
  const line = (n: string) => v.lines.find((l) => l.name === n)!;
  const figures = (n: string) => {
    const l = line(n);
    return [
      l.previous,
      l.current,
      l.change,
      l.simple?.estimate,
      l.simple?.excess,
      l.simple?.rate,
      l.corrected?.estimate,
      l.corrected?.excess,
      l.corrected?.rate,
    ];
  };

  test("A, B, B−A and the comparison per 部門 and subtotal", () => {
    assert.equal(v.peerSource, "set");
    assert.deepEqual(figures("総務・企画"), [76, 75, -1, 65, 10, 13.3, 69, 6, 8]);
    assert.deepEqual(figures("土木"), [56, 55, -1, 51, 4, 7.3, undefined, undefined, undefined]);
    assert.deepEqual(figures("消防"), [59, 59, 0, 38, 21, 35.6, undefined, undefined, undefined]);
    assert.deepEqual(figures("一般行政計").slice(0, 6), [132, 130, -2, 119, 11, 8.5]);
    assert.deepEqual(figures("普通会計計").slice(0, 6), [191, 189, -2, 151, 38, 20.1]);
    assert.equal(line("議会").current, undefined);
    // 修正値 only for 総務・企画: 土木 and 消防 are staffed without one, so no subtotal estimate (not 69).
    assert.equal(line("一般行政計").corrected, undefined);
    assert.equal(line("普通会計計").corrected, undefined);
  });

  test("per 10,000 for every total, with the population and its date; none where there is no staff", () => {
    assert.deepEqual(
      v.per10k.map((t) => [t.total, t.staff, t.per10k, t.peerSimple, t.missing]),
      [
        ["一般行政計", 130, 104, 95, undefined],
        ["普通会計計", 189, 151.2, 120.4, undefined],
        [
          "公営企業等会計計",
          undefined,
          undefined,
          undefined,
          "公営企業等会計計に含まれる部門の2025年度の職員数がありません",
        ],
        ["合計", 189, 151.2, undefined, undefined],
      ],
    );
    const html = String(<DiagnosisPage view={v} />);
    assert.match(html, /人口 12,500人（令和7年1月1日現在）/);
    assert.match(
      html,
      /<th scope="row">一般行政計<\/th><td class="num">130<\/td><td>12,500人（令和7年1月1日現在）<\/td><td class="num">104\.00<\/td><td class="num">95\.00<\/td>/,
    );
    assert.match(
      html,
      /<th scope="row">公営企業等会計計<\/th><td class="missing" title="公営企業等会計計に含まれる部門の2025年度の職員数がありません">—/,
    );
    assert.match(html, /全国の類似団体別職員数の表（この団体に設定された類型、全団体共通の表）/);
    assert.match(
      html,
      /<th scope="row">普通会計計<\/th><td class="num">191<\/td><td class="num">189<\/td><td class="num neg">▲2<\/td><td class="num">151<\/td><td class="num">38<\/td><td class="num">20\.1<\/td>/,
    );
  });

  test("the workbook holds the same figures", async () => {
    const out = await renderReport(town, "diagnosis", "xlsx", 2025, { peerTables: [table] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.bytes as unknown as ArrayBuffer);
    const rowOf = (sheet: string, name: string) => {
      const ws = wb.getWorksheet(sheet)!;
      for (let r = 2; r <= ws.rowCount; r++)
        if (ws.getRow(r).getCell(1).value === name) return (ws.getRow(r).values as unknown[]).slice(1);
      return [];
    };
    assert.deepEqual(rowOf("定員管理診断表", "総務・企画").slice(0, 10), [
      "総務・企画",
      76,
      75,
      -1,
      65,
      10,
      13.3,
      69,
      6,
      8,
    ]);
    assert.deepEqual(rowOf("定員管理診断表", "普通会計計").slice(0, 7), [
      "普通会計計",
      191,
      189,
      -2,
      151,
      38,
      20.1,
    ]);
    assert.deepEqual(rowOf("人口1万人当たり", "一般行政計").slice(0, 6), [
      "一般行政計",
      130,
      12500,
      "2025-01-01",
      104,
      95,
    ]);
    const pe = rowOf("人口1万人当たり", "公営企業等会計計");
    assert.equal(pe[1] ?? "empty", "empty");
    assert.equal(pe[7], "公営企業等会計計に含まれる部門の2025年度の職員数がありません");
  });

  test("the PDF prints the same figures", { skip: needs("chromium") }, async () => {
    const out = await renderReport(town, "diagnosis", "pdf", 2025, { peerTables: [table] });
    const text = (await readPdf(out.bytes)).text.replace(/\s+/g, " ");
    assert.match(text, /総務・企画 76 75 ▲1 65 10 13\.3 69 6 8\.0/);
    assert.match(text, /一般行政計 132 130 ▲2 119 11 8\.5 ?教育/);
    assert.match(text, /普通会計計 191 189 ▲2 151 38 20\.1 ?病院/);
    assert.match(text, /一般行政計 130 12,500人（令和7年1月1日現在）104\.00 95\.00/);
    assert.match(text, /公営企業等会計計 —（公営企業等会計計に含まれる部門の2025年度の職員数がありません）/);
  });

  test("a year the table does not cover is refused with the reason, not answered with 2025", async () => {
    assert.equal(diagnosisView(town, 2024, [table]), null);
    await assert.rejects(
      renderReport(town, "diagnosis", "html", 2024, { peerTables: [table] }),
      /2024年度の定員管理診断表のデータがありません（診断表のデータはありません）。類型 IV-1 の 2024年度の類似団体別職員数の表が取り込まれていません（あるのは 2025年度）/,
    );
  });

  test("a town classified from population and industry shares finds the same table", () => {
    const other = parseStaffingDocument({
      ...madeUpTownWithoutDiagnosis("019984", "架空村"),
      peerGroup: undefined,
      classifications: [
        {
          fiscalYear: 2025,
          scheme: "ruiji-shokuin-town",
          population: 16_000,
          shares: { secondaryTertiaryPercent: 85, tertiaryPercent: 50 },
        },
      ],
    });
    const w = diagnosisView(other, 2025, [table])!;
    assert.equal(w.peerSource, "classified");
    assert.equal(w.lines.find((l) => l.name === "普通会計計")!.simple?.excess, 38);
  });

  test("a 類型 set to one the scheme does not have is refused", () => {
    assert.throws(
      () =>
        parseStaffingDocument({
          ...madeUpTownWithoutDiagnosis(),
          peerGroup: { scheme: "ruiji-shokuin-town", group: "II-3" },
        }),
      /類型「II-3」は類似団体別職員数の状況（町村 15類型）にありません.*\$\.peerGroup\.group/,
    );
  });
});

describe("the peer table as a workbook", () => {
  const edited = async (edit: (ws: ExcelJS.Worksheet) => void) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writePeerTableWorkbook(table)) as unknown as ArrayBuffer);
    edit(wb.getWorksheet("類似団体別職員数")!);
    return readPeerTableWorkbook("peer.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
  };

  test("what is written reads back the same", async () => {
    assert.deepEqual(await edited(() => {}), table);
  });

  test("an unknown 類型 or 部門 is refused naming sheet, row and column", async () => {
    await assert.rejects(
      edited((ws) => {
        for (let r = 2; r <= ws.rowCount; r++) ws.getCell(`B${r}`).value = "IV-7";
      }),
      /シート「類似団体別職員数」 行 2 列 B（類型）: 類型「IV-7」は類似団体別職員数の状況（町村 15類型）にありません/,
    );
    await assert.rejects(
      edited((ws) => {
        ws.getCell("G3").value = "宇宙";
      }),
      /シート「類似団体別職員数」 行 3 列 G（部門・小計）: 部門「宇宙」は/,
    );
    await assert.rejects(
      edited((ws) => {
        ws.getCell("B4").value = "IV-2";
      }),
      /行 4 列 B.*類型が違います/,
    );
  });
});
