/** The administrator's pages: 管理 (what there is to administer) and the municipality's settings. */
import { CsrfField, ErrorSummary, type FieldErrors, Notice, TextField } from "../core/ui/forms.tsx";
import { Layout } from "../core/ui/layout.tsx";
import type { MunicipalitySettings } from "./admin.service.ts";

export const ADMIN_PATH = "/admin";
export const MUNICIPALITY_PATH = "/admin/municipality";

const TASKS = [
  {
    href: "/users",
    label: "利用者",
    text: "利用者の追加、役割・担当部署の変更、無効化・有効化、パスワードの再設定。",
  },
  {
    href: "/admin/mail",
    label: "メールと督促",
    text: "自治体のメールサーバー（SMTP）の設定、照会ごとの督促の日数、送れなかったメールの確認と再送。",
  },
  {
    href: "/staffing/import",
    label: "定数管理のデータの取り込み",
    text: "定数管理テンプレート（xlsx）などを取り込みます（gyokaku staffing import と同じ）。",
  },
  { href: MUNICIPALITY_PATH, label: "団体の設定", text: "画面・帳票・公表ページに出る団体名。" },
  {
    href: "/admin/backup",
    label: "バックアップと復元",
    text: "団体のデータをすべて一つのファイルに保存し、そこから元に戻します。",
  },
];

export function AdminPage({ municipality }: { municipality: MunicipalitySettings }) {
  return (
    <Layout title="管理">
      <h1>管理</h1>
      <p class="lead">
        {municipality.name}（{municipality.code}）の管理者のページです。ここでの操作はすべて履歴に残ります。
        サーバーが組み込みデータベースで動いている間、同じことをするコマンド（gyokaku user
        など）は使えないので、これらの画面を使います。
      </p>
      <ul class="stack">
        {TASKS.map((t) => (
          <li>
            <a href={t.href}>{t.label}</a> — {t.text}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function MunicipalityPage({
  municipality,
  errors = {},
  value,
  saved = false,
}: {
  municipality: MunicipalitySettings;
  errors?: FieldErrors;
  value?: string;
  saved?: boolean;
}) {
  return (
    <Layout title="団体の設定" breadcrumbs={[{ href: ADMIN_PATH, label: "管理" }]}>
      <h1>団体の設定</h1>
      {saved && <Notice>保存しました。</Notice>}
      <form method="post" action={MUNICIPALITY_PATH} class="panel narrow" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <p>全国地方公共団体コード: {municipality.code}（変更できません）</p>
        <TextField
          name="name"
          label="団体名"
          hint="画面・帳票・公表ページに表示されます（例: 江別市）。"
          value={value ?? municipality.name}
          error={errors.name}
        />
        <button type="submit" class="button button-primary">
          保存する
        </button>
      </form>
    </Layout>
  );
}
