/** Pages of notifications: the user's list (the bell), which mails they receive, and the office's mail page. */

import type { Child } from "hono/jsx";
import { canManageMail } from "../core/policy.ts";
import { requestAuth } from "../core/request.ts";
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  PostButton,
  TextField,
} from "../core/ui/forms.tsx";
import { formatTime, HistoryList } from "../core/ui/history.tsx";
import { Layout } from "../core/ui/layout.tsx";
import type { RoundEventKind } from "../db/tables/notifications.ts";
import { KIND_LABELS, KINDS, type MailOverview, type NotificationEntry } from "./notifications.service.ts";

const MAIL_LABELS: Record<string, string> = {
  pending: "送信待ち",
  sent: "送信済",
  failed: "送信失敗",
  off: "メール不要（設定）",
  no_settings: "メール設定なし",
};

/** One list table: a header row of column names, a row per entry, or a line saying there is none. */
function ListTable<T>({
  caption,
  columns,
  rows,
  empty,
}: {
  caption: string;
  columns: readonly { label: string; cell: (row: T) => Child; num?: boolean }[];
  rows: readonly T[];
  empty: string;
}) {
  if (rows.length === 0) return <p class="empty">{empty}</p>;
  return (
    <table>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col">{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            {columns.map((c) => (
              <td class={c.num ? "num" : undefined}>{c.cell(r)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function NotificationsPage({
  list,
  notice,
  canSeeMail,
}: {
  list: NotificationEntry[];
  notice?: string | undefined;
  canSeeMail: boolean;
}) {
  const unread = list.filter((n) => n.read_at === null).length;
  return (
    <Layout title="通知">
      {notice && <Notice>{notice}</Notice>}
      <h1>通知</h1>
      <p>
        照会の開始、回答期限の督促、差戻し・承認、コメントをお知らせします。未読 {unread} 件。{" "}
        <a href="/notifications/settings">メールで受け取る通知の設定</a>
        {canSeeMail && (
          <>
            {" ／ "}
            <a href="/admin/mail">メールの設定と送信状況（行革担当）</a>
          </>
        )}
      </p>
      {unread > 0 && <PostButton action="/notifications/read-all" label="すべて既読にする" />}
      {list.length === 0 ? (
        <p class="empty">通知はありません。</p>
      ) : (
        <ul class="history">
          {list.map((n) => (
            <li class={n.read_at === null ? "unread" : undefined}>
              <div>
                <time datetime={n.created_at.toISOString()}>{formatTime(n.created_at)}</time>{" "}
                {n.read_at === null && <span class="flag">未読 </span>}
                <a href={`/notifications/${n.id}/open`}>{n.title}</a>
              </div>
              <div class="change" style="white-space: pre-line; font-weight: normal">
                {n.body}
              </div>
              <div class="hint">メール: {MAIL_LABELS[n.mail_status] ?? n.mail_status}</div>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function NotificationSettingsPage({
  kinds,
  notice,
}: {
  kinds: Set<RoundEventKind>;
  notice?: string | undefined;
}) {
  return (
    <Layout title="通知メールの設定" breadcrumbs={[{ href: "/notifications", label: "通知" }]}>
      {notice && <Notice>{notice}</Notice>}
      <h1>通知メールの設定</h1>
      <p>チェックを外した通知はメールで送りません（画面の「通知」には表示されます）。</p>
      <form method="post" action="/notifications/settings">
        <CsrfField />
        <fieldset class="panel">
          <legend>メールで受け取る通知</legend>
          {KINDS.map((k) => (
            <div class="field">
              <label>
                <input type="checkbox" name="kinds" value={k} checked={kinds.has(k)} /> {KIND_LABELS[k]}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button button-primary">
          保存する
        </button>
      </form>
    </Layout>
  );
}

export type MailForm = {
  host: string;
  port: string;
  starttls: boolean;
  username: string;
  from: string;
  appUrl: string;
};

export function MailAdminPage({
  o,
  notice,
  errors = {},
  form,
  testError,
}: {
  o: MailOverview;
  notice?: string | undefined;
  errors?: FieldErrors;
  form?: MailForm | undefined;
  /** the test mail could not be sent: why, in plain Japanese */
  testError?: string | undefined;
}) {
  const { user } = requestAuth();
  const admin = user ? canManageMail(user, user) : false;
  const s = o.settings;
  const f: MailForm = form ?? {
    host: s?.host ?? "",
    port: String(s?.port ?? 25),
    starttls: s?.starttls ?? false,
    username: s?.username ?? "",
    from: s?.from ?? "",
    appUrl: s?.appUrl ?? "",
  };
  return (
    <Layout title="メールの設定と送信状況" breadcrumbs={[{ href: "/notifications", label: "通知" }]}>
      <ErrorSummary errors={errors} />
      {testError && <ErrorSummary title="テストメールを送信できませんでした" errors={{ _form: testError }} />}
      {notice && <Notice>{notice}</Notice>}
      <h1>メールの設定と送信状況</h1>
      <section class="panel" aria-labelledby="mail-status">
        <h2 id="mail-status">送信状況</h2>
        <p>
          {s
            ? `送信先サーバー: ${s.host}:${s.port}${s.starttls ? "（STARTTLS）" : ""}、送信元 ${s.from}（${s.source === "admin" ? "この画面の設定" : "環境変数の設定"}）`
            : "メールの設定がありません。通知は画面にだけ表示されます（メールは送りません）。"}
        </p>
        <p>
          {Object.entries(MAIL_LABELS)
            .map(([k, label]) => `${label} ${o.counts[k] ?? 0} 件`)
            .join("、")}
        </p>
        <h3>送信できなかったメール</h3>
        <ListTable
          caption="送信できなかったメール"
          empty="ありません。"
          rows={o.problems}
          columns={[
            { label: "通知", cell: (p) => `${formatTime(p.created_at)} ${p.title}` },
            { label: "宛先", cell: (p) => p.mail_to },
            {
              label: "状態",
              cell: (p) =>
                p.mail_status === "failed"
                  ? "送信失敗（再送を停止）"
                  : `再送予定 ${p.mail_next_at ? formatTime(p.mail_next_at) : ""}`,
            },
            { label: "試行", cell: (p) => p.mail_attempts, num: true },
            { label: "エラー", cell: (p) => p.mail_error },
          ]}
        />
        {o.problems.length > 0 && (
          <PostButton action="/admin/mail/retry" label="送信に失敗したメールを再送する" />
        )}
      </section>
      <section class="panel" aria-labelledby="reminders">
        <h2 id="reminders">督促の日数（照会ごと）</h2>
        <p>
          未提出の項目がある所管課に、回答期限の N 日前と当日、期限の翌日、その後は毎週お知らせします。0
          にすると事前の督促はしません。
        </p>
        <ListTable
          caption="照会ごとの督促の日数"
          empty="照会はありません。"
          rows={o.rounds}
          columns={[
            { label: "照会", cell: (r) => r.title },
            { label: "回答期限", cell: (r) => `${r.deadline}${r.status === "locked" ? "（ロック中）" : ""}` },
            {
              label: "期限の何日前",
              cell: (r) => (
                <form method="post" action={`/admin/mail/reminders/${r.id}`} class="inline-form">
                  <CsrfField />
                  <TextField
                    name={`days.${r.id}`}
                    label={<span class="visually-hidden">{`${r.title}: 期限の何日前（日）`}</span>}
                    value={String(r.daysBefore)}
                    error={errors[`days.${r.id}`]}
                    inputmode="numeric"
                    size={4}
                  />
                  <button type="submit" class="button button-secondary button-small">
                    変更
                  </button>
                </form>
              ),
            },
          ]}
        />
      </section>
      <section class="panel" aria-labelledby="smtp">
        <h2 id="smtp">SMTP サーバー（庁内のメールサーバー）</h2>
        {admin ? (
          <form method="post" action="/admin/mail" novalidate>
            <CsrfField />
            <TextField
              name="host"
              label="サーバー名"
              hint="例: mail.city.example.lg.jp"
              value={f.host}
              error={errors.host}
            />
            <TextField
              name="port"
              label="ポート"
              hint="25、587（STARTTLS）、465（TLS）"
              value={f.port}
              error={errors.port}
              inputmode="numeric"
              size={6}
            />
            <div class="field">
              <label>
                <input type="checkbox" name="starttls" value="1" checked={f.starttls} /> STARTTLS を必須にする
              </label>
            </div>
            <TextField
              name="username"
              label="ユーザー名（認証しないなら空欄）"
              value={f.username}
              error={errors.username}
              autocomplete="off"
            />
            <TextField
              name="password"
              type="password"
              label={`パスワード（${s?.source === "admin" && s.hasPassword ? "設定済み" : "未設定"}）`}
              hint={
                s?.source === "admin" && s.hasPassword
                  ? "設定済みです（暗号化して保存し、画面には表示しません）。変えるときだけ入力してください。"
                  : "認証しないなら空欄。暗号化して保存し、画面には表示しません。"
              }
              error={errors.password}
              autocomplete="new-password"
            />
            {s?.passwordProblem && <Notice kind="warning">{s.passwordProblem}</Notice>}
            <TextField
              name="from"
              label="送信元アドレス"
              hint="例: gyokaku@city.example.lg.jp"
              value={f.from}
              error={errors.from}
            />
            <TextField
              name="appUrl"
              label="gyokaku のアドレス（メールのリンク）"
              hint="例: https://gyokaku.city.example.lg.jp"
              value={f.appUrl}
              error={errors.appUrl}
            />
            <button type="submit" class="button button-primary">
              保存する
            </button>
          </form>
        ) : (
          <p>SMTP サーバーの設定は管理者が行います。</p>
        )}
      </section>
      {admin && user && (
        <section class="panel" aria-labelledby="test-mail">
          <h2 id="test-mail">テストメール</h2>
          <p>
            保存済みの設定で、あなたのアドレス（{user.email}
            ）にテストメールを送ります。送れたかどうかはこの画面に表示し、履歴に残ります。
          </p>
          <PostButton action="/admin/mail/test" label="テストメールを送信" />
        </section>
      )}
      <section class="panel" aria-labelledby="mail-history">
        <h2 id="mail-history">履歴（設定の変更とテストメール）</h2>
        <HistoryList events={o.history} empty="まだありません。" />
      </section>
    </Layout>
  );
}
