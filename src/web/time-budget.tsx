/**
 * Every request has a time budget (issue 17.2): a page that takes longer than its budget is answered with a
 * plain page in Japanese (503, no internal text) and logged with a reference. The work is not left to finish
 * unseen: the budget's signal (src/core/deadline.ts) stops its queries and commits, so its transaction rolls
 * back (src/db/deadline-dialect.ts), and ends a task running in a worker (src/core/workers/pool.ts).
 */
import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { withDeadline } from "../core/deadline.ts";
import type { AuthEnv } from "../core/request.ts";
import { ErrorPage } from "../core/ui/error-pages.tsx";

export type TimeBudgets = {
  /** pages and forms */
  pageMs: number;
  /** imports, report downloads, backups, publishing: the heavy work */
  longMs: number;
  /** when a budget of `ms` is spent (default: a timer); tests pass a promise they settle themselves */
  clock?: ((ms: number) => Promise<unknown>) | undefined;
};

/** The default clock: a timer, cleared when the request ends first. */
function timer(ms: number, done: Promise<unknown>): Promise<unknown> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    done.finally(() => clearTimeout(t)).catch(() => {});
  });
}

/** From GYOKAKU_REQUEST_SECONDS (default 60) and GYOKAKU_LONG_REQUEST_SECONDS (default 600). */
export function timeBudgetsFromEnv(env = process.env): TimeBudgets {
  const seconds = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return value !== undefined && value !== "" && Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    pageMs: seconds(env.GYOKAKU_REQUEST_SECONDS, 60) * 1000,
    longMs: seconds(env.GYOKAKU_LONG_REQUEST_SECONDS, 600) * 1000,
  };
}

const LONG_PATHS = [
  /^\/import(\/confirm)?$/,
  /^\/staffing\/import$/,
  /^\/admin\/backup(\/|$)/,
  /^\/plans\/[^/]+\/reports\/[^/]+$/,
  /^\/plans\/[^/]+\/publish$/,
  /\.(xlsx|pdf|csv|zip|gz)$/,
];

/** Whether a request is heavy work with the longer budget: an import, a report, a download. */
export function isLongRequest(path: string, format: string | undefined): boolean {
  return LONG_PATHS.some((re) => re.test(path)) || ["pdf", "xlsx", "csv", "zip"].includes(format ?? "");
}

const seconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} 秒` : `${ms} ミリ秒`);

export function timeBudget(budgets: TimeBudgets): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const ms = isLongRequest(c.req.path, c.req.query("format")) ? budgets.longMs : budgets.pageMs;
    const budget = new AbortController();
    const work = withDeadline(budget.signal, () => next()).then(() => "done" as const);
    // After the budget nobody waits for the work; whatever it throws then has been answered already.
    work.catch(() => {});
    const spent = (budgets.clock ? budgets.clock(ms) : timer(ms, work)).then(() => "spent" as const);
    if ((await Promise.race([work, spent])) === "done") return;
    budget.abort();
    const reference = randomUUID().slice(0, 8);
    console.error(
      `[${reference}] ${c.req.method} ${c.req.path}: 時間の上限（${seconds(ms)}）を超えたため打ち切りました`,
    );
    const refusal = await c.html(
      <ErrorPage
        status={503}
        title="時間内に終わりませんでした"
        message={`処理が時間の上限（${seconds(ms)}）までに終わらなかったため、打ち切りました。途中までの変更は保存していません。時間をおいてもう一度お試しください。続く場合は、管理者にこの番号をお知らせください: ${reference}`}
      />,
      503,
      { "Retry-After": "60" },
    );
    c.res = undefined;
    c.res = refusal;
  };
}
