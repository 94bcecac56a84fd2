/**
 * The confirmation page of a staffing upload: per municipality, what storing the files would remove (stored
 * only with the box ticked) and change (before → after). Nothing is stored until 「保存する」.
 */
import { CsrfField, ErrorSummary, type FieldErrors } from "../core/ui/forms.tsx";
import { Layout } from "../core/ui/layout.tsx";
import { Findings, STAFFING_BASE } from "./staffing.page-parts.tsx";
import type { StaffingPreview, StaffingPreviewResult } from "./staffing.preview.service.ts";
import { describeRecord, label } from "./staffing.removals.ts";
import { STAFFING_IMPORT_PATH } from "./staffing.upload.pages.tsx";

export const STAFFING_CONFIRM_PATH = `${STAFFING_IMPORT_PATH}/confirm`;

/** The page lists this many rows per municipality. */
const SHOWN = 1000;

type Row = { kind: "removed" | "changed"; field: string; before: unknown; after?: unknown };

function rowsOf(p: StaffingPreview): Row[] {
  return [
    ...p.removals.flatMap((r) =>
      r.removed.map((before): Row => ({ kind: "removed", field: r.field, before })),
    ),
    ...p.changes.map((c): Row => ({ kind: "changed", field: c.field, before: c.before, after: c.after })),
  ];
}

function DocumentChanges({ p }: { p: StaffingPreview }) {
  const rows = rowsOf(p);
  const removed = rows.filter((r) => r.kind === "removed").length;
  return (
    <section>
      <h2>
        {p.municipalityName}（{p.file}）
      </h2>
      {p.isNew ? (
        <p>
          新しく保存します（組織 {p.units}、職員数 {p.headcounts} 件）。
        </p>
      ) : rows.length === 0 ? (
        <p>保存されているデータと同じ記録だけです。削除・変更はありません（追加があれば保存します）。</p>
      ) : (
        <p>
          保存されているデータに対して、変更 {p.changes.length} 件、<strong>削除 {removed} 件</strong>。
        </p>
      )}
      {rows.length > 0 && (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">区分</th>
                <th scope="col">データ</th>
                <th scope="col">変更前</th>
                <th scope="col">変更後</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, SHOWN).map((r) => (
                <tr class={r.kind === "removed" ? "change-removed" : undefined}>
                  <td>
                    <span class="tag">{r.kind === "removed" ? <strong>削除</strong> : "変更"}</span>
                  </td>
                  <td>{label(r.field)}</td>
                  <td>
                    <del>{describeRecord(r.before)}</del>
                  </td>
                  <td>{r.after === undefined ? "" : <ins>{describeRecord(r.after)}</ins>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > SHOWN && <p>ほか {rows.length - SHOWN} 件。</p>}
    </section>
  );
}

export function StaffingPreviewPage({
  preview,
  errors = {},
}: {
  preview: StaffingPreviewResult;
  errors?: FieldErrors;
}) {
  const removals = preview.documents.reduce(
    (n, d) => n + d.removals.reduce((m, r) => m + r.removed.length, 0),
    0,
  );
  return (
    <Layout
      title="取り込む定数管理データの確認"
      breadcrumbs={[
        { href: STAFFING_BASE, label: "定数管理" },
        { href: STAFFING_IMPORT_PATH, label: "定数管理のデータの取り込み" },
      ]}
    >
      <h1>取り込む定数管理データの確認</h1>
      <p class="lead">
        まだ何も保存していません。削除・変更される内容を確かめてから「保存する」を押してください。
        保存すると、その団体の定数管理のデータはファイルの内容に置き換わります。
      </p>
      {preview.documents.map((p) => (
        <DocumentChanges p={p} />
      ))}
      <Findings findings={preview.findings} />
      <form method="post" action={STAFFING_CONFIRM_PATH} class="panel narrow" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <input type="hidden" name="token" value={preview.token} />
        <input type="hidden" name="upload" value={preview.upload} />
        {removals > 0 && (
          <div class={`field${errors.allowRemovals ? " field-error" : ""}`}>
            {errors.allowRemovals && (
              <p class="error-message" id="f-allowRemovals-error">
                <span class="visually-hidden">エラー: </span>
                {errors.allowRemovals}
              </p>
            )}
            <div class="checkbox">
              <input
                type="checkbox"
                id="f-allowRemovals"
                name="allowRemovals"
                value="yes"
                aria-describedby={errors.allowRemovals ? "f-allowRemovals-error" : undefined}
              />
              <label for="f-allowRemovals">
                上の {removals} 件の削除を確認しました（削除した内容は履歴に残り、履歴から戻せます）
              </label>
            </div>
          </div>
        )}
        <button type="submit" class="button button-primary">
          保存する
        </button>{" "}
        <a href={STAFFING_IMPORT_PATH}>やめる</a>
      </form>
    </Layout>
  );
}
