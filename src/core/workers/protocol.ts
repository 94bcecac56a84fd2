/** The messages between the worker pool (pool.ts) and a worker (serve.ts). Plain data: structured clone. */
import type { ErrorCode } from "../errors.ts";
import type { Finding } from "../findings.ts";

export type TaskMessage = {
  id: number;
  task: string;
  args: unknown[];
  /** tests only: the worker waits on this before the task (see holdWorkersForTest) */
  gate?: SharedArrayBuffer | undefined;
};

export type SerializedError = {
  name: string;
  message: string;
  stack?: string | undefined;
  code?: ErrorCode | undefined;
  fields?: Readonly<Record<string, string>> | undefined;
  findings?: readonly Finding[] | undefined;
};

export type ReplyMessage =
  | { id: number; kind: "waiting" }
  | { id: number; kind: "done"; value: unknown }
  | { id: number; kind: "failed"; error: SerializedError };
