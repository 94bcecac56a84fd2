/**
 * The help of every command, apart from the commands themselves: `gyokaku help` and a usage error print it
 * without loading any command's code (which loads the database, Excel, charts…).
 */
export const serveHelp = `gyokaku serve [--port 3000] [--host 127.0.0.1] [--data DIR] [--no-demo]
  Web サーバーを起動します。データベースが空なら最初にデモデータ（江別市・札幌市・千歳市）を読み込みます。
  DATABASE_URL があれば PostgreSQL、なければ組み込みの PGlite（--data または GYOKAKU_DATA、既定 ./data）。
  Starts the web server; loads demo data into an empty database; PostgreSQL when DATABASE_URL is set.`;

export const importHelp = `gyokaku import FILE... [--format ID] [--dry-run] [--allow-removals] [--report FILE] [--data DIR]
  計画文書（JSON）や各団体の資料（テキスト）を取り込みます。様式は自動判別、--format で指定も可。
  すべてのファイルを一つのトランザクションで保存します（一部だけ保存されることはありません）。
  保存済みの計画に対する変更（項目・指標・系列・年度ごとの 変更前 → 変更後）は各項目の履歴に残ります。
  --dry-run: 何も保存せず、変更の一覧を表示します。
  --allow-removals: 項目・指標・値・取組状況を削除する取込を許可します（ないと削除を含む取込は拒否）。
  --report FILE: 指摘事項（ファイル・行・期待値・実際の値）を JSON で書き出します。
  Imports plan documents (JSON) and municipal documents; detects the layout or takes --format;
  stores everything in one transaction; --dry-run prints the changes and stores nothing; removals are
  refused without --allow-removals; --report writes the findings as JSON.`;

export const exportHelp = `gyokaku export --plan ID --format json|xlsx [--out FILE] [--data DIR]
  計画を計画文書（JSON）または編集用の Excel ブック（xlsx）として書き出します。
  JSON は --out を省くと標準出力へ。xlsx は編集して gyokaku import で取り込めます（変更したセルは更新、新しい行は追加）。
  ID は計画のID、「団体コード/キー」、または一意なキー。
  Writes a plan as a plan document (JSON) or as a workbook to edit and import back (xlsx).`;

export const plansHelp = `gyokaku plans [--json] [--data DIR]
  保存されている計画の一覧（ID、団体コード、名称、期間、項目数、指標数）。
  Lists the stored plans (id, municipality code, title, period, item and indicator counts).`;

export const reportHelp = `gyokaku report --plan ID --fy YEAR --kind summary|sheets|tally|roadmap --format html|xlsx|pdf --out FILE [--data DIR]
  計画の帳票を作ります：summary 取組状況一覧、sheets 個票（千歳市型の項目ページを含む）、tally 達成度・着手状況の集計、
  roadmap 工程表。--fy は対象年度（西暦、例 2022 = 令和4年度）。html は --out を省くと標準出力へ。
  ID は計画のID、「団体コード/キー」、または一意なキー。PDF には Chromium（/usr/bin/chromium か CHROMIUM_PATH）が必要です。
  Makes a report of a plan for a fiscal year: the summary table, the sheets (with item pages), the tallies
  or the roadmap, as HTML, Excel (xlsx) or PDF.`;

export const staffingImportHelp = `gyokaku staffing import FILE... [--allow-removals] [--report FILE] [--data DIR]
  定数管理のデータを取り込みます: 千歳市 行政改革基本方針のテキスト（図表4・6・8・10、ラスパイレス指数）、
  定数管理テンプレート（.xlsx、gyokaku staffing template で作成）、定数管理文書（.json）。
  団体ごとに、それまでのデータを置き換えます。保存済みの記録（組織・職員数・定数など）がなくなる取込は、
  なくなる件数を示して拒否します（--allow-removals で許可。なくなった記録は履歴に残ります）。
  すべてのファイルを一つのトランザクションで保存し、
  一つでも誤りがあれば何も保存しません（誤りはファイル・行・列で示します）。
  Imports staffing data (Chitose's text, the xlsx template, staffing documents as JSON) in one transaction.`;

export const staffingReportHelp = `gyokaku staffing report --municipality CODE --kind KIND --format html|xlsx|pdf --out FILE [--fy YEAR] [--data DIR]
  KIND: headcount（部局別職員数の推移）, population（職員数と人口・類似団体）,
        diagnosis（定員管理診断表）, retirement（定年引上げと退職者の予定）,
        plan（定員適正化計画の目標と実績）
  --fy: headcount はその年度まで、diagnosis はその年度の表、retirement はその年度から（既定: 最新）
  Writes a staffing report as a standalone HTML page, a workbook or a PDF (A4 landscape).`;

export const staffingTemplateHelp = `gyokaku staffing template --out FILE [--municipality CODE] [--data DIR]
  定数管理テンプレート（xlsx）を書き出します。--municipality を付けるとその団体のデータ入り。
  Writes the staffing template workbook, empty or with a municipality's data, to edit and import again.`;

export const staffingHelp = `gyokaku staffing import|report|template …
  定数管理（職員数・定数・類似団体との比較・定年引上げ）

${[staffingImportHelp, staffingReportHelp, staffingTemplateHelp].map((h) => `  ${h.replace(/\n/g, "\n  ")}`).join("\n\n")}`;

