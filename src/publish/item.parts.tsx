/**
 * Sections of an item's public page: the activities by year, the 財政効果額 (planned against actual by year,
 * in the unit the plan wrote) and the evidence files (根拠資料) the office made public.
 */
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { evidencePath, type ItemView, type PublicView } from "./public-view.ts";
import type { PublishedEvidence } from "./snapshot.ts";

export function Activities({ view, item: v }: { view: PublicView; item: ItemView }) {
  const acts = v.item.activities;
  const years = [...new Set(acts.map((a) => a.fiscalYear))].sort((a, b) => a - b);
  const cell = (fy: number, kind: "plan" | "result") => {
    const list = acts.filter((a) => a.fiscalYear === fy && a.kind === kind);
    if (list.length === 0) return <td class="empty">—</td>;
    return (
      <td class="prose">
        {list.map((a) => (
          <div>
            {a.status && <span class="tag">〈{a.status}〉</span>}
            {a.text}
          </div>
        ))}
      </td>
    );
  };
  return (
    <>
      <h2>取組計画と実績</h2>
      <section class="table-scroll" aria-label="取組計画と実績" tabindex={0}>
        <table>
          <caption>年度ごとの計画と実績</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">計画</th>
              <th scope="col">実績</th>
            </tr>
          </thead>
          <tbody>
            {years.map((fy) => {
              const labelled = acts.find((a) => a.fiscalYear === fy && a.yearLabel)?.yearLabel;
              return (
                <tr class={fy === view.fiscalYear ? "current" : undefined}>
                  <th scope="row">
                    {labelled ?? warekiFiscalYear(fy)}
                    <span class="fy">{fy}年度</span>
                  </th>
                  {cell(fy, "plan")}
                  {cell(fy, "result")}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** 12.3 KB, 1.5 MB */
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} バイト`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The kind of a file for people: PDF, Excel … from its name's extension (the upload checked its content). */
function fileKind(name: string): string {
  const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  const kinds: Record<string, string> = {
    pdf: "PDF",
    doc: "Word",
    docx: "Word",
    xls: "Excel",
    xlsx: "Excel",
    ppt: "PowerPoint",
    pptx: "PowerPoint",
    odt: "ODF",
    ods: "ODF",
    odp: "ODF",
    png: "画像",
    jpg: "画像",
    jpeg: "画像",
    gif: "画像",
    csv: "CSV",
  };
  return kinds[ext] ?? "ファイル";
}

/** 根拠資料: the files the office made public, taken into this version when it was published. */
export function EvidenceList({ files }: { files: readonly PublishedEvidence[] }) {
  if (files.length === 0) return null;
  return (
    <>
      <h2 id="evidence">根拠資料</h2>
      <p>所管課が報告に添付し、行革担当が公開とした資料です（公表した時点のもの）。</p>
      <ul class="evidence-list">
        {files.map((f) => (
          <li>
            <a href={`../${evidencePath(f)}`} download={f.fileName}>
              {f.fileName}
            </a>
            <span class="file-meta">
              （{fileKind(f.fileName)}、{fileSize(f.size)}）
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
