/** Pages of the account capability: login, the admin's list of users, errors. */

import { ROLE_LABELS, ROLES } from "../core/policy.ts";
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextField,
} from "../core/ui/forms.tsx";
import { Layout } from "../core/ui/layout.tsx";
import type { Role } from "../domain/roles.ts";
import type { UserListRow } from "./auth.repository.ts";
import { MIN_PASSWORD_LENGTH } from "./password.ts";

export function LoginPage({
  csrfToken,
  next,
  email = "",
  errors = {},
  message,
  municipalities = [],
  municipality,
}: {
  csrfToken: string;
  next: string;
  email?: string;
  errors?: FieldErrors;
  message?: string | undefined;
  /** the municipalities of the instance: chosen from when there are several */
  municipalities?: { code: string; name: string }[];
  /** the municipality chosen before (this browser's last login, or ?municipality=) */
  municipality?: string | undefined;
}) {
  return (
    <Layout title="ログイン">
      <div class="narrow">
        <h1>ログイン</h1>
        {message && <Notice kind="warning">{message}</Notice>}
        <ErrorSummary errors={errors} />
        <form method="post" action="/login" novalidate>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="next" value={next} />
          {municipalities.length > 1 && (
            <SelectField
              name="municipality"
              label="団体"
              hint="アカウントは団体ごとに登録されています。この端末で前にログインした団体は選んであります。"
              value={municipality ?? ""}
              options={[
                { value: "", label: "選んでください" },
                ...municipalities.map((m) => ({ value: m.code, label: `${m.name}（${m.code}）` })),
              ]}
              error={errors.municipality}
            />
          )}
          <TextField
            name="email"
            label="メールアドレス"
            type="email"
            autocomplete="username"
            value={email}
            error={errors.email}
            required
          />
          <TextField
            name="password"
            label="パスワード"
            type="password"
            autocomplete="current-password"
            error={errors.password}
            required
          />
          <button type="submit" class="button button-primary">
            ログイン
          </button>
        </form>
        <p class="hint">アカウントは管理者が発行します（gyokaku user add）。</p>
      </div>
    </Layout>
  );
}

const roleOptions = ROLES.map((r) => ({ value: r, label: `${ROLE_LABELS[r]}（${r}）` }));

export function UsersPage({
  users,
  departments,
  errors = {},
  values = {},
  created,
}: {
  users: UserListRow[];
  departments: { key: string; name: string }[];
  errors?: FieldErrors;
  values?: { email?: string; name?: string; role?: Role; departments?: string[] };
  created?: { email: string; password: string } | undefined;
}) {
  return (
    <Layout title="利用者">
      <h1>利用者</h1>
      {created && (
        <Notice>
          {created.email} を登録しました。初期パスワード: <code class="secret">{created.password}</code>
          （この画面を離れると二度と表示されません。本人に安全な方法で伝えてください）
        </Notice>
      )}
      <table>
        <caption>登録されている利用者</caption>
        <thead>
          <tr>
            <th scope="col">氏名</th>
            <th scope="col">メールアドレス</th>
            <th scope="col">役割</th>
            <th scope="col">担当部署</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr>
              <td>
                <a href={`/users/${u.id}`}>{u.name}</a>
                {u.disabled && "（無効）"}
              </td>
              <td>{u.email}</td>
              <td>{ROLE_LABELS[u.role]}</td>
              <td>{u.departments.map((d) => d.name).join("、")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="add-user">利用者を追加</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action="/users" novalidate>
        <CsrfField />
        <TextField name="name" label="氏名" value={values.name} error={errors.name} autocomplete="off" />
        <TextField
          name="email"
          label="メールアドレス"
          type="email"
          value={values.email}
          error={errors.email}
        />
        <SelectField
          name="role"
          label="役割"
          value={values.role ?? "viewer"}
          options={roleOptions}
          error={errors.role}
        />
        <fieldset
          class={`field${errors.departments ? " field-error" : ""}`}
          id="f-departments"
          aria-describedby="departments-hint"
        >
          <legend>担当部署（所管課の利用者のみ）</legend>
          <div class="hint" id="departments-hint">
            所管課の利用者は、選んだ部署が所管する項目の照会に回答できます。
          </div>
          {errors.departments && <p class="error-message">{errors.departments}</p>}
          <div class="checkboxes">
            {departments.map((d, i) => (
              <div class="checkbox">
                <input
                  type="checkbox"
                  id={`dept-${i}`}
                  name="departments"
                  value={d.key}
                  checked={values.departments?.includes(d.key)}
                />
                <label for={`dept-${i}`}>{d.name}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <p class="hint">初期パスワードは自動で作られ、登録後に一度だけ表示されます。</p>
        <button type="submit" class="button button-primary">
          登録する
        </button>
      </form>
    </Layout>
  );
}

/** A signed-in user changes their own password. */
export function PasswordPage({ errors = {}, done = false }: { errors?: FieldErrors; done?: boolean }) {
  return (
    <Layout title="パスワードの変更">
      <h1>パスワードの変更</h1>
      {done && <Notice>パスワードを変更しました。ほかの端末でのログインは終了しました。</Notice>}
      <form method="post" action="/account/password" class="panel narrow" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <TextField
          name="current"
          label="今のパスワード"
          type="password"
          autocomplete="current-password"
          error={errors.current}
        />
        <TextField
          name="password"
          label="新しいパスワード"
          hint={`${MIN_PASSWORD_LENGTH}文字以上。ほかのサービスと同じものは避けてください。`}
          type="password"
          autocomplete="new-password"
          error={errors.password}
        />
        <TextField
          name="confirm"
          label="新しいパスワード（確認）"
          type="password"
          autocomplete="new-password"
          error={errors.confirm}
        />
        <button type="submit" class="button button-primary">
          変更する
        </button>
      </form>
    </Layout>
  );
}
