/** The administrator's page of one account: role and departments, disable or enable, a new password. */
import { ROLE_LABELS, ROLES } from "../core/policy.ts";
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  PostButton,
  SelectField,
} from "../core/ui/forms.tsx";
import { Layout } from "../core/ui/layout.tsx";
import type { Account } from "./accounts.service.ts";

export const accountPath = (id: string) => `/users/${id}`;

export type AccountNotice = "changed" | "disabled" | "enabled";
const NOTICES: Record<AccountNotice, string> = {
  changed:
    "役割と部署を変更しました。この利用者は次のログインから新しい役割になります（ログイン中のものは終了しました）。",
  disabled: "無効にしました。この利用者はログインできず、ログイン中のものも終了しました。",
  enabled: "有効に戻しました。",
};

export function AccountPage({
  account,
  departments,
  errors = {},
  values,
  notice,
  password,
}: {
  account: Account;
  departments: { key: string; name: string }[];
  errors?: FieldErrors;
  values?: { role: string; departments: string[] };
  notice?: AccountNotice | undefined;
  /** A password just generated: shown this once. */
  password?: string | undefined;
}) {
  const role = values?.role ?? account.role;
  const chosen = values?.departments ?? account.departments.map((d) => d.key);
  return (
    <Layout
      title={`利用者 — ${account.name}`}
      breadcrumbs={[
        { href: "/admin", label: "管理" },
        { href: "/users", label: "利用者" },
      ]}
    >
      <h1>
        {account.name}
        {account.disabled && <span class="badge"> 無効</span>}
      </h1>
      <p class="lead">
        {account.email}・{ROLE_LABELS[account.role]}
        {account.departments.length > 0 && `（${account.departments.map((d) => d.name).join("、")}）`}
      </p>
      {notice && <Notice>{NOTICES[notice]}</Notice>}
      {password && (
        <Notice>
          新しいパスワード: <code class="secret">{password}</code>
          （この画面を離れると二度と表示されません。本人に安全な方法で伝えてください。ログイン中のものは終了しました）
        </Notice>
      )}
      {!account.changeable ? (
        <p>自分のアカウントはこの画面では変更できません。パスワードはヘッダーの名前から変更できます。</p>
      ) : (
        <>
          <section class="panel narrow">
            <h2>役割と担当部署</h2>
            <form method="post" action={accountPath(account.id)} novalidate>
              <ErrorSummary errors={errors} />
              <CsrfField />
              <SelectField
                name="role"
                label="役割"
                value={role}
                options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                error={errors.role}
              />
              <fieldset class={`field${errors.departments ? " field-error" : ""}`} id="f-departments">
                <legend>担当部署（所管課の利用者のみ）</legend>
                {errors.departments && <p class="error-message">{errors.departments}</p>}
                <div class="checkboxes">
                  {departments.map((d, i) => (
                    <div class="checkbox">
                      <input
                        type="checkbox"
                        id={`dept-${i}`}
                        name="departments"
                        value={d.key}
                        checked={chosen.includes(d.key)}
                      />
                      <label for={`dept-${i}`}>{d.name}</label>
                    </div>
                  ))}
                </div>
              </fieldset>
              <button type="submit" class="button button-primary">
                変更する
              </button>
            </form>
          </section>
          <section class="panel narrow">
            <h2>パスワード</h2>
            <p>新しいパスワードを作って一度だけ表示します。今のパスワードは使えなくなります。</p>
            <PostButton action={`${accountPath(account.id)}/password`} label="パスワードを再設定" />
          </section>
          <section class="panel narrow">
            <h2>{account.disabled ? "有効に戻す" : "無効にする"}</h2>
            <p>
              {account.disabled
                ? "この利用者は今ログインできません。有効に戻すと、今のパスワードでログインできます。"
                : "無効にするとログインできなくなり、ログイン中のものも終了します。履歴の名前は残ります。"}
            </p>
            <PostButton
              action={`${accountPath(account.id)}/${account.disabled ? "enable" : "disable"}`}
              label={account.disabled ? "有効に戻す" : "無効にする"}
              kind={account.disabled ? "secondary" : "warning"}
            />
          </section>
        </>
      )}
    </Layout>
  );
}
