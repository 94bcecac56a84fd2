import { serve } from "@hono/node-server";
import { createDemoUsers, demoUsersMessage } from "../../auth/demo-users.service.ts";
import { warmCharts } from "../../core/charts/engine.ts";
import { usage } from "../../core/errors.ts";
import { closeBrowser } from "../../core/pdf/pdf.ts";
import { databaseOptionsFromEnv, openDatabase } from "../../db/database.ts";
import { loadDemoIfEmpty } from "../../demo/demo.service.ts";
import { startNotificationTimer } from "../../notifications/delivery.service.ts";
import { createApp } from "../../web/app.tsx";
import { parse } from "../args.ts";
import type { CommandIo } from "../io.ts";

export async function serveCommand(argv: string[], io: CommandIo): Promise<void> {
  const { values } = parse(argv, {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    host: { type: "string", default: process.env.HOST ?? "127.0.0.1" },
    data: { type: "string" },
    "no-demo": { type: "boolean" },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw usage(`--port ${values.port} はポート番号ではありません`);
  const open = await openDatabase(databaseOptionsFromEnv(values.data));
  io.log(`データベース: ${open.describe}`);
  if (!values["no-demo"]) {
    const demo = await loadDemoIfEmpty(open.db);
    if (demo) {
      const from = demo.from === "seeds" ? "資料（../shared/seeds）から" : "同梱のデモデータから";
      for (const d of demo.stored) {
        io.log(`デモデータを読み込みました（${from}）: ${d.title}（項目 ${d.items}、指標 ${d.indicators}）`);
      }
      for (const s of demo.staffing) {
        io.log(
          `デモデータを読み込みました（${from}）: ${s.municipalityName} の定数管理（${s.firstYear}〜${s.lastYear}年度、${s.headcounts} 件）`,
        );
      }
      for (const p of demo.published)
        io.log(`  公表（市民向けページ）: ${p.title} ${p.fiscalYear}年度 → ${p.path}`);
      if (demo.findings > 0)
        io.log(`  取り込み時の指摘事項 ${demo.findings} 件（gyokaku import --report で確認できます）`);
      const users = await createDemoUsers(open.db);
      if (users.length > 0) io.log(demoUsersMessage(users));
    }
  }
  const app = createApp(open);
  // Reminders, notifications and mail: a turn every minute (GYOKAKU_NOTIFY_INTERVAL_MS), never blocking a request.
  const interval = Number(process.env.GYOKAKU_NOTIFY_INTERVAL_MS ?? "60000");
  const notifications = startNotificationTimer(open.db, {
    intervalMs: Number.isFinite(interval) && interval >= 100 ? interval : 60_000,
  });
  const server = serve({ fetch: app.fetch, port, hostname: values.host }, (info) => {
    io.log(`gyokaku: http://${values.host === "0.0.0.0" ? "localhost" : values.host}:${info.port}/`);
    warmCharts();
  });
  const stop = async () => {
    notifications.stop();
    server.close();
    // The warm Chromium of the PDFs, if one was started, ends with the server.
    await closeBrowser().catch(() => undefined);
    await open.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
