/** The signed-in part of the page header: navigation by role, the user's name and role, and logout. */

import { canManageUsers, hasInbox, ROLE_LABELS } from "../policy.ts";
import { requestAuth } from "../request.ts";
import { CsrfField } from "./forms.tsx";

export function SessionBar() {
  const { user, unread } = requestAuth();
  if (!user) return null;
  const links = [
    { href: "/", label: "計画の一覧" },
    { href: "/dashboard", label: "ダッシュボード" },
    { href: "/rounds", label: hasInbox(user) ? "照会（回答）" : "照会" },
    { href: "/staffing", label: "定数管理" },
    { href: "/public/", label: "公表ページ" },
    { href: "/notifications", label: unread > 0 ? `通知（未読 ${unread}）` : "通知" },
    ...(canManageUsers(user, user) ? [{ href: "/admin", label: "管理" }] : []),
  ];
  return (
    <div class="session-bar">
      <nav aria-label="主なページ" class="main-nav">
        <ul>
          {links.map((l) => (
            <li>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="account">
        <a class="account-name" href="/account/password" title="パスワードの変更">
          {user.name}（{ROLE_LABELS[user.role]}）
        </a>
        <form method="post" action="/logout" class="inline-form">
          <CsrfField />
          <button type="submit" class="button button-header">
            ログアウト
          </button>
        </form>
      </div>
    </div>
  );
}
