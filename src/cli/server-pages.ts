/**
 * When a command finds the embedded database held (the lock of src/db/lock.ts), most often by the running
 * server (`gyokaku serve`): the page of the app that does the same, so that nobody has to stop the server.
 */
const PAGES: Record<string, string> = {
  user: "「管理 → 利用者」（/users）で利用者の追加・役割の変更・無効化・有効化・パスワードの再設定",
  staffing:
    "「定数管理 → データを取り込む」（/staffing/import）で取り込み、各団体のページで帳票・テンプレート",
  backup: "「管理 → バックアップと復元」（/admin/backup）で自分の団体のバックアップ",
  restore: "「管理 → バックアップと復元」（/admin/backup）で自分の団体の復元",
  import: "「計画の一覧 → 取り込み」（/import）で取り込み",
  export: "計画のページの「書き出し」（JSON・Excel）",
  plans: "「計画の一覧」（/）",
  report: "計画のページの「帳票」（画面・Excel・PDF）",
  publish: "計画のページの「公表の管理」",
  opendata: "公表ページ（/public/）のオープンデータ",
};

/** The lines to add to the "in use" message of a command, or none. */
export function serverHoldsDatabase(command: string): string[] {
  const page = PAGES[command];
  return [
    "サーバー（gyokaku serve）が動いている間は、組み込みデータベースはサーバーだけが使います。" +
      (page ? `同じことはブラウザの${page}でできます。` : "サーバーを止めてから実行してください。"),
  ];
}
