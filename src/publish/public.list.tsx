/** The list of everything published on this server, and the not-found page of the public pages. */
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { PlainLayout, rel } from "./public.layout.tsx";
import { dateJa } from "./public.pages.tsx";
import type { PublicationMeta } from "./publish.service.ts";

/** /public/: everything published on this server, by municipality. */
export function PublicationListPage({
  publications,
  assets,
}: {
  publications: PublicationMeta[];
  assets: string;
}) {
  const byMunicipality = new Map<string, PublicationMeta[]>();
  for (const p of publications) {
    const key = `${p.municipalityName}（${p.municipalityCode}）`;
    byMunicipality.set(key, [...(byMunicipality.get(key) ?? []), p]);
  }
  return (
    <PlainLayout title="公表中の行政改革計画" depth={0} assets={assets}>
      <h1>公表中の行政改革計画</h1>
      {publications.length === 0 && <p>公表されている計画はまだありません。</p>}
      {[...byMunicipality].map(([name, list]) => (
        <section aria-label={name}>
          <h2>{name}</h2>
          <ul class="item-list">
            {list.map((p) => (
              <li>
                <a href={`${p.municipalityCode}/${encodeURIComponent(p.planKey)}/${p.fiscalYear}/index.html`}>
                  {p.title} {warekiFiscalYear(p.fiscalYear)}の取組状況
                </a>
                <span class="path">
                  {dateJa(p.publishedAt)}公表（第{p.version}版）
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </PlainLayout>
  );
}

export function PublicNotFoundPage({
  message,
  depth,
  assets,
}: {
  message: string;
  depth: number;
  assets: string;
}) {
  return (
    <PlainLayout title="見つかりません" depth={depth} assets={assets}>
      <h1>見つかりません</h1>
      <p>{message}</p>
      <p>
        <a href={rel(depth, "index.html")}>公表中の計画一覧へ</a>
      </p>
    </PlainLayout>
  );
}
