/** The upload form of staffing data (定数管理の取り込み) and its outcome. */
import type { Finding } from "../core/findings.ts";
import { CsrfField, ErrorSummary, FileField, Notice } from "../core/ui/forms.tsx";
import { Layout } from "../core/ui/layout.tsx";
import { Findings, STAFFING_BASE } from "./staffing.page-parts.tsx";
import type { StoredStaffing } from "./staffing.service.ts";

export const STAFFING_IMPORT_PATH = `${STAFFING_BASE}/import`;

export function StaffingUploadPage({
  municipalityCode,
  stored,
  findings = [],
  refused,
  errors = {},
}: {
  municipalityCode: string;
  stored?: StoredStaffing[] | undefined;
  findings?: Finding[];
  refused?: { message: string; findings: Finding[] } | undefined;
  errors?: Record<string, string>;
}) {
  return (
    <Layout title="定数管理のデータの取り込み" breadcrumbs={[{ href: STAFFING_BASE, label: "定数管理" }]}>
      <h1>定数管理のデータの取り込み</h1>
      <p class="lead">
        定数管理テンプレート（.xlsx）、定数管理文書（.json）、千歳市
        行政改革基本方針のテキスト（.txt）を取り込みます。
        取り込むと、その団体の定数管理のデータはファイルの内容に置き換わります。選んだファイルはまず確認画面で、
        削除・変更される内容（変更前 → 変更後）を示します。「保存する」を押すまで何も保存しません。
        すべてのファイルを一つのトランザクションで保存し、一つでも誤りがあれば何も保存しません。
        取り込んだことと削除・変更した内容は
        <a href={`${STAFFING_BASE}/${municipalityCode}/history`}>履歴</a>
        に残り、削除した内容は履歴から戻せます。
      </p>
      {stored?.map((s) => (
        <Notice>
          {s.municipalityName}の定数管理のデータを保存しました（組織 {s.units}、職員数 {s.headcounts} 件
          {s.firstYear !== null && `、${s.firstYear}～${s.lastYear}年度`}）。{" "}
          <a href={`${STAFFING_BASE}/${s.municipalityCode}`}>表示する</a>
        </Notice>
      ))}
      {refused && <Notice kind="warning">取り込みませんでした: {refused.message}</Notice>}
      {refused && <Findings findings={refused.findings} />}
      {stored && <Findings findings={findings} />}
      <form
        method="post"
        action={STAFFING_IMPORT_PATH}
        enctype="multipart/form-data"
        class="panel narrow"
        novalidate
      >
        <ErrorSummary errors={errors} />
        <CsrfField />
        <FileField
          name="files"
          label="ファイル"
          hint={
            <>
              .xlsx、.json、.txt（複数選べます）。自分の団体（{municipalityCode}）のデータだけを取り込めます。{" "}
              <a href={`${STAFFING_BASE}/${municipalityCode}/template.xlsx`}>今のデータ入りのテンプレート</a>
              ・<a href={`${STAFFING_BASE}/template.xlsx`}>空のテンプレート</a>
            </>
          }
          error={errors.files}
          accept=".xlsx,.json,.txt"
          multiple
        />
        <button type="submit" class="button button-primary">
          確認画面へ
        </button>
      </form>
    </Layout>
  );
}
