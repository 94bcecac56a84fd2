/**
 * What every staffing page shares: the frame (the app's one page shell, src/core/ui/layout.tsx), the
 * navigation between the reports, number cells, charts, findings, downloads, and the standalone report
 * document (HTML file, PDF) that prints with the app's one stylesheet.
 */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { Finding } from "../core/findings.ts";
import { formatFinding } from "../core/findings.ts";
import { Layout } from "../core/ui/layout.tsx";
import { PdfLink } from "../core/ui/pdf-link.tsx";
import { shortWareki, wareki } from "../domain/fiscal-year.ts";
import { formatChange, formatCount, formatDecimal } from "../domain/staffing/index.ts";
import type { Municipality } from "./staffing.reports.ts";

export const STAFFING_BASE = "/staffing";
export type ReportKind = "headcount" | "population" | "diagnosis" | "retirement" | "plan";

export const REPORT_TITLES: Record<ReportKind, string> = {
  headcount: "部局別職員数の推移",
  population: "職員数と人口・類似団体との比較",
  diagnosis: "定員管理診断表",
  retirement: "定年引上げと退職者の予定",
  plan: "定員適正化計画の進捗",
};

export function Fy({ fy }: { fy: number }) {
  return (
    <>
      {fy}
      <span class="fy">{shortWareki(fy)}</span>
    </>
  );
}

/** A number cell; negative values printed with ▲ and marked, not only coloured. */
export function Num({
  v,
  blankZero = false,
  places,
}: {
  v: number | null | undefined;
  blankZero?: boolean;
  places?: number;
}) {
  const text = places !== undefined ? formatDecimal(v, places) : blankZero ? formatChange(v) : formatCount(v);
  return <td class={`num${typeof v === "number" && v < 0 ? " neg" : ""}`}>{text}</td>;
}

export function Chart({ svg, label }: { svg: string; label: string }) {
  return (
    <div class="chart" role="img" aria-label={label}>
      {raw(svg)}
    </div>
  );
}

export function Findings({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <section aria-labelledby="findings-h">
      <h2 id="findings-h">確認が必要な点（{findings.length}件）</h2>
      <ul class="findings">
        {findings.map((f) => (
          <li>
            <span class="flag">⚠ {f.subject ?? "指摘"}</span> {formatFinding(f)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The year each tab carries (staffing.nav-years.ts): only a year its page has data for; none, its default. */
export type NavYears = Partial<Record<ReportKind, number>>;

export function StaffingNav({
  code,
  current,
  years = {},
}: {
  code: string;
  current: ReportKind | "overview";
  years?: NavYears;
}) {
  const items: [ReportKind, string][] = [
    ["headcount", "職員数の推移"],
    ["population", "人口・類似団体"],
    ["diagnosis", "定員管理診断表"],
    ["retirement", "定年引上げ・退職者"],
    ["plan", "定員適正化計画"],
  ];
  return (
    <nav class="staffing-nav" aria-label="定数管理のページ">
      <ul>
        {items.map(([kind, label]) => (
          <li>
            <a
              href={`${STAFFING_BASE}/${code}/${kind}${years[kind] !== undefined ? `?fy=${years[kind]}` : ""}`}
              aria-current={current === kind ? "page" : undefined}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Downloads({ code, kind, fy }: { code: string; kind: ReportKind; fy?: number }) {
  const q = fy !== undefined ? `?fy=${fy}` : "";
  return (
    <p class="downloads">
      <a href={`${STAFFING_BASE}/${code}/${kind}.xlsx${q}`} download>
        この表を Excel（xlsx）で保存
      </a>
      <PdfLink href={`${STAFFING_BASE}/${code}/${kind}.pdf${q}`} download>
        PDF で保存
      </PdfLink>
      <a href={`${STAFFING_BASE}/${code}/template.xlsx`} download>
        データをテンプレート（xlsx）で保存
      </a>
    </p>
  );
}

export const crumbs = (m: Municipality) => [
  { href: STAFFING_BASE, label: "定数管理" },
  { href: `${STAFFING_BASE}/${m.code}`, label: m.name },
];

export function Page({
  m,
  kind,
  fy,
  nav,
  downloads = true,
  children,
}: {
  m: Municipality;
  kind: ReportKind;
  fy?: number;
  /** the years the tabs carry (staffing.nav-years.ts) */
  nav?: NavYears | undefined;
  /** false for a page without data: there is no report to save */
  downloads?: boolean;
  children: Child;
}) {
  return (
    <Layout title={`${m.name} ${REPORT_TITLES[kind]}`} breadcrumbs={crumbs(m)}>
      <h1>
        {m.name} {REPORT_TITLES[kind]}
      </h1>
      <StaffingNav code={m.code} current={kind} years={nav} />
      {children}
      {downloads && <Downloads code={m.code} kind={kind} fy={fy} />}
    </Layout>
  );
}

// ---------------------------------------------------------------- standalone reports (HTML file, PDF)

/**
 * A report as one self-contained HTML document (styles inline, charts inline SVG, nothing loaded from
 * anywhere), for `gyokaku staffing report --format html` and for printing to PDF.
 */
export function StandaloneReport({
  m,
  kind,
  css,
  children,
  generatedAt,
}: {
  m: Municipality;
  kind: ReportKind;
  css: string;
  children: Child;
  generatedAt: string;
}) {
  const title = `${m.name} ${REPORT_TITLES[kind]}`;
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="ja">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title}</title>
          <style>{raw(css)}</style>
        </head>
        <body>
          <main class="container">
            <h1>{title}</h1>
            {children}
            <p class="note">gyokaku により作成（{generatedAt}）</p>
          </main>
        </body>
      </html>
    </>
  );
}

export const dateJa = (iso: string | undefined) => {
  if (!iso) return "";
  const [y, mo, d] = iso.split("-").map(Number) as [number, number, number];
  return `${wareki(y)}${mo}月${d}日`;
};

/** A figure that cannot be computed: 「—」 with the reason, never 0. */
export function Missing({ why }: { why: string }) {
  return (
    <td class="missing" title={why}>
      —<span class="visually-hidden">（{why}）</span>
    </td>
  );
}
