/** The page frame: header, main, footer. Everything it loads comes from this server. */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { STYLESHEETS } from "./assets.ts";
import { FontHead } from "./fonts.tsx";
import { SessionBar } from "./session-bar.tsx";

export type LayoutProps = { title: string; children: Child; breadcrumbs?: { href: string; label: string }[] };

export function Layout({ title, children, breadcrumbs = [] }: LayoutProps) {
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="ja">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} | gyokaku`}</title>
          <FontHead base="/assets/fonts/" />
          {STYLESHEETS.app.map((f) => (
            <link rel="stylesheet" href={`/assets/${f}`} />
          ))}
        </head>
        <body>
          <a class="skip-link" href="#main">
            本文へ移動
          </a>
          <header class="site-header">
            <div class="container">
              <a class="site-name" href="/">
                gyokaku <span class="site-sub">行政改革の進行管理</span>
              </a>
              <SessionBar />
            </div>
          </header>
          {breadcrumbs.length > 0 && (
            <nav class="container breadcrumbs" aria-label="パンくずリスト">
              <ol>
                {breadcrumbs.map((b) => (
                  <li>
                    <a href={b.href}>{b.label}</a>
                  </li>
                ))}
                <li aria-current="page">{title}</li>
              </ol>
            </nav>
          )}
          <main id="main" class="container">
            {children}
          </main>
          <footer class="site-footer">
            <div class="container">gyokaku — オープンソースの行政改革進行管理ソフトウェア</div>
          </footer>
        </body>
      </html>
    </>
  );
}
