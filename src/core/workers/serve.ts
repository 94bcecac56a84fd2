/**
 * The inside of a worker: a `*.worker.ts` file calls serveTasks() with its tasks, and each message from the
 * pool (pool.ts) runs one task and answers with its value or its error (an AppError keeps its code, fields
 * and findings, so the web page and the CLI say what they would have said without the worker).
 */
import { parentPort } from "node:worker_threads";
import { AppError } from "../errors.ts";
import type { ReplyMessage, SerializedError, TaskMessage } from "./protocol.ts";

// biome-ignore lint/suspicious/noExplicitAny: tasks take and return plain data of any shape
export type Tasks = Record<string, (...args: any[]) => unknown>;

function serialize(e: unknown): SerializedError {
  if (e instanceof AppError)
    return { name: e.name, message: e.message, code: e.code, fields: e.fields, findings: [...e.findings] };
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack };
  return { name: "Error", message: String(e) };
}

export function serveTasks(tasks: Tasks): void {
  const port = parentPort;
  if (!port) throw new Error("serveTasks() runs inside a worker thread only");
  port.on("message", async (m: TaskMessage) => {
    const reply = (r: ReplyMessage) => port.postMessage(r);
    try {
      if (m.gate) {
        // A test holds the worker here, blocked as a long parse would block it (holdWorkersForTest).
        reply({ id: m.id, kind: "waiting" });
        Atomics.wait(new Int32Array(m.gate), 0, 0);
      }
      const run = tasks[m.task];
      if (!run) throw new Error(`no task ${m.task} in this worker`);
      reply({ id: m.id, kind: "done", value: await run(...m.args) });
    } catch (e) {
      reply({ id: m.id, kind: "failed", error: serialize(e) });
    }
  });
}
