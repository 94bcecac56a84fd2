/**
 * Heavy work off the request thread (issue 17.2): reading an uploaded workbook with exceljs and making a
 * report's xlsx run in worker threads, so that one import or report never freezes the pages, `/healthz` or
 * the public site of anyone else.
 *
 * - A small pool per worker file (`*.worker.ts`, which calls serveTasks()): at most WORKERS_PER_FILE threads,
 *   started on first use and kept; more tasks wait in a queue.
 * - The request's time budget (src/core/deadline.ts) reaches the task: when it is spent, a queued task is
 *   dropped and a running one's thread is ended (and replaced on the next task), so the memory and CPU of an
 *   abandoned parse are given back.
 * - Idle threads do not keep the process alive (the CLI ends when its work ends).
 * - Sources and build: with tsx (tests, development) the worker runs the `.ts` file through tsx, which the
 *   worker inherits from the process's options. The build (scripts/build.js) makes each `*.worker.ts` an entry
 *   point of its own, dist/<name>.worker.js; this module, bundled into dist/, finds it beside itself.
 */
import { availableParallelism } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { currentDeadline, deadlinePassed } from "../deadline.ts";
import { AppError } from "../errors.ts";
import type { ReplyMessage, SerializedError, TaskMessage } from "./protocol.ts";

/** Two cores are shared by the requests and the database: one thread per file leaves the rest to them. */
export const WORKERS_PER_FILE = Math.max(1, Math.min(2, availableParallelism() - 1));

type Job = {
  id: number;
  task: string;
  args: unknown[];
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort?: () => void;
};

type Thread = { worker: Worker; job: Job | null };

/** Whether this code runs from the TypeScript sources (tsx) rather than the build in dist/. */
const fromSources = !import.meta.filename.endsWith(".js");

/** From the sources, a worker starts with tsx-bootstrap.mjs, which registers tsx's loader and loads the .ts file. */
function startWorker(script: string): Worker {
  if (!fromSources) return new Worker(script);
  return new Worker(new URL("./tsx-bootstrap.mjs", import.meta.url), {
    workerData: { gyokakuWorkerScript: pathToFileURL(script).href },
  });
}

/** Where the worker's code is: the source file under tsx, dist/<name>.js in the build. */
export function workerScript(source: URL): string {
  // `import.meta.filename` is left alone by the build (only import.meta.url is rewritten to the source's address):
  // in the build it is the chunk in dist/ this code was bundled into.
  const here = import.meta.filename;
  if (here.endsWith(".js")) return join(dirname(here), basename(source.pathname).replace(/\.tsx?$/, ".js"));
  return fileURLToPath(source);
}

function revive(e: SerializedError): Error {
  if (e.name === "AppError" && e.code)
    return new AppError(e.code, e.message, { fields: e.fields ?? {}, findings: e.findings ?? [] });
  const error = new Error(e.message);
  error.name = e.name;
  if (e.stack) error.stack = `${error.name}: ${e.message}\n    (in a worker thread)\n${e.stack}`;
  return error;
}

let testGate: Int32Array | null = null;
let onWaiting: (() => void) | null = null;

class Pool {
  private readonly threads: Thread[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  constructor(private readonly script: string) {}

  run(task: string, args: unknown[]): Promise<unknown> {
    const signal = currentDeadline();
    if (signal?.aborted) return Promise.reject(deadlinePassed());
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, task, args, resolve, reject, signal };
      if (signal) {
        job.onAbort = () => this.abort(job);
        signal.addEventListener("abort", job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let thread = this.threads.find((t) => t.job === null);
      if (!thread && this.threads.length < WORKERS_PER_FILE) thread = this.start();
      if (!thread) return;
      const job = this.queue.shift()!;
      thread.job = job;
      thread.worker.ref();
      const message: TaskMessage = {
        id: job.id,
        task: job.task,
        args: job.args,
        gate: testGate ? (testGate.buffer as SharedArrayBuffer) : undefined,
      };
      thread.worker.postMessage(message);
    }
  }

  private start(): Thread {
    const worker = startWorker(this.script);
    const thread: Thread = { worker, job: null };
    worker.unref();
    worker.on("message", (m: ReplyMessage) => {
      const job = thread.job;
      if (!job || job.id !== m.id) return;
      if (m.kind === "waiting") {
        onWaiting?.();
        return;
      }
      this.finish(thread);
      if (m.kind === "done") job.resolve(m.value);
      else job.reject(revive(m.error));
      this.pump();
    });
    const lost = (e: unknown) => {
      this.remove(thread);
      const job = thread.job;
      thread.job = null;
      if (job) {
        this.detach(job);
        job.reject(e instanceof Error ? e : new Error(`worker thread ended (${String(e)})`));
      }
      this.pump();
    };
    worker.on("error", lost);
    worker.on("exit", (code) => {
      if (this.threads.includes(thread)) lost(new Error(`worker thread exited with code ${code}`));
    });
    this.threads.push(thread);
    return thread;
  }

  private finish(thread: Thread): void {
    if (thread.job) this.detach(thread.job);
    thread.job = null;
    thread.worker.unref();
  }

  private detach(job: Job): void {
    if (job.signal && job.onAbort) job.signal.removeEventListener("abort", job.onAbort);
  }

  private remove(thread: Thread): void {
    const i = this.threads.indexOf(thread);
    if (i >= 0) this.threads.splice(i, 1);
  }

  /** The budget of the job's request is spent: drop it from the queue, or end the thread running it. */
  private abort(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    const thread = this.threads.find((t) => t.job === job);
    if (thread) {
      this.remove(thread);
      thread.job = null;
      void thread.worker.terminate();
    }
    job.reject(deadlinePassed());
    this.pump();
  }

  async close(): Promise<void> {
    const threads = this.threads.splice(0);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  get running(): number {
    return this.threads.filter((t) => t.job !== null).length;
  }
}

const pools = new Map<string, Pool>();

/**
 * Runs `task` of the worker file `source` (a `*.worker.ts`, given as `new URL("./x.worker.ts",
 * import.meta.url)`) in a worker thread with `args` (plain data, copied), within the current request's budget.
 */
export function runInWorker<T>(source: URL, task: string, args: unknown[]): Promise<T> {
  const script = workerScript(source);
  let pool = pools.get(script);
  if (!pool) {
    pool = new Pool(script);
    pools.set(script, pool);
  }
  return pool.run(task, args) as Promise<T>;
}

/** Tasks running now, over every pool (tests and the health page). */
export function runningTasks(): number {
  return [...pools.values()].reduce((n, p) => n + p.running, 0);
}

/** Ends every worker thread (tests; the server's shutdown). */
export async function closeWorkers(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.close()));
}

/**
 * Tests only: every task sent from now on blocks its worker thread (Atomics.wait, as a long parse blocks it)
 * until release(); `waiting` settles when a task is held so.
 */
export function holdWorkersForTest(): { waiting: Promise<void>; release: () => void } {
  const gate = new Int32Array(new SharedArrayBuffer(4));
  testGate = gate;
  const waiting = new Promise<void>((resolve) => {
    onWaiting = resolve;
  });
  return {
    waiting,
    release: () => {
      testGate = null;
      onWaiting = null;
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
    },
  };
}
