/** The administrator's backup page: download a backup of the municipality, restore one. */
import { CsrfField, ErrorSummary, FileField, Notice } from "../core/ui/forms.tsx";
import { Layout } from "../core/ui/layout.tsx";

export const BACKUP_PATH = "/admin/backup";

export type RestoredSummary = {
  created: string;
  gyokaku: string;
  rows: number;
  tables: { name: string; rows: number }[];
};

const dateTime = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  dateStyle: "medium",
  timeStyle: "short",
});

export function BackupPage({
  municipality,
  maxMegabytes,
  restored,
  refused,
  errors = {},
}: {
  municipality: { code: string; name: string };
  maxMegabytes: number;
  restored?: RestoredSummary | undefined;
  refused?: string | undefined;
  errors?: Record<string, string>;
}) {
  return (
    <Layout title="バックアップと復元" breadcrumbs={[{ href: "/admin", label: "管理" }]}>
      <h1>バックアップと復元</h1>
      <p class="lead">
        {municipality.name}（{municipality.code}
        ）のデータ（計画・照会・履歴・利用者・公表・定数管理・ファイル）をすべて一つのファイルに保存し、
        そのファイルから元に戻せます。ファイルは gzip 圧縮の JSON Lines で、PostgreSQL
        サーバーへ移るときにもそのまま使えます。
      </p>
      {restored && (
        <Notice>
          {dateTime.format(new Date(restored.created))} に作成されたバックアップ（gyokaku {restored.gyokaku}
          ）から {restored.rows.toLocaleString("ja-JP")} 行を復元しました。
        </Notice>
      )}
      {refused && <Notice kind="warning">復元しませんでした（データは変わっていません）: {refused}</Notice>}
      {restored && (
        <details class="panel">
          <summary>表ごとの行数</summary>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">表</th>
                <th scope="col">行数</th>
              </tr>
            </thead>
            <tbody>
              {restored.tables.map((t) => (
                <tr>
                  <td>{t.name}</td>
                  <td class="number">{t.rows.toLocaleString("ja-JP")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <section class="panel narrow">
        <h2>バックアップを作る</h2>
        <p>いまの内容を一つのファイル（.jsonl.gz）としてダウンロードします。作成したことは履歴に残ります。</p>
        <form method="post" action={`${BACKUP_PATH}/download`}>
          <CsrfField />
          <button type="submit" class="button button-primary">
            バックアップをダウンロード
          </button>
        </form>
      </section>
      <section class="panel narrow">
        <h2>バックアップから復元する</h2>
        <p>
          {municipality.name}
          のデータを、ファイルの内容にすべて置き換えます（ほかの団体のデータは変わりません）。
          一つのトランザクションで行い、途中で失敗すれば何も変わりません。復元したことは履歴に残ります。
          ファイルは {maxMegabytes} MB まで。大きいファイルやすべての団体のバックアップはコマンド{" "}
          <code>gyokaku restore FILE</code> で復元します。
        </p>
        <form method="post" action={`${BACKUP_PATH}/restore`} enctype="multipart/form-data" novalidate>
          <ErrorSummary errors={errors} />
          <CsrfField />
          <FileField name="file" label="バックアップファイル" error={errors.file} accept=".gz" />
          <div class={`field${errors.confirm ? " field-error" : ""}`}>
            {errors.confirm && (
              <p class="error-message" id="f-confirm-error">
                <span class="visually-hidden">エラー: </span>
                {errors.confirm}
              </p>
            )}
            <label>
              <input type="checkbox" name="confirm" value="yes" />{" "}
              いまのデータをファイルの内容で置き換えることを確認しました
            </label>
          </div>
          <button type="submit" class="button button-warning">
            復元する
          </button>
        </form>
      </section>
    </Layout>
  );
}