export const publishHelp = `gyokaku publish --plan ID --fy YEAR [--out DIR] [--by NAME] [--data DIR]
gyokaku publish --plan ID --fy YEAR --export-only [--version N] --out DIR
  計画の年度を公表します：今の計画と評価結果を読み取り専用の版（第1版、第2版…）として保存し、
  /public/ で公開します。照会があればその年度は承認された項目だけを載せます。
  --out DIR を付けると、どのWebサーバーやCMSのフォルダでも（file:// でも）そのまま見られる
  静的サイト（HTML・CSS・SVG・フォント・オープンデータ）を書き出します。
  --export-only は新しい版を作らず、公表済みの版（既定は最新）を書き出します。
  YEAR は西暦の年度（2022 = 令和4年度）。ID は計画のID、「団体コード/キー」、または一意なキー。
  Publishes a fiscal year of a plan as a read-only, numbered snapshot (the plan as it is now and its
  evaluation), shown under /public/. With --out, also writes a self-contained static site with relative
  links only. --export-only writes an existing version (default: the latest) without publishing again.`;

export const opendataHelp = `gyokaku opendata --plan ID --fy YEAR --out DIR [--format csv|json] [--encoding utf8|sjis] [--version N] [--data DIR]
  公表済みの年度をオープンデータとして書き出します（表ごとに1ファイル、縦持ち）：
  items（取組）・indicators（指標）・values（初期値・目標・実績値）・evaluations（評価結果）・
  progress（取組状況）・activities（取組計画・実績）・responsibilities（所管課）。
  CSV は既定で UTF-8（BOM付き）。--encoding sjis で Shift_JIS（Windows の CP932）にします。
  Shift_JIS で表せない文字があれば、表・行・列を示して止まります（「?」に置き換えません）。
  --version を省くと最新の版。公表は gyokaku publish で行います。
  Writes the open data of a published fiscal year, one file per table in long format. CSV is UTF-8 with
  a BOM by default; --encoding sjis writes Shift_JIS and stops with the table, row and column of any
  character Shift_JIS cannot hold.`;

export const userHelp = `gyokaku user add --email ADDRESS --name NAME --role admin|office|department|viewer
                 [--department KEY]... [--municipality CODE] [--password-stdin] [--data DIR]
  利用者を登録します（最初の管理者もこれで作ります）。役割: admin 管理者、office 行革担当、
  department 所管課（--department で部署キーを一つ以上）、viewer 閲覧者。
  --password-stdin がなければパスワードを作って一度だけ表示します。団体が一つだけなら --municipality は不要。
gyokaku user list [--json] [--data DIR]
  登録されている利用者の一覧。
gyokaku user password --email ADDRESS [--municipality CODE] [--password-stdin] [--data DIR]
  パスワードを設定し直します（忘れたとき、デモ用アカウントを本番で残すときなど）。その利用者のログインはすべて終了します。
  --password-stdin がなければパスワードを作って一度だけ表示します。利用者は画面の自分の名前から自分で変更もできます。
gyokaku user disable|enable --email ADDRESS [--municipality CODE] [--data DIR]
  利用者を無効にします（ログインできず、ログイン中のものも終了します）／有効に戻します。履歴の名前は残ります。
  メールアドレスは団体ごとの登録です。同じアドレスが複数の団体にあるときは --municipality で団体を指定します。
gyokaku user demo [--data DIR]
  デモ用アカウント（役割ごとに一つ、江別市）を作ります。データベースが空ならデモデータも読み込みます。
  Adds users (the first admin too), lists them, resets a password, disables or enables an account, or creates
  the demo accounts.`;

export const backupHelp = `gyokaku backup --out FILE [--data DIR]
  データベースの中身をすべて（計画・照会・履歴・利用者・公表・定数管理・ファイル、すべての団体）一つのファイルに
  書き出します（gzip 圧縮の JSON Lines、形式は README「バックアップ・復元と PostgreSQL への移行」）。
  サーバーを止めずに取れます（PostgreSQL の場合。組み込みデータベースはサーバーの画面「管理 → バックアップ」から）。
  Writes everything in the database (every table, every municipality) to one gzip'd JSON-lines file.`;

export const restoreHelp = `gyokaku restore FILE [--replace] [--data DIR]
  gyokaku backup のファイルを復元します。すべてを一つのトランザクションで行い、失敗すれば何も変えません。
  組み込みデータベース（PGlite）のバックアップを PostgreSQL（DATABASE_URL）に復元でき、その逆もできます。
  新しい形式のバックアップは読みません。バックアップとデータベースの団体が違うときは、
  --replace を付けたときだけ、データベースの中身をバックアップの内容に置き換えます。
  Restores a backup in one transaction (PGlite ↔ PostgreSQL); refuses a newer format, and a different set
  of municipalities unless --replace.`;

export const doctorHelp = `gyokaku doctor [--data DIR] [--no-pdf]
  動かすのに必要なものを確かめ、足りないものと直し方を表示します：データベース（開けるか、更新が済んでいるか）、
  データディレクトリ（読み書きできるか）、PDF（Chromium があり、フォントを埋め込んで印刷できるか。--no-pdf で省略）、
  フォント、メールの設定（GYOKAKU_SMTP_HOST など）。必要なものが欠けていれば終了コード 1。
  Checks what gyokaku needs (database, data directory, Chromium for PDF, fonts, mail settings) and says
  what is missing and how to fix it; exit code 1 when something needed is missing.`;
