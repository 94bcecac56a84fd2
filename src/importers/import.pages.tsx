/** The reform office's import page: files in, what was stored and what was found out. */

import { type Finding, formatFinding } from "../core/findings.ts";
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FileField,
  Notice,
  SelectField,
} from "../core/ui/forms.tsx";
import { Layout } from "../core/ui/layout.tsx";
import type { StoredPlan } from "../plans/plans.service.ts";

const SEVERITY: Record<Finding["severity"], string> = { error: "誤り", warning: "要確認", info: "参考" };

export type ImportPageProps = {
  formats: { id: string; label: string }[];
  /** the format chosen in 形式 ("" or none: detected) */
  format?: string | undefined;
  errors?: FieldErrors;
  /** The import was refused: why, and the findings that say where. */
  refused?: { message: string; findings: Finding[] } | undefined;
  done?: { stored: StoredPlan[]; findings: Finding[] } | undefined;
};

function Findings({ findings, title }: { findings: Finding[]; title: string }) {
  if (findings.length === 0) return null;
  return (
    <>
      <h2>{title}</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">区分</th>
              <th scope="col">場所と内容</th>
            </tr>
          </thead>
          <tbody>
            {findings.slice(0, 500).map((f) => (
              <tr>
                <td>{SEVERITY[f.severity]}</td>
                <td>{formatFinding(f)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {findings.length > 500 && (
        <p>ほか {findings.length - 500} 件（コマンドの --report で全件を書き出せます）。</p>
      )}
    </>
  );
}

export function ImportPage({ formats, format, errors = {}, refused, done }: ImportPageProps) {
  return (
    <Layout title="計画の取り込み" breadcrumbs={[{ href: "/", label: "計画の一覧" }]}>
      <h1>計画の取り込み</h1>
      <p class="lead">
        計画のページから書き出した Excel（編集したもの）、gyokaku
        の計画文書（JSON）、各団体の資料のテキストを取り込みます。
        複数のファイルは一度に取り込み、一つでも誤りがあれば何も保存しません。照会がロックされた年度の値は変えられません。
      </p>
      {done && (
        <Notice>
          取り込みました:{" "}
          {done.stored
            .map((p) => `${p.title}（項目 ${p.items}、指標 ${p.indicators}、実績値 ${p.actuals}）`)
            .join("、")}
        </Notice>
      )}
      {done && (
        <ul>
          {done.stored.map((p) => (
            <li>
              <a href={`/plans/${p.planId}`}>{p.title}</a>
            </li>
          ))}
        </ul>
      )}
      {refused && (
        <div class="notice notice-warning" role="alert">
          取り込めませんでした。
          {refused.message.includes("何も保存していません") ? "" : "何も保存していません。"}
          {refused.message}
        </div>
      )}
      {refused && <Findings findings={refused.findings} title="問題の場所" />}
      {done && <Findings findings={done.findings} title="取り込み時の指摘事項" />}
      <form method="post" action="/import" enctype="multipart/form-data" class="panel narrow" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <FileField
          name="files"
          label="ファイル"
          hint=".xlsx、.json、.txt（複数選べます。江別市の個票と一覧は一緒に選びます）"
          error={errors.files}
          accept=".xlsx,.json,.txt"
          multiple
        />
        <SelectField
          name="format"
          label="形式"
          hint="ふつうは「自動で判別する」のままで取り込めます。判別できないときは様式を選びます。"
          error={errors.format}
          value={format ?? ""}
          options={[
            { value: "", label: "自動で判別する" },
            ...formats.map((f) => ({ value: f.id, label: f.label })),
          ]}
        />
        <button type="submit" class="button button-primary">
          取り込む
        </button>
      </form>
    </Layout>
  );
}
