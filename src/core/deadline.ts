/**
 * The time budget of the work in progress (a web request): an AbortSignal carried through every await of the
 * request with AsyncLocalStorage, so that code far from the request (the database driver, the worker pool)
 * can stop once the budget is spent: no query runs and no transaction commits after it, and a worker's task is
 * ended. Outside a request (the CLI, start-up) there is no budget.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { AppError } from "./errors.ts";

const storage = new AsyncLocalStorage<AbortSignal>();

/** Runs `work` under the budget `signal` (aborted when the budget is spent). */
export function withDeadline<T>(signal: AbortSignal, work: () => T): T {
  return storage.run(signal, work);
}

/** The budget of the current work, if it has one. */
export function currentDeadline(): AbortSignal | undefined {
  return storage.getStore();
}

/** The refusal of anything asked for after the budget was spent (the request has been answered already). */
export function deadlinePassed(): AppError {
  return new AppError(
    "unavailable",
    "処理が時間内に終わらなかったため、打ち切りました。何も保存していません。",
  );
}

/** Throws when the current work's budget is spent: called before each query and before each commit. */
export function checkDeadline(): void {
  if (storage.getStore()?.aborted) throw deadlinePassed();
}
