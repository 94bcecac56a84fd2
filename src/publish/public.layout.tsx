/**
 * The frame of the public pages. Every link is relative, so that the same pages work on this server under
 * /public/, and as a static export from any web server, a CMS folder or file://. Nothing comes from outside.
 */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { FontHead } from "../core/ui/fonts.tsx";
import { CsrfField } from "../core/ui/forms.tsx";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";

/** Where the pages are served, as seen from a publication's root folder. */
export type SiteMode = {
  /** From the publication root to the folder with public.css and fonts/ ("assets/" in a static export). */
  assets: string;
  /** From the publication root to the list of everything published; none in a static export. */
  home?: string | undefined;
  /** Whether search.html answers (a GET form needs the server). */
  search: boolean;
  /** Other published versions of the same year, with their roots relative to this root; server only. */
  versions?: { version: number; publishedAt: Date; root: string; current: boolean }[] | undefined;
  /** The office's preview before publishing: a band on every page with the confirmation; never cached. */
  preview?: PreviewMode | undefined;
};

export type PreviewMode = {
  fiscalYear: number;
  /** The version publishing would make. */
  version: number;
  /** The would-be snapshot's fingerprint: publishing refuses when the data changed after the preview. */
  digest: string;
  /** Where the confirmation posts (the publishing page of the plan), and where to go back to. */
  action: string;
  back: string;
  error?: string | undefined;
};

/** A link from a page `depth` folders below the publication root to a path relative to the root. */
export function rel(depth: number, path: string): string {
  return `${"../".repeat(depth)}${path}`;
}

export type Crumb = { href: string; label: string };

export function PublicLayout(props: {
  title: string;
  /** The site's name in the header: the municipality and the plan. */
  siteName: string;
  depth: number;
  mode: SiteMode;
  crumbs?: Crumb[];
  /** Which entry of the header navigation is this page. */
  current?: "overview" | "departments" | "search" | "opendata" | undefined;
  children: Child;
}) {
  const { depth, mode } = props;
  const to = (path: string) => rel(depth, path);
  const nav: { key: NonNullable<typeof props.current>; href: string; label: string }[] = [
    { key: "overview", href: to("index.html"), label: "概要と評価" },
    { key: "departments", href: to("departments.html"), label: "所管課から探す" },
    ...(mode.search ? [{ key: "search" as const, href: to("search.html"), label: "キーワードで探す" }] : []),
    { key: "opendata", href: to("index.html#opendata"), label: "オープンデータ" },
  ];
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="ja">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${mode.preview ? "【プレビュー】" : ""}${props.title} | ${props.siteName}`}</title>
          {mode.preview && <meta name="robots" content="noindex, nofollow" />}
          <FontHead base={to(`${mode.assets}fonts/`)} />
          <link rel="stylesheet" href={to(`${mode.assets}public.css`)} />
        </head>
        <body>
          <a class="skip-link" href="#main">
            本文へ移動
          </a>
          {mode.preview && <PreviewBanner preview={mode.preview} />}
          <header class="site-header">
            <div class="container">
              {mode.home && (
                <a class="site-home" href={to(mode.home)}>
                  公表中の計画一覧
                </a>
              )}
              <a class="site-name" href={to("index.html")}>
                {props.siteName}
              </a>
              <nav aria-label="サイト内">
                <ul class="site-nav">
                  {nav.map((n) => (
                    <li>
                      <a href={n.href} aria-current={n.key === props.current ? "page" : undefined}>
                        {n.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          </header>
          {props.crumbs && props.crumbs.length > 0 && (
            <nav class="container breadcrumbs" aria-label="現在位置">
              <ol>
                {props.crumbs.map((c) => (
                  <li>
                    <a href={c.href}>{c.label}</a>
                  </li>
                ))}
                <li aria-current="page">{props.title}</li>
              </ol>
            </nav>
          )}
          <main id="main" class="container" tabindex={-1}>
            {props.children}
          </main>
          <footer class="site-footer">
            <div class="container">
              <p>
                このページは gyokaku（オープンソースの行政改革進行管理ソフトウェア）で作成しました。JavaScript
                を使わず、外部から何も読み込みません。
              </p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}

/** The band of the preview: what this is, and the confirmation that publishes exactly this. */
function PreviewBanner({ preview }: { preview: PreviewMode }) {
  const year = `${warekiFiscalYear(preview.fiscalYear)}（${preview.fiscalYear}年度）`;
  return (
    <section class="preview-banner" aria-labelledby="preview-title">
      <div class="container">
        <p class="preview-title" id="preview-title">
          プレビュー（まだ公表していません）
        </p>
        <p>
          {year}を公表すると、市民向けページとオープンデータにこの内容が第{preview.version}
          版として載ります。このプレビューは行革担当と管理者だけが見られ、市民には見えません。
        </p>
        <form method="post" action={preview.action} novalidate>
          <CsrfField />
          <input type="hidden" name="fy" value={String(preview.fiscalYear)} />
          <input type="hidden" name="previewed" value={preview.digest} />
          {preview.error && (
            <p class="error-message" id="preview-confirm-error">
              <span class="visually-hidden">エラー: </span>
              {preview.error}
            </p>
          )}
          <label>
            <input
              type="checkbox"
              name="confirm"
              value="yes"
              aria-describedby={preview.error ? "preview-confirm-error" : undefined}
            />
            この内容を公表し、取り消せないことを確認しました
          </label>
          <button type="submit">この内容で公表する</button>
          <a href={preview.back}>公表せずに戻る</a>
        </form>
      </div>
    </section>
  );
}

/** A bare page for the list of everything published and for errors (no plan around it). */
export function PlainLayout(props: { title: string; depth: number; assets: string; children: Child }) {
  const to = (path: string) => rel(props.depth, path);
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="ja">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{props.title}</title>
          <FontHead base={to(`${props.assets}fonts/`)} />
          <link rel="stylesheet" href={to(`${props.assets}public.css`)} />
        </head>
        <body>
          <a class="skip-link" href="#main">
            本文へ移動
          </a>
          <header class="site-header">
            <div class="container">
              <a class="site-name" href={to("index.html")}>
                公表中の行政改革計画
              </a>
            </div>
          </header>
          <main id="main" class="container" tabindex={-1}>
            {props.children}
          </main>
          <footer class="site-footer">
            <div class="container">
              <p>gyokaku — オープンソースの行政改革進行管理ソフトウェア</p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
