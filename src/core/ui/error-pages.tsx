/** Error pages: a title in plain Japanese for the status, the message meant for the reader, a way back. */
import { Layout } from "./layout.tsx";

const TITLES: Record<number, string> = {
  400: "入力内容を確認してください",
  403: "この操作はできません",
  404: "見つかりません",
  409: "ほかの人が先に変更しました",
  413: "送信された内容が大きすぎます",
  423: "締め切られています",
  429: "しばらくお待ちください",
  503: "この機能は今は使えません",
};

/** The page of an error whose message was written for the person in front of the screen. */
export function ErrorPage({
  status,
  message,
  title = TITLES[status] ?? "エラーが発生しました",
}: {
  status: number;
  message: string;
  /** a title more precise than the status's own */
  title?: string;
}) {
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">計画の一覧へ戻る</a>
      </p>
    </Layout>
  );
}

export function NotFoundPage({ message }: { message: string }) {
  return (
    <Layout title="見つかりません" breadcrumbs={[{ href: "/", label: "計画の一覧" }]}>
      <h1>見つかりません</h1>
      <p>{message}</p>
    </Layout>
  );
}

/**
 * An unexpected failure: the internal message stays in the server's log, never on the page; the reader gets
 * what to do and a reference to quote to the administrator.
 */
export function InternalErrorPage({ reference }: { reference: string }) {
  return (
    <Layout title="エラーが発生しました">
      <h1>エラーが発生しました</h1>
      <p>処理を完了できませんでした。しばらくしてからもう一度お試しください。</p>
      <p>
        続く場合は、管理者にこの番号をお知らせください: <code>{reference}</code>
      </p>
      <p>
        <a href="/">計画の一覧へ戻る</a>
      </p>
    </Layout>
  );
}
