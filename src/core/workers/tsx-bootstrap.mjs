// The start of a worker thread when gyokaku runs from its TypeScript sources (tsx: tests, development): tsx's
// loader is registered in the thread, then the worker's .ts file is loaded. The build runs dist/*.worker.js directly.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.gyokakuWorkerScript);
